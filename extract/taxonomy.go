package extract

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v4"
)

//go:embed taxonomy.yaml
var defaultTaxonomy []byte

// DefaultTaxonomyYAML returns the embedded taxonomy file, for `jobstack
// taxonomy` to print.
func DefaultTaxonomyYAML() []byte { return bytes.Clone(defaultTaxonomy) }

// Entry is one technology or concept.
type Entry struct {
	ID        string   // stable id: lower-case ASCII
	Name      string   // canonical name, as outputs show it
	Kind      string   // technology or concept
	Category  string   // language, database, cloud_service, ...
	Parent    string   // id of the parent entry (AWS Glue → aws); empty when none
	Aliases   []string // case-insensitive spellings; the name is one unless Exact is set
	Exact     []string // case-sensitive spellings that are also ordinary words
	Ambiguous bool     // Exact forms count only with context
	Cues      []string // words near an ambiguous form that confirm it
	Anti      []string // phrases that refute it ("excel at")
	Prefixes  []string // for a platform: vendor prefixes of its services ("aws", "amazon")
	// InLists are case-insensitive spellings that name the entry only in
	// a list of entries of its own category: "Oracle" in "AWS, Azure,
	// Oracle and Google" is Oracle Cloud (elsewhere Oracle Database), and
	// "Google" there is GCP.
	InLists []string

	File      string // where the entry was defined, for messages
	Line, Col int
}

// Taxonomy is a validated set of entries.
type Taxonomy struct {
	Version string
	Entries []*Entry // sorted by ID
	byID    map[string]*Entry
}

// Lookup returns the entry with the given id.
func (t *Taxonomy) Lookup(id string) (*Entry, bool) {
	e, ok := t.byID[id]
	return e, ok
}

// Resolve finds the entry a name or alias denotes, case-insensitively:
// "Postgres" → PostgreSQL. Eval uses it to read gold labels.
func (t *Taxonomy) Resolve(name string) (*Entry, bool) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, e := range t.Entries {
		if strings.ToLower(e.Name) == key || strings.ToLower(e.ID) == key {
			return e, true
		}
	}
	for _, e := range t.Entries {
		for _, a := range e.Aliases {
			if strings.ToLower(a) == key {
				return e, true
			}
		}
		for _, a := range e.Exact {
			if strings.ToLower(a) == key {
				return e, true
			}
		}
	}
	return nil, false
}

// PosError reports a problem at a position in an input file.
type PosError struct {
	File      string
	Line, Col int
	Err       error
}

func (e *PosError) Error() string {
	if e.Col == 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
}

func (e *PosError) Unwrap() error { return e.Err }

// ValidationError lists every problem found in a file, not just the first.
type ValidationError struct {
	Problems []*PosError
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "\n")
}

// Default returns the built-in taxonomy.
func Default() (*Taxonomy, error) {
	return Parse("taxonomy.yaml", bytes.NewReader(defaultTaxonomy))
}

// Load reads taxonomy files on top of the built-in one, each over the
// result of those before it: a file's entries add to or replace (by id)
// the entries so far, and ids listed under `remove` are dropped. With no
// paths it is Default. Errors name the file and line.
func Load(paths ...string) (*Taxonomy, error) {
	t, err := Default()
	if err != nil {
		return nil, err
	}
	for _, path := range paths {
		if t, err = t.extendFile(path); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (t *Taxonomy) extendFile(path string) (*Taxonomy, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return t.Extend(path, f)
}

// Parse reads and validates a complete taxonomy.
func Parse(name string, r io.Reader) (*Taxonomy, error) {
	doc, err := decodeDoc(name, r)
	if err != nil {
		return nil, err
	}
	if len(doc.problems) > 0 {
		return nil, &ValidationError{Problems: doc.problems}
	}
	return build(doc.version, doc.entries)
}

// Extend returns a new taxonomy: t with the entries of the file r added or
// replaced, and the ids under its `remove` key dropped.
func (t *Taxonomy) Extend(name string, r io.Reader) (*Taxonomy, error) {
	doc, err := decodeDoc(name, r)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*Entry, len(t.Entries))
	for _, e := range t.Entries {
		byID[e.ID] = e
	}
	for _, rm := range doc.remove {
		if _, ok := byID[rm.value]; !ok {
			doc.problems = append(doc.problems, &PosError{name, rm.line, rm.col, fmt.Errorf("remove: no entry with id %q", rm.value)})
		}
		delete(byID, rm.value)
	}
	for _, e := range doc.entries {
		byID[e.ID] = e
	}
	if len(doc.problems) > 0 {
		return nil, &ValidationError{Problems: doc.problems}
	}
	entries := make([]*Entry, 0, len(byID))
	for _, e := range byID {
		entries = append(entries, e)
	}
	version := t.Version + "+" + strings.TrimSuffix(baseName(name), ".yaml")
	if doc.version != "" {
		version = t.Version + "+" + doc.version
	}
	return build(version, entries)
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

type posString struct {
	value     string
	line, col int
}

type taxonomyDoc struct {
	version  string
	entries  []*Entry
	remove   []posString
	problems []*PosError
}

var (
	idPattern      = regexp.MustCompile(`^[a-z0-9][a-z0-9_.+#-]*$`)
	validKinds     = map[string]bool{"technology": true, "concept": true}
	entryKeys      = map[string]bool{"id": true, "name": true, "kind": true, "category": true, "parent": true, "aliases": true, "exact": true, "ambiguous": true, "cues": true, "anti": true, "prefixes": true, "in_lists": true}
	topLevelKeys   = map[string]bool{"version": true, "entries": true, "remove": true}
	errNotMapping  = errors.New("expected a mapping")
	errNotSequence = errors.New("expected a list")
)

func decodeDoc(name string, r io.Reader) (*taxonomyDoc, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	doc := &taxonomyDoc{}
	bad := func(n *yaml.Node, format string, args ...any) {
		doc.problems = append(doc.problems, &PosError{File: name, Line: n.Line, Col: n.Column, Err: fmt.Errorf(format, args...)})
	}
	if len(root.Content) == 0 {
		return nil, &ValidationError{Problems: []*PosError{{File: name, Line: 1, Col: 1, Err: errors.New("empty taxonomy file")}}}
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		bad(top, "%v at the top level", errNotMapping)
		return doc, nil
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "version":
			doc.version = v.Value
		case "entries":
			if v.Kind != yaml.SequenceNode {
				bad(v, "entries: %v", errNotSequence)
				continue
			}
			for _, item := range v.Content {
				if e := decodeEntry(name, item, bad); e != nil {
					doc.entries = append(doc.entries, e)
				}
			}
		case "remove":
			if v.Kind != yaml.SequenceNode {
				bad(v, "remove: %v", errNotSequence)
				continue
			}
			for _, item := range v.Content {
				doc.remove = append(doc.remove, posString{item.Value, item.Line, item.Column})
			}
		default:
			if !topLevelKeys[k.Value] {
				bad(k, "unknown key %q (want version, entries or remove)", k.Value)
			}
		}
	}
	return doc, nil
}

func decodeEntry(file string, n *yaml.Node, bad func(*yaml.Node, string, ...any)) *Entry {
	if n.Kind != yaml.MappingNode {
		bad(n, "entry: %v", errNotMapping)
		return nil
	}
	e := &Entry{File: file, Line: n.Line, Col: n.Column}
	list := func(v *yaml.Node, key string) []string {
		if v.Kind != yaml.SequenceNode {
			bad(v, "%s: %v", key, errNotSequence)
			return nil
		}
		out := make([]string, 0, len(v.Content))
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				bad(item, "%s: expected a string", key)
				continue
			}
			if strings.TrimSpace(item.Value) == "" {
				bad(item, "%s: empty alias", key)
				continue
			}
			out = append(out, strings.TrimSpace(item.Value))
		}
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !entryKeys[k.Value] {
			bad(k, "unknown key %q", k.Value)
			continue
		}
		switch k.Value {
		case "id":
			e.ID = v.Value
		case "name":
			e.Name = strings.TrimSpace(v.Value)
		case "kind":
			e.Kind = v.Value
		case "category":
			e.Category = v.Value
		case "parent":
			e.Parent = v.Value
		case "aliases":
			e.Aliases = list(v, "aliases")
		case "exact":
			e.Exact = list(v, "exact")
		case "cues":
			e.Cues = list(v, "cues")
		case "anti":
			e.Anti = list(v, "anti")
		case "prefixes":
			e.Prefixes = list(v, "prefixes")
		case "in_lists":
			e.InLists = list(v, "in_lists")
		case "ambiguous":
			if v.Value != "true" && v.Value != "false" {
				bad(v, "ambiguous: expected true or false")
			}
			e.Ambiguous = v.Value == "true"
		}
	}
	switch {
	case e.ID == "":
		bad(n, "entry has no id")
	case !idPattern.MatchString(e.ID):
		bad(n, "id %q: want lower-case ASCII letters, digits and _.+#-", e.ID)
	}
	if e.Name == "" {
		bad(n, "entry %q has no name", e.ID)
	}
	if !validKinds[e.Kind] {
		bad(n, "entry %q: kind %q: want technology or concept", e.ID, e.Kind)
	}
	if e.Category == "" {
		bad(n, "entry %q has no category", e.ID)
	}
	return e
}

// build checks the entries as a whole (unique ids and aliases, parents that
// exist) and indexes them.
func build(version string, entries []*Entry) (*Taxonomy, error) {
	sort.Slice(entries, func(i, j int) bool { return entries[i].ID < entries[j].ID })
	var problems []*PosError
	at := func(e *Entry, format string, args ...any) {
		problems = append(problems, &PosError{File: e.File, Line: e.Line, Col: e.Col, Err: fmt.Errorf(format, args...)})
	}
	byID := make(map[string]*Entry, len(entries))
	for _, e := range entries {
		if prev, ok := byID[e.ID]; ok {
			at(e, "duplicate id %q (also at line %d)", e.ID, prev.Line)
			continue
		}
		byID[e.ID] = e
	}
	owner := map[string]*Entry{}
	claim := func(e *Entry, form string) {
		key := strings.ToLower(form)
		if prev, ok := owner[key]; ok && prev != e {
			at(e, "alias %q of %q is also claimed by %q (line %d)", form, e.ID, prev.ID, prev.Line)
			return
		}
		owner[key] = e
	}
	for _, e := range entries {
		if e.Parent != "" {
			if _, ok := byID[e.Parent]; !ok {
				at(e, "entry %q: parent %q does not exist", e.ID, e.Parent)
			} else if e.Parent == e.ID {
				at(e, "entry %q is its own parent", e.ID)
			}
		}
		if len(e.Exact) == 0 {
			claim(e, e.Name)
		}
		for _, a := range e.Aliases {
			claim(e, a)
		}
		for _, a := range e.Exact {
			claim(e, a)
		}
	}
	// A spelling in lists names one entry, and never its own entry's
	// alias: that would be a plain alias.
	listOwner := map[string]*Entry{}
	for _, e := range entries {
		for _, a := range e.InLists {
			key := strings.ToLower(a)
			if prev, ok := listOwner[key]; ok && prev != e {
				at(e, "in_lists %q of %q is also claimed by %q (line %d)", a, e.ID, prev.ID, prev.Line)
				continue
			}
			listOwner[key] = e
			if owner[key] == e {
				at(e, "in_lists %q of %q is already its alias", a, e.ID)
			}
		}
	}
	// Parent chains must end: a → b → a is an error.
	for _, e := range entries {
		seen := map[string]bool{e.ID: true}
		for p := byID[e.Parent]; p != nil; p = byID[p.Parent] {
			if seen[p.ID] {
				at(e, "entry %q: parent chain loops through %q", e.ID, p.ID)
				break
			}
			seen[p.ID] = true
		}
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool {
			if problems[i].File != problems[j].File {
				return problems[i].File < problems[j].File
			}
			return problems[i].Line < problems[j].Line
		})
		return nil, &ValidationError{Problems: problems}
	}
	return &Taxonomy{Version: version, Entries: entries, byID: byID}, nil
}
