package generator

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/internal/udiff"
	"github.com/helpgen/helpgen/spec"
)

// Generated code is read in diffs: a small change of the API must give a
// small diff, measured here on the clinic spec (issue 12's targets).

// changedLines counts the lines a regeneration adds or removes, per file.
func changedLines(t *testing.T, before, after Files) (int, map[string]int) {
	t.Helper()
	names := map[string]bool{}
	for n := range before {
		names[n] = true
	}
	for n := range after {
		names[n] = true
	}
	total, per := 0, map[string]int{}
	for n := range names {
		if strings.HasPrefix(n, "helpgen_") {
			continue // the runtime: the same for every API
		}
		d := udiff.Diff("a/"+n, "b/"+n, before[n], after[n])
		for _, l := range strings.Split(d, "\n") {
			if (strings.HasPrefix(l, "+") || strings.HasPrefix(l, "-")) && !strings.HasPrefix(l, "+++") && !strings.HasPrefix(l, "---") {
				total++
				per[n]++
			}
		}
	}
	return total, per
}

func findType(s *spec.Spec, name string) *spec.Type {
	for _, t := range s.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

func findEndpoint(s *spec.Spec, id string) *spec.Endpoint {
	for _, e := range s.Endpoints {
		if e.ID == id {
			return e
		}
	}
	return nil
}

func TestDiffStability(t *testing.T) {
	gen := func(s *spec.Spec) Files {
		files, err := Generate(s, Options{Package: "clinic"})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	base := gen(loadSpec(t, "../out/clinic/spec.json"))
	for _, c := range []struct {
		name   string
		max    int
		mutate func(s *spec.Spec)
	}{
		{"a member becomes nullable", 60, func(s *spec.Spec) {
			m := findType(s, "DeliveryAttempt").Members
			for _, mem := range m {
				if mem.Name == "AttemptNumber" {
					mem.Type = "nullable<int>"
				}
			}
		}},
		{"a member is added", 120, func(s *spec.Spec) {
			ty := findType(s, "DeliveryAttempt")
			ty.Members = append(ty.Members, &spec.Member{
				Name: "CarrierReference", Type: "string", Doc: "The carrier's id of the attempt.",
				JSON:       &spec.JSONMember{Name: "CarrierReference", Order: len(ty.Members)},
				XML:        &spec.XMLMember{Name: "CarrierReference", Namespace: ty.XML.Namespace, Order: len(ty.Members)},
				DeclaredIn: ty.Name, Help: true,
			})
		}},
		{"an optional query parameter is added", 40, func(s *spec.Spec) {
			e := findEndpoint(s, "GET-api-v1-messages-messageId-delivery")
			e.Params = append(e.Params, &spec.Param{Name: "includeAttempts", In: "query", Type: "boolean", Doc: "List every attempt."})
			e.RelativePath = e.Route + "?includeAttempts={includeAttempts}"
		}},
		// A new endpoint: its own code (params struct, descriptor, client
		// method, Service method, its 501, sample answer, end-to-end case)
		// and its registration; nothing else moves.
		{"an endpoint is added", 150, func(s *spec.Spec) {
			e := *findEndpoint(s, "GET-api-v1-messages-messageId-delivery")
			e.ID, e.Route, e.RelativePath = "GET-api-v1-messages-messageId-receipt", "api/v1/messages/{messageId}/receipt", "api/v1/messages/{messageId}/receipt"
			s.Endpoints = append(s.Endpoints, &e)
			sort.Slice(s.Endpoints, func(i, j int) bool { return s.Endpoints[i].ID < s.Endpoints[j].ID })
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := loadSpec(t, "../out/clinic/spec.json")
			c.mutate(s)
			n, per := changedLines(t, base, gen(s))
			t.Logf("%d changed lines: %v", n, per)
			if n == 0 || n > c.max {
				t.Errorf("%d changed lines, want 1 to %d: %v", n, c.max, per)
			}
		})
	}
}

// An added optional query parameter keeps the user's code compiling: the
// Service implementation written before it (service_impl.go, never
// rewritten) and a caller of the client.
func TestOptionalParameterKeepsCallersCompiling(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated code; skipped in -short mode")
	}
	dir := writeModule(t, loadSpec(t, "../out/clinic/spec.json"), "clinic")
	caller := `package clinic

import (
	"context"

	"github.com/google/uuid"
)

// userCode is what a caller of the client writes.
func userCode(c *Client, id uuid.UUID) error {
	_, err := c.GetMessagesDelivery(context.Background(), id, nil)
	if err != nil {
		return err
	}
	_, err = c.GetClinicsAppointments(context.Background(), id, &GetClinicsAppointmentsParams{PageSize: Ptr(int64(10))})
	return err
}

// userService is a Service written by hand.
type userService struct{ ServiceImpl }

func (userService) GetMessagesDelivery(ctx context.Context, messageId uuid.UUID, params *GetMessagesDeliveryParams) (*MessageDeliveryReport, error) {
	return &MessageDeliveryReport{}, nil
}

var _ Service = userService{}
`
	if err := os.WriteFile(filepath.Join(dir, "user.go"), []byte(caller), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := goCmd(dir, "vet", "."); err != nil {
		t.Fatalf("before: %v\n%s", err, out)
	}
	s := loadSpec(t, "../out/clinic/spec.json")
	for _, id := range []string{"GET-api-v1-messages-messageId-delivery", "GET-api-v1-clinics-clinicId-appointments_from_to_status_page_pageSize"} {
		e := findEndpoint(s, id)
		e.Params = append(e.Params, &spec.Param{Name: "trace", In: "query", Type: "boolean"})
	}
	files, err := Generate(s, Options{Package: "clinic"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if out, err := goCmd(dir, "vet", "."); err != nil {
		t.Fatalf("after adding an optional query parameter: %v\n%s", err, out)
	}
}
