package report

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/jobstack/jobstack/classify"
	"github.com/jobstack/jobstack/extract"
)

func TestPairCounter(t *testing.T) {
	c := NewPairCounter()
	c.AddAll([]string{"Airflow", "Spark", "dbt"})
	c.AddAll([]string{"Airflow", "Spark"})
	c.AddAll([]string{"Kafka"})
	if c.Len() != 3 {
		t.Errorf("Len = %d, want 3", c.Len())
	}
	got := c.Top(2)
	want := []KV{{"Airflow + Spark", 2}, {"Airflow + dbt", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Top(2) = %v, want %v", got, want)
	}
}

// TestPairCounterManyNames checks the counter against a plain map of
// "A + B" keys over more names than the dense triangle holds, so pairs
// land in both the triangle and the map.
func TestPairCounterManyNames(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	c := NewPairCounter()
	want := Counter{}
	for range 400 {
		seen := map[string]bool{}
		var names []string
		for range 2 + r.IntN(30) {
			n := fmt.Sprintf("tech%04d", r.IntN(3*denseIDs/2))
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
		names = append(names, names[0]) // a repeat makes no pair
		c.AddAll(names)
		sort.Strings(names)
		for i, a := range names {
			for _, b := range names[i+1:] {
				if a != b {
					want[a+" + "+b]++
				}
			}
		}
	}
	if c.Len() != len(want) {
		t.Errorf("Len = %d, want %d", c.Len(), len(want))
	}
	if len(c.counts) == 0 || c.n == len(c.counts) {
		t.Fatalf("want pairs in both the triangle and the map; map has %d of %d", len(c.counts), c.n)
	}
	if got := c.Top(0); !reflect.DeepEqual(got, want.Top(0)) {
		t.Errorf("Top(0) differs from the plain count: %d against %d pairs", len(got), len(want))
	}
}

// The reports list every value the labels take, in the labels' order: a
// class, seniority or degree added upstream and missing here would be
// counted and never shown.
func TestReportOrdersMatchLabels(t *testing.T) {
	t.Parallel()
	if want := append(slices.Clone(classify.Classes), classify.Undetermined); !slices.Equal(classOrder, want) {
		t.Errorf("classOrder %v, want %v", classOrder, want)
	}
	if !slices.Equal(seniorityOrder, classify.Seniorities) {
		t.Errorf("seniorityOrder %v, want %v", seniorityOrder, classify.Seniorities)
	}
	var degrees []string
	for d := extract.DegreeNone; d <= extract.DegreePhD; d++ {
		degrees = append(degrees, d.String())
	}
	if degrees = append(degrees, extract.DegreeUnspecified.String()); !slices.Equal(degreeOrder, degrees) {
		t.Errorf("degreeOrder %v, want %v", degreeOrder, degrees)
	}
	// Every bucket Add puts a years_min in is listed.
	s := NewStats()
	for y := range int32(40) {
		s.Add(&PostingRow{YearsMin: &y}, nil, nil)
	}
	s.Add(&PostingRow{}, nil, nil)
	if len(s.Years) != 12 {
		t.Errorf("years buckets %v, want 12", s.Years)
	}
	for k := range s.Years {
		if !slices.Contains(yearsOrder, k) {
			t.Errorf("years bucket %q is not in yearsOrder %v", k, yearsOrder)
		}
	}
}
