package openapi

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/helpgen/helpgen/spec"
)

// The peer generators the export must satisfy, pinned so a new release
// cannot fail the build on its own.
const (
	ogenTool = "github.com/ogen-go/ogen/cmd/ogen@v1.24.0"
	oapiTool = "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.5.0"
)

// requirePeers reports whether "the peer tools cannot be fetched" is a
// failure rather than a skip (CI, where the module proxy must be reachable).
// It reads the variable while the test runs: the test cache keys only on
// variables read then, so one read at package load would let a cached skip
// replay as a pass once the variable is set.
func requirePeers() bool { return os.Getenv("HELPGEN_REQUIRE_PEERS") == "1" }

func goCmd(ctx context.Context, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	// A workspace or a vendor setting of the caller must not leak into the
	// throwaway module.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	return cmd
}

func run(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("%s (%s)", strings.Join(cmd.Args, " "), time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
}

// TestPeerGenerators runs ogen and oapi-codegen on the seed and rich exports
// (Codegen profile, see Options) in a throwaway module and builds and vets
// what they generate. Measured: about 11 s with a warm module cache, 57 s
// with an empty one, 79 s with empty module and build caches; under two
// minutes, so only -short skips it.
func TestPeerGenerators(t *testing.T) {
	if testing.Short() {
		t.Skip("peer generators: skipped in -short mode")
	}
	require := requirePeers()
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-10*time.Second))
		defer cancel()
	}
	dir := t.TempDir()
	for _, tool := range []string{ogenTool, oapiTool} {
		probe := []string{"run", tool, "--help"}
		if tool == oapiTool {
			probe = []string{"run", tool, "-version"}
		}
		if out, err := goCmd(ctx, dir, probe...).CombinedOutput(); err != nil {
			msg := "peer generator " + tool + " cannot be fetched or run (set HELPGEN_REQUIRE_PEERS=1 to fail instead): " +
				err.Error() + "\n" + string(out)
			if require {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}

	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module peers\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The seed is what the brief of this test names; the rich spec adds
	// enums, generics, nullables, dictionaries and inheritance.
	for _, in := range []struct {
		name string
		s    func(testing.TB) *spec.Spec
	}{{"seed", seed}, {"rich", richSpec}, {"clinic", clinicSpec}} {
		data, err := ExportWith(in.s(t), Options{Format: "yaml", Codegen: true})
		if err != nil {
			t.Fatal(err)
		}
		doc := filepath.Join(dir, in.name+".yaml")
		if err := os.WriteFile(doc, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ogenPkg, oapiPkg := in.name+"ogen", in.name+"oapi"
		if err := os.MkdirAll(filepath.Join(dir, oapiPkg), 0o755); err != nil {
			t.Fatal(err)
		}
		// No ogen config: ogen reads ogen.yml from its working directory, and
		// an ignore_not_implemented list there would hide exactly what
		// -codegen promises to leave out.
		run(t, goCmd(ctx, dir, "run", ogenTool, "-target", ogenPkg, "-package", ogenPkg, "-clean", doc))
		run(t, goCmd(ctx, dir, "run", oapiTool, "-generate", "types,client", "-package", oapiPkg,
			"-o", filepath.Join(oapiPkg, "api.gen.go"), doc))
	}
	run(t, goCmd(ctx, dir, "mod", "tidy"))
	run(t, goCmd(ctx, dir, "build", "./..."))
	run(t, goCmd(ctx, dir, "vet", "./..."))
}

// clinicSpec is the committed spec of the clinic example (18 endpoints,
// parsed from the bundled clinic pages).
func clinicSpec(t testing.TB) *spec.Spec {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "out", "clinic", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
