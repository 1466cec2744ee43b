package rt

// Contract descriptors. The generated package describes its types as data
// (contracts_gen.go): for every class contract its Go struct, DCS name and
// namespace and its members in DCS order; for every enum its values. The
// codecs in codec_*.go interpret these tables, so the generated code holds
// no per-member code to compile: a member is one line of a table.
//
// Type references in descriptors are spec references with Go names:
// "guid", "string", "list<AppointmentNote>", "dict<string,list<string>>",
// "nullable<dateTime>", "pair<int,string>", "AppointmentStatus".
//
// Resolution happens once, on first use: names are looked up, every member
// is matched to its struct field by reflection (offset and Go type), and the
// Go type is checked against what the reference says (a *string for a
// string, []*T for list<T>, …), so that the unsafe accesses of the codecs
// are checked once against the compiler's own layout. A mismatch is a bug of
// the generator and panics with the member's name.

import (
	"crypto/md5"
	"encoding/base64"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/google/uuid"
)

// API is one generated package's set of contracts and its wire settings.
type API struct {
	Contracts []*Contract
	Enums     []*Enum
	Opaque    []*Opaque
	Roots     []*Root
	Ops       []*Op
	// Dates is how the server's Json.NET writes dates; ClientDates how
	// the client writes them (Json.NET's round-trip form, which every
	// server reads whatever its own format).
	Dates, ClientDates *JSONDates

	once   sync.Once
	names  map[string]any // Go name → *Contract or *Enum
	codecs map[string]*rtCodec
}

// Contract describes a class contract: a generated struct.
type Contract struct {
	Go   any    // a nil pointer to the struct: (*T)(nil)
	Name string // CLR name, for messages
	XML  string // DCS contract name
	NS   string // DCS contract namespace
	// Members in DCS order: base class members first, each level by
	// (Order, Name); then members that only JSON carries.
	Members []Member
	// JSONOrder names the JSON members in the order Json.NET writes them;
	// nil means the order of Members.
	JSONOrder []string

	info *rtContractInfo
}

// Member is one DataMember.
type Member struct {
	Name  string // as the docs show it; the JSON, XML and form name unless set below
	Field string // Go field; "" means Name
	Type  string // type reference
	JSON  string // JSON name when it differs from Name
	XML   string // XML element name when it differs from Name
	NS    string // XML namespace of the declaring class when not the contract's
	Form  string // form key (the CLR property name) when it differs from Name
	// NoJSON and NoXML mark members a format does not carry.
	NoJSON, NoXML bool
	// Required is DataMember(IsRequired=true): the XML reader wants it.
	Required bool
	// OmitDefault is DataMember(EmitDefaultValue=false).
	OmitDefault bool
	// MaybeNull marks a value type that may be Nullable<T> in .NET (the
	// pages cannot show it): readers take null as the zero value.
	MaybeNull bool
	// NoForm marks a member Web API's form binding does not set (a public
	// field, or a non-public DataMember): the form writer refuses a value
	// and the reader reads none.
	NoForm bool
	// Check holds the documented validation annotations, if any.
	Check *Check
}

// Opaque describes a contract the Help Pages name but whose shape no
// page or sample shows: its values are Objects (raw JSON, raw XML), and
// XML needs its contract name and namespace (a collection's items, DCS's
// namespace declaration on a nil member, a root).
type Opaque struct {
	Name string // the Go name the type references use
	XML  string
	NS   string
}

// Enum describes an enum: a generated integer type.
type Enum struct {
	Go     any // a nil pointer to the enum type
	Name   string
	XML    string
	NS     string
	Flags  bool
	Values []EnumValue

	info *rtEnumInfo
}

// EnumValue is one enum field: its CLR name, number and the text DCS
// writes for it (EnumMember Value) when that is not the name.
type EnumValue struct {
	Name  string
	Value int64
	Wire  string
}

// Root is a request body or response type.
type Root struct {
	Go   any // a nil pointer to a value of the type
	Type string

	codec  *rtCodec
	goType reflect.Type // of Go
}

// ---- resolved forms ----

// rtKind is how the codecs handle a value.
type rtKind uint8

const (
	rtKString rtKind = iota + 1 // *string, or string for dictionary keys
	rtKInt                      // int8 … int64
	rtKUint                     // uint8 … uint64
	rtKFloat32
	rtKFloat64
	rtKDecimal
	rtKBool
	rtKDateTime
	rtKDateTimeOffset
	rtKTimeSpan
	rtKGUID
	rtKChar
	rtKBytes  // []byte, base64 in JSON and XML
	rtKObject // Object
	rtKEnum
	rtKContract // *T of a generated struct
	rtKList
	rtKDict
	rtKNullable // *V
	rtKPair     // KeyValuePair[K, V]
)

// rtCodec is a resolved type reference.
type rtCodec struct {
	kind rtKind
	prim string // spec primitive name
	bits int    // integers
	// value is set for strings held as values (dictionary keys).
	value    bool
	elem     *rtCodec // list item, dictionary or nullable value, pair value
	key      *rtCodec // dictionary and pair key
	contract *rtContractInfo
	enum     *rtEnumInfo
	opaque   *Opaque      // an Object of a named contract
	typ      reflect.Type // Go type of a value
	size     uintptr
	// keyOff and valOff place a pair's Key and Value.
	keyOff, valOff uintptr
	// xmlName and xmlNS are the DCS contract of a value: the element of a
	// collection item or of a root.
	xmlName, xmlNS string
	// xmlItem is a dictionary's item element (KeyValueOf…).
	xmlItem string
	// layout is how a list's backing arrays are allocated.
	layout int
	// contractValue is rtIsContractValue(c): DCS declares the namespace of
	// such a value on the element holding it.
	contractValue bool
	ref           string
}

// rtContractInfo is a resolved contract.
type rtContractInfo struct {
	*Contract
	typ     reflect.Type // the struct type
	ptrType reflect.Type // *T
	self    *rtCodec     // the codec of a *T holding it
	fields  []rtField    // Members order
	json    []*rtField   // JSON order
	xml     []*rtField   // DCS order
	xmlMems []rtXMLMember
	form    []*rtField
	// noForm are the members form binding does not set (NoForm).
	noForm []*rtField
	// jsonOmit is set when a member may be left out of the JSON.
	jsonOmit bool
}

// rtField is a resolved member.
type rtField struct {
	*Member
	off   uintptr
	codec *rtCodec
	// jsonKey is `"Name":`; xmlName, xmlNS the element; formKey the key
	// segment; what the name in messages.
	jsonName string
	jsonKey  []byte
	xmlName  string
	xmlNS    string
	formKey  string
	// check is the member's documented validation, nil for none.
	check *rtCheckInfo
}

// rtEnumInfo is a resolved enum.
type rtEnumInfo struct {
	*Enum
	typ      reflect.Type
	bits     int
	unsigned bool
	names    *rtEnumNames
	byValue  map[int64]int // first declared value → index
	wire     map[string]int64
}

// ---- resolution ----

func (a *API) ready() {
	a.once.Do(a.resolve)
}

func (a *API) resolve() {
	a.names = map[string]any{}
	a.codecs = map[string]*rtCodec{}
	for _, c := range a.Contracts {
		a.names[rtGoName(c.Go)] = c
	}
	for _, e := range a.Enums {
		a.names[rtGoName(e.Go)] = e
		e.info = rtResolveEnum(e)
	}
	for _, o := range a.Opaque {
		a.names[o.Name] = o
	}
	// Contracts first get their info (so references to them resolve,
	// also cyclic ones), then their members.
	for _, c := range a.Contracts {
		c.info = &rtContractInfo{Contract: c, typ: reflect.TypeOf(c.Go).Elem(), ptrType: reflect.TypeOf(c.Go)}
	}
	for _, c := range a.Contracts {
		c.info.self = a.codec(rtGoName(c.Go), reflect.TypeOf(c.Go), "contract "+c.Name)
	}
	for _, c := range a.Contracts {
		a.resolveMembers(c.info)
	}
	for _, r := range a.Roots {
		r.goType = reflect.TypeOf(r.Go)
		r.codec = a.codec(r.Type, r.goType.Elem(), "root "+r.Type)
	}
	for _, op := range a.Ops {
		a.resolveOp(op)
	}
}

// rtGoName is the name of the type a descriptor's Go field points to.
func rtGoName(goPtr any) string {
	return reflect.TypeOf(goPtr).Elem().Name()
}

func (a *API) resolveMembers(ci *rtContractInfo) {
	ci.fields = make([]rtField, len(ci.Members))
	byJSON := map[string]*rtField{}
	for i := range ci.Members {
		m := &ci.Members[i]
		f := &ci.fields[i]
		f.Member = m
		field := m.Field
		if field == "" {
			field = m.Name
		}
		sf, ok := ci.typ.FieldByName(field)
		if !ok {
			panic("helpgen runtime: " + ci.typ.Name() + " has no field " + field)
		}
		f.off = sf.Offset
		f.codec = a.codec(m.Type, sf.Type, ci.typ.Name()+"."+field)
		f.jsonName = rtOr(m.JSON, m.Name)
		f.jsonKey = rtAppendJSONString([]byte(nil), f.jsonName)
		f.jsonKey = append(f.jsonKey, ':')
		f.xmlName = rtOr(m.XML, m.Name)
		f.xmlNS = rtOr(m.NS, ci.NS)
		f.formKey = rtOr(m.Form, m.Name)
		if m.Check != nil {
			f.check = rtResolveCheck(m.Check, m)
		}
		if !m.NoJSON {
			byJSON[f.jsonName] = f
			ci.jsonOmit = ci.jsonOmit || m.OmitDefault
		}
		if !m.NoXML {
			ci.xml = append(ci.xml, f)
			ci.xmlMems = append(ci.xmlMems, rtXMLMember{Name: f.xmlName, NS: f.xmlNS, Required: m.Required})
		}
		switch {
		case m.NoForm:
			ci.noForm = append(ci.noForm, f)
		case f.codec.kind != rtKObject:
			ci.form = append(ci.form, f) // an Object cannot be bound from a form
		}
	}
	if ci.JSONOrder == nil {
		for i := range ci.fields {
			if !ci.fields[i].NoJSON {
				ci.json = append(ci.json, &ci.fields[i])
			}
		}
	} else {
		for _, n := range ci.JSONOrder {
			f := byJSON[n]
			if f == nil {
				panic("helpgen runtime: " + ci.typ.Name() + ": JSONOrder names no member " + n)
			}
			ci.json = append(ci.json, f)
		}
		if len(ci.json) != len(byJSON) {
			panic("helpgen runtime: " + ci.typ.Name() + ": JSONOrder does not list every JSON member")
		}
	}
}

func rtOr(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// codec resolves a type reference for values of Go type t (checked).
func (a *API) codec(ref string, t reflect.Type, what string) *rtCodec {
	key := ref + "\x00" + t.String()
	if c := a.codecs[key]; c != nil {
		return c
	}
	c := &rtCodec{ref: ref, typ: t, size: t.Size()}
	a.codecs[key] = c // before the elements: a contract may contain itself
	bad := func() {
		panic("helpgen runtime: " + what + ": type " + ref + " is not held by a Go " + t.String())
	}
	name, args := rtSplitRef(ref)
	switch name {
	case "list", "dict", "nullable", "pair":
		switch {
		case name == "list" && len(args) == 1 && t.Kind() == reflect.Slice:
			c.kind = rtKList
			c.elem = a.codec(args[0], t.Elem(), what)
			c.layout = rtLayoutOf(t.Elem())
		case name == "nullable" && len(args) == 1 && t.Kind() == reflect.Pointer:
			c.kind = rtKNullable
			c.elem = a.codec(args[0], t.Elem(), what)
		case name == "dict" && len(args) == 2 && t.Kind() == reflect.Map:
			c.kind = rtKDict
			c.key = a.codec(args[0], t.Key(), what)
			c.elem = a.codec(args[1], t.Elem(), what)
		case name == "pair" && len(args) == 2 && t.Kind() == reflect.Struct && t.NumField() == 2:
			c.kind = rtKPair
			kf, vf := t.Field(0), t.Field(1)
			if kf.Name != "Key" || vf.Name != "Value" {
				bad()
			}
			c.keyOff, c.valOff = kf.Offset, vf.Offset
			c.key = a.codec(args[0], kf.Type, what)
			c.elem = a.codec(args[1], vf.Type, what)
		default:
			bad()
		}
	default:
		if p, ok := rtPrims[name]; ok {
			c.kind, c.prim, c.bits = p.kind, name, p.bits
			switch {
			case p.kind == rtKString && t.Kind() == reflect.String:
				c.value = true
			case p.typ != t:
				bad()
			}
		} else {
			switch d := a.names[name].(type) {
			case *Contract:
				if t.Kind() != reflect.Pointer || t.Elem() != d.info.typ {
					bad()
				}
				c.kind, c.contract = rtKContract, d.info
			case *Enum:
				if t != d.info.typ {
					bad()
				}
				c.kind, c.enum, c.bits = rtKEnum, d.info, d.info.bits
			case *Opaque:
				if t != reflect.TypeFor[Object]() {
					bad()
				}
				c.kind, c.prim, c.opaque = rtKObject, "anyType", d
			default:
				panic("helpgen runtime: " + what + ": unknown type " + name)
			}
		}
	}
	c.xmlName, c.xmlNS = rtXMLContract(c)
	c.contractValue = rtIsContractValue(c)
	if c.kind == rtKDict {
		kn, kns := rtXMLContract(c.key)
		vn, vns := rtXMLContract(c.elem)
		c.xmlItem = rtGenericName("KeyValue", []string{kn, vn}, []string{kns, vns})
	}
	return c
}

// rtSplitRef splits "list<a>" into "list" and ["a"], "dict<a,b<c,d>>" into
// "dict" and ["a", "b<c,d>"]; a name without arguments comes back alone.
func rtSplitRef(ref string) (string, []string) {
	i := strings.IndexByte(ref, '<')
	if i < 0 || !strings.HasSuffix(ref, ">") {
		return ref, nil
	}
	body := ref[i+1 : len(ref)-1]
	var args []string
	depth, start := 0, 0
	for j := 0; j < len(body); j++ {
		switch body[j] {
		case '<':
			depth++
		case '>':
			depth--
		case ',':
			if depth == 0 {
				args = append(args, body[start:j])
				start = j + 1
			}
		}
	}
	return ref[:i], append(args, body[start:])
}

// rtPrims are the primitives: kind, bit size and the Go type of a value.
var rtPrims = map[string]struct {
	kind rtKind
	bits int
	typ  reflect.Type
}{
	"string":         {rtKString, 0, reflect.TypeFor[*string]()},
	"anyURI":         {rtKString, 0, reflect.TypeFor[*string]()},
	"int":            {rtKInt, 32, reflect.TypeFor[int32]()},
	"long":           {rtKInt, 64, reflect.TypeFor[int64]()},
	"short":          {rtKInt, 16, reflect.TypeFor[int16]()},
	"byte":           {rtKInt, 8, reflect.TypeFor[int8]()},
	"unsignedByte":   {rtKUint, 8, reflect.TypeFor[uint8]()},
	"unsignedShort":  {rtKUint, 16, reflect.TypeFor[uint16]()},
	"unsignedInt":    {rtKUint, 32, reflect.TypeFor[uint32]()},
	"unsignedLong":   {rtKUint, 64, reflect.TypeFor[uint64]()},
	"float":          {rtKFloat32, 32, reflect.TypeFor[float32]()},
	"double":         {rtKFloat64, 64, reflect.TypeFor[float64]()},
	"decimal":        {rtKDecimal, 0, reflect.TypeFor[Decimal]()},
	"boolean":        {rtKBool, 0, reflect.TypeFor[bool]()},
	"dateTime":       {rtKDateTime, 0, reflect.TypeFor[DateTime]()},
	"dateTimeOffset": {rtKDateTimeOffset, 0, reflect.TypeFor[time.Time]()},
	"duration":       {rtKTimeSpan, 0, reflect.TypeFor[TimeSpan]()},
	"guid":           {rtKGUID, 0, reflect.TypeFor[uuid.UUID]()},
	"char":           {rtKChar, 0, reflect.TypeFor[rune]()},
	"base64Binary":   {rtKBytes, 0, reflect.TypeFor[[]byte]()},
	"anyType":        {rtKObject, 0, reflect.TypeFor[Object]()},
}

func rtResolveEnum(e *Enum) *rtEnumInfo {
	t := reflect.TypeOf(e.Go).Elem()
	info := &rtEnumInfo{Enum: e, typ: t, bits: t.Bits(), byValue: map[int64]int{}, wire: map[string]int64{}}
	switch t.Kind() {
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		info.unsigned = true
	}
	names := &rtEnumNames{}
	for i, v := range e.Values {
		names.names = append(names.names, v.Name)
		names.values = append(names.values, v.Value)
		if v.Wire != "" && v.Wire != v.Name {
			names.names = append(names.names, v.Wire)
			names.values = append(names.values, v.Value)
		}
		if _, ok := info.byValue[v.Value]; !ok {
			info.byValue[v.Value] = i // an alias: .NET names the first declared
		}
		if _, ok := info.wire[rtOr(v.Wire, v.Name)]; !ok {
			info.wire[rtOr(v.Wire, v.Name)] = v.Value
		}
	}
	info.names = names
	return info
}

// ---- DCS contract names of values ----

// Namespaces of DCS's built-in contracts.
const (
	rtNSSchema  = "http://www.w3.org/2001/XMLSchema"
	rtNSGeneric = "http://schemas.datacontract.org/2004/07/System.Collections.Generic"
)

// rtXMLContract is the DCS contract of a value of c: the element a value
// gets as a collection item or a root, and its namespace.
func rtXMLContract(c *rtCodec) (name, ns string) {
	switch c.kind {
	case rtKContract:
		return c.contract.XML, c.contract.NS
	case rtKEnum:
		return c.enum.XML, c.enum.NS
	case rtKNullable:
		return rtXMLContract(c.elem)
	case rtKObject:
		if c.opaque != nil {
			return c.opaque.XML, c.opaque.NS
		}
	case rtKList:
		in, ins := rtXMLContract(c.elem)
		switch {
		case c.elem.opaque != nil:
			return "ArrayOf" + in, ins // a contract's collection: in its namespace
		case c.elem.kind == rtKNullable && c.elem.elem.kind < rtKEnum:
			// List<long?>: ArrayOfNullableOflong in System, items in System
			// (verified on mono; a real server's sample agrees).
			return "ArrayOfNullableOf" + in, rtNSSystem
		case c.elem.kind < rtKEnum, c.elem.kind == rtKList && ins == rtNSArrays, c.elem.kind == rtKDict:
			return "ArrayOf" + in, rtNSArrays
		}
		return "ArrayOf" + in, ins
	case rtKDict:
		kn, kns := rtXMLContract(c.key)
		vn, vns := rtXMLContract(c.elem)
		return "ArrayOf" + rtGenericName("KeyValue", []string{kn, vn}, []string{kns, vns}), rtNSArrays
	case rtKPair:
		kn, kns := rtXMLContract(c.key)
		vn, vns := rtXMLContract(c.elem)
		return rtGenericName("KeyValuePair", []string{kn, vn}, []string{kns, vns}), rtNSGeneric
	}
	switch c.prim {
	case "guid", "char", "duration":
		return c.prim, rtNSSer
	case "dateTimeOffset":
		return "DateTimeOffset", rtNSSystem
	}
	return c.prim, rtNSSchema
}

// rtGenericName is DCS's name of a generic instance: the base name, "Of",
// the argument names, and a hash of the argument namespaces when one of
// them is not XSD's or Serialization's.
func rtGenericName(base string, argNames, argNS []string) string {
	name := base + "Of" + strings.Join(argNames, "")
	for _, ns := range argNS {
		if ns != rtNSSchema && ns != rtNSSer {
			return name + rtGenericHash(argNS)
		}
	}
	return name
}

// rtGenericHash is MD5 over " {arity}" and " {ns}" per argument, the first
// 6 bytes in base64 without '=', with '/' as "_S" and '+' as "_P".
func rtGenericHash(argNS []string) string {
	var b strings.Builder
	b.WriteString(" " + strconv.Itoa(len(argNS)))
	for _, ns := range argNS {
		b.WriteString(" " + ns)
	}
	sum := md5.Sum([]byte(b.String()))
	enc := base64.StdEncoding.EncodeToString(sum[:6])
	enc = strings.ReplaceAll(enc, "=", "")
	enc = strings.ReplaceAll(enc, "/", "_S")
	return strings.ReplaceAll(enc, "+", "_P")
}

// rtIsContractValue reports whether values of c are elements with children,
// so that DCS declares their namespace on the member element.
func rtIsContractValue(c *rtCodec) bool {
	switch c.kind {
	case rtKContract, rtKList, rtKDict, rtKPair:
		return true
	case rtKNullable:
		return rtIsContractValue(c.elem)
	case rtKDateTimeOffset:
		return true
	}
	return false
}

// ---- values in memory ----

// rtSlice is a slice header.
type rtSlice struct {
	data unsafe.Pointer
	len  int
	cap  int
}

// Slice memory layouts, by element type: how rtGrow allocates backing
// arrays the collector reads correctly without reflect.MakeSlice (whose
// Value costs an allocation of its own per list).
const (
	rtLayoutPointer = iota + 1 // one pointer (*T, *string): as []unsafe.Pointer
	rtLayoutNoScan             // no pointers (ints, GUIDs, decimals): as []uint64 words
	rtLayoutOther              // anything else: through reflect
)

// rtLayoutOf classifies a slice element type.
func rtLayoutOf(t reflect.Type) int {
	switch {
	case t.Kind() == reflect.Pointer || t.Kind() == reflect.Map:
		return rtLayoutPointer
	case !rtHasPointers(t):
		return rtLayoutNoScan
	}
	return rtLayoutOther
}

// rtHasPointers reports whether values of t hold pointers.
func rtHasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && rtHasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if rtHasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true
}

// rtGrow returns a slice header of list codec c with room for one more
// element, copying the elements so far.
func rtGrow(c *rtCodec, s rtSlice) rtSlice {
	if s.len < s.cap {
		return s
	}
	n := s.cap * 2
	if n == 0 {
		n = 4
	}
	switch c.layout {
	case rtLayoutPointer:
		a := make([]unsafe.Pointer, s.len, n)
		copy(a, unsafe.Slice((*unsafe.Pointer)(s.data), s.len))
		return rtSlice{data: unsafe.Pointer(unsafe.SliceData(a)), len: s.len, cap: n}
	case rtLayoutNoScan:
		size := c.elem.size
		a := make([]uint64, (uintptr(n)*size+7)/8)
		data := unsafe.Pointer(unsafe.SliceData(a))
		if s.len > 0 {
			copy(unsafe.Slice((*byte)(data), uintptr(s.len)*size), unsafe.Slice((*byte)(s.data), uintptr(s.len)*size))
		}
		return rtSlice{data: data, len: s.len, cap: n}
	}
	v := reflect.MakeSlice(c.typ, s.len, n)
	if s.len > 0 {
		old := reflect.New(c.typ)
		*(*rtSlice)(old.UnsafePointer()) = s
		reflect.Copy(v, old.Elem())
	}
	return rtSlice{data: v.UnsafePointer(), len: s.len, cap: n}
}

// rtNew allocates a zero value of t and returns its address.
func rtNew(t reflect.Type) unsafe.Pointer {
	return reflect.New(t).UnsafePointer()
}

// rtJSONReaders recycles readers (and the scratch space they grow).
var rtJSONReaders = sync.Pool{New: func() any { return new(rtJSONReader) }}

// rtMapValue is the map at p as a reflect.Value, for the codecs read and
// build maps through reflect. The map pointer is copied into a cell of its
// own: reflect.NewAt would make p escape, and with it every value a codec
// writes.
func rtMapValue(t reflect.Type, p unsafe.Pointer) reflect.Value {
	cell := reflect.New(t)
	*(*unsafe.Pointer)(cell.UnsafePointer()) = *(*unsafe.Pointer)(p)
	return cell.Elem()
}

// rtSetMap stores the map m at p (a map value is one pointer).
func rtSetMap(p unsafe.Pointer, m reflect.Value) {
	*(*unsafe.Pointer)(p) = m.UnsafePointer()
}

// rtZeroValue clears the value at p (null read for a member of unknown
// nullability: the zero value).
func rtZeroValue(c *rtCodec, p unsafe.Pointer) {
	clear(unsafe.Slice((*byte)(p), c.size))
}

// rtIsDefault reports whether the value at p is its type's default, for
// DataMember(EmitDefaultValue=false).
func rtIsDefault(c *rtCodec, p unsafe.Pointer) bool {
	switch c.kind {
	case rtKString, rtKContract, rtKNullable:
		if c.value {
			return *(*string)(p) == ""
		}
		return *(*unsafe.Pointer)(p) == nil
	case rtKList, rtKBytes:
		return (*rtSlice)(p).data == nil
	case rtKDict:
		return *(*unsafe.Pointer)(p) == nil
	case rtKInt, rtKUint, rtKEnum, rtKChar:
		return rtLoadInt(p, c.size) == 0
	case rtKFloat32:
		return *(*float32)(p) == 0
	case rtKFloat64:
		return *(*float64)(p) == 0
	case rtKBool:
		return !*(*bool)(p)
	case rtKDecimal:
		return (*Decimal)(p).IsZero()
	case rtKDateTime:
		return (*DateTime)(p).IsZero()
	case rtKDateTimeOffset:
		return (*time.Time)(p).IsZero()
	case rtKTimeSpan:
		return *(*TimeSpan)(p) == 0
	case rtKGUID:
		return *(*uuid.UUID)(p) == uuid.Nil
	case rtKObject:
		return (*Object)(p).IsNull()
	}
	return false
}

// rtLoadInt reads an integer of size bytes at p, sign-extended (the caller
// reinterprets unsigned values).
func rtLoadInt(p unsafe.Pointer, size uintptr) int64 {
	switch size {
	case 1:
		return int64(*(*int8)(p))
	case 2:
		return int64(*(*int16)(p))
	case 4:
		return int64(*(*int32)(p))
	}
	return *(*int64)(p)
}

// rtLoadUint reads an unsigned integer of size bytes at p.
func rtLoadUint(p unsafe.Pointer, size uintptr) uint64 {
	switch size {
	case 1:
		return uint64(*(*uint8)(p))
	case 2:
		return uint64(*(*uint16)(p))
	case 4:
		return uint64(*(*uint32)(p))
	}
	return *(*uint64)(p)
}

// rtStoreInt writes an integer of size bytes at p (truncating; callers
// range-check first).
func rtStoreInt(p unsafe.Pointer, size uintptr, v int64) {
	switch size {
	case 1:
		*(*int8)(p) = int8(v)
	case 2:
		*(*int16)(p) = int16(v)
	case 4:
		*(*int32)(p) = int32(v)
	default:
		*(*int64)(p) = v
	}
}

// rtEnumText is the CLR name of an enum value, or its number.
func rtEnumText(e *rtEnumInfo, p unsafe.Pointer) string {
	v := rtEnumLoad(e, p)
	if i, ok := e.byValue[v]; ok {
		return e.Values[i].Name
	}
	if e.unsigned {
		return strconv.FormatUint(uint64(v), 10)
	}
	return strconv.FormatInt(v, 10)
}

// rtEnumLoad reads an enum value: signed values sign-extended, unsigned
// ones as their bit pattern.
func rtEnumLoad(e *rtEnumInfo, p unsafe.Pointer) int64 {
	if e.unsigned {
		return int64(rtLoadUint(p, uintptr(e.bits/8)))
	}
	return rtLoadInt(p, uintptr(e.bits/8))
}

// enumString is an enum's String: the CLR name of v, or its number.
func (a *API) EnumString(e *Enum, v int64) string {
	a.ready()
	if i, ok := e.info.byValue[v]; ok {
		return e.Values[i].Name
	}
	if e.info.unsigned {
		return strconv.FormatUint(uint64(v)&(1<<e.info.bits-1), 10)
	}
	return strconv.FormatInt(v, 10)
}

// reencode decodes a document of root's type in format ("json", "xml" or
// "form") into a new value and encodes that again (JSON with the server's
// dates): what the generated tests compare with the documented samples,
// and what their fuzz targets run. decErr is the decoder's error, encErr the
// encoder's (a value that decoded must encode).
func (a *API) Reencode(root *Root, format string, data []byte) (out []byte, decErr, encErr error) {
	a.ready()
	p := rtNew(root.goType.Elem())
	switch format {
	case "xml":
		if decErr = rtXMLDecodeDoc(data, root.codec, p); decErr == nil {
			out, encErr = rtXMLAppendDoc(nil, root.codec, p)
		}
	case "form":
		if decErr = rtFormDecodeDoc(data, root.codec, p); decErr == nil {
			out, encErr = rtFormAppendDoc(nil, root.codec, p)
		}
	default:
		if decErr = rtJSONDecodeDoc(data, root.codec, p); decErr == nil {
			out = rtJSONAppend(nil, root.codec, p, a.Dates)
		}
	}
	return out, decErr, encErr
}
