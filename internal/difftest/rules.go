package difftest

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// The .NET-inherent differences: what .NET itself cannot carry, so that a
// value comes back otherwise whatever the client sent. Each rule names the
// part of .NET that decides it. Anything else that differs fails the test.
const (
	ruleGetOnly       = "a get-only property: .NET computes it, what was sent is ignored"
	ruleJSONOnly      = "a member only Json.NET writes (get-only, or not a DataMember): DCS neither reads nor writes it"
	ruleXMLOnly       = "a member only DCS writes ([JsonIgnore]): Json.NET neither reads nor writes it"
	ruleFormField     = "form: a public field or a non-public member, which the form binder does not set (the writer refuses a value; the zero value travels)"
	ruleFormBlank     = "form: an empty or white-space string reads as null (ModelMetadata.ConvertEmptyStringToNull)"
	ruleFormEmpty     = "form: nothing is posted for an empty collection, so it reads as null"
	ruleFormLocal     = "form: the binder reads a DateTime with a zone as server-local time (DateTime.Parse), the same instant"
	ruleXMLNewline    = "XML answer: Web API's XmlWriter (NewLineHandling.Replace) writes CR and CRLF as a new line"
	ruleMonoChars     = "XML answer: mono's Web API 4.0 XmlWriter refuses control characters (Web API 2 sets CheckCharacters=false and writes &#xN;)"
	ruleEnumName      = "XML answer: DCS cannot write an enum value with no name (JSON and forms carry the number)"
	ruleURIEscape     = "XML answer: DCS writes a Uri's AbsoluteUri (non-ASCII characters %-escaped, an empty path as /), Json.NET the original string"
	ruleDecimal0      = "JSON: Json.NET writes an integral decimal as N.0, read back with scale 1"
	ruleLocalEdge     = "a Local DateTime at the edge of .NET's range: .NET converts it with the server zone's rule for that date (Africa/Johannesburg: +01:52 before 1892) and clamps at DateTime.MinValue/MaxValue"
	ruleRange32       = "form: the binder validates [Range(int, int)] on an Int64 member by converting the value to Int32 (OverflowException beyond it)"
	ruleFormEmptyBody = "form: a value with nothing to post is an empty body, which Web API reads as null"
	ruleFormPrefix    = "form: Web API 4.0's PrefixContainer (mono) misses a collection whose name starts another member's (Attempts, AttemptsByProvider), depending on the other keys; Web API 5 searches again for prefix+'['"
	ruleRequired      = "XML answer: DCS refuses a null IsRequired member with EmitDefaultValue=false (the generated XML writer refuses it too)"
)

// explainLeaf is the rule that explains a leaf difference, or "".
func (tr *tripCtx) explainLeaf(sent, got reflect.Value) string {
	t := sent.Type()
	if tr.in == "form" {
		if s, ok := strValue(sent); ok && strings.TrimSpace(s) == "" && isNull(got) {
			return ruleFormBlank
		}
		if (t.Kind() == reflect.Slice || t.Kind() == reflect.Map) && !sent.IsNil() && sent.Len() == 0 && got.IsNil() {
			return ruleFormEmpty
		}
		if t.Name() == "DateTime" && got.FieldByName("Kind").Uint() == 2 && sent.FieldByName("Kind").Uint() != 0 &&
			sent.FieldByName("Time").Interface().(time.Time).Equal(got.FieldByName("Time").Interface().(time.Time)) {
			return ruleFormLocal
		}
	}
	if tr.out == "xml" {
		if s, ok := strValue(sent); ok {
			if g, ok := strValue(got); ok {
				switch {
				case xmlNewlines(s) == g:
					return ruleXMLNewline
				case escapeNonASCII(s) == g, escapeNonASCII(s)+"/" == g:
					return ruleURIEscape
				}
			}
		}
	}
	if (tr.in == "json" || tr.out == "json") && t.Name() == "Decimal" {
		if s, g := fmt.Sprint(sent.Interface()), fmt.Sprint(got.Interface()); !strings.Contains(s, ".") && g == s+".0" {
			return ruleDecimal0
		}
	}
	if t.Name() == "DateTime" && sent.FieldByName("Kind").Uint() == 2 && got.FieldByName("Kind").Uint() == 2 {
		if y := sent.FieldByName("Time").Interface().(time.Time).Year(); y <= 1 || y >= 9999 {
			return ruleLocalEdge
		}
	}
	return ""
}

func xmlNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// escapeNonASCII %-escapes the UTF-8 bytes of non-ASCII characters.
func escapeNonASCII(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// explainRefusal is the rule that explains .NET answering an error, or "".
func (tr *tripCtx) explainRefusal(c *Contract, v reflect.Value, status int, body string) string {
	switch {
	case tr.out == "xml" && status == 500 && strings.Contains(body, "is an invalid character") && hasControl(v):
		return ruleMonoChars
	case tr.out == "xml" && status == 500 && strings.Contains(body, "Enum value") && strings.Contains(body, "cannot be serialized"):
		return ruleEnumName
	case tr.in == "form" && status == 400 && strings.Contains(body, "too large or too small for an Int32"):
		return ruleRange32
	case tr.out == "xml" && status == 500 && strings.Contains(body, "IsRequired"):
		return ruleRequired
	}
	return ""
}

func strValue(v reflect.Value) (string, bool) {
	switch {
	case v.Kind() == reflect.String:
		return v.String(), true
	case v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.String && !v.IsNil():
		return v.Elem().String(), true
	}
	return "", false
}

func isNull(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return v.IsNil()
	}
	return false
}
