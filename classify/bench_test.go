package classify

import (
	"math/rand/v2"
	"testing"

	"github.com/jobstack/jobstack/extract"
	"github.com/jobstack/jobstack/internal/benchgen"
)

// BenchmarkClassify measures labelling (role, seniority, maturity with
// evidence) of make bench's generated text postings, parsed and matched
// beforehand.
func BenchmarkClassify(b *testing.B) {
	tax, err := extract.Default()
	if err != nil {
		b.Fatal(err)
	}
	m := extract.NewMatcher(tax)
	rd := extract.NewReader(extract.Config{})
	c := defaultClassifier(b)
	r := rand.New(rand.NewPCG(1, 100))
	type in struct {
		p      *extract.Posting
		skills []extract.Skill
	}
	var ins []in
	var n int64
	for i := range 100 {
		p, err := rd.Parse(extract.Input{Source: "b.txt", Format: extract.FormatText, Data: benchgen.Text(r, i)})
		if err != nil {
			b.Fatal(err)
		}
		ins = append(ins, in{p, m.Match(p)})
		n += int64(len(p.Text))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, x := range ins {
			c.Classify(x.p, x.skills)
		}
	}
}
