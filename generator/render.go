package generator

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// Rendering. Generated files for a large API run to megabytes, and gofmt
// (inside jennifer's Render) is most of generate's time; formatting a file
// in one piece also holds its whole syntax tree in memory. So emitters hand
// over their output in chunks (a few types each): a pool of GOMAXPROCS
// workers renders chunks while emitters build the next ones, and a file is
// its chunks' declarations joined under one header and import block. gofmt
// formats each top-level declaration on its own, so the joined file is
// what formatting it whole would give (TestChunkedRenderIsGofmt checks).

// chunkTypes is how many next calls share one chunk: enough to amortize a
// render's fixed cost, few enough to keep chunks small.
var chunkTypes = 8

type chunk struct {
	f    *jen.File
	data []byte
	err  error
	done *sync.WaitGroup // the file's chunks not yet rendered
}

func renderFiles(m *Model, es []output) ([][]byte, error) {
	work := make(chan *chunk, 2*runtime.GOMAXPROCS(0))
	var workers sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for c := range work {
				c.data, c.err = renderChunk(c.f)
				c.f = nil
				c.done.Done()
			}
		}()
	}
	files := make([][]byte, len(es))
	errs := make([]error, len(es))
	// GOMAXPROCS emitters build at a time: a file that is one declaration
	// (a test function over every sample, say) holds its whole tree.
	building := make(chan struct{}, runtime.GOMAXPROCS(0))
	var emitting sync.WaitGroup
	for i, e := range es {
		emitting.Add(1)
		go func() {
			defer emitting.Done()
			building <- struct{}{}
			var chunks []*chunk
			var rendered sync.WaitGroup
			var cur *chunk
			calls := 0
			submit := func() {
				rendered.Add(1)
				cur.done = &rendered
				work <- cur
			}
			next := func() *jen.File {
				if cur != nil && calls%chunkTypes != 0 {
					calls++
					return cur.f
				}
				if cur != nil {
					submit()
				}
				calls++
				f := jen.NewFile(m.Package)
				f.ImportName("github.com/google/uuid", "uuid")
				f.ImportName(pkgRT, "rt")
				cur = &chunk{f: f}
				chunks = append(chunks, cur)
				return f
			}
			err := emitSafely(e, m, next)
			if cur != nil {
				submit()
			}
			<-building
			// Join as soon as this file's chunks are rendered, so their
			// bytes are garbage before the other files are done.
			rendered.Wait()
			if err == nil {
				files[i], err = joinChunks(m.Package, !e.once, chunks)
			}
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", e.file, err)
			}
		}()
	}
	emitting.Wait()
	close(work)
	workers.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// PanicError is a panic inside an emitter or a render, returned as an error:
// the emitters run on goroutines, where a panic would kill the process
// before any caller could recover it. It is always a helpgen bug.
type PanicError struct {
	File  string
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error rendering %s: %v (a helpgen bug; please report it with the spec)", e.File, e.Value)
}

// emitSafely runs an emitter, turning a panic into a *PanicError.
func emitSafely(e output, m *Model, next func() *jen.File) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{File: e.file, Value: r, Stack: debug.Stack()}
		}
	}()
	return e.emit(m, next)
}

// renderChunk renders (and gofmts) one chunk, turning a panic into a *PanicError.
func renderChunk(f *jen.File) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{File: "chunk", Value: r, Stack: debug.Stack()}
		}
	}()
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, firstLine(err)
	}
	return buf.Bytes(), nil
}

// joinChunks assembles a file from its rendered chunks: the first chunk's
// header comment (the generated-code header when header is set), the
// package clause, the union of the chunks' imports, their declarations.
// It drops each chunk's bytes once copied.
func joinChunks(pkg string, header bool, chunks []*chunk) ([]byte, error) {
	var prefix []byte
	imports := map[string]bool{}
	bodies := make([][]byte, 0, len(chunks))
	size := 0
	for i, c := range chunks {
		if c.err != nil {
			return nil, c.err
		}
		p, imps, body, err := splitRendered(c.data)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			prefix = p
		}
		for _, imp := range imps {
			imports[imp] = true
		}
		if len(body) > 0 {
			bodies = append(bodies, body)
			size += len(body) + 1
		}
	}
	specs := make([]string, 0, len(imports))
	for imp := range imports {
		specs = append(specs, imp)
		size += len(imp) + 2
	}
	// gofmt's order: by path, then by name.
	path := func(spec string) string { return spec[strings.IndexByte(spec, '"'):] }
	sort.Slice(specs, func(i, j int) bool {
		if pi, pj := path(specs[i]), path(specs[j]); pi != pj {
			return pi < pj
		}
		return specs[i] < specs[j]
	})
	b := bytes.NewBuffer(make([]byte, 0, size+len(prefix)+len(pkg)+len(Header)+32))
	if header {
		b.WriteString("// " + Header + "\n\n")
	}
	b.Write(prefix)
	b.WriteString("package " + pkg + "\n")
	switch len(specs) {
	case 0:
	case 1:
		b.WriteString("\nimport " + specs[0] + "\n")
	default:
		b.WriteString("\nimport (\n")
		for _, s := range specs {
			b.WriteString("\t" + s + "\n")
		}
		b.WriteString(")\n")
	}
	for _, body := range bodies {
		b.WriteByte('\n')
		b.Write(body)
	}
	for _, c := range chunks {
		c.data = nil
	}
	return b.Bytes(), nil
}

// splitRendered splits a formatted file into what precedes its package
// clause, its import specs and the declarations after them (views of src).
func splitRendered(src []byte) (prefix []byte, imports []string, body []byte, err error) {
	i := bytes.Index(src, []byte("package "))
	if i < 0 || i > 0 && src[i-1] != '\n' {
		return nil, nil, nil, fmt.Errorf("rendered chunk has no package clause")
	}
	prefix, s := src[:i], src[i:]
	s = s[bytes.IndexByte(s, '\n')+1:]
	s = bytes.TrimLeft(s, "\n")
	switch {
	case bytes.HasPrefix(s, []byte("import (")):
		end := bytes.Index(s, []byte("\n)\n"))
		if end < 0 {
			return nil, nil, nil, fmt.Errorf("rendered chunk has an unterminated import block")
		}
		for _, line := range strings.Split(string(s[len("import ("):end]), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				imports = append(imports, line)
			}
		}
		s = s[end+3:]
	case bytes.HasPrefix(s, []byte("import ")):
		end := bytes.IndexByte(s, '\n')
		imports = append(imports, string(s[len("import "):end]))
		s = s[end+1:]
	}
	return prefix, imports, bytes.TrimLeft(s, "\n"), nil
}
