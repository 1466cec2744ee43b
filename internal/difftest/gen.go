package difftest

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"time"
)

// clr is a parsed CLR type name as the oracle writes it:
// "System.Collections.Generic.List<System.String>", "System.String[]",
// "System.Nullable<System.DateTime>", "Ns.Outer+Inner".
type clr struct {
	name string
	args []*clr
}

func parseCLR(s string) *clr {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "[]") {
		return &clr{name: "[]", args: []*clr{parseCLR(s[:len(s)-2])}}
	}
	i := strings.IndexByte(s, '<')
	if i < 0 {
		return &clr{name: s}
	}
	c := &clr{name: s[:i]}
	depth, start := 0, i+1
	for j := i + 1; j < len(s)-1; j++ {
		switch s[j] {
		case '<':
			depth++
		case '>':
			depth--
		case ',':
			if depth == 0 {
				c.args = append(c.args, parseCLR(s[start:j]))
				start = j + 1
			}
		}
	}
	c.args = append(c.args, parseCLR(s[start:len(s)-1]))
	return c
}

// short is the generic definition's or type's simple name ("List", "Int32").
func (c *clr) short() string {
	n := c.name
	if i := strings.LastIndexAny(n, ".+"); i >= 0 {
		n = n[i+1:]
	}
	return n
}

// gen makes random values: what a real .NET value of each member's type
// can be, edges weighted in.
type gen struct {
	s   *Suite
	rnd *rand.Rand
}

func (g *gen) pct(p int) bool { return g.rnd.IntN(100) < p }

func (g *gen) pick(n int) int { return g.rnd.IntN(n) }

// contract makes a *T of c, every member set.
func (g *gen) contract(c *Contract, depth int) reflect.Value {
	p := reflect.New(c.Go)
	for _, m := range c.Spec.Members {
		field, ok := c.Fields[m.Name]
		dm := c.members[m.Name]
		if !ok || dm == nil {
			continue
		}
		f := p.Elem().FieldByName(field)
		if v, ok := g.value(parseCLR(dm.clrType), f.Type(), depth); ok {
			f.Set(v)
		}
	}
	return p
}

// value makes a value of Go type t holding a random value of CLR type c.
func (g *gen) value(c *clr, t reflect.Type, depth int) (reflect.Value, bool) {
	z := reflect.Zero(t)
	switch c.short() {
	case "Nullable":
		if t.Kind() == reflect.Pointer && !g.s.isStruct(t) {
			if g.pct(30) {
				return z, true
			}
			v, ok := g.value(c.args[0], t.Elem(), depth)
			p := reflect.New(t.Elem())
			p.Elem().Set(v)
			return p, ok
		}
		// A value of unknown nullability: Go cannot hold null for it.
		return g.value(c.args[0], t, depth)
	case "[]", "List", "IList", "IEnumerable", "ICollection", "HashSet":
		if c.args[0].short() == "Byte" && t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return g.bytes(t), true
		}
		if t.Kind() != reflect.Slice {
			return z, false
		}
		switch {
		case g.pct(10):
			return z, true
		case g.pct(10):
			return reflect.MakeSlice(t, 0, 0), true
		}
		n := 1 + g.pick(3)
		sl := reflect.MakeSlice(t, n, n)
		for i := range n {
			if v, ok := g.value(c.args[0], t.Elem(), depth+1); ok {
				sl.Index(i).Set(v)
			}
		}
		return sl, true
	case "Dictionary", "IDictionary", "SortedDictionary":
		if t.Kind() != reflect.Map {
			return z, false
		}
		switch {
		case g.pct(10):
			return z, true
		case g.pct(10):
			return reflect.MakeMap(t), true
		}
		m := reflect.MakeMap(t)
		for range 1 + g.pick(3) {
			k, ok1 := g.value(c.args[0], t.Key(), depth+1)
			v, ok2 := g.value(c.args[1], t.Elem(), depth+1)
			if ok1 && ok2 {
				m.SetMapIndex(k, v)
			}
		}
		return m, true
	case "KeyValuePair":
		if t.Kind() != reflect.Struct {
			return z, false
		}
		p := reflect.New(t).Elem()
		k, _ := g.value(c.args[0], t.Field(0).Type, depth+1)
		v, _ := g.value(c.args[1], t.Field(1).Type, depth+1)
		p.Field(0).Set(k)
		p.Field(1).Set(v)
		return p, true
	}
	if strings.HasPrefix(c.name, "System.") && !strings.Contains(c.name[7:], ".") {
		return g.simple(c.short(), t)
	}
	// An enum or a contract of the API.
	if e, ok := g.s.Enums[t]; ok {
		return g.enum(e, t), true
	}
	if t.Kind() == reflect.Pointer {
		if ct := g.s.byGo[t.Elem()]; ct != nil {
			if depth >= 3 || depth > 0 && g.pct(15) {
				return z, true
			}
			return g.contract(ct, depth+1), true
		}
	}
	return z, false
}

func (s *Suite) isStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Pointer && s.byGo[t.Elem()] != nil
}

// Strings that travel badly: empty and white space (forms), CR and LF
// (XML end-of-line handling), control characters, markup, non-BMP text.
var strs = []string{
	"", " ", " \t ", "a", "Thandi Mokoena", "line1\r\nline2", "cr\ronly", "lf\nonly", "tab\tsep", "ctl\x01\x1fchars",
	"<&>\"'", "]]>", "é ü ñ ß", "😀 𝄞 non-BMP", "\u00a0nbsp", "\u2028line\u2029sep", "trailing ", " leading",
	"%20+plus&amp=", "\u0085nel", "nul\x00char", strings.Repeat("x", 300), "=", "a.b[0]",
}

func (g *gen) str() string {
	if g.pct(60) {
		return strs[g.pick(len(strs))]
	}
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,"
	b := make([]byte, 1+g.pick(24))
	for i := range b {
		b[i] = letters[g.pick(len(letters))]
	}
	return string(b)
}

var uris = []string{
	"https://example.org/", "http://webapihelppage1.com", "https://example.org/a%20b?x=1&y=%C3%A9#frag",
	"urn:isbn:0451450523", "mailto:desk@example.org", "https://[2001:db8::1]:8443/p", "http://example.org/ü",
}

func (g *gen) bytes(t reflect.Type) reflect.Value {
	switch {
	case g.pct(15):
		return reflect.Zero(t)
	case g.pct(10):
		return reflect.MakeSlice(t, 0, 0)
	}
	b := make([]byte, 1+g.pick(40))
	for i := range b {
		b[i] = byte(g.rnd.Uint32())
	}
	return reflect.ValueOf(b).Convert(t)
}

func (g *gen) enum(e Enum, t reflect.Type) reflect.Value {
	v := reflect.New(t).Elem()
	switch {
	case len(e.Values) == 0 || g.pct(8):
		v.SetInt(99) // a value with no name: JSON carries it, DCS cannot
	case e.Flags:
		var x int64
		for _, f := range e.Values {
			if g.pct(40) {
				x |= f
			}
		}
		v.SetInt(x)
	default:
		v.SetInt(e.Values[g.pick(len(e.Values))])
	}
	return v
}

// simple makes a value of a System type.
func (g *gen) simple(name string, t reflect.Type) (reflect.Value, bool) {
	z := reflect.Zero(t)
	ptr := t.Kind() == reflect.Pointer
	et := t
	if ptr {
		et = t.Elem()
	}
	set := func(v reflect.Value) (reflect.Value, bool) {
		if !v.Type().ConvertibleTo(et) {
			return z, false
		}
		v = v.Convert(et)
		if ptr {
			p := reflect.New(et)
			p.Elem().Set(v)
			return p, true
		}
		return v, true
	}
	switch name {
	case "String":
		if ptr && g.pct(20) {
			return z, true
		}
		return set(reflect.ValueOf(g.str()))
	case "Uri":
		if ptr && g.pct(20) {
			return z, true
		}
		return set(reflect.ValueOf(uris[g.pick(len(uris))]))
	case "Boolean":
		return set(reflect.ValueOf(g.pct(50)))
	case "Int16", "Int32", "Int64", "SByte":
		bits := map[string]int{"SByte": 8, "Int16": 16, "Int32": 32, "Int64": 64}[name]
		return g.int(et, t, bits)
	case "Byte", "UInt16", "UInt32", "UInt64":
		bits := map[string]int{"Byte": 8, "UInt16": 16, "UInt32": 32, "UInt64": 64}[name]
		return g.uint(et, t, bits)
	case "Double":
		fs := []float64{0, math.Copysign(0, -1), 1.5, -2.25, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64,
			math.SmallestNonzeroFloat64, 1e-300, 0.1, 1.0 / 3, 123456789012345678}
		if g.pct(60) {
			return set(reflect.ValueOf(fs[g.pick(len(fs))]))
		}
		return set(reflect.ValueOf(g.rnd.NormFloat64() * math.Pow(10, float64(g.pick(40)-20))))
	case "Single":
		fs := []float32{0, 1.5, float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), math.MaxFloat32, math.SmallestNonzeroFloat32, 0.1}
		if g.pct(60) {
			return set(reflect.ValueOf(fs[g.pick(len(fs))]))
		}
		return set(reflect.ValueOf(float32(g.rnd.NormFloat64() * math.Pow(10, float64(g.pick(20)-10)))))
	case "Decimal":
		v, err := g.s.Scalars.Decimal(g.decimal())
		if err != nil {
			return z, false
		}
		return set(v)
	case "Char":
		rs := []rune{'A', 'é', '中', '\t', '\n', ' ', 0x7f, 0x2028, 0xFFFD}
		if g.pct(50) {
			return set(reflect.ValueOf(rs[g.pick(len(rs))]))
		}
		return set(reflect.ValueOf(rune(0x20 + g.pick(0xD7FF-0x20))))
	case "Guid":
		var u [16]byte
		if !g.pct(10) {
			for i := range u {
				u[i] = byte(g.rnd.Uint32())
			}
		}
		return set(reflect.ValueOf(u))
	case "TimeSpan":
		ts := []int64{0, 1, -1, math.MaxInt64, math.MinInt64, 864000000000, -1234567}
		if g.pct(50) {
			return set(reflect.ValueOf(ts[g.pick(len(ts))]))
		}
		return set(reflect.ValueOf(g.rnd.Int64() >> uint(g.pick(40))))
	case "DateTime":
		return g.dateTime(t)
	case "DateTimeOffset":
		return set(reflect.ValueOf(g.dateTimeOffset()))
	case "Object":
		return z, true // kept raw; not generated
	}
	return z, false
}

func (g *gen) int(et, t reflect.Type, bits int) (reflect.Value, bool) {
	lo, hi := int64(math.MinInt64)>>(64-bits), int64(math.MaxInt64)>>(64-bits)
	var x int64
	switch g.pick(6) {
	case 0:
		x = lo
	case 1:
		x = hi
	case 2:
		x = []int64{0, 1, -1, 2147483647, -2147483648, 2147483648, 5000000000}[g.pick(7)]
		x = max(lo, min(hi, x))
	default:
		x = g.rnd.Int64() >> (64 - bits) >> uint(g.pick(bits))
	}
	return g.storeInt(et, t, x)
}

func (g *gen) uint(et, t reflect.Type, bits int) (reflect.Value, bool) {
	hi := uint64(math.MaxUint64) >> (64 - bits)
	var x uint64
	switch g.pick(4) {
	case 0:
		x = hi
	case 1:
		x = 0
	default:
		x = g.rnd.Uint64() >> (64 - bits) >> uint(g.pick(bits))
	}
	if et.Kind() >= reflect.Uint && et.Kind() <= reflect.Uint64 {
		v := reflect.New(et).Elem()
		if v.OverflowUint(x) {
			return reflect.Zero(t), false
		}
		v.SetUint(x)
		return g.wrap(v, t), true
	}
	if x > math.MaxInt64 {
		return reflect.Zero(t), false
	}
	return g.storeInt(et, t, int64(x))
}

func (g *gen) storeInt(et, t reflect.Type, x int64) (reflect.Value, bool) {
	v := reflect.New(et).Elem()
	if v.Kind() < reflect.Int || v.Kind() > reflect.Int64 || v.OverflowInt(x) {
		return reflect.Zero(t), false
	}
	v.SetInt(x)
	return g.wrap(v, t), true
}

func (g *gen) wrap(v reflect.Value, t reflect.Type) reflect.Value {
	if t.Kind() == reflect.Pointer {
		p := reflect.New(t.Elem())
		p.Elem().Set(v)
		return p
	}
	return v
}

// decimal is a decimal's invariant text: edges and every scale 0-28.
func (g *gen) decimal() string {
	edges := []string{"0", "1", "-1", "1.50", "0.0000000000000000000000000001", "79228162514264337593543950335",
		"-79228162514264337593543950335", "7.9228162514264337593543950335", "100", "0.10"}
	if g.pct(30) {
		return edges[g.pick(len(edges))]
	}
	digits := 1 + g.pick(28)
	var b strings.Builder
	if g.pct(30) {
		b.WriteByte('-')
	}
	num := make([]byte, digits)
	for i := range num {
		num[i] = byte('0' + g.pick(10))
	}
	scale := g.pick(digits + 1)
	if scale == digits {
		b.WriteString("0")
	} else {
		b.Write(num[:digits-scale])
	}
	if scale > 0 {
		b.WriteByte('.')
		b.Write(num[digits-scale:])
	}
	return b.String()
}

var (
	dtMin = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	dtMax = time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC)
	sast  = time.FixedZone("", 2*3600)
)

// instant is a random time in .NET's range, at 100 ns, edges weighted in.
func (g *gen) instant() time.Time {
	switch g.pick(8) {
	case 0:
		return dtMin
	case 1:
		return dtMax
	case 2:
		return time.Date(2025, 12, 7, 14, 3, 52, 118734500, time.UTC)
	}
	year := 1 + g.pick(9999)
	if g.pct(60) {
		year = 1900 + g.pick(200)
	}
	t := time.Date(year, time.Month(1+g.pick(12)), 1+g.pick(28), g.pick(24), g.pick(60), g.pick(60), g.pick(10000000)*100, time.UTC)
	return t.Truncate(100)
}

// dateTime is a DateTime of each Kind: Utc, Unspecified (a wall clock) and
// Local (the server's zone, +02:00, or another offset .NET converts).
func (g *gen) dateTime(t reflect.Type) (reflect.Value, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.Zero(t), false
	}
	v := reflect.New(t).Elem()
	kind := g.pick(3)
	tm := g.instant()
	if kind == 2 {
		loc := sast
		if g.pct(20) && tm.Year() > 1 && tm.Year() < 9999 {
			// Another offset: .NET converts it to the server's zone (a
			// Local DateTime is server time), so only away from the edges.
			loc = time.FixedZone("", []int{-5 * 3600, 5*3600 + 1800, 14 * 3600}[g.pick(3)])
		}
		// A wall clock in the zone, kept inside .NET's range.
		tm = time.Date(tm.Year(), tm.Month(), tm.Day(), tm.Hour(), tm.Minute(), tm.Second(), tm.Nanosecond(), loc)
	}
	v.FieldByName("Time").Set(reflect.ValueOf(tm))
	v.FieldByName("Kind").Set(g.s.Scalars.Kinds[kind])
	return v, true
}

// dateTimeOffset is an instant with an offset .NET can hold: whole minutes
// within ±14:00, UTC instant and wall clock in years 1-9999.
func (g *gen) dateTimeOffset() time.Time {
	offs := []int{0, 2 * 60, -5 * 60, 5*60 + 30, 14 * 60, -14 * 60, 45}
	off := offs[g.pick(len(offs))]
	tm := g.instant()
	// keep both the UTC instant and the clock (UTC + offset) in range
	if tm.Year() == 9999 && off > 0 {
		tm = tm.Add(-time.Duration(off) * time.Minute)
	}
	if tm.Year() == 1 && off < 0 {
		tm = tm.Add(-time.Duration(off) * time.Minute)
	}
	return tm.In(time.FixedZone("", off*60))
}
