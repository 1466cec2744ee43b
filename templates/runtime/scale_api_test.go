package wire

// scaleParseForm parses a form of n keys.
func scaleParseForm(data []byte, n int) (*rtFormData, error) { return rtParseForm(data) }

// scaleXMLReader reads a document with n attributes or declarations.
func scaleXMLReader(data []byte, n int) *rtXMLReader {
	r := &rtXMLReader{}
	r.reset(data)
	return r
}
