package generator

import (
	"go/build/constraint"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// Comments. Page text (descriptions, routes, type names as the site spells
// them) is untrusted: it reaches generated code only as string literals,
// which jen.Lit quotes, and as comments, which are written here and nowhere
// else (TestCommentsGoThroughDoc checks the generator's sources for that).
//
// Every comment is a run of line comments, each line "// " followed by the
// text: nothing can close it early (there is no "*/" to match), nothing
// after a line break escapes it (each line carries its own "//"), and no
// line is a directive (//go:generate, //go:build, //line, //export need
// the text to follow "//" with no space) or a build constraint: gofmt
// (go/printer) gathers "// +build" lines from anywhere in a file and moves
// them, as constraints, above the package clause, so a description that
// begins "+build" would otherwise take the file out of the build. jennifer's own Comment would write
// a multi-line text as a /* */ block, and a text starting with "//" or "/*"
// verbatim; the lines built here always start with "//", which jennifer
// writes as they are.

// comment is a comment statement holding text as line comments.
func comment(text string) *jen.Statement {
	return jen.Comment(commentLines(text))
}

// commentLines renders text as "// " lines: line breaks of any kind end a
// line, blank-line runs become one "//" paragraph break, and characters Go
// source cannot hold or that change how a line displays are replaced.
func commentLines(text string) string {
	var b strings.Builder
	blank := false
	for _, line := range strings.Split(normalizeComment(text), "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteString("//\n")
			blank = false
		}
		if constraint.IsPlusBuild("// " + line) {
			line = strings.Replace(line, "+build", "+ build", 1)
		}
		b.WriteString("// ")
		b.WriteString(line)
		b.WriteByte('\n')
	}
	if b.Len() == 0 {
		return "//"
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// normalizeComment maps every line terminator to \n and replaces what a Go
// comment must not hold: invalid UTF-8 and NUL (the compiler rejects them),
// the byte order mark (rejected after the start of a file), other control
// characters, and bidirectional formatting characters, which can make a
// reviewer read code that is not there (CVE-2021-42574).
func normalizeComment(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				n = 2
			}
			b.WriteByte('\n')
		case r == '\n', r == '\v', r == '\f', r == 0x85, r == 0x2028, r == 0x2029:
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == 0xfeff, isBidiControl(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isBidiControl reports the explicit bidirectional formatting characters.
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
