//go:build linux || darwin

// Package cputime reports the CPU time the process has used, for
// benchmarks that report it beside wall time: other jobs share the
// machine, and a stage's goroutines share its work.
package cputime

import (
	"syscall"
	"time"
)

// Used is the CPU time the process has used so far, user and system; 0
// if it cannot be known.
func Used() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
