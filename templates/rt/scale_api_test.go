package rt

import "context"

// scaleLimits lets n keys, items, attributes or declarations through.
func scaleLimits(n int) *rtDecoding {
	return rtNewDecoding(context.Background(), DecodeLimits{FormKeys: n, XMLAttributes: n + 1, XMLNamespaces: n + 1})
}

// scaleParseForm parses a form of n keys.
func scaleParseForm(data []byte, n int) (*rtFormData, error) {
	return rtParseFormWith(data, scaleLimits(n))
}

// scaleXMLReader reads a document with n attributes or declarations.
func scaleXMLReader(data []byte, n int) *rtXMLReader {
	r := &rtXMLReader{}
	r.resetWith(data, scaleLimits(n))
	return r
}
