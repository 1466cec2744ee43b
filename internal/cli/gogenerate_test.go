package cli

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// goTool returns the go command, or skips the tests that run it.
func goTool(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the go command; skipped in -short mode")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not available")
	}
	return goCmd
}

// goEnv is the environment of the go commands these tests run: everything
// from the module cache (the modules this checkout's tests already use),
// no workspace, this toolchain.
func goEnv() []string {
	return append(os.Environ(), "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"),
		"GOPROXY=off", "GOWORK=off", "GOSUMDB=off", "GOTOOLCHAIN=local")
}

// runIn runs a command in dir and fails the test when it fails.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	start := time.Now()
	out, err := cmd.CombinedOutput()
	line := strings.TrimSpace(filepath.Base(name) + " " + strings.Join(args, " "))
	if err != nil {
		t.Fatalf("%s (in %s): %v\n%s", line, dir, err, clip(string(out)))
	}
	t.Logf("%s: %v", line, time.Since(start).Round(time.Millisecond))
	return string(out)
}

// readmeSection returns the README's section under the heading "## title".
func readmeSection(t *testing.T, title string) string {
	t.Helper()
	readme := readFile(t, filepath.Join(repoRoot(t), "README.md"))
	_, sec, ok := strings.Cut(readme, "\n## "+title+"\n")
	if !ok {
		t.Fatalf("README.md has no section %q", title)
	}
	if i := strings.Index(sec, "\n## "); i >= 0 {
		sec = sec[:i]
	}
	return sec
}

// readmeBlock is one fenced block of a README section: sh commands, or a
// file whose path is the last `path.go` named before the block.
type readmeBlock struct {
	lang, path, text string
}

var fence = regexp.MustCompile("(?s)```(\\w+)\n(.*?)```")

func readmeBlocks(t *testing.T, sec string) []readmeBlock {
	t.Helper()
	var blocks []readmeBlock
	prev := 0
	for _, m := range fence.FindAllStringSubmatchIndex(sec, -1) {
		b := readmeBlock{lang: sec[m[2]:m[3]], text: sec[m[4]:m[5]]}
		if b.lang == "go" {
			names := regexp.MustCompile("`([^`\\s]+\\.go)`").FindAllStringSubmatch(sec[prev:m[0]], -1)
			if len(names) == 0 {
				t.Fatalf("README: no file name before the Go block\n%s", b.text)
			}
			b.path = names[len(names)-1][1]
		}
		blocks = append(blocks, b)
		prev = m[1]
	}
	return blocks
}

// The README's "Use it in your module" section, followed as written in a
// throwaway module: every sh block's commands, run as they are (no shell),
// and every Go file it shows. helpgen is not published: the module's
// go.mod replaces it with this checkout and everything comes from the
// module cache (see the README's note).
func TestReadmeDownstream(t *testing.T) {
	goCmd := goTool(t)
	root := repoRoot(t)
	sec := readmeSection(t, "Use it in your module")
	m := regexp.MustCompile("module of yours \\(`([^`]+)`").FindStringSubmatch(sec)
	if m == nil || !strings.Contains(sec, "`helppages/`") {
		t.Fatal("the README's section no longer names its example module path and helppages/ as this test expects")
	}
	mod := filepath.Join(t.TempDir(), "app")
	env := goEnv()
	writeFile(t, filepath.Join(mod, ".keep"), "")
	runIn(t, mod, env, goCmd, "mod", "init", m[1])
	runIn(t, mod, env, goCmd, "mod", "edit", "-replace", "github.com/helpgen/helpgen="+root)
	writeFile(t, filepath.Join(mod, "go.sum"), readFile(t, filepath.Join(root, "go.sum")))
	copyClinic(t, filepath.Join(mod, "helppages"), clinicFiles(t), nil)

	shell := regexp.MustCompile("[|&;<>$`'\"*?\\\\(){}]")
	var commands [][]string
	for _, b := range readmeBlocks(t, sec) {
		switch b.lang {
		case "go":
			writeFile(t, filepath.Join(mod, filepath.FromSlash(b.path)), b.text)
		case "sh":
			for _, line := range strings.Split(b.text, "\n") {
				if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if shell.MatchString(line) {
					t.Fatalf("README command %q needs a shell; this test runs commands as they are", line)
				}
				args := strings.Fields(line)
				if args[0] != "go" {
					t.Fatalf("README command %q is not a go command", line)
				}
				commands = append(commands, args[1:])
				runIn(t, mod, env, goCmd, args[1:]...)
			}
		default:
			t.Fatalf("README block of language %q", b.lang)
		}
	}
	if len(commands) < 5 {
		t.Fatalf("only %d commands in the README's section", len(commands))
	}
	for _, f := range []string{"doc.go", "types_gen.go", "contracts_gen.go", "codecs_gen.go", "client_gen.go", "server_gen.go", "runtime_gen.go", "service_impl.go", "spec.json"} {
		if _, err := os.Stat(filepath.Join(mod, "api", f)); err != nil {
			t.Errorf("following the README did not give api/%s", f)
		}
	}
	if gomod := readFile(t, filepath.Join(mod, "go.mod")); !regexp.MustCompile(`(?m)^tool github.com/helpgen/helpgen/cmd/helpgen$`).MatchString(gomod) ||
		!regexp.MustCompile(`(?m)^(require )?\s*github.com/google/uuid v\S+$`).MatchString(gomod) {
		t.Errorf("go.mod lacks the tool line or a direct uuid requirement:\n%s", gomod)
	}

	// Running go generate again changes nothing.
	before := readTree(t, filepath.Join(mod, "api"))
	runIn(t, mod, env, goCmd, "generate", "./...")
	sameTree(t, "second go generate", before, readTree(t, filepath.Join(mod, "api")))
}

// go generate ./... at the repository root regenerates the committed
// examples and changes nothing (no other //go:generate line is found, e.g.
// in a test's string). It runs in a copy of the checkout, which it may
// write.
func TestRootGoGenerate(t *testing.T) {
	goCmd := goTool(t)
	root := repoRoot(t)
	dst := filepath.Join(t.TempDir(), "helpgen")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == ".git" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil // a worktree's .git file
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dst)
	out := runIn(t, dst, goEnv(), goCmd, "generate", "-x", "./...")
	var ran []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "go run ") {
			ran = append(ran, line)
		}
	}
	if len(ran) != 3 {
		t.Errorf("go generate ran %d commands, want the three of out/seed, out/clinic and out/dispensary:\n%s", len(ran), out)
	}
	sameTree(t, "go generate ./... at the root", before, readTree(t, dst))
}
