package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestYearsFromLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		min, max int
		ok       bool
	}{
		{"경력 3년 이상", 3, 0, true},
		{"데이터 엔지니어링 실무 경험 3년 이상", 3, 0, true},
		{"경력 3~5년", 3, 5, true},
		{"관련 경력 5년차 이상", 5, 0, true},
		{"신입", 0, 0, true},
		// Twenty years or more is the company's history.
		{"15+ years of relevant experience", 15, 0, true},
		// "plus" for "+".
		{"Five plus years’ development experience with a statistical programming language (R or Python)", 5, 0, true},
		{"Approximately 7 plus years data analysis/algorithm, development experience", 7, 0, true},
		{"five (5) plus years of working experience in analytics", 5, 0, true},
		{"IKOR is a consulting and software-development company with more than 25 years of experience in providing solutions", 0, 0, false},
		{"With more than 80 years of experience in data and 30 years in software, P2 has offices around the world", 0, 0, false},
		{"인스피언은 20년 이상 고객사와 기업간의 업무연계를 컨설팅해온 국내 최고의 전문가 집단입니다.", 0, 0, false},
		{"신입/경력 (경력 2년 이상 우대)", 0, 0, true},
		{"자사 프로그램 원격설치 및 운영 (메뉴얼 제공 및 교육. 초보 가능)", 0, 0, true},
		// A "신입" taken back.
		{"• 경력 : 1~5년 (신입 불가)", 1, 5, true},
		{"• 해당 업무 최소 3년 이상의 경력자 (신입 지원 불가)", 3, 0, true},
		{"(신입은 아쉽지만 다음에 다시 꼭 만나요!)", 0, 0, false},
		{"경력무관", 0, 0, true},
		{"• 경력: 무관", 0, 0, true},
		{"경력 : 무관", 0, 0, true},
		{"경력 : 경력(년수무관)", 0, 0, true},
		{"학력, 경력은 무관이며 오로지 제출하시는 자료로 확인합니다", 0, 0, true},
		{"5+ years of experience with Python", 5, 0, true},
		{"At least two years of professional experience", 2, 0, true},
		{"3-5 years experience in data engineering", 3, 5, true},
		// The years a line asks with "required" after them; a "year
		// minimum" can be something else's.
		{"Experience: 3-5 years required, 7+ preferred", 3, 5, true},
		{"This position requires U.S. Citizenship and a 7 (or 10) year minimum background investigation.", 0, 0, false},
		{"minimum of 4 years working with SQL", 4, 0, true},
		{"Senior: 경력 7년 이상 / Junior: 경력 2년 이상", 2, 0, true},
		{"3년 이상 근속 시 리프레시 휴가", 0, 0, false},
		{"Junior : 경력 5년 미만", 0, 0, false},
		{"we were founded 10 years ago", 0, 0, false},
		{"within 2 years you will lead the team", 0, 0, false},
		{"Python 능숙자", 0, 0, false},
		// Indeed's experience items: only a required one asks.
		{"Java: 3 years (Required)", 3, 0, true},
		{"PostgreSQL and SQL: 1 year (required)", 1, 0, true},
		{"Budgeting: 3 years (Preferred)", 0, 0, false},
		{"Contract length: 12 months (Required)", 0, 0, false},
		{"Security clearance: 3 years of service (Required)", 0, 0, false},
		// A list item that starts with its years.
		{"8+ years designing and delivering complex software systems", 8, 0, true},
		{"• 1-3 years leveraging OO programming techniques", 1, 3, true},
		{"2 years ago we moved to the cloud", 0, 0, false},
		// A flattened list glued the number to the word before it.
		{"Degree in Computer Science or related field4+ years of experience with Python", 4, 0, true},
		{"Knowledge of Looker7+ years of experience in analytics", 7, 0, true},
		{"Strong communication skills3-5 years of experience", 3, 5, true},
		// Not glue: a version or a product name with a number.
		{"Experience with Python3 and 2 years of experience with AWS", 2, 0, true},
		{"EC2 years of experience", 0, 0, false},
		{"in the field2023 years of experience", 0, 0, false},
	}
	for _, tt := range tests {
		lo, hi, ok := yearsFromLine(tt.in)
		if lo != tt.min || hi != tt.max || ok != tt.ok {
			t.Errorf("yearsFromLine(%q) = %d, %d, %v; want %d, %d, %v", tt.in, lo, hi, ok, tt.min, tt.max, tt.ok)
		}
	}
}

func TestDegreeFromLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Degree
		flex bool
		ok   bool
	}{
		{"학력: 대졸(4년재) 이상", DegreeBachelor, false, true},
		{"대학교졸업(4년) 이상", DegreeBachelor, false, true},
		{"학력무관", DegreeNone, false, true},
		{"대학졸업(2,3년) 이상", DegreeNone, false, true},
		{"석사 이상", DegreeMaster, false, true},
		// Dotted abbreviations that lost their last dot.
		{"B.S or M.S or Ph.D degree in an applicable field", DegreeBachelor, false, true},
		{"M.S or Ph.D. with research focus in deep learning", DegreeMaster, false, true},
		{"Requirements M.S / Ph. D., in Computer Science", DegreeMaster, false, true},
		{"You have at least a B.S degree in computer science.", DegreeBachelor, false, true},
		{"Qualifications For This Position Include PH. D in Computer Science, Business", DegreePhD, false, true},
		{"You have: Ph. D in engineering, computer science or physics", DegreePhD, false, true},
		{"a team of Ph. D.s and engineers", DegreeUnspecified, false, false},
		{"skillsM.S preferred, B.Sc. degree required in Computer Science", DegreeBachelor, false, true},
		// People with degrees, and the academic-affairs system, ask none.
		{"With a talent pool of developers, data scientists and Ph.Ds, we hold a unique position", DegreeUnspecified, false, false},
		{"Join a diverse team of highly talented Ph.D.s and industry experts", DegreeUnspecified, false, false},
		{"Our team of 15 data scientists (several of them with PHDS) is growing", DegreeUnspecified, false, false},
		{"기타 학사 시스템 연동 개발", DegreeUnspecified, false, false},
		{"MSCS Cluster 구성/운영, 보안 취약점 조치", DegreeUnspecified, false, false},
		{"MSc in Statistics", DegreeMaster, false, true},
		{"Advanced degree not required but preferred. Bachelor's degree (BA/BS) from four-year college", DegreeBachelor, false, true},
		{"Degree not required.", DegreeNone, false, true},
		// "무관" speaks of the field before it, not always of 학력.
		{"ᆞ학력 대졸 이상(4년) / 나이 성별 무관", DegreeBachelor, false, true},
		{"학력 : 학사 이상|경력 : 무관|컴퓨터/시스템공학", DegreeBachelor, false, true},
		{"ᆞ나이/성별/학력/전공 무관", DegreeNone, false, true},
		{"• 직무 관련 경력 최소 2년, 최대 12년 (학력 및 전공 무관)", DegreeNone, false, true},
		{"학력 : 4년제 졸업 이상(신입), 무관(경력)", DegreeNone, false, true},
		{"대학 학사행정 및 학사관리 솔루션 개발", DegreeUnspecified, false, false},
		{"PhD Scientist in computational biology", DegreePhD, false, true},
		{"Master of Science in Computer Science or related field", DegreeMaster, false, true},
		{"Master of Data Science, Statistics or Computer Science", DegreeMaster, false, true},
		{"Be a master of the people data. Generate weekly reports", DegreeUnspecified, false, false},
		{"Master of SQL 8/10, experience in HiveQL.", DegreeUnspecified, false, false},
		{"PhD, MS or BS in statistics", DegreeBachelor, false, true},
		{"컴퓨터공학 학사 이상", DegreeBachelor, false, true},
		{"학사/석사 학위 소지자", DegreeBachelor, false, true},
		{"석사 이상 우대", DegreeUnspecified, false, false},
		{"Bachelor's degree in Computer Science or equivalent experience", DegreeBachelor, true, true},
		{"BS/MS in Computer Science, Statistics or a related field", DegreeBachelor, false, true},
		{"PhD in Machine Learning", DegreePhD, false, true},
		{"MS or PhD in a related field", DegreeMaster, false, true},
		{"Master's degree preferred", DegreeUnspecified, false, false},
		// An advanced degree is a master's or more; beside a lower one
		// the lower asks.
		{"Advanced degree in a quantitative field (Math, Statistics, Computer Science)", DegreeMaster, false, true},
		{"College or advanced degree", DegreeBachelor, false, true},
		{"Bachelor’s Degree in a quantitative discipline; advanced degrees preferred", DegreeBachelor, false, true},
		{"Additional experience will be considered in lieu of an advanced degree.", DegreeMaster, true, true},
		{"Undergraduate or Masters degree in Marketing, Business, Engineering or related field", DegreeBachelor, false, true},
		{"Associates degree in Engineering or Related technical field", DegreeNone, false, true},
		{"• Engineering 이나 기타 관련 학부/석사 학위 소지자", DegreeBachelor, false, true},
		{"ᆞ머신러닝 / 딥러닝 관련 분야 석, 박사 및 경력 3년 이상", DegreeMaster, false, true},
		{"전문 학사 이상", DegreeNone, false, true},
		{"Master's or PhD in quantitative fields. Data science related major is a big plus.", DegreeMaster, false, true},
		{"Strong SQL skills. Master's degree preferred.", DegreeUnspecified, false, false},
		{"컴퓨터 공학 전공자 혹은 그에 준하는 전공 지식을 보유한 자", DegreeUnspecified, false, false},
		{"MSc degree in rigorous quantitative science", DegreeMaster, false, true},
		{"석/박사급 이상의 학력을 소지하고 있으신 분", DegreeMaster, false, true},
		{"신입 지원자격 : 학/석사 기졸업자", DegreeBachelor, false, true},
		// "4년제" names the school of a higher degree.
		{"4년제 대학교 석사 이상 (박사급 우대)", DegreeMaster, false, true},
		{"4년제 대학 박사 학위 소지자", DegreePhD, false, true},
		{"4년제 대학 졸업 이상 (석사 우대)", DegreeBachelor, false, true},
		{"4년제 대학 졸업 또는 석사", DegreeBachelor, false, true},
		{"자격요건 " + strings.Repeat("데이터 파이프라인 설계와 운영 경험이 있으신 분, ", 12) + "4년제 대학교 석사 이상, 박사 학위 소지자는 우대합니다", DegreeMaster, false, true},
		{"나이/성별/학력/전공 무관", DegreeNone, false, true},
		{"관련 분야의 학위 혹은 동등한 조건을 갖추신 분", DegreeBachelor, true, true},
		{"Python 경험", DegreeUnspecified, false, false},
		// Degree names start words.
		{"Ability to solve problems in a rapidly changing product", DegreeUnspecified, false, false},
		{"• RDBMS/NoSQL 기본을 이해하고 모델링할 수 있는 분", DegreeUnspecified, false, false},
		{"Post your jobs in one place, required", DegreeUnspecified, false, false},
		{"- DBSCAN, required", DegreeUnspecified, false, false},
		{"Undergraduate degree required", DegreeBachelor, false, true},
		{"…in the world.Bachelor’s degree required", DegreeBachelor, false, true},
		{"Doctorate degreeORMaster’s degree and 3 years of experienceORBachelor’s degree and 5 years", DegreeBachelor, false, true},
		{"Master’s degree or PhD in computer science", DegreeMaster, false, true},
		{"Ph.D. or MA/MS with 6 years of experience", DegreeMaster, false, true},
		{"Education RequirementsM.S, or Ph.D. in math", DegreeMaster, false, true},
		{"BS / MS in Mathematics or Computer Science", DegreeBachelor, false, true},
		{"BS, MS or PhD in a quantitative field", DegreeBachelor, false, true},
		{"MS, PhD in a quantitative field required", DegreeMaster, false, true},
		{"• 학력 : 컴퓨터 공학, 통계학 학사 이상 (석사 우대)", DegreeBachelor, false, true},
		{"Bachelor's (Preferred)", DegreeUnspecified, false, false},
		// Parentheses speak of the degree they follow.
		{"PhD (preferred) or MS in statistics, computer science or related mathematical disciplines", DegreeMaster, false, true},
		{"Bachelor's degree (required), Master's (preferred) in Computer Science", DegreeBachelor, false, true},
		{"Master's degree (Statistics, Economics) preferred", DegreeUnspecified, false, false},
		{"BS in Computer Science (MS preferred)", DegreeBachelor, false, true},
		{"MS or PhD (preferred) in physics or applied mathematics", DegreeMaster, false, true},
		{"Education: MS/Ph.D. (Preferred) in Computer Science, Physics, or a related discipline", DegreeUnspecified, false, false},
		{"A strong communicator, highly ethical and accepting of others PhD (preferred) or MS in statistics, computer science or related mathematical disciplines with an emphasis on both theoretical analysis and algorithmic implementation Minimum 5 years of experience developing statistical models", DegreeMaster, false, true},
		// A list flattened without spaces: the glued "Preferred" heads the
		// next item.
		{"Knowledge of databases and testing2+ years of experience in software coding and developmentBachelor's Degree or equivalent in MIS, Computer Science or related fieldPreferredRetail experience", DegreeBachelor, true, true},
		{"Strong SQL and Python skillsMaster's degree in Statistics preferredExperience with Tableau", DegreeUnspecified, false, false},
		{"Work with scrum masters and product owners; degree in computer science required", DegreeBachelor, false, true},
		// A page flattened to one line: each degree's own clause decides.
		{"Responsibilities Build reports and dashboards for the sales and marketing teams, automate recurring data pulls, and present findings to leadership every month. Qualifications Bachelor’s degree in related field; Master’s Degree preferred.5+ years of related experience in analytics, with strong SQL and Excel", DegreeBachelor, false, true},
		{"You have minimum 3 years of experience in a relevant field (Machine Learning, Natural Language Processing, Information Retrieval, Text Classification).You having a Ph.D. in a relevant field is a bonus.You have experience in or have knowledge of search engines and relevance ranking, and you are a strong Python programmer who ships.", DegreeUnspecified, false, false},
		{"Experience with Tableau or Looker is a plus and so is experience with dbt, Airflow and the modern data stack in a fast-moving startup environment. Requirements BS/MS in Statistics, Economics, Math, Physics, or similar quantitative field, or equivalent experience 4+ years of relevant work in analytics", DegreeBachelor, true, true},
		{"Ph.D. in Computer Science or Electrical Engineering major preferred", DegreeUnspecified, false, false},
		{"Degree in applied math or statistics, PhD/ MS required", DegreeMaster, false, true},
		{"M.S. in Computer Science, Applied Mathematics, or related field; Ph.D. preferred", DegreeMaster, false, true},
		{"B.A./B.S. degree from a leading institution; quantitative or technical degree a plus", DegreeBachelor, false, true},
		{"Bachelor's degree in a quantitative field (statistics, econometrics etc.). An advanced degree is preferred.", DegreeBachelor, false, true},
		{"M.S. or Ph.D. in Statistics. A data science major is a plus.", DegreeMaster, false, true},
		{"handled in less than 100 ms, we are experts, required", DegreeUnspecified, false, false},
	}
	for _, tt := range tests {
		d, flex, ok := degreeFromLine(tt.in)
		if d != tt.want || flex != tt.flex || ok != tt.ok {
			t.Errorf("degreeFromLine(%q) = %v, %v, %v; want %v, %v, %v", tt.in, d, flex, ok, tt.want, tt.flex, tt.ok)
		}
	}
}

func TestParseSalary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		min, max float64
		cur      string
	}{
		{"연봉 4,000~6,000만원", 4e7, 6e7, "KRW"},
		{"연봉: 5000만원 ~ 7000만원 (경력에 따라 협의)", 5e7, 7e7, "KRW"},
		{"월급 300만원", 3.6e7, 3.6e7, "KRW"},
		{"급여: 회사내규에 따름", 0, 0, ""},
		{"광고 예산 운영 (월 5억 원 규모)", 0, 0, ""},
		{"$120,000 - $150,000 a year", 120000, 150000, "USD"},
		{"Salary: $100k-$130k", 100000, 130000, "USD"},
		{"$50 - $60 per hour", 104000, 124800, "USD"},
		{"15 000 - 20 000 PLN/month", 180000, 240000, "PLN"},
		{"€60,000 to €75,000 per year", 60000, 75000, "EUR"},
		// Allowances and perks are no pay; pay named as such on the same
		// line still is.
		{"• 오피스 출근 관계없이 식비 월 30만원 급여 외 별도 지급 (연간 360만원)", 0, 0, ""},
		{"• 급여와는 별도로 월 20만 원 롯데포인트 지급 (점심 식대)", 0, 0, ""},
		{"연봉에 포함되지 않는 월 20만원 가량의 식대를 제공해 점심시간의 부담을 덜어드립니다.", 0, 0, ""},
		{"• 연 120만원의 자기계발비 : 월 10만원씩 도서구매에 사용할 수 있는 포인트", 0, 0, ""},
		{"• 자녀탄생 ~ 초등학교 졸업까지 연 120만원 육아수당 (월 10만원)", 0, 0, ""},
		{"연봉 4,000만원 이상, 식대 월 20만원 별도 지원", 4e7, 4e7, "KRW"},
		{"연봉 4,000~5,000만원 (성과급 별도)", 4e7, 5e7, "KRW"},
		{"• 인턴기간 급여 : 신입사원 월 290만원(경력직 협의)", 3.48e7, 3.48e7, "KRW"},
		{"연봉은 3,800~4,600만원 수준에서 면접 후 협의하며, 지원은 이력서로 받습니다. 식대 별도.", 3.8e7, 4.6e7, "KRW"},
		// A period word far from the range is about something else.
		{"Compensation: $45-52KSummary Do you have experience in the analysis of market data? We review monthly reports.", 45000, 52000, "USD"},
		{"Salary: $4,000 - $5,000 a month", 48000, 60000, "USD"},
		// Polish pay without a period is monthly.
		{"MID 12 800PLN - 17 600PLN in gross terms", 153600, 211200, "PLN"},
		{"Salary Range: PLN 350,700 - 474,400 + Benefits + Equity", 350700, 474400, "PLN"},
	}
	for _, tt := range tests {
		got := ParseSalary(tt.in)
		if got.Min != tt.min || got.Max != tt.max || got.Currency != tt.cur {
			t.Errorf("ParseSalary(%q) = %v–%v %q; want %v–%v %q", tt.in, got.Min, got.Max, got.Currency, tt.min, tt.max, tt.cur)
		}
	}
}

func TestHeadingKind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		marked bool
		want   SectionKind
		ok     bool
	}{
		{"[자격요건]", false, SectionRequirements, true},
		{"■ 우대사항", false, SectionPreferred, true},
		{"📌 주요업무", false, SectionResponsibilities, true},
		{"이런 일을 해요", false, SectionResponsibilities, true},
		{"이런 분이면 더 좋아요", false, SectionPreferred, true},
		{"혜택 및 복지", false, SectionBenefits, true},
		{"채용 절차", false, SectionProcess, true},
		{"What you'll do", false, SectionResponsibilities, true},
		{"Must have:", false, SectionRequirements, true},
		{"Nice to have", false, SectionPreferred, true},
		{"Bonus points", false, SectionPreferred, true},
		{"1. Requirements", false, SectionRequirements, true},
		{"우대사항: Kafka 경험", false, SectionPreferred, true},
		{"자격요건 및 우대사항", true, SectionRequirements, true},
		{"As a Data Scientist, you will:", false, SectionResponsibilities, true},
		{"Our Ideal Candidate will have:", false, SectionRequirements, true},
		{"Bonus points if you have:", false, SectionPreferred, true},
		// Headings of English postings in many wordings.
		{"What we look for", false, SectionRequirements, true},
		{"Key Qualifications:", false, SectionRequirements, true},
		{"Education and/or Experience", false, SectionRequirements, true},
		{"What you bring to the table", false, SectionRequirements, true},
		{"What You've Done", false, SectionRequirements, true},
		{"Essential Functions", false, SectionResponsibilities, true},
		{"Primary Responsibilities:", false, SectionResponsibilities, true},
		{"Additional Preferred Qualifications", false, SectionPreferred, true},
		{"What we can offer you", false, SectionBenefits, true},
		{"About our organization", false, SectionCompany, true},
		{"What to expect in the interview process", false, SectionProcess, true},
		// A longer sentence that leads into a list of "the following".
		{"To excel in these daily activities, a Data Engineer at Productive Edge would make use of the following experience and skills:", false, SectionRequirements, true},
		{"In addition, the following skills and experience would be an advantage, but we DO NOT expect that a successful candidate would have all of these:", false, SectionPreferred, true},
		{"As a Language Data Tester, you will be asked to assist with some or all of the following tasks to improve Artificial Intelligence:", false, SectionResponsibilities, true},
		{"The following items are required to be submitted with your application. Applicants who do not submit the required items timely may not be considered:", false, SectionProcess, true},
		{"In addition, Snowflake’s culture was built on the following values that are even more important to us today:", false, 0, false},
		{"We build software for hospitals, and our engineers have strong experience with the systems our customers use every day:", false, 0, false},
		// A qualifier before a requirements heading decides its kind.
		{"Required Skills And Experience", false, SectionRequirements, true},
		{"Preferred Skills And Experience", false, SectionPreferred, true},
		{"Desired Candidate Skills And Experience", false, SectionPreferred, true},
		{"Required Technical Skills:", false, SectionRequirements, true},
		{"Required Skillsets", false, SectionRequirements, true},
		{"Desireable Skills And Experience", false, SectionPreferred, true},
		{"RECOMMENDED QUALIFICATIONS", false, SectionPreferred, true},
		{"Recommended Qualifications:", false, SectionPreferred, true},
		{"Preferred Business Partners", false, 0, false},
		{"Required Reading", false, 0, false},
		// LinkedIn's label for the whole qualifications block.
		{"Desired Skills and Experience", false, SectionRequirements, true},
		{"What You Need for this Position", false, SectionRequirements, true},
		{"Python과 SQL에 능숙하신 분", false, 0, false},
		{"We are building the future of data", false, 0, false},
	}
	for _, tt := range tests {
		got, ok := HeadingKind(tt.in, tt.marked)
		if got != tt.want || ok != tt.ok {
			t.Errorf("HeadingKind(%q, %v) = %v, %v; want %v, %v", tt.in, tt.marked, got, ok, tt.want, tt.ok)
		}
	}
}

// TestLookupHeading checks that giving up on keys longer than any heading
// finds what a full key would: every heading (padded with decoration and
// spaces), and lines around the longest key's length, with Korean runes
// straddling the cut.
func TestLookupHeading(t *testing.T) {
	t.Parallel()
	full := func(s string) (SectionKind, bool) {
		k, ok := headings[headingKey(s)]
		return k, ok
	}
	var lines []string
	for k := range headings {
		lines = append(lines, k, "  "+strings.ToUpper(k)+" ", k+"x", k+"가", "가"+k)
	}
	for n := maxHeadingKey - 4; n <= maxHeadingKey+4; n++ {
		lines = append(lines, strings.Repeat("a", n), strings.Repeat("a", n-3)+"가", strings.Repeat("a", n-1)+"가")
	}
	if maxHeadingKey < 20 || maxHeadingKey > 120 {
		t.Fatalf("maxHeadingKey = %d, want the length of a real heading", maxHeadingKey)
	}
	for _, l := range lines {
		gk, gok, _ := lookupHeading(l, nil)
		wk, wok := full(l)
		if gk != wk || gok != wok {
			t.Errorf("lookupHeading(%q) = %v, %v; full key gives %v, %v", l, gk, gok, wk, wok)
		}
	}
}

func TestSplitGluedHeadings(t *testing.T) {
	t.Parallel()
	pad := strings.Repeat("We build things. ", 20)
	in := "Who We AreAt Criteo, we connect shoppers. " + pad + "OverviewA Data Analyst works here." + pad + "we like it.QualificationsBachelor's degree in statistics. Requirements: SQL and Python."
	got := SplitGluedHeadings(in)
	for _, want := range []string{"\nWho We Are\nAt Criteo", "\nOverview\nA Data Analyst", "it.\nQualifications\nBachelor's", "\nRequirements:\n SQL"} {
		if !strings.Contains("\n"+got, want) {
			t.Errorf("SplitGluedHeadings lacks %q:\n%s", want, got)
		}
	}
	if short := "QualificationsBachelor"; SplitGluedHeadings(short) != short {
		t.Error("a short line was split")
	}
	// Each edge rule, and the lines it must leave alone. want is the
	// heading on a line of its own, or "" for no split.
	for _, tt := range []struct{ in, want string }{
		{"the costs are met.Responsibilities Work with the team", "Responsibilities"},
		{"drive informed actions. Qualifications Master degree in statistics", "Qualifications"},
		{"run ad-hoc analytics tasks Required Skills And Experience Strong SQL", "Required Skills And Experience"},
		{"help with the project design Desired Skills and Experience: 2-4 years", "Desired Skills and Experience:"},
		{"run the pipelines as requestedJob RequirementsAbility to thrive", "Job Requirements"},
		{"scale the growthDesired Skills And ExperiencePassion for users", "Desired Skills And Experience"},
		{"and communication skills.Skills And Experience5 years in analysis", "Skills And Experience"},
		{"Pocket Geek user analytics Requirements Experience with PyTorch", "Requirements"},
		{"BS/MS in Computer Science or equivalent Nice To Haves Prior experience with NLP", "Nice To Haves"},
		{"a degree in a related field Nice to haves Experience with Airflow", "Nice to haves"},
		{"write the Business Requirements Document for each release", ""},
		{"gathering requirements. Requirements gathering is a core duty", ""},
		{"we share the Qualifications of all staff", ""},
		// Duties, requirements and preferred headings in any case a
		// heading is written in; the others only as listed.
		{"deploy them.About The RoleAs a computer vision expert you will", "About The Role"},
		{"for production systems.Minimum qualificationsBS degree in Computer Science", "Minimum qualifications"},
		{"new applications for users.Who you arePh.D. or MS in Computer Science", "Who you are"},
		{"a strong team player.NICE TO HAVEExperience with Spark", "NICE TO HAVE"},
		{"the marketing engine.About The TeamOur team delivers insights", ""},
		{"as listed.About the TeamOur team delivers insights", "About the Team"},
		{"built on care.EDUCATIONAL BACKGROUND matters to us", ""},
		{"the role.NICE TO HAVEAWS certifications", ""},
		{"it would be.Nice To HAve Spark", ""},
		{"it would be nice to have Spark on the team", ""},
	} {
		got := SplitGluedHeadings(pad + tt.in + " " + pad)
		split := tt.want != "" && strings.Contains(got, "\n"+tt.want+"\n")
		if split != (tt.want != "") || tt.want == "" && strings.Count(got, "\n") > 0 {
			t.Errorf("SplitGluedHeadings(%q) = %q, want %q on a line of its own", tt.in, got[len(pad):], tt.want)
		}
	}
	// Any mix of headings, words and glue splits without a panic, keeps
	// every non-space byte, and gives cues for every offset of each part.
	words := []string{"Required", "Skills And Experience", "Requirements", "Qualifications", "Job", "and", "And", "&", ":", ".",
		"x", "Work", "5", "data", "preferred", "Nice to have:", "Desired Skills and Experience", "Our requirements:", "\n", "데이터", ")"}
	r := uint64(11)
	for range 1500 {
		var b strings.Builder
		for b.Len() < 320 {
			r = r*6364136223846793005 + 1442695040888963407
			b.WriteString(words[int(r>>33)%len(words)])
			if r>>40&1 == 1 {
				b.WriteByte(' ')
			}
		}
		in := b.String()
		got := SplitGluedHeadings(in)
		if strip := func(s string) string { return strings.Join(strings.Fields(s), "") }; strip(got) != strip(in) {
			t.Fatalf("SplitGluedHeadings(%q) = %q: text changed", in, got)
		}
		for line := range strings.SplitSeq(got, "\n") {
			for off := 0; off <= len(line); off += 7 {
				cueInScope(line, off, true)
			}
		}
	}
}

// A bullet list flattened onto one line: each item on its own line, a
// heading glued to the end of an item on its own, the first words of a
// longer heading left alone; then the sections and cues follow.
func TestSplitBullets(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Skills and Qualifications: •SQL •Python", "Skills and Qualifications:\n•SQL\n•Python"},
		{"•Ability to work under pressure Preferred Qualifications •AWS certification",
			"•Ability to work under pressure\nPreferred Qualifications\n•AWS certification"},
		{"Bonus Skills: •Snowflake •Fivetran", "Bonus Skills:\n•Snowflake\n•Fivetran"},
		{"•Three years of experience in analytics Bonus Skills: •Snowflake", "•Three years of experience in analytics\nBonus Skills:\n•Snowflake"},
		{"•Write clear weekly reports Skills and Qualifications: •SQL", "•Write clear weekly reports\nSkills and Qualifications:\n•SQL"},
		{"Join the data people in the city. Your Responsibilities: •Build •Run", "Join the data people in the city.\nYour Responsibilities:\n•Build\n•Run"},
		{"One item • only", "One item • only"},
	}
	for _, tt := range tests {
		if got := splitBullets(tt.in); got != tt.want {
			t.Errorf("splitBullets(%q) =\n%q, want\n%q", tt.in, got, tt.want)
		}
	}
	// Any mix of words, bullets and headings splits without a panic and
	// keeps every non-space byte.
	words := []string{"•", " •", "and", "&", "Skills", "Bonus", "Required Qualifications", ":", "x", "A", " ", "데이터", "Responsibilities"}
	r := uint64(7)
	for range 20000 {
		var b strings.Builder
		for range 12 {
			r = r*6364136223846793005 + 1442695040888963407
			b.WriteString(words[int(r>>33)%len(words)])
			if r>>40&1 == 1 {
				b.WriteByte(' ')
			}
		}
		in := b.String()
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if got := splitBullets(in); strip(got) != strip(in) {
			t.Fatalf("splitBullets(%q) = %q: text changed", in, got)
		}
	}
	p, err := NewReader(Config{}).Parse(Input{Source: "flat.txt", Format: FormatText, Data: []byte("Data Analyst\n" +
		"We are looking for an analyst to join our growing team of data people in the city. " +
		"Your Responsibilities: •Build dashboards in Tableau •Write reports " +
		"Skills and Qualifications: •SQL and Python •Three years of experience in analytics Bonus Skills: •Snowflake •dbt\n")})
	if err != nil {
		t.Fatal(err)
	}
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(tax)
	got := map[string]Requirement{}
	for _, s := range m.Match(p) {
		got[s.Name] = s.Requirement
	}
	for name, want := range map[string]Requirement{"Tableau": RequirementResponsibility, "SQL": RequirementRequired, "Python": RequirementRequired, "Snowflake": RequirementPreferred} {
		if got[name] != want {
			t.Errorf("%s is %v, want %v (all: %v)", name, got[name], want, got)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"데이터 파이프라인을 개발하고 운영합니다. Python, Airflow, Spark, Kafka, AWS를 사용합니다.", "ko"},
		{"We are looking for a data engineer with experience in Python and SQL.", "en"},
		{"데이터 엔지니어를 찾습니다.\nWhat you will do\n- you will build the data platform with our team\n자격요건\n- Python 경험 3년 이상", "mixed"},
		{"Analytics Engineer (경력 3~5년)\n[About us]\n스텝로그는 리워드 앱을 운영합니다.\n- dbt, BigQuery, Airflow 경험", "ko"},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.in); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two", []string{"One", "Two"}},
		{"M.S. or Ph.D. in math. A plus", []string{"M.S. or Ph.D. in math", "A plus"}},
		{"MS in CS; PhD preferred", []string{"MS in CS", "PhD preferred"}},
		{"etc.). An advanced degree", []string{"etc.)", "An advanced degree"}},
		{"No split.Here 3.5 years", []string{"No split.Here 3.5 years"}},
		{"Trailing. ", []string{"Trailing", ""}},
	}
	for _, tt := range tests {
		got := slices.Collect(sentences(tt.in))
		if !slices.Equal(got, tt.want) {
			t.Errorf("sentences(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestDegreeOrYears(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"• 관련분야 석사학위 소지자 또는 2년 이상 경력", true},
		{"• 해당 분야 석사, 박사 학위 혹은 5년 이상의 개발 경력", true},
		{"• 개발 경력 3년 이상 또는 관련 분야 학위(석사/박사)를 소지하신 분", true},
		{"• 지원 자격: 경력직 혹은 석사 이상 신입", true},
		{"Master's degree or 3+ years of relevant experience", true},
		{"Bachelor's degree in CS, or at least 4 years of experience", true},
		// Both asked, or the alternative is an equivalent, not years.
		{"BS in Computer Science or a related field, 3+ years of experience", false},
		{"학사 이상 또는 이에 준하는 역량, 경력 3년 이상", false},
		{"• 통계 관련 학위 또는 실무 경험 7년 이상 (석/박사 경력 인정)", true},
		{"Bachelor's degree and 5 years of experience OR Master's degree and 3 years", false},
		{"5+ years of experience with Python or Scala", false},
		{"MS or PhD in Statistics", false},
		{"PhD or MS/BS in Biology with a minimum of 2 years (PhD) or 6 years (MS/BS) industry experience.", false},
		{"• Data Scientist 관련 경력 2년 이상 또는 석사 포함 2년 이상", false},
		{"Minimum 2 years of experience performing analysis for an ecommerce or internet company. Bachelor's degree required", false},
		{"4+ years in a security engineering or SOC role in a cloud services environmentBA/BS degree or 4 years equivalent experience in diverse security, DevOps and compliance roles.Strong knowledge of AWS security services and of the shared responsibility model", false},
	}
	for _, tt := range tests {
		if got := degreeOrYears(tt.in, reqWords.scan(tt.in)); got != tt.want {
			t.Errorf("degreeOrYears(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

// TestPreferredYears checks that years a requirements line only prefers
// are no minimum, while a cue about something else on the line leaves them
// asked.
func TestPreferredYears(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line  string
		years int // -1: none
	}{
		{"At least one year of experience is preferred.", -1},
		{"3-5 years of relevant work experience preferred", -1},
		{"Ideally 1+ years of work experience as a data scientist", -1},
		{"• 백엔드 개발 업무 2년 이상 수행 경험자 우대", -1},
		// The cue speaks of something else.
		{"2+ years in data analytics, ideally in e-commerce", 2},
		{"7+ years of experience in data science ideally related to marketing", 7},
		{"Minimum 3 years of experience, 5+ years preferred", 3},
		{"Master's degree (Ph.D. preferred) and a minimum of 5-7 years of related work experience", 5},
		{"4-year degree in Computer Science preferred; 2+ years of experience as a data analyst", 2},
		{"BS required, MS preferred in Computer Science or related disciplineAt least 3 years of relevant professional experience", 3},
		{"Masters preferred2+ years of experience analyzing very large data sets", 2},
		{"Proficient in Java or Scala (3+ years experience recommended)", -1},
		{"At least 5 years of experience recommended", -1},
		{"Degree in Supply Chain and/or 5 years equivalent experience preferred• Minimum 3 years’ experience in analytics", 3},
		// 신입 stands for no years, whatever else the line prefers.
		{"신입/경력 (경력 2년 이상 우대)", 0},
	}
	r := NewReader(Config{})
	for _, tt := range tests {
		text := "Data Analyst\n\nRequirements\n- " + tt.line + "\n- Clear written communication with product and engineering teams\n"
		p, err := r.Parse(Input{Source: "job.txt", Format: FormatText, Data: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		got := -1
		if q := p.Requirements; q.HasYears {
			got = q.YearsMin
		}
		if got != tt.years {
			t.Errorf("%q: years %d, want %d", tt.line, got, tt.years)
		}
	}
}

func TestRequirementsWithAlternatives(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text   string
		years  int
		degree Degree
	}{
		// The degree route needs no years, the years route no degree.
		{"데이터 사이언티스트\n\n자격요건\n• 관련분야 석사학위 소지자 또는 2년 이상 경력\n• Python 능숙자\n", 0, DegreeUnspecified},
		{"Data Scientist\n\nRequirements\n- Master's degree or 3+ years of relevant experience\n- SQL\n", 0, DegreeUnspecified},
		// Both asked.
		{"Data Engineer\n\nRequirements\n- BS in Computer Science or a related field\n- 3+ years of experience with Spark\n", 3, DegreeBachelor},
		// Expected graduates: no years, unless another line asks some.
		{"데이터 엔지니어\n\n자격요건\n• 컴퓨터공학 전공 석사 이상 (졸업 예정자 가능)\n", 0, DegreeMaster},
		{"데이터 사이언티스트\n\n자격요건\n- 전문연구요원 자격 요건을 갖춘 분 (졸업 예정자 포함)\n- 1년 이상의 ML 모델링 경험을 가진 분\n", 1, DegreeUnspecified},
		// The years another line asks stand.
		{"Data Scientist\n\nRequirements\n- 5+ years of research experience or a PhD\n- 3+ years of experience with recommender systems\n", 3, DegreeUnspecified},
		// An alternative elsewhere does not lower a stated minimum.
		{"데이터 엔지니어\n\n자격요건\n• 학사 이상\n• 경력 3년 이상\n", 3, DegreeBachelor},
		// A preferred section that says no experience is needed: years 0
		// where no other line asks some.
		{"CV 연구원\n\n자격요건\n• CS, EE 등 관련 분야의 석사학위\n\n우대사항\n• Medical Image 연구 경험\n• 석사 이상 경력 무관(전문연구요원)\n", 0, DegreeMaster},
		{"CV 연구원\n\n자격요건\n• 경력 2년 이상\n\n우대사항\n• 신입도 지원 가능\n", 2, DegreeUnspecified},
	}
	r := NewReader(Config{})
	for _, tt := range tests {
		text := tt.text + "- Clear written communication with product and engineering teams\n"
		p, err := r.Parse(Input{Source: "job.txt", Format: FormatText, Data: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		if q := p.Requirements; !q.HasYears || q.YearsMin != tt.years || q.Degree != tt.degree {
			t.Errorf("%q: years %d (%v), degree %v; want %d, %v", tt.text, q.YearsMin, q.HasYears, q.Degree, tt.years, tt.degree)
		}
	}
}

// TestYearsLevelAcrossRoutes: a line that offers two routes of years
// asks the fewer; a line that asks two things at once asks the more.
func TestYearsLevelAcrossRoutes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line     string
		min, lvl int
	}{
		{"- 개발경력 6년 이상 또는 DevOps 경험이 2년 이상인 분", 2, 2},
		{"- 5+ years of Python and 3+ years of Spark, or 8+ years of software engineering", 3, 5},
		{"- 7+ years of backend experience or 4+ years in data engineering", 4, 4},
		// No route: both are asked.
		{"- 2+ years of Airflow and 5+ years of data engineering", 2, 5},
		{"- 데이터 엔지니어링 경력 5년 이상, Airflow 운영 경험 2년 이상", 2, 5},
		// An "or" with years on one side only is no choice of years.
		{"- 5+ years of data engineering experience with Spark or Flink (2+ years of Flink a plus)", 2, 5},
		{"- 5+ years experience with data analytics, BI, reporting, or equivalent field; 2+ years experience leading an analytics team", 2, 5},
		// Degree routes are one level: the degree stands for years.
		{"- BS with 5+ years of experience, or MS with 3+ years, or PhD with 1+ years of experience in chemistry", 1, 5},
		{"- 신입 또는 경력 3년 이상 7년 이하인 분", 0, 3},
	}
	r := NewReader(Config{})
	for _, tt := range tests {
		text := "Data Engineer\n\n자격요건\n" + tt.line + "\n- Clear written communication with product teams\n"
		p, err := r.Parse(Input{Source: "job.txt", Format: FormatText, Data: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		if q := p.Requirements; !q.HasYears || q.YearsMin != tt.min || max(q.YearsLevel, q.YearsMin) != tt.lvl {
			t.Errorf("%q: years_min %d (%v), level %d; want %d, %d", tt.line, q.YearsMin, q.HasYears, q.YearsLevel, tt.min, tt.lvl)
		}
	}
}

// TestTitleYears: a title's years are experience asked when the text asks
// none; a contract's length is not.
func TestTitleYears(t *testing.T) {
	t.Parallel()
	tests := []struct {
		title, body string
		years       int // -1: none
	}{
		{"AI 엔지니어 (2년 이상)", "• Python 개발 경험", 2},
		{"DT전략기획/DT컨설턴트 (3~10년)", "• 전략 기획 업무", 3},
		{"[2년이상] 보안인프라 운영 담당자", "• 방화벽 운영", 2},
		{"Sr Data Scientist with Strong Python 9 Years", "- Strong Python and SQL", 9},
		{"C/C++개발자(2년~)", "• 리눅스 환경 개발", 2},
		{"[로톡] 시니어(7년내외) 백엔드 개발자 (Node.js)", "• Node.js 서버 개발", 7},
		// "2년~5년" is a range, which yearsOfLine reads.
		{"데이터 엔지니어 (2년~5년)", "• Airflow 운영", 2},
		// The text's years come first.
		{"DBA (3년 이상)", "• MySQL 운영 경력 5년 이상", 5},
		// A fixed term, and a maximum, are no minimum.
		{"[카카오헤어샵] 데이터 분석 (계약직 1년)", "• SQL 활용 능력", -1},
		{"Data Analyst (Contract, 1 year)", "- SQL and Excel", -1},
		{"LLM Researcher (경력 5년이하)", "• 자연어 처리 연구", -1},
		{"데이터 엔지니어 (5년~ 이하)", "• Airflow 운영", -1},
		// Numbers that are not years.
		{"Data Engineer 2", "- Spark and Airflow", -1},
	}
	r := NewReader(Config{})
	for _, tt := range tests {
		text := tt.title + "\n\n자격요건\n" + tt.body + "\n- Clear written communication with product teams\n"
		p, err := r.Parse(Input{Source: "job.txt", Format: FormatText, Data: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != tt.title {
			t.Fatalf("title %q, want %q", p.Title, tt.title)
		}
		got := -1
		if q := p.Requirements; q.HasYears {
			got = q.YearsMin
		}
		if got != tt.years {
			t.Errorf("%q: years %d, want %d", tt.title, got, tt.years)
		}
	}
}
