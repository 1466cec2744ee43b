package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

func init() { register("samples_gen_test.go", emitSamples) }

// sampleNames numbers the documented sample texts once, in endpoint order,
// so the generated tests (conformance, end to end, fuzz seeds) share one
// constant per sample instead of repeating its text.
func sampleNames(m *Model) (names map[string]string, order []string) {
	names = map[string]string{}
	for _, op := range m.Ops {
		for _, s := range op.Endpoint.Samples {
			if s.Kind != "text" || s.Text == "" {
				continue
			}
			if _, ok := names[s.Text]; ok {
				continue
			}
			names[s.Text] = fmt.Sprintf("docSample%d", len(order)+1)
			order = append(order, s.Text)
		}
	}
	return names, order
}

// sampleRef is the constant holding a documented sample's text.
func sampleRef(m *Model, text string) jen.Code {
	names, _ := m.samples()
	return jen.Id(names[text])
}

func emitSamples(m *Model, f *jen.File) error {
	names, order := m.samples()
	if len(order) == 0 {
		return nil
	}
	f.Add(comment("The samples documented on the Help Pages, as written there."))
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, text := range order {
			g.Id(names[text]).Op("=").Lit(text)
		}
	})
	return nil
}
