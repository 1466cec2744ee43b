package rt

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// What .NET cannot carry is refused by the writers, naming the key or
// element (issue 11); out/clinic and out/dispensary check each against the
// real servers.

func TestFormWriterRefusals(t *testing.T) {
	sast := time.FixedZone("", 2*3600)
	for name, write := range map[string]func(w *rtFormWriter){
		"white-space dictionary key": func(w *rtFormWriter) { w.pushIndex("D", 0); w.dictKey(" \t"); w.pop() },
		"empty dictionary key":       func(w *rtFormWriter) { w.pushIndex("D", 0); w.dictKey(""); w.pop() },
		"white-space char":           func(w *rtFormWriter) { w.char("C", '\t') },
		"zoned DateTime at MaxValue": func(w *rtFormWriter) {
			w.dateTime("D", DateTime{Time: time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), Kind: DateTimeUtc})
		},
		"Local DateTime at MinValue": func(w *rtFormWriter) {
			w.dateTime("D", DateTime{Time: time.Date(1, 1, 1, 0, 0, 0, 0, sast), Kind: DateTimeLocal})
		},
		"DateTimeOffset before year 1": func(w *rtFormWriter) { w.dateTimeOffset("O", time.Date(1, 1, 1, 0, 0, 0, 0, sast)) },
		"DateTimeOffset offset +15:00": func(w *rtFormWriter) {
			w.dateTimeOffset("O", time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", 15*3600)))
		},
	} {
		var w rtFormWriter
		w.reset(nil)
		write(&w)
		if _, err := w.done(); err == nil {
			t.Errorf("%s: written %q", name, w.b)
		} else if fe, ok := err.(*rtFormError); !ok || fe.Key == "" {
			t.Errorf("%s: %v names no key", name, err)
		}
	}
	var w rtFormWriter
	w.reset(nil)
	w.char("C", 'x')
	w.dateTime("D", DateTime{Time: time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), Kind: DateTimeUnspecified})
	w.dateTimeOffset("O", time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -30*60)))
	if b, err := w.done(); err != nil || len(b) == 0 {
		t.Errorf("valid values refused: %v", err)
	}
	w.reset(nil)
	if b, err := w.done(); b == nil || err != nil {
		t.Errorf("an empty form is %v, %v; want a non-nil empty body", b, err)
	}
}

func TestFormReaderDropped(t *testing.T) {
	for body, want := range map[string]string{
		"D[0].Key=a":              "without its Key or its Value",
		"D[0].Value=x":            "without its Key or its Value",
		"D[0].Key=+&D[0].Value=x": "empty or white-space dictionary key",
		"D[0].Key=&D[0].Value=x":  "empty or white-space dictionary key",
		"P.Key=a":                 "KeyValuePair without",
		"D[0].Key=a&D[0].Value=x": "",
		"D[0].Key=a&D[0].Value=":  "",
		"P.Key=&P.Value=3":        "",
	} {
		f, err := rtParseForm([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		var got error
		if d := f.child(0, "D"); d >= 0 {
			for _, it := range f.items(d) {
				if _, _, err := f.entry(it); err != nil {
					got = err
				}
			}
		}
		if p := f.child(0, "P"); p >= 0 {
			_, _, got = f.pair(p)
		}
		switch {
		case want == "" && got != nil:
			t.Errorf("%s: %v", body, got)
		case want != "" && (got == nil || !strings.Contains(got.Error(), want)):
			t.Errorf("%s: %v, want %q", body, got, want)
		}
	}
}

func TestXMLWriterRefusesOutOfRange(t *testing.T) {
	sast := time.FixedZone("", 2*3600)
	for name, write := range map[string]func(w *rtXMLWriter){
		"DateTimeOffset before year 1 UTC": func(w *rtXMLWriter) { w.dateTimeOffset(time.Date(1, 1, 1, 0, 0, 0, 0, sast)) },
		"DateTimeOffset clock after 9999":  func(w *rtXMLWriter) { w.dateTimeOffset(time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC).In(sast)) },
		"DateTime year 10000":              func(w *rtXMLWriter) { w.dateTime(DateTime{Time: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}) },
		"IsRequired default":               func(w *rtXMLWriter) { w.refuseDefault("Reason") },
	} {
		var w rtXMLWriter
		w.reset(make([]byte, 0, 64))
		w.root("T", "urn:t")
		w.open("M", "urn:t")
		write(&w)
		w.end()
		w.end()
		if w.err == nil || !strings.Contains(w.err.Error(), "<") {
			t.Errorf("%s: err %v, want one naming the element", name, w.err)
		}
	}
	var w rtXMLWriter
	w.reset(make([]byte, 0, 64))
	w.root("T", "urn:t")
	w.open("M", "urn:t")
	w.dateTimeOffset(time.Date(1, 1, 1, 2, 0, 0, 0, sast))
	w.end()
	w.end()
	if w.err != nil {
		t.Errorf("0001-01-01T02:00+02:00 (UTC midnight) refused: %v", w.err)
	}
}

// Web API answers JSON when no formatter fits Accept (its content
// negotiation falls back to the first formatter), not 406.
func TestResponseFormatFallsBackToJSON(t *testing.T) {
	for accept, want := range map[string]rtFormat{
		"text/html":                  rtJSON,
		"image/png":                  rtJSON,
		"application/json;q=0":       rtJSON,
		"application/xml":            rtXML,
		"text/html, application/xml": rtXML,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept", accept)
		if f, ok := rtResponseFormat(r); !ok || f != want {
			t.Errorf("Accept %s: %v %v, want %v", accept, f, ok, want)
		}
	}
}
