// Package specdiff compares two helpgen specs (the old and the new Help
// Pages of one API) and says, for every change, whether it breaks clients
// built against the old spec when they talk JSON, and when they talk XML.
//
// A verdict is about the wire, as the .NET server's own serializers see it:
// Json.NET (property lookup exact, then case-insensitive; any order; unknown
// properties ignored; enums are numbers) and DataContractSerializer (elements
// matched forward only by exact name and namespace; unknown, wrong-namespace
// and out-of-order elements silently skipped; enums are names or EnumMember
// values; a missing IsRequired element or an unknown enum name throws). Old
// clients write requests the new server reads, and read responses the new
// server writes, so a change breaks when either direction loses or rejects
// data.
//
// # Breaking rules
//
// Endpoints (the URI is the same for both formats, so both verdicts agree):
//   - removed, or its method changed: breaks.
//   - route changed: breaks, unless only path parameter names or letter case
//     changed (same URL template; Web API routing ignores case).
//   - parameter removed, retyped, moved between path and query, or made
//     required, or a required parameter added: breaks. An optional parameter
//     added, a requirement dropped, or a parameter renamed in the path (path
//     parameters bind by position) or only in case: does not.
//   - body: added or retyped breaks; removed does not (the server ignores
//     what old clients still send). Response: removed or retyped breaks;
//     added does not (old clients ignore it).
//   - a media type removed from requestFormats/responseFormats breaks the
//     format it belongs to (JSON: application/json, text/json, …+json; XML:
//     application/xml, text/xml, …+xml); other media types (form posts) are
//     reported but break neither.
//
// Types and members:
//   - a type added or removed is not breaking by itself: every reference to
//     it changes too, and is judged where it changes.
//   - a type renamed (paired by DataContract name and namespace, else by CLR
//     simple name) keeps JSON (JSON carries no type names); it breaks XML when
//     its contract name or namespace changes (roots and collection items are
//     named after the contract). A contract change on a kept type: likewise.
//   - member removed: breaks each format that carried it (the data is lost
//     both ways).
//   - member added: does not break. Old Json.NET readers ignore the unknown
//     property. An old DCS reader skips the unknown element without moving
//     its forward-only cursor (GetMemberIndex only advances on a match), so a
//     new member never makes it drop the members that follow, wherever it
//     lands in the order; the new member itself is of course unread. The new
//     server reading old documents finds it missing and keeps the default.
//     A required new member is judged like "required added".
//   - member renamed (a removed and an added member with the same XML name
//     and namespace, or JSON names equal ignoring case, or the same type at
//     the same XML position, or at the same JSON position): breaks JSON unless
//     the JSON names are equal ignoring case; breaks XML when the element name
//     changes.
//   - element namespace changed: breaks XML only.
//   - order: a member moving before a member it used to follow breaks XML
//     (whichever side reads, the element that arrives out of order is
//     skipped). The moved members are the fewest that explain the new order
//     (the complement of a longest increasing subsequence). JSON order never
//     matters.
//   - retyped: breaks both, except a type renamed with the same shape (JSON
//     kept; XML kept unless the contract changes where XML names it), and
//     nullability: T → nullable<T> breaks only types that reach responses
//     (the new server may write null), nullable<T> → T only types that reach
//     requests (old clients may send null).
//   - required added (also a required member added): breaks both when the
//     type reaches a request (Web API rejects JSON without it; DCS throws on
//     a missing IsRequired element); harmless for response-only types, which
//     the server always writes in full. Required dropped: never breaks.
//
// Enums (JSON carries the number, XML the name or EnumMember value):
//   - value changed: breaks JSON. Wire (EnumMember) changed, or the value
//     renamed without an EnumMember value: breaks XML.
//   - value added: JSON never breaks (Json.NET reads any integer into an
//     enum); XML breaks when the enum reaches a response (old DCS readers
//     throw on the unknown name).
//   - value removed: breaks both when the enum reaches a request (old clients
//     may still send it; DCS throws on the name, and Json.NET stores a number
//     the server no longer defines).
//   - [Flags] added or removed: breaks XML (space-separated names).
//
// Wire facts (the server's Json.NET date form): a changed jsonDateFormat or
// jsonDateTimeZoneHandling breaks JSON (Json.NET reads any ISO form, but a
// changed kind shifts values, and exact-form readers fail); a changed
// serverUtcOffset breaks JSON only when the date form writes no offset.
// XML never breaks: DCS writes the round-trip form with an explicit offset.
//
// "Reaches a request/response" is computed over both specs: a type reaches a
// request when a body or parameter refers to it (through members, lists,
// dictionaries…, and base types of such types), a response likewise. A type
// that reaches neither is judged as if it reached both.
package specdiff
