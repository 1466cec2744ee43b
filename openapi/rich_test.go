package openapi

import (
	"testing"

	"github.com/helpgen/helpgen/spec"
)

const (
	nsOrders  = "http://acme.example/orders/v1/"
	nsCommon  = "http://acme.example/common/v1/"
	nsBilling = "http://schemas.datacontract.org/2004/07/Acme.Billing"
	nsAPI     = "http://schemas.datacontract.org/2004/07/Acme.Api"
	nsSec     = "http://schemas.datacontract.org/2004/07/Acme.Security"
)

func intp(n int) *int       { return &n }
func strp(s string) *string { return &s }

// richSpec covers what the seed lacks: enums (with EnumMember values,
// aliases and [Flags]), a generic definition and instances, lists of lists,
// dictionaries, pairs, nullables, a synthetic base class in another
// namespace, JSON-only and XML-only members, annotations, every primitive,
// primitive and list roots, a void response, colliding simple names and
// operation names, route constraints and a method OpenAPI lacks.
func richSpec(t testing.TB) *spec.Spec {
	t.Helper()
	type m = spec.Member
	order := 0
	member := func(decl, ns, name, typ string) *m {
		defer func() { order++ }()
		return &m{Name: name, Type: typ, DeclaredIn: decl, Help: true,
			JSON: &spec.JSONMember{Name: name, Order: order},
			XML:  &spec.XMLMember{Name: name, Namespace: ns, Order: order}}
	}
	const (
		base  = "EntityBase"
		ord   = "Acme.Orders.Order"
		line  = "Acme.Orders.OrderLine"
		stat  = "Acme.Orders.OrderStatus"
		perm  = "Acme.Security.Permissions"
		bill  = "Acme.Billing.Order"
		resT  = "Acme.Api.ApiResult<T>"
		resO  = "Acme.Api.ApiResult<Acme.Orders.Order>"
		resLO = "Acme.Api.ApiResult<list<Acme.Orders.Order>>"
	)

	order = 0
	baseMembers := func() []*m {
		order = 0
		return []*m{member(base, nsCommon, "Id", "guid"), member(base, nsCommon, "Created", "dateTime")}
	}
	orderMembers := baseMembers()
	number := member(ord, nsOrders, "Number", "string")
	number.Required = true
	number.Doc = "The order number, e.g. AB-123."
	number.Annotations = &spec.Annotations{Required: true, StringLength: &spec.Bounds{Min: "1", Max: "20"}, Pattern: `^[A-Z]{2}-\d+$`}
	status := member(ord, nsOrders, "Status", stat)
	status.Doc = "Where the order is."
	prev := member(ord, nsOrders, "PreviousStatus", spec.Nullable(stat))
	lines := member(ord, nsOrders, "Lines", spec.List(line))
	lines.Annotations = &spec.Annotations{MaxLength: intp(50)}
	discount := member(ord, nsOrders, "Discount", spec.Nullable("decimal"))
	discount.Annotations = &spec.Annotations{Range: &spec.Bounds{Min: "0", Max: "100"}}
	lookahead := member(ord, nsOrders, "Reference", "string")
	lookahead.Annotations = &spec.Annotations{Pattern: `^(?!X)\w+$`, DataType: "Text", Other: []string{"Must be unique"}}
	internal := member(ord, nsOrders, "Internal", "string")
	internal.JSON = nil
	orderMembers = append(orderMembers,
		number, status, prev, lines,
		member(ord, nsOrders, "Tags", spec.Dict("string", "string")),
		member(ord, nsOrders, "Counts", spec.Dict("int", "long")),
		discount, lookahead, internal,
		member(ord, nsOrders, "Pair", spec.Pair("string", "int")),
		member(ord, nsOrders, "Matrix", spec.List(spec.List("int"))),
		member(ord, nsOrders, "Grants", perm),
		member(ord, nsOrders, "Attachment", "base64Binary"),
		member(ord, nsOrders, "Code", "char"),
		member(ord, nsOrders, "Timeout", "duration"),
		member(ord, nsOrders, "Homepage", "anyURI"),
		member(ord, nsOrders, "Extra", "anyType"),
		member(ord, nsOrders, "Placed", "dateTimeOffset"),
		member(ord, nsOrders, "Small", "short"),
		member(ord, nsOrders, "Tiny", "unsignedByte"),
		member(ord, nsOrders, "Signed", "byte"),
		member(ord, nsOrders, "Port", "unsignedShort"),
		member(ord, nsOrders, "Count32", "unsignedInt"),
		member(ord, nsOrders, "Big", "unsignedLong"),
		member(ord, nsOrders, "Ratio", "double"),
		member(ord, nsOrders, "Weight", "float"),
		member(ord, nsOrders, "Total", "long"),
		member(ord, nsOrders, "Paid", "boolean"),
		member(ord, nsOrders, "Watchers", spec.List(stat)),
	)
	// A get-only property: Json.NET writes it, DCS does not.
	summary := member(ord, nsOrders, "Summary", "string")
	summary.XML = nil
	orderMembers = append(orderMembers, summary)

	order = 0
	sku := member(line, nsOrders, "Sku", "string")
	sku.Annotations = &spec.Annotations{MaxLength: intp(12), MinLength: intp(3)}
	qty := member(line, nsOrders, "Quantity", "int")
	qty.Annotations = &spec.Annotations{Range: &spec.Bounds{Min: "1", Max: "999"}, Default: strp("1")}
	lineMembers := []*m{sku, qty, member(line, nsOrders, "Price", "decimal")}
	// JSON names differ from the docs name only for this one.
	lineMembers[2].JSON.Name = "price"

	order = 0
	billMembers := []*m{member(bill, nsBilling, "InvoiceNo", "string"), member(bill, nsBilling, "Amount", "decimal")}
	order = 0
	defMembers := []*m{member(resT, nsAPI, "Data", "T"), member(resT, nsAPI, "Errors", spec.List("string"))}
	order = 0
	resOMembers := []*m{member(resO, nsAPI, "Data", ord), member(resO, nsAPI, "Errors", spec.List("string"))}
	order = 0
	resLOMembers := []*m{member(resLO, nsAPI, "Data", spec.List(ord)), member(resLO, nsAPI, "Errors", spec.List("string"))}

	s := &spec.Spec{
		Schema: spec.Schema,
		Site:   &spec.Site{BaseURL: "https://api.acme.example/shop/Help", ModelNaming: "fullName"},
		Wire:   spec.Wire{JSONDateFormat: "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", JSONDateTimeZoneHandling: "RoundtripKind"},
		Types: []*spec.Type{
			{Name: base, Kind: spec.KindComplex, Synthetic: true, XML: &spec.XMLName{Name: "EntityBase", Namespace: nsCommon}, Members: baseMembers()},
			{Name: ord, Kind: spec.KindComplex, Base: base, Doc: "An order.", XML: &spec.XMLName{Name: "Order", Namespace: nsOrders}, Members: orderMembers},
			{Name: line, Kind: spec.KindComplex, XML: &spec.XMLName{Name: "OrderLine", Namespace: nsOrders}, Members: lineMembers},
			{Name: stat, Kind: spec.KindEnum, Underlying: "int", Doc: "Order status.", XML: &spec.XMLName{Name: "OrderStatus", Namespace: nsOrders},
				Values: []*spec.EnumValue{
					{Name: "New", Value: 0, Doc: "Just placed."},
					{Name: "Shipped", Value: 1, Wire: "shipped"},
					{Name: "Cancelled", Value: 2},
					{Name: "Canceled", Value: 2},
				}},
			{Name: perm, Kind: spec.KindEnum, Flags: true, Underlying: "long", XML: &spec.XMLName{Name: "Permissions", Namespace: nsSec},
				Values: []*spec.EnumValue{{Name: "None", Value: 0}, {Name: "Read", Value: 1}, {Name: "Write", Value: 2}}},
			{Name: bill, Kind: spec.KindComplex, XML: &spec.XMLName{Name: "Order", Namespace: nsBilling}, Members: billMembers},
			{Name: resT, Kind: spec.KindComplex, TypeParams: []string{"T"}, Members: defMembers},
			{Name: resO, Kind: spec.KindComplex, XML: &spec.XMLName{Name: "ApiResultOfOrder" + spec.GenericHash([]string{nsOrders}), Namespace: nsAPI},
				Generic: &spec.GenericInstance{Definition: resT, Args: []string{ord}}, Members: resOMembers},
			{Name: resLO, Kind: spec.KindComplex, XML: &spec.XMLName{Name: "ApiResultOfArrayOfOrder" + spec.GenericHash([]string{nsOrders}), Namespace: nsAPI},
				Generic: &spec.GenericInstance{Definition: resT, Args: []string{spec.List(ord)}}, Members: resLOMembers},
		},
	}
	all := []string{"application/json", "text/json", "application/xml", "text/xml"}
	ep := func(method, route, doc string, params []*spec.Param, body, resp string) *spec.Endpoint {
		e := &spec.Endpoint{Method: method, Route: route, RelativePath: route, Doc: doc, Controller: "Orders",
			Params: params, RequestFormats: all, ResponseFormats: all}
		e.ID = method + "-" + route
		if body != "" {
			e.Body = &spec.Body{Type: body, Doc: "The " + body}
		}
		if resp != "" {
			e.Response = &spec.Body{Type: resp}
		}
		return e
	}
	path := func(name, typ string) *spec.Param {
		return &spec.Param{Name: name, In: "path", Type: typ, Required: true}
	}
	s.Endpoints = []*spec.Endpoint{
		ep("GET", "api/v1/orders/{id}", "Gets an order.\nWith its lines.", []*spec.Param{path("id", "guid"),
			{Name: "expand", In: "query", Type: "boolean", Default: strp("false"), Doc: "Include lines."}}, "", resO),
		ep("GET", "api/v1/orders", "Lists orders.", []*spec.Param{
			{Name: "status", In: "query", Type: stat, Default: strp("New")},
			{Name: "page", In: "query", Type: "int", Default: strp("1"), Annotations: &spec.Annotations{Range: &spec.Bounds{Min: "1", Max: "100"}}},
			{Name: "tags", In: "query", Type: spec.List("string")},
			{Name: "since", In: "query", Type: spec.Nullable("dateTime"), Required: true},
		}, "", resLO),
		ep("POST", "api/v1/orders", "Places an order.", nil, ord, resO),
		ep("DELETE", "api/v1/orders/{orderId:guid}", "", []*spec.Param{path("orderId", "guid")}, "", ""),
		ep("PUT", "api/v1/orders/{id}/lines/{lineNo}", "", []*spec.Param{path("id", "guid"), path("lineNo", "int")}, line, ""),
		ep("GET", "api/v1/billing/orders/{id}", "", []*spec.Param{path("id", "guid")}, "", bill),
		ep("GET", "api/v1/orders/{id}/count", "", []*spec.Param{path("id", "guid")}, "", "int"),
		ep("GET", "api/v1/orders/{id}/lines", "", []*spec.Param{path("id", "guid")}, "", spec.List(line)),
		ep("GET", "api/v1/orders/{id}/grants", "", []*spec.Param{path("id", "guid")}, "", spec.Dict("string", perm)),
		ep("GET", "api/v1/{tenant}/items/{id}", "", []*spec.Param{path("tenant", "string"), path("id", "int")}, "", "string"),
		ep("GET", "api/v1/items/{id}", "", []*spec.Param{path("id", "int")}, "", "string"),
		ep("GET", "api/v1/things/{thingId}", "", []*spec.Param{path("thingId", "int")}, "", "string"),
		ep("PUT", "api/v1/things/{id}", "", []*spec.Param{path("id", "int")}, "string", ""),
		ep("MERGE", "api/v1/things", "", nil, "string", ""),
	}
	s.Endpoints[2].RequestFormats = append(all, "application/x-www-form-urlencoded")
	data, err := spec.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	out, err := spec.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
