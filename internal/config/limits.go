package config

import (
	"github.com/t4k3news/digest/internal/sourcefs"
)

// Limits bounds what a build takes from one source file, so that a file
// made by mistake or by a hostile hand cannot fill the machine's memory or
// disk. Sizes are in bytes.
type Limits struct {
	ContentFile  int64 `yaml:"contentFile"`
	SeedFile     int64 `yaml:"seedFile"`
	TemplateFile int64 `yaml:"templateFile"`
	StaticFile   int64 `yaml:"staticFile"`
	// TagsPerArticle is how many tags an article keeps; the rest are
	// dropped with a warning. Each tag is a topic page listing the
	// article, so without a bound a file's size in tags multiplies.
	TagsPerArticle int `yaml:"tagsPerArticle"`
}

// DefaultTagsPerArticle is the default of Limits.TagsPerArticle.
const DefaultTagsPerArticle = 20

func defaultLimits() Limits {
	d := sourcefs.DefaultLimits
	return Limits{ContentFile: d.Content, SeedFile: d.Seed, TemplateFile: d.Template, StaticFile: d.Static, TagsPerArticle: DefaultTagsPerArticle}
}

// Files is the caps for sourcefs.
func (l Limits) Files() sourcefs.Limits {
	return sourcefs.Limits{Content: l.ContentFile, Seed: l.SeedFile, Template: l.TemplateFile, Static: l.StaticFile}
}

func (l Limits) check(bad func(key, format string, args ...any)) {
	for _, v := range []int64{l.ContentFile, l.SeedFile, l.TemplateFile, l.StaticFile, int64(l.TagsPerArticle)} {
		if v < 1 {
			bad("limits", "every limit must be 1 or more, got %d", v)
			return
		}
	}
}
