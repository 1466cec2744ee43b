package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// invocation is one run of a subcommand: its name, its usage text and
// where it writes. Every message it prints starts "helpgen NAME: ", once.
type invocation struct {
	name           string
	usage          string // what -h prints before the flags
	stdout, stderr io.Writer
}

func (c *invocation) errorf(format string, args ...any) {
	fmt.Fprintf(c.stderr, "helpgen %s: %s\n", c.name, fmt.Sprintf(format, args...))
}

// fail reports err and returns exit status 2 (usage and input errors).
func (c *invocation) fail(err error) int {
	c.errorf("%v", err)
	return 2
}

// usageError reports a usage mistake, with the command's usage line.
func (c *invocation) usageError(format string, args ...any) int {
	c.errorf(format, args...)
	c.usageHint()
	return 2
}

func (c *invocation) usageHint() {
	line, _, _ := strings.Cut(c.usage, "\n")
	fmt.Fprintf(c.stderr, "%s\nRun \"helpgen %s -h\" for the flags.\n", line, c.name)
}

// newFlags is the subcommand's flag set. The flag package reports its own
// errors to stderr; parse prints the usage.
func (c *invocation) newFlags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.Usage = func() {}
	return fs
}

// parse parses args with flags anywhere: before, between or after the
// inputs ("generate pages -o out" is "generate -o out pages"). "--" ends the
// flags: what follows is inputs even if it starts with "-". done is true
// when the command must stop and exit with code: -h (usage on stdout, 0)
// or a flag error (2).
func (c *invocation) parse(fs *flag.FlagSet, args []string) (inputs []string, code int, done bool) {
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			// Asked-for help is output, not an error: stdout, exit 0.
			fmt.Fprint(c.stdout, c.usage)
			fs.SetOutput(c.stdout)
			fs.PrintDefaults()
			return nil, 0, true
		}
		if err != nil {
			// The flag package has printed what is wrong.
			c.usageHint()
			return nil, 2, true
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(inputs, rest...), 0, false
		}
		if len(rest) == 0 {
			return inputs, 0, false
		}
		inputs = append(inputs, rest[0])
		args = rest[1:]
	}
}
