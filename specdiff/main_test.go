package specdiff

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
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

// load reads a spec JSON file written by writeSpec.
func load(t *testing.T, path string) *spec.Spec {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return s
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

// The three renderings of one report of most kinds of change.
func TestReportGolden(t *testing.T) {
	dir := t.TempDir()
	newSpec := fixture(t)
	mutateMany(newSpec)
	oldPath := writeSpec(t, dir, "old.json", fixture(t))
	newPath := writeSpec(t, dir, "new.json", newSpec)
	for _, tc := range []struct {
		format, file string
		render       func(*Report, io.Writer) error
	}{
		{"text", "diff.txt", (*Report).Text}, {"markdown", "diff.md", (*Report).Markdown}, {"json", "diff.json", (*Report).JSON},
	} {
		t.Run(tc.format, func(t *testing.T) {
			r := Compare(load(t, oldPath), load(t, newPath))
			var out bytes.Buffer
			if err := tc.render(r, &out); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.file, out.Bytes())
		})
	}
}
