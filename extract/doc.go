// Package extract turns job postings into structured postings and finds the
// technologies and concepts they mention.
//
// A Reader reads one input (an HTML page, a text file, or a record of a
// JSONL/JSON/CSV file) into a Posting: decoded and normalised text split
// into sections (responsibilities, requirements, preferred, benefits, ...),
// title, company, language, and requirements (years, degree, salary,
// employment type, remote). A Matcher, built once from a Taxonomy, finds
// the taxonomy's entries in a posting with the section each sits in.
//
//	rd := extract.NewReader(extract.Config{})
//	p, err := rd.Parse(extract.Input{Source: "job.html", Format: extract.FormatHTML, Data: page})
//	if err != nil { /* a *Reject: empty, binary, no_text, ... */ }
//	tax, _ := extract.Default()
//	m := extract.NewMatcher(tax) // build once, share between goroutines
//	for _, s := range m.Match(p) {
//		fmt.Println(s.Name, s.Requirement, s.Evidence)
//	}
//
// Records splits a JSONL, JSON or CSV stream into one Input per record.
// Nothing here logs, prints or reads flags.
package extract
