package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
)

// A source supplies the bytes of one output file. It can be read more than
// once: to compare with the destination, then to write.
type source interface {
	size() int64
	open() (io.ReadCloser, error)
}

type bytesSource []byte

func (b bytesSource) size() int64                  { return int64(len(b)) }
func (b bytesSource) open() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }

// sameContent reports whether the file at name, described by fi, holds
// exactly the bytes of src. Sizes are compared first so that most changed
// files cost no read; a manifest of sizes and hashes from the previous
// build could later stand in for reading the old bytes.
func sameContent(name string, fi fs.FileInfo, src source) (bool, error) {
	if !fi.Mode().IsRegular() || fi.Size() != src.size() {
		return false, nil
	}
	old, err := os.Open(name)
	if err != nil {
		return false, fmt.Errorf("output: %w", err)
	}
	defer old.Close()
	r, err := src.open()
	if err != nil {
		return false, fmt.Errorf("output: %w", err)
	}
	defer r.Close()
	return equalReaders(old, r)
}

var bufPool = sync.Pool{New: func() any { return new([2][32 << 10]byte) }}

// equalReaders compares two streams chunk by chunk.
func equalReaders(a, b io.Reader) (bool, error) {
	bufs := bufPool.Get().(*[2][32 << 10]byte)
	defer bufPool.Put(bufs)
	for {
		na, errA := io.ReadFull(a, bufs[0][:])
		nb, errB := io.ReadFull(b, bufs[1][:])
		if na != nb || !bytes.Equal(bufs[0][:na], bufs[1][:nb]) {
			return false, nil
		}
		if err := readErr(errA, errB); err != nil || errA != nil {
			return err == nil, err
		}
	}
}

// readErr returns the first error from io.ReadFull that is not an end of
// stream.
func readErr(errs ...error) error {
	for _, err := range errs {
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("output: %w", err)
		}
	}
	return nil
}
