package wire

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// rtParam formats a URI parameter value the way Web API's model binding
// reads it back: invariant culture, GUIDs in "D" form, dates in the
// round-trip form (so the Kind survives), enums by name.
func rtParam(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int8:
		return strconv.FormatInt(int64(x), 10)
	case int16:
		return strconv.FormatInt(int64(x), 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case uint8:
		return strconv.FormatUint(uint64(x), 10)
	case uint16:
		return strconv.FormatUint(uint64(x), 10)
	case uint32:
		return strconv.FormatUint(uint64(x), 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float32:
		return rtFormatFloatParam(float64(x), 32)
	case float64:
		return rtFormatFloatParam(x, 64)
	case time.Time:
		return x.Format("2006-01-02T15:04:05.9999999Z07:00")
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

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

// rtQueryValues returns every value of a query key, its case ignored, in
// order: Web API binds a collection parameter from repeated keys.
func rtQueryValues(r *http.Request, key string) []string {
	var out []string
	for k, vs := range r.URL.Query() {
		if strings.EqualFold(k, key) {
			out = append(out, vs...)
		}
	}
	return out
}
