// Package templates holds what helpgen writes out as text. The wire runtime
// itself (templates/rt) is imported by generated packages, not copied;
// exports/exports.go is the file that re-exports the runtime's user-facing
// names in each generated package.
package templates

import _ "embed"

// exportsSrc is exports/exports.go, a real package so the build checks it.
//
//go:embed exports/exports.go
var exportsSrc []byte

// Exports returns the source of the runtime re-exports, with its package
// clause still "package exports".
func Exports() []byte { return exportsSrc }
