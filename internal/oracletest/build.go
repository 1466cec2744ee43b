package oracletest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// CacheEnv names the environment variable that overrides the build cache
// root (default os.UserCacheDir()/helpgen-oracle).
const CacheEnv = "HELPGEN_ORACLE_CACHE"

// buildVersion is part of the source hash: bump it when the way the build
// output is laid out changes.
const buildVersion = "oracletest-build-1"

const modulePath = "github.com/helpgen/helpgen"

type buildResult struct {
	once sync.Once
	dir  string
	err  error
}

var (
	buildsMu sync.Mutex
	builds   = map[string]*buildResult{}
)

// Build compiles the oracle (once per process; across processes only when its
// sources changed) and returns the directory that holds o.Exe. It needs mcs.
func (o *Oracle) Build() (string, error) {
	buildsMu.Lock()
	b := builds[o.Name]
	if b == nil {
		b = &buildResult{}
		builds[o.Name] = b
	}
	buildsMu.Unlock()
	b.once.Do(func() { b.dir, b.err = o.build() })
	return b.dir, b.err
}

// SourceDir returns the oracle's source folder, <repository>/oracle/<Name>.
func (o *Oracle) SourceDir() (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "oracle", o.Name), nil
}

func (o *Oracle) build() (string, error) {
	src, err := o.SourceDir()
	if err != nil {
		return "", err
	}
	hash, err := sourceHash(src)
	if err != nil {
		return "", fmt.Errorf("hashing %s: %w", src, err)
	}
	if len(o.Uses) > 0 {
		h := sha256.New()
		h.Write([]byte(hash))
		for _, u := range o.Uses {
			uh, err := sourceHash(filepath.Join(filepath.Dir(src), u))
			if err != nil {
				return "", fmt.Errorf("hashing %s: %w", u, err)
			}
			fmt.Fprintf(h, "\n%s %s", u, uh)
		}
		hash = hex.EncodeToString(h.Sum(nil))
	}
	root, err := cacheRoot()
	if err != nil {
		return "", err
	}
	key := o.Name + "-" + hash[:16]
	dir := filepath.Join(root, key)
	stamp := filepath.Join(dir, ".complete")
	if _, err := os.Stat(stamp); err == nil {
		return dir, nil
	}
	unlock, err := lockFile(filepath.Join(root, key+".lock"))
	if err != nil {
		return "", fmt.Errorf("locking build dir: %w", err)
	}
	defer unlock()
	if _, err := os.Stat(stamp); err == nil {
		return dir, nil // built by another process while we waited
	}
	tmp := dir + ".tmp"
	for _, d := range []string{dir, tmp} {
		if err := os.RemoveAll(d); err != nil {
			return "", err
		}
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command("sh", filepath.Join(src, "build.sh"), tmp)
	cmd.Dir = src
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build failed: sh %s %s: %v\n%s", filepath.Join(src, "build.sh"), tmp, err, out.String())
	}
	if _, err := os.Stat(filepath.Join(tmp, o.Exe)); err != nil {
		return "", fmt.Errorf("build.sh did not write %s: %v\n%s", o.Exe, err, out.String())
	}
	info := fmt.Sprintf("source %s\nsha256 %s\nbuilt in %v\n%s", src, hash, time.Since(start).Round(time.Millisecond), out.String())
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), []byte(info), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return "", err
	}
	return dir, nil
}

func exePath(dir, exe string) string { return filepath.Join(dir, exe) }

// sourceHash hashes build.sh and every .cs file under src (bin/ and run/
// excluded) with their relative paths.
func sourceHash(src string) (string, error) {
	var files []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != src && (d.Name() == "bin" || d.Name() == "run" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(d.Name(), ".cs") || d.Name() == "build.sh" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if len(files) == 0 {
		return "", errors.New("no sources")
	}
	sort.Strings(files)
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", buildVersion)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(src, f)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func cacheRoot() (string, error) {
	if d := os.Getenv(CacheEnv); d != "" {
		return d, os.MkdirAll(d, 0o755)
	}
	if base, err := os.UserCacheDir(); err == nil {
		d := filepath.Join(base, "helpgen-oracle")
		if err := os.MkdirAll(d, 0o755); err == nil {
			return d, nil
		}
	}
	d := filepath.Join(os.TempDir(), fmt.Sprintf("helpgen-oracle-%d", os.Getuid()))
	return d, os.MkdirAll(d, 0o755)
}

// repoRoot finds the checkout that holds oracle/: next to this source file
// (the usual case), else the enclosing module of the working directory.
func repoRoot() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		root := filepath.Join(filepath.Dir(file), "..", "..")
		if isRepoRoot(root) {
			return filepath.Clean(root), nil
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if isRepoRoot(d) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("cannot find the %s checkout (with oracle/) from %s", modulePath, wd)
		}
	}
}

func isRepoRoot(d string) bool {
	mod, err := os.ReadFile(filepath.Join(d, "go.mod"))
	if err != nil || !bytes.Contains(mod, []byte("module "+modulePath+"\n")) {
		return false
	}
	st, err := os.Stat(filepath.Join(d, "oracle"))
	return err == nil && st.IsDir()
}
