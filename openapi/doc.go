// Package openapi exports a helpgen spec as an OpenAPI 3.0.3 document (JSON
// or YAML), for tools outside helpgen: other-language generators, gateways,
// API catalogues. The document describes the JSON form exactly and carries
// what OpenAPI can say about the DataContractSerializer form in xml objects;
// what it cannot say goes into x- extensions.
//
// # Operations
//
// Paths are "/" + the route, with route constraints ({id:int}, {id?},
// {*rest}) reduced to the bare name; endpoints whose routes differ only in
// parameter names share the first one's path and are renamed to it.
//
// operationId is lowerCamelCase of: the HTTP method, then each literal route
// segment (dropping a leading "api" and version segments such as "v2"), then
// "By"+Param when the route ends with a parameter:
//
//	POST api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send
//	→ postClinicalEncountersFollowupSend
//	GET api/v2/{practiceId}/patients/{patientId} → getPatientsByPatientId
//
// This is helpgen's Go method name with a lower-case first letter, so the
// two read alike. Endpoints sharing a name get "By" + their other path
// parameters joined by "And", then a number (2, 3, …), in ApiId order.
//
// Parameters: path parameters in route order (always required), then query
// parameters in page order. The body is requestBody (required) with one
// entry per requestFormats media type; the response is "200" with one entry
// per responseFormats media type, or "204" when the API returns nothing.
// With no formats listed, Web API's JSON and XML media types are assumed.
// Form bodies get encoding style deepObject for nested objects (A[B]=x,
// which Web API's form formatter reads as A.B; OpenAPI's default would
// drop the prefix). Lists of objects (L[0].P=x), dictionaries, and form
// keys being CLR property names rather than JSON names are beyond OpenAPI's
// form model.
//
// Options.Codegen (helpgen openapi -codegen) trims the document for code
// generators that fail on a faithful one: one media type per wire format,
// and no form bodies but flat objects (none that nest objects, none that are
// a string or a list). See Options.
//
// # Schemas
//
// Every non-generic-definition type is a component schema named after its
// CLR simple name (generic instances spelled out: RestApiResultOfGuid); types
// sharing a simple name get their namespace segments prepended until unique,
// then a number. Names are limited to [A-Za-z0-9._-].
//
// Members keep the spec's order (DCS order, then JSON-only members), keyed by
// their JSON name (XML-only members by their element name, marked
// x-xml-only; JSON-only ones are marked x-json-only). Inherited members are
// repeated in the derived schema rather than composed with allOf: DCS order
// and the per-member namespaces are facts of the derived contract, and code
// generators merge allOf differently, so flat schemas keep every tool's view
// of the wire the same. The base is named in x-dotnet-base.
//
// xml objects: components carry the DataContract name and namespace; a
// property whose element name differs from its key has xml.name; a property
// in another namespace than its type (inherited members) has xml.namespace
// and a prefix (from the namespace's last segment); arrays have
// wrapped: true and their items the item element name (the item contract
// name) and the collection namespace. Dictionaries (DCS writes
// ArrayOfKeyValueOf… items) and enum names on the wire (x-enum-wire) are
// beyond OpenAPI's XML model.
//
// Scalars: guid string/uuid, dateTime string/date-time (the server's
// Json.NET date format is in info.x-helpgen-wire), int integer/int32, long
// int64, short/byte/sbyte/ushort/uint/ulong integer with their bounds,
// float number/float, double number/double, decimal number with
// x-dotnet-type: decimal, boolean, duration string with x-dotnet-type:
// TimeSpan, dateTimeOffset string/date-time (x-dotnet-type: DateTimeOffset;
// complex in XML), base64Binary string/byte, char string of length 1,
// anyURI string/uri, anyType any.
//
// Enums are integer schemas (Json.NET writes numbers) with x-enum-varnames
// (CLR names), x-enum-wire (the XML text, when any EnumMember value differs
// from the name) and x-enum-descriptions; duplicate numbers keep the first
// name; [Flags] enums list no enum constraint (any combination is valid)
// and say x-enum-flags: true.
//
// Nullability: nullable<T> is nullable. So are members of reference types
// (string, uri, byte[], object, collections, dictionaries, complex types):
// Json.NET writes their nulls, and strict clients would reject them
// otherwise. A sibling of a $ref (nullable, description, constraints) wraps
// the $ref in allOf, since OpenAPI 3.0 ignores $ref siblings.
//
// Annotations: [MaxLength]/[MinLength]/[StringLength] become maxLength/
// minLength (maxItems/minItems on arrays), [Range] minimum/maximum when its
// bounds are numbers, [RegularExpression] pattern when RE2 accepts it (else
// x-dotnet-pattern, so RE2-based validators and generators still load the
// document), defaults typed by the schema (else x-dotnet-default), other
// texts x-annotations.
package openapi
