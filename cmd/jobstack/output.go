package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Output file names in --out. Nothing an input says can change them, so no
// input can write outside --out.
const (
	fileManifest = "manifest.json"
	filePostings = "postings.parquet"
	fileSkills   = "skills.parquet"
	fileReport   = "report.md"
	fileHTML     = "report.html"
	fileRejects  = "rejects.jsonl"
	fileTerms    = "unknown_terms.jsonl"
)

// staging is a temporary folder next to --out where a run writes its
// outputs; commit swaps it into place.
type staging struct {
	out string
	dir string
}

// newStaging checks that --out can be replaced and makes the temporary
// folder beside it (same file system, so the final rename is atomic).
func newStaging(out string) (*staging, error) {
	out = filepath.Clean(out)
	if fi, err := os.Stat(out); err == nil {
		if !fi.IsDir() {
			return nil, fmt.Errorf("--out %s: exists and is not a directory", out)
		}
		entries, err := os.ReadDir(out)
		if err != nil {
			return nil, fmt.Errorf("--out %s: %w", out, err)
		}
		if len(entries) > 0 {
			if err := earlierRun(out, entries); err != nil {
				return nil, fmt.Errorf("--out %s: %w; jobstack replaces the whole folder, so name a new or empty one", out, err)
			}
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("--out %s: %w", out, err)
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("--out %s: %w", out, err)
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".jobstack-tmp-")
	if err != nil {
		return nil, fmt.Errorf("--out %s: cannot write beside it: %w", out, err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	return &staging{out: out, dir: dir}, nil
}

// outputNames are the files a run writes, all an earlier run's folder holds.
var outputNames = []string{filePostings, fileSkills, fileReport, fileHTML, fileRejects, fileTerms, fileManifest}

// earlierRun checks that the folder out, holding entries, is an earlier
// run's outputs and nothing else, so replacing it loses nothing: its
// manifest is jobstack's and every entry is a file jobstack writes. A
// dataset's own manifest.json, or a notebook saved beside the outputs,
// keeps the folder as it is.
func earlierRun(out string, entries []os.DirEntry) error {
	var foreign []string
	for _, e := range entries {
		if !slices.Contains(outputNames, e.Name()) || !e.Type().IsRegular() {
			name := e.Name()
			if e.IsDir() {
				name += "/"
			}
			foreign = append(foreign, name)
		}
	}
	data, err := os.ReadFile(filepath.Join(out, fileManifest))
	if err != nil {
		return fmt.Errorf("folder is not empty and holds no %s from an earlier run", fileManifest)
	}
	if len(foreign) > 0 {
		more := ""
		if len(foreign) > 5 {
			foreign, more = foreign[:5], fmt.Sprintf(" and %d more", len(foreign)-5)
		}
		return fmt.Errorf("folder holds files jobstack did not write (%s%s)", strings.Join(foreign, ", "), more)
	}
	var m struct {
		Version         *string  `json:"version"`
		TaxonomyVersion *string  `json:"taxonomy_version"`
		Outputs         []string `json:"outputs"`
	}
	if json.Unmarshal(data, &m) != nil || m.Version == nil || m.TaxonomyVersion == nil || len(m.Outputs) == 0 {
		return fmt.Errorf("its %s is not one jobstack wrote", fileManifest)
	}
	return nil
}

func (s *staging) path(name string) string { return filepath.Join(s.dir, name) }

// abort removes the temporary folder; --out is untouched.
func (s *staging) abort() { os.RemoveAll(s.dir) }

// commit makes the staged outputs the contents of --out. On Linux the
// folders are swapped atomically; elsewhere the old folder is moved aside
// first, so a crash between the two renames leaves it beside --out.
func (s *staging) commit() error {
	if err := syncDir(s.dir); err != nil {
		return err
	}
	if _, err := os.Stat(s.out); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(s.dir, s.out); err != nil {
			return err
		}
		return syncDir(filepath.Dir(s.out))
	}
	if err := exchange(s.dir, s.out); err == nil {
		syncDir(filepath.Dir(s.out))
		return os.RemoveAll(s.dir) // now the previous outputs
	}
	old := s.dir + ".old"
	if err := os.Rename(s.out, old); err != nil {
		return err
	}
	if err := os.Rename(s.dir, s.out); err != nil {
		os.Rename(old, s.out)
		return err
	}
	syncDir(filepath.Dir(s.out))
	return os.RemoveAll(old)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// outFile is a buffered output file that is synced when closed.
type outFile struct {
	f *os.File
	*bufio.Writer
}

func createOut(path string) (*outFile, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &outFile{f: f, Writer: bufio.NewWriterSize(f, 256<<10)}, nil
}

func (o *outFile) Close() error {
	if err := o.Flush(); err != nil {
		o.f.Close()
		return err
	}
	if err := o.f.Sync(); err != nil {
		o.f.Close()
		return err
	}
	return o.f.Close()
}

var _ io.Writer = (*outFile)(nil)
