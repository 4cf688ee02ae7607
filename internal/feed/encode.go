package feed

import (
	"bytes"
	"encoding/xml"
)

// encode encodes the item once for all the channels it is in. Its HTML,
// most of its bytes, is escaped once for both XML feeds, and then dropped:
// the encoded forms are all that the channels need.
func (it *item) encode() error {
	html := escapeXML(it.HTML)
	var err error
	if it.RSS, err = rssItemXML(it, html); err != nil {
		return err
	}
	if it.Atom, err = atomEntryXML(it, html); err != nil {
		return err
	}
	if it.JSON, err = jsonItemJSON(it); err != nil {
		return err
	}
	it.HTML = ""
	return nil
}

// xmlText is text that xml.EscapeText has escaped, written as it is in
// its element.
type xmlText struct {
	Escaped []byte `xml:",innerxml"`
}

func escapeXML(s string) xmlText {
	var b bytes.Buffer
	b.Grow(len(s) + len(s)/4)
	xml.EscapeText(&b, []byte(s)) // a bytes.Buffer does not fail
	return xmlText{b.Bytes()}
}

// marshalIndentXML is xml.MarshalIndent with indent "  " into a buffer
// made for size bytes more than the elements themselves: the text in v
// that is escaped already.
func marshalIndentXML(v any, prefix string, size int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(size + 1024)
	if err := encodeXML(&b, v, prefix); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// marshalXML encodes an XML document with its declaration. The document
// holds size bytes encoded already.
func marshalXML(doc any, size int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(size + 2048)
	b.WriteString(xml.Header)
	if err := encodeXML(&b, doc, ""); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func encodeXML(b *bytes.Buffer, v any, prefix string) error {
	enc := xml.NewEncoder(b)
	enc.Indent(prefix, "  ")
	return enc.Encode(v)
}

// xmlItems joins the channel's encoded items, each on a new line, as
// encoding/xml would indent them.
func (ch *channel) xmlItems(encoded func(*item) []byte) []byte {
	n := 0
	for _, it := range ch.Items {
		n += 1 + len(encoded(it))
	}
	b := make([]byte, 0, n)
	for _, it := range ch.Items {
		b = append(b, '\n')
		b = append(b, encoded(it)...)
	}
	return b
}
