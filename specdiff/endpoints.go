package specdiff

import (
	"sort"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// addEndpoint records an endpoint change. The URI does not depend on the
// format, so both verdicts are the same.
func (d *differ) addEndpoint(c *Change, v verdict) {
	d.endpoints = append(d.endpoints, c.set(v, v))
}

// addEndpointVerdicts records an endpoint change judged per format (bodies,
// media types).
func (d *differ) addEndpointVerdicts(c *Change, j, x verdict) {
	d.endpoints = append(d.endpoints, c.set(j, x))
}

func opLabel(e *spec.Endpoint) string { return e.Method + " " + e.Route }

// routeShape is a route with parameter names and letter case erased: two
// routes with the same shape match the same URLs.
func routeShape(route string) string {
	segs := strings.Split(strings.Trim(strings.ToLower(route), "/"), "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

func sortedEndpoints(s *spec.Spec) []*spec.Endpoint {
	eps := append([]*spec.Endpoint(nil), s.Endpoints...)
	sort.SliceStable(eps, func(i, j int) bool { return eps[i].ID < eps[j].ID })
	return eps
}

func (d *differ) compareEndpoints() {
	olds, news := sortedEndpoints(d.old), sortedEndpoints(d.new)
	paired := map[*spec.Endpoint]*spec.Endpoint{}
	taken := map[*spec.Endpoint]bool{}
	for _, same := range []func(o, n *spec.Endpoint) bool{
		func(o, n *spec.Endpoint) bool { return o.ID == n.ID },
		// A route whose parameters were renamed, or whose case changed.
		func(o, n *spec.Endpoint) bool {
			return strings.EqualFold(o.Method, n.Method) && routeShape(o.Route) == routeShape(n.Route)
		},
		// A method change on the same route.
		func(o, n *spec.Endpoint) bool { return routeShape(o.Route) == routeShape(n.Route) },
		// A route change of an operation documented the same way.
		func(o, n *spec.Endpoint) bool {
			return o.Doc != "" && o.Doc == n.Doc && strings.EqualFold(o.Method, n.Method) &&
				bodyType(o.Body) == bodyType(n.Body) && bodyType(o.Response) == bodyType(n.Response)
		},
	} {
		for _, o := range olds {
			if paired[o] != nil {
				continue
			}
			for _, n := range news {
				if !taken[n] && same(o, n) {
					paired[o] = n
					taken[n] = true
					break
				}
			}
		}
	}
	for _, o := range olds {
		if n := paired[o]; n != nil {
			d.compareEndpoint(o, n)
			continue
		}
		d.addEndpoint(&Change{Kind: EndpointRemoved, Endpoint: o.ID, Old: opLabel(o),
			Summary: opLabel(o) + " removed"}, brk("old clients call an operation that no longer exists"))
	}
	for _, n := range news {
		if !taken[n] {
			d.addEndpoint(&Change{Kind: EndpointAdded, Endpoint: n.ID, New: opLabel(n),
				Summary: opLabel(n) + " added"}, ok("a new operation"))
		}
	}
}

func bodyType(b *spec.Body) string {
	if b == nil {
		return ""
	}
	return b.Type
}

func (d *differ) compareEndpoint(o, n *spec.Endpoint) {
	id := o.ID
	if !strings.EqualFold(o.Method, n.Method) {
		d.addEndpoint(&Change{Kind: EndpointMethodChanged, Endpoint: id, Old: o.Method, New: n.Method,
			Summary: opLabel(o) + " becomes " + opLabel(n)}, brk("old clients send "+o.Method))
	}
	if o.Route != n.Route {
		v := brk("old clients call " + o.Route)
		if routeShape(o.Route) == routeShape(n.Route) {
			v = ok("the same URLs match: only parameter names or letter case changed, and Web API routing ignores case")
		}
		d.addEndpoint(&Change{Kind: EndpointRouteChanged, Endpoint: id, Old: o.Route, New: n.Route,
			Summary: "route of " + o.Method + " " + o.Route + " becomes " + n.Route}, v)
	}
	d.compareParams(id, o, n)

	ob, nb := bodyType(o.Body), bodyType(n.Body)
	switch {
	case ob == nb:
	case ob == "":
		d.addEndpoint(&Change{Kind: BodyChanged, Endpoint: id, New: nb, Summary: "request body " + nb + " added"},
			brk("old clients send no body"))
	case nb == "":
		d.addEndpoint(&Change{Kind: BodyChanged, Endpoint: id, Old: ob, Summary: "request body " + ob + " removed"},
			ok("the server ignores the body old clients still send"))
	default:
		j, x := d.compareRef(ob, nb, useRequest, true)
		d.addEndpointVerdicts(&Change{Kind: BodyChanged, Endpoint: id, Old: ob, New: nb,
			Summary: "request body changes from " + ob + " to " + nb}, j, x)
	}
	or, nr := bodyType(o.Response), bodyType(n.Response)
	switch {
	case or == nr:
	case or == "":
		d.addEndpoint(&Change{Kind: ResponseChanged, Endpoint: id, New: nr, Summary: "response " + nr + " added"},
			ok("old clients ignore a body they did not expect"))
	case nr == "":
		d.addEndpoint(&Change{Kind: ResponseChanged, Endpoint: id, Old: or, Summary: "response " + or + " removed"},
			brk("old clients expect a body"))
	default:
		j, x := d.compareRef(or, nr, useResponse, true)
		d.addEndpointVerdicts(&Change{Kind: ResponseChanged, Endpoint: id, Old: or, New: nr,
			Summary: "response changes from " + or + " to " + nr}, j, x)
	}
	d.compareFormats(id, "request", o.RequestFormats, n.RequestFormats)
	d.compareFormats(id, "response", o.ResponseFormats, n.ResponseFormats)
}

// pathIndex is the route segment holding {name}, or -1.
func pathIndex(route, name string) int {
	for i, s := range strings.Split(strings.Trim(route, "/"), "/") {
		if strings.EqualFold(s, "{"+name+"}") {
			return i
		}
	}
	return -1
}

func (d *differ) compareParams(id string, oe, ne *spec.Endpoint) {
	used := map[*spec.Param]bool{}
	var pairs [][2]*spec.Param
	for _, same := range []func(o, n *spec.Param) bool{
		func(o, n *spec.Param) bool { return o.Name == n.Name },
		// Web API binds parameters ignoring case.
		func(o, n *spec.Param) bool { return strings.EqualFold(o.Name, n.Name) },
		// Path parameters bind by their place in the URL.
		func(o, n *spec.Param) bool {
			if o.In != "path" || n.In != "path" {
				return false
			}
			i := pathIndex(oe.Route, o.Name)
			return i >= 0 && i == pathIndex(ne.Route, n.Name)
		},
	} {
		for _, o := range oe.Params {
			if used[o] {
				continue
			}
			for _, n := range ne.Params {
				if !used[n] && same(o, n) {
					used[o], used[n] = true, true
					pairs = append(pairs, [2]*spec.Param{o, n})
					break
				}
			}
		}
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		base := Change{Endpoint: id, Member: n.Name}
		if o.Name != n.Name {
			c := base
			c.Kind, c.Old, c.New = ParamRenamed, o.Name, n.Name
			c.Summary = "parameter " + o.Name + " renamed to " + n.Name
			v := ok("Web API binds parameter names ignoring case")
			if !strings.EqualFold(o.Name, n.Name) {
				if o.In == "path" && n.In == "path" {
					v = ok("path parameters bind by their place in the URL")
				} else {
					v = brk("old clients send ?" + o.Name + "=")
				}
			}
			d.addEndpoint(&c, v)
		}
		if o.In != n.In {
			c := base
			c.Kind, c.Old, c.New = ParamMoved, o.In, n.In
			c.Summary = "parameter " + n.Name + " moves from " + o.In + " to " + n.In
			d.addEndpoint(&c, brk("old clients send it in the "+o.In))
		}
		if o.Type != n.Type {
			c := base
			c.Kind, c.Old, c.New = ParamRetyped, o.Type, n.Type
			c.Summary = "type of parameter " + n.Name + " changes from " + o.Type + " to " + n.Type
			v, _ := d.compareRef(o.Type, n.Type, useRequest, false)
			d.addEndpoint(&c, v)
		}
		switch {
		case !o.Required && n.Required:
			c := base
			c.Kind, c.Summary = ParamRequiredAdded, "parameter "+n.Name+" becomes required"
			d.addEndpoint(&c, brk("old clients may omit it"))
		case o.Required && !n.Required:
			c := base
			c.Kind, c.Summary = ParamRequiredRemoved, "parameter "+n.Name+" is no longer required"
			d.addEndpoint(&c, ok("old clients keep sending it"))
		}
	}
	for _, o := range oe.Params {
		if !used[o] {
			d.addEndpoint(&Change{Kind: ParamRemoved, Endpoint: id, Member: o.Name, Old: o.Type,
				Summary: o.In + " parameter " + o.Name + " (" + o.Type + ") removed"},
				brk("the server ignores the value old clients send"))
		}
	}
	for _, n := range ne.Params {
		if used[n] {
			continue
		}
		v := ok("optional: old clients omit it and the server uses its default")
		if n.Required || n.In == "path" {
			v = brk("required: old clients do not send it")
		}
		d.addEndpoint(&Change{Kind: ParamAdded, Endpoint: id, Member: n.Name, New: n.Type,
			Summary: n.In + " parameter " + n.Name + " (" + n.Type + ") added"}, v)
	}
}

// formatOf says which wire format a media type selects.
func formatOf(mt string) string {
	mt = strings.ToLower(mt)
	switch {
	case strings.Contains(mt, "json"):
		return "json"
	case strings.Contains(mt, "xml"):
		return "xml"
	}
	return ""
}

func (d *differ) compareFormats(id, dir string, o, n []string) {
	has := func(list []string, mt string) bool {
		for _, x := range list {
			if strings.EqualFold(x, mt) {
				return true
			}
		}
		return false
	}
	for _, mt := range o {
		if has(n, mt) {
			continue
		}
		c := &Change{Kind: FormatRemoved, Endpoint: id, Member: dir + " " + mt, Old: mt,
			Summary: dir + " media type " + mt + " removed"}
		j, x := ok("JSON media types are unchanged"), ok("XML media types are unchanged")
		switch formatOf(mt) {
		case "json":
			j = brk("old clients use " + mt)
		case "xml":
			x = brk("old clients use " + mt)
		default:
			j = ok("not a JSON media type; old " + mt + " clients break")
			x = ok("not an XML media type; old " + mt + " clients break")
		}
		d.addEndpointVerdicts(c, j, x)
	}
	for _, mt := range n {
		if !has(o, mt) {
			d.addEndpoint(&Change{Kind: FormatAdded, Endpoint: id, Member: dir + " " + mt, New: mt,
				Summary: dir + " media type " + mt + " added"}, ok("a new media type"))
		}
	}
}
