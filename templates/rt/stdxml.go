package rt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

// encoding/xml bridges. The generated MarshalXML and UnmarshalXML let users
// of encoding/xml embed contracts in their own documents with DCS's names,
// namespaces, order and nil handling; encoding/xml chooses its own
// prefixes, so byte-exact DCS output comes only from the generated
// xmlAppend functions (what the client and server use).

// rtXMLMarshal re-emits a DCS document through an xml.Encoder.
func rtXMLMarshal(e *xml.Encoder, doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// Namespace declarations are re-made by the encoder from the
			// resolved names; passing them on would declare them twice.
			attrs := t.Attr[:0:0]
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				attrs = append(attrs, a)
			}
			t.Attr = attrs
			tok = t
		case xml.ProcInst, xml.Directive, xml.Comment:
			continue
		}
		if err := e.EncodeToken(tok); err != nil {
			return err
		}
	}
}

// rtXMLCapture writes the element that start begins, as the decoder sees
// it, into a standalone document for the strict reader.
func rtXMLCapture(d *xml.Decoder, start xml.StartElement) ([]byte, error) {
	var buf bytes.Buffer
	e := xml.NewEncoder(&buf)
	depth := 0
	tok := xml.Token(start)
	for {
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			attrs := t.Attr[:0:0]
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				attrs = append(attrs, a)
			}
			t.Attr = attrs
			tok = t
		case xml.EndElement:
			depth--
		}
		if err := e.EncodeToken(xml.CopyToken(tok)); err != nil {
			return nil, err
		}
		if depth == 0 {
			break
		}
		var err error
		if tok, err = d.Token(); err != nil {
			if err == io.EOF {
				return nil, errors.New("xml: unexpected end of input")
			}
			return nil, err
		}
	}
	if err := e.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
