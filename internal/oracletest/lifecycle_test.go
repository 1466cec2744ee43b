package oracletest

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// Seed(t) starts a private server and t's cleanup stops it (SIGTERM).
func TestStartStop(t *testing.T) {
	t.Parallel()
	var srv *Server
	t.Run("server", func(t *testing.T) {
		srv = Clinic(t)
		st, _, _, err := srv.Do("GET", "/_oracle/apis", "", "", nil)
		if err != nil || st != 200 {
			t.Fatalf("status %d, %v", st, err)
		}
		if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
			t.Errorf("URL %q", srv.URL)
		}
	})
	if srv == nil {
		return
	}
	select {
	case <-srv.Exited():
	default:
		t.Fatal("server still running after the subtest's cleanup")
	}
	if err := syscall.Kill(srv.Pid(), 0); err == nil {
		t.Errorf("pid %d still exists", srv.Pid())
	}
	if !strings.Contains(srv.Log(), "signal received") {
		t.Errorf("server did not log its SIGTERM handling:\n%s", srv.Log())
	}
	if err := srv.Stop(); err != nil { // idempotent
		t.Errorf("second Stop: %v", err)
	}
}

// The skip rule, checked in a child test process whose PATH has no mono.
func TestSkipRuleWithoutMono(t *testing.T) {
	t.Parallel()
	if os.Getenv("ORACLETEST_CHILD") == "1" {
		t.Skip("child")
	}
	for _, require := range []string{"", "1"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestChildSeed$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), "ORACLETEST_CHILD=1", "PATH="+t.TempDir(), RequireEnv+"="+require)
		out, err := cmd.CombinedOutput()
		switch {
		case require == "" && (err != nil || !strings.Contains(string(out), "--- SKIP: TestChildSeed") || !strings.Contains(string(out), MissingMonoMessage)):
			t.Errorf("without %s: want a skip with %q; err %v\n%s", RequireEnv, MissingMonoMessage, err, out)
		case require == "1" && (err == nil || !strings.Contains(string(out), "--- FAIL: TestChildSeed") || !strings.Contains(string(out), MissingMonoMessage)):
			t.Errorf("with %s=1: want a failure with %q; err %v\n%s", RequireEnv, MissingMonoMessage, err, out)
		}
	}
}

func TestChildSeed(t *testing.T) {
	if os.Getenv("ORACLETEST_CHILD") != "1" {
		t.Skip("run by TestSkipRuleWithoutMono")
	}
	Seed(t)
	t.Fatal("Seed returned without mono")
}
