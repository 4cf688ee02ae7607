package content

import (
	"bytes"
	"fmt"
	"reflect"
	"unicode/utf8"

	"github.com/t4k3news/digest/internal/diag"
	"go.yaml.in/yaml/v3"
)

// DecodeYAML decodes data, the whole of the YAML file path, into v, a
// pointer to a struct whose fields carry yaml tags. It is as strict as the
// front matter: every unknown key, key given twice and value of the wrong
// type is reported as a diag error at its line, such as
// "digest.yaml:3: unknown key "titel"". Keys that are absent, and an empty
// file, leave the fields as they were, so v can hold defaults.
//
// It is the site's one way to read YAML outside content files, so that the
// YAML library stays in this package.
func DecodeYAML(path string, data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("content.DecodeYAML: want a pointer to a struct, got %T", v)
	}
	in := source{}
	if !utf8.Valid(data) {
		return diag.Errorf(path, lineOfInvalidUTF8(data), "not valid UTF-8")
	}
	if err := in.printable(path, string(data)); err != nil {
		return err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return in.syntaxError(path, err)
	}
	var errs diag.List
	if len(root.Content) == 1 {
		decoder{path: path, errs: &errs, in: in}.value(root.Content[0], rv.Elem(), "")
	}
	return errs.Err()
}

// EncodeYAML returns v, a struct whose fields carry yaml tags, as YAML
// indented by 2, after the comment lines in header ("# ..."): for the
// files other packages keep, so that the YAML library stays here.
func EncodeYAML(header string, v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
