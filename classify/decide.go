package classify

import "math"

// Decide makes the maturity decision of r, a Result of this classifier,
// again with each signal's points times factor[i] (i its index in
// Rules().Signals; nil for all 1) and minScore in place of the rules' own.
// It is what Classify decides with those weights, up to the rounding of
// each signal's points to hundredths, without reading the posting again:
// a weight changes a signal's points, not whether it fires, so the
// conditions on other signals hold as they did. jobstack eval --fit
// searches weights with it.
func (c *Classifier) Decide(r *Result, factor []float64, minScore float64) string {
	if r.UndeterminedReason == "not_data_role" {
		return Undetermined
	}
	var blocked [3]bool // by index in Classes
	var scores [3]float64
	for _, f := range r.Fired {
		i, ok := c.signalIdx[f.Signal]
		if !ok {
			continue
		}
		if f.Class == Undetermined {
			k := classIndex(c.rules.Signals[i].Blocks)
			if k < 0 {
				return Undetermined // a veto
			}
			blocked[k] = true
			continue
		}
		p := f.Points
		if factor != nil {
			p = math.Round(p*factor[i]*100) / 100
		}
		if k := classIndex(f.Class); k >= 0 {
			scores[k] += p
		}
	}
	// As maturity: the best class that is not blocked, the first in
	// Classes on a tie, if it reaches minScore.
	best := -1
	for k := range Classes {
		scores[k] = math.Round(scores[k]*100) / 100
		if !blocked[k] && (best < 0 || scores[k] > scores[best]) {
			best = k
		}
	}
	if best < 0 || scores[best] < minScore {
		return Undetermined
	}
	return Classes[best]
}

// classIndex is a class's index in Classes, or -1.
func classIndex(class string) int {
	for k, c := range Classes {
		if c == class {
			return k
		}
	}
	return -1
}

// WithWeights returns a copy of r with the weights of the signals named in
// weights, and min_score when minScore is above 0, replaced; r is not
// changed. Build a Classifier from it with New.
func (r *Rules) WithWeights(weights map[string]float64, minScore float64) *Rules {
	out := *r
	out.Signals = make([]*Signal, len(r.Signals))
	for i, s := range r.Signals {
		cp := *s
		if w, ok := weights[s.ID]; ok {
			cp.Weight = w
		}
		out.Signals[i] = &cp
	}
	if minScore > 0 {
		out.MinScore = minScore
	}
	return &out
}
