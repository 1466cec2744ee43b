package specdiff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

func (r *Report) headline() string {
	n := len(r.Changes())
	if n == 0 {
		return "no changes"
	}
	return fmt.Sprintf("%d %s: %d break%s JSON, %d break%s XML", n, plural(n, "change", "changes"),
		r.BreaksJSON, plural(r.BreaksJSON, "s", ""), r.BreaksXML, plural(r.BreaksXML, "s", ""))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func subject(c *Change) string {
	switch {
	case c.Endpoint != "":
		return c.Endpoint
	case c.Type != "":
		return c.Type
	}
	return "wire"
}

func verdictText(breaks bool, reason string) string {
	if breaks {
		return "breaks: " + reason
	}
	return "ok: " + reason
}

// Text writes the report for a terminal: one block per change, a "!" in
// front of the breaking ones.
func (r *Report) Text(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "helpgen diff: %s\n", r.headline())
	for _, sec := range []struct {
		title string
		cs    []*Change
	}{{"Endpoints", r.Endpoints}, {"Wire", r.Wire}, {"Types", r.Types}} {
		if len(sec.cs) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n%s:\n", sec.title)
		for _, c := range sec.cs {
			mark := " "
			if c.Breaking() {
				mark = "!"
			}
			where := subject(c)
			if c.Member != "" {
				where += " [" + c.Member + "]"
			}
			fmt.Fprintf(bw, "%s %s %s\n", mark, c.Kind, where)
			fmt.Fprintf(bw, "    %s\n", c.Summary)
			fmt.Fprintf(bw, "    JSON %s\n", verdictText(c.BreaksJSON, c.JSONReason))
			fmt.Fprintf(bw, "    XML  %s\n", verdictText(c.BreaksXML, c.XMLReason))
		}
	}
	return bw.Flush()
}

// mdCell escapes what would end a Markdown table cell or start markup.
func mdCell(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "\r", "", "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`")
	return r.Replace(s)
}

// Markdown writes the report as a review comment: a summary, then one table
// per section.
func (r *Report) Markdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## API changes\n\n%s.\n", capitalize(r.headline()))
	for _, sec := range []struct {
		title string
		cs    []*Change
	}{{"Endpoints", r.Endpoints}, {"Wire", r.Wire}, {"Types", r.Types}} {
		if len(sec.cs) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n### %s\n\n", sec.title)
		bw.WriteString("| Change | Subject | Member | Details | JSON | XML |\n|---|---|---|---|---|---|\n")
		for _, c := range sec.cs {
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s |\n", mdCell(c.Kind), mdCode(subject(c)), mdCode(c.Member), mdCell(c.Summary),
				mdVerdict(c.BreaksJSON, c.JSONReason), mdVerdict(c.BreaksXML, c.XMLReason))
		}
	}
	return bw.Flush()
}

// mdCode is a code span; GFM still ends a cell at an unescaped pipe there.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	return "`" + strings.ReplaceAll(strings.ReplaceAll(s, "`", "'"), "|", `\|`) + "`"
}

func mdVerdict(breaks bool, reason string) string {
	if breaks {
		return "**breaks**: " + mdCell(reason)
	}
	return "ok: " + mdCell(reason)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// JSON writes the report as indented JSON (the Report and Change fields).
func (r *Report) JSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
