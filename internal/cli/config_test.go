package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const (
	noteType = "Harbourview.Clinic.Scheduling.Contracts.AppointmentNote"
	bookType = "Harbourview.Clinic.Scheduling.Contracts.BookAppointmentCommand"
	clockOp  = "GET-api-v1-system-clock"
)

// clinicHTML copies the clinic HTML pages (one rendering: every ApiId once)
// into dir/pages.
func clinicHTML(t *testing.T, dir string) {
	t.Helper()
	var html []string
	for _, f := range clinicFiles(t) {
		if strings.HasPrefix(f, "html/") {
			html = append(html, f)
		}
	}
	copyClinic(t, dir, html, map[string]string{"html": "pages"})
}

// A config file with every key: relative paths from the config's
// directory, parts, names overrides and wire options all take effect, and
// check with the same config agrees.
func TestConfigEveryKey(t *testing.T) {
	dir := t.TempDir()
	clinicHTML(t, dir)
	cfg := filepath.Join(dir, "helpgen.json")
	writeFile(t, cfg, `{
  "inputs": ["pages"],
  "output": "gen/clinic",
  "package": "clinicapi",
  "spec": "gen/clinic/spec.json",
  "crawlDir": "crawl-cache",
  "emit": ["client", "server", "stub"],
  "names": {
    "types": {"`+noteType+`": "Note"},
    "fields": {"`+noteType+`.Text": "Body"},
    "operations": {"`+clockOp+`": "ServerTime"}
  },
  "wire": {
    "jsonDateFormat": "yyyy-MM-ddTHH:mm:ssK",
    "jsonDateTimeZoneHandling": "Utc",
    "serverUtcOffset": "+05:30",
    "clrNames": {"`+bookType+`.source": "SourceSystem"}
  }
}
`)
	// From another working directory: paths are the config's.
	wd, _ := os.Getwd()
	if err := os.Chdir(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)

	_, errOut := mustRun(t, 0, "generate", "-config", cfg)
	out := filepath.Join(dir, "gen", "clinic")
	files := readTree(t, out)
	for _, f := range []string{"client_gen.go", "server_gen.go", "service_impl.go", "types_gen.go", "spec.json"} {
		if files[f] == nil {
			t.Errorf("no %s (stderr %q)", f, errOut)
		}
	}
	if files["sample_gen.go"] != nil {
		t.Error(`sample_gen.go written though "emit" leaves out "sample"`)
	}
	types := string(files["types_gen.go"])
	client := string(files["client_gen.go"])
	checks := []struct{ what, text, re string }{
		{"package", types, `(?m)^package clinicapi$`},
		{"type override", types, `(?m)^type Note struct \{$`},
		{"field override", types, `(?m)^\s+Body\s+\*string$`},
		{"operation override", client, `(?m)^func \(c \*Client\) ServerTime\(`},
		{"wire options", string(files["contracts_gen.go"]), `rt\.NewJSONDates\("yyyy-MM-ddTHH:mm:ssK", "Utc", "\+05:30"\)`},
		{"wire options in the spec", string(files["spec.json"]), `"jsonDateTimeZoneHandling": "Utc"`},
		// source is declared in a base: every command that inherits it
		// binds it by its CLR name.
		{"CLR name, the type named", string(files["contracts_gen.go"]), `(?s)var contractBookAppointmentCommand = .*?\{Name: "source", Field: "Source", .*Form: "SourceSystem"\}`},
		{"CLR name, inherited", string(files["contracts_gen.go"]), `(?s)var contractSendPatientMessageCommand = .*?\{Name: "source", Field: "Source", .*Form: "SourceSystem"\}`},
		{"CLR name in the spec", string(files["spec.json"]), `"clrName": "SourceSystem"`},
	}
	for _, c := range checks {
		if !regexp.MustCompile(c.re).MatchString(c.text) {
			t.Errorf("%s: no match for %s", c.what, c.re)
		}
	}
	if strings.Contains(types, "type AppointmentNote struct") || strings.Contains(client, "GetSystemClock(") {
		t.Error("the default names are still there")
	}
	mustRun(t, 0, "check", "-config", cfg)

	// Flags override the config.
	other := filepath.Join(dir, "other")
	mustRun(t, 0, "generate", "-config", cfg, "-o", other, "-pkg", "other", "-spec", filepath.Join(other, "s.json"))
	if !strings.Contains(readFile(t, filepath.Join(other, "types_gen.go")), "type Note struct") {
		t.Error("-o with -config lost the config's names")
	}
	if _, err := os.Stat(filepath.Join(other, "s.json")); err != nil {
		t.Error("-spec did not override the config's spec")
	}
	mustRun(t, 0, "check", "-config", cfg, "-o", other, "-pkg", "other", "-spec", filepath.Join(other, "s.json"))
	// Without -pkg the config's package applies, which is not the one the
	// directory holds (its service_impl.go is package other): check, like
	// generate, refuses and says how to go on.
	if _, errOut := mustRun(t, 2, "check", "-config", cfg, "-o", other); !strings.Contains(errOut, "pass -pkg other") {
		t.Errorf("check into a directory of another package: %s", errOut)
	}
}

// Config errors name the file, the line and the key.
func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	clinicHTML(t, dir)
	cases := []struct {
		name, config string
		line         int
		want         []string
	}{
		{"unknown key", "{\n  \"inputs\": [\"pages\"],\n  \"outptu\": \"api\"\n}", 3, []string{`unknown config key "outptu"`, "known keys:", "output"}},
		{"unknown nested key", "{\n  \"output\": \"api\",\n  \"wire\": {\n    \"dateFormat\": \"x\"\n  }\n}", 4, []string{`unknown config key "wire.dateFormat"`}},
		{"unknown names section", "{\n  \"output\": \"api\",\n  \"names\": {\"type\": {}}\n}", 3, []string{`unknown config key "names.type"`}},
		{"key in another case", "{\n  \"Output\": \"api\"\n}", 2, []string{`"Output"`, `did you mean "output"`}},
		{"repeated key", "{\n  \"output\": \"a\",\n  \"output\": \"b\"\n}", 3, []string{`config key "output" appears twice`}},
		{"bad emit part", "{\n  \"output\": \"api\",\n  \"emit\": [\n    \"client\",\n    \"clients\"\n  ]\n}", 5, []string{`"emit"`, `unknown part "clients"`, "client, server, stub, sample, tests"}},
		{"wrong type", "{\n  \"output\": \"api\",\n  \"inputs\": \"pages\"\n}", 3, []string{`config key "inputs"`, "want an array of strings"}},
		{"wrong nested type", "{\n  \"output\": \"api\",\n  \"names\": {\n    \"types\": {\"X\": 1}\n  }\n}", 4, []string{`config key "names.types.X"`}},
		{"bad zone handling", "{\n  \"output\": \"api\",\n  \"wire\": {\"jsonDateTimeZoneHandling\": \"UTC\"}\n}", 3, []string{`"wire.jsonDateTimeZoneHandling"`, `"UTC"`}},
		{"bad offset", "{\n  \"output\": \"api\",\n  \"wire\": {\n    \"serverUtcOffset\": \"2h\"\n  }\n}", 4, []string{`"wire.serverUtcOffset"`, `"2h"`}},
		{"bad package", "{\n  \"output\": \"api\",\n  \"package\": \"my-api\"\n}", 3, []string{`config key "package"`, `"my-api"`}},
		{"syntax error", "{\n  \"output\": \"api\",\n  \"inputs\": [\"pages\",]\n}", 3, []string{"invalid character"}},
		{"truncated", "{\n  \"output\": \"api\",\n", 3, []string{"unexpected end"}},
		{"trailing data", "{\"output\": \"api\"}\n{}\n", 2, []string{"unexpected data after the config object"}},
		{"not an object", "[\"pages\"]\n", 1, []string{"must be a JSON object"}},
		// Override targets are checked against the spec: the error names
		// the override and its line.
		{"override of no type", "{\n  \"inputs\": [\"pages\"],\n  \"output\": \"api\",\n  \"names\": {\n    \"types\": {\n      \"Nope\": \"X\"\n    }\n  }\n}", 6, []string{`names.types["Nope"]`, "no such type"}},
		{"override of no field", "{\n  \"inputs\": [\"pages\"],\n  \"output\": \"api\",\n  \"names\": {\n    \"fields\": {\n      \"" + noteType + ".Nope\": \"X\"\n    }\n  }\n}", 6, []string{`names.fields["` + noteType + `.Nope"]`, "no member Nope"}},
		{"override of no operation", "{\n  \"inputs\": [\"pages\"],\n  \"output\": \"api\",\n  \"names\": {\n    \"operations\": {\n      \"GET-nope\": \"X\"\n    }\n  }\n}", 6, []string{`names.operations["GET-nope"]`, "no endpoint"}},
		{"CLR name of no type", "{\n  \"inputs\": [\"pages\"],\n  \"output\": \"api\",\n  \"wire\": {\n    \"clrNames\": {\n      \"Nope.x\": \"X\"\n    }\n  }\n}", 6, []string{`"wire.clrNames.Nope.x"`, "of a type in the spec"}},
		{"CLR name of no member", "{\n  \"inputs\": [\"pages\"],\n  \"output\": \"api\",\n  \"wire\": {\n    \"clrNames\": {\n      \"" + bookType + ".nope\": \"X\"\n    }\n  }\n}", 6, []string{`"wire.clrNames.` + bookType + `.nope"`, "has no member nope"}},
		{"CLR name not an identifier", "{\n  \"inputs\": [\"pages\"],\n  \"output\": \"api\",\n  \"wire\": {\n    \"clrNames\": {\n      \"" + bookType + ".source\": \"Source System\"\n    }\n  }\n}", 6, []string{`"wire.clrNames.` + bookType + `.source"`, `"Source System" is not a C# identifier`}},
		{"override to a bad name", "{\n  \"inputs\": [\"pages\"],\n  \"output\": \"api\",\n  \"names\": {\n    \"types\": {\n      \"" + noteType + "\": \"note\"\n    }\n  }\n}", 6, []string{`names.types["` + noteType + `"]`, `"note" is not`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".json")
			writeFile(t, cfg, c.config)
			for _, cmd := range []string{"generate", "check"} {
				code, out, errOut := run(t, cmd, "-config", cfg)
				if code != 2 {
					t.Fatalf("%s: exit %d, want 2\n%s%s", cmd, code, out, errOut)
				}
				want := append([]string{cfg + ":" + strconv.Itoa(c.line) + ": "}, c.want...)
				for _, w := range want {
					if !strings.Contains(errOut, w) {
						t.Errorf("%s: stderr lacks %q:\n%s", cmd, w, clip(errOut))
					}
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "api")); err == nil {
				t.Error("a bad config wrote output")
			}
		})
	}
}
