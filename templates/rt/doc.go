// Package rt is the wire runtime every helpgen-generated package imports:
// the table-driven JSON, XML and form codecs (DataContractSerializer and
// Json.NET rules, proven against real .NET), the .NET scalars (DateTime,
// Decimal, TimeSpan), the Web API router, and the client and server built
// from operation descriptors.
//
// Generated packages describe their contracts and operations as tables
// (contracts_gen.go, operations_gen.go) and call this package with them; it
// is imported rather than copied so that a package of a thousand endpoints
// compiles the runtime once per build cache, not once per package. The
// names a user writes (DateTime, Ptr, WithHTTPClient, …) are re-exported by
// each generated package's runtime_gen.go, so user code never imports rt.
//
// Everything here is exported for generated code, not for users: the
// descriptors (API, Contract, Member, Op, Param…) may change in any release
// together with the generator that writes them. SupportPackageIsVersion
// guards against a generated package built with a different runtime.
//
// Readers and writers use one name per value kind in every format (bool,
// int, uint, float, double, decimal, str, strPtr, dateTime,
// dateTimeOffset, timeSpan, guid, char, base64). Unexported names keep the
// "rt" prefix from when this code was pasted into generated packages.
package rt

// SupportPackageIsVersion1 is referenced by generated code: a package
// generated for another runtime version fails to compile with a message
// naming this constant, rather than misbehaving.
const SupportPackageIsVersion1 = true
