//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package oracletest

// lockFile is a no-op where flock is unavailable (mono is not expected there).
func lockFile(path string) (func(), error) { return func() {}, nil }
