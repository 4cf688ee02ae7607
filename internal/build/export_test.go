package build

// LeaveOut makes the builds of this test binary leave out the outputs of
// the named kind, as if it were not registered: a benchmark compares a
// build with and without it.
func LeaveOut(kind string) { leaveOut = kind }
