package content

import "testing"

func TestDecodeYAML(t *testing.T) {
	type inner struct {
		Name string `yaml:"name"`
		URL  string `yaml:"url"`
	}
	type conf struct {
		Title  string   `yaml:"title"`
		Length int      `yaml:"length"`
		List   []string `yaml:"list"`
		Owner  inner    `yaml:"owner"`
	}
	tests := []struct {
		name, data string
		want       conf
		err        string
	}{
		{"empty keeps defaults", "", conf{Title: "default", Length: 20}, ""},
		{"comment only", "# nothing\n", conf{Title: "default", Length: 20}, ""},
		{"values", "title: T4K3.news\nlength: 5\nlist: [a, b]\nowner:\n  name: N\n",
			conf{Title: "T4K3.news", Length: 5, List: []string{"a", "b"}, Owner: inner{Name: "N"}}, ""},
		{"unknown key", "title: x\ntitel: y\n", conf{}, `site.yaml:2: unknown key "titel"`},
		{"unknown nested key", "owner:\n  name: N\n  mail: m\n", conf{}, `site.yaml:3: unknown key "owner.mail"`},
		{"twice", "title: a\ntitle: b\n", conf{}, `site.yaml:2: key "title" given twice`},
		{"not a number", "length: many\n", conf{}, `site.yaml:1: length: want a whole number, got "many"`},
		{"list for text", "title: [a]\n", conf{}, `site.yaml:1: title: want text, got a list`},
		{"not a mapping", "- a\n", conf{}, `site.yaml:1: want a mapping of keys to values, got a list`},
		{"syntax", "title: a\n  b: c\n", conf{}, `site.yaml:2: mapping values are not allowed in this context`},
		{"two errors", "a: 1\nb: 2\n", conf{}, `site.yaml:1: unknown key "a" (and 1 more)`},
	}
	for _, tt := range tests {
		got := conf{Title: "default", Length: 20}
		err := DecodeYAML("site.yaml", []byte(tt.data), &got)
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error\n got %v\nwant %s", tt.name, err, tt.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case got.Title != tt.want.Title || got.Length != tt.want.Length || len(got.List) != len(tt.want.List) || got.Owner != tt.want.Owner:
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
	if err := DecodeYAML("x.yaml", nil, conf{}); err == nil || err.Error() != "content.DecodeYAML: want a pointer to a struct, got content.conf" {
		t.Errorf("non-pointer: %v", err)
	}
}
