//go:build !linux && !darwin

package output

import "errors"

// exchange reports that this system has no atomic exchange of two
// directories, so swap falls back to three renames.
func exchange(a, b string) error { return errors.ErrUnsupported }
