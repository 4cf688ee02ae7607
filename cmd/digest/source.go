package main

import (
	"path/filepath"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/output"
	"github.com/t4k3news/digest/internal/sourcefs"
)

// openSource opens a site's folder for reading through sourcefs, with the
// caps of its config file. A config file that does not load leaves the
// default caps: the command reports it when it reads the config itself.
func openSource(dir string) (*sourcefs.FS, error) {
	src, err := sourcefs.New(dir, sourcefs.Limits{})
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(src, config.File)
	if err != nil {
		return src, nil
	}
	return src.WithLimits(cfg.Limits.Files()), nil
}

// checkDestination refuses a build destination that overlaps the site in
// source: its root, the folders a build reads, or its config file.
func checkDestination(source, dest string) error {
	guarded := []output.Guarded{{Path: source, Parent: true}, {Path: filepath.Join(source, load.ConfigFile)}}
	for _, dir := range load.Watched {
		guarded = append(guarded, output.Guarded{Path: filepath.Join(source, dir)})
	}
	return output.CheckDestination(dest, guarded...)
}
