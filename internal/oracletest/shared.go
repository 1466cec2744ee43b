package oracletest

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
)

// Shared is one server per test process, started by the first Get and
// stopped by Stop (from TestMain). Use it when a package has several interop
// tests, so they pay the start-up once:
//
//	func TestMain(m *testing.M) { oracletest.Main(m) }
//
//	func TestX(t *testing.T) {
//		srv := oracletest.SharedSeed.Get(t)
//		...
//	}
//
// Tests may call Get in parallel. Without a TestMain the server still dies
// with the test process on Linux (it gets SIGKILL when its parent exits).
type Shared struct {
	Oracle *Oracle

	once sync.Once
	mu   sync.Mutex
	srv  *Server
	err  error
}

// SharedSeed, SharedClinic and SharedDispensary are the process-wide servers that Main stops.
var (
	SharedSeed       = NewShared(SeedOracle)
	SharedClinic     = NewShared(ClinicOracle)
	SharedDispensary = NewShared(DispensaryOracle)
)

// NewShared returns an accessor for one process-wide server of o. Stop it
// yourself from TestMain (Main only stops the three above).
func NewShared(o *Oracle) *Shared { return &Shared{Oracle: o} }

// Get returns the shared server, starting it on the first call. It applies
// the skip rule on every call; a failed start fails every caller.
func (s *Shared) Get(t testing.TB) *Server {
	t.Helper()
	RequireMono(t)
	s.once.Do(func() {
		srv, err := s.Oracle.StartServer()
		s.mu.Lock()
		s.srv, s.err = srv, err
		s.mu.Unlock()
	})
	s.mu.Lock()
	srv, err := s.srv, s.err
	s.mu.Unlock()
	if err != nil {
		t.Fatalf("oracle %s: %v", s.Oracle.Name, err)
	}
	if srv == nil {
		t.Fatalf("oracle %s: shared server already stopped", s.Oracle.Name)
	}
	select {
	case <-srv.Exited():
		t.Fatalf("oracle %s: shared server died; log:\n%s", s.Oracle.Name, srv.Log())
	default:
	}
	return srv
}

// Stop stops the server if Get started it. Later Gets fail.
func (s *Shared) Stop() error {
	s.once.Do(func() {}) // a Get after Stop must not start a new server
	s.mu.Lock()
	srv := s.srv
	s.srv = nil
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	return srv.Stop()
}

// StopShared stops SharedSeed, SharedClinic and SharedDispensary (those that were started).
func StopShared() error {
	var errs []error
	for _, s := range []*Shared{SharedSeed, SharedClinic, SharedDispensary} {
		if err := s.Stop(); err != nil {
			errs = append(errs, fmt.Errorf("oracle %s: %w", s.Oracle.Name, err))
		}
	}
	return errors.Join(errs...)
}

// Main is a TestMain body: it runs the tests, stops the shared servers and
// exits. A server that had to be killed (or had died) turns a pass into a
// failure.
func Main(m *testing.M) {
	code := m.Run()
	if err := StopShared(); err != nil {
		fmt.Fprintln(os.Stderr, "oracletest:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}
