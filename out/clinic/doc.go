// Package clinic is helpgen's output for the clinic corpus (pages/clinic: a
// synthetic Help site built with real .NET, 18 endpoints), the second
// committed example and the one the interop tests run against the real
// Web API echo server.
//
// Regenerate with go generate; CI runs helpgen check against it.
package clinic

//go:generate go run ../../cmd/helpgen generate -config helpgen.json -o . -pkg clinic -spec spec.json ../../pages/clinic
