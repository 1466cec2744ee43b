// Package exports is the file helpgen writes into every generated package
// as runtime_gen.go (package clause rewritten): the runtime names a user of
// the package writes, re-exported so that user code imports only the
// generated package. It is a real package so that the build checks it.
package exports

import (
	"log/slog"
	"time"

	"github.com/helpgen/helpgen/templates/rt"
)

// This package needs runtime version 1.
const _ = rt.SupportPackageIsVersion1

// .NET values on the wire.
type (
	// DateTime is a .NET DateTime: an instant and its kind.
	DateTime = rt.DateTime
	// DateTimeKind is DateTime.Kind: Unspecified, Utc or Local.
	DateTimeKind = rt.DateTimeKind
	// Decimal is a .NET decimal: a 96-bit integer and a scale (0-28).
	Decimal = rt.Decimal
	// TimeSpan is a .NET TimeSpan: a signed count of 100 ns ticks.
	TimeSpan = rt.TimeSpan
	// KeyValuePair is a .NET KeyValuePair<K,V>.
	KeyValuePair[K, V any] = rt.KeyValuePair[K, V]
	// Object is a member declared as object: its raw value kept as it came.
	Object = rt.Object
)

// DateTime kinds.
const (
	DateTimeUnspecified = rt.DateTimeUnspecified
	DateTimeUtc         = rt.DateTimeUtc
	DateTimeLocal       = rt.DateTimeLocal
)

// DateTimeOf wraps t: Utc when t's location is UTC, else Local.
func DateTimeOf(t time.Time) DateTime { return rt.DateTimeOf(t) }

// TimeSpanOf converts d, truncated to 100 ns.
func TimeSpanOf(d time.Duration) TimeSpan { return rt.TimeSpanOf(d) }

// ParseDecimal parses s as .NET's decimal.Parse does with the invariant
// culture; excess fraction digits are rounded half to even.
func ParseDecimal(s string) (Decimal, error) { return rt.ParseDecimal(s) }

// DecimalFromInt returns v with scale 0.
func DecimalFromInt(v int64) Decimal { return rt.DecimalFromInt(v) }

// Ptr returns a pointer to v, for optional fields: Ptr("x"), Ptr(int32(2)).
func Ptr[T any](v T) *T { return &v }

// Errors a call or a handler returns.
type (
	// APIError is a non-2xx answer from the server, with its body.
	APIError = rt.APIError
	// HTTPError is an error a handler returns to choose the status code.
	HTTPError = rt.HTTPError
	// RedirectError is a redirect the client refused to follow.
	RedirectError = rt.RedirectError
	// ValidationError lists the members that broke a documented annotation,
	// as Web API's ModelState does.
	ValidationError = rt.ValidationError
)

// Body formats.
type Format = rt.Format

// The formats a client may send.
const (
	FormatJSON = rt.FormatJSON
	FormatXML  = rt.FormatXML
	FormatForm = rt.FormatForm
)

// Client options.
type (
	// ClientOption configures NewClient.
	ClientOption = rt.ClientOption
	// Doer sends a request: an *http.Client or a wrapper of one.
	Doer = rt.Doer
	// RequestEditor edits every request before it is sent.
	RequestEditor = rt.RequestEditor
)

// WithHTTPClient sends requests through d (an *http.Client or any Doer).
func WithHTTPClient(d Doer) ClientOption { return rt.WithHTTPClient(d) }

// WithRequestEditor adds an editor run on every request, in order.
func WithRequestEditor(fn RequestEditor) ClientOption { return rt.WithRequestEditor(fn) }

// WithFormat selects the request body format (and the preferred response
// format).
func WithFormat(f Format) ClientOption { return rt.WithFormat(f) }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) ClientOption { return rt.WithUserAgent(ua) }

// WithMaxResponseBytes bounds how much of a response body is read (default
// 16 MiB); a longer answer is an error.
func WithMaxResponseBytes(n int64) ClientOption { return rt.WithMaxResponseBytes(n) }

// WithRedirectAsGet lets the client follow a 301, 302 or 303 answer to a
// POST, PUT, PATCH or DELETE as browsers do: with a GET and no body. By
// default such a redirect is an error.
func WithRedirectAsGet() ClientOption { return rt.WithRedirectAsGet() }

// Server options.
type (
	// ServerOption configures NewHandler.
	ServerOption = rt.ServerOption
	// DecodeLimits bound what a request body may hold.
	DecodeLimits = rt.DecodeLimits
)

// WithMaxBodyBytes limits request bodies (default 10 MiB); larger ones get
// 413.
func WithMaxBodyBytes(n int64) ServerOption { return rt.WithMaxBodyBytes(n) }

// WithDecodeLimits sets the limits on what a body may hold; unset fields
// keep their defaults (see DecodeLimits).
func WithDecodeLimits(l DecodeLimits) ServerOption { return rt.WithDecodeLimits(l) }

// WithLogger logs one line per request: method, route pattern, status and
// duration; never bodies, parameter values or query strings.
func WithLogger(l *slog.Logger) ServerOption { return rt.WithLogger(l) }

// WithValidation turns the documented-annotation checks on (the default) or
// off.
func WithValidation(on bool) ServerOption { return rt.WithValidation(on) }
