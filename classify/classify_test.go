package classify

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/extract"
	"github.com/jobstack/jobstack/internal/testfiles"
)

func defaultClassifier(t testing.TB) *Classifier {
	t.Helper()
	rules, err := DefaultRules()
	return newClassifier(t, rules, err)
}

// newClassifier builds a classifier from rules, failing t on err or on
// rules New rejects.
func newClassifier(t testing.TB, rules *Rules, err error) *Classifier {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(rules)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// posting builds a posting from "heading\nline\n..." text, with sections.
func posting(title, text string) *extract.Posting {
	p, err := extract.NewReader(extract.Config{MinText: 1}).Parse(extract.Input{Source: "t.txt", Format: extract.FormatText, Data: []byte(title + "\n" + text)})
	if err != nil {
		panic(err)
	}
	return p
}

func skill(id, name, category string, req extract.Requirement) extract.Skill {
	kind := "technology"
	if category == "concept" {
		kind = "concept"
	}
	return extract.Skill{ID: id, Name: name, Kind: kind, Category: category, Requirement: req}
}

func TestRole(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	tests := []struct{ title, text, want string }{
		{"[Tech] Data Engineer", "", "data_engineer"},
		{"빅데이터 엔지니어 (경력 3년 이상)", "", "data_engineer"},
		{"데이터 분석가 (신입)", "", "data_analyst"},
		{"Senior Data Scientist", "", "data_scientist"},
		// A data-science leader's title names the field, not "scientist";
		// a team name does not make a data scientist.
		{"Vice President, Data Science", "Lead our machine learning and deep learning work on TensorFlow", "data_scientist"},
		{"SW 엔지니어 - Data Science", "", "software_engineer"},
		{"Data Science Intern- Undergrad", "", "data_scientist"},
		{"VP, Data Science", "Build dashboards with SQL and data analysis for the business", "data_scientist"},
		{"Director Data Science", "", "data_scientist"},
		{"Senior Director Data Science", "Lead deep learning and machine learning work on TensorFlow", "data_scientist"},
		{"Manager - Data Science (Search)", "", "data_scientist"},
		{"Data Science Managers & Senior Managers", "Spark and Hadoop pipelines", "data_scientist"},
		{"Senior Technical Product Manager, Data Science", "", "other"},
		// "Software Engineer - Data" is a data engineer, but a machine
		// learning engineer on a data science team is not.
		{"Machine Learning Engineer - Data Science Team", "", "ml_engineer"},
		// A title that names two jobs is the first one's (LABELLING.md);
		// a field or a software engineer first leaves it to the whole.
		{"Data Scientist/ML Engineer", "", "data_scientist"},
		{"Associate Machine Learning Engineer / Data Scientist May 2020 Undergrad", "", "ml_engineer"},
		{"Data Engineer/Analyst", "", "data_engineer"},
		{"Associate Data Scientist/Computer Scientist", "Spark and Hadoop pipelines", "data_scientist"},
		{"Senior Data Analyst/Scientist", "", "data_analyst"},
		{"Data Scientist, Engineering", "", "data_scientist"},
		{"데이터 엔지니어, 분석가(Data Engineer / Analyst)", "", "data_engineer"},
		{"딥러닝 엔지니어 / 데이터사이언티스트", "", "ml_engineer"},
		{"Senior Software Engineer, Machine Learning", "", "ml_engineer"},
		{"핀트(fint) AI/ML 데이터 리서쳐", "", "data_scientist"},
		{"Research Scientist - Biological Safety", "", "other"},
		{"Manager of Data Science", "", "data_scientist"},
		// A software engineer on a big-data team builds its pipelines.
		{"Software Engineer, Big Data", "", "data_engineer"},
		{"Software Engineer(Full Stack) | AI Lab. AI 연구개발팀", "", "software_engineer"},
		{"Sr. Claim Analyst, Workers' Compensation", "", "other"},
		{"Claims Data Analyst", "", "data_analyst"},
		{"머신러닝 엔지니어", "", "ml_engineer"},
		{"MLOps Engineer", "", "mlops_engineer"},
		{"ML Platform Engineer", "", "mlops_engineer"},
		{"Analytics Engineer", "", "analytics_engineer"},
		{"Backend Developer (Java)", "", "software_engineer"},
		// The job is the title's head; a bracketed data platform is the
		// team or the product, and a bracketed backend is the data
		// engineer's side work.
		{"백엔드 개발자 (빅데이터 플랫폼)", "", "software_engineer"},
		{"Staff Back-end Engineer(EDW/ Data Platform)", "", "software_engineer"},
		{"데이터 엔지니어 (서버 백엔드 개발자)", "", "data_engineer"},
		{"[데이터플랫폼] Backend Engineer", "", "software_engineer"},
		{"데이터 플랫폼 (백엔드", "", "data_engineer"},
		{"DevOps 엔지니어", "", "software_engineer"},
		{"Marketing Manager", "", "other"},
		{"퍼포먼스 마케팅 팀장", "", "other"},
		{"Marketing Data Analyst", "", "data_analyst"},
		// English titles name the roles their Korean ones do: 데이터 모델러,
		// 데이터 분석.
		{"Data Modeler", "", "data_engineer"},
		{"Data Analysis Intern", "", "data_analyst"},
		{"Research Associate - Data Analysis", "", "data_analyst"},
		// Teaching and project management are no engineering role, however
		// technical the duties they speak of.
		{"자바/파이썬 교강사", "주요업무\n- 백엔드 API 서버 개발 실습 지도\n- Spring 프로젝트 배포 실습", "other"},
		{"Lead Enterprise Data Science Instructor", "Teach statistics, predictive modeling and hypothesis testing.", "other"},
		{"Senior IT Project Manager", "Deliver the data warehouse, ETL and Spark batch migration.", "other"},
		{"Technical Program Manager", "Drive the data pipeline, Airflow and Kafka roadmap.", "other"},
		{"", "주요업무\n- 데이터 파이프라인 개발\n- Airflow DAG 운영\n- 데이터 레이크 구축", "data_engineer"},
		{"Software Engineer, Data", "", "data_engineer"},
		{"Associate Engineer (Data Science)", "", "data_scientist"},
		{"데이터프로세싱 엔지니어", "", "data_engineer"},
		{"Data Engineer (BI 및 데이터 마트 개발)", "", "data_engineer"},
		{"Analytics Manager - Data Mart", "", "analytics_engineer"},
		{"Looker 개발자", "", "analytics_engineer"},
		{"[로봇/AI] Visual SLAM Engineer", "", "software_engineer"},
		{"AI 풀스택 개발자", "", "software_engineer"},
		{"인공지능(AI) DataScientist (박사급)", "", "data_scientist"},
		{"생체신호 분야 AI 연구개발자", "", "ml_engineer"},
		{"Scientist, Analytical Development", "Responsibilities\n- Run HPLC assays and write lab reports", "other"},
		{"UX Researcher", "Responsibilities\n- Interview users and run usability studies", "other"},
		{"Senior Scientist", "Responsibilities\n- Statistical modeling and regression\n- Causal inference for marketing", "data_scientist"},
		{"Deep Learning Researcher", "", "data_scientist"},
		{"Machine Learning Scientist", "", "data_scientist"},
		{"Deep Learning Engineer", "", "ml_engineer"},
		{"AI엔지니어(음성 AI 연구개발)", "", "ml_engineer"},
		{"딥러닝 연구원", "", "data_scientist"},
		{"데이터 사이언티스트 / 머신러닝&딥러닝 엔지니어", "", "data_scientist"},
		{"BI 기획", "", "data_analyst"},
		{"Google Cloud Platform Solutions Engineer", "", "other"},
		{"[Tech] Business Intelligence Engineer", "", "analytics_engineer"},
		{"Software Engineer - Data Visualization", "", "software_engineer"},
		{"Senior Data Security Analyst", "", "other"},
		{"[AI반도체] NPU Compiler Engineer", "", "software_engineer"},
		{"[AI Game Studio] Game Client Engineer", "", "software_engineer"},
		{"데이터베이스 관리자 (MSSQL)", "", "software_engineer"},
		{"Payroll Analyst", "", "other"},
		{"Customer Success Scientist", "", "other"},
		{"솔루션 아키텍트 (Pre-Sales)", "", "other"},
		{"[DI팀] 기계학습 Engineer (개인화 및 추천)", "", "ml_engineer"},
		{"빅데이터센터 AI Lab 추천시스템 시니어 연구원", "", "data_scientist"},
		{"S/W 개발 (H/W 구동계 소프트웨어) 연구원", "", "software_engineer"},
		{"ML Engineer / Researcher", "", "ml_engineer"},
		{"[Meissa Planet] AI 리서치 엔지니어(AI Research Engineer)", "", "ml_engineer"},
		{"Senior Software Engineer, Machine Learning", "", "ml_engineer"},
		{"Data 엔지니어 - Junior", "", "data_engineer"},
		{"Cyber Threat Analyst", "", "other"},
		{"멀티모달 프롬프트 엔지니어", "", "other"},
		{"Senior Data Quality Tester", "", "other"},
		{"Computational Chemist/Data Scientist", "", "data_scientist"},
	}
	for _, tt := range tests {
		got := c.Classify(posting(tt.title, tt.text+"\n본문"), nil)
		if got.Role != tt.want {
			t.Errorf("role(%q) = %s, want %s (%q)", tt.title, got.Role, tt.want, got.RoleEvidence)
		}
		if len(got.RoleEvidence) == 0 {
			t.Errorf("role(%q) has no evidence", tt.title)
		}
	}
}

func TestSeniority(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	tests := []struct{ title, text, want string }{
		{"Senior Data Engineer", "", "senior"},
		{"시니어 데이터 엔지니어", "", "senior"},
		{"주니어 데이터 분석가", "", "junior"},
		{"데이터 엔지니어 (신입)", "", "junior"},
		{"데이터 엔지니어 (신입/경력)", "자격요건\n- 경력 3년 이상", "unspecified"},
		{"Data Engineering Lead", "", "lead"},
		{"데이터팀 팀장", "", "lead"},
		{"Staff Data Engineer", "", "lead"},
		{"Principal Data Scientist", "", "lead"},
		{"Data Engineer", "Requirements\n- 5+ years of experience with Spark", "senior"},
		{"Data Engineer", "Requirements\n- 3+ years of experience with Spark", "mid"},
		{"Data Engineer", "Requirements\n- 1+ years of experience with Spark", "junior"},
		{"Data Engineer", "Requirements\n- 8+ years of experience\n- experience leading a team of engineers", "lead"},
		{"Data Engineer", "Requirements\n- Python", "unspecified"},
		{"컴퓨터비전 엔지니어 Mid / Senior", "", "mid"},
		{"Senior~Staff Data Engineer", "", "senior"},
		{"Data Engineer(주니어/시니어)", "", "junior"},
		{"ML Engineer (Junior & Senior)", "", "junior"},
		{"Senior Engineer & Tech Lead", "", "lead"},
		{"Big Data Developer (Jr., Sr., and Lead)", "", "junior"},
		{"스트리밍 서버 Developer (시니어, 주니어)", "", "junior"},
		{"Senior or Lead Data Engineer", "", "senior"},
		{"Senior Data Engineer, Tech Lead", "", "lead"},
		{"Data Engineer(Jr)", "", "junior"},
		{"Data Scientist (Sr)", "", "senior"},
		{"Member of the Technical Staff", "", "unspecified"},
		{"Data Scientist I", "", "junior"},
		{"Data Scientist II", "", "mid"},
		{"Cloud Engineer (3년차+)", "", "mid"},
		{"Senior Manager, Product Data Management / PLM", "", "lead"},
		{"Staff DevOps Engineer", "", "lead"},
		{"Search/Recommendation ML Model Engineer(TL/10년이상)", "", "lead"},
		{"Manager of the Data Science Team", "", "lead"},
		// A title headed by "Manager" names a people manager; a manager of
		// a product or an account is no lead for it.
		{"Manager Revenue Accounting", "", "lead"},
		{"Manager - Data Science (Search)", "Requirements\n- 5+ years of experience with Python", "lead"},
		{"Senior Manager - Credit Investment Operations", "", "lead"},
		{"Product Manager", "", "unspecified"},
		{"Data Product Manager", "", "unspecified"},
		// The level is the most years one requirement asks; years_min
		// stays the lowest.
		{"Data Engineer", "Requirements\n- 5+ years of data engineering experience\n- 2+ years of experience with Airflow", "senior"},
		{"데이터 엔지니어", "자격요건\n• Data Engineer 실무 경력 2년 이상, 총 개발 경력 5년 이상", "senior"},
		{"데이터 사이언티스트", "자격요건\n• 실무 경험 2~3년 이상 있으신 분", "junior"},
	}
	for _, tt := range tests {
		got := c.Classify(posting(tt.title, tt.text+"\n본문"), nil)
		if got.Seniority != tt.want {
			t.Errorf("seniority(%q, %q) = %s, want %s (%q)", tt.title, tt.text, got.Seniority, tt.want, got.SeniorityEvidence)
		}
	}
}

func TestMaturitySignals(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	req, pref := extract.RequirementRequired, extract.RequirementPreferred
	cloud := []extract.Skill{
		skill("amazon_emr", "Amazon EMR", "cloud_service", req), skill("aws_glue", "AWS Glue", "cloud_service", req),
		skill("amazon_kinesis", "Amazon Kinesis", "cloud_service", req), skill("airflow", "Airflow", "orchestration", req),
		skill("aws", "AWS", "cloud_platform", req), skill("kafka", "Kafka", "streaming", pref),
	}
	early := []extract.Skill{skill("python", "Python", "language", req), skill("javascript", "JavaScript", "language", req), skill("sql", "SQL", "language", req)}
	platform := []extract.Skill{skill("hadoop", "Hadoop", "processing", req), skill("hive", "Hive", "processing", req), skill("trino", "Trino", "processing", req), skill("spark", "Spark", "processing", req)}
	tests := []struct {
		name, title, text string
		skills            []extract.Skill
		want              string
	}{
		{"cloud", "Data Engineer", "주요업무\n- 빅데이터 분석을 위한 데이터 파이프라인 개발", cloud, CloudStartup},
		{"early", "Data Engineer", "주요업무\n- 사내 데이터 대시보드 구축\n- 서비스 ETL 개발\n자격요건\n- 백엔드 업무 병행", early, EarlyService},
		{"platform", "Data Engineer", "회사 소개\n데이터플랫폼팀은 수십 PB의 데이터를 멀티테넌트 클러스터에서 운영합니다.\n자격요건\n- 대규모 트래픽 처리", platform, DataPlatform},
		{"not a data role", "Frontend Developer", "자격요건\n- React", nil, Undetermined},
		{"little evidence", "Data Engineer", "자격요건\n- 성실한 분", nil, Undetermined},
		// "At scale" is how any firm speaks of its ambitions, not the very
		// large scale of seed 001; petabytes are.
		{"at scale", "Data Analyst", "Responsibilities\n- Build quantitative narratives and data products that help us deliver care at scale", nil, Undetermined},
		{"petabytes", "Data Analyst", "Responsibilities\n- Query petabytes of event data", nil, DataPlatform},
	}
	for _, tt := range tests {
		res := c.Classify(posting(tt.title, tt.text), tt.skills)
		if res.Maturity != tt.want {
			t.Errorf("%s: maturity = %s, want %s\nscores %v\n%s", tt.name, res.Maturity, tt.want, res.Scores, strings.Join(res.Evidence, "\n"))
		}
		if len(res.Evidence) == 0 {
			t.Errorf("%s: no evidence", tt.name)
		}
		if res.Confidence < 0 || res.Confidence > 1 {
			t.Errorf("%s: confidence %v out of 0..1", tt.name, res.Confidence)
		}
	}
	res := c.Classify(posting("Frontend Developer", "자격요건\n- React"), nil)
	if res.UndeterminedReason != "not_data_role" {
		t.Errorf("undetermined reason = %q, want not_data_role", res.UndeterminedReason)
	}
	res = c.Classify(posting("Data Engineer", "자격요건\n- 성실한 분"), nil)
	if res.UndeterminedReason != "little_evidence" {
		t.Errorf("undetermined reason = %q, want little_evidence", res.UndeterminedReason)
	}
}

// Preferred skills weigh less than required ones.
func TestMaturitySectionWeight(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	p := posting("Data Engineer", "자격요건\n- 경험")
	reqd := c.Classify(p, []extract.Skill{skill("amazon_emr", "Amazon EMR", "cloud_service", extract.RequirementRequired)})
	pref := c.Classify(p, []extract.Skill{skill("amazon_emr", "Amazon EMR", "cloud_service", extract.RequirementPreferred)})
	if !(reqd.Scores[CloudStartup] > pref.Scores[CloudStartup]) {
		t.Errorf("required EMR scores %v, preferred %v; want required higher", reqd.Scores[CloudStartup], pref.Scores[CloudStartup])
	}
}

func TestRulesValidation(t *testing.T) {
	t.Parallel()
	bad := `version: x
colour: red
signals:
  - id: a
    class: big_company
    weight: 1
    phrases: [x]
  - id: a
    class: cloud_startup
    weight: 1
    absent: [nope]
    bogus: 1
  - id: b
    class: cloud_startup
    weight: 1
    phrases: [y]
    blocks: early_service
    languages: [en, jp]
  - id: c
    class: undetermined
    phrases: [z]
    blocks: undetermined
roles:
  - role: wizard
    title: [wizard]
`
	bad = strings.Replace(bad, "    bogus: 1\n", "    bogus: 1\n    reason: why\n", 1)
	_, err := ParseRules("bad.yaml", strings.NewReader(bad))
	var ve *extract.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("ParseRules = %v, want a ValidationError", err)
	}
	msg := err.Error()
	for _, want := range []string{
		`bad.yaml:2:1: unknown key "colour"`,
		`bad.yaml:4:5: signal "a": class "big_company"`,
		`bad.yaml:8:5: duplicate signal id "a"`,
		`bad.yaml:8:5: signal "a" refers to unknown signal "nope"`,
		`bad.yaml:12:5: signal: unknown key "bogus"`,
		`bad.yaml:25:5: role rule: unknown role "wizard"`,
		`bad.yaml:8:5: signal "a": only a veto (class undetermined) has a reason`,
		`bad.yaml:14:5: signal "b": only a veto (class undetermined) blocks a class`,
		`bad.yaml:14:5: signal "b": unknown language "jp": want ko, en or mixed`,
		`bad.yaml:20:5: signal "c": blocks "undetermined": want early_service, cloud_startup or data_platform`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors lack %q:\n%s", want, msg)
		}
	}
}

// TestRulesValidationValues: numbers YAML reads but arithmetic cannot
// use (.nan, .inf, overflowing weights), impossible ranges and empty
// words are refused where they stand. Before, a weight of .nan made every
// confidence NaN and an empty title word panicked the role rules.
func TestRulesValidationValues(t *testing.T) {
	t.Parallel()
	bad := `min_score: .inf
section_weights: {requirements: -1, preferred: .nan}
signals:
  - id: a
    class: cloud_startup
    weight: .nan
    phrases: [x, "", " "]
  - id: b
    class: cloud_startup
    weight: 1e308
    max: -1
    headcount: {min: 500, max: 50}
roles:
  - role: data_engineer
    title: [""]
seniority:
  junior_max: -1
  lead: ["  "]
data_roles: [data_engineer,
  wizard]
`
	_, err := ParseRules("v.yaml", strings.NewReader(bad))
	if err == nil {
		t.Fatal("ParseRules accepted the file")
	}
	msg := err.Error()
	for _, want := range []string{
		`v.yaml:1:12: min_score: .inf: want a number above 0, at most 1000`,
		`v.yaml:2:33: section_weights: requirements: -1: want a number from 0 to 1000`,
		`v.yaml:2:48: section_weights: preferred: .nan: want a number from 0 to 1000`,
		`v.yaml:4:5: signal "a": weight NaN: want a number from -1000 to 1000`,
		`v.yaml:7:18: phrases: empty phrase`,
		`v.yaml:7:22: phrases: empty phrase`,
		`v.yaml:8:5: signal "b": weight 1e+308: want a number from -1000 to 1000`,
		`v.yaml:8:5: signal "b": max and per_line are counts: want 0 or more`,
		`v.yaml:8:5: signal "b": headcount {min: 500, max: 50}: want 0 or more, min not above max (0 is open)`,
		`v.yaml:15:13: title: empty phrase`,
		`v.yaml:17:3: seniority: junior_max and mid_max are years: want 0 or more`,
		`v.yaml:18:10: lead: empty phrase`,
		`v.yaml:20:3: data_roles: unknown role "wizard"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors lack %q:\n%s", want, msg)
		}
	}
	// A negative weight is evidence against a class: allowed, and the
	// confidence stays within [0, 1] when the runner-up is below zero.
	over := "signals:\n"
	for _, sig := range []struct {
		class  string
		weight int
	}{{EarlyService, -5}, {DataPlatform, -5}, {CloudStartup, 3}} {
		over += fmt.Sprintf("  - id: django_%s\n    class: %s\n    describe: x\n    weight: %d\n    phrases: [\"django\"]\n", sig.class, sig.class, sig.weight)
	}
	base, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	r, err := base.extend("o.yaml", strings.NewReader(over))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(r)
	if err != nil {
		t.Fatal(err)
	}
	res := c.Classify(&extract.Posting{Title: "Data Engineer", Text: "Django ETL 개발", Language: "ko"}, nil)
	if res.Maturity != CloudStartup || res.Confidence < 0 || res.Confidence > 1 || res.Scores[EarlyService] >= 0 {
		t.Errorf("with a negative weight: confidence %v, scores %v", res.Confidence, res.Scores)
	}
}

func TestRulesOverride(t *testing.T) {
	t.Parallel()
	base, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	over, err := ParseRules("mine.yaml", strings.NewReader(`version: mine
min_score: 5
signals:
  - id: startup_words
    class: cloud_startup
    weight: 3
    phrases: ["our unicorn"]
`))
	if err != nil {
		t.Fatal(err)
	}
	r := base.merge(over)
	if r.MinScore != 5 || r.Version != base.Version+"+mine" {
		t.Errorf("merged min_score %v, version %q", r.MinScore, r.Version)
	}
	n := 0
	for _, s := range r.Signals {
		if s.ID == "startup_words" {
			n++
			if s.Weight != 3 {
				t.Errorf("startup_words weight = %v, want the override's 3", s.Weight)
			}
		}
	}
	if n != 1 || len(r.Signals) != len(base.Signals) {
		t.Errorf("override replaced %d signals; %d → %d signals", n, len(base.Signals), len(r.Signals))
	}
}

func ExampleClassifier_Classify() {
	rules, _ := DefaultRules()
	clf, _ := New(rules)
	p, _ := extract.NewReader(extract.Config{}).Parse(extract.Input{Source: "p.txt", Format: extract.FormatText,
		Data: []byte("Data Engineer\n담당업무\n- 빅데이터 분석을 위한 데이터 파이프라인 개발\n- Airflow, AWS EMR, Glue 사용")})
	skills := []extract.Skill{
		{ID: "airflow", Name: "Airflow", Kind: "technology", Category: "orchestration", Requirement: extract.RequirementResponsibility},
		{ID: "amazon_emr", Name: "Amazon EMR", Kind: "technology", Category: "cloud_service", Requirement: extract.RequirementResponsibility},
		{ID: "aws_glue", Name: "AWS Glue", Kind: "technology", Category: "cloud_service", Requirement: extract.RequirementResponsibility},
	}
	res := clf.Classify(p, skills)
	fmt.Println(res.Maturity, res.Role)
	fmt.Println(res.Evidence[0])
	// Output:
	// cloud_startup data_engineer
	// cloud_startup +2.20: managed cloud data service: Amazon EMR (responsibility), AWS Glue (responsibility)
}

// A consultancy or staffing post is undetermined (client_work) whatever it
// scores: the company behind the data is the unnamed client.
func TestVetoClientWork(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	cloud := []extract.Skill{
		skill("amazon_emr", "Amazon EMR", "cloud_service", extract.RequirementRequired),
		skill("airflow", "Airflow", "orchestration", extract.RequirementRequired),
	}
	for _, tt := range []struct{ name, company, text string }{
		{"phrase", "", "Responsibilities\n- Our client is a fast-growing retailer building a data lake\n- Build pipelines on client sites"},
		{"company", "Acme Staffing Inc.", "Responsibilities\n- Build data pipelines on AWS"},
		{"korean duties", "", "주요업무\n- 고객사 데이터 분석 및 AI 컨설팅\n- 데이터 파이프라인 구축"},
		{"agency by name", "Harnham US", "Responsibilities\n- Build data pipelines on AWS"},
		{"whole name", "EY", "Responsibilities\n- Build data pipelines on AWS"},
		{"the client's data", "", "Responsibilities\n- Guide the governance of our client's data on AWS"},
		{"a government client", "", "Requirements\n- Meet the requirements set by the government client"},
		{"solutions for clients", "", "About the role\nYou will deliver software solutions to clients as part of our team"},
		{"consultants", "", "About us\nAs digital business consultants, we launch data and AI solutions"},
		{"client is looking for", "", "Job Title: Data Warehouse Analyst\nClient is looking for a data warehouse expert to build pipelines"},
		{"our client, a", "", "About the role\nOur client, a prestigious consulting firm, is seeking a data engineer"},
	} {
		p := posting("Data Engineer", tt.text)
		p.Company = tt.company
		res := c.Classify(p, cloud)
		if res.Maturity != Undetermined || res.UndeterminedReason != "client_work" {
			t.Errorf("%s: maturity %s (%s), want undetermined (client_work)\n%s", tt.name, res.Maturity, res.UndeterminedReason, strings.Join(res.Evidence, "\n"))
			continue
		}
		if !strings.HasPrefix(res.Evidence[0], "undetermined: ") {
			t.Errorf("%s: first evidence %q does not name the veto", tt.name, res.Evidence[0])
		}
	}
	// A firm's own clients are not an unnamed employer.
	res := c.Classify(posting("Data Engineer", "About the role\nImprove our client experience in wealth management\nResponsibilities\n- Build data pipelines"), cloud)
	if res.UndeterminedReason == "client_work" {
		t.Errorf("\"our client experience\" triggered the veto: %v", res.Evidence)
	}
	// "컨설팅" in the company introduction is not consultancy work.
	res = c.Classify(posting("Data Engineer", "회사 소개\n컨설팅으로 시작한 커머스 스타트업입니다.\n주요업무\n- 데이터 파이프라인 구축"), cloud)
	if res.UndeterminedReason == "client_work" {
		t.Errorf("company intro triggered the veto: %v", res.Evidence)
	}
}

// One bracketed list of cloud services is one piece of evidence: at most
// per_line skills from one line count.
func TestPerLine(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	p := posting("Data Engineer", "우대사항\n- AWS 서비스 경험 (EMR, Glue, S3, Redshift, Athena)\n- BigQuery 경험")
	onLine := func(id, name string, line int) extract.Skill {
		s := skill(id, name, "cloud_service", extract.RequirementPreferred)
		s.Line = line
		return s
	}
	skills := []extract.Skill{onLine("amazon_emr", "Amazon EMR", 1), onLine("aws_glue", "AWS Glue", 1), onLine("amazon_s3", "Amazon S3", 1),
		onLine("amazon_redshift", "Amazon Redshift", 1), onLine("amazon_athena", "Amazon Athena", 1)}
	one := c.Classify(p, skills).Scores[CloudStartup]
	two := c.Classify(p, append(skills, onLine("bigquery", "BigQuery", 2))).Scores[CloudStartup]
	managed := c.rules.Signals[c.signalIdx["managed_cloud_data"]]
	if managed.PerLine != 2 {
		t.Fatalf("managed_cloud_data per_line = %d, want 2", managed.PerLine)
	}
	// Five services on one line count as two; a service on another line
	// adds one more.
	if want := 2 * managed.Weight * 0.5; math.Abs(one-want) > 0.01 {
		t.Errorf("five services on one line score %.2f, want %.2f", one, want)
	}
	if want := 3 * managed.Weight * 0.5; math.Abs(two-want) > 0.01 {
		t.Errorf("with a second line: %.2f, want %.2f", two, want)
	}
}

// KPI and spreadsheet work alone does not make a small company an early
// service; product analytics does.
func TestProductAnalyticsGate(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	kpi := []extract.Skill{skill("kpi_metrics", "KPI & Metrics", "concept", extract.RequirementRequired), skill("excel", "Excel", "bi", extract.RequirementRequired)}
	tracking := append(kpi, skill("amplitude", "Amplitude", "product_analytics", extract.RequirementRequired))
	p := posting("Data Analyst", "주요업무\n- 지표 분석")
	p.Headcount = 30
	fired := func(res Result, id string) bool {
		for _, e := range res.Evidence {
			if strings.Contains(e, c.rules.Signals[c.signalIdx[id]].Describe) {
				return true
			}
		}
		return false
	}
	if res := c.Classify(p, kpi); fired(res, "small_company") {
		t.Errorf("KPI and Excel opened small_company:\n%s", strings.Join(res.Evidence, "\n"))
	}
	if res := c.Classify(p, tracking); !fired(res, "small_company") {
		t.Errorf("Amplitude did not open small_company:\n%s", strings.Join(res.Evidence, "\n"))
	}
}

// A signal with roles counts only for postings of those roles: a small
// firm's ML engineering post does not get the small-company points.
func TestSignalRoles(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	skills := []extract.Skill{skill("dashboard", "Dashboard", "concept", extract.RequirementResponsibility)}
	sizePoints := func(title string) bool {
		p := posting(title, "주요업무\n- 사내 대시보드 구축")
		p.Headcount = 20
		for _, e := range c.Classify(p, skills).Evidence {
			if strings.Contains(e, "small company") {
				return true
			}
		}
		return false
	}
	if !sizePoints("데이터 엔지니어") {
		t.Error("a small firm's data engineer did not get the small-company points")
	}
	if sizePoints("머신러닝 엔지니어") {
		t.Error("a small firm's ML engineer got the small-company points")
	}
	// An ML engineer's docker and Kubernetes serve models: ML
	// infrastructure, not the cloud data system seed 004 §2 means. An
	// MLOps engineer's or a data engineer's do count.
	infra := []extract.Skill{
		skill("aws", "AWS", "cloud_platform", extract.RequirementResponsibility),
		skill("docker", "Docker", "devops", extract.RequirementResponsibility), skill("kubernetes", "Kubernetes", "devops", extract.RequirementResponsibility),
	}
	containers := func(title string) bool {
		res := c.Classify(posting(title, "주요업무\n- AWS 위에서 Docker, Kubernetes로 서비스 배포"), infra)
		return slices.ContainsFunc(res.Fired, func(f Fired) bool { return f.Signal == "containers" })
	}
	for title, want := range map[string]bool{"머신러닝 엔지니어": false, "MLOps Engineer": true, "데이터 엔지니어": true} {
		if got := containers(title); got != want {
			t.Errorf("%s on AWS with docker/k8s: containers fired %v, want %v", title, got, want)
		}
	}
	_, err := ParseRules("r.yaml", strings.NewReader("signals:\n  - id: x\n    class: early_service\n    weight: 1\n    phrases: [a]\n    roles: [wizard]\n"))
	if err == nil || !strings.Contains(err.Error(), `r.yaml:2:5: signal "x": unknown role "wizard"`) {
		t.Errorf("unknown role in a signal: %v", err)
	}
}

// An overlay keeps every built-in setting it does not name: without
// min_score it keeps the built-in one, and its seniority words are added
// to the built-in ones.
func TestRulesOverlayKeepsDefaults(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := dir + "/mine.yaml"
	if err := os.WriteFile(path, []byte("version: mine\nseniority:\n  lead: [\"hauptabteilungsleiter\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRules(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.MinScore != base.MinScore || r.Seniority.JuniorMax != base.Seniority.JuniorMax || r.Seniority.MidMax != base.Seniority.MidMax {
		t.Errorf("overlay changed min_score %v -> %v, junior_max %d -> %d, mid_max %d -> %d",
			base.MinScore, r.MinScore, base.Seniority.JuniorMax, r.Seniority.JuniorMax, base.Seniority.MidMax, r.Seniority.MidMax)
	}
	if len(r.Seniority.Lead) != len(base.Seniority.Lead)+1 || len(r.Seniority.Senior) != len(base.Seniority.Senior) {
		t.Errorf("seniority lead words %d -> %d, senior %d -> %d; want one lead word added",
			len(base.Seniority.Lead), len(r.Seniority.Lead), len(base.Seniority.Senior), len(r.Seniority.Senior))
	}
	c, err := New(r)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Classify(posting("Hauptabteilungsleiter Data", "자격요건\n- SQL"), nil).Seniority; got != "lead" {
		t.Errorf("seniority with the overlay's lead word = %s, want lead", got)
	}
}

// An overlay's signal may require or exclude a built-in signal by id, as
// the README's example does; a reference to a signal that exists nowhere
// is still an error at the overlay's line.
func TestRulesOverlayRefersToBuiltin(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string { return testfiles.Write(t, dir, name, text) }
	good := write("good.yaml", "signals:\n  - id: lakehouse_on_airflow\n    class: cloud_startup\n    weight: 0.5\n"+
		"    phrases: [\"lakehouse\"]\n    requires: [airflow]\n    absent: [known_large_company]\n")
	r, err := LoadRules(good)
	if err != nil {
		t.Fatalf("overlay that builds on built-in signals: %v", err)
	}
	c, err := New(r)
	if err != nil {
		t.Fatal(err)
	}
	airflow := []extract.Skill{skill("airflow", "Airflow", "orchestration", extract.RequirementRequired)}
	res := c.Classify(posting("Data Engineer", "주요업무\n- lakehouse 구축\n- Airflow 운영"), airflow)
	if !slices.ContainsFunc(res.Evidence, func(e string) bool { return strings.Contains(e, "lakehouse_on_airflow") }) {
		t.Errorf("the overlay's signal did not fire: %q", res.Evidence)
	}
	bad := write("bad.yaml", "signals:\n  - id: lakehouse_on_airflow\n    class: cloud_startup\n    weight: 0.5\n"+
		"    phrases: [\"lakehouse\"]\n    requires: [airflowz]\n")
	if _, err := LoadRules(bad); err == nil || !strings.Contains(err.Error(), "bad.yaml:2:") || !strings.Contains(err.Error(), `unknown signal "airflowz"`) {
		t.Errorf("LoadRules(unknown reference) = %v, want bad.yaml:2: ... unknown signal \"airflowz\"", err)
	}
}

// Rules files lay over each other in order: a later file replaces an
// earlier file's signal by id and may refer to it, scalars set earlier
// stay unless set again, and an error names the file it is in.
func TestLoadRulesInOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string { return testfiles.Write(t, dir, name, text) }
	a := write("a.yaml", "version: a\nmin_score: 2.5\nsignals:\n  - id: lakehouse\n    class: cloud_startup\n    weight: 0.5\n    phrases: [\"lakehouse\"]\n"+
		"  - id: iceberg\n    class: cloud_startup\n    weight: 0.5\n    phrases: [\"iceberg\"]\n")
	b := write("b.yaml", "version: b\nsignals:\n  - id: lakehouse\n    class: cloud_startup\n    weight: 2\n    phrases: [\"lakehouse\"]\n"+
		"  - id: lakehouse_on_airflow\n    class: cloud_startup\n    weight: 0.25\n    phrases: [\"delta lake\"]\n    requires: [iceberg]\n")
	base, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRules(a, b)
	if err != nil {
		t.Fatalf("LoadRules(a, b): %v", err)
	}
	if want := base.Version + "+a+b"; r.Version != want {
		t.Errorf("version %q, want %q", r.Version, want)
	}
	if r.MinScore != 2.5 {
		t.Errorf("min_score %v, want a.yaml's 2.5 (b.yaml does not set it)", r.MinScore)
	}
	weights := map[string]float64{}
	for _, s := range r.Signals {
		weights[s.ID] = s.Weight
	}
	if len(r.Signals) != len(base.Signals)+3 || weights["lakehouse"] != 2 || weights["iceberg"] != 0.5 || weights["lakehouse_on_airflow"] != 0.25 {
		t.Errorf("%d signals (built-in %d), lakehouse %v, lakehouse_on_airflow %v; want b.yaml's lakehouse, a.yaml's iceberg and one more",
			len(r.Signals), len(base.Signals), weights["lakehouse"], weights["lakehouse_on_airflow"])
	}
	// b.yaml's second signal builds on a.yaml's iceberg: alone, or before
	// it, b.yaml refers to a signal that is not there yet.
	for _, order := range [][]string{{b}, {b, a}} {
		if _, err := LoadRules(order...); err == nil || !strings.Contains(err.Error(), "b.yaml:") || !strings.Contains(err.Error(), `unknown signal "iceberg"`) {
			t.Errorf("LoadRules(%v) = %v, want b.yaml:...: unknown signal \"iceberg\"", order, err)
		}
	}
	if r, err := LoadRules(); err != nil || r.Version != base.Version || len(r.Signals) != len(base.Signals) {
		t.Errorf("LoadRules() = %v, %v; want the built-in rules", r, err)
	}
}

// A signal with only requires and roles fires once when both hold: an
// MLOps post on a cloud data system reads as cloud_startup, the same
// skills in a data scientist's post or an MLOps post without a cloud do
// not get its points.
func TestConditionSignal(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	cloud := []extract.Skill{
		skill("airflow", "Airflow", "orchestration", extract.RequirementPreferred),
		skill("kubernetes", "Kubernetes", "container", extract.RequirementPreferred),
	}
	onPrem := []extract.Skill{skill("kubernetes", "Kubernetes", "container", extract.RequirementPreferred)}
	mlops := func(title string, skills []extract.Skill) (Result, bool) {
		res := c.Classify(posting(title, "주요업무\n- ML 파이프라인 운영"), skills)
		for _, e := range res.Evidence {
			if strings.Contains(e, "MLOps on a cloud data system: role mlops_engineer; with airflow") {
				return res, true
			}
		}
		return res, false
	}
	if res, ok := mlops("MLOps Engineer", cloud); !ok || res.Maturity != CloudStartup {
		t.Errorf("MLOps on Airflow: %s\n%s", res.Maturity, strings.Join(res.Evidence, "\n"))
	}
	if res, ok := mlops("MLOps Engineer", onPrem); ok {
		t.Errorf("MLOps without a cloud signal got the points:\n%s", strings.Join(res.Evidence, "\n"))
	}
	if res, ok := mlops("Data Scientist", cloud); ok {
		t.Errorf("a data scientist got the MLOps points:\n%s", strings.Join(res.Evidence, "\n"))
	}
	_, err := ParseRules("r.yaml", strings.NewReader("signals:\n  - id: x\n    class: early_service\n    weight: 1\n    roles: [data_engineer]\n"))
	if err == nil || !strings.Contains(err.Error(), `r.yaml:2:5: signal "x" matches nothing`) {
		t.Errorf("a signal with roles only: %v", err)
	}
}

// rulesClassifier builds a classifier from a rules file's text alone.
func rulesClassifier(t *testing.T, yaml string) *Classifier {
	t.Helper()
	rules, err := ParseRules("r.yaml", strings.NewReader(yaml))
	return newClassifier(t, rules, err)
}

// Company entries: Latin names as whole words, Korean names inside
// longer ones, "=name" only as the whole name without its legal form.
func TestCompanyNames(t *testing.T) {
	t.Parallel()
	c := rulesClassifier(t, `signals:
  - id: big
    class: data_platform
    weight: 3
    companies: ["=target", "kohl's", "네이버", "intel", "라인", "토스"]
`)
	for company, want := range map[string]bool{
		"Target":                   true,
		"Target Corporation":       true,
		"TARGET, Inc.":             true,
		"Target Marketing Group":   false,
		"Kohl's":                   true,
		"Kohl's Department Stores": true,
		"네이버파이낸셜":                  true,
		"(주)네이버":                   true,
		"비바리퍼블리카(토스)":              true,
		"토스뱅크":                     true,
		"코어라인소프트":                  false,
		"포토스튜디오":                   false,
		"Intel Corporation":        true,
		"Intelletec":               false,
		"Inc.":                     false,
	} {
		p := posting("Data Engineer", "주요업무\n- 데이터 파이프라인 개발")
		p.Company = company
		got := len(c.items(c.rules.Signals[0], p, nil, skillSignals{}, nil, nil)) == 1
		if got != want {
			t.Errorf("company %q matched = %v, want %v", company, got, want)
		}
	}
	for in, want := range map[string]string{"target corporation": "target", "acme, inc.": "acme", "acme co., ltd.": "acme", "first data": "first data", "corp": ""} {
		if got := companyKey(in); got != want {
			t.Errorf("companyKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// An industries signal matches whole words of the industry field, with
// LinkedIn's commas as spaces; the built-in client_work_industry veto
// makes a staffing firm's post undetermined, but not a large firm's.
func TestIndustries(t *testing.T) {
	t.Parallel()
	c := rulesClassifier(t, `signals:
  - id: agency
    class: undetermined
    weight: 1
    industries: ["staffing", "management consulting"]
`)
	for industry, want := range map[string]bool{
		"Staffing & Outsourcing":                                true,
		"Information,Technology,Services,Management,Consulting": true,
		"Consulting":          false,
		"Restaffing Software": false,
		"":                    false,
	} {
		p := posting("Data Engineer", "주요업무\n- 데이터 파이프라인 개발")
		p.Industry = industry
		if got := len(c.items(c.rules.Signals[0], p, nil, skillSignals{}, nil, nil)) == 1; got != want {
			t.Errorf("industry %q matched = %v, want %v", industry, got, want)
		}
	}

	d := defaultClassifier(t)
	skills := []extract.Skill{skill("airflow", "Airflow", "orchestration", extract.RequirementRequired), skill("aws_glue", "AWS Glue", "etl_tool", extract.RequirementRequired)}
	p := posting("Data Engineer", "Responsibilities\n- Build data pipelines on AWS with Airflow and Glue")
	p.Industry = "Staffing & Outsourcing"
	if res := d.Classify(p, skills); res.Maturity != Undetermined || res.UndeterminedReason != "client_work" {
		t.Errorf("staffing firm: %s (%s), want undetermined (client_work)\n%s", res.Maturity, res.UndeterminedReason, strings.Join(res.Evidence, "\n"))
	}
	p.Headcount = 5000
	if res := d.Classify(p, skills); res.UndeterminedReason == "client_work" {
		t.Errorf("a firm of 5,000 filed under staffing was vetoed:\n%s", strings.Join(res.Evidence, "\n"))
	}
}

// At a small firm on a commercial cloud a Hadoop/Spark stack is part of a
// startup's data system still being built (seed 004 §2), and governance
// words do not make the firm a large organisation with a platform (seed
// 001). Without a headcount, at a big firm, or without a cloud, the same
// evidence points to data_platform.
func TestSmallFirmOnCloud(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	req := extract.RequirementRequired
	stack := []extract.Skill{
		skill("hadoop", "Hadoop", "processing", req), skill("spark", "Spark", "processing", req), skill("hive", "Hive", "processing", req),
		skill("data_governance", "Data Governance", "concept", extract.RequirementResponsibility),
	}
	onCloud := append([]extract.Skill{skill("aws", "AWS", "cloud_platform", req)}, stack...)
	classify := func(title string, headcount int, skills []extract.Skill) Result {
		p := posting(title, "주요업무\n- 데이터 파이프라인과 데이터 카탈로그 구축")
		p.Headcount = headcount
		return c.Classify(p, skills)
	}
	tests := []struct {
		name      string
		title     string
		headcount int
		skills    []extract.Skill
		want      string
	}{
		{"small firm on a cloud", "Data Engineer", 28, onCloud, CloudStartup},
		{"headcount unknown", "Data Engineer", 0, onCloud, DataPlatform},
		{"site placeholder for a big firm", "Data Engineer", 1, onCloud, DataPlatform},
		{"not small", "Data Engineer", 400, onCloud, DataPlatform},
		{"small firm without a cloud", "Data Engineer", 28, stack, DataPlatform},
		{"a data scientist's tools", "Data Scientist", 28, onCloud, DataPlatform},
	}
	for _, tt := range tests {
		res := classify(tt.title, tt.headcount, tt.skills)
		if res.Maturity != tt.want {
			t.Errorf("%s: maturity = %s, want %s\nscores %v\n%s", tt.name, res.Maturity, tt.want, res.Scores, strings.Join(res.Evidence, "\n"))
		}
	}
	res := classify("Data Engineer", 28, onCloud)
	if res.Scores[DataPlatform] != 0 {
		t.Errorf("small firm on a cloud: data_platform scores %v, want 0", res.Scores[DataPlatform])
	}
	var moved, dropped bool
	for _, e := range res.Evidence {
		moved = moved || strings.HasPrefix(e, "cloud_startup +2.10: in-house big-data stack (Hadoop ecosystem, query engines), at a small firm on a cloud (headcount 28)")
		dropped = dropped || strings.HasPrefix(e, "data_platform +0.00: governance, catalog, SLAs, not counted at a small firm on a cloud (headcount 28)")
	}
	if !moved || !dropped {
		t.Errorf("small firm on a cloud: evidence does not say what moved (%v) and what was not counted (%v):\n%s", moved, dropped, strings.Join(res.Evidence, "\n"))
	}

	wantRuleErrors(t, `small_firm: nope
signals:
  - id: x
    class: data_platform
    weight: 1
    phrases: [a]
    at_small_firm: big_company
  - id: y
    class: undetermined
    phrases: [b]
    at_small_firm: none
`,
		`r.yaml:1:13: small_firm refers to unknown signal "nope"`,
		`r.yaml:3:5: signal "x": at_small_firm "big_company": want early_service, cloud_startup, data_platform or none`,
		`r.yaml:8:5: signal "y": a veto has no at_small_firm`,
	)
}

// wantRuleErrors checks that parsing the rules file r.yaml reports each
// of the errors wanted.
func wantRuleErrors(t *testing.T, yaml string, want ...string) {
	t.Helper()
	_, err := ParseRules("r.yaml", strings.NewReader(yaml))
	for _, w := range want {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("errors lack %q:\n%v", w, err)
		}
	}
}

// A small firm whose data engineers work on a commercial cloud is seed 004
// §2's startup: that counts for cloud_startup even when the cloud products
// are only preferred. A data scientist's tools, an unstated headcount or a
// big firm do not get the points.
func TestStartupOnCloud(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	skills := []extract.Skill{
		skill("big_data", "Big Data", "concept", extract.RequirementRequired),
		skill("snowflake", "Snowflake", "cloud_service", extract.RequirementPreferred),
	}
	classify := func(title string, headcount int) Result {
		p := posting(title, "주요업무\n- 금융 데이터 전처리와 통합")
		p.Headcount = headcount
		return c.Classify(p, skills)
	}
	tests := []struct {
		title     string
		headcount int
		want      string
	}{
		{"Data Engineer", 71, CloudStartup},
		{"Data Engineer", 0, Undetermined},
		{"Data Engineer", 2, Undetermined},
		{"Data Engineer", 150, Undetermined},
		{"Data Scientist", 71, Undetermined},
	}
	for _, tt := range tests {
		if res := classify(tt.title, tt.headcount); res.Maturity != tt.want {
			t.Errorf("%s at headcount %d: maturity = %s, want %s\n%s", tt.title, tt.headcount, res.Maturity, tt.want, strings.Join(res.Evidence, "\n"))
		}
	}
}

// At a large organisation the managed cloud products that make seed 004
// §2's startup are the platform its data teams run (seed 001): they count
// for data_platform, and the evidence says so.
func TestLargeFirmOnCloud(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	req := extract.RequirementRequired
	skills := []extract.Skill{
		skill("bigquery", "BigQuery", "warehouse", req), skill("airflow", "Airflow", "orchestration", req),
		skill("kafka", "Kafka", "streaming", req),
	}
	classify := func(company string) Result {
		p := posting("Data Engineer", "주요업무\n- 데이터 파이프라인 개발")
		p.Company = company
		return c.Classify(p, skills)
	}
	res := classify("위대한상상(요기요)")
	if res.Maturity != DataPlatform || res.Scores[CloudStartup] != 0 {
		t.Errorf("known large firm: %s, scores %v, want data_platform with nothing for cloud_startup\n%s", res.Maturity, res.Scores, strings.Join(res.Evidence, "\n"))
	}
	found := false
	for _, e := range res.Evidence {
		found = found || strings.HasPrefix(e, "data_platform +1.10: managed cloud data service, at a large organisation: BigQuery (required)")
	}
	if !found {
		t.Errorf("known large firm: evidence does not say the cloud service counted for the large organisation:\n%s", strings.Join(res.Evidence, "\n"))
	}
	if res := classify("작은회사"); res.Maturity != CloudStartup {
		t.Errorf("unknown firm: %s, want cloud_startup\n%s", res.Maturity, strings.Join(res.Evidence, "\n"))
	}
	// A headcount of 1,000 or more is a large organisation too.
	p := posting("Data Engineer", "주요업무\n- 데이터 파이프라인 개발")
	p.Company, p.Headcount = "Some Employer", 1200
	if res := c.Classify(p, skills); res.Maturity != DataPlatform || res.Scores[CloudStartup] != 0 {
		t.Errorf("1,200 staff: %s, scores %v, want data_platform with nothing for cloud_startup\n%s", res.Maturity, res.Scores, strings.Join(res.Evidence, "\n"))
	}
	p.Headcount = 600
	if res := c.Classify(p, skills); res.Maturity != CloudStartup {
		t.Errorf("600 staff: %s, want cloud_startup (a sizable firm's cloud products still count for it)\n%s", res.Maturity, strings.Join(res.Evidence, "\n"))
	}

	wantRuleErrors(t, `large_firm: [nope]
signals:
  - id: x
    class: cloud_startup
    weight: 1
    phrases: [a]
    at_large_firm: big_company
  - id: y
    class: undetermined
    phrases: [b]
    at_large_firm: data_platform
`,
		`r.yaml:1:13: large_firm refers to unknown signal "nope"`,
		`r.yaml:3:5: signal "x": at_large_firm "big_company": want early_service, cloud_startup, data_platform or none`,
		`r.yaml:8:5: signal "y": a veto has no at_large_firm`,
	)
}

// A data scientist's data preparation and model server at a small firm are
// model work and do not make the firm early_service (LABELLING.md); the
// same words in a data engineer's post, or a data scientist's ETL for the
// service, do.
func TestSmallFirmDataScientist(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	req := extract.RequirementRequired
	classify := func(title, duties string, skills ...extract.Skill) Result {
		p := posting(title, "주요업무\n- "+duties)
		p.Headcount = 43
		return c.Classify(p, append(skills, skill("python", "Python", "language", req)))
	}
	tests := []struct {
		name   string
		res    Result
		want   string
		signal string
	}{
		{"data scientist preparing model data", classify("Data Scientist", "DL/ML을 위한 데이터 수집, 정제 및 데이터 가공"), Undetermined, ""},
		{"data scientist serving models", classify("Data Scientist", "딥러닝 모델 최적화 및 서버 개발"), Undetermined, ""},
		{"data engineer processing data", classify("Data Engineer", "서비스 데이터 수집 및 데이터 가공"), EarlyService, "small company"},
		{"data scientist building ETL", classify("Data Scientist", "ETL 파이프라인 구축", skill("etl", "ETL", "concept", extract.RequirementResponsibility)), EarlyService, "small company"},
	}
	for _, tt := range tests {
		if tt.res.Maturity != tt.want {
			t.Errorf("%s: %s, want %s\nscores %v\n%s", tt.name, tt.res.Maturity, tt.want, tt.res.Scores, strings.Join(tt.res.Evidence, "\n"))
			continue
		}
		if tt.signal != "" && !strings.Contains(strings.Join(tt.res.Evidence, "\n"), tt.signal) {
			t.Errorf("%s: evidence lacks %q:\n%s", tt.name, tt.signal, strings.Join(tt.res.Evidence, "\n"))
		}
	}
}

// An analyst's dashboards and KPIs count for early_service, but an analyst
// who queries a cloud warehouse works in a data system already built on
// commercial cloud products (seed 004 §2): warehouse_for_analysts adds
// that share for analysts and data scientists only, and at a large
// organisation it counts for data_platform as managed_cloud_data does.
func TestWarehouseForAnalysts(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	resp, req := extract.RequirementResponsibility, extract.RequirementRequired
	skills := []extract.Skill{
		skill("dashboard", "Dashboard", "concept", resp), skill("kpi_metrics", "KPI & Metrics", "concept", resp),
		skill("sql", "SQL", "query_language", req), skill("bigquery", "BigQuery", "warehouse", req),
	}
	classify := func(title, company string, skills []extract.Skill) Result {
		p := posting(title, "주요업무\n- 서비스 지표 대시보드 구축\n자격요건\n- BigQuery, SQL 활용 경험")
		p.Company = company
		return c.Classify(p, skills)
	}
	fired := func(res Result) (Fired, bool) {
		i := slices.IndexFunc(res.Fired, func(f Fired) bool { return f.Signal == "warehouse_for_analysts" })
		if i < 0 {
			return Fired{}, false
		}
		return res.Fired[i], true
	}
	tests := []struct {
		title, company string
		skills         []extract.Skill
		class          string // where the points go; "" when the signal must not fire
	}{
		{"Data Analyst", "작은회사", skills, CloudStartup},
		{"데이터 사이언티스트", "작은회사", skills, CloudStartup},
		{"Data Analyst", "위대한상상(요기요)", skills, DataPlatform},
		{"데이터 엔지니어", "작은회사", skills, ""},
		{"Data Analyst", "작은회사", skills[:3], ""},
	}
	for _, tt := range tests {
		res := classify(tt.title, tt.company, tt.skills)
		f, ok := fired(res)
		switch {
		case tt.class == "" && ok:
			t.Errorf("%s at %s with %d skills: warehouse_for_analysts fired: %+v", tt.title, tt.company, len(tt.skills), f)
		case tt.class != "" && (!ok || f.Class != tt.class || f.Points != 0.5):
			t.Errorf("%s at %s: warehouse_for_analysts %+v (fired %v), want 0.5 points for %s\n%s", tt.title, tt.company, f, ok, tt.class, strings.Join(res.Evidence, "\n"))
		}
	}
}

// An analyst whose working stack is a cloud warehouse works inside a data
// system built on commercial cloud products: the dashboards and KPIs that
// are the job do not make the firm early_service. A warehouse that is only
// a plus leaves them counting.
func TestWarehouseInWorkingStack(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	resp, req, pref := extract.RequirementResponsibility, extract.RequirementRequired, extract.RequirementPreferred
	analysis := []extract.Skill{
		skill("dashboard", "Dashboard", "concept", resp), skill("kpi_metrics", "KPI & Metrics", "concept", resp),
		skill("ab_testing", "A/B Testing", "concept", resp), skill("sql", "SQL", "query_language", req),
	}
	text := "주요업무\n- 서비스 데이터 분석과 지표 대시보드 구축\n자격요건\n- SQL 활용 경험\n- BigQuery 사용 경험"
	for _, tt := range []struct {
		title string
		level extract.Requirement
		want  string
	}{
		{"Data Analyst", req, CloudStartup},
		{"데이터 사이언티스트", resp, CloudStartup},
		{"Data Analyst", pref, EarlyService},
		{"Data Analyst", extract.RequirementOther, EarlyService},
		// A data engineer's dashboards are weighed as before.
		{"데이터 엔지니어", req, EarlyService},
	} {
		skills := append(slices.Clone(analysis), skill("bigquery", "BigQuery", "warehouse", tt.level))
		res := c.Classify(posting(tt.title, text), skills)
		blocked := slices.ContainsFunc(res.Fired, func(f Fired) bool { return f.Signal == "warehouse_in_working_stack" })
		if res.Maturity != tt.want || blocked != (tt.want == CloudStartup) {
			t.Errorf("%s, BigQuery %s: %s (blocked %v), want %s\n%s", tt.title, tt.level, res.Maturity, blocked, tt.want, strings.Join(res.Evidence, "\n"))
		}
	}
}

// A signal's sections limit its skills to the matching requirement levels.
func TestSignalSectionsSkills(t *testing.T) {
	t.Parallel()
	rules, err := ParseRules("r.yaml", strings.NewReader(`version: r
min_score: 0.5
signals:
  - id: wanted_kafka
    class: cloud_startup
    weight: 1
    skills: [kafka]
    sections: [requirements, responsibilities]
  - id: any_kafka
    class: data_platform
    weight: 0.5
    skills: [kafka]
    sections: [preferred, other]
`))
	c := newClassifier(t, rules, err)
	for _, tt := range []struct {
		level extract.Requirement
		want  string
	}{
		{extract.RequirementRequired, "wanted_kafka"},
		{extract.RequirementResponsibility, "wanted_kafka"},
		{extract.RequirementPreferred, "any_kafka"},
		{extract.RequirementOther, "any_kafka"},
	} {
		res := c.Classify(posting("Data Engineer", "Kafka"), []extract.Skill{skill("kafka", "Kafka", "messaging", tt.level)})
		var got []string
		for _, f := range res.Fired {
			got = append(got, f.Signal)
		}
		if !slices.Equal(got, []string{tt.want}) {
			t.Errorf("Kafka %s: fired %v, want only %s", tt.level, got, tt.want)
		}
	}
}

// A small headcount counts only in Korean postings: on the Korean job sites
// a small firm posts for its own service, while an English posting's size
// is a band (Glassdoor's "1 to 50", "51 to 200") and its small firms are as
// often agencies, contractors and non-profits reporting for others.
func TestSmallFirmLanguage(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	etl := []extract.Skill{skill("etl", "ETL", "concept", extract.RequirementResponsibility), skill("python", "Python", "language", extract.RequirementRequired)}
	for _, tt := range []struct {
		title, text string
		want        bool
	}{
		{"데이터 엔지니어", "주요업무\n- 서비스 데이터 ETL 파이프라인 구축", true},
		{"데이터 사이언티스트", "주요업무\n- 서비스 데이터 ETL 파이프라인 구축", true},
		{"Data Engineer", "Responsibilities\n- Build ETL pipelines for the service data", false},
		{"Data Scientist", "Responsibilities\n- Build ETL pipelines for the service data", false},
	} {
		p := posting(tt.title, tt.text)
		p.Headcount = 43
		res := c.Classify(p, etl)
		got := slices.ContainsFunc(res.Fired, func(f Fired) bool { return f.Signal == "small_company" || f.Signal == "small_company_ds" })
		if got != tt.want {
			t.Errorf("%s (%s), headcount 43: small company fired %v, want %v\n%s", tt.title, p.Language, got, tt.want, strings.Join(res.Evidence, "\n"))
		}
	}
}

// A conditional signal is decided after the conditional signals it refers
// to, wherever they sit in the file; a cycle of conditions does not hang.
func TestSignalOrder(t *testing.T) {
	t.Parallel()
	sig := func(id string, requires, absent []string) *Signal {
		return &Signal{ID: id, Requires: requires, Absent: absent}
	}
	order := signalOrder([]*Signal{
		sig("a", []string{"b"}, nil), // needs b, which is conditional and later
		sig("b", nil, []string{"c"}),
		sig("c", nil, nil),
		sig("d", []string{"e"}, nil), // d and e need each other
		sig("e", []string{"d"}, nil),
	})
	pos := map[int]int{}
	for i, s := range order {
		pos[s] = i
	}
	if len(order) != 5 || len(pos) != 5 {
		t.Fatalf("order %v: want each of 5 signals once", order)
	}
	if !(pos[2] < pos[1] && pos[1] < pos[0]) {
		t.Errorf("order %v: want c before b before a", order)
	}
}

// TestSkillSignalsReference checks the per-posting table of which signals
// name which skills against asking each signal's lists, on random skills,
// for the built-in rules and for more signals, and skills, than one word
// of bits holds.
func TestSkillSignalsReference(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("signals:\n")
	for i := range 70 {
		fmt.Fprintf(&b, "  - id: s%d\n    class: cloud_startup\n    weight: 1\n    skills: [k%d, k%d]\n    categories: [c%d]\n", i, i%7, i%11, i%5)
	}
	for _, c := range []*Classifier{defaultClassifier(t), rulesClassifier(t, b.String())} {
		var ids, cats []string
		for _, s := range c.rules.Signals {
			ids = append(ids, s.Skills...)
			cats = append(cats, s.Categories...)
		}
		ids, cats = append(ids, "none"), append(cats, "none")
		r := rand.New(rand.NewPCG(3, uint64(len(c.rules.Signals))))
		for range 200 {
			skills := make([]extract.Skill, r.IntN(150)) // more than a word of bits too
			for i := range skills {
				skills[i] = extract.Skill{ID: ids[r.IntN(len(ids))], Category: cats[r.IntN(len(cats))]}
			}
			named := c.nameSkills(skills)
			for _, s := range c.rules.Signals {
				var wantList []int
				for i, sk := range skills {
					want := slices.Contains(s.Skills, sk.ID) || slices.Contains(s.Categories, sk.Category)
					if got := named.names(i, s.index); got != want {
						t.Fatalf("signal %s, skill %s/%s: names = %v, want %v", s.ID, sk.ID, sk.Category, got, want)
					}
					if want {
						wantList = append(wantList, i)
					}
				}
				if got := named.named(nil, s.index); !slices.Equal(got, wantList) {
					t.Fatalf("signal %s: named %v, want %v", s.ID, got, wantList)
				}
			}
		}
	}
}

// TestSignedPoints compares the hand-made %+.2f with fmt's.
func TestSignedPoints(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(17, 18))
	values := []float64{0, math.Copysign(0, -1), 0.005, -0.005, 0.015, 1.999, -1.995, 1e21, -1e-9, math.Inf(1), math.Inf(-1), math.NaN()}
	for range 10000 {
		values = append(values, math.Round((r.Float64()-0.5)*2000)/100, (r.Float64()-0.5)*r.Float64()*100)
	}
	for _, v := range values {
		if got, want := signedPoints(v), fmt.Sprintf("%+.2f", v); got != want {
			t.Fatalf("signedPoints(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestItemText compares the hand-made item descriptions with fmt's.
func TestItemText(t *testing.T) {
	t.Parallel()
	p := posting("Data Engineer", "주요업무\n- \"Spark\" 기반 파이프라인 \\ 개발\t"+strings.Repeat("긴 줄 ", 40)+"\n자격요건\n- Python\x01 경험")
	sk := skill("spark", "Apache \"Spark\"", "processing", extract.RequirementPreferred)
	for _, it := range []item{{skill: &sk}, {phrase: "데이터 \"파이프라인\"", sec: extract.SectionResponsibilities, off: 20}, {phrase: "python", sec: extract.SectionRequirements, off: len(p.Text) - 3}, {label: "headcount 12"}} {
		var want string
		switch {
		case it.skill != nil:
			want = fmt.Sprintf("%s (%s)", it.skill.Name, it.skill.Requirement)
		case it.phrase != "":
			want = fmt.Sprintf("%q in %s: %q", it.phrase, it.sec, shortLine(p.Text, it.off))
		default:
			want = it.label
		}
		if got := it.text(p); got != want {
			t.Errorf("item text %q, want %q", got, want)
		}
	}
}

// An analyst's dashboards are the job itself: without the service's own
// data, tracking or ETL they do not say the firm is only starting to use
// data, so "no large volume" does not open on them.
func TestAnalystDashboardsAlone(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	req := extract.RequirementRequired
	base := []extract.Skill{
		skill("dashboard", "Dashboard", "concept", extract.RequirementResponsibility),
		skill("sql", "SQL", "language", req), skill("excel", "Excel", "analytics", req),
	}
	res := c.Classify(posting("Data Analyst", "Responsibilities\n- Build weekly reports and dashboards for the sales team"), base)
	if strings.Contains(strings.Join(res.Evidence, "\n"), "no large-volume") {
		t.Errorf("dashboards alone opened no_large_volume:\n%s", strings.Join(res.Evidence, "\n"))
	}
	if res.Maturity != Undetermined {
		t.Errorf("analyst with dashboards, SQL and Excel: %s, want undetermined\n%s", res.Maturity, strings.Join(res.Evidence, "\n"))
	}
	// The service's own tracking opens no_large_volume. In Korean that is
	// early_service; in English the firm is still unknown
	// (analyst_without_firm) until the posting says something of it.
	tracking := append(base, skill("google_analytics", "Google Analytics", "analytics", req))
	res = c.Classify(posting("데이터 분석가", "주요업무\n- 영업팀을 위한 주간 리포트와 대시보드 구축"), tracking)
	if !strings.Contains(strings.Join(res.Evidence, "\n"), "no large-volume") || res.Maturity != EarlyService {
		t.Errorf("Korean analyst with the service's own tracking: %s, want early_service with no_large_volume\n%s", res.Maturity, strings.Join(res.Evidence, "\n"))
	}
	res = c.Classify(posting("Data Analyst", "Responsibilities\n- Build weekly reports and dashboards for the sales team"), tracking)
	if res.Maturity != Undetermined || res.UndeterminedReason != "little_evidence" ||
		!strings.HasPrefix(res.Evidence[0], "undetermined: not early_service: an analyst's dashboards and metrics") {
		t.Errorf("English analyst with tracking and nothing on the firm: %s (%s), want undetermined (little_evidence) by analyst_without_firm\n%s",
			res.Maturity, res.UndeterminedReason, strings.Join(res.Evidence, "\n"))
	}
	if !slices.ContainsFunc(res.Fired, func(f Fired) bool { return f.Signal == "analyst_without_firm" && f.Class == Undetermined }) {
		t.Errorf("analyst_without_firm is not among the fired signals: %+v", res.Fired)
	}
	res = c.Classify(posting("Data Analyst", "Responsibilities\n- As our first data hire, build weekly reports and dashboards for the sales team"), tracking)
	if res.Maturity != EarlyService {
		t.Errorf("English analyst who is the first data hire: %s, want early_service\n%s", res.Maturity, strings.Join(res.Evidence, "\n"))
	}
}

// "Founding" says the data work starts now only when the hire is a
// founding member; the firm's own founding ("since its founding in 1981")
// says nothing about its data.
func TestFoundingMember(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	fired := func(text string) bool {
		res := c.Classify(posting("Data Scientist", text), nil)
		return slices.ContainsFunc(res.Fired, func(f Fired) bool { return f.Signal == "first_data_hire" })
	}
	for _, text := range []string{
		"About us\nSince its founding in 1981, the firm has become one of the largest steel fabricators.",
		"About the company\nSince our agency's founding we have had a distinct focus on results.",
	} {
		if fired(text) {
			t.Errorf("first_data_hire fired on the firm's founding: %q", text)
		}
	}
	for _, text := range []string{
		"About the role\nWe are looking for the founding member of the Data Science team.",
		"About the role\nAs one of the founding members of a small analytics team, you will set up our reporting.",
	} {
		if !fired(text) {
			t.Errorf("first_data_hire did not fire on a founding member: %q", text)
		}
	}
}

// A veto that blocks a class keeps that class from winning; the best of
// the others wins when it reaches min_score, and the posting is
// undetermined with the veto's reason when none does. A signal with
// languages counts only for postings in them.
func TestBlockingVeto(t *testing.T) {
	t.Parallel()
	c := rulesClassifier(t, `version: t
min_score: 1.6
data_roles: [data_engineer]
roles:
  - {role: data_engineer, title: [data engineer, 데이터 엔지니어]}
signals:
  - {id: alpha, class: early_service, weight: 2.5, phrases: [alpha]}
  - {id: beta, class: cloud_startup, weight: 1.7, phrases: [beta]}
  - {id: gamma, class: undetermined, reason: why_not, blocks: early_service, describe: gamma blocks, phrases: [gamma]}
  - {id: korean_only, class: data_platform, weight: 5, languages: [ko], phrases: [delta]}
`)
	cases := []struct {
		text, want, reason, first string
	}{
		{"alpha beta", EarlyService, "", "early_service +2.50"},
		{"alpha beta gamma", CloudStartup, "", "cloud_startup +1.70"},
		{"alpha gamma", Undetermined, "why_not", "undetermined: not early_service: gamma blocks: \"gamma\""},
		{"beta gamma", CloudStartup, "", "cloud_startup +1.70"},
		{"gamma", Undetermined, "little_evidence", "undetermined: too little evidence"},
		{"alpha delta", EarlyService, "", "early_service +2.50"},
		{"데이터 파이프라인을 개발하고 운영합니다 alpha delta", DataPlatform, "", "data_platform +5.00"},
	}
	for _, tc := range cases {
		p := posting("Data Engineer", "Responsibilities\n- "+tc.text)
		if strings.Contains(tc.text, "데이터") {
			p = posting("데이터 엔지니어", "주요업무\n- "+tc.text)
		}
		res := c.Classify(p, nil)
		if res.Maturity != tc.want || res.UndeterminedReason != tc.reason || len(res.Evidence) == 0 || !strings.HasPrefix(res.Evidence[0], tc.first) {
			t.Errorf("%q: %s (%q), want %s (%q) first %q\n%s", tc.text, res.Maturity, res.UndeterminedReason, tc.want, tc.reason, tc.first, strings.Join(res.Evidence, "\n"))
		}
		if blocked := strings.Contains(strings.Join(res.Evidence, "\n"), "not early_service"); tc.want == CloudStartup && strings.Contains(tc.text, "alpha") != blocked {
			t.Errorf("%q: the block is in the evidence: %v\n%s", tc.text, blocked, strings.Join(res.Evidence, "\n"))
		}
	}
}

// A contractor's listing (a fixed term, corp-to-corp pay) is for an
// unnamed client: undetermined, whatever cloud products it lists.
func TestContractorListing(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	req := extract.RequirementRequired
	skills := []extract.Skill{
		skill("amazon_redshift", "Amazon Redshift", "warehouse", req), skill("airflow", "Airflow", "orchestration", req),
		skill("aws", "AWS", "cloud", req),
	}
	for _, line := range []string{"Duration: 6 months +", "Corp to Corp is fine", "KORE1, a nationwide provider of staffing and recruiting solutions"} {
		res := c.Classify(posting("Data Engineer", "Responsibilities\n- Build pipelines on Redshift\n"+line), skills)
		if res.Maturity != Undetermined || res.UndeterminedReason != "client_work" {
			t.Errorf("%q: %s (%s), want undetermined (client_work)\n%s", line, res.Maturity, res.UndeterminedReason, strings.Join(res.Evidence, "\n"))
		}
	}
	if res := c.Classify(posting("Data Engineer", "Responsibilities\n- Build pipelines on Redshift"), skills); res.Maturity != CloudStartup {
		t.Errorf("without the contract line: %s, want cloud_startup\n%s", res.Maturity, strings.Join(res.Evidence, "\n"))
	}
}

func TestMaskedPhrase(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	skills := []extract.Skill{skill("clickhouse", "ClickHouse", "database", extract.RequirementRequired)}
	const head = "회사 규모: 40명\n자격요건\n- ClickHouse 운영 경험\n"
	in := c.Classify(posting("데이터 엔지니어", head+"- 자체 클라우드 환경에서 업무 경험이 있으신 분"), skills)
	for _, ev := range in.Evidence {
		if strings.Contains(ev, "클라우드 환경") {
			t.Errorf("an in-house cloud counted as cloud words: %s", ev)
		}
	}
	out := c.Classify(posting("데이터 엔지니어", head+"- 퍼블릭 클라우드 환경에서 업무 경험이 있으신 분"), skills)
	if !slices.ContainsFunc(out.Evidence, func(ev string) bool {
		return strings.Contains(ev, "클라우드 환경") || strings.Contains(ev, "퍼블릭 클라우드")
	}) {
		t.Errorf("a public cloud did not count as cloud words:\n%s", strings.Join(out.Evidence, "\n"))
	}
	if in.Scores[CloudStartup] >= out.Scores[CloudStartup] {
		t.Errorf("cloud_startup %.2f with an in-house cloud, %.2f with a public one: want less", in.Scores[CloudStartup], out.Scores[CloudStartup])
	}
}

func TestMaskValidation(t *testing.T) {
	t.Parallel()
	_, err := ParseRules("m.yaml", strings.NewReader("version: x\nmasks: [\"ok\", \" \"]\n"))
	if err == nil || !strings.Contains(err.Error(), "m.yaml:2:15: masks: empty phrase") {
		t.Errorf("ParseRules = %v, want the empty mask named with its line", err)
	}
}

func TestConsultantTitle(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	req := extract.RequirementRequired
	skills := []extract.Skill{
		skill("amazon_redshift", "Amazon Redshift", "warehouse", req), skill("airflow", "Airflow", "orchestration", req),
		skill("aws", "AWS", "cloud", req),
	}
	const text = "Responsibilities\n- Build pipelines on Redshift and Airflow"
	for _, title := range []string{"Data Analyst Consultant, Professional Services", "Data Engineer - Consultant (Charlotte Based)", "데이터 분석 컨설턴트"} {
		res := c.Classify(posting(title, text), skills)
		if res.Maturity != Undetermined || res.UndeterminedReason != "client_work" {
			t.Errorf("%q: %s (%s), want undetermined (client_work)\n%s", title, res.Maturity, res.UndeterminedReason, strings.Join(res.Evidence, "\n"))
		}
	}
	for _, title := range []string{"Data Engineer", "Consulting Data Analyst", "Data Engineer (Consultancy Tools)"} {
		if res := c.Classify(posting(title, text), skills); res.Maturity == Undetermined {
			t.Errorf("%q: undetermined (%s), want a class\n%s", title, res.UndeterminedReason, strings.Join(res.Evidence, "\n"))
		}
	}
	// A large firm's internal consultant is its own data team.
	p := posting("Data Analyst Consultant", text)
	p.Headcount = 5000
	if res := c.Classify(p, skills); res.Maturity == Undetermined {
		t.Errorf("consultant at 5,000 staff: undetermined (%s), want a class", res.UndeterminedReason)
	}
}

// names reports whether signal s names skill i.
func (n skillSignals) names(i, s int) bool {
	return n.bits[s*n.words+i>>6]&(1<<(i&63)) != 0
}

// Result.Fired lists the signals as they counted (after a small-firm
// move, with vetoes), and Without takes a signal out together with what
// depends on it.
func TestFiredAndWithout(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	req := extract.RequirementRequired
	skills := []extract.Skill{
		skill("aws", "AWS", "cloud_platform", req), skill("hadoop", "Hadoop", "processing", req), skill("spark", "Spark", "processing", req),
	}
	p := posting("Data Engineer", "주요업무\n- 데이터 파이프라인 구축")
	p.Headcount = 28
	firedAs := func(res Result, id string) (Fired, bool) {
		for _, f := range res.Fired {
			if f.Signal == id {
				return f, true
			}
		}
		return Fired{}, false
	}
	res := c.Classify(p, skills)
	if f, ok := firedAs(res, "onprem_big_data"); !ok || f.Class != CloudStartup || f.Points <= 0 {
		t.Errorf("onprem_big_data at a small firm on a cloud: %+v (fired %v), want its points for cloud_startup\n%v", f, ok, res.Fired)
	}
	if _, ok := firedAs(res, "startup_on_cloud"); !ok {
		t.Fatalf("startup_on_cloud did not fire: %v", res.Fired)
	}
	var sum float64
	for _, f := range res.Fired {
		if f.Class == CloudStartup {
			sum += f.Points
		}
	}
	if math.Abs(sum-res.Scores[CloudStartup]) > 0.011 {
		t.Errorf("cloud_startup: fired points add to %.2f, score is %.2f", sum, res.Scores[CloudStartup])
	}

	// Without the cloud platform, startup_on_cloud (which requires it)
	// cannot fire, so the Hadoop stack is the platform's again.
	w, err := c.Without("cloud_platform")
	if err != nil {
		t.Fatal(err)
	}
	res = w.Classify(p, skills)
	if _, ok := firedAs(res, "cloud_platform"); ok {
		t.Errorf("cloud_platform fired on the classifier without it: %v", res.Fired)
	}
	if _, ok := firedAs(res, "startup_on_cloud"); ok {
		t.Errorf("startup_on_cloud fired without the cloud_platform it requires: %v", res.Fired)
	}
	if f, ok := firedAs(res, "onprem_big_data"); !ok || f.Class != DataPlatform {
		t.Errorf("onprem_big_data without a cloud: %+v (fired %v), want data_platform", f, ok)
	}
	// The original is unchanged.
	if res := c.Classify(p, skills); res.Maturity != CloudStartup {
		t.Errorf("Without changed its receiver: %s\n%v", res.Maturity, res.Fired)
	}

	// A veto fires as undetermined with no points.
	p = posting("Data Engineer", "Responsibilities\n- Build pipelines on AWS for our client sites")
	res = c.Classify(p, skills)
	if f, ok := firedAs(res, "client_work"); !ok || f.Class != Undetermined || f.Points != 0 {
		t.Errorf("client_work veto: %+v (fired %v), want undetermined with no points\n%v", f, ok, res.Fired)
	}
	if _, err := c.Without("no_such_signal"); err == nil || !strings.Contains(err.Error(), `"no_such_signal"`) {
		t.Errorf("Without(no_such_signal): err %v, want one naming the signal", err)
	}
}

func TestQuote(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "Kafka 경험", `say "hi"`, `a\b`, "tab\there", "데이터 엔지니어링 (우대)",
		"ㄱ자모", "é accent", "\x00", "\xff broken", "\xea\xb0", "끝\xea", "emoji 🚀", "\u00a0nbsp", "line\nbreak", "\x7f",
	} {
		if got, want := quote(s), strconv.Quote(s); got != want {
			t.Errorf("quote(%q) = %s, want %s", s, got, want)
		}
	}
}
