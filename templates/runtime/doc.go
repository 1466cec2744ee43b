// Package wire is the runtime that helpgen copies into every generated
// package (as helpgen_*.go files with the package clause rewritten), so
// generated code needs nothing beyond the standard library and uuid.
//
// Rules for this package, because its files are pasted into user packages:
//   - exported identifiers are part of the generated API and must be listed
//     in generator.ReservedNames;
//   - unexported identifiers start with "rt" so they never collide with
//     generated code (which never uses that prefix);
//   - no imports beyond the standard library and github.com/google/uuid.
package wire
