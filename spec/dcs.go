package spec

import (
	"crypto/md5"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// Well-known XML namespaces of DataContractSerializer.
const (
	NSSchema        = "http://www.w3.org/2001/XMLSchema"
	NSSerialization = "http://schemas.microsoft.com/2003/10/Serialization/"
	NSArrays        = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
	NSInstance      = "http://www.w3.org/2001/XMLSchema-instance"
	NSDefaultPrefix = "http://schemas.datacontract.org/2004/07/"
	NSSystem        = "http://schemas.datacontract.org/2004/07/System"
	NSGeneric       = "http://schemas.datacontract.org/2004/07/System.Collections.Generic"
)

// PrimitiveContract returns the DCS contract name and namespace of a
// primitive. DateTimeOffset is a class contract in the System namespace.
func PrimitiveContract(prim string) (name, ns string) {
	switch prim {
	case "guid", "char", "duration":
		return prim, NSSerialization
	case "dateTimeOffset":
		return "DateTimeOffset", NSSystem
	}
	return prim, NSSchema
}

// GenericHash is the suffix DCS appends to a generic contract name when an
// argument's namespace is not built in: MD5 over " {arity}" and " {ns}" per
// argument, the first 6 bytes in base64 without '=', '/'→"_S", '+'→"_P".
func GenericHash(argNamespaces []string) string {
	var b strings.Builder
	b.WriteString(" " + strconv.Itoa(len(argNamespaces)))
	for _, ns := range argNamespaces {
		b.WriteString(" " + ns)
	}
	sum := md5.Sum([]byte(b.String()))
	enc := base64.StdEncoding.EncodeToString(sum[:6])
	var out strings.Builder
	for _, c := range enc {
		switch c {
		case '=':
		case '/':
			out.WriteString("_S")
		case '+':
			out.WriteString("_P")
		default:
			out.WriteRune(c)
		}
	}
	return out.String()
}

// GenericContractName is the DCS name of a generic instance: the base name,
// "Of", the argument contract names, and the hash when any argument's
// namespace is not XSD or Serialization.
func GenericContractName(base string, argNames, argNamespaces []string) string {
	name := base + "Of" + strings.Join(argNames, "")
	for _, ns := range argNamespaces {
		if ns != NSSchema && ns != NSSerialization {
			return name + GenericHash(argNamespaces)
		}
	}
	return name
}

// EncodeLocalName is XmlConvert.EncodeLocalName: the element name
// DataContractSerializer writes for a member name that is no XML name
// ("first name" is first_x0020_name): every character an XML name cannot
// hold (a colon included), and an underscore that would read as an
// escape, becomes _xHHHH_.
func EncodeLocalName(s string) string {
	var b strings.Builder
	for i, r := range s {
		ok := xmlNameChar(r, i == 0) && r != ':'
		if r == '_' && len(s) >= i+7 && s[i+1] == 'x' && isHex4(s[i+2:i+6]) && s[i+6] == '_' {
			ok = false
		}
		if ok {
			b.WriteRune(r)
			continue
		}
		if r > 0xFFFF {
			fmt.Fprintf(&b, "_x%08X_", r)
		} else {
			fmt.Fprintf(&b, "_x%04X_", r)
		}
	}
	return b.String()
}

func isHex4(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return len(s) == 4
}

// xmlNameChar reports whether r may stand in an XML name (first: at its
// start), by the XML 1.0 fifth edition productions.
func xmlNameChar(r rune, first bool) bool {
	switch {
	case r == ':' || r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z',
		r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	case first:
		return false
	}
	return r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}
