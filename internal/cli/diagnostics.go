package cli

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// diagLine is one diagnostic as printed. A page the parser could not read
// at all has an error that names the page again ("x.bin: not text"); the
// line names it once.
func diagLine(d *spec.Diagnostic) string {
	if d.Source == "" {
		return d.Severity + ": " + d.Message
	}
	return d.Source + ": " + d.Severity + ": " + strings.TrimPrefix(d.Message, d.Source+": ")
}

// printDiagnostics prints the warnings and errors of s (infos are only in
// the spec JSON). With errorsOnly, warnings are left to the summary line:
// diff and openapi read specs, they do not review them.
func printDiagnostics(w io.Writer, s *spec.Spec, errorsOnly bool) {
	if s == nil {
		return
	}
	for _, d := range s.Diagnostics {
		if d.Severity == spec.Error || d.Severity == spec.Warning && !errorsOnly {
			fmt.Fprintln(w, diagLine(d))
		}
	}
}

func countSeverity(s *spec.Spec, severity string) int {
	n := 0
	for _, d := range s.Diagnostics {
		if d.Severity == severity {
			n++
		}
	}
	return n
}

// warningKinds sorts warnings into kinds for the summary line, by what
// their messages say. The first match wins; a warning no row matches
// counts as "other". Kinds are short and stable: CI logs are grepped.
var warningKinds = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"assumed", regexp.MustCompile(`^` + spec.AssumedPrefix)},
	{"truncated", regexp.MustCompile(`\btruncated\b|ends mid-way|\(cut\)`)},
	{"not-help-page", regexp.MustCompile(`not a Help Page`)},
	{"error-page", regexp.MustCompile(`error page`)},
	{"no-title", regexp.MustCompile(`without a (METHOD and route in its title|"METHOD route" title)|without a model name`)},
	{"short-row", regexp.MustCompile(`has \d+ of its \d+ cells`)},
	{"table-differs", regexp.MustCompile(`differs from the one in`)},
	{"untyped", regexp.MustCompile(`has no type on the page|table without a type`)},
	{"member-not-in-samples", regexp.MustCompile(`in the help table but in no sample`)},
	{"member-not-in-table", regexp.MustCompile(`is not in the help table`)},
	{"model-not-described", regexp.MustCompile(`no page, table or sample describes it`)},
	{"same-type-name", regexp.MustCompile(`name the same type`)},
	{"enum-guess", regexp.MustCompile(`EnumMember values|\[Flags\]|is not an integer`)},
	{"nullable-guess", regexp.MustCompile(`are Nullable, but`)},
	{"sample", regexp.MustCompile(`\bsample\b|\bsamples\b`)},
	{"html", regexp.MustCompile(`HTML read stopped`)},
}

// warningKind is the summary kind of a warning message.
func warningKind(msg string) string {
	for _, k := range warningKinds {
		if k.re.MatchString(msg) {
			return k.kind
		}
	}
	return "other"
}

// summary is the one line that ends a command's report on its inputs:
// "2 errors, 52 warnings (37 member-not-in-samples, 13 truncated, 2
// short-row)"; "" when there is nothing to report. Kinds are ordered by
// count, then name.
func summary(s *spec.Spec) string {
	if s == nil {
		return ""
	}
	kinds := map[string]int{}
	warnings := 0
	for _, d := range s.Diagnostics {
		if d.Severity == spec.Warning {
			warnings++
			kinds[warningKind(d.Message)]++
		}
	}
	var parts []string
	if n := countSeverity(s, spec.Error); n > 0 {
		parts = append(parts, plural(n, "error"))
	}
	if warnings > 0 {
		names := make([]string, 0, len(kinds))
		for k := range kinds {
			names = append(names, k)
		}
		sort.Slice(names, func(i, j int) bool {
			if kinds[names[i]] != kinds[names[j]] {
				return kinds[names[i]] > kinds[names[j]]
			}
			return names[i] < names[j]
		})
		for i, k := range names {
			names[i] = fmt.Sprintf("%d %s", kinds[k], k)
		}
		parts = append(parts, plural(warnings, "warning")+" ("+strings.Join(names, ", ")+")")
	}
	return strings.Join(parts, ", ")
}

// plural is "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// assumedLine is the stable one-line summary of what the pages cannot show
// and helpgen assumed (spec.Assumptions), fact by fact with how many
// members, parameters, contracts or endpoints; "" when nothing was:
// "assumed, pin in the config: integer width 22, nullability 29, ...".
// The warnings above it name them; -strict refuses them.
func assumedLine(s *spec.Spec) string {
	if s == nil {
		return ""
	}
	var parts []string
	for _, a := range spec.Assumptions(s) {
		parts = append(parts, fmt.Sprintf("%s %d (%s)", a.Fact, len(a.Items), a.Key))
	}
	if len(parts) == 0 {
		return ""
	}
	return "assumed what the pages cannot show: " + strings.Join(parts, ", ")
}
