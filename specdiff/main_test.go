package specdiff

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/spec"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// mutateMany makes one change of most kinds, for the golden reports.
func mutateMany(s *spec.Spec) {
	e := ep(s)
	e.Params = append(e.Params, &spec.Param{Name: "notify", In: "query", Type: "boolean", Required: true, Doc: "Send now | later"})
	e.ResponseFormats = []string{"application/json", "text/json", "application/xml"}
	vo := typ(s, "PatientCommunicationVo")
	removeMember(vo, "DoctorName")
	for _, m := range vo.Members {
		if m.XML.Order > 1 {
			m.XML.Order--
		}
	}
	mem(vo, "PatientSurname").XML.Order, mem(vo, "PatientName").XML.Order = 5, 6
	mem(vo, "PatientId").Required = true
	link := typ(s, "RestApiLink")
	h := mem(link, "HRef")
	h.Name, h.JSON.Name, h.XML.Name = "Href", "Href", "Href"
	st := typ(s, "LinkStatus")
	st.Values = append(st.Values, &spec.EnumValue{Name: "Archived", Value: 2})
	val(st, "Inactive").Wire = "INACTIVE"
	mem(typ(s, "RestApiResult"), "Data").Type = "nullable<guid>"
	s.Types = append(s.Types, &spec.Type{Name: "Com.Healthbridge.Extra", Kind: spec.KindComplex})
	s.Wire.JSONDateFormat = "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"
}

func writeSpec(t *testing.T, dir, name string, s *spec.Spec) string {
	t.Helper()
	data, err := spec.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./specdiff -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./specdiff -update to accept):\n%s", p, got)
	}
}

func TestMainGolden(t *testing.T) {
	dir := t.TempDir()
	newSpec := fixture(t)
	mutateMany(newSpec)
	oldPath := writeSpec(t, dir, "old.json", fixture(t))
	newPath := writeSpec(t, dir, "new.json", newSpec)
	for _, tc := range []struct{ format, file string }{
		{"text", "diff.txt"}, {"markdown", "diff.md"}, {"json", "diff.json"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := Main([]string{"-format", tc.format, oldPath, newPath}, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			golden(t, tc.file, out.Bytes())
		})
	}
}

func TestMainExitCodes(t *testing.T) {
	dir := t.TempDir()
	base := writeSpec(t, dir, "base.json", fixture(t))
	added := fixture(t)
	addMember(typ(added, "PatientCommunicationVo"), "Note", "string", 10, false)
	nonBreaking := writeSpec(t, dir, "added.json", added)
	removed := fixture(t)
	removeMember(typ(removed, "RestApiLink"), "Rel")
	breaking := writeSpec(t, dir, "removed.json", removed)

	for _, tc := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"same", []string{base, base}, 0, "no changes"},
		{"non-breaking with flag", []string{"-fail-on-breaking", base, nonBreaking}, 0, "member-added"},
		{"breaking without flag", []string{base, breaking}, 0, "member-removed"},
		{"breaking with flag", []string{"-fail-on-breaking", base, breaking}, 1, "member-removed"},
		{"one argument", []string{base}, 2, ""},
		{"bad format", []string{"-format", "xml", base, base}, 2, ""},
		{"missing file", []string{base, filepath.Join(dir, "nope.json")}, 2, ""},
		{"bad flag", []string{"-nope", base, base}, 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(tc.args, &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errb.String())
			}
			if !strings.Contains(out.String(), tc.out) {
				t.Errorf("stdout lacks %q:\n%s", tc.out, out.String())
			}
			if code == 2 && errb.Len() == 0 {
				t.Error("no message on stderr")
			}
		})
	}
}

func TestMainUsesLoad(t *testing.T) {
	defer func(l func(string) (*spec.Spec, error)) { Load = l }(Load)
	var asked []string
	Load = func(in string) (*spec.Spec, error) {
		asked = append(asked, in)
		if in == "bad" {
			return nil, errors.New("cannot load bad")
		}
		s := fixture(t)
		if in == "pages/new" {
			s.Endpoints = nil
		}
		return s, nil
	}
	var out, errb bytes.Buffer
	if code := Main([]string{"-fail-on-breaking", "pages/old", "pages/new"}, &out, &errb); code != 1 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if strings.Join(asked, ",") != "pages/old,pages/new" {
		t.Errorf("Load called with %v", asked)
	}
	if code := Main([]string{"pages/old", "bad"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "cannot load bad") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
