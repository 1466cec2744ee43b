package difftest

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/helpgen/helpgen/spec"
)

// tripCtx compares what came back with what was sent, for one trip.
type tripCtx struct {
	s       *Suite
	in, out string
	// rules are the .NET-inherent reasons that explained differences;
	// unexplained lists the rest.
	rules       map[string]bool
	unexplained []string
}

func (tr *tripCtx) explained(rule string) {
	if tr.rules == nil {
		tr.rules = map[string]bool{}
	}
	tr.rules[rule] = true
}

func (tr *tripCtx) differs(path string, sent, got reflect.Value) {
	if len(tr.unexplained) < 6 {
		tr.unexplained = append(tr.unexplained, fmt.Sprintf("%s: sent %s, got %s", path, show(sent), show(got)))
	}
}

// compareContract compares two structs of contract c member by member.
func (tr *tripCtx) compareContract(c *Contract, sent, got reflect.Value, path string) {
	for _, m := range c.Spec.Members {
		field, ok := c.Fields[m.Name]
		dm := c.members[m.Name]
		if !ok || dm == nil {
			continue
		}
		sv, gv := sent.FieldByName(field), got.FieldByName(field)
		p := path + "." + m.Name
		rule := tr.memberRule(m, dm, gv)
		if rule == "" && tr.in == "form" && isNull(gv) && sv.Kind() == reflect.Slice && sharesPrefix(c, dm) {
			rule = ruleFormPrefix
		}
		if rule != "" {
			if !same(sv, gv) {
				tr.explained(rule)
			}
			continue
		}
		tr.compare(sv, gv, p)
	}
}

// memberRule is the reason a whole member does not make the trip, or "".
func (tr *tripCtx) memberRule(m *spec.Member, dm *dotnetMember, got reflect.Value) string {
	switch {
	case dm.kind == "get-only":
		return ruleGetOnly
	case m.XML == nil && (tr.in == "xml" || tr.out == "xml") && got.IsZero():
		return ruleJSONOnly
	case m.JSON == nil && (tr.in == "json" || tr.out == "json") && got.IsZero():
		return ruleXMLOnly
	case (dm.kind == "field" || dm.kind == "private") && tr.in == "form" && got.IsZero():
		return ruleFormField
	}
	return ""
}

// compare walks two values of one Go type.
func (tr *tripCtx) compare(sent, got reflect.Value, path string) {
	if same(sent, got) {
		return
	}
	t := sent.Type()
	switch {
	case t.Kind() == reflect.Pointer && !sent.IsNil() && !got.IsNil():
		if c := tr.s.byGo[t.Elem()]; c != nil {
			tr.compareContract(c, sent.Elem(), got.Elem(), path)
			return
		}
		tr.compare(sent.Elem(), got.Elem(), path)
		return
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 && sent.Len() == got.Len() && !sent.IsNil() && !got.IsNil():
		for i := range sent.Len() {
			tr.compare(sent.Index(i), got.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		return
	case t.Kind() == reflect.Map && sent.Len() == got.Len() && !sent.IsNil() && !got.IsNil():
		for _, k := range sent.MapKeys() {
			gv := got.MapIndex(k)
			if !gv.IsValid() && tr.out == "xml" && k.Kind() == reflect.String {
				// A key with a CR comes back with a new line instead.
				if gv = got.MapIndex(reflect.ValueOf(xmlNewlines(k.String())).Convert(k.Type())); gv.IsValid() {
					tr.explained(ruleXMLNewline)
				}
			}
			if !gv.IsValid() {
				tr.leaf(sent, got, path)
				return
			}
			tr.compare(sent.MapIndex(k), gv, fmt.Sprintf("%s[%q]", path, fmt.Sprint(k)))
		}
		return
	case t.Kind() == reflect.Struct && t.NumField() == 2 && t.Field(0).Name == "Key" && t.Field(1).Name == "Value":
		tr.compare(sent.Field(0), got.Field(0), path+".Key")
		tr.compare(sent.Field(1), got.Field(1), path+".Value")
		return
	}
	tr.leaf(sent, got, path)
}

// leaf explains a difference with a rule, or records it.
func (tr *tripCtx) leaf(sent, got reflect.Value, path string) {
	if rule := tr.explainLeaf(sent, got); rule != "" {
		tr.explained(rule)
		return
	}
	tr.differs(path, sent, got)
}

// same is equality as .NET values: DateTimes by Kind and instant (a wall
// clock for Unspecified), DateTimeOffsets by instant and offset, decimals
// by value and scale, NaN equal to NaN.
func same(a, b reflect.Value) bool {
	switch x := a.Interface().(type) {
	case time.Time:
		y := b.Interface().(time.Time)
		_, ox := x.Zone()
		_, oy := y.Zone()
		return x.Equal(y) && ox == oy
	case float64:
		y := b.Interface().(float64)
		return x == y || math.IsNaN(x) && math.IsNaN(y)
	case float32:
		y := b.Interface().(float32)
		return x == y || x != x && y != y
	}
	t := a.Type()
	if t.Name() == "DateTime" && t.Kind() == reflect.Struct {
		ka, kb := a.FieldByName("Kind").Uint(), b.FieldByName("Kind").Uint()
		ta, tb := a.FieldByName("Time").Interface().(time.Time), b.FieldByName("Time").Interface().(time.Time)
		if ka != kb {
			return false
		}
		if ka == 0 { // Unspecified: the wall clock
			return ta.Format("2006-01-02T15:04:05.0000000") == tb.Format("2006-01-02T15:04:05.0000000")
		}
		return ta.Equal(tb)
	}
	if t.Name() == "Decimal" && t.Kind() == reflect.Struct {
		return fmt.Sprint(a.Interface()) == fmt.Sprint(b.Interface())
	}
	switch t.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return same(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !same(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			v := b.MapIndex(k)
			if !v.IsValid() || !same(a.MapIndex(k), v) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return reflect.DeepEqual(a.Interface(), b.Interface())
			}
			if !same(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

func show(v reflect.Value) string {
	switch {
	case !v.IsValid():
		return "nothing"
	case v.Kind() == reflect.Pointer && v.IsNil(), v.Kind() == reflect.Slice && v.IsNil(), v.Kind() == reflect.Map && v.IsNil():
		return "null"
	case v.Kind() == reflect.Pointer:
		return "&" + show(v.Elem())
	case v.Kind() == reflect.String:
		return fmt.Sprintf("%q", v.String())
	}
	if t, ok := v.Interface().(time.Time); ok {
		return t.Format(time.RFC3339Nano)
	}
	if v.Type().Name() == "DateTime" {
		return fmt.Sprintf("%s (%v)", v.FieldByName("Time").Interface().(time.Time).Format(time.RFC3339Nano), v.FieldByName("Kind").Interface())
	}
	s := fmt.Sprintf("%v", v.Interface())
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// hasControl reports whether a value holds a string with a character XML
// 1.0 cannot carry.
func hasControl(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.IndexFunc(v.String(), func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }) >= 0
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && hasControl(v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return false
		}
		for i := range v.Len() {
			if hasControl(v.Index(i)) {
				return true
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if hasControl(k) || hasControl(v.MapIndex(k)) {
				return true
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && hasControl(v.Field(i)) {
				return true
			}
		}
	}
	return false
}

// sharesPrefix reports whether another member's form key starts with dm's
// (Attempts and AttemptsByProvider).
func sharesPrefix(c *Contract, dm *dotnetMember) bool {
	for _, o := range c.members {
		if o != dm && len(o.clrName) > len(dm.clrName) && strings.EqualFold(o.clrName[:len(dm.clrName)], dm.clrName) {
			return true
		}
	}
	return false
}
