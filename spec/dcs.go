package spec

import (
	"crypto/md5"
	"encoding/base64"
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
