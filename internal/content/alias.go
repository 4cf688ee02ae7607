package content

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WithAlias returns the content file data with alias added to the end of
// its aliases, changing nothing else an editor wrote: without an aliases
// key, one is added as the front matter's last lines; with one, that list
// is rewritten. The file stays an edited one (see [Document.Edited]). path
// names the file in errors.
func WithAlias(path string, data []byte, alias string) ([]byte, error) {
	src := strings.ReplaceAll(string(data), "\r\n", "\n")
	fm, body, _, err := split(path, strings.TrimPrefix(src, "\uFEFF"))
	if err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &root); err != nil {
		return nil, yamlError(path, err)
	}
	if len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: front matter is not a mapping", path)
	}
	m := root.Content[0]
	item := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: alias}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "aliases" {
			list := m.Content[i+1]
			if list.Kind != yaml.SequenceNode {
				return nil, fmt.Errorf("%s: aliases is not a list", path)
			}
			list.Content = append(list.Content, item)
			list.Style = 0 // one item a line
			var b bytes.Buffer
			enc := yaml.NewEncoder(&b)
			enc.SetIndent(2)
			if err := enc.Encode(&root); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			return assemble(b.Bytes(), "", body), nil
		}
	}
	line, err := yaml.Marshal([]string{alias})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	added := "aliases:\n  " + strings.ReplaceAll(strings.TrimSuffix(string(line), "\n"), "\n", "\n  ") + "\n"
	if fm != "" && !strings.HasSuffix(fm, "\n") {
		fm += "\n"
	}
	return assemble([]byte(fm+added), "", body), nil
}
