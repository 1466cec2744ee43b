package rt

import "strconv"

// Invariant-culture text of integers, as .NET writes them in XML, form
// values, query strings and dictionary keys.

func rtAppendIntText[T ~int8 | ~int16 | ~int32 | ~int64](dst []byte, v T) []byte {
	return strconv.AppendInt(dst, int64(v), 10)
}

func rtAppendUintText[T ~uint8 | ~uint16 | ~uint32 | ~uint64](dst []byte, v T) []byte {
	return strconv.AppendUint(dst, uint64(v), 10)
}

// rtPairNames are KeyValuePair's JSON member names.
var rtPairNames = []string{"Key", "Value"}

// rtUTF16Len is a string's length as .NET counts it (UTF-16 code units),
// which is what StringLength and MaxLength limit.
func rtUTF16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// rtParseParamChar binds a char URI parameter: exactly one UTF-16 unit.
func rtParseParamChar(s string) (rune, error) {
	r := []rune(s)
	if len(r) != 1 || r[0] > 0xFFFF {
		return 0, rtErr("char", []byte(s))
	}
	return r[0], nil
}
