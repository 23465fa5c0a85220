package report

import (
	"reflect"
	"testing"
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
