// Package oracletest runs the project's .NET oracles — real ASP.NET Web API
// self-hosts on mono (oracle/seed and oracle/clinic in the repository) — for
// tests that must prove wire compatibility with DataContractSerializer XML,
// Json.NET JSON and Web API form binding.
//
// A test gets a running server with Seed(t) or Clinic(t): the C# sources are
// compiled once (the result is cached under os.UserCacheDir()/helpgen-oracle,
// keyed by a hash of the sources, and the build is serialised across
// concurrent test processes with a file lock), the server is started on a
// free 127.0.0.1 port with TZ=Africa/Johannesburg, and it is stopped by
// t.Cleanup. Starting takes about 0.3-1.5 s, so a package with many interop
// tests should share one server per process (see Shared and Main).
//
// When mono or mcs is not on PATH the tests are skipped, or fail when
// HELPGEN_REQUIRE_ORACLE=1 (CI). A failing build always fails the test.
package oracletest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// MissingMonoMessage is the skip (or, with HELPGEN_REQUIRE_ORACLE=1, failure)
// message when mono or mcs is not installed.
const MissingMonoMessage = "interop: mono not installed; run scripts/install-mono.sh"

// RequireEnv names the environment variable that turns the missing-mono skip
// into a failure when set to 1.
const RequireEnv = "HELPGEN_REQUIRE_ORACLE"

// TimeZone is the server time zone of every oracle (the documented samples
// carry its +02:00 offset).
const TimeZone = "Africa/Johannesburg"

const (
	startAttempts = 3                // mono's OpenAsync fails about 1 start in 30
	readyTimeout  = 20 * time.Second // per start attempt
	stopGrace     = 5 * time.Second  // SIGTERM, then SIGKILL
)

// Oracle describes one of the .NET servers in the repository's oracle/ tree.
type Oracle struct {
	// Name is the folder under oracle/ ("seed", "clinic").
	Name string
	// Exe is the server assembly that the folder's build.sh writes into its
	// output directory.
	Exe string
	// Args are passed after the port.
	Args []string
	// ProbePath is a GET path the server answers with 200 once it is up.
	ProbePath string
	// Uses lists other oracle folders whose sources build.sh compiles too
	// (hashed with the folder's own, so a change there rebuilds this one).
	Uses []string
}

// SeedOracle is oracle/seed: the seed endpoint
// POST api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send,
// answering RestApiResult<Guid> with a key=value echo of the decoded body.
var SeedOracle = &Oracle{
	Name:      "seed",
	Exe:       "OracleServer.exe",
	ProbePath: "/api/oracle/ApiDescriptions",
}

// ClinicOracle is oracle/clinic: the echo server of the Harbourview Clinic
// corpus API (18 endpoints plus /_oracle/echo, /_oracle/sample, /_oracle/apis).
// Sample GUIDs come from seed 1 and the sample clock is fixed, so its answers
// are the same on every run.
var ClinicOracle = &Oracle{
	Name:      "clinic",
	Exe:       "EchoServer.exe",
	Args:      []string{"--seed", "1", "--now", ClinicNow},
	ProbePath: "/_oracle/apis",
}

// DispensaryOracle is oracle/dispensary: the echo server (the clinic's
// Server.cs) over the Kestrel Dispensary API, whose Help Pages
// (pages/dispensary, made by oracle/dispensary/pages.sh) hide facts real
// traffic depends on: Int64 shown as integer, Nullable<T> shown as T, a
// self-referencing contract with an explicit namespace, a custom generic
// contract name, DataMember renames.
var DispensaryOracle = &Oracle{
	Name:      "dispensary",
	Exe:       "EchoServer.exe",
	Args:      []string{"--seed", "1", "--now", ClinicNow},
	ProbePath: "/_oracle/apis",
	Uses:      []string{"clinic"},
}

// ClinicNow is the fixed sample clock (local time, +02:00) of ClinicOracle.
const ClinicNow = "2025-11-24T09:41:17.3371284"

// Seed starts the seed oracle for t and stops it when t's cleanup runs.
func Seed(t testing.TB) *Server { t.Helper(); return SeedOracle.Start(t) }

// Clinic starts the clinic echo oracle for t and stops it when t's cleanup runs.
func Clinic(t testing.TB) *Server { t.Helper(); return ClinicOracle.Start(t) }

// Dispensary starts the dispensary echo oracle for t and stops it when t's cleanup runs.
func Dispensary(t testing.TB) *Server { t.Helper(); return DispensaryOracle.Start(t) }

// RequireMono applies the skip rule: it returns when mono and mcs are on
// PATH; otherwise it skips t, or fails it when HELPGEN_REQUIRE_ORACLE=1.
func RequireMono(t testing.TB) {
	t.Helper()
	if err := monoAvailable(); err != nil {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("%s (%v; %s=1)", MissingMonoMessage, err, RequireEnv)
		}
		t.Skip(MissingMonoMessage)
	}
}

func monoAvailable() error {
	for _, tool := range []string{"mono", "mcs"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s not on PATH", tool)
		}
	}
	return nil
}

// Start builds the oracle if needed and starts a server for t; t.Cleanup
// stops it. It applies the skip rule (RequireMono) first.
func (o *Oracle) Start(t testing.TB) *Server {
	t.Helper()
	RequireMono(t)
	s, err := o.StartServer()
	if err != nil {
		t.Fatalf("oracle %s: %v", o.Name, err)
	}
	t.Cleanup(func() {
		if err := s.Stop(); err != nil {
			t.Errorf("oracle %s: stop: %v", o.Name, err)
		}
	})
	return s
}

// StartServer builds the oracle if needed and starts a server. The caller
// must call Stop. It does not apply the skip rule.
func (o *Oracle) StartServer() (*Server, error) {
	dir, err := o.Build()
	if err != nil {
		return nil, err
	}
	var errs []error
	for attempt := 1; attempt <= startAttempts; attempt++ {
		s, err := o.startOnce(dir)
		if err == nil {
			return s, nil
		}
		errs = append(errs, fmt.Errorf("attempt %d: %w", attempt, err))
	}
	return nil, fmt.Errorf("start failed %d times:\n%w", startAttempts, errors.Join(errs...))
}

// Server is a running oracle process.
type Server struct {
	// URL is the base address, "http://127.0.0.1:PORT" (no trailing slash).
	URL string
	// Port is the TCP port on 127.0.0.1.
	Port int
	// Client is the HTTP client Do uses (keep-alive, 30 s timeout).
	Client *http.Client

	name     string
	cmd      *exec.Cmd
	log      *syncBuffer
	exited   chan struct{}
	waitErr  error
	stopOnce sync.Once
	stopErr  error
	retries  atomic.Int64
}

func (o *Oracle) startOnce(dir string) (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	args := append([]string{exePath(dir, o.Exe), strconv.Itoa(port)}, o.Args...)
	cmd := exec.Command("mono", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TZ="+TimeZone)
	setProcAttr(cmd)
	log := &syncBuffer{}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		return nil, fmt.Errorf("mono: %w", err)
	}
	pw.Close()
	s := &Server{
		URL:    "http://127.0.0.1:" + strconv.Itoa(port),
		Port:   port,
		name:   o.Name,
		cmd:    cmd,
		log:    log,
		exited: make(chan struct{}),
	}
	s.Client = &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			Proxy:               nil, // never via a proxy: the server is on loopback
			MaxIdleConnsPerHost: 16,
			IdleConnTimeout:     10 * time.Second, // mono's Keep-Alive: timeout=15
		},
	}
	listening := make(chan struct{})
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		signalled := false
		for sc.Scan() {
			log.Write(append(sc.Bytes(), '\n'))
			if !signalled && strings.Contains(sc.Text(), "listening on") {
				signalled = true
				close(listening)
			}
		}
		io.Copy(log, pr)
		pr.Close()
	}()
	go func() {
		s.waitErr = cmd.Wait()
		select { // let the reader drain the pipe, so Log is complete
		case <-copied:
		case <-time.After(time.Second):
		}
		close(s.exited)
	}()

	deadline := time.NewTimer(readyTimeout)
	defer deadline.Stop()
	select {
	case <-listening:
	case <-s.exited:
		return nil, fmt.Errorf("server exited before listening (%v); log:\n%s", s.waitErr, s.log.String())
	case <-deadline.C:
		s.Stop()
		return nil, fmt.Errorf("not listening after %v; log:\n%s", readyTimeout, s.log.String())
	}
	// "listening on" is logged after OpenAsync; wait until a request is answered.
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		st, _, _, err := s.DoContext(ctx, http.MethodGet, o.ProbePath, "", "", nil)
		cancel()
		if err == nil && st == http.StatusOK {
			return s, nil
		}
		select {
		case <-s.exited:
			return nil, fmt.Errorf("server exited (%v); log:\n%s", s.waitErr, s.log.String())
		case <-deadline.C:
			s.Stop()
			return nil, fmt.Errorf("GET %s not answered with 200 after %v (status %d, %v); log:\n%s",
				o.ProbePath, readyTimeout, st, err, s.log.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Do sends one request to the server. path is relative to URL and starts with
// "/" (it may carry a query). An empty contentType or accept sends no such
// header; a nil body sends no body (Content-Length: 0 for POST and PUT).
func (s *Server) Do(method, path, contentType, accept string, body []byte) (status int, header http.Header, respBody []byte, err error) {
	return s.DoContext(context.Background(), method, path, contentType, accept, body)
}

// DoContext is Do with a context.
func (s *Server) DoContext(ctx context.Context, method, path, contentType, accept string, body []byte) (status int, header http.Header, respBody []byte, err error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.URL+path, rd)
	if err != nil {
		return 0, nil, nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return s.DoRequest(req)
}

// DoRequest sends req (built by the caller, e.g. with extra headers) and reads
// the whole answer.
//
// mono's Web API rarely (about 1 request in 1000 under load) fails inside a
// formatter: reading, the body binds as null and the answer is a 400 carrying
// "Object reference not set to an instance of an object"; writing, the
// answer is a 200 with an empty body (no oracle answers an empty 200 on
// purpose: void actions give 204). DoRequest sends such a request again, at
// most twice (the body must be replayable, as it is for Do); Retries counts
// the resends.
func (s *Server) DoRequest(req *http.Request) (status int, header http.Header, respBody []byte, err error) {
	for attempt := 1; ; attempt++ {
		status, header, respBody, err = s.doOnce(req)
		if err != nil || attempt == 3 || !isMonoFlake(status, header, respBody) {
			return status, header, respBody, err
		}
		if req.Body != nil {
			if req.GetBody == nil {
				return status, header, respBody, err
			}
			body, gerr := req.GetBody()
			if gerr != nil {
				return status, header, respBody, err
			}
			req = req.Clone(req.Context())
			req.Body = body
		}
		s.retries.Add(1)
	}
}

const monoNRE = "Object reference not set to an instance of an object"

func isMonoFlake(status int, header http.Header, body []byte) bool {
	switch status {
	case http.StatusOK:
		return len(body) == 0
	case http.StatusBadRequest:
		return bytes.Contains(body, []byte(monoNRE)) ||
			strings.Contains(header.Get("X-Echo-ModelState-Errors"), strings.ReplaceAll(monoNRE, " ", "%20"))
	}
	return false
}

func (s *Server) doOnce(req *http.Request) (status int, header http.Header, respBody []byte, err error) {
	resp, err := s.Client.Do(req)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("oracle %s: %s %s: %w", s.name, req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	respBody, err = io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, resp.Header, respBody, fmt.Errorf("oracle %s: %s %s: reading body: %w", s.name, req.Method, req.URL, err)
	}
	return resp.StatusCode, resp.Header, respBody, nil
}

// Retries returns how many requests DoRequest has sent again because of a
// mono formatter failure.
func (s *Server) Retries() int64 { return s.retries.Load() }

// Log returns the server's output so far (stdout and stderr).
func (s *Server) Log() string { return s.log.String() }

// Pid returns the mono process id.
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// Exited is closed when the server process has exited.
func (s *Server) Exited() <-chan struct{} { return s.exited }

// Stop sends SIGTERM, waits up to 5 s, then sends SIGKILL, and waits for the
// process to exit. It is safe to call more than once.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		if s.Client != nil {
			s.Client.CloseIdleConnections()
		}
		select {
		case <-s.exited:
			s.stopErr = fmt.Errorf("server had already exited (%v); log:\n%s", s.waitErr, s.log.String())
			return
		default:
		}
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.exited:
			return
		case <-time.After(stopGrace):
		}
		_ = s.cmd.Process.Kill()
		<-s.exited
		s.stopErr = fmt.Errorf("did not exit %v after SIGTERM; killed; log:\n%s", stopGrace, s.log.String())
	})
	return s.stopErr
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
