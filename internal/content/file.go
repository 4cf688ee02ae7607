package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
	"unicode/utf8"

	"github.com/t4k3news/digest/internal/diag"
	"go.yaml.in/yaml/v3"
)

const delimiter = "---"

// checksumPrefix starts the comment line that convert writes into the front
// matter. It records what convert wrote, so that a later convert can tell a
// file an editor changed (which it must not overwrite) from its own output.
const checksumPrefix = "# converted by digest; once you edit this file, convert leaves it alone. sha256:"

// Marshal returns the file for doc: front matter, a checksum comment that
// marks the file as convert's own, and the body. The output depends only on
// doc, so the same document always gives the same bytes.
func Marshal(doc *Document) []byte {
	var fm bytes.Buffer
	if !encodeSimple(&fm, &doc.Meta) {
		encodeYAML(&fm, &doc.Meta)
	}
	body := strings.TrimRight(doc.Body, "\n") + "\n"
	file := assemble(fm.Bytes(), "", body)
	return assemble(fm.Bytes(), checksumPrefix+checksum(file)+"\n", body)
}

// MarshalHand returns the file for doc as Marshal does, but without
// convert's checksum comment: a file written for an editor (digest new),
// which is theirs from the start.
func MarshalHand(doc *Document) []byte {
	var fm bytes.Buffer
	if !encodeSimple(&fm, &doc.Meta) {
		encodeYAML(&fm, &doc.Meta)
	}
	return assemble(fm.Bytes(), "", strings.TrimRight(doc.Body, "\n")+"\n")
}

// encodeYAML writes m with the YAML library, indenting by 2.
func encodeYAML(b *bytes.Buffer, m *Meta) {
	enc := yaml.NewEncoder(b)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		// Meta holds only strings, times, lists and structs of those.
		panic("content: encoding front matter: " + err.Error())
	}
	enc.Close()
}

func assemble(frontMatter []byte, checksumLine, body string) []byte {
	var b bytes.Buffer
	b.WriteString(delimiter + "\n")
	b.Write(frontMatter)
	b.WriteString(checksumLine)
	b.WriteString(delimiter + "\n\n")
	b.WriteString(body)
	return b.Bytes()
}

func checksum(file []byte) string {
	sum := sha256.Sum256(file)
	return hex.EncodeToString(sum[:16])
}

// Edited reports whether the file was changed since convert wrote it, or was
// written by hand: convert may replace only a file for which it is false.
func (d *Document) Edited() bool { return d.edited }

// Parse reads a content file. Errors name path and the line of the file.
func Parse(path string, data []byte) (*Document, error) {
	if !utf8.Valid(data) {
		return nil, diag.Errorf(path, lineOfInvalidUTF8(data), "not valid UTF-8")
	}
	src := strings.ReplaceAll(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n", "\n")
	fm, body, bodyLine, err := split(path, src)
	if err != nil {
		return nil, err
	}
	if err := frontMatter.printable(path, fm); err != nil {
		return nil, err
	}
	doc := &Document{Path: path, Body: body, BodyLine: bodyLine}
	doc.Checksum, doc.edited = readChecksum(fm, body)
	if m, line, ok := decodeSimple(fm); ok {
		doc.Meta = m
		if err := checkMeta(path, &doc.Meta, line); err != nil {
			return nil, err
		}
		doc.ImageLine = imageLine(&doc.Meta, line)
		return doc, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &root); err != nil {
		return nil, yamlError(path, err)
	}
	if err := decodeMeta(path, &root, &doc.Meta); err != nil {
		return nil, err
	}
	doc.ImageLine = imageLine(&doc.Meta, func(key string) int { return keyLine(&root, key) })
	return doc, nil
}

// printable reports the first character of the YAML text that YAML does
// not allow in a file (NUL and other control characters), at its own line:
// the YAML library would put them all at line 1.
func (in source) printable(path, text string) error {
	for i, line := range strings.Split(text, "\n") {
		for col, r := range line {
			if !yamlPrintable(r) {
				return diag.Errorf(path, i+1+in.offset, "%s%s at column %d; only text is allowed", in.prefix, charName(r), col+1)
			}
		}
	}
	return nil
}

// yamlPrintable is YAML's c-printable: what a YAML file may hold.
func yamlPrintable(r rune) bool {
	switch {
	case r == '\t', r == '\r', r == 0x85:
		return true
	case r < 0x20, r >= 0x7F && r < 0xA0, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return true
}

func charName(r rune) string {
	if r == 0 {
		return "NUL byte"
	}
	return fmt.Sprintf("control character %U", r)
}

// split cuts src into front matter and body. Line 1 must be "---"; the
// front matter ends at the next "---" line.
func split(path, src string) (fm, body string, bodyLine int, err error) {
	rest, ok := strings.CutPrefix(src, delimiter+"\n")
	if !ok {
		return "", "", 0, diag.Errorf(path, 1, "no front matter: the file must start with a %q line", delimiter)
	}
	line := 2
	for off := 0; off < len(rest); line++ {
		end := strings.IndexByte(rest[off:], '\n')
		if end < 0 {
			end = len(rest) - off
		}
		if strings.TrimRight(rest[off:off+end], " \t") == delimiter {
			body = strings.TrimPrefix(rest[min(off+end+1, len(rest)):], "\n")
			skipped := len(rest[min(off+end+1, len(rest)):]) - len(body)
			return rest[:off], body, line + 1 + skipped, nil
		}
		off += end + 1
	}
	return "", "", 0, diag.Errorf(path, 1, "front matter is not closed: no %q line after line 1", delimiter)
}

// readChecksum finds convert's checksum comment and checks it against the
// file as it is now, hashing the file without the comment line in pieces
// rather than assembling a copy. Like Marshal's checksum, it hashes
// assemble's output; a comment line with no checksum in it is dropped too.
func readChecksum(fm, body string) (sum string, edited bool) {
	h := stringHash{Hash: sha256.New()}
	h.write(delimiter + "\n")
	for sum == "" {
		start := lineWithPrefix(fm, checksumPrefix)
		if start < 0 {
			return "", true
		}
		end := len(fm)
		if i := strings.IndexByte(fm[start:], '\n'); i >= 0 {
			end = start + i + 1
		}
		h.write(fm[:start])
		sum = strings.Clone(strings.TrimSpace(fm[start+len(checksumPrefix) : end])) // not a part of the whole file
		fm = fm[end:]
	}
	h.write(fm)
	h.write(delimiter + "\n\n")
	h.write(body)
	var digest [sha256.Size]byte
	return sum, hex.EncodeToString(h.Sum(digest[:0])[:16]) != sum
}

// stringHash writes strings to a hash through a buffer of its own:
// io.WriteString would copy each string, the whole body among them, into a
// new slice.
type stringHash struct {
	hash.Hash
	buf [1024]byte
}

func (h *stringHash) write(s string) {
	for s != "" {
		n := copy(h.buf[:], s)
		h.Write(h.buf[:n])
		s = s[n:]
	}
}

// lineWithPrefix returns the offset of the first line of text that starts
// with prefix, or -1.
func lineWithPrefix(text, prefix string) int {
	for off := 0; ; {
		i := strings.Index(text[off:], prefix)
		if i < 0 {
			return -1
		}
		if off+i == 0 || text[off+i-1] == '\n' {
			return off + i
		}
		off += i + 1
	}
}

func lineOfInvalidUTF8(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}
