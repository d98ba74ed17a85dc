package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile runs write on a new file in path's folder and, when write succeeded, renames it
// to path, so that a failed export leaves no half file. The new file has a name no one can
// guess and is created only if nothing has that name (os.CreateTemp): a link planted at a
// predictable name such as OUT.tmp would otherwise make factgraph write through it into
// another file. A link at path itself is replaced, not followed. The file gets mode 0644.
//
// The folders path lies in are created when missing, and errors name path as the user gave
// it, never the temporary file.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	if path == "" {
		return errors.New("no file name given")
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("cannot write %q: it is a folder; give the name of a file in it", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return outputError(path, err)
	}
	file, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return outputError(path, err)
	}
	tmp := file.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
			err = outputError(path, err)
		}
	}()
	bw := bufio.NewWriter(file)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = file.Chmod(0o644)
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
