//go:build !linux && !darwin

// Package cputime reports the CPU time the process has used, for
// benchmarks that report it beside wall time: other jobs share the
// machine, and a stage's goroutines share its work.
package cputime

import "time"

// Used is unknown here: 0, and benchmarks report no CPU time.
func Used() time.Duration { return 0 }
