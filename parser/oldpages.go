package parser

import "strings"

// Pre-5.1 Help Pages (ASP.NET Web Stack before c288f9e6) have one
// "Parameters" table (Name | Description | Additional information, the
// last saying where the parameter is defined) instead of "URI Parameters"
// and "Body Parameters", no type column and no ResourceModel pages. Both
// front-ends read that table into rows and hand it here.

// splitOldParams puts a pre-5.1 Parameters table's rows where they belong:
// "Define this parameter in the request body." makes the body (its
// documentation; such pages show no type), the others are URI parameters.
// Only the first Parameters table of a page counts.
func splitOldParams(p *Page, t *Table) {
	if p.URIParams != nil && (p.URIParams.Table != nil || p.URIParams.None) {
		return
	}
	var uri []*Row
	for _, r := range t.Rows {
		body := false
		for _, a := range r.Annotations {
			if strings.Contains(strings.ToLower(a), "request body") {
				body = true
			}
		}
		if body {
			if p.Body == nil {
				p.Body = &Section{Line: r.Line, Doc: r.Doc}
			}
			continue
		}
		r.Annotations = dropSourceNotes(r.Annotations)
		uri = append(uri, r)
	}
	if p.URIParams == nil {
		p.URIParams = &Section{Line: t.Line}
	}
	if len(uri) > 0 {
		p.URIParams.Table = &Table{Line: t.Line, Rows: uri}
	} else {
		p.URIParams.None = true
	}
}

// dropSourceNotes removes the "Define this parameter in the request URI."
// note, which says no more than that the row is a URI parameter.
func dropSourceNotes(anns []string) []string {
	var out []string
	for _, a := range anns {
		if strings.HasPrefix(a, "Define this parameter in the request") {
			continue
		}
		out = append(out, a)
	}
	return out
}

// finishOldPage settles a page without the 5.1 sections: a pre-5.1 page
// (oldParams), or one with no section at all that was not cut, documents
// no URI parameter and no body where it says nothing.
func finishOldPage(p *Page, oldParams, cut bool) {
	if !oldParams && (p.URIParams != nil || p.Body != nil || p.Response != nil || cut) {
		return
	}
	if p.URIParams == nil {
		p.URIParams = &Section{Line: p.Line, None: true}
	}
	if p.Body == nil {
		p.Body = &Section{Line: p.Line, None: true}
	}
	if p.URIParams.Table == nil && !p.URIParams.None {
		p.URIParams.None = true
	}
}
