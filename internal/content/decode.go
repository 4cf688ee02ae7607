package content

import (
	"fmt"
	"net/url"
	pathpkg "path"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/route"
	"go.yaml.in/yaml/v3"
)

// fmLine turns a line of the front matter into a line of the file: the
// front matter starts on line 2, after the opening "---".
func fmLine(n int) int { return n + 1 }

// yamlError positions a YAML syntax error. The YAML library reports its
// position only in the text of the error ("yaml: line 3: ..."), read here
// and nowhere else. Its scanner counts lines from 1, but its parser, whose
// messages all start "did not find expected", counts them from 0.
func yamlError(path string, err error) error {
	return frontMatter.syntaxError(path, err)
}

// syntaxError positions a YAML syntax error in a file read as in.
func (in source) syntaxError(path string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, text, _ := strings.Cut(rest, ": ")
		if n, convErr := strconv.Atoi(num); convErr == nil {
			if strings.HasPrefix(text, "did not find expected") {
				n++
			}
			return diag.Errorf(path, n+in.offset, "%s%s", in.prefix, text)
		}
	}
	return diag.Errorf(path, 1, "%s%s", in.prefix, msg)
}

// keyLine returns the file line of a top-level key, or 1.
func keyLine(root *yaml.Node, key string) int {
	if len(root.Content) == 1 {
		m := root.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return fmLine(m.Content[i].Line)
			}
		}
	}
	return 1
}

var timeType = reflect.TypeFor[time.Time]()

// decodeMeta fills m from the parsed front matter, reporting every unknown
// key, wrong type and missing required key with its line.
func decodeMeta(path string, root *yaml.Node, m *Meta) error {
	var errs diag.List
	d := decoder{path: path, errs: &errs, in: frontMatter}
	switch {
	case root.Kind == 0:
		errs.Add(path, 1, "front matter is empty")
	case len(root.Content) == 1:
		d.value(root.Content[0], reflect.ValueOf(m).Elem(), "")
	}
	if len(errs) > 0 {
		return errs.Err()
	}
	return checkMeta(path, m, func(key string) int { return keyLine(root, key) })
}

// checkMeta reports what a decoded m lacks: a title, a date, a valid slug,
// aliases that are paths of the site, corrections with a date and a text.
// It gives a story without a slug its title's.
// line gives the file line of a top-level key. Both ways of reading the
// front matter end here, so their messages are the same.
func checkMeta(path string, m *Meta, line func(key string) int) error {
	emptyListsNil(m)
	m.Tags = uniqueTags(m.Tags)
	var errs diag.List
	if strings.TrimSpace(m.Title) == "" {
		errs.Add(path, 1, "front matter: missing title")
	}
	if m.Date.IsZero() {
		errs.Add(path, 1, "front matter: missing date")
	}
	if m.Slug != "" && !route.IsSlug(m.Slug) {
		errs.Add(path, line("slug"), "front matter: slug %q: want lower-case letters, digits and single hyphens, such as %q", m.Slug, "russia-seeks-veto")
	}
	for i, a := range m.Aliases {
		if !ValidAlias(a) {
			errs.Add(path, line("aliases"), "front matter: aliases[%d]: %q is not a path of the site such as %q", i+1, a, "news/old-slug/")
		}
	}
	for i, c := range m.Corrections {
		if c.Date.IsZero() || strings.TrimSpace(c.Text) == "" {
			errs.Add(path, line("corrections"), "front matter: corrections[%d]: want a date and a text", i+1)
		}
	}
	if m.Image != "" && !ValidImage(m.Image) {
		errs.Add(path, line("image"), "front matter: image %q is neither an http(s) URL nor a file of the site such as %q", m.Image, "images/port.jpg")
	}
	for i, im := range m.Images {
		if !ValidImage(im) {
			errs.Add(path, line("images"), "front matter: images[%d]: %q is neither an http(s) URL nor a file of the site such as %q", i+1, im, "images/port.jpg")
		}
	}
	if m.Slug == "" {
		// A story written by hand needs no slug: it gets its title's, as
		// convert and digest new make it, or else its file name's.
		m.Slug = route.Slug(m.Title, route.Slug(strings.TrimSuffix(pathpkg.Base(path), ".md"), ""))
	}
	return errs.Err()
}

// imageLine is the line of the key that names m's lead image, or 0.
func imageLine(m *Meta, line func(key string) int) int {
	switch {
	case m.Image != "":
		return line("image")
	case len(m.Images) > 0:
		return line("images")
	}
	return 0
}

// ValidImage reports whether an image is an http(s) URL with a host, or a
// path of the site as ValidAlias has it, without a trailing "/".
func ValidImage(image string) bool {
	if u, err := url.Parse(image); err == nil && u.Scheme != "" {
		return (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
	}
	return ValidAlias(image) && !strings.HasSuffix(image, "/")
}

// validAliasPart matches one segment of an alias path.
var validAliasPart = regexp.MustCompile(`^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$`)

// ValidAlias reports whether an alias is a path that the site can hold a
// redirect page at: slash-separated segments of URL-safe characters, none
// of them "." or "..", with an optional "/" at either end.
func ValidAlias(alias string) bool {
	p := strings.TrimSuffix(strings.TrimPrefix(alias, "/"), "/")
	if p == "" {
		return false
	}
	for part := range strings.SplitSeq(p, "/") {
		if !validAliasPart.MatchString(part) {
			return false
		}
	}
	return true
}

// source says where YAML text sits in its file: the number of lines before
// it, and how messages about it start.
type source struct {
	offset int
	prefix string
}

// frontMatter is the YAML of a content file, after its opening "---" line.
var frontMatter = source{offset: 1, prefix: "front matter: "}

type decoder struct {
	path string
	errs *diag.List
	in   source
}

func (d decoder) fail(n *yaml.Node, key, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if key != "" {
		msg = key + ": " + msg
	}
	d.errs.Add(d.path, n.Line+d.in.offset, "%s%s", d.in.prefix, msg)
}

// value decodes n into v, which is addressable; key names v in errors.
func (d decoder) value(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value
	}
	switch {
	case v.Type() == timeType:
		d.scalar(n, v, key, "a date such as 2025-08-21T10:00:00Z")
	case v.Kind() == reflect.Struct:
		d.mapping(n, v, key)
	case v.Kind() == reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		d.value(n, v.Elem(), key)
	case v.Kind() == reflect.Slice:
		d.sequence(n, v, key)
	case v.Kind() == reflect.Bool:
		d.scalar(n, v, key, "true or false")
	case v.CanInt():
		d.scalar(n, v, key, "a whole number")
	default:
		d.scalar(n, v, key, "text")
	}
}

func (d decoder) scalar(n *yaml.Node, v reflect.Value, key, want string) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, key, "want %s, got %s", want, kindName(n))
		return
	}
	if err := n.Decode(v.Addr().Interface()); err != nil {
		d.fail(n, key, "want %s, got %q", want, n.Value)
	}
}

func (d decoder) sequence(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, key, "want a list, got %s", kindName(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.value(item, s.Index(i), fmt.Sprintf("%s[%d]", key, i+1))
	}
	v.Set(s)
}

func (d decoder) mapping(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, key, "want a mapping of keys to values, got %s", kindName(n))
		return
	}
	fields := fieldsByKey(v.Type())
	seen := make(map[string]bool)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name := joinKey(key, k.Value)
		idx, ok := fields[k.Value]
		switch {
		case !ok:
			d.fail(k, "", "unknown key %q", name)
		case seen[k.Value]:
			d.fail(k, "", "key %q given twice", name)
		default:
			seen[k.Value] = true
			d.value(val, v.Field(idx), name)
		}
	}
}

func joinKey(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// fieldsByKey maps the YAML keys of a struct type to field indexes.
func fieldsByKey(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			m[name] = i
		}
	}
	return m
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

// emptyListsNil makes a list written empty ("tags: []") the same as one
// left out, since Marshal leaves out an empty list: a file read, written
// and read again gives the same front matter.
func emptyListsNil(m *Meta) {
	for _, l := range []*[]string{&m.Aliases, &m.Authors, &m.Categories, &m.Tags, &m.Highlights, &m.Images, &m.Related} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	if len(m.Takeaways) == 0 {
		m.Takeaways = nil
	}
	if len(m.Corrections) == 0 {
		m.Corrections = nil
	}
}
