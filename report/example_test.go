package report_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/jobstack/jobstack/report"
)

func ExampleWriteMarkdown() {
	st := report.NewStats()
	years := int32(3)
	st.Add(&report.PostingRow{Source: "a.html", Title: "Data Engineer", Language: "ko", Maturity: "cloud_startup",
		Role: "data_engineer", Seniority: "mid", DegreeMin: "bachelor", YearsMin: &years},
		[]report.SkillRow{{Skill: "Airflow", Kind: "technology", Requirement: "required"}}, nil)
	var out bytes.Buffer
	report.WriteMarkdown(&out, st, report.RunInfo{Version: "dev", Inputs: 1, Postings: 1})
	for _, line := range strings.Split(out.String(), "\n") {
		// The maturity table, the overall top technologies, and the
		// top technologies of the cloud_startup class.
		if strings.HasPrefix(line, "| cloud_startup |") || strings.HasPrefix(line, "| 1 | Airflow |") {
			fmt.Println(line)
		}
	}
	// Output:
	// | cloud_startup | 1 | 100% |
	// | 1 | Airflow | 1 | 100% | 100% | 0% | 0% |
	// | 1 | Airflow | 1 | 100% |
}
