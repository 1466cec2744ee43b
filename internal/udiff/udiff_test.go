package udiff

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	a := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	b := "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n"
	got := Diff("x", "y", []byte(a), []byte(b))
	want := "--- x\n+++ y\n@@ -1,10 +1,11 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n i\n j\n+k\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if Diff("x", "y", []byte(a), []byte(a)) != "" {
		t.Error("equal inputs gave a diff")
	}
	far := strings.Repeat("x\n", 20)
	got = Diff("x", "y", []byte("1\n"+far+"2\n"), []byte("one\n"+far+"two\n"))
	if strings.Count(got, "@@") != 4 {
		t.Errorf("want two hunks:\n%s", got)
	}
}
