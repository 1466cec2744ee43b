// Package dispensary is helpgen's output for the Kestrel Dispensary API
// (pages/dispensary: a Help site built with real .NET by
// oracle/dispensary/pages.sh). Its pages hide facts that real traffic
// depends on — Int64 shown as "integer", Nullable<T> shown as T, the XML
// namespace of a self-referencing contract, a custom generic contract name,
// DataMember renames — and its interop tests send values the pages never
// show through the real Web API echo server (oracle/dispensary).
//
// Regenerate with go generate; CI runs helpgen check against it.
package dispensary

//go:generate go run ../../cmd/helpgen generate -config helpgen.json -o . -pkg dispensary -spec spec.json ../../pages/dispensary
