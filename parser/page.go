package parser

import "github.com/helpgen/helpgen/spec"

// PageKind says what a Help Page is.
type PageKind int

// Page kinds.
const (
	PageUnknown PageKind = iota
	PageIndex            // /Help
	PageAPI              // /Help/Api/{ApiId}
	PageModel            // /Help/ResourceModel?modelName=...
	PageError            // the host's Error view (a lookup miss)
)

func (k PageKind) String() string {
	return [...]string{"unknown", "index", "api", "model", "error"}[k]
}

// Page is what one page says, as written, before any inference. The HTML
// and text extractors both produce it; the builder turns pages into a spec.
type Page struct {
	Kind PageKind
	// Source is the file path or URL; Line fields below are 1-based lines in it.
	Source string
	// Truncated is set when the page ends before its last section.
	Truncated bool
	// Diags are problems found while extracting.
	Diags []*spec.Diagnostic

	// API pages.
	Method       string
	RelativePath string // as in the h1: "POST api/v1/x/{id}?a={a}" minus the method
	Doc          string
	Line         int      // line of the h1 / title
	URIParams    *Section // nil when the page was cut before it
	Body         *Section // "Body Parameters"
	Response     *Section // "Resource Description"
	Samples      []*Sample

	// Model pages.
	ModelName string // from the h1, the file name or the URL
	ModelDoc  string
	Members   *Table     // complex type
	Enum      []*EnumRow // enum ("Possible enumeration values:")
	IsEnum    bool
	Simple    string // a simple type's documentation word

	// Index pages.
	Index []*IndexEntry
}

// Section is a "URI Parameters", "Body Parameters" or "Resource Description" section.
type Section struct {
	Line int
	// None is true when the section says "None." (no body, void, no params).
	None bool
	Doc  string
	// Type is the type rendering shown above the table ("BookAppointmentCommand",
	// "Collection of ResultLink", "string"); empty for URI parameters.
	Type TypeText
	// Table is the parameters table, nil when none is shown.
	Table *Table
}

// TypeText is a type rendering: its text and the model names it links to.
type TypeText struct {
	Text string
	// Links are the modelName values of the ResourceModel links, in order
	// (HTML only; text renderings have none).
	Links []string
	// Cut: the text ends with this rendering, so the cut may have gone
	// through the name ("…RestApiRes"): Build resolves it against the
	// names the other pages document.
	Cut bool
}

// Table is a Parameters table.
type Table struct {
	Line int
	Rows []*Row
	// AtEnd: the table runs to the end of the input; on a truncated page
	// (Page.Truncated) it may have lost rows.
	AtEnd bool
}

// Row is one table row.
type Row struct {
	Line int
	// Name is empty when the page lost the name cell (NameLost): a scraper
	// dropped or emptied it. Build recovers it from the samples or drops
	// the row with a warning.
	Name        string
	NameLost    bool
	Doc         string
	Type        TypeText
	Annotations []string // "None." is dropped
}

// EnumRow is one "Possible enumeration values" row.
type EnumRow struct {
	Line  int
	Name  string
	Value string
	Doc   string
}

// Sample is one sample block.
type Sample struct {
	Line int
	// Direction is "request" or "response".
	Direction  string
	MediaTypes []string
	// Kind is "text", "invalid", "unavailable" or "image" (spec.Sample kinds).
	Kind string
	Text string
}

// IndexEntry is one row of the Help index.
type IndexEntry struct {
	Line          int
	Controller    string
	ControllerDoc string
	Method        string
	RelativePath  string
	ApiID         string // from the link href
	Doc           string
}
