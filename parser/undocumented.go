package parser

import (
	"fmt"
	"sort"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// Types no page describes. A model name with no ResourceModel page and no
// table (a one-page input, a page the crawl missed, a cut page) is read
// from its samples when they show its shape, and otherwise kept opaque:
// never an empty struct that would silently drop what the server sends.
//
//   - A JSON object or an XML element with children: a complex type whose
//     members are typed from their sample values (inferComplex).
//   - A member whose JSON sample is a number and whose XML sample is a
//     name: an enum with the values the samples show (others are unknown).
//   - Anything else: an opaque type (spec.Type.Opaque), whose values the
//     generated code keeps raw (JSON as written, XML as the element read).
func (b *builder) inferUndocumented(m *model) {
	m.kind = spec.KindComplex
	where := m.refSrc
	structured := false
	for _, j := range m.jsons {
		structured = structured || len(j.keys) > 0
	}
	for _, x := range m.xmls {
		structured = structured || len(x.el.children) > 0
	}
	if !structured {
		if rows, from := b.siblingRows(m); rows != nil {
			// Another instance of the same generic type documents the
			// members: the same, with this instance's arguments.
			b.warn(where, 0, "%s has no model page: its members are those of %s (the same generic type) with this instance's type arguments", m.name, from)
			m.rows, m.rowsSrc = rows, where
			b.inferComplex(m)
			return
		}
	}
	switch {
	case structured:
		// An info: the wire names and order are the samples'; what is guessed about a
		// member's type (a null, a structure) is warned member by member.
		b.info(where, 0, "%s has no model page: its members are inferred from the samples", m.name)
		b.inferComplex(m)
	case len(b.enumWire[m]) > 0:
		b.undocumentedEnum(m)
	default:
		m.opaque = true
		m.xmlNS = m.nsHint
		if m.xmlNS == "" {
			m.xmlNS = m.nsSame
		}
		if m.xmlNS == "" {
			m.xmlNS = b.defaultNS(m)
		}
		why := "no page, table or sample describes it"
		if m.scalars > 0 {
			why = "no page or table describes it and its samples do not show what it is"
		}
		b.warn(where, 0, "%s: %s; kept as a raw value (JSON and XML passed through as written)", m.name, why)
	}
}

// runtimeShaped are the Web API result types whose wire form the action
// decides at run time: their pages show no members (or HttpResponseMessage's
// own properties, which are not what travels).
var runtimeShaped = map[string]bool{"IHttpActionResult": true, "HttpResponseMessage": true, "Task": true}

// inferRuntimeShaped keeps a runtime-shaped result raw.
func (b *builder) inferRuntimeShaped(m *model) {
	m.kind = spec.KindComplex
	m.opaque = true
	b.info(m.refSrc, 0, "%s: the body is whatever the action returns; kept as a raw value", m.name)
}

// undocumentedEnum builds an enum from the (JSON number, XML name) pairs
// the samples show for it.
func (b *builder) undocumentedEnum(m *model) {
	m.kind = spec.KindEnum
	var vals []int64
	for v := range b.enumWire[m] {
		vals = append(vals, v)
	}
	sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
	var shown []string
	for _, v := range vals {
		name := b.enumWire[m][v]
		m.values = append(m.values, &spec.EnumValue{Name: name, Value: v})
		shown = append(shown, fmt.Sprintf("%s = %d", name, v))
	}
	m.xmlNS = m.nsHint
	if m.xmlNS == "" {
		m.xmlNS = b.defaultNS(m)
	}
	b.warn(m.refSrc, 0, "%s has no model page; its samples show an enum (JSON %s, XML %s): %s; other values are unknown",
		m.name, "numbers", "names", strings.Join(shown, ", "))
}

// siblingRows returns the table of another documented instance of the
// generic type a model instantiates, with the members that are its type
// arguments retyped to this model's arguments, and that instance's name.
// An instance qualifies when each of its arguments is the type of exactly
// one member.
func (b *builder) siblingRows(m *model) ([]*Row, string) {
	def, args, ok := splitGenericModelName(m.name, b.known)
	if !ok {
		return nil, ""
	}
	var best []*Row
	from := ""
	models := append([]*model(nil), b.order...)
	sort.Slice(models, func(i, j int) bool { return models[i].name < models[j].name })
	for _, o := range models {
		if o == m || o.rows == nil || len(o.rows) <= len(best) {
			continue
		}
		odef, oargs, ok := splitGenericModelName(o.name, b.known)
		if !ok || odef != def || len(oargs) != len(args) {
			continue
		}
		rows := make([]*Row, len(o.rows))
		for i, r := range o.rows {
			c := *r
			rows[i] = &c
		}
		good := true
		for i, a := range oargs {
			var hit []*Row
			for _, r := range rows {
				if a.matches(parseDisplay(r.Type.Text)) {
					hit = append(hit, r)
				}
			}
			text := argDisplayText(args[i])
			if len(hit) != 1 || text == "" {
				good = false
				break
			}
			hit[0].Type = TypeText{Text: text}
		}
		if good {
			best, from = rows, o.name
		}
	}
	return best, from
}

// argDisplayText renders a generic argument as a type rendering that
// parseDisplay reads back exactly ("System.Int64", "Collection of X").
func argDisplayText(a *modelArg) string {
	switch {
	case a.unknown:
		return ""
	case a.prim != "":
		for clr, p := range clrPrimitives {
			if p == a.prim && clr != "Byte[]" {
				return "System." + clr
			}
		}
		return ""
	case a.model != "":
		return a.model
	}
	parts := make([]string, len(a.args))
	for i, x := range a.args {
		if parts[i] = argDisplayText(x); parts[i] == "" {
			return ""
		}
	}
	switch a.kind {
	case spec.RefList:
		return "Collection of " + parts[0]
	case spec.RefNullable:
		return parts[0]
	case spec.RefDict:
		return "Dictionary of " + parts[0] + " [key] and " + parts[1] + " [value]"
	case spec.RefPair:
		return "Pair of " + parts[0] + " [key] and " + parts[1] + " [value]"
	}
	return ""
}
