// Package diag collects problems found in user input (seeds, content,
// templates), each with the file and line it is about, and reports them the
// way go/scanner does: sorted, the first one in full and a count of the rest.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Error is one problem at a position in an input file. Line is 1-based; 0
// means the problem is about the file as a whole. An Error with no File
// carries a message that names its place itself.
type Error struct {
	File string
	Line int
	Msg  string
	// kind is the format the message was made from, which problems of one
	// kind share; see [List.Summary].
	kind string
}

func (e *Error) Error() string {
	if e.File == "" {
		return e.Msg
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errorf returns an *Error at file:line with a formatted message.
func Errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...), kind: format}
}

// List is a set of input errors. Its zero value is ready to use.
type List []*Error

// Add appends an error at file:line.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, Errorf(file, line, format, args...))
}

// Append adds err to the list: a *Error or a List keeps its positions, any
// other error is recorded against file ("" for an error whose text already
// names its place).
func (l *List) Append(file string, err error) {
	switch e := err.(type) {
	case nil:
	case *Error:
		*l = append(*l, e)
	case List:
		*l = append(*l, e...)
	default:
		*l = append(*l, &Error{File: file, Msg: err.Error()})
	}
}

// Sort orders the list by file, then line, then message.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg))
	})
}

// Err returns nil for an empty list and the sorted list otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Error reports the first error and how many more there are.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", l[0], len(l)-1)
}

// Full lists every error, one a line, for a terminal.
func (l List) Full() string {
	var b strings.Builder
	for _, e := range l {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

// Lines lists the problems of err one a line, for a terminal: each error
// of a List, or else the error's own text.
func Lines(err error) string {
	var list List
	if errors.As(err, &list) {
		return list.Full()
	}
	return strings.TrimSpace(err.Error()) + "\n"
}

// Summary lists the errors as Full does, but of each kind (the format a
// message was made from) only the first max; the rest of that kind are
// counted in one line after its last one shown, so that a warning that
// many files share is not printed for every one of them.
func (l List) Summary(max int) string {
	count := make(map[string]int)
	for _, e := range l {
		if e.kind != "" {
			count[e.kind]++
		}
	}
	shown := make(map[string]int)
	var b strings.Builder
	for _, e := range l {
		if e.kind == "" || count[e.kind] <= max {
			b.WriteString(e.Error() + "\n")
			continue
		}
		shown[e.kind]++
		switch n := shown[e.kind]; {
		case n <= max:
			b.WriteString(e.Error() + "\n")
		case n == max+1:
			fmt.Fprintf(&b, "  ... and %d more like these\n", count[e.kind]-max)
		}
	}
	return b.String()
}

// InDir names the files of the input errors in err as paths below dir, for
// a tool run on a site folder other than the working one. Other errors are
// returned as they are.
func InDir(dir string, err error) error {
	var list List
	if dir == "." || dir == "" || !errors.As(err, &list) {
		return err
	}
	for _, e := range list {
		if e.File != "" {
			e.File = filepath.Join(dir, e.File)
		}
	}
	return err
}
