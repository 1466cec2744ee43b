package parser

import (
	"errors"
	"testing"
)

// A refused page's diagnostic names the page once, with the line when the
// error has one (the CLI prints "source: error: message").
func TestPageErrorNamesThePageOnce(t *testing.T) {
	for _, c := range []struct{ err, source, message string }{
		{"a.txt: not text (NUL bytes)", "a.txt", "not text (NUL bytes)"},
		{"a.txt:12: no Help Page content found: a table with columns x | y", "a.txt:12", "no Help Page content found: a table with columns x | y"},
		{"a.txt:no line: odd", "a.txt", "no line: odd"},
		{"other.txt: something", "a.txt", "other.txt: something"},
	} {
		d := pageError("a.txt", errors.New(c.err))
		if d.Source != c.source || d.Message != c.message {
			t.Errorf("pageError(%q) = %q, %q; want %q, %q", c.err, d.Source, d.Message, c.source, c.message)
		}
	}
	// Through Parse, from a real refusal.
	s := Parse([]Input{{Source: "z.txt", Data: []byte("Notes.\n| Col A | Col B |\n|---|---|\n| 1 | 2 |\n")}})
	if len(s.Diagnostics) == 0 || s.Diagnostics[0].Source != "z.txt:2" {
		t.Fatalf("diagnostics: %+v", s.Diagnostics)
	}
}
