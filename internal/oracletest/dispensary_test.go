package oracletest

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pages/dispensary is what oracle/dispensary/pages.sh writes: the Help site
// of the dispensary API made by the real ApiExplorer and serializers.
// Regenerating it into a temporary folder gives the same bytes.
func TestDispensaryPagesCurrent(t *testing.T) {
	t.Parallel()
	RequireMono(t)
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", filepath.Join(root, "oracle", "dispensary", "pages.sh"), out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pages.sh: %v\n%s", err, b)
	}
	want := filepath.Join(root, "pages", "dispensary")
	n := 0
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		got, _ := os.ReadFile(p)
		have, err := os.ReadFile(filepath.Join(want, rel))
		if err != nil || !bytes.Equal(got, have) {
			t.Errorf("pages/dispensary/%s is stale (run oracle/dispensary/pages.sh): %v", rel, err)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 19 {
		t.Errorf("pages.sh wrote %d files", n)
	}
}

// What the dispensary's pages cannot show, as the real server does it.
// These are the facts helpgen's defaults must not contradict.
func TestDispensaryHiddenFacts(t *testing.T) {
	t.Parallel()
	s := SharedDispensary.Get(t)
	echo := func(t *testing.T, typ, ct, accept, body string) (int, string) {
		t.Helper()
		st, _, b, err := s.Do("POST", "/_oracle/echo?type="+url.QueryEscape(typ), ct, accept, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		return st, string(b)
	}
	t.Run("Int64 shown as integer", func(t *testing.T) {
		st, b := echo(t, "StockLevel", "application/json", "application/xml", `{"OnHand":5000000000}`)
		if st != 200 || !strings.Contains(b, "<OnHand>5000000000</OnHand>") {
			t.Errorf("%d %s", st, b)
		}
		st, h, body, err := s.Do("GET", "/api/v1/stock/batches/5000000000", "", "application/json", nil)
		if err != nil || st != 200 || h.Get("X-Echo-batchNumber") != "5000000000" {
			t.Errorf("route value: %d %v %q\n%s", st, err, h.Get("X-Echo-batchNumber"), body)
		}
	})
	t.Run("Nullable shown as T", func(t *testing.T) {
		st, b := echo(t, "StockLevel", "application/json", "application/json", `{}`)
		want := `{"ProductCode":null,"OnHand":0,"Reserved":0,"LastDispensedOn":null,"SessionId":null,"ReorderCost":null}`
		if st != 200 || b != want {
			t.Errorf("%d\n got %s\nwant %s", st, b, want)
		}
		st, b = echo(t, "StockLevel", "application/json", "application/xml", `{}`)
		if st != 200 || !strings.Contains(b, `<SessionId i:nil="true" />`) {
			t.Errorf("%d %s", st, b)
		}
	})
	t.Run("public fields are not nullable", func(t *testing.T) {
		// PrescriptionSummary's properties come before its fields, whose
		// sample counter restarts at 1: the pages look like Nullable<T>.
		st, b := echo(t, "PrescriptionSummary", "application/json", "application/json", `{"PrescriptionId":null}`)
		if st != 400 || !strings.Contains(b, "Error converting value {null} to type 'System.Guid'") {
			t.Errorf("%d %s", st, b)
		}
		st, b = echo(t, "PrescriptionSummary", "application/xml", "application/json",
			`<PrescriptionSummary xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://contracts.kestrel-dispensary.example/dispensing"><PrescriptionId i:nil="true"/></PrescriptionSummary>`)
		if st != 400 || !strings.Contains(b, "cannot be null") {
			t.Errorf("%d %s", st, b)
		}
	})
	t.Run("namespace of the self-referencing contract", func(t *testing.T) {
		st, b := echo(t, "FormularyCategory", "application/json", "application/xml", `{"Code":"ANTI","Parent":{"Code":"ALL"}}`)
		if st != 200 || !strings.HasPrefix(b, `<FormularyCategory xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://contracts.kestrel-dispensary.example/formulary">`) {
			t.Errorf("%d %s", st, b)
		}
	})
	t.Run("custom generic contract name", func(t *testing.T) {
		st, b := echo(t, "PagedResultOfFormularyCategory", "application/json", "application/xml", `{"Page":1}`)
		if st != 200 || !strings.HasPrefix(b, `<PageOfFormularyCategoryq5woMtC5 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://contracts.kestrel-dispensary.example/dispensing">`) {
			t.Errorf("%d %s", st, b)
		}
	})
	t.Run("form keys are CLR property names", func(t *testing.T) {
		st, b := echo(t, "DispenseCommand", "application/x-www-form-urlencoded", "application/json", "tenant=KST&notes=x&TenantCode=KST2&CounsellingNotes=y")
		if st != 200 || !strings.Contains(b, `"tenant":"KST2"`) || !strings.Contains(b, `"notes":"y"`) {
			t.Errorf("%d %s", st, b)
		}
	})
	t.Run("carriage return and control characters in XML text", func(t *testing.T) {
		// Reading: XML end-of-line handling turns a raw CR (alone or before
		// LF) into LF; only &#xD; is read as CR. A character reference to a
		// control character is read too.
		st, b := echo(t, "DispenseCommand", "application/xml", "application/json",
			"<DispenseCommand xmlns=\"http://contracts.kestrel-dispensary.example/dispensing\"><notes>a\r\nb&#xD;c\rd&#x1;e</notes></DispenseCommand>")
		if st != 200 || !strings.Contains(b, `"notes":"a\nb\rc\nd\u0001e"`) {
			t.Errorf("%d %s", st, b)
		}
		// Writing: Web API's XmlWriterSettings (NewLineHandling.Replace)
		// writes every CR, CRLF and LF of a text node as the platform's new
		// line: a CR cannot come back in XML.
		st, b = echo(t, "DispenseCommand", "application/json", "application/xml", `{"notes":"a\r\nb\rc\td"}`)
		if st != 200 || !strings.Contains(b, "<notes>a\nb\nc\td</notes>") {
			t.Errorf("%d %q", st, b)
		}
		// A control character other than TAB, LF and CR is refused by the
		// XML writer (so it exists only in JSON and forms).
		st, b = echo(t, "DispenseCommand", "application/json", "application/xml", `{"notes":"a\u0001b"}`)
		if st != 500 || !strings.Contains(b, "invalid character") {
			t.Errorf("%d %q", st, b)
		}
	})
}
