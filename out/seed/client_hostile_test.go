package seed

// What a hostile or broken server costs the generated client (issue 10,
// item 6): a huge answer, a huge error answer, and response limits that
// make every call fail. Each case logs a table row (go test -v | grep
// ATTACK). Hand-written (not generated).

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/helpgen/helpgen/internal/hostiletest"
)

// paddedAnswer is a valid RestApiResult<Guid> answer of n bytes: the JSON
// value padded with spaces, so that what it costs is reading it.
func paddedAnswer(n int) []byte {
	const v = `{"Sucess":false,"ResponseCode":500}`
	b := make([]byte, max(n, len(v)))
	copy(b, v)
	for i := len(v); i < len(b); i++ {
		b[i] = ' '
	}
	return b
}

// answering serves status and body to every request; chunked hides the
// length (no Content-Length).
func answering(t *testing.T, status int, body []byte, chunked bool) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if !chunked {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(status)
		for b := body; len(b) > 0; {
			n := min(len(b), 1<<20)
			if _, err := w.Write(b[:n]); err != nil {
				return
			}
			if chunked {
				w.(http.Flusher).Flush()
			}
			b = b[n:]
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

func clientCall(c *Client) error {
	_, err := c.PostClinicalEncountersFollowupSend(context.Background(), uuid.New(), uuid.New(), nil, &SendEncounterRequireFollowupPatientSms{})
	return err
}

func TestClientHostileAnswers(t *testing.T) {
	cases := []struct {
		name    string
		status  int
		size    int
		chunked bool
		ok      bool   // the call succeeds
		errHas  string // else its error says
		maxHeap uint64
	}{
		{name: "60 MiB answer, default limit", status: 200, size: 60 << 20, errHas: "over", maxHeap: 4 << 20},
		{name: "60 MiB chunked answer, default limit", status: 200, size: 60 << 20, chunked: true, errHas: "over", maxHeap: 40 << 20},
		{name: "15 MiB answer, default limit", status: 200, size: 15 << 20, ok: true, maxHeap: 40 << 20},
		{name: "15 MiB chunked answer, default limit", status: 200, size: 15 << 20, chunked: true, ok: true, maxHeap: 40 << 20},
		{name: "50 MiB error answer", status: 500, size: 50 << 20, errHas: "HTTP 500", maxHeap: 4 << 20},
		{name: "50 MiB chunked error answer", status: 500, size: 50 << 20, chunked: true, errHas: "HTTP 500", maxHeap: 4 << 20},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := answering(t, c.status, paddedAnswer(c.size), c.chunked)
			cl, err := NewClient(base)
			if err != nil {
				t.Fatal(err)
			}
			var callErr error
			d, heap := hostiletest.Measure(func() { callErr = clientCall(cl) })
			result := "ok"
			if callErr != nil {
				result = callErr.Error()
				if len(result) > 120 {
					result = result[:120] + "…"
				}
			}
			hostiletest.Log(t, "client: "+c.name, result, d, heap)
			switch {
			case c.ok && callErr != nil:
				t.Errorf("err = %v, want success", callErr)
			case !c.ok && (callErr == nil || !strings.Contains(callErr.Error(), c.errHas)):
				t.Errorf("err = %v, want one saying %q", callErr, c.errHas)
			}
			if heap > c.maxHeap {
				t.Errorf("peak heap grew by %s, want at most %s", hostiletest.Bytes(heap), hostiletest.Bytes(c.maxHeap))
			}
			if d > 10*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

// TestClientResponseLimitOption: a limit that makes every call fail is a
// NewClient error, not a client that fails later.
func TestClientResponseLimitOption(t *testing.T) {
	base := answering(t, 200, paddedAnswer(10), false)
	for _, n := range []int64{0, -1} {
		c, err := NewClient(base, WithMaxResponseBytes(n))
		result := "NewClient: " + strconv.Quote(errString(err))
		if err == nil {
			result += "; call: " + strconv.Quote(errString(clientCall(c)))
		}
		t.Logf("ATTACK | client: WithMaxResponseBytes(%d) | %s | - | -", n, result)
		if err == nil {
			t.Errorf("WithMaxResponseBytes(%d) accepted", n)
		}
	}
	if _, err := NewClient(base, WithMaxResponseBytes(1)); err != nil {
		t.Errorf("WithMaxResponseBytes(1): %v", err)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
