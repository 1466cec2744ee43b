package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
//	  "emit": ["client", "server", "stub", "sample"],
//	  "names": {"types": {...}, "fields": {...}, "operations": {...}},
//	  "wire": {"jsonDateFormat": "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "jsonDateTimeZoneHandling": "Utc", "serverUtcOffset": "+02:00"}
//	}
type Config struct {
	Inputs   []string        `json:"inputs"`
	Output   string          `json:"output"`
	Package  string          `json:"package,omitempty"`
	Spec     string          `json:"spec,omitempty"`
	CrawlDir string          `json:"crawlDir,omitempty"`
	Emit     []string        `json:"emit,omitempty"`
	Names    generator.Names `json:"names,omitempty"`
	Wire     *WireConfig     `json:"wire,omitempty"`
}

// WireConfig overrides what the samples showed about the server's wire format.
type WireConfig struct {
	JSONDateFormat           string `json:"jsonDateFormat,omitempty"`
	JSONDateTimeZoneHandling string `json:"jsonDateTimeZoneHandling,omitempty"`
	ServerUTCOffset          string `json:"serverUtcOffset,omitempty"`
}

// ReadConfig reads a config file strictly: unknown keys are errors that
// name the key and its line.
func ReadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Config
	if err := dec.Decode(&c); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%s:%d: %v", path, lineOf(data, se.Offset), err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%s:%d: config key %q: want %s, not %s", path, lineOf(data, te.Offset), te.Field, te.Type, te.Value)
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			key := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return nil, fmt.Errorf("%s:%d: unknown config key %q", path, lineOf(data, int64(bytes.Index(data, []byte(`"`+key+`"`)))+1), key)
		}
		return nil, fmt.Errorf("%s: %v", path, err)
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
	for _, e := range c.Emit {
		ok := false
		for _, p := range generator.AllParts {
			ok = ok || p == e
		}
		if !ok {
			return nil, fmt.Errorf("%s: config key \"emit\": unknown part %q (want %s)", path, e, strings.Join(generator.AllParts, ", "))
		}
	}
	if c.Wire != nil {
		switch c.Wire.JSONDateTimeZoneHandling {
		case "", "RoundtripKind", "Utc", "Local", "Unspecified":
		default:
			return nil, fmt.Errorf("%s: config key \"wire.jsonDateTimeZoneHandling\": %q is not RoundtripKind, Utc, Local or Unspecified", path, c.Wire.JSONDateTimeZoneHandling)
		}
	}
	return &c, nil
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
	return nil
}

func (c *Config) options(pkg string) generator.Options {
	return generator.Options{Package: pkg, Parts: c.Emit, Names: c.Names}
}
