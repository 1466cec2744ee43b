// Package cli is the helpgen command: argument and config handling, the
// one path from inputs to a spec that every command shares (load.go), and
// the one path from a spec to files that generate and check share.
package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/helpgen/helpgen/crawl"
)

// command is one subcommand.
type command struct {
	name, synopsis string
	run            func(c *invocation, args []string) int
}

// commands is the command table, in the order the usage lists them.
var commands = []command{
	{"parse", "pages → spec JSON (stdout, or -spec FILE)", runParse},
	{"generate", "pages or spec JSON → Go package (-o DIR)", func(c *invocation, args []string) int { return runGenerate(c, args, false) }},
	{"check", "like generate, but only compare: exit 1 with a diff when DIR is stale", func(c *invocation, args []string) int { return runGenerate(c, args, true) }},
	{"crawl", "fetch a Help site: helpgen crawl URL -o DIR", func(c *invocation, args []string) int { return crawl.Main(args, c.stdout, c.stderr) }},
	{"diff", "wire-aware change report: helpgen diff OLD NEW", runDiff},
	{"openapi", "OpenAPI 3 export: helpgen openapi INPUT", runOpenAPI},
	{"version", "print helpgen's version", runVersion},
}

func usage() string {
	var b strings.Builder
	b.WriteString("usage: helpgen <command> [flags] [inputs]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.synopsis)
	}
	b.WriteString(`
Inputs are page files, directories of pages (HTML or text renderings,
detected by content), a spec JSON file, or a Help site URL. Flags may come
before or after the inputs.
Run "helpgen help <command>" or "helpgen <command> -h" for a command's flags.
`)
	return b.String()
}

// Main runs the command line and returns the exit status: 0 ok (and -h),
// 1 check found differences, diff found breaking changes, or -strict found
// warnings; 2 usage errors and inputs that cannot be used.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usage())
		return 0
	case "-version", "--version":
		return Main([]string{"version"}, stdout, stderr)
	case "help":
		if len(args) == 1 {
			fmt.Fprint(stdout, usage())
			return 0
		}
		if find(args[1]) == nil {
			fmt.Fprintf(stderr, "helpgen help: unknown command %q\n\n%s", args[1], usage())
			return 2
		}
		return Main([]string{args[1], "-h"}, stdout, stderr)
	}
	c := find(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "helpgen: unknown command %q\n\n%s", args[0], usage())
		return 2
	}
	return c.run(&invocation{name: c.name, stdout: stdout, stderr: stderr}, args[1:])
}

func find(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// modulePath is helpgen's module, whose version "helpgen version" prints.
const modulePath = "github.com/helpgen/helpgen"

func runVersion(c *invocation, args []string) int {
	c.usage = "usage: helpgen version\n\nPrints helpgen's module version (and VCS revision when the build recorded one).\n"
	fs := c.newFlags()
	inputs, code, done := c.parse(fs, args)
	if done {
		return code
	}
	if len(inputs) > 0 {
		return c.usageError("unexpected argument %q", inputs[0])
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		fmt.Fprintln(c.stdout, "helpgen (no build information)")
		return 0
	}
	fmt.Fprintln(c.stdout, versionLine(bi))
	return 0
}

// versionLine is "helpgen VERSION [REVISION [TIME] [modified]] GOVERSION".
// helpgen is the main module when built in its checkout or installed with
// go install (a release's version, or "(devel)"), and a dependency when run
// from another module (go run, go tool): then its version is the one that
// module requires, with a replacement shown.
func versionLine(bi *debug.BuildInfo) string {
	parts := []string{"helpgen"}
	m := &bi.Main
	if m.Path != modulePath {
		m = nil
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				m = d
			}
		}
	}
	switch {
	case m == nil:
		parts = append(parts, "(unknown)")
	case m.Replace != nil:
		v := m.Replace.Path
		if m.Replace.Version != "" {
			v += "@" + m.Replace.Version
		}
		parts = append(parts, m.Version, "=> "+v)
	case m.Version == "":
		parts = append(parts, "(devel)")
	default:
		parts = append(parts, m.Version)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		parts = append(parts, "rev "+rev[:min(len(rev), 12)])
		if t := settings["vcs.time"]; t != "" {
			parts = append(parts, t)
		}
		if settings["vcs.modified"] == "true" {
			parts = append(parts, "(modified)")
		}
	}
	return strings.Join(append(parts, bi.GoVersion), " ")
}
