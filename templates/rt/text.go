package rt

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
