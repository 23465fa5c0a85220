package extract

import (
	"errors"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/internal/testfiles"
)

// testTaxonomy is small and written for the boundary and ambiguity rules,
// so these tests do not move when the embedded taxonomy grows.
const testTaxonomy = `
version: test
entries:
  - {id: python, name: Python, kind: technology, category: language, aliases: [python3, 파이썬]}
  - {id: java, name: Java, kind: technology, category: language, aliases: [자바]}
  - {id: javascript, name: JavaScript, kind: technology, category: language, aliases: [javascript, js, 자바스크립트]}
  - {id: go, name: Go, kind: technology, category: language, aliases: [golang, go언어], exact: [Go], ambiguous: true, cues: [goroutine]}
  - {id: r, name: R, kind: technology, category: language, exact: [R], ambiguous: true, cues: [rstudio, "in r"]}
  - {id: c, name: C, kind: technology, category: language, exact: [C], ambiguous: true}
  - {id: cpp, name: C++, kind: technology, category: language, aliases: [cpp]}
  - {id: django, name: Django, kind: technology, category: framework, aliases: [장고]}
  - {id: mongodb, name: MongoDB, kind: technology, category: database, aliases: [mongo, 몽고db]}
  - {id: spark, name: Spark, kind: technology, category: processing, aliases: [apache spark, 스파크]}
  - {id: spark_streaming, name: Spark Streaming, kind: technology, category: streaming, parent: spark}
  - {id: pyspark, name: PySpark, kind: technology, category: processing, parent: spark}
  - {id: airflow, name: Airflow, kind: technology, category: orchestration, aliases: [apache airflow, 에어플로우]}
  - {id: kafka, name: Kafka, kind: technology, category: streaming, aliases: [카프카]}
  - {id: kubernetes, name: Kubernetes, kind: technology, category: container, aliases: [k8s, 쿠버네티스]}
  - {id: sql, name: SQL, kind: technology, category: language}
  - {id: excel, name: Excel, kind: technology, category: bi, aliases: [ms excel, 엑셀], exact: [Excel], ambiguous: true, anti: [excel at, excel in]}
  - {id: git, name: Git, kind: technology, category: vcs, aliases: [깃]}
  - {id: github, name: GitHub, kind: technology, category: vcs, aliases: [깃허브]}
  - {id: aws, name: AWS, kind: technology, category: cloud_platform, aliases: [amazon web services], prefixes: [amazon]}
  - {id: aws_glue, name: AWS Glue, kind: technology, category: cloud_service, parent: aws, exact: [Glue], aliases: [aws glue], ambiguous: true, cues: [etl, crawler]}
  - {id: amazon_redshift, name: Amazon Redshift, kind: technology, category: warehouse, parent: aws, aliases: [redshift, 레드시프트]}
  - {id: gcp, name: GCP, kind: technology, category: cloud_platform, aliases: [google cloud]}
  - {id: bigquery, name: BigQuery, kind: technology, category: warehouse, parent: gcp, aliases: [gcp bigquery, 빅쿼리]}
  - {id: spring, name: Spring, kind: technology, category: framework, aliases: [스프링], exact: [Spring]}
  - {id: nodejs, name: Node.js, kind: technology, category: framework, aliases: [nodejs, node js]}
  - {id: etl, name: ETL, kind: concept, category: processing}
  - {id: snowflake, name: Snowflake, kind: technology, category: warehouse, anti: [snowflake schema, star/snowflake]}
`

func testMatcher(t *testing.T) *Matcher {
	t.Helper()
	tax, err := Parse("test.yaml", strings.NewReader(testTaxonomy))
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(tax)
}

func names(skills []Skill) string {
	var out []string
	for _, s := range skills {
		out = append(out, s.Name)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

func matchText(m *Matcher, text string) []Skill {
	p := &Posting{Text: text, Sections: []Section{{Kind: SectionOther, Start: 0, End: len(text)}}}
	return m.Match(p)
}

// nameCase is a text and the sorted names of the skills it should give.
type nameCase struct{ in, want string }

func checkNames(t *testing.T, m *Matcher, tests []nameCase) {
	t.Helper()
	for _, tt := range tests {
		if got := names(matchText(m, tt.in)); got != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatchBoundaries(t *testing.T) {
	t.Parallel()
	checkNames(t, testMatcher(t), []nameCase{
		{"Airflow를 이용한 파이프라인", "Airflow"},
		{"Python과 SQL에 능숙", "Python, SQL"},
		{"k8s에서 운영", "Kubernetes"},
		{"파이썬을 사용하고 스파크로 처리", "Python, Spark"},
		{"good judgment and a go-getter", ""},
		{"Django and MongoDB", "Django, MongoDB"},
		{"JavaScript developer", "JavaScript"},
		{"Java, JavaScript", "Java, JavaScript"},
		{"R&D center", ""},
		{"C-level executives", ""},
		{"C++ and C# shops", "C++"},
		{"Spark Streaming jobs", "Spark Streaming"},
		{"PySpark scripts", "PySpark"},
		{"Amazon Redshift cluster", "AWS, Amazon Redshift"},
		{"Redshift cluster", "Amazon Redshift"},
		{"GCP BigQuery", "BigQuery, GCP"},
		{"BigQuery only", "BigQuery"},
		{"Node.js backend", "Node.js"},
		{"on cloud platforms such as AWS or Google Cloud.Experience with CI", "AWS, GCP"},
		{"languages such as SQL or Python.Experience with Redshift", "Amazon Redshift, Python, SQL"},
		{"write clean code.Python proficiency", "Python"},
		{"create PowerPoints with Airflow", "Airflow"},
		{"a warehouse in Colorado Springs", ""},
		{"Sparks and SQLs", ""},
		{"see https://github.com/x/spark-airflow for details", ""},
		{"깃과 깃허브", "Git, GitHub"},
		{"깃털처럼 가벼운", ""},
		{"스파크기반 처리, 스파크를 쓰는 하이브리드", "Spark"},
		{"루미너리스파크 주식회사", ""},
		{"자바스크립트와 자바", "Java, JavaScript"},
		{"ＳＱＬ", ""}, // NFKC happens before matching, in Normalize
		{"ETL 파이프라인", "ETL"},
		{"Star/Snowflake schemas in the warehouse", ""},
		{"Snowflake and Airflow", "Airflow, Snowflake"},
		// An accented Latin letter goes on with the word, a Hangul
		// particle ends it.
		{"Python, Spark. Résumé in Français welcome", "Python, Spark"},
		{"Spark와 Airflowé", "Spark"},
		{"Python·SQL 필수, Naïve Bayes", "Python, SQL"},
	})
}

// TestDefaultForms checks exact and ambiguous forms of the default
// taxonomy: a capitalised acronym counts, the lower-case word and a longer
// name holding a look-alike do not, and an ambiguous name counts with its
// cues only.
func TestDefaultForms(t *testing.T) {
	t.Parallel()
	checkNames(t, defaultMatcher(t), []nameCase{
		{"NPU 또는 GPU에 대한 이해", "NPU"},
		{"our Global AI Accelerator in Sweden", "Artificial Intelligence"},
		{"support SIT and UAT phases", "User Acceptance Testing"},
		{"uat.example.com", ""},
		{"MVVM 디자인 패턴", "Design Patterns, MVVM"},
		{"imagine how users will react and interact", ""},
		{"ability to adjust plans and react as needed", ""},
		{"react, typescript, redux 경험", "React, Redux, TypeScript"},
		{"listening fully before we respond or react", ""},
		{"willing to pick up slack and do the unglamorous tasks", ""},
		{"How did the path of the solar eclipse affect hotel bookings?", ""},
		{"Slack, Jira, Eclipse 사용", "Eclipse, Jira, Slack"},
		// Words, places and other firms' products that share a name.
		{"Previous experience with Oracle or other ERP system", ""},
		{"Oracle R12, Coupa and emerging P2P platforms", ""},
		{"Oracle, MySQL 등 RDBMS 운영 경험", "MySQL, Oracle Database, RDBMS"},
		{"cloud providers including AWS, Azure, Oracle and Google", "AWS, Azure, GCP, Oracle Cloud"},
		{"• AWS: EC2, S3, RDS, SES", "AWS, Amazon EC2, Amazon RDS, Amazon S3, Amazon SES"},
		{"socioeconomic status (SES) of patients", ""},
		{"업무 도구 : Git, Mantis, Slack", "Git, MantisBT, Slack"},
		{"a mantis shrimp and a Mantis Engine", ""},
		{"SPSS, AMOS, LISREL", "IBM SPSS Amos, LISREL, SPSS"},
		{"inspired by Amos Tversky", ""},
		{"JVM build systems (SBT, Maven, Gradle)", "Apache Maven, Gradle, JVM, sbt"},
		{"wear safety glasses and gloves. Glove box", ""},
		{"ETL tools such as Informatica, Pentaho, ODI or equivalent", "ETL, Informatica, Oracle Data Integrator, Pentaho"},
		{"use it to spark interest and tell a story", ""},
		{"a Grand Rapids, MI based data center", ""},
		{"RAPIDS, cuDF on GPUs", "RAPIDS"},
		{"TimescaleDB or Timescale Cloud", "TimescaleDB"},
		{"on a femtosecond timescale", ""},
		{"data within the governance purview of the office", ""},
		{"Microsoft Purview for the data catalog", "Azure, Data Catalog, Microsoft Purview"},
		{"techniques or tools such as Tableau", "Tableau"},
		{"Google OR-Tools for routing", "OR-Tools"},
		{"Spring 2019 graduation", ""},
		{"Spring Boot 기반 API 개발", "Spring Boot"},
		{"Go ahead and apply!", ""},
		{"SM, 하이브, YG 같은 유통사", ""},
		{"하이브, 스파크 기반 쿼리", "Hive, Spark"},
		{".Net Core (C #), Azure", ".NET, Azure, C#"},
		{"고객사의 Polygon CDK L2 운영", ""},
		{"AWS CDK로 인프라 구성", "AWS, AWS CDK"},
		{"hwp 파일은 지양해주세요", ""},
		{"owns top podcast company Stitcher and Triton, the leader in audio measurement", ""},
		{"해외 컨퍼런스 지원 ⇒ 백엔드 개발자 : AWS re:Invent", ""},
		{"AWS Summit 참가 지원, AWS Lambda 운영", "AWS, AWS Lambda"},
		{"we take part in major events (Google Next, Google Cloud Meetups, Microsoft Build)", ""},
		{"Google Cloud, BigQuery 기반 분석", "BigQuery, GCP"},
		// Firms that invest in, buy from or partner with the employer.
		{"advocates include customers such as Intuit, Postmates, Cloudflare, Visa and GitHub", ""},
		{"backed by investors, including JMI Equity, Mithril, Salesforce Ventures and Bullpen Capital", ""},
		{"funded by Sequoia Capital, Google Ventures and Salesforce Ventures.", ""},
		{"was ultimately acquired by SAP in 2006", ""},
		{"Our strategic partnerships include Google Cloud, Hashicorp, Puppet, Cisco, and Docker.", ""},
		{"Notable Clients: Airbnb, Pinterest, Slack, and many more* Location: Redwood City", ""},
		{"Our customers include Fortune 500 retailers. You will build on AWS, Kafka and Snowflake.", "AWS, Kafka, Snowflake"},
		{"The analyst partners with colleagues, develops approaches, writes SQL on Teradata", "SQL, Teradata"},
		{"In partnership with the data team, build pipelines in Spark", "Spark"},
		{"our cooperation with our technology partners Microsoft, Snowflake, Databricks, ZebraBI.", ""},
		{"Work with technology partners on Spark pipelines", "Spark"},
		{"reports for clients such as marketing and sales in Tableau", "Tableau"},
		{"a search API backed by an Elasticsearch cluster", "Elasticsearch"},
		{"The customers included in the pilot ran Spark, Kafka, and Flink", "Flink, Kafka, Spark"},
		{"Spark, Kafka and Airflow in a customer data platform", "Airflow, Customer Data Platform, Kafka, Spark"},
		{"SageMaker, Triton, MLflow", "Amazon SageMaker, MLflow, NVIDIA Triton Inference Server"},
		{"found online at snowflake.net and Battle.net", ""},
		{"C#/.NET, VB.net 유지보수", ".NET, C#, VB.NET"},
		{"experience with .net core", ".NET"},
		{"TDD, DDD 기반 개발 경험", "Domain-Driven Design, TDD"},
		{"객체지향 설계와 클린 코드에 대한 이해", "Clean Code, Object-Oriented Programming"},
		{"Solid OOP skills, test-driven development", "Object-Oriented Programming, TDD"},
		{"Knowledge of UI design patterns and Figma", "Figma"},
		{"클린 아키텍처 기반의 앱 개발", "Clean Architecture"},
		{"ASP.NET MVC and UML models", "ASP.NET, UML"}, // ASP.NET's own alias holds "MVC"
		{"MVC 패턴과 UML 설계", "MVC, UML"},
		{"migrating services to a SOA", "Service-Oriented Architecture"},
		{"ITIL v4 Foundation preferred", "ITIL"},
		{"Camera, IMU, GPS 센서 융합", "IMU"},
		{"RTOS 기반 MCU 펌웨어", "Microcontroller, RTOS"},
		{"Our values: Earn Trust, Be Agile, Include All.", ""},
		{"Work in an Agile environment", "Agile"},
		{"• Rust 개발 경험이 있으신 분", "Rust"},
		{"Macbook Air Soft landing Rust 장소 서울시", ""},
		{"Familiarity with Amazon's EMR would also help", "Amazon EMR"},
		{"EMR 시스템 연동", ""},
		{"Pluses: advanced Excel skills, experience with some financial analysis", "Excel"},
		{"Excellent excel skills with experience in reporting", "Excel"},
		{"Advanced Excel user (array formulas, offsets, index/match, VBA)", "Excel, VBA"},
		{"Excellent communication skills; excel at prioritising", ""},
		// A cue of one or two letters counts only as a word: the r in
		// "your" or the ga in "Engage" is not one.
		{"•Shiny new laptop of your choosing", ""},
		{"Experience producing interactive outputs (Shiny, etc.)", "Shiny"},
		{"Shiny apps in R", "R, Shiny"},
		{"•Engage broadly with GTM, Marketing, Product", ""},
		{"GTM, GA4 설정", "Google Analytics, Google Tag Manager"},
		{"Decision Science (D3) is the research organization", ""},
		{"libraries such as D3.", "D3.js"},
		{"RDB에 CDC를 걸어둔 후", "Change Data Capture, RDBMS"},
		{"an experienced Unity Developer for a mobile project", "Unity"},
		{"pandas, scipy, sk-learn, etc", "SciPy, pandas, scikit-learn"},
		{"multi-task learning 모델", ""}, // not "sk learn"
		{"techniques: GLM/Regression, Random Forest", "Generalized Linear Models, Random Forest"},
		{"decision trees, random forests, and gradient boosting", "Decision Trees, Gradient Boosting, Random Forest"},
		{"통계적 가설 검정에 대한 이해", "Hypothesis Testing, Statistics"},
		{"regularized GLMs and logistic regression", "Generalized Linear Models, Regression Analysis"},
		{"회귀분석 및 가설 검정", "Hypothesis Testing, Regression Analysis"},
		{"regression testing of the release", ""},
		{"working with electronic health record (EHR) systems", "Healthcare"},
		{"전자의무기록(EMR) 간호기록 작성 및 처방 확인", "Healthcare"}, // not Amazon EMR by list context
		// Maven the build tool, not "a maven" (an expert) or the
		// consultancy; Workday the HR system, not a day of work.
		{"Build with maven and Jenkins", "Apache Maven, Jenkins"},
		{"Your Life As a Maven: we hire data mavens", ""},
		{"At Maven Wave, we build for clients", ""},
		{"Workday HCM configuration and reporting", "Workday"},
		{"Audit data within the tools we use (Workday, Salesforce, Lever)", "Salesforce, Workday"},
		{"In your workday you will write reports", ""},
		{"frameworks such as Spark MLlib, TensorFlow", "Spark MLlib, TensorFlow"},
		{"Experience with Jira or Microsoft TFS", "Jira, Team Foundation Server"},
		// Epic the EHR, not the game studio, an agile epic or the word;
		// CPT the procedure codes, not a student work permit; LAMP the web
		// stack, not the assay; ICD the diagnosis codes, not an interface
		// control document.
		{"Experience with an EPIC EHR is preferred.", "Epic EHR, Healthcare"},
		{"Certified in at least one Epic Clarity module", "Epic EHR"},
		{"extracting data from Meditech, Mckesson, Epic and other hospital systems", "Epic EHR"},
		{"Our clients include Epic Games, Twitter and Airbnb", ""},
		{"Break each Epic into user stories", ""},
		{"We build epic experiences for players", ""},
		{"coding systems such as ICD-9-CM, CPT-4, HCPCS", "CPT, ICD-10"},
		{"medical terminology to include ICD, CPT, and HCPCS coding systems", "CPT, ICD-10"},
		{"Work authorization: F1-OPT, F1-CPT, H-1B, TN", ""},
		{"Students on F-1 CPT are welcome to apply", ""},
		{"소프트웨어 ICD 관리", ""},
		{"SQL, MySQL required, LAMP stack a plus", "LAMP Stack, MySQL, SQL"},
		{"Proficiency in LAMP and the Big Data stack", "Big Data, LAMP Stack"},
		{"Working knowledge of RT-PCR, qPCR, LAMP, immunological assays", ""},
		{"Knowledge of Microsoft Dynamics AX2012/D365 FO", "Microsoft Dynamics"},
		{"software such as PeopleSoft, SAP, Great Plains, JD Edwards", "JD Edwards, Microsoft Dynamics, Oracle PeopleSoft, SAP"},
		{"the Great Plains IDeA-Clinical & Translational Research Center", ""},
		{"FPGA 로직 개발 경험", "FPGA"},
		{"Experience with Anaplan/Workday a plus", "Anaplan, Workday"},
		{"NLP tools (Word2Vec, GloVe)", "GloVe, NLP, Word2Vec"},
		{"MS SQL Server (SSMS, SSIS, and SSRS)", "Microsoft SQL Server, SQL Server Management Studio, SSIS, SSRS"},
		{"messaging platforms (Kafka/RabbitMQ/JMS)", "JMS, Kafka, RabbitMQ"},
		{"Oracle / PostgresSQL / MongoDB", "MongoDB, Oracle Database, PostgreSQL"},
		{"Hands-on experience with RDMS technologies", "RDBMS"},
		{"running pivot tables, vlookup, etc.", "Excel"},
	})
}

// TestReadmeTaxonomySize keeps the README's count of the embedded
// taxonomy in step with the taxonomy as entries are added.
func TestReadmeTaxonomySize(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`has ([0-9,]+) technologies and ([0-9,]+) concepts`).FindSubmatch(readme)
	if m == nil {
		t.Fatal(`README.md does not say "has N technologies and M concepts"`)
	}
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, e := range tax.Entries {
		kinds[e.Kind]++
	}
	for i, kind := range []string{"technology", "concept"} {
		if n, _ := strconv.Atoi(strings.ReplaceAll(string(m[i+1]), ",", "")); n != kinds[kind] {
			t.Errorf("README.md counts %s entries of kind %s, the taxonomy has %d", m[i+1], kind, kinds[kind])
		}
	}
}

func TestMatchAmbiguous(t *testing.T) {
	t.Parallel()
	checkNames(t, testMatcher(t), []nameCase{
		{"Go 언어 개발 경험", "Go"},
		{"Python, Go, Java", "Go, Java, Python"},
		{"Go beyond the obvious", ""},
		{"R/Python 분석", "Python, R"},
		{"statistical modelling in R", "R"},
		{"Python, R, SQL", "Python, R, SQL"},
		{"Plan B or R", ""},
		{"Excel at communication", ""},
		{"Excel, SQL, Tableau", "Excel, SQL"},
		{"엑셀 활용 능력", "Excel"},
		{"Glue between teams", ""},
		{"AWS EMR, Glue, Airflow", "AWS, AWS Glue, Airflow"},
		{"Glue ETL jobs", "AWS Glue, ETL"},
		{"C/C++ 개발", "C, C++"},
		{"golang", "Go"},
		{"tools such as SQL, Python or R.", "Python, R, SQL"},
	})
}

// TestMatchCompanyName checks that the employer's own products are not
// skills where the posting names them as the company, and that they still
// are when listed with other technologies.
func TestMatchCompanyName(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	tests := []struct{ company, text, want string }{
		{"Snowflake Computing", "About Snowflake\nSnowflake started with a clear vision.\nPython and SQL", "Python, SQL"},
		{"Snowflake Computing", "Snowflake is growing.\nExperience with MPP databases, such as Snowflake, Redshift, BigQuery", "Amazon Redshift, BigQuery, Snowflake"},
		// Every spelling of the product goes, not only the company's.
		{"Amazon Web Services", "At Amazon Web Services (AWS), we build. Python required.", "Python"},
		{"카카오스파크", "스파크 기반 서비스", "Spark"},
		{"(주)스파크랩", "스파크 경험", "Spark"},
		{"스파크", "스파크 경험", ""},
		// Concepts stay; one- and two-byte names never count.
		{"ETL Partners", "ETL pipelines in Python", "ETL, Python"},
		{"GAC R&D Center", "Proficient in R, Python", "Python, R"},
		// A name inside a longer word of the company is not the name.
		{"Sparklabs", "Spark jobs", "Spark"},
		{"", "About Snowflake", "Snowflake"},
	}
	for _, tt := range tests {
		p := &Posting{Company: tt.company, Text: tt.text, Sections: []Section{{Kind: SectionOther, Start: 0, End: len(tt.text)}}}
		if got := names(m.Match(p)); got != tt.want {
			t.Errorf("company %q: Match(%q) = %q, want %q", tt.company, tt.text, got, tt.want)
		}
	}
}

// TestMatchInLists checks the spellings that name an entry only in a
// list of its category: vendors' names in a list of clouds.
func TestMatchInLists(t *testing.T) {
	t.Parallel()
	tax, err := Parse("lists.yaml", strings.NewReader(`
entries:
  - {id: aws, name: AWS, kind: technology, category: cloud_platform, prefixes: [amazon], in_lists: [amazon, 아마존]}
  - {id: gcp, name: GCP, kind: technology, category: cloud_platform, aliases: [google cloud], in_lists: [google, 구글]}
  - {id: azure, name: Azure, kind: technology, category: cloud_platform, in_lists: [microsoft]}
  - {id: alibaba_cloud, name: Alibaba Cloud, kind: technology, category: cloud_platform, in_lists: [alibaba, 알리바바]}
  - {id: oracle_cloud, name: Oracle Cloud, kind: technology, category: cloud_platform, aliases: [oracle cloud], in_lists: [oracle, 오라클]}
  - {id: oracle_database, name: Oracle Database, kind: technology, category: database, aliases: [oracle, 오라클, oracle db]}
  - {id: mysql, name: MySQL, kind: technology, category: database}
  - {id: hive, name: Hive, kind: technology, category: warehouse}
  - {id: python, name: Python, kind: technology, category: language}
  - {id: on_premise, name: On-premise, kind: concept, category: infrastructure}
`))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(tax)
	checkNames(t, m, []nameCase{
		{"cloud providers including AWS, Azure, Oracle and Google", "AWS, Azure, GCP, Oracle Cloud"},
		{"Cloud technology from Oracle, AWS, Azure", "AWS, Azure, Oracle Cloud"},
		{"Public Cloud (AWS, Google Cloud, Azure, Alibaba, Oracle 등) 연동", "AWS, Alibaba Cloud, Azure, GCP, Oracle Cloud"},
		{"클라우드(AWS, 구글, 알리바바 등) 경험", "AWS, Alibaba Cloud, GCP"},
		// A concept neither helps nor breaks the list.
		{"DB 운영 (On-premise/AWS/GCP/Oracle)", "AWS, GCP, On-premise, Oracle Cloud"},
		// A technology of another category keeps the plain reading.
		{"Tech Environment: AWS, Oracle, Hive", "AWS, Hive, Oracle Database"},
		{"AWS, Google, Python", "AWS, Python"},
		{"AWS, Azure, Oracle, Hive", "AWS, Azure, Hive, Oracle Database"},
		{"Oracle, MySQL", "MySQL, Oracle Database"},
		// One other item is not a list of clouds.
		{"Cloud (AWS or Google)", "AWS"},
		{"Oracle and AWS", "AWS, Oracle Database"},
		// None of them surely a cloud: firms.
		{"alumni of Google, Amazon and Microsoft", ""},
		// A spelling with more to it is its own reading.
		{"Oracle DB, AWS, Azure", "AWS, Azure, Oracle Database"},
		{"Google is hiring", ""},
	})
	// A list-only spelling in the company name does not name the
	// employer's product: at Google, Google Cloud is still a skill.
	text := "Experience with Google Cloud.\nPython"
	p := &Posting{Company: "Google", Text: text, Sections: []Section{{Kind: SectionOther, Start: 0, End: len(text)}}}
	if got := names(m.Match(p)); got != "GCP, Python" {
		t.Errorf("company Google: Match(%q) = %q, want %q", text, got, "GCP, Python")
	}
	// explain says why.
	for _, s := range matchText(m, "AWS, Azure, Oracle") {
		if s.ID == "oracle_cloud" && s.Via != "in a list of cloud_platform" {
			t.Errorf("Oracle Cloud via %q, want %q", s.Via, "in a list of cloud_platform")
		}
	}
}

func TestMatchRequirement(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	var b builder
	b.addLines([]Line{
		{Text: "주요업무"}, {Text: "Airflow 파이프라인 운영"},
		{Text: "자격요건"}, {Text: "Python 능숙"}, {Text: "Kafka 경험자 우대"},
		{Text: "우대사항"}, {Text: "Spark 경험, Python 고급"},
	}, SectionOther)
	p := &Posting{}
	p.Text, p.Sections = b.finish()
	got := map[string]string{}
	for _, s := range m.Match(p) {
		got[s.Name] = s.Requirement.String()
		if s.Name == "Python" && s.Mentions != 2 {
			t.Errorf("Python mentions = %d, want 2", s.Mentions)
		}
	}
	want := map[string]string{"Airflow": "responsibility", "Python": "required", "Kafka": "preferred", "Spark": "preferred"}
	// Without headings, each clause carries its own cue.
	q := &Posting{Text: "Python 필수, Kafka 경험자 우대. SQL is required"}
	q.Sections = []Section{{Kind: SectionOther, Start: 0, End: len(q.Text)}}
	for _, s := range m.Match(q) {
		if w := map[string]string{"Python": "required", "Kafka": "preferred", "SQL": "required"}[s.Name]; s.Requirement.String() != w {
			t.Errorf("clause cue: %s = %s, want %s", s.Name, s.Requirement, w)
		}
	}
	// A list item without a cue takes its sentence's; a term whose clause
	// and sentence have none gets none from a line with both kinds.
	q = &Posting{Text: "Background in any of the following preferred: Kafka, Spark. We run Airflow daily. Python is required"}
	q.Sections = []Section{{Kind: SectionOther, Start: 0, End: len(q.Text)}}
	sentence := map[string]string{}
	for _, s := range m.Match(q) {
		sentence[s.Name] = s.Requirement.String()
	}
	if w := map[string]string{"Kafka": "preferred", "Spark": "preferred", "Airflow": "other", "Python": "required"}; !maps.Equal(sentence, w) {
		t.Errorf("sentence cues = %v, want %v", sentence, w)
	}
	checkRequirements(t, "sections", got, want)
}

// A requirements list flattened into one long line: a cue decides its own
// item, clause or sentence; a label before a colon heads the items after
// it; items without a cue take the section's kind; a long line whose only
// sentence holds no narrower scope keeps the line's cue.
func TestMatchLongLineCues(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	pad := strings.Repeat("Comfort with public speaking and client interactions ", 5)
	line := "A master's degree in a quantitative field or CFA strongly preferred Advanced programmer in one database language " +
		"(SQL/ MySQL) and one scripting language (R, Python) Visualization skills (tableau, ggplot) " + pad +
		"Nice to have: Kafka experience Airflow experience"
	got := requirementsOf(m, Line{Text: "Requirements"}, Line{Text: line})
	checkRequirements(t, "long line", got, map[string]string{"SQL": "required", "R": "required", "Python": "required", "Kafka": "preferred", "Airflow": "preferred"})
	// One long sentence with a cue at its end: every term keeps it.
	q := &Posting{Text: "Experience with Python, SQL, Spark, Kafka, Airflow, dbt and " + strings.Repeat("many more tools of the trade, ", 10) + "is a plus"}
	q.Sections = []Section{{Kind: SectionRequirements, Start: 0, End: len(q.Text)}}
	for _, s := range m.Match(q) {
		if s.Requirement != RequirementPreferred {
			t.Errorf("one long sentence: %s = %s, want preferred", s.Name, s.Requirement)
		}
	}
}

// postingOf lays lines out as a posting.
func postingOf(lines ...Line) *Posting {
	var b builder
	b.addLines(lines, SectionOther)
	p := &Posting{}
	p.Text, p.Sections = b.finish()
	return p
}

// requirementsOf matches lines laid out as a posting and returns each
// skill's requirement by name.
func requirementsOf(m *Matcher, lines ...Line) map[string]string {
	got := map[string]string{}
	for _, s := range m.Match(postingOf(lines...)) {
		got[s.Name] = s.Requirement.String()
	}
	return got
}

// cueLine is a line under a requirements heading and the requirement
// each named skill should get.
type cueLine struct {
	line string
	want map[string]string
}

// checkCueLines matches each line under a requirements heading.
func checkCueLines(t *testing.T, m *Matcher, lines []cueLine) {
	t.Helper()
	for _, tt := range lines {
		got := requirementsOf(m, Line{Text: "Requirements", Heading: true}, Line{Text: tt.line})
		checkRequirements(t, strconv.Quote(tt.line), got, tt.want)
	}
}

// defaultMatcher is a matcher of the embedded taxonomy.
func defaultMatcher(t *testing.T) *Matcher {
	t.Helper()
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(tax)
}

// checkRequirements reports each skill of want whose requirement in got
// differs.
func checkRequirements(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s = %q, want %q (all: %v)", what, k, got[k], v, got)
		}
	}
}

// A cue inside a bracketed aside that names a term of its own belongs to
// that term, not to the ones before the aside; an aside that is only a
// cue speaks of what comes before it.
func TestMatchAsideCues(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	checkCueLines(t, m, []cueLine{
		{"Excellent programming skills in Java (Python is desired as well)", map[string]string{"Java": "required", "Python": "preferred"}},
		{"Experience with SQL (MongoDB is a plus)", map[string]string{"SQL": "required", "MongoDB": "preferred"}},
		{"Proficiency in Spark, Java and SQL (Airflow, Python, and Git a plus).", map[string]string{"Spark": "required", "SQL": "required", "Airflow": "preferred", "Python": "preferred"}},
		{"Spark 개발 경험 (Kafka 경험 우대)", map[string]string{"Spark": "required", "Kafka": "preferred"}},
		{"Experience with Airflow (preferred)", map[string]string{"Airflow": "preferred"}},
		{"Kafka (preferred but not required)", map[string]string{"Kafka": "preferred"}},
		{"Kubernetes 운영 경험 (우대)", map[string]string{"Kubernetes": "preferred"}},
		// An aside left open runs to the end of the line.
		{"Python and Airflow (Kafka is a plus", map[string]string{"Python": "required", "Kafka": "preferred"}},
	})
}

// "Recommended", "beneficial" and "helpful" as predicates prefer what
// they speak of; as adjectives they are no cue.
func TestMatchPredicateCues(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	checkCueLines(t, m, []cueLine{
		{"Experience with running regression and proficiency in R or Python is recommended", map[string]string{"R": "preferred", "Python": "preferred"}},
		{"Familiarity with Spark/Kafka environment highly recommended", map[string]string{"Spark": "preferred", "Kafka": "preferred"}},
		{"Airflow knowledge recommended but not required", map[string]string{"Airflow": "preferred"}},
		{"Present recommended actions to stakeholders with Python and SQL", map[string]string{"Python": "required", "SQL": "required"}},
		{"Experience with Kafka and Spark would be helpful.", map[string]string{"Kafka": "preferred", "Spark": "preferred"}},
		{"Knowledge in Airflow is good to have but not required", map[string]string{"Airflow": "preferred"}},
		{"Scripting languages (Python, R etc.) would be beneficial", map[string]string{"Python": "preferred", "R": "preferred"}},
		{"Build mutually beneficial partnerships with data owners using SQL", map[string]string{"SQL": "required"}},
	})
}

// A label before a colon heads what follows it in its sentence, ahead of
// another cue in the sentence; a bare "Desired:" is a label with a cue,
// and it heads its own item only.
func TestMatchLabelCues(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	checkCueLines(t, m, []cueLine{
		{"Required: SQL, Python, R. Desired: Scala, Java, or Ruby", map[string]string{"SQL": "required", "R": "required", "Scala": "preferred", "Java": "preferred", "Ruby": "preferred"}},
		{"Must have: SQL and Python; Nice to have: Scala, Java", map[string]string{"SQL": "required", "Python": "required", "Scala": "preferred", "Java": "preferred"}},
		{"Required: SQL, Python, R, linux shell scripting Desired: Scala, Java, or Ruby", map[string]string{"Python": "required", "Java": "preferred", "Ruby": "preferred"}},
		{"Optional: Kafka, Flink", map[string]string{"Kafka": "preferred", "Flink": "preferred"}},
		// Another term's aside is blanked, and the label still speaks.
		{"Required: SQL, Python (Spark is a plus). Desired: Scala", map[string]string{"SQL": "required", "Python": "required", "Spark": "preferred", "Scala": "preferred"}},
		// A label without a cue leaves the sentence's cue in force.
		{"Tools: Python, Airflow, Kafka is a plus", map[string]string{"Kafka": "preferred"}},
		// "desired" outside a label is no cue.
		{"Build the desired pipelines with Spark and Airflow", map[string]string{"Spark": "required", "Airflow": "required"}},
	})
	// On a flattened list the bare label does not reach the next items.
	pad := strings.Repeat("Comfort with public speaking and client interactions ", 5)
	line := pad + "Required: SQL, Python, R Desired: Scala, JavaExperience with Spark and TableauExperience with AWS"
	got := requirementsOf(m, Line{Text: "Requirements", Heading: true}, Line{Text: line})
	checkRequirements(t, "flattened list", got, map[string]string{"SQL": "required", "Scala": "preferred", "Java": "preferred", "Spark": "required", "Tableau": "required", "AWS": "required"})
}

// "preferably" prefers what follows it in its sentence, not what comes
// before: the term it qualifies keeps its section's level.
func TestMatchPreferablyCues(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	checkCueLines(t, m, []cueLine{
		{"Expert in building and optimizing complex SQL, preferably in Postgres, MySQL.", map[string]string{"SQL": "required", "PostgreSQL": "preferred", "MySQL": "preferred"}},
		{"Working knowledge of Spark, preferably with Scala", map[string]string{"Spark": "required", "Scala": "preferred"}},
		{"Experience with version control tools (preferably Git)", map[string]string{"Git": "preferred"}},
		{"PREFERABLY Tableau or Looker", map[string]string{"Tableau": "preferred", "Looker": "preferred"}},
		// The sentence, the aside and the item end the cue.
		{"SQL, preferably Postgres. Airflow and Kafka", map[string]string{"PostgreSQL": "preferred", "Airflow": "required", "Kafka": "required"}},
		{"SQL, preferably Postgres; Airflow", map[string]string{"PostgreSQL": "preferred", "Airflow": "required"}},
		{"Java (preferably 17 or later) and Kafka", map[string]string{"Java": "required", "Kafka": "required"}},
		{"A language, preferably Python, and familiarity with pandas", map[string]string{"Python": "preferred", "pandas": "required"}},
		{"Cloud, preferably AWS · Experience with Kafka", map[string]string{"AWS": "preferred", "Kafka": "required"}},
		{"BI, preferably Tableau Experience with Kafka", map[string]string{"Tableau": "preferred", "Kafka": "required"}},
		{"Degree, preferably in a Data ScienceKnowledge of Kafka is required", map[string]string{"Kafka": "required"}},
		{"(preferably with Hadoop (Hive or Pig are fine)Experience with Kafka", map[string]string{"Hive": "preferred", "Kafka": "required"}},
		{"work, preferably in media teams3+ years with Kafka", map[string]string{"Kafka": "required"}},
		// Not the word "preferably": a longer word holding it is no cue.
		{"Kafka, unpreferably Spark", map[string]string{"Kafka": "required", "Spark": "required"}},
	})
}

// Evidence is the first mention; LevelEvidence the one that set the
// requirement, which a later, stronger mention replaces.
func TestMatchLevelEvidence(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	var b builder
	b.addLines([]Line{
		{Text: "주요업무", Heading: true},
		{Text: "- Kafka 기반 스트리밍 파이프라인 운영"},
		{Text: "우대사항", Heading: true},
		{Text: "- Kafka 운영 경험"},
		{Text: "자격요건", Heading: true},
		{Text: "- Kafka 또는 Kinesis 실무 경험"},
		{Text: "- Python 가능자"},
		{Text: "- Python 테스트 코드 작성"},
	}, SectionOther)
	p := &Posting{}
	p.Text, p.Sections = b.finish()
	got := map[string]Skill{}
	for _, s := range m.Match(p) {
		got[s.Name] = s
	}
	for _, tt := range []struct{ name, req, first, level string }{
		// responsibility, then preferred, then required: the last sets it.
		{"Kafka", "required", "- Kafka 기반 스트리밍 파이프라인 운영", "- Kafka 또는 Kinesis 실무 경험"},
		// Required at once: a later mention at the same level changes nothing.
		{"Python", "required", "- Python 가능자", "- Python 가능자"},
	} {
		s, ok := got[tt.name]
		if !ok {
			t.Fatalf("%s not found in %v", tt.name, got)
		}
		if s.Requirement.String() != tt.req || s.Evidence != tt.first || s.LevelEvidence != tt.level {
			t.Errorf("%s: %s, evidence %q, level evidence %q; want %s, %q, %q",
				tt.name, s.Requirement, s.Evidence, s.LevelEvidence, tt.req, tt.first, tt.level)
		}
	}
}

// On a long line the evidence is cut around the mention itself, not
// around the first place its text occurs: the "SQL" of "NoSQL" or the
// "C" of "Collaborate" earlier in the line is another word.
func TestMatchEvidenceAroundMention(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	filler := strings.Repeat("Collaborate with product teams on NoSQL stores and the roadmap. ", 4)
	line := filler + "Fluency in SQL and the C programming language is required. " + filler
	p := &Posting{Text: "Requirements\n" + line, Language: "en"}
	p.Sections = []Section{{Kind: SectionRequirements, Start: 0, End: len(p.Text)}}
	got := map[string]Skill{}
	for _, s := range m.Match(p) {
		got[s.Name] = s
	}
	for _, name := range []string{"SQL", "C"} {
		s, ok := got[name]
		if !ok {
			t.Fatalf("%s not found in %v", name, got)
		}
		if !strings.Contains(s.Evidence, "Fluency in SQL and the C programming language") {
			t.Errorf("%s: evidence %q does not show the mention", name, s.Evidence)
		}
		if !strings.HasPrefix(s.Evidence, "…") || !strings.HasSuffix(s.Evidence, "…") {
			t.Errorf("%s: evidence %q is not cut from a long line", name, s.Evidence)
		}
	}
}

// "ideally" prefers what follows it in its sentence, as "preferably"
// does, and what came before only where it ends its sentence or aside.
func TestMatchIdeallyCues(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	checkCueLines(t, m, []cueLine{
		{"Hands-on knowledge of SQL and some scripting, ideally with Scala, Java or Python", map[string]string{"SQL": "required", "Scala": "preferred", "Java": "preferred", "Python": "preferred"}},
		{"Solid understanding of Linux, ideally RedHat, and networking", map[string]string{"Linux": "required", "Red Hat Enterprise Linux": "preferred"}},
		{"Ideally, you have worked with Airflow and Kafka", map[string]string{"Airflow": "preferred", "Kafka": "preferred"}},
		{"Programming in Python and SQL, ideally in a startup", map[string]string{"Python": "required", "SQL": "required"}},
		{"Ability to write queries (SQL, ideally GraphQL) and Kafka", map[string]string{"SQL": "required", "GraphQL": "preferred", "Kafka": "required"}},
		// Where it ends its sentence or aside, it speaks of the line.
		{"Kafka experience, ideally.", map[string]string{"Kafka": "preferred"}},
		{"Experience with Google Sheets (ideally)", map[string]string{"Google Sheets": "preferred"}},
		// With another preferred cue on the line, the line is preferred
		// as before.
		{"Python, ideally with pandas; Spark is a plus", map[string]string{"Python": "preferred", "pandas": "preferred", "Spark": "preferred"}},
		// A word holding "ideally" is no cue.
		{"Kafka and Spark, unideally", map[string]string{"Kafka": "required", "Spark": "required"}},
		// "through" leads into the name after it, so the cue reaches it.
		{"Automating reports ideally through Tableau and SQL", map[string]string{"Tableau": "preferred", "SQL": "preferred"}},
	})
}

// A list flattened with dashes ("design - expertise in R - knowledge of
// C++ is a plus") has a dash and an item opener between its items: the
// cue of one item does not reach the next. A dash before any other word
// is an aside of its item. "ideally" inside an item prefers only what
// follows it there.
func TestMatchDashItems(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	pad := strings.Repeat("Comfort with public speaking and client interactions ", 5)
	checkCueLines(t, m, []cueLine{
		{pad + "and dashboard design - expertise in R, Python - experience with relational databases (SQL), ideally with BI tools (Tableau) - knowledge of C++ is a plus",
			map[string]string{"R": "required", "Python": "required", "SQL": "required", "Tableau": "preferred", "C++": "preferred"}},
		{pad + "Experience with Airflow - nice to have. Strong SQL skills",
			map[string]string{"Airflow": "preferred", "SQL": "required"}},
	})
}

// A colon that opens a clause of its own ends the reach of the cue in
// that clause: the plus of "VBA would be a plus" is VBA's. A colon
// followed by the cue, one that opens a list, and a capitalised tag or a
// bracket ending the line leave the terms before it under the cue.
func TestMatchColonCues(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	pad := strings.Repeat("Comfort with public speaking and client interactions ", 5)
	checkCueLines(t, m, []cueLine{
		{"Advanced Excel and PowerPoint: VBA would be a plus.",
			map[string]string{"Excel": "required", "PowerPoint": "required", "VBA": "preferred"}},
		{pad + "Experience with: Statistical learning models NLP Behavioral models: causal model experience is a plus. Strong SQL",
			map[string]string{"NLP": "required", "SQL": "required"}},
		{"SQL: Tableau 사용 경험 우대",
			map[string]string{"SQL": "required", "Tableau": "preferred"}},
		{"Kafka: nice to have", map[string]string{"Kafka": "preferred"}},
		{"Spark: 우대", map[string]string{"Spark": "preferred"}},
		{"Experience using BI tools, such as: Tableau or Looker preferred",
			map[string]string{"Business Intelligence": "preferred", "Tableau": "preferred", "Looker": "preferred"}},
		{"Two or more years with major DBMSs (MySQL or similar): both DDL and DML Preferred",
			map[string]string{"MySQL": "preferred"}},
		{"Airflow 운영 경험: 배치 설계 경험 (우대)", map[string]string{"Airflow": "preferred"}},
		{"Meeting at 10:30 with Python experts is a plus", map[string]string{"Python": "preferred"}},
	})
}

// A list flattened without spaces glues one item's last word to the
// next item's first: the glue ends a sentence for the cues, so the cue of
// one item does not reach the next.
func TestMatchGluedItemCues(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	pad := strings.Repeat("Comfort with public speaking and client interactions ", 5)
	line := "Work experience with Snowflake highly desiredExperience with Kafka and Spark at scale " + pad +
		"Good command of SQL is a mustScripting in Python or Java.Nice to have: Airflow"
	got := requirementsOf(m, Line{Text: "Requirements", Heading: true}, Line{Text: line})
	checkRequirements(t, "glued items", got, map[string]string{"Snowflake": "preferred", "Kafka": "required", "Spark": "required", "SQL": "required", "Python": "required", "Java": "required", "Airflow": "preferred"})
}

func TestGluedStops(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"is highly desiredExperience with", true},
		{"Unix environmentsStrong skills", true},
		{"Python or R.Nice to have", true},
		{"MS PowerPoint and JavaScript", false},
		{"an iPhone app, eCommerce site", false},
		{"ASP.Net and Node.Js", false},
		{"Experience with Python. Then", true},
		{"the first.Second", true},
		{"version 3.5 of it", false},
	} {
		got := false
		for i := range len(tt.in) {
			if stopAt(tt.in, i, true) {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("stopAt in %q = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// A qualification left under the duties heading is required; the duties
// around it stay responsibilities.
func TestMatchQualificationUnderDuties(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	got := requirementsOf(m,
		Line{Text: "Responsibilities", Heading: true},
		Line{Text: "Build batch pipelines with Spark"},
		Line{Text: "Master core parts of our platform: Airflow and Kafka"},
		Line{Text: "- Experience with Python and SQL"},
		Line{Text: "• 3+ years of hands-on work with Kubernetes"},
		Line{Text: "Snowflake 운영 경험이 있으신 분"},
		Line{Text: "Experience with Git would be an asset"},
	)
	checkRequirements(t, "duties", got, map[string]string{"Spark": "responsibility", "Airflow": "responsibility", "Kafka": "responsibility", "Python": "required",
		"SQL": "required", "Kubernetes": "required", "Snowflake": "required", "Git": "preferred"})
}

func TestQualificationLine(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Experience with Spark", true},
		{"- Proficiency in SQL", true},
		{"Bachelor's degree in Computer Science", true},
		{"5+ years of data engineering", true},
		{"At least 3 years building pipelines", true},
		{"Python 개발이 가능하신 분", true},
		{"분산 처리 유경험자", true},
		{"Spark 실무 경험이 있으신 분 (필수)", true},
		{"- Kafka 운영 경험자 (우대).", true},
		{"데이터 파이프라인 운영 (Airflow)", false}, // an aside that is not a cue
		{"• ▶ EXPERIENCE WITH Kafka", true},
		{"\t* 3 YEARS of Scala", true},
		{"•", false},
		{"", false},
		{"Python, SQL 경험", false},
		{"Design and build data pipelines", false},
		{"Master core parts of the platform", false},
		{"데이터 파이프라인 설계 및 운영", false},
		{"Own the roadmap for the next 2 years and beyond", false},
		{"Experience with " + strings.Repeat("many tools ", 30), false}, // a paragraph
	} {
		if got := qualificationLine(tt.in); got != tt.want {
			t.Errorf("qualificationLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// koreanQualification looks only at texts that end in 분 or 자.
	for _, e := range qualificationEnds {
		if !koreanQualification("Python 개발 " + e) {
			t.Errorf("ending %q is not found by koreanQualification", e)
		}
	}
}

func TestItemBoundary(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"strongly preferred Advanced programmer", true},
		{"(R, Python) Visualization skills", true},
		{"experience with Python scripts", false},
		{"knowledge of Tableau dashboards", false},
		{"strong SQL skills", false},
		{"work with Node.js Express daily", false},
		{"we use Airflow daily", false},
		{"degree in Computer Science", false},
	} {
		got := false
		for i := range len(tt.in) {
			if tt.in[i] == ' ' && itemBoundary(tt.in, i) {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("itemBoundary in %q = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMatchEvidenceOffset(t *testing.T) {
	t.Parallel()
	m := testMatcher(t)
	text := "첫 줄\n데이터 파이프라인은 Airflow로 운영합니다"
	sk := matchText(m, text)
	if len(sk) != 1 || sk[0].Offset != len([]rune("첫 줄\n데이터 파이프라인은 ")) || sk[0].Evidence != "데이터 파이프라인은 Airflow로 운영합니다" {
		t.Errorf("skill = %+v", sk)
	}
}

func TestTaxonomyValidation(t *testing.T) {
	t.Parallel()
	bad := `version: x
entries:
  - id: python
    name: Python
    kind: technology
    category: language
    aliases: [py, ""]
    colour: blue
  - id: snake
    name: Snake
    kind: animal
    category: language
    aliases: [PY]
  - id: glue
    name: Glue
    kind: technology
    category: cloud_service
    parent: aws
  - name: NoID
    kind: technology
    category: x
extra: 1
`
	_, err := Parse("bad.yaml", strings.NewReader(bad))
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Parse = %v, want a ValidationError", err)
	}
	msg := err.Error()
	for _, want := range []string{
		`bad.yaml:7:19: aliases: empty alias`,
		`bad.yaml:8:5: unknown key "colour"`,
		`bad.yaml:9:5: entry "snake": kind "animal"`,
		`bad.yaml:19:5: entry has no id`,
		`bad.yaml:22:1: unknown key "extra"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("validation errors lack %q:\n%s", want, msg)
		}
	}
	// Build-level problems (found once the entries are read) are reported
	// together too.
	bad2 := `entries:
  - {id: python, name: Python, kind: technology, category: language, aliases: [py]}
  - {id: snake, name: Snake, kind: technology, category: language, aliases: [PY]}
  - {id: glue, name: Glue, kind: technology, category: cloud_service, parent: aws}
`
	_, err = Parse("bad2.yaml", strings.NewReader(bad2))
	msg = fmtErr(err)
	for _, want := range []string{`bad2.yaml:3:5: alias "PY" of "snake" is also claimed by "python"`, `bad2.yaml:4:5: entry "glue": parent "aws" does not exist`} {
		if !strings.Contains(msg, want) {
			t.Errorf("validation errors lack %q:\n%s", want, msg)
		}
	}
	// A spelling in lists names one entry, and is no plain alias of it.
	bad3 := `entries:
  - {id: gcp, name: GCP, kind: technology, category: cloud_platform, in_lists: [google]}
  - {id: gsheets, name: Google Sheets, kind: technology, category: bi, in_lists: [Google]}
  - {id: aws, name: AWS, kind: technology, category: cloud_platform, aliases: [amazon], in_lists: [Amazon]}
`
	_, err = Parse("bad3.yaml", strings.NewReader(bad3))
	msg = fmtErr(err)
	for _, want := range []string{`bad3.yaml:3:5: in_lists "Google" of "gsheets" is also claimed by "gcp"`, `bad3.yaml:4:5: in_lists "Amazon" of "aws" is already its alias`} {
		if !strings.Contains(msg, want) {
			t.Errorf("validation errors lack %q:\n%s", want, msg)
		}
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestTaxonomyExtend(t *testing.T) {
	t.Parallel()
	base, err := Parse("base.yaml", strings.NewReader(testTaxonomy))
	if err != nil {
		t.Fatal(err)
	}
	over := `version: mine
remove: [c]
entries:
  - {id: python, name: Python, kind: technology, category: language, aliases: [py3, 파이쏜]}
  - {id: polars, name: Polars, kind: technology, category: library}
`
	tax, err := base.Extend("mine.yaml", strings.NewReader(over))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := tax.Lookup("c"); ok {
		t.Error("removed entry c is still there")
	}
	if tax.Version != "test+mine" {
		t.Errorf("version = %q", tax.Version)
	}
	m := NewMatcher(tax)
	if got := names(matchText(m, "파이쏜과 Polars, 파이썬")); got != "Polars, Python" {
		t.Errorf("extended match = %q", got)
	}
}

// Taxonomy files lay over the built-in one in order: a later file may
// remove or replace an earlier file's entry, and an error names its file.
func TestLoadInOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string { return testfiles.Write(t, dir, name, text) }
	a := write("a.yaml", "version: a\nentries:\n  - {id: polars, name: Polars, kind: technology, category: library}\n"+
		"  - {id: quokkadb, name: QuokkaDB, kind: technology, category: database}\n")
	b := write("b.yaml", "version: b\nremove: [quokkadb]\nentries:\n  - {id: polars, name: Polars, kind: technology, category: dataframe, aliases: [폴라스]}\n")
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tax, err := Load(a, b)
	if err != nil {
		t.Fatalf("Load(a, b): %v", err)
	}
	if want := base.Version + "+a+b"; tax.Version != want {
		t.Errorf("version %q, want %q", tax.Version, want)
	}
	if _, ok := tax.Lookup("quokkadb"); ok {
		t.Error("b.yaml removed quokkadb, a.yaml's entry is still there")
	}
	if got := names(matchText(NewMatcher(tax), "Polars와 폴라스, QuokkaDB")); got != "Polars" {
		t.Errorf("matched %q, want b.yaml's Polars alone", got)
	}
	if e, _ := tax.Lookup("polars"); e == nil || e.Category != "dataframe" {
		t.Errorf("polars = %+v, want b.yaml's category", e)
	}
	// Alone, b.yaml removes an entry that is not there.
	if _, err := Load(b); err == nil || !strings.Contains(err.Error(), "b.yaml:2:") || !strings.Contains(err.Error(), `no entry with id "quokkadb"`) {
		t.Errorf("Load(b) = %v, want b.yaml:2:...: no entry with id \"quokkadb\"", err)
	}
	if tax, err := Load(); err != nil || tax.Version != base.Version || len(tax.Entries) != len(base.Entries) {
		t.Errorf("Load() = %v; want the built-in taxonomy", err)
	}
}

// TestVendorPrefixedReference compares the in-place prefix test with the
// lowering and concatenation it replaces, on random forms and prefixes.
func TestVendorPrefixedReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "W", "s", "S", " ", "-", "g", "é", "É", "구"}
	gen := func(n int) string {
		var b strings.Builder
		for range r.IntN(n) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 50000 {
		form, pre := gen(8), strings.ToLower(gen(4))
		low := asciiLower(form)
		want := strings.HasPrefix(low, pre+" ") || strings.HasPrefix(low, pre+"-")
		if got := vendorPrefixed(form, pre); got != want {
			t.Fatalf("vendorPrefixed(%q, %q) = %v, want %v", form, pre, got, want)
		}
	}
}

// TestMayHoldAddress checks that a text without what mayHoldAddress looks
// for has no match inside an address, on random texts and matches.
func TestMayHoldAddress(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(15, 16))
	pieces := []string{"a", "Go", " ", "\n", "\t", ".", ":", "/", "@", "w", "ww", "www", "WWW.", "://", "x.io", "가"}
	for range 50000 {
		text := randomMix(r, pieces, 1+r.IntN(12))
		start := r.IntN(len(text))
		end := start + 1 + r.IntN(len(text)-start)
		if inURL(text, start, end) && !mayHoldAddress(text) {
			t.Fatalf("inURL(%q, %d, %d) without mayHoldAddress", text, start, end)
		}
	}
}

// TestMatchLineCues checks that the matcher, which reads the lines' cues
// from the phrases ParseRequirements found, matches what it finds when it
// scans the lines itself, also after the text was changed.
func TestMatchLineCues(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	n := 0
	for _, p := range samplePostings(t) {
		f := p.Source
		if p.lineWords() == nil {
			t.Fatalf("%s: no line phrases after parsing", f)
		}
		got := m.Match(p)
		bare := *p
		bare.lines = nil
		if want := m.Match(&bare); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: with line phrases %+v\nwithout %+v", f, got, want)
		}
		p.Text += "\nSpark, Kafka 경험자 우대; Python 필수"
		got = m.Match(p)
		bare.Text = p.Text
		if want := m.Match(&bare); !reflect.DeepEqual(got, want) {
			t.Errorf("%s, changed: with stale line phrases %+v\nwithout %+v", f, got, want)
		}
		n++
	}
	if n < 20 {
		t.Fatalf("only %d sample postings parsed", n)
	}
}

// TestSortByStart compares the insertion sort of candidates with
// sort.Slice on random spans reported as the walk reports them: by end,
// the longer first at one end.
func TestSortByStart(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(21, 22))
	for range 2000 {
		seen := map[[2]int]bool{}
		var cands []hit
		for range r.IntN(60) {
			end := 1 + r.IntN(200)
			start := max(0, end-1-r.IntN(20))
			if !seen[[2]int{start, end}] {
				seen[[2]int{start, end}] = true
				cands = append(cands, hit{start: start, end: end, entry: int32(len(cands))})
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].end != cands[j].end {
				return cands[i].end < cands[j].end
			}
			return cands[i].start < cands[j].start
		})
		want := slices.Clone(cands)
		sort.Slice(want, func(i, j int) bool {
			if want[i].start != want[j].start {
				return want[i].start < want[j].start
			}
			return want[i].end > want[j].end
		})
		sortByStart(cands)
		if !slices.Equal(cands, want) {
			t.Fatalf("sortByStart: %v, want %v", cands, want)
		}
	}
}

// TestASCIILowerReference compares the word-at-a-time lowering with
// lowering byte by byte, on random strings of capitals, their neighbours
// in ASCII ('@', '[', '`', '{') and bytes beyond ASCII, of every length
// around the eight-byte words.
func TestASCIILowerReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(31, 32))
	alphabet := []byte{'A', 'Z', 'M', 'a', 'z', '@', '[', '`', '{', '0', ' ', 0x7F, 0x80, 0xC1, 0xC0 | 'A', 0x80 | 'Z', 0xEA, 0xFF}
	for range 50000 {
		b := make([]byte, r.IntN(30))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		want := make([]byte, len(b))
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				c += 32
			}
			want[i] = c
		}
		if got := asciiLower(string(b)); got != string(want) {
			t.Fatalf("asciiLower(%q) = %q, want %q", b, got, want)
		}
	}
}

// TestLetters checks the word test for ASCII letters on every byte value
// in every position.
func TestLetters(t *testing.T) {
	t.Parallel()
	for c := 0; c < 256; c++ {
		isLetter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		for k := range 8 {
			w := uint64(c) << (8 * k)
			if got := letters(w|0x2121212121212121&^(0xFF<<(8*k))) != 0; got != isLetter {
				t.Fatalf("letters with %#x in byte %d = %v, want %v", c, k, got, isLetter)
			}
		}
	}
}

// A requirement cue on one line: "is a must" and "mandatory" require; a
// required cue taken back ("not required", "not mandatory") prefers,
// unless another required cue on the line stands untaken.
func TestLineCueWords(t *testing.T) {
	t.Parallel()
	const none = Requirement(255)
	for _, tt := range []struct {
		line string
		want Requirement
	}{
		{"Experience with SQL and Hive is a must", RequirementRequired},
		{"Strong Excel skills are a must.", RequirementRequired},
		{"Hive, Apache Spark: mandatory", RequirementRequired},
		{"Python 필수", RequirementRequired},
		{"Experience with SQL is a plus but not required", RequirementPreferred},
		{"Experience in Stata, Python, R is helpful, yet not required", RequirementPreferred},
		{"Hospital experience desirable but not mandatory", RequirementPreferred},
		{"Elastic Search experience would help, though not a must", RequirementPreferred},
		{"Python is required; R is not required", none},
		{"Must have Python; R is not required", none},
		{"Kafka 경험자 우대", RequirementPreferred},
		{"Experience in Graph Databases is desired.", RequirementPreferred},
		{"Hadoop, Hbase, Spark strongly desired", RequirementPreferred},
		{"working with ElasticSearch a big plus", RequirementPreferred},
		{"Docker experience is a huge plus", RequirementPreferred},
		{"Windows and Office would be an asset", RequirementPreferred},
		{"Desired Skills and Experience", none},
		{"Python and SQL", none},
	} {
		got, ok := LineCue(tt.line)
		if !ok {
			got = none
		}
		if got != tt.want {
			t.Errorf("LineCue(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
	// A taken-back cue is no preferred cue for the degree: "degree not
	// required" still says no degree is needed.
	if d, _, ok := degreeFromLine("Bachelor's degree not required"); !ok || d != DegreeNone {
		t.Errorf("degree of \"Bachelor's degree not required\" = %v, %v; want none", d, ok)
	}
}

// Scrapes that drop line breaks glue a term to the sentence after it
// ("PythonExperience") or before it ("experienceSQL"). The term counts
// where the glued word opens a sentence or the word before is all lower
// case; a name in camel case stays whole.
func TestMatchGluedSentences(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	for _, tt := range []struct {
		line      string
		want, not []string
	}{
		{"Strong skills in PythonExperience with SparkKnowledge of AWSFamiliarity with Airflow", []string{"Python", "Spark", "AWS", "Airflow"}, nil},
		{"Solid SQL skills with RDBMS such as Oracle or TeradataExperience with data cleansing", []string{"Teradata"}, nil},
		{"Years of analytics experienceSQL and preferredTableau dashboards", []string{"SQL", "Tableau"}, nil},
		// Not a sentence opener after it, not a lower-case word before it.
		{"Enterprise JavaBeans and a TableauPrep flow", nil, []string{"Java", "Tableau"}},
		{"our myJava portal", nil, []string{"Java"}},
	} {
		got := requirementsOf(m, Line{Text: "Requirements", Heading: true}, Line{Text: tt.line})
		for _, s := range tt.want {
			if _, ok := got[s]; !ok {
				t.Errorf("%q: %s not found (all: %v)", tt.line, s, got)
			}
		}
		for _, s := range tt.not {
			if _, ok := got[s]; ok {
				t.Errorf("%q: %s found", tt.line, s)
			}
		}
	}
	// On a description flattened into one long line, a glued sentence
	// ends the reach of a cue as a full stop does.
	lead := strings.Repeat("Work with analysts and engineers on the product roadmap and its metrics. ", 4)
	checkCueLines(t, m, []cueLine{
		{lead + "Fluency in Python or RExperience with Spark is a big plus", map[string]string{"Python": "required", "R": "required", "Spark": "preferred"}},
		{lead + "At least 3 years of experience in C++ or JavaAt least 2 years in Deep Learning is a plus", map[string]string{"Java": "required"}},
	})
}

// Unknown terms are products the taxonomy does not know. They split where
// a sentence opener is glued to the word before it ("teamThe" and
// "data.Experience" are two words); tracking tokens, ids and serialised
// nulls are none, while a name with a few changes of case is one.
func TestUnknownTerms(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	for _, tt := range []struct {
		lang string
		text string
		want []string
	}{
		{"en", "Work with our teamThe QuorvexDB engine and data.Experience with WidgetFlow.Strong plus for skillsExperience", []string{"QuorvexDB", "WidgetFlow"}},
		{"en", "Apply via RMjcuMTA5LjExNS4xNTU or aB3dE5fG7hJ9kL. Salary: None. Ph.D preferred. We run QuorvexDB and StreamWidget2Go.", []string{"QuorvexDB", "StreamWidget2Go"}},
		// A full stop glued to an everyday word ends a sentence; a
		// product's own dot does not ("Zorblet.IO").
		{"en", "Python, R, etc.QuorvexDB and others.WidgetFlow. Also etc.2 and Zorblet.IO", []string{"QuorvexDB", "WidgetFlow", "Zorblet.IO"}},
		// In Korean text every Latin word is a candidate, so the
		// everyday words of benefits and headings must not be listed.
		{"ko", "Refresh 휴가, MacBook Pro 지급, NYSE 상장사. POSITION: Back-end 개발 (Tech 리드). 주요 업무: QuorvexDB 운영", []string{"QuorvexDB"}},
		// A taxonomy name that was refuted or left unconfirmed is known,
		// not unknown.
		{"ko", "해외 컨퍼런스 지원: AWS re:Invent, EMR 연동 병원 데이터, QuorvexDB 운영", []string{"Invent", "QuorvexDB"}},
		{"en", "Our customers include Intuit, Postmates, Cloudflare and GitHub. Go ahead and try QuorvexDB.", []string{"QuorvexDB"}},
	} {
		if got := termNames(m.UnknownTerms(&Posting{Language: tt.lang, Text: tt.text})); !slices.Equal(got, tt.want) {
			t.Errorf("UnknownTerms(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func termNames(terms []Term) []string {
	var names []string
	for _, t := range terms {
		names = append(names, t.Name)
	}
	return names
}

// An unknown term is listed where it stands in a list beside a known
// technology, or beside a listed term: a new product's usual place.
func TestUnknownTermsListed(t *testing.T) {
	t.Parallel()
	m := defaultMatcher(t)
	for _, tt := range []struct {
		lang, text string
		listed     []string // the rest are not listed
	}{
		{"en", "Tools: Python, QuorvexDB, Tableau", []string{"QuorvexDB"}},
		{"en", "Spark | QuorvexDB or WidgetFlow & Kafka", []string{"QuorvexDB", "WidgetFlow"}},
		// A list that opens with unknown terms, however long.
		{"en", "QuorvexDB, WidgetFlow, StreamWidget2Go and Airflow", []string{"QuorvexDB", "StreamWidget2Go", "WidgetFlow"}},
		{"ko", "Airflow와 QuorvexDB 운영 경험, Spark 및 WidgetFlow 사용", []string{"QuorvexDB", "WidgetFlow"}},
		// Space alone, a bracket or a word between is no list.
		{"en", "Kubernetes QuorvexDB clusters; we love WidgetFlow. Also Python", nil},
		{"ko", "카프카(QuorvexDB) 구조 이해, NDC 코드와 Python", nil},
		// A concept is not a product list's neighbour.
		{"en", "ETL, QuorvexDB", nil},
		// Listed once is listed.
		{"en", "QuorvexDB is our engine. Stack: Go, Python, QuorvexDB.", []string{"QuorvexDB"}},
	} {
		var got []string
		for _, term := range m.UnknownTerms(&Posting{Language: tt.lang, Text: tt.text}) {
			if term.Listed {
				got = append(got, term.Name)
			}
		}
		if !slices.Equal(got, tt.listed) {
			t.Errorf("listed in %q = %q, want %q", tt.text, got, tt.listed)
		}
	}
}
