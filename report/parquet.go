package report

import (
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// PostingRow is one row of postings.parquet. The first columns are the
// contract in PRODUCT.md; the rest are extras BI users asked for.
type PostingRow struct {
	PostingID          string   `parquet:"posting_id"`
	Source             string   `parquet:"source"`
	Title              string   `parquet:"title"`
	Company            string   `parquet:"company,dict"`
	Language           string   `parquet:"language,dict"`
	Maturity           string   `parquet:"maturity,dict"`
	MaturityConfidence float64  `parquet:"maturity_confidence"`
	MaturityEvidence   []string `parquet:"maturity_evidence,list"`
	Role               string   `parquet:"role,dict"`
	Seniority          string   `parquet:"seniority,dict"`
	YearsMin           *int32   `parquet:"years_min,optional"`
	DegreeMin          string   `parquet:"degree_min,dict"`
	Skills             []string `parquet:"skills,list"`
	RequiredSkills     []string `parquet:"required_skills,list"`
	PreferredSkills    []string `parquet:"preferred_skills,list"`

	Concepts           []string `parquet:"concepts,list"`
	UndeterminedReason string   `parquet:"undetermined_reason,dict"`
	RoleEvidence       []string `parquet:"role_evidence,list"`
	SeniorityEvidence  []string `parquet:"seniority_evidence,list"`
	DEFocus            string   `parquet:"de_focus,dict"`
	YearsMax           *int32   `parquet:"years_max,optional"`
	DegreeFlexible     bool     `parquet:"degree_flexible"`
	EmploymentType     string   `parquet:"employment_type,dict"`
	Remote             string   `parquet:"remote,dict"`
	Location           string   `parquet:"location,dict"`
	SalaryMin          *float64 `parquet:"salary_min,optional"`
	SalaryMax          *float64 `parquet:"salary_max,optional"`
	SalaryCurrency     string   `parquet:"salary_currency,dict"`
	SalaryPeriod       string   `parquet:"salary_period,dict"`
	SalaryText         string   `parquet:"salary_text"`
	DatePosted         string   `parquet:"date_posted"`
	ValidThrough       string   `parquet:"valid_through"`
	Headcount          *int32   `parquet:"headcount,optional"`
	HeadcountMax       *int32   `parquet:"headcount_max,optional"`
	Industry           string   `parquet:"industry,dict"`
	URL                string   `parquet:"url"`
	Format             string   `parquet:"format,dict"`
	Encoding           string   `parquet:"encoding,dict"`
	EncodingRepaired   bool     `parquet:"encoding_repaired"`
	HasRequirements    bool     `parquet:"has_requirements_section"`
	SiteTags           []string `parquet:"site_tags,list"`
	TextChars          int32    `parquet:"text_chars"`
	DuplicateCount     int32    `parquet:"duplicate_count"`
	DuplicateSources   []string `parquet:"duplicate_sources,list"`
}

// SkillRow is one row of skills.parquet: a (posting, skill) pair.
type SkillRow struct {
	PostingID   string `parquet:"posting_id"`
	Skill       string `parquet:"skill,dict"`
	Kind        string `parquet:"kind,dict"`
	Category    string `parquet:"category,dict"`
	Requirement string `parquet:"requirement,dict"`
	Mentions    int32  `parquet:"mentions"`
	Evidence    string `parquet:"evidence"`

	SkillID  string `parquet:"skill_id,dict"`
	Parent   string `parquet:"parent,dict"`
	Offset   int32  `parquet:"offset"`
	Maturity string `parquet:"maturity,dict"`
	Role     string `parquet:"role,dict"`
	// RequirementEvidence is the line of the later mention that raised
	// Requirement, null when the first mention, Evidence, set it: that is
	// nine rows in ten of real postings, and a full copy of the evidence
	// column made skills.parquet half as large again.
	RequirementEvidence *string `parquet:"requirement_evidence,optional"`
}

// Columns with few distinct values (labels, kinds, companies) are
// dictionary-encoded: skills.parquet is a third smaller for it, at no
// cost in time.

// Row groups are bounded in rows, so the rows a writer buffers do not
// grow with the number of postings. A writer also keeps every row
// group's column metadata for the footer: with a generated record's 36
// skills, skills.parquet in groups of 8,192 rows had 892 row groups for
// 200,000 records and held 33 MB of that metadata at a million. Skill
// rows are small (about 150 bytes before compression), so their groups
// are eight times longer.
const (
	PostingRowGroupRows = 8192
	SkillRowGroupRows   = 65536
)

// Writer streams rows of type T to a Parquet file in bounded row groups,
// zstd-compressed at its fastest level. The default level made the files
// about 13% smaller for twice the compression time, and compression runs
// on the one goroutine that writes, which all workers wait on: on
// generated pages it was a fifth of that goroutine's work. Page headers
// carry no min/max: the column index and the row-group statistics, which
// DuckDB and Spark prune on, already hold them, and computing the bounds a
// second time per page was a quarter of writing skills.parquet.
type Writer[T any] struct {
	w    *parquet.GenericWriter[T]
	n    int
	rows int
}

// NewWriter returns a Parquet writer for rows of type T in row groups of
// rowGroupRows. version goes into the file's created_by, so the same
// inputs and version give the same bytes.
func NewWriter[T any](out io.Writer, version string, rowGroupRows int) *Writer[T] {
	return &Writer[T]{rows: rowGroupRows, w: parquet.NewGenericWriter[T](out,
		parquet.Compression(pageCodec),
		parquet.MaxRowsPerRowGroup(int64(rowGroupRows)),
		parquet.DataPageStatistics(false),
		parquet.CreatedBy("jobstack", version, ""),
	)}
}

// Write adds rows; a full row group is flushed to the file.
func (w *Writer[T]) Write(rows ...T) error {
	if _, err := w.w.Write(rows); err != nil {
		return err
	}
	w.n += len(rows)
	if w.n >= w.rows {
		w.n = 0
		return w.w.Flush()
	}
	return nil
}

// pageCodec compresses the pages of every file a run writes.
var pageCodec = &zstdCodec{}

// zstdCodec is zstd at its fastest level with a 1 MiB window. parquet-go's
// own codec uses the library's 8 MiB window, for which each encoder holds
// a 16 MiB history, although a page is at most about 256 KiB and finds
// no matches further back. Its encoders also sit in a sync.Pool, which
// every garbage collection empties, so a long run near its memory limit
// made them again and again. Here they stay on a free list: one for each
// file written at the same time.
type zstdCodec struct {
	mu   sync.Mutex
	free []*zstd.Encoder
}

func (c *zstdCodec) String() string { return "ZSTD" }

func (c *zstdCodec) CompressionCodec() format.CompressionCodec { return format.Zstd }

func (c *zstdCodec) Encode(dst, src []byte) ([]byte, error) {
	c.mu.Lock()
	var e *zstd.Encoder
	if n := len(c.free); n > 0 {
		e, c.free = c.free[n-1], c.free[:n-1]
	}
	c.mu.Unlock()
	if e == nil {
		var err error
		e, err = zstd.NewWriter(nil,
			zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithWindowSize(1<<20),
			zstd.WithEncoderConcurrency(1),
			zstd.WithZeroFrames(true),
			zstd.WithEncoderCRC(false),
		)
		if err != nil {
			return dst, err
		}
	}
	out := e.EncodeAll(src, dst[:0])
	c.mu.Lock()
	c.free = append(c.free, e)
	c.mu.Unlock()
	return out, nil
}

// Decode is not used by the writers; it is here for the interface.
func (c *zstdCodec) Decode(dst, src []byte) ([]byte, error) {
	d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return dst, err
	}
	defer d.Close()
	return d.DecodeAll(src, dst[:0])
}

// Close writes the last row group and the footer.
func (w *Writer[T]) Close() error { return w.w.Close() }
