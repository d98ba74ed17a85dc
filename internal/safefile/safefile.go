// Package safefile reads the files users name or keep in the folders they name: only
// regular files, opened without ever waiting on a named pipe or a device, read up to a
// size limit, and stopped as soon as a context ends. A named pipe in a folder of facts
// files would otherwise hang the reader for ever, and /dev/zero would fill the memory.
package safefile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the errors of files that are not regular files.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the errors of files over their size limit.
var ErrTooLarge = errors.New("file too large")

// NotRegularError says what a path is instead of a regular file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%q is %s, not a regular file", e.Path, Kind(e.Mode))
}

func (e *NotRegularError) Unwrap() error { return ErrNotRegular }

// TooLargeError says that a file is over the limit it is read with.
type TooLargeError struct {
	Path  string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%q is larger than the limit of %s", e.Path, Size(e.Limit))
}

func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// Kind names what a file mode is, for messages: "a folder", "a named pipe (FIFO)", ...
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Size writes a byte count the way limits are documented: "16 MiB", "2 GiB".
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Check returns a *NotRegularError unless path is, or links to, a regular file.
func Check(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return nil
}

// Open opens path for reading if it is, or links to, a regular file, and returns a
// *NotRegularError otherwise. It never blocks: a named pipe with no writer is refused at
// once instead of waiting for one.
func Open(path string) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return f, nil
}

// ReadFile reads the regular file path whole, refusing it with a *TooLargeError when it is
// over limit bytes (without reading more than limit+1) and stopping when ctx ends.
func ReadFile(ctx context.Context, path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > limit {
		return nil, &TooLargeError{Path: path, Limit: limit}
	}
	data, err := ReadAll(ctx, f, limit)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: path, Limit: limit}
	}
	return data, nil
}

// ReadAll reads f from where it is to its end, or limit+1 bytes if it holds more (so that a
// caller can tell a file over the limit), stopping when ctx ends. It reads into one buffer
// the size of the file, as far as it knows it, rather than growing one as io.ReadAll does:
// an ingest reads every file of a corpus, and the copies were a tenth of what it allocated.
func ReadAll(ctx context.Context, f *os.File, limit int64) ([]byte, error) {
	var size int64
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
		if at, err := f.Seek(0, io.SeekCurrent); err == nil {
			size -= at
		}
	}
	// One byte more than the file holds: the read that finds its end needs room for one.
	buf := make([]byte, 0, min(max(size, 0), limit)+1)
	r := NewReader(ctx, io.LimitReader(f, limit+1))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew since: let append find room
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// NewReader returns a reader of r that fails with ctx's error once ctx ends, checked
// before each read, so that a long read stops within one read of Ctrl-C.
func NewReader(ctx context.Context, r io.Reader) io.Reader { return &ctxReader{ctx, r} }

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
