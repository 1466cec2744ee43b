// Package tmpmod writes the go.mod and go.sum of a throwaway module that
// holds generated packages, for tests that build them as a user would: the
// generated code imports helpgen's runtime (templates/rt), so the module
// requires helpgen, replaced by this checkout, and builds offline from the
// module cache the checkout's own build filled.
package tmpmod

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// Write writes dir/go.mod (module path module) and dir/go.sum; root is
// helpgen's module directory.
func Write(dir, root, module string) error {
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	goLine := regexp.MustCompile(`(?m)^go \S+$`).Find(gomod)
	if goLine == nil {
		return fmt.Errorf("%s/go.mod has no go directive", root)
	}
	uuid := regexp.MustCompile(`(?m)^\s*(?:require\s+)?github\.com/google/uuid (\S+)`).FindSubmatch(gomod)
	if uuid == nil {
		return fmt.Errorf("%s/go.mod does not require github.com/google/uuid", root)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	mod := fmt.Sprintf("module %s\n\n%s\n\nrequire (\n\tgithub.com/google/uuid %s\n\tgithub.com/helpgen/helpgen v0.0.0\n)\n\nreplace github.com/helpgen/helpgen => %s\n",
		module, goLine, uuid[1], abs)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
}
