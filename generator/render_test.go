package generator

import (
	"bytes"
	"go/format"
	"sort"
	"testing"
)

// TestChunkedRenderIsGofmt checks the chunked renderer's claim: whatever
// the chunk boundaries, every file is byte-identical to rendering it in one
// piece, and gofmt leaves it unchanged.
func TestChunkedRenderIsGofmt(t *testing.T) {
	for _, path := range []string{"../out/seed/spec.json", "../out/clinic/spec.json", "testdata/hostile.spec.json"} {
		s := loadSpec(t, path)
		render := func(n int) Files {
			defer func(old int) { chunkTypes = old }(chunkTypes)
			chunkTypes = n
			files, err := Generate(s, Options{Package: "api"})
			if err != nil {
				t.Fatal(err)
			}
			return files
		}
		whole, perUnit, byThree := render(1<<30), render(1), render(3)
		var names []string
		for name := range whole {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if !bytes.Equal(perUnit[name], whole[name]) || !bytes.Equal(byThree[name], whole[name]) {
				t.Errorf("%s: %s differs when rendered in chunks", path, name)
			}
			formatted, err := format.Source(whole[name])
			if err != nil {
				t.Errorf("%s: %s: %v", path, name, err)
			} else if !bytes.Equal(formatted, whole[name]) {
				t.Errorf("%s: %s is not gofmt'd", path, name)
			}
		}
	}
}

// The table of outputs is in file-name order, with one entry per file.
func TestOutputsTable(t *testing.T) {
	for i := 1; i < len(outputs); i++ {
		if outputs[i-1].file >= outputs[i].file {
			t.Errorf("outputs: %s listed before %s", outputs[i-1].file, outputs[i].file)
		}
	}
}
