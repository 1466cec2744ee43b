package oracletest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"
)

// DotnetClientTool is oracle/dotnetclient: a .NET console client of the seed
// endpoint (System.Net.Http.HttpClient with Web API's own formatters,
// PostAsJsonAsync / PostAsXmlAsync / ReadAsAsync<RestApiResult<Guid>>).
// It is built like a server oracle but not started: run it with
// DotnetClient, Run or Command. Its usage and output are described at the
// top of oracle/dotnetclient/Client.cs.
var DotnetClientTool = &Oracle{
	Name: "dotnetclient",
	Exe:  "Client.exe",
}

// toolTimeout bounds one run of a console tool.
const toolTimeout = 2 * time.Minute

// DotnetClient runs oracle/dotnetclient's Client.exe with args (the first is
// the server's base URL) and returns its output; see Run.
func DotnetClient(t testing.TB, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return DotnetClientTool.Run(t, args...)
}

// Command applies the skip rule (RequireMono), builds the oracle if needed
// (a build failure fails t) and returns "mono <Exe> args..." ready to run in
// the build directory with TZ=Africa/Johannesburg, bound to ctx. It is for
// console tools such as DotnetClientTool; servers are started with Start.
func (o *Oracle) Command(ctx context.Context, t testing.TB, args ...string) *exec.Cmd {
	t.Helper()
	RequireMono(t)
	dir, err := o.Build()
	if err != nil {
		t.Fatalf("oracle %s: %v", o.Name, err)
	}
	cmd := exec.CommandContext(ctx, "mono", append([]string{exePath(dir, o.Exe)}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TZ="+TimeZone)
	setProcAttr(cmd)
	return cmd
}

// Run runs the tool (see Command) to completion, at most 2 minutes, and
// returns its stdout and stderr. err is non-nil when it could not be run,
// timed out or exited with a non-zero status (an *exec.ExitError wrapped
// with the status and stderr).
func (o *Oracle) Run(t testing.TB, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	cmd := o.Command(ctx, t, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("oracle %s: timed out after %v: %w", o.Name, toolTimeout, ctx.Err())
	} else if err != nil {
		err = fmt.Errorf("oracle %s: %s: %w\n%s", o.Name, exePath("", o.Exe), err, errOut.String())
	}
	return out.String(), errOut.String(), err
}
