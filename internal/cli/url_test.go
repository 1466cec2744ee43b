package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// generate accepts a Help site URL: it crawls the site into the cache, then
// generates from the pages, the same as from the files.
func TestGenerateFromURL(t *testing.T) {
	pages := filepath.Join("..", "..", "pages", "clinic")
	mux := http.NewServeMux()
	mux.HandleFunc("/Help", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(pages, "index.html"))
	})
	mux.HandleFunc("/Help/Api/{id}", func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(pages, "Api", filepath.Base(r.PathValue("id"))+".html")
		if _, err := os.Stat(p); err != nil {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, p)
	})
	mux.HandleFunc("/Help/ResourceModel", func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(pages, "ResourceModel", filepath.Base(r.URL.Query().Get("modelName"))+".html")
		if _, err := os.Stat(p); err != nil {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, p)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())

	fromURL := filepath.Join(t.TempDir(), "api")
	if code, _, stderr := run(t, "generate", "-o", fromURL, "-pkg", "api", srv.URL+"/Help"); code != 0 {
		t.Fatalf("generate from URL: exit %d\n%s", code, stderr)
	}
	fromFiles := filepath.Join(t.TempDir(), "api")
	if code, _, stderr := run(t, "generate", "-o", fromFiles, "-pkg", "api", pages); code != 0 {
		t.Fatalf("generate from files: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"types_gen.go", "client_gen.go", "contracts_gen.go", "codecs_gen.go"} {
		a, err := os.ReadFile(filepath.Join(fromURL, name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(fromFiles, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(a) != string(b) {
			t.Errorf("%s differs between the crawled site and the same pages as files", name)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(fromURL, "client_gen.go")); !strings.Contains(string(data), "PostClinicsAppointments") {
		t.Errorf("client from URL lacks endpoints")
	}
}
