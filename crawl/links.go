package crawl

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scan is what the crawler needs from a page: where it links, and whether
// it is Help Page content at all.
type scan struct {
	hrefs []string
	// help is set when a Help Page marker (div#body.help-page,
	// header.help-page, table.help-page-table) is present: every page the
	// HelpPage area renders has one, a host's Error view does not.
	help bool
	// errorView is set by an h1 "Error.", the VS templates' Error view,
	// which look-up misses render with HTTP 200.
	errorView bool
}

// ok reports whether the page is real Help Page content rather than the
// Error view (or some other page served in its place, such as a login form).
func (s scan) ok() bool { return s.help && !s.errorView }

// scanHTML reads a page with the x/net/html tokenizer, which never fails
// and copes with any malformed markup; a page is at most MaxPageBytes.
func scanHTML(b []byte) scan {
	var s scan
	z := html.NewTokenizer(bytes.NewReader(b))
	inH1 := false
	var h1 strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return s
		case html.TextToken:
			if inH1 && h1.Len() < 64 {
				h1.Write(z.Text())
			}
		case html.EndTagToken:
			if n, _ := z.TagName(); atom.Lookup(n) == atom.H1 && inH1 {
				inH1 = false
				if strings.Join(strings.Fields(h1.String()), " ") == "Error." {
					s.errorView = true
				}
				h1.Reset()
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			n, hasAttr := z.TagName()
			a := atom.Lookup(n)
			if a == atom.H1 {
				inH1 = true
				h1.Reset()
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "href":
					if a == atom.A {
						s.hrefs = append(s.hrefs, string(v))
					}
				case "class":
					for _, c := range strings.Fields(string(v)) {
						if c == "help-page" || c == "help-page-table" {
							s.help = true
						}
					}
				}
			}
		}
	}
}
