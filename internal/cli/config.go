package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/spec"
)

// Config is the JSON config file of generate and check (-config). Relative
// paths are relative to the config file's directory. Flags override it.
//
//	{
//	  "inputs": ["pages/"],            // files, directories, spec JSON or a Help site URL
//	  "output": "api",                 // the package directory
//	  "package": "api",
//	  "spec": "api/spec.json",         // also write (and check) the spec JSON
//	  "crawlDir": "pages/crawl",       // where URL inputs are crawled to (default: the user cache)
//	  "emit": ["client", "server", "stub", "sample"],
//	  "names": {"types": {...}, "fields": {...}, "operations": {...}},
//	  "wire": {"jsonDateFormat": "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "jsonDateTimeZoneHandling": "Utc", "serverUtcOffset": "+02:00",
//	           "clrNames": {"Ns.Type.member": "ClrPropertyName"}}
//	}
//
// The file is read strictly: keys are case-sensitive, and unknown or
// repeated keys, values of the wrong type and trailing data are errors
// that name the key and its line.
type Config struct {
	Inputs   []string        `json:"inputs"`
	Output   string          `json:"output"`
	Package  string          `json:"package,omitempty"`
	Spec     string          `json:"spec,omitempty"`
	CrawlDir string          `json:"crawlDir,omitempty"`
	Emit     []string        `json:"emit,omitempty"`
	Names    generator.Names `json:"names,omitempty"`
	Wire     *WireConfig     `json:"wire,omitempty"`

	path  string         // the config file, "" when not read from one
	lines map[string]int // key path ("names.types.X", "emit[1]") → line
}

// WireConfig overrides what the samples showed about the server's wire format.
type WireConfig struct {
	JSONDateFormat           string `json:"jsonDateFormat,omitempty"`
	JSONDateTimeZoneHandling string `json:"jsonDateTimeZoneHandling,omitempty"`
	ServerUTCOffset          string `json:"serverUtcOffset,omitempty"`
	// CLRNames gives the CLR property name of a member whose page shows
	// another name ([DataMember(Name=…)] or [JsonProperty]): form keys and
	// ModelState keys use it. Keys are "<type full name>.<member>".
	CLRNames map[string]string `json:"clrNames,omitempty"`
	// Facts no page shows, pinned (see pins.go and docs/generated-code.md,
	// "What the pages cannot show").
	MemberTypes    map[string]string           `json:"memberTypes,omitempty"`
	ParamTypes     map[string]string           `json:"paramTypes,omitempty"`
	XMLNamespaces  map[string]string           `json:"xmlNamespaces,omitempty"`
	XMLNames       map[string]string           `json:"xmlNames,omitempty"`
	BodyParameters map[string]string           `json:"bodyParameters,omitempty"`
	DataMembers    map[string]DataMemberConfig `json:"dataMembers,omitempty"`
}

// configKeys is the config file's schema: a nil node takes any value
// (its type is checked when decoding), "*" stands for any key.
type configKeys map[string]configKeys

var anyKey = configKeys{"*": nil}

var configSchema = configKeys{
	"inputs": nil, "output": nil, "package": nil, "spec": nil, "crawlDir": nil, "emit": nil,
	"names": {"types": anyKey, "fields": anyKey, "operations": anyKey},
	"wire": {"jsonDateFormat": nil, "jsonDateTimeZoneHandling": nil, "serverUtcOffset": nil, "clrNames": anyKey,
		"memberTypes": anyKey, "paramTypes": anyKey, "xmlNamespaces": anyKey, "xmlNames": anyKey, "bodyParameters": anyKey,
		"dataMembers": {"*": {"isRequired": nil, "emitDefaultValue": nil}}},
}

var utcOffset = regexp.MustCompile(`^[+-](0[0-9]|1[0-4]):[0-5][0-9]$`)

// csharpIdentifier is a CLR property name as C# spells it (@ for keywords).
var csharpIdentifier = regexp.MustCompile(`^@?[\p{L}_][\p{L}\p{Nd}_]*$`)

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ReadConfig reads a config file strictly: unknown keys are errors that
// name the key and its line.
func ReadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines, err := scanConfig(path, data)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	c := Config{path: path, lines: lines}
	if err := dec.Decode(&c); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%s:%d: %v", path, lineOf(data, se.Offset), err)
		case errors.As(err, &te) && te.Field == "":
			return nil, fmt.Errorf("%s:%d: the config must be a JSON object, not %s", path, lineOf(data, te.Offset), te.Value)
		case errors.As(err, &te):
			line := lineOf(data, te.Offset)
			return nil, fmt.Errorf("%s:%d: config key %q: want %s, not %s", path, line, keyAt(lines, te.Field, line), jsonKind(te.Type.String()), article(te.Value))
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	for i, e := range c.Emit {
		ok := false
		for _, p := range generator.AllParts {
			ok = ok || p == e
		}
		if !ok {
			return nil, c.errorf(fmt.Sprintf("emit[%d]", i), "config key \"emit\": unknown part %q (want %s)", e, strings.Join(generator.AllParts, ", "))
		}
	}
	if c.Wire != nil {
		switch c.Wire.JSONDateTimeZoneHandling {
		case "", "RoundtripKind", "Utc", "Local", "Unspecified":
		default:
			return nil, c.errorf("wire.jsonDateTimeZoneHandling", "config key \"wire.jsonDateTimeZoneHandling\": %q is not RoundtripKind, Utc, Local or Unspecified", c.Wire.JSONDateTimeZoneHandling)
		}
		if o := c.Wire.ServerUTCOffset; o != "" && !utcOffset.MatchString(o) {
			return nil, c.errorf("wire.serverUtcOffset", "config key \"wire.serverUtcOffset\": %q is not an offset like +02:00 or -05:30", o)
		}
		for _, k := range sortedKeys(c.Wire.CLRNames) {
			if v := c.Wire.CLRNames[k]; !csharpIdentifier.MatchString(v) {
				return nil, c.errorf("wire.clrNames."+k, "config key \"wire.clrNames.%s\": %q is not a C# identifier", k, v)
			}
		}
		for _, k := range sortedKeys(c.Wire.BodyParameters) {
			if v := c.Wire.BodyParameters[k]; !csharpIdentifier.MatchString(v) {
				return nil, c.errorf("wire.bodyParameters."+k, "config key \"wire.bodyParameters.%s\": %q is not a C# identifier", k, v)
			}
		}
	}
	if c.Package != "" && !validPackage(c.Package) {
		return nil, c.errorf("package", "config key \"package\": %q is not a Go package name", c.Package)
	}
	dir := filepath.Dir(path)
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) || isURL(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	for i, in := range c.Inputs {
		c.Inputs[i] = rel(in)
	}
	c.Output, c.Spec, c.CrawlDir = rel(c.Output), rel(c.Spec), rel(c.CrawlDir)
	return &c, nil
}

// jsonKind names a Go type the way a config author thinks of it.
func jsonKind(goType string) string {
	switch {
	case goType == "string":
		return "a string"
	case strings.TrimPrefix(goType, "*") == "bool":
		return "a boolean"
	case strings.HasPrefix(goType, "[]"):
		return "an array of " + strings.TrimPrefix(jsonKind(goType[2:]), "a ") + "s"
	case strings.HasPrefix(goType, "map[string]"):
		return "an object of " + strings.TrimPrefix(jsonKind(goType[len("map[string]"):]), "a ") + "s"
	}
	return "an object"
}

// keyAt is the most precise key path on line under field: the decoder
// names a map ("names.types"), the line tells which of its keys.
func keyAt(lines map[string]int, field string, line int) string {
	best := field
	for k, l := range lines {
		if l == line && strings.HasPrefix(k, field+".") && (best == field || len(k) < len(best)) {
			best = k
		}
	}
	return best
}

func article(what string) string {
	if what != "" && strings.ContainsRune("aeiou", rune(what[0])) {
		return "an " + what
	}
	return "a " + what
}

// errorf makes an error that names the config file and the line of key.
func (c *Config) errorf(key, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if c.path == "" {
		return errors.New(msg)
	}
	if line, ok := c.lines[key]; ok {
		return fmt.Errorf("%s:%d: %s", c.path, line, msg)
	}
	return fmt.Errorf("%s: %s", c.path, msg)
}

// overrideKey matches the generator's errors about names overrides.
var overrideKey = regexp.MustCompile(`^names\.(types|fields|operations)\[("(?:[^"\\]|\\.)*")\]`)

// locate points an error about the config's names overrides at the
// config file and line of the override.
func (c *Config) locate(err error) error {
	if c.path == "" || err == nil {
		return err
	}
	m := overrideKey.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	key, qerr := strconv.Unquote(m[2])
	if qerr != nil {
		return err
	}
	return c.errorf("names."+m[1]+"."+key, "config key %s", err.Error())
}

// scanConfig walks the config's JSON tokens: it rejects unknown, repeated
// and wrongly cased keys and trailing data, and returns the line of every key.
func scanConfig(path string, data []byte) (map[string]int, error) {
	w := &configWalker{dec: json.NewDecoder(bytes.NewReader(data)), data: data, path: path, lines: map[string]int{}}
	if err := w.walk("", configSchema); err != nil {
		return nil, err
	}
	if _, err := w.dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s:%d: unexpected data after the config object", path, w.line())
	}
	return w.lines, nil
}

type configWalker struct {
	dec   *json.Decoder
	data  []byte
	path  string
	lines map[string]int
}

func (w *configWalker) line() int { return lineOf(w.data, w.dec.InputOffset()) }

func (w *configWalker) syntax(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%s:%d: %v", w.path, lineOf(w.data, se.Offset), err)
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%s:%d: unexpected end of the config file", w.path, lineOf(w.data, int64(len(w.data))))
	}
	return fmt.Errorf("%s: %v", w.path, err)
}

func (w *configWalker) walk(at string, keys configKeys) error {
	tok, err := w.dec.Token()
	if err != nil {
		return w.syntax(err)
	}
	if _, ok := w.lines[at]; !ok && at != "" {
		w.lines[at] = w.line()
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for w.dec.More() {
			kt, err := w.dec.Token()
			if err != nil {
				return w.syntax(err)
			}
			key := kt.(string)
			path := key
			if at != "" {
				path = at + "." + key
			}
			line := w.line()
			if seen[key] {
				return fmt.Errorf("%s:%d: config key %q appears twice (first on line %d)", w.path, line, path, w.lines[path])
			}
			seen[key] = true
			w.lines[path] = line
			sub, ok := keys[key]
			if !ok {
				sub, ok = keys["*"]
			}
			if !ok && keys != nil {
				return fmt.Errorf("%s:%d: unknown config key %q%s", w.path, line, path, suggest(key, keys))
			}
			if err := w.walk(path, sub); err != nil {
				return err
			}
		}
		if _, err := w.dec.Token(); err != nil {
			return w.syntax(err)
		}
	case json.Delim('['):
		for i := 0; w.dec.More(); i++ {
			if err := w.walk(fmt.Sprintf("%s[%d]", at, i), nil); err != nil {
				return err
			}
		}
		if _, err := w.dec.Token(); err != nil {
			return w.syntax(err)
		}
	}
	return nil
}

// suggest lists the known keys, or the one key differing only in case.
func suggest(key string, keys configKeys) string {
	var known []string
	for k := range keys {
		if strings.EqualFold(k, key) {
			return fmt.Sprintf(" (keys are case-sensitive: did you mean %q?)", k)
		}
		known = append(known, k)
	}
	sort.Strings(known)
	return " (known keys: " + strings.Join(known, ", ") + ")"
}

func lineOf(data []byte, off int64) int {
	if off < 0 || off > int64(len(data)) {
		return 1
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// apply puts the wire overrides into the spec.
func (c *Config) apply(s *spec.Spec) error {
	if c.Wire == nil {
		return nil
	}
	if c.Wire.JSONDateFormat != "" {
		s.Wire.JSONDateFormat = c.Wire.JSONDateFormat
	}
	if c.Wire.JSONDateTimeZoneHandling != "" {
		s.Wire.JSONDateTimeZoneHandling = c.Wire.JSONDateTimeZoneHandling
	}
	if c.Wire.ServerUTCOffset != "" {
		s.Wire.ServerUTCOffset = c.Wire.ServerUTCOffset
	}
	if err := c.applyPins(s); err != nil {
		return err
	}
	types := s.TypeMap()
	for _, k := range sortedKeys(c.Wire.CLRNames) {
		key := "wire.clrNames." + k
		i := strings.LastIndexByte(k, '.')
		if i < 0 || types[k[:i]] == nil {
			return c.errorf(key, "config key \"%s\": want <type full name>.<member> of a type in the spec", key)
		}
		var decl *spec.Member
		for _, m := range types[k[:i]].Members {
			if m.Name == k[i+1:] {
				decl = m
			}
		}
		if decl == nil {
			return c.errorf(key, "config key \"%s\": type %s has no member %s", key, k[:i], k[i+1:])
		}
		// The name belongs to the declaration: every type that inherits
		// the member binds it by the same property.
		for _, t := range s.Types {
			for _, m := range t.Members {
				if m == decl || m.Name == decl.Name && m.DeclaredIn != "" && m.DeclaredIn == decl.DeclaredIn {
					m.CLRName = c.Wire.CLRNames[k]
				}
			}
		}
	}
	return nil
}

func (c *Config) options(pkg string) generator.Options {
	return generator.Options{Package: pkg, Parts: c.Emit, Names: c.Names}
}
