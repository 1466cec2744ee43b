// Package bench holds the ogen side of helpgen's codec benchmarks; see
// README.md. It is its own module so that the main module's go test ./...
// (and CI) neither builds ogen's code nor downloads its dependencies.
package bench
