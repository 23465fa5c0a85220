package extract_test

import (
	"fmt"

	"github.com/jobstack/jobstack/extract"
)

func ExampleReader_Parse() {
	page := `<html><head><title>데이터 엔지니어 | 원티드</title></head><body>
<nav>채용 홈</nav><main><h1>데이터 엔지니어</h1>
<h3>자격요건</h3><ul><li>경력 3년 이상</li><li>Python과 SQL에 능숙하신 분</li></ul>
<h3>우대사항</h3><ul><li>Airflow, AWS EMR 운영 경험</li></ul></main></body></html>`
	p, err := extract.NewReader(extract.Config{}).Parse(extract.Input{Source: "job.html", Format: extract.FormatHTML, Data: []byte(page)})
	if err != nil {
		fmt.Println(err)
		return
	}
	tax, _ := extract.Default()
	m := extract.NewMatcher(tax)
	fmt.Println(p.Title, p.Language, p.Requirements.YearsMin)
	for _, s := range m.Match(p) {
		if s.Kind == "technology" {
			fmt.Println(s.Name, s.Requirement)
		}
	}
	// Output:
	// 데이터 엔지니어 ko 3
	// Python required
	// SQL required
	// Airflow preferred
	// Amazon EMR preferred
	// AWS preferred
}
