// Package spec holds helpgen's model of a Help Page site: endpoints, data
// contracts and the wire facts inferred from samples. It has no I/O besides
// its JSON form (see README.md in this directory); parsers build it and
// generators read it.
package spec

// Schema is the value of Spec.Schema for this version of the JSON form.
const Schema = "helpgen.spec/v1"

// Spec is the whole model of one Help site.
type Spec struct {
	Schema string `json:"schema"`
	// Site describes where the pages came from (optional).
	Site *Site `json:"site,omitempty"`
	// Wire holds server-wide wire facts observed in samples.
	Wire        Wire          `json:"wire"`
	Endpoints   []*Endpoint   `json:"endpoints"`
	Types       []*Type       `json:"types"`
	Diagnostics []*Diagnostic `json:"diagnostics"`
}

// Site records the origin of the pages.
type Site struct {
	// BaseURL is the Help index URL when known (crawl manifests), else empty.
	BaseURL string `json:"baseUrl,omitempty"`
	// ModelNaming is "simple" (stock ModelNameHelper: ApiResultOfGuid) or
	// "fullName" (Type.FullName: Ns.ApiResultOfSystem.Guid).
	ModelNaming string `json:"modelNaming,omitempty"`
}

// Wire is what the samples tell about how the server writes scalars.
type Wire struct {
	// JSONDateFormat is the .NET custom format the server's Json.NET writes
	// DateTime values with. Json.NET's default is "yyyy-MM-ddTHH:mm:ss.FFFFFFFK".
	JSONDateFormat string `json:"jsonDateFormat"`
	// JSONDateTimeZoneHandling is Json.NET's DateTimeZoneHandling:
	// RoundtripKind (default), Utc, Local or Unspecified.
	JSONDateTimeZoneHandling string `json:"jsonDateTimeZoneHandling"`
	// JSONDateSample is one DateTime as a JSON sample showed it.
	JSONDateSample string `json:"jsonDateSample,omitempty"`
	// XMLDateSample is one DateTime as an XML sample showed it (DCS always
	// writes the round-trip form).
	XMLDateSample string `json:"xmlDateSample,omitempty"`
	// ServerUTCOffset is the offset of Local DateTime values in the samples
	// ("+02:00"), empty when no Local value was seen.
	ServerUTCOffset string `json:"serverUtcOffset,omitempty"`
	// XMLFormatter is "XmlSerializer" when the XML samples show that the
	// server's XML formatter is XmlSerializer (UseXmlSerializer: an
	// xmlns:xsd/xmlns:xsi root without a contract namespace), whose XML the
	// generated DataContractSerializer codec does not write; empty for DCS.
	XMLFormatter string `json:"xmlFormatter,omitempty"`
}

// Endpoint is one Help Page Api page.
type Endpoint struct {
	// ID is the Help Page ApiId: POST-api-v2-practiceId-clinical-...
	ID     string `json:"id"`
	Method string `json:"method"`
	// Route is RelativePath without the query part.
	Route string `json:"route"`
	// RelativePath is the ApiExplorer RelativePath, query part included.
	RelativePath string   `json:"relativePath"`
	Controller   string   `json:"controller,omitempty"`
	Doc          string   `json:"doc"`
	Params       []*Param `json:"params"`
	Body         *Body    `json:"body"`
	// BodyParam is the name of the action's body parameter, which prefixes
	// Web API's ModelState keys ("command.Lines[0].Code"). No page shows
	// it: only the config sets it (wire.bodyParameters).
	BodyParam       string    `json:"bodyParam,omitempty"`
	Response        *Body     `json:"response"`
	RequestFormats  []string  `json:"requestFormats"`
	ResponseFormats []string  `json:"responseFormats"`
	Samples         []*Sample `json:"samples"`
	// Source is the file or URL the page came from.
	Source string `json:"source,omitempty"`
}

// Param is a URI parameter.
type Param struct {
	Name string `json:"name"`
	// In is "path" or "query".
	In       string `json:"in"`
	Type     string `json:"type"`
	Required bool   `json:"required"`
	// Default is the documented default ("Default value is X"), nil when none.
	Default     *string      `json:"default"`
	Doc         string       `json:"doc"`
	Annotations *Annotations `json:"annotations,omitempty"`
	// Unknown lists the facts about the parameter that the pages cannot
	// show and for which a default was taken (UnknownWidth).
	Unknown []string `json:"unknown,omitempty"`
}

// Body is a request body or a response resource.
type Body struct {
	Type string `json:"type"`
	Doc  string `json:"doc"`
}

// Sample is one documented sample block.
type Sample struct {
	// Direction is "request" or "response".
	Direction  string   `json:"direction"`
	MediaTypes []string `json:"mediaTypes"`
	// Kind is "text", "invalid" (a warning message), "unavailable" or "image".
	Kind string `json:"kind"`
	Text string `json:"text,omitempty"`
}

// Type kinds.
const (
	KindComplex = "complex"
	KindEnum    = "enum"
)

// Type is a data contract: a complex type or an enum. Collections,
// dictionaries, nullables and primitives are type references, not Types.
type Type struct {
	// Name is the CLR full name when it is known (full-name model naming,
	// or a default DataContract namespace), else the CLR simple name.
	// Generic instances read Ns.Name<arg,...> with spec type references.
	Name string `json:"name"`
	Kind string `json:"kind"`
	// ModelName is the Help Page model name (ResourceModel?modelName=...).
	ModelName string `json:"modelName,omitempty"`
	Base      string `json:"base,omitempty"`
	// Synthetic is true when the pages do not name the type: a base class
	// inferred from the samples' namespaces and member order. Its name is made up.
	Synthetic bool     `json:"synthetic,omitempty"`
	Doc       string   `json:"doc,omitempty"`
	XML       *XMLName `json:"xml,omitempty"`
	// Generic is set on generic instances.
	Generic *GenericInstance `json:"generic,omitempty"`
	// Opaque is set when the pages name the type but nothing shows its
	// shape (no model page, no table, no sample with content): its values
	// are kept raw (the JSON value, the XML element) and XML carries its
	// contract name and namespace. It has no members.
	Opaque bool `json:"opaque,omitempty"`
	// TypeParams is set on generic definitions (Name<T>), whose members use
	// the parameters as type references.
	TypeParams []string  `json:"typeParams,omitempty"`
	Members    []*Member `json:"members,omitempty"`
	// Enum facts.
	Flags      bool         `json:"flags,omitempty"`
	Underlying string       `json:"underlying,omitempty"`
	Values     []*EnumValue `json:"values,omitempty"`
	// Sources lists the pages that described the type.
	Sources []string `json:"sources,omitempty"`
	// Unknown lists the facts about the type that the pages cannot show and
	// for which a default was taken (UnknownNamespace, UnknownXMLName).
	Unknown []string `json:"unknown,omitempty"`
}

// GenericInstance ties an instance to its definition.
type GenericInstance struct {
	Definition string   `json:"definition"`
	Args       []string `json:"args"`
}

// XMLName is a DataContract name and namespace.
type XMLName struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
}

// Member is a DataMember (or POCO property) of a complex type.
// Members are listed in DataContractSerializer order, then members that only
// JSON carries, in JSON order.
type Member struct {
	// Name is the member name as the docs show it (JsonProperty > DataMember > CLR).
	Name string `json:"name"`
	// CLRName is the CLR property name, used for form keys; empty means Name.
	CLRName     string       `json:"clrName,omitempty"`
	Type        string       `json:"type"`
	Doc         string       `json:"doc,omitempty"`
	Required    bool         `json:"required"`
	Annotations *Annotations `json:"annotations,omitempty"`
	// JSON is nil when the member is not in the JSON form.
	JSON *JSONMember `json:"json"`
	// XML is nil when DataContractSerializer does not write the member.
	XML *XMLMember `json:"xml"`
	// DeclaredIn names the type that declares the member (a base type for
	// inherited members).
	DeclaredIn string `json:"declaredIn"`
	// Help is false when the Help Page table does not show the member
	// (non-public DataMember seen only in samples).
	Help bool `json:"help"`
	// EmitDefault is false when samples show DataMember(EmitDefaultValue=false).
	EmitDefault *bool `json:"emitDefault,omitempty"`
	// Field is true when the member is a public field, not a property (the
	// samples show it: Json.NET writes fields before properties, the table
	// lists them after). Web API's form binding sets properties only.
	Field bool `json:"field,omitempty"`
	// Unknown lists the facts about the member that the pages cannot show
	// and for which a default was taken (UnknownWidth, UnknownNull).
	Unknown []string `json:"unknown,omitempty"`
}

// JSONMember places a member in the JSON form.
type JSONMember struct {
	Name string `json:"name"`
	// Order is the 0-based position in the JSON object Json.NET writes.
	Order int `json:"order"`
}

// XMLMember places a member in the DataContractSerializer form.
type XMLMember struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
	// Order is the 0-based position in DCS order (base class members first).
	Order int `json:"order"`
	// IsRequired is DataMember(IsRequired=true), which no page shows (only
	// the config sets it): DCS refuses a document without the element.
	IsRequired bool `json:"isRequired,omitempty"`
}

// Annotations are the Help Page "Additional information" texts, parsed.
type Annotations struct {
	Required     bool     `json:"required,omitempty"`
	MaxLength    *int     `json:"maxLength,omitempty"`
	MinLength    *int     `json:"minLength,omitempty"`
	StringLength *Bounds  `json:"stringLength,omitempty"`
	Range        *Bounds  `json:"range,omitempty"`
	Pattern      string   `json:"pattern,omitempty"`
	DataType     string   `json:"dataType,omitempty"`
	Default      *string  `json:"default,omitempty"`
	Other        []string `json:"other,omitempty"`
}

// Bounds is an inclusive range, as written on the page.
type Bounds struct {
	Min string `json:"min"`
	Max string `json:"max"`
}

// EnumValue is one enum field.
type EnumValue struct {
	// Name is the CLR field name.
	Name string `json:"name"`
	// Value is the numeric value.
	Value int64 `json:"value"`
	// Wire is the XML text (EnumMember value); empty means Name.
	Wire string `json:"wire,omitempty"`
	Doc  string `json:"doc,omitempty"`
}

// Diagnostic severities.
const (
	Error   = "error"
	Warning = "warning"
	Info    = "info"
)

// Diagnostic is a finding about the input, with where it was found.
type Diagnostic struct {
	Severity string `json:"severity"`
	// Source is file:line, or a URL, plus an optional "#section".
	Source  string `json:"source"`
	Message string `json:"message"`
}

func (d *Diagnostic) String() string {
	s := d.Severity + ": " + d.Message
	if d.Source != "" {
		s = d.Source + ": " + s
	}
	return s
}
