package seed

// Slow and idle clients (issue 10, item 5) against NewHandler on loopback:
// behind a bare http.Server (what http.ListenAndServe runs, the docs' old
// advice) a client that trickles its headers or body, or keeps an idle
// connection, holds the connection for as long as it likes; behind the
// documented recipe (docs/generated-code.md, "Server") it is dropped when
// the timeout runs out. The recipe's timeouts are scaled down here (tenths
// of a second instead of seconds) so that the test is quick; the mechanism
// is the same. Hand-written (not generated).

import (
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/helpgen/helpgen/internal/hostiletest"
)

// slowWindow is how long a bare server is watched: long enough to show the
// connection outlives every scaled timeout several times over.
const slowWindow = 1500 * time.Millisecond

// scaledRecipe is the documented recipe with every timeout divided by 50.
func scaledRecipe(h http.Handler) *http.Server {
	s := recipeServer(h)
	s.ReadHeaderTimeout /= 50 // 200 ms
	s.ReadTimeout /= 50       // 1.2 s
	s.WriteTimeout /= 50      // 1.2 s
	s.IdleTimeout /= 50       // 2.4 s
	return s
}

// slowServe serves h with srv on a loopback port.
func slowServe(t *testing.T, srv *http.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// slowHeld runs a slow client against addr for at most window and returns
// how long the server kept the connection open (window when it never
// closed it).
func slowHeld(t *testing.T, addr string, window time.Duration, client func(c net.Conn, stop <-chan struct{})) time.Duration {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	stop := make(chan struct{})
	defer close(stop)
	go client(c, stop)
	// The server closing the connection ends the read (with or without an
	// answer first); the window's deadline ends it otherwise.
	c.SetReadDeadline(start.Add(window))
	_, err = io.Copy(io.Discard, c)
	held := time.Since(start)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return window
	}
	return held
}

// trickle writes b one byte per interval until done or stopped.
func trickle(c net.Conn, b []byte, interval time.Duration, stop <-chan struct{}) {
	for i := range b {
		select {
		case <-stop:
			return
		case <-time.After(interval):
		}
		if _, err := c.Write(b[i : i+1]); err != nil {
			return
		}
	}
}

func TestSlowClients(t *testing.T) {
	sample, err := os.ReadFile("../../oracle/seed/samples/request.json")
	if err != nil {
		t.Fatal(err)
	}
	head := "POST " + hostilePath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
	clients := []struct {
		name    string
		timeout string // the recipe's field that drops it
		run     func(c net.Conn, stop <-chan struct{})
	}{
		{"slow headers (one byte per 100 ms)", "ReadHeaderTimeout", func(c net.Conn, stop <-chan struct{}) {
			trickle(c, []byte(head+"X-Padding: "+string(make([]byte, 200))), 100*time.Millisecond, stop)
		}},
		{"slow body (one byte per 100 ms)", "ReadTimeout", func(c net.Conn, stop <-chan struct{}) {
			io.WriteString(c, head+"Content-Length: "+strconv.Itoa(len(sample))+"\r\n\r\n")
			trickle(c, sample, 100*time.Millisecond, stop)
		}},
		{"idle keep-alive connection", "IdleTimeout", func(c net.Conn, stop <-chan struct{}) {
			io.WriteString(c, head+"Content-Length: "+strconv.Itoa(len(sample))+"\r\n\r\n"+string(sample))
			<-stop
		}},
	}
	h := NewHandler(SampleService{})
	for _, sc := range clients {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel() // each case mostly waits
			bare := slowServe(t, &http.Server{Handler: h})
			recipe := slowServe(t, scaledRecipe(h))
			heldBare := slowHeld(t, bare, slowWindow, sc.run)
			window := 6 * time.Second // well past every scaled timeout, for a loaded machine
			var heldRecipe time.Duration
			_, heap := hostiletest.Measure(func() { heldRecipe = slowHeld(t, recipe, window, sc.run) })
			hostiletest.Log(t, "server: "+sc.name+", bare http.Server", "open after "+hostiletest.Duration(heldBare)+" (watched "+slowWindow.String()+")", heldBare, 0)
			hostiletest.Log(t, "server: "+sc.name+", documented recipe", "closed by "+sc.timeout+" after "+hostiletest.Duration(heldRecipe), heldRecipe, heap)
			if heldBare < slowWindow {
				t.Errorf("the bare server closed the connection after %s: the test no longer shows the attack", heldBare)
			}
			if heldRecipe >= window {
				t.Errorf("the recipe server kept the connection for %s", window)
			}
		})
	}
}
