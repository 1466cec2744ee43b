// Package difftest is the differential test of a generated package against
// the real ASP.NET Web API echo server (issue 11): random values for every
// contract of the oracle — all members, with the values their real .NET
// types can hold, which the server itself tells (GET /_oracle/members) —
// are encoded by the generated codecs in JSON, XML and form, decoded by
// .NET, written back by .NET in JSON and XML, decoded by the generated
// codecs, and compared with what was sent.
//
// Every difference is either unexplained (the test fails) or matched by one
// of the rules in rules.go, each naming why .NET itself cannot carry the
// value (a form cannot tell "" from null, Web API's XML writer turns a CR
// into a new line, ...). Refusals are counted apart: the generated encoder
// refusing a value (with an error naming the member) is the expected
// answer where .NET cannot carry it; .NET refusing a value is explained or
// fails too.
//
// It is seeded and bounded: Options.N values per contract (a small count in
// CI, HELPGEN_DIFF_N for a large run), Options.Seed (HELPGEN_DIFF_SEED).
// Generated packages run it from a _test.go file that adapts their
// package-private codecs (Suite.Codec) and descriptors.
package difftest

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/helpgen/helpgen/internal/oracletest"
	"github.com/helpgen/helpgen/spec"
)

// Formats a value travels in: requests in all three, answers in two.
var (
	InFormats  = []string{"json", "xml", "form"}
	OutFormats = []string{"json", "xml"}
)

// Contract is one generated struct the oracle can echo.
type Contract struct {
	// Spec is its type in the package's spec (members, wire facts).
	Spec *spec.Type
	// Go is the struct type; values travel as *T.
	Go reflect.Type
	// Fields maps a spec member name to its Go field name.
	Fields map[string]string
	// RootName and RootNS are the XML root element the generated codec
	// writes and wants for the contract.
	RootName, RootNS string

	// from the oracle
	dotnetRoot, dotnetNS string
	members              map[string]*dotnetMember // by spec member name
	echoable             bool
	skip                 string
	element              bool // a root or collection item in the API: its XML name is on the wire
}

// Codec encodes and decodes one contract's values (*T) with the generated
// package's codecs.
type Codec interface {
	Encode(c *Contract, format string, v reflect.Value) ([]byte, error)
	Decode(c *Contract, format string, data []byte) (reflect.Value, error)
}

// Scalars builds the generated package's scalar values.
type Scalars struct {
	// Decimal parses invariant decimal text into a Decimal.
	Decimal func(string) (reflect.Value, error)
	// Kinds are DateTimeUnspecified, DateTimeUtc and DateTimeLocal.
	Kinds [3]reflect.Value
}

// Suite is what a generated package gives the differential test.
type Suite struct {
	Name      string
	Spec      *spec.Spec
	Contracts []*Contract
	// Enums lists each enum's values (and whether it is [Flags]) by Go type.
	Enums   map[reflect.Type]Enum
	Codec   Codec
	Scalars Scalars

	byGo map[reflect.Type]*Contract
}

// Enum is a generated enum's defined values.
type Enum struct {
	Values []int64
	Flags  bool
}

// Options bound a run.
type Options struct {
	N    int   // values per contract
	Seed int64 // of the random values
}

// OptionsFromEnv reads HELPGEN_DIFF_N and HELPGEN_DIFF_SEED; small is the
// count when the variable is not set (CI).
func OptionsFromEnv(small int) Options {
	o := Options{N: small, Seed: 20251207}
	if v, err := strconv.Atoi(os.Getenv("HELPGEN_DIFF_N")); err == nil && v > 0 {
		o.N = v
	}
	if v, err := strconv.ParseInt(os.Getenv("HELPGEN_DIFF_SEED"), 10, 64); err == nil {
		o.Seed = v
	}
	return o
}

// dotnetMember is what the oracle says about a member.
type dotnetMember struct {
	name, clrName, clrType, kind string // kind: property, get-only, field
}

// Row counts one contract's trips in one pair of formats.
type Row struct {
	Contract, In, Out string
	Tried, Identical  int
	// InherentValues counts values that came back different only for
	// reasons .NET itself has (rules.go); Inherent counts them by reason (a
	// value can have several).
	InherentValues int
	Inherent       map[string]int
	// Refusals counts the generated encoder's refusals by kind.
	Refusals map[string]int
	// Differing are differences no rule explains: failures.
	Differing int
	// RefusedGo: the generated encoder refused the value (an error naming
	// the member); RefusedNET: .NET answered an error, explained by a rule
	// (in Inherent too) or not (in Differing too).
	RefusedGo, RefusedNET int
}

func (r *Row) inherent() int { return r.InherentValues }

// refusalKind groups the generated encoders' refusals by what they say.
func refusalKind(msg string) string {
	for _, k := range []struct{ kind, text string }{
		{"form: a null object or collection item, value or pair part", "null, which a form cannot carry"},
		{"form: an empty collection inside a collection, dictionary or pair", "an empty collection"},
		{"form: an empty or white-space dictionary key", "dictionary key"},
		{"form: a white-space char", "white-space character"},
		{"form: a zoned DateTime near .NET's range limits", "within 14 hours"},
		{"form: a public field or non-public member with a value", "form binding does not set"},
		{"XML: an enum value with no name", "invalid value of"},
		{"XML: a DateTime or DateTimeOffset outside .NET's range", "outside .NET's range"},
		{"XML: a null IsRequired member with EmitDefaultValue=false", "IsRequired"},
	} {
		if strings.Contains(msg, k.text) {
			return k.kind
		}
	}
	return msg
}

// Run sends opt.N random values of every contract through srv in every
// pair of formats, fails t on every unexplained difference and returns the
// table.
func Run(t *testing.T, srv *oracletest.Server, s *Suite, opt Options) []*Row {
	t.Helper()
	s.byGo = map[reflect.Type]*Contract{}
	named := spec.ElementNamed(s.Spec)
	for _, c := range s.Contracts {
		s.byGo[c.Go] = c
		c.element = named[c.Spec.Name]
	}
	for _, c := range s.Contracts {
		s.learn(t, srv, c)
	}
	var rows []*Row
	var mu sync.Mutex
	failures := 0
	for ci, c := range s.Contracts {
		if !c.echoable {
			t.Logf("%s: %s", c.Spec.ModelName, c.skip)
			continue
		}
		byTrip := map[string]*Row{}
		for _, in := range InFormats {
			for _, out := range OutFormats {
				r := &Row{Contract: c.Spec.ModelName, In: in, Out: out, Inherent: map[string]int{}, Refusals: map[string]int{}}
				byTrip[in+out] = r
				rows = append(rows, r)
			}
		}
		rnd := rand.New(rand.NewPCG(uint64(opt.Seed), uint64(ci)))
		for i := range opt.N {
			g := &gen{s: s, rnd: rnd}
			v := g.contract(c, 0)
			for _, in := range InFormats {
				for _, out := range OutFormats {
					r := byTrip[in+out]
					r.Tried++
					msg := s.trip(srv, c, v, in, out, r)
					if msg != "" {
						mu.Lock()
						failures++
						if failures <= 40 {
							t.Errorf("%s value %d, %s → %s: %s", c.Spec.ModelName, i, in, out, msg)
						}
						mu.Unlock()
					}
				}
			}
		}
	}
	if failures > 40 {
		t.Errorf("… %d unexplained differences in all", failures)
	}
	return rows
}

// learn asks the oracle for a contract's .NET facts: its DCS root element
// and its members' CLR types.
func (s *Suite) learn(t *testing.T, srv *oracletest.Server, c *Contract) {
	t.Helper()
	if c.Spec.Synthetic {
		c.skip = "a base class no page names (its name is made up): not echoable"
		return
	}
	st, _, body, err := srv.Do("GET", "/_oracle/members?type="+url.QueryEscape(c.Spec.ModelName), "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if st != 200 {
		c.skip = fmt.Sprintf("the oracle does not know it (%d)", st)
		return
	}
	c.members = map[string]*dotnetMember{}
	sc := bufio.NewScanner(bytes.NewReader(body))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		switch {
		case len(f) == 3 && f[0] == "contract":
			c.dotnetRoot, c.dotnetNS = f[1], f[2]
		case len(f) == 5 && f[0] == "member":
			c.members[f[1]] = &dotnetMember{name: f[1], clrName: f[2], clrType: f[3], kind: f[4]}
		}
	}
	for _, m := range c.Spec.Members {
		if _, ok := c.Fields[m.Name]; ok && c.members[m.Name] == nil {
			t.Errorf("%s.%s: the oracle's contract has no such member", c.Spec.ModelName, m.Name)
		}
	}
	c.echoable = true
}

// trip sends v in format in, asks for out, and compares; it returns the
// unexplained difference, "" when there is none.
func (s *Suite) trip(srv *oracletest.Server, c *Contract, v reflect.Value, in, out string, r *Row) string {
	data, err := s.Codec.Encode(c, in, v)
	if err != nil {
		r.RefusedGo++
		r.Refusals[refusalKind(err.Error())]++
		return ""
	}
	data = c.toDotnet(in, data)
	st, h, body, err := srv.Do("POST", "/_oracle/echo?type="+url.QueryEscape(c.Spec.ModelName), mediaType(in), mediaType(out), data)
	if err != nil {
		return err.Error()
	}
	tr := &tripCtx{s: s, in: in, out: out}
	if st != 200 {
		r.RefusedNET++
		if rule := tr.explainRefusal(c, v, st, string(body)); rule != "" {
			r.InherentValues++
			r.Inherent[rule]++
			return ""
		}
		r.Differing++
		return fmt.Sprintf(".NET answered %d %s (%s)\nsent %s", st, strings.TrimSpace(string(body)), h.Get("X-Echo-Error"), clip(data))
	}
	got, err := s.Codec.Decode(c, out, c.fromDotnet(out, body))
	if err != nil {
		r.Differing++
		return fmt.Sprintf("the answer does not decode: %v\nsent %s\ngot %s", err, clip(data), clip(body))
	}
	if got.IsNil() {
		if tr.in == "form" && len(data) == 0 {
			r.InherentValues++
			r.Inherent[ruleFormEmptyBody]++
			return ""
		}
		r.Differing++
		return fmt.Sprintf(".NET answered null\nsent %s", clip(data))
	}
	tr.compareContract(c, v.Elem(), got.Elem(), c.Spec.ModelName)
	switch {
	case len(tr.unexplained) > 0:
		r.Differing++
		return strings.Join(tr.unexplained, "\n") + fmt.Sprintf("\nsent %s\ngot %s", clip(data), clip(body))
	case len(tr.rules) > 0:
		r.InherentValues++
		for k := range tr.rules {
			r.Inherent[k]++
		}
	default:
		r.Identical++
	}
	return ""
}

// toDotnet and fromDotnet rename the root element of a contract whose DCS
// name no page shows and that the API never carries as a root (a nested
// class's "Outer.Inner"): the harness posts it as a root, the API never
// does, so its name is the oracle's, not a fact under test. A contract
// that is a root or an item in the API keeps the generated name: a wrong
// one fails.
func (c *Contract) toDotnet(format string, data []byte) []byte {
	if format != "xml" || !c.renamedRoot() {
		return data
	}
	return renameRoot(data, c.RootName, c.dotnetRoot)
}

func (c *Contract) fromDotnet(format string, data []byte) []byte {
	if format != "xml" || !c.renamedRoot() {
		return data
	}
	return renameRoot(data, c.dotnetRoot, c.RootName)
}

func (c *Contract) renamedRoot() bool {
	return c.dotnetRoot != c.RootName && !c.element
}

func renameRoot(data []byte, from, to string) []byte {
	open, close := []byte("<"+from), []byte("</"+from+">")
	if i := bytes.Index(data, open); i >= 0 {
		data = append(append(append([]byte(nil), data[:i]...), "<"+to...), data[i+len(open):]...)
	}
	if i := bytes.LastIndex(data, close); i >= 0 {
		data = append(append(append([]byte(nil), data[:i]...), "</"+to+">"...), data[i+len(close):]...)
	}
	return data
}

func mediaType(format string) string {
	switch format {
	case "xml":
		return "application/xml"
	case "form":
		return "application/x-www-form-urlencoded"
	}
	return "application/json"
}

func clip(b []byte) string {
	if len(b) > 1500 {
		return string(b[:1500]) + "…"
	}
	return string(b)
}

// Table renders the rows for the report.
func Table(rows []*Row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| contract | in → out | tried | identical | differing: .NET-inherent | differing: unexplained | refused by Go | refused by .NET |\n|---|---|---:|---:|---:|---:|---:|---:|\n")
	tot := Row{Inherent: map[string]int{}, Refusals: map[string]int{}}
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s → %s | %d | %d | %d | %d | %d | %d |\n", r.Contract, r.In, r.Out, r.Tried, r.Identical, r.inherent(), r.Differing, r.RefusedGo, r.RefusedNET)
		tot.Tried += r.Tried
		tot.Identical += r.Identical
		tot.Differing += r.Differing
		tot.RefusedGo += r.RefusedGo
		tot.RefusedNET += r.RefusedNET
		tot.InherentValues += r.InherentValues
		for k, v := range r.Inherent {
			tot.Inherent[k] += v
		}
		for k, v := range r.Refusals {
			tot.Refusals[k] += v
		}
	}
	fmt.Fprintf(&b, "| **all** | | %d | %d | %d | %d | %d | %d |\n", tot.Tried, tot.Identical, tot.inherent(), tot.Differing, tot.RefusedGo, tot.RefusedNET)
	list := func(title string, m map[string]int) {
		if len(m) == 0 {
			return
		}
		b.WriteString("\n" + title + "\n\n")
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
		for _, k := range keys {
			fmt.Fprintf(&b, "- %d: %s\n", m[k], k)
		}
	}
	list(".NET-inherent differences, by reason (a value can have several):", tot.Inherent)
	list("Refused by the generated encoders (what .NET would read otherwise), by kind:", tot.Refusals)
	return b.String()
}
