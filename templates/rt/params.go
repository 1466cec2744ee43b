package rt

import (
	"math"
	"strconv"
)

// rtFormatFloatParam is a float as a URI parameter: the shortest text that
// reads back, with .NET's names for the special values.
func rtFormatFloatParam(f float64, bits int) string {
	switch {
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}
