// Package classify labels a posting: the data maturity of the company
// behind it (early_service, cloud_startup, data_platform or undetermined,
// after seed 004), the role (seeds 000–002) and the seniority (seed 003),
// each with the evidence that decided it.
//
// Rules live in an embedded YAML file (DefaultRules) that a user file can
// extend or override (LoadRules); both are validated with file:line:col
// positions. A Classifier is compiled once and is safe for concurrent use:
//
//	rules, err := classify.DefaultRules()
//	clf, err := classify.New(rules)
//	res := clf.Classify(posting, skills) // cannot fail
//	fmt.Println(res.Maturity, res.Confidence, res.Evidence)
package classify
