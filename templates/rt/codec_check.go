package rt

// Validation over contract descriptors: the checks the Help Page's
// "Additional information" column documents (Required, lengths, Range,
// RegularExpression), with Web API's messages, into nested contracts.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unsafe"
)

// Check is a member's documented annotations, as the page wrote them
// ("" for absent).
type Check struct {
	Required     bool
	MaxLength    string
	MinLength    string
	StringLength [2]string // min, max
	Range        [2]string // min, max
	Pattern      string
}

// rtCheckInfo is a resolved Check.
type rtCheckInfo struct {
	required               bool
	maxLen, minLen         int // -1: none
	strMin, strMax         int // strMax -1: none
	hasRange               bool
	lo, hi                 float64
	rangeMin, rangeMax     string
	pattern                *regexp.Regexp
	patternText            string
	name                   string // the member as ModelState names it
	requiredMsg, strLenMsg string
	maxLenMsg, minLenMsg   string
	rangeMsg, patternMsg   string
}

func rtResolveCheck(ch *Check, m *Member) *rtCheckInfo {
	name := rtOr(m.Form, m.Name)
	ci := &rtCheckInfo{required: ch.Required || m.Required, maxLen: -1, minLen: -1, strMax: -1, name: name}
	ci.requiredMsg = "The " + name + " field is required."
	atoi := func(s string) int {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return -1
		}
		return n
	}
	if ch.MaxLength != "" {
		ci.maxLen = atoi(ch.MaxLength)
		ci.maxLenMsg = fmt.Sprintf("The field %s must be a string or array type with a maximum length of '%d'.", name, ci.maxLen)
	}
	if ch.MinLength != "" {
		ci.minLen = atoi(ch.MinLength)
		ci.minLenMsg = fmt.Sprintf("The field %s must be a string or array type with a minimum length of '%d'.", name, ci.minLen)
	}
	if ch.StringLength[1] != "" {
		ci.strMax, ci.strMin = atoi(ch.StringLength[1]), max(atoi(ch.StringLength[0]), 0)
		ci.strLenMsg = fmt.Sprintf("The field %s must be a string with a maximum length of %d.", name, ci.strMax)
		if ci.strMin > 0 {
			ci.strLenMsg = fmt.Sprintf("The field %s must be a string with a minimum length of %d and a maximum length of %d.", name, ci.strMin, ci.strMax)
		}
	}
	if ch.Range[0] != "" || ch.Range[1] != "" {
		lo, err1 := strconv.ParseFloat(strings.TrimSpace(ch.Range[0]), 64)
		hi, err2 := strconv.ParseFloat(strings.TrimSpace(ch.Range[1]), 64)
		if err1 == nil && err2 == nil {
			ci.hasRange, ci.lo, ci.hi = true, lo, hi
			ci.rangeMsg = fmt.Sprintf("The field %s must be between %s and %s.", name, ch.Range[0], ch.Range[1])
		}
	}
	if ch.Pattern != "" {
		// RegularExpressionAttribute matches the whole value; a pattern Go
		// cannot compile is not checked.
		if re, err := regexp.Compile("^(?:" + ch.Pattern + ")$"); err == nil {
			ci.pattern = re
			ci.patternMsg = fmt.Sprintf("The field %s must match the regular expression '%s'.", name, ch.Pattern)
		}
	}
	return ci
}

// rtValidateContract records the constraints the struct at p breaks,
// under path.
func rtValidateContract(verr *ValidationError, ci *rtContractInfo, p unsafe.Pointer, path string) {
	for i := range ci.fields {
		f := &ci.fields[i]
		fp := unsafe.Add(p, f.off)
		name := path + rtOr(f.Form, f.Name)
		if ch := f.check; ch != nil {
			rtCheckValue(verr, ch, f.codec, fp, name)
		}
		rtValidateNested(verr, f.codec, fp, name)
	}
}

// rtCheckValue applies a member's annotations to its value.
func rtCheckValue(verr *ValidationError, ch *rtCheckInfo, c *rtCodec, p unsafe.Pointer, field string) {
	isNil := false
	switch c.kind {
	case rtKString, rtKContract, rtKNullable, rtKDict:
		isNil = !c.value && *(*unsafe.Pointer)(p) == nil
	case rtKList, rtKBytes:
		isNil = (*rtSlice)(p).data == nil
	}
	if ch.required && isNil {
		verr.add(field, ch.requiredMsg)
	}
	if isNil {
		return
	}
	length := -1
	switch {
	case c.kind == rtKString && !c.value:
		length = rtUTF16Len(**(**string)(p)) // .NET counts UTF-16 code units
	case c.kind == rtKList || c.kind == rtKBytes:
		length = (*rtSlice)(p).len
	}
	if length >= 0 {
		if ch.strMax >= 0 && (length > ch.strMax || length < ch.strMin) {
			verr.add(field, ch.strLenMsg)
		}
		if ch.maxLen >= 0 && length > ch.maxLen {
			verr.add(field, ch.maxLenMsg)
		}
		if ch.minLen >= 0 && length < ch.minLen {
			verr.add(field, ch.minLenMsg)
		}
	}
	if ch.hasRange {
		vc, vp := c, p
		if c.kind == rtKNullable {
			vc, vp = c.elem, *(*unsafe.Pointer)(p)
		}
		if x, ok := rtNumber(vc, vp); ok && (x < ch.lo || x > ch.hi) {
			verr.add(field, ch.rangeMsg)
		}
	}
	if ch.pattern != nil && c.kind == rtKString && !c.value && !ch.pattern.MatchString(**(**string)(p)) {
		verr.add(field, ch.patternMsg)
	}
}

// rtNumber is a numeric value as a float64, for Range.
func rtNumber(c *rtCodec, p unsafe.Pointer) (float64, bool) {
	switch c.kind {
	case rtKInt:
		return float64(rtLoadInt(p, c.size)), true
	case rtKUint:
		return float64(rtLoadUint(p, c.size)), true
	case rtKFloat32:
		return float64(*(*float32)(p)), true
	case rtKFloat64:
		return *(*float64)(p), true
	case rtKDecimal:
		return (*Decimal)(p).Float64(), true
	}
	return 0, false
}

// rtValidateNested recurses into the contracts a value holds.
func rtValidateNested(verr *ValidationError, c *rtCodec, p unsafe.Pointer, field string) {
	switch c.kind {
	case rtKContract:
		if q := *(*unsafe.Pointer)(p); q != nil {
			rtValidateContract(verr, c.contract, q, field+".")
		}
	case rtKList:
		if !rtHoldsContract(c.elem) {
			return
		}
		s := (*rtSlice)(p)
		for i := range s.len {
			rtValidateNested(verr, c.elem, unsafe.Add(s.data, uintptr(i)*c.elem.size), field+"["+strconv.Itoa(i)+"]")
		}
	case rtKDict:
		if !rtHoldsContract(c.elem) || *(*unsafe.Pointer)(p) == nil {
			return
		}
		for _, e := range rtSortedEntries(c, p) {
			var buf [64]byte
			key := string(rtAppendText(buf[:0], c.key, e.key))
			rtValidateNested(verr, c.elem, e.val, field+"["+key+"]")
		}
	}
}

func rtHoldsContract(c *rtCodec) bool {
	switch c.kind {
	case rtKContract:
		return true
	case rtKList, rtKDict:
		return rtHoldsContract(c.elem)
	}
	return false
}

// ValidateRoot records the constraints a root value breaks (a request
// body), under prefix: "command." when the body parameter's name is known
// (wire.bodyParameters), as Web API's ModelState keys have it.
func ValidateRoot[T any](a *API, verr *ValidationError, root *Root, v *T, prefix string) {
	p := rtRootPointer(a, root, v)
	if root.codec.kind == rtKContract {
		if q := *(*unsafe.Pointer)(p); q != nil {
			rtValidateContract(verr, root.codec.contract, q, prefix)
		}
	}
}
