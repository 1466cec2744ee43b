package clinic

// The differential test (issue 11): random values of every contract, in
// every pair of formats, through the real Web API echo server; see
// internal/difftest. A small count runs in CI; HELPGEN_DIFF_N=200 (and
// HELPGEN_DIFF_SEED) run a large one, HELPGEN_DIFF_TABLE=FILE writes the
// table. This file adapts the package's codecs and descriptors.

import (
	"os"
	"reflect"
	"testing"

	"github.com/helpgen/helpgen/internal/difftest"
	"github.com/helpgen/helpgen/internal/oracletest"
	"github.com/helpgen/helpgen/spec"
	"github.com/helpgen/helpgen/templates/rt"
)

type diffCodec map[*difftest.Contract]*rt.Contract

func (m diffCodec) Encode(c *difftest.Contract, format string, v reflect.Value) ([]byte, error) {
	pv := reflect.New(v.Type())
	pv.Elem().Set(v)
	return api.EncodeContract(format, m[c], pv.Interface())
}

func (m diffCodec) Decode(c *difftest.Contract, format string, data []byte) (reflect.Value, error) {
	pv := reflect.New(reflect.PointerTo(c.Go))
	err := api.DecodeContract(format, m[c], data, pv.Interface())
	return pv.Elem(), err
}

func diffSuite(t *testing.T) *difftest.Suite {
	data, err := os.ReadFile("spec.json")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := spec.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	types := sp.TypeMap()
	codec := diffCodec{}
	s := &difftest.Suite{Name: "clinic", Spec: sp, Codec: codec, Enums: map[reflect.Type]difftest.Enum{}}
	for _, rc := range api.Contracts {
		c := &difftest.Contract{Spec: types[rc.Name], Go: reflect.TypeOf(rc.Go).Elem(), Fields: map[string]string{}, RootName: rc.XML, RootNS: rc.NS}
		for _, m := range rc.Members {
			c.Fields[m.Name] = m.Field
			if m.Field == "" {
				c.Fields[m.Name] = m.Name
			}
		}
		codec[c] = rc
		s.Contracts = append(s.Contracts, c)
	}
	for _, e := range api.Enums {
		var vals []int64
		for _, v := range e.Values {
			vals = append(vals, v.Value)
		}
		s.Enums[reflect.TypeOf(e.Go).Elem()] = difftest.Enum{Values: vals, Flags: e.Flags}
	}
	s.Scalars.Decimal = func(text string) (reflect.Value, error) {
		d, err := ParseDecimal(text)
		return reflect.ValueOf(d), err
	}
	s.Scalars.Kinds = [3]reflect.Value{reflect.ValueOf(DateTimeUnspecified), reflect.ValueOf(DateTimeUtc), reflect.ValueOf(DateTimeLocal)}
	return s
}

func TestDifferential(t *testing.T) {
	srv := oracletest.SharedClinic.Get(t)
	rows := difftest.Run(t, srv, diffSuite(t), difftest.OptionsFromEnv(3))
	table := difftest.Table(rows)
	t.Logf("\n%s", table)
	if f := os.Getenv("HELPGEN_DIFF_TABLE"); f != "" {
		if err := os.WriteFile(f, []byte(table), 0o644); err != nil {
			t.Error(err)
		}
	}
}
