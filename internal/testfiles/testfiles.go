// Package testfiles writes the small input files that tests of several
// packages build their cases from (rules and taxonomy overlays, gold
// label files, postings).
package testfiles

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes text to dir/name and returns the path.
func Write(t testing.TB, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
