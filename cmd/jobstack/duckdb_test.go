package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// duckResult is one statement's result from tools/duckdb/query.mjs.
type duckResult struct {
	Columns []string `json:"columns"`
	Types   []string `json:"types"`
	Rows    [][]any  `json:"rows"`
}

// duckdb runs SQL in DuckDB, the reference BI reader: an engine that is not
// ours reads our Parquet files. `make test` installs it; a bare `go test`
// without it skips, except in CI where a missing reader is a failure.
func duckdb(t *testing.T, sql ...string) []duckResult {
	t.Helper()
	root, _ := filepath.Abs("../..")
	script := filepath.Join(root, "tools", "duckdb", "query.mjs")
	if _, err := os.Stat(filepath.Join(root, "tools", "duckdb", "node_modules", "@duckdb", "node-api")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("DuckDB reader not installed (run make deps): %v", err)
		}
		t.Skip("DuckDB reader not installed; run make deps (make test does)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	cmd := exec.Command(node, append([]string{script}, sql...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("duckdb: %v\n%s\nSQL: %q", err, stderr.String(), sql)
	}
	var res []duckResult
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var r duckResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("duckdb output %q: %v", line, err)
		}
		res = append(res, r)
	}
	return res
}

// num reads a DuckDB JSON number or numeric string.
func num(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case string:
		var f float64
		json.Unmarshal([]byte(x), &f)
		return f
	}
	return -1
}
