// Package report writes jobstack's outputs: Parquet rows streamed in
// bounded row groups (Writer), run statistics aggregated as counts (Stats),
// and the human report as markdown (WriteMarkdown) and as one
// self-contained HTML page (WriteHTML).
//
//	w := report.NewWriter[report.SkillRow](file, version, report.SkillRowGroupRows)
//	w.Write(rows...)
//	w.Close()
//
//	st := report.NewStats()
//	st.Add(&row, skillRows, newTerms) // once per unique posting, in output order
//	report.WriteMarkdown(out, st, report.RunInfo{...})
package report
