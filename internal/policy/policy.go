// Package policy holds the numbers of the plan as data: the embedded policy file
// and the loader that checks every key, its type and its unit.
package policy

import (
	_ "embed"
	"strconv"
	"strings"
)

//go:embed changle-2024q1.yaml
var builtin []byte

// BuiltinName names the embedded file in messages and in the 参数 sheet.
const BuiltinName = "内置 changle-2024q1.yaml"

// Policy is one plan's parameters, each measure citing its clause.
type Policy struct {
	ID             string         `yaml:"id"`
	Title          string         `yaml:"title"`
	Document       string         `yaml:"document"`
	Periods        Periods        `yaml:"periods"`
	ValueAdd       ValueAdd       `yaml:"valueadd"`
	PowerBonus     PowerBonus     `yaml:"powerbonus"`
	SpringFestival SpringFestival `yaml:"springfestival"`
	NewListing     NewListing     `yaml:"newlisting"`
	TechReform     TechReform     `yaml:"techreform"`
	Recruit        Recruit        `yaml:"recruit"`
	StableJobs     StableJobs     `yaml:"stablejobs"`
}

// Measure is what every measure states about itself.
type Measure struct {
	Clause int    `yaml:"clause"`
	Name   string `yaml:"name"`
	Text   string `yaml:"text"`
	// Labels writes the plan's years and periods into texts; set from the policy's periods.
	Labels *strings.Replacer `yaml:"-"`
}

// Label writes a text naming the plan's periods: "{base_year}产值" → "2023年产值".
func (m Measure) Label(text string) string {
	if m.Labels == nil {
		return text
	}
	return m.Labels.Replace(text)
}

// Periods are the years and quarters the clauses name, as the plan writes them.
type Periods struct {
	Year            string `yaml:"year"`
	BaseYear        string `yaml:"base_year"`
	Quarter         string `yaml:"quarter"`
	PreviousQuarter string `yaml:"previous_quarter"`
}

// ClauseLabel is the clause as cited in every output row: "第7条".
func (m Measure) ClauseLabel() string { return clauseLabel(m.Clause) }

// ValueAdd is 第7条 增加值率奖励: tiers in order, the first one met pays.
type ValueAdd struct {
	Measure `yaml:",inline"`
	Tiers   []ValueAddTier `yaml:"tiers"`
}

// ValueAddTier pays Award when both 2023 output and value-added rate reach their minimum.
type ValueAddTier struct {
	OutputMin Min[Money]   `yaml:"output_min"`
	RateMin   Min[Percent] `yaml:"rate_min"`
	Award     Money        `yaml:"award"`
}

// PowerBonus is 第8条 增产增效奖励.
type PowerBonus struct {
	Measure `yaml:",inline"`
	// OutputGrowthTieQualifies: "产值增幅不低于用电增幅" — equal growths qualify.
	OutputGrowthTieQualifies bool       `yaml:"output_growth_tie_qualifies"`
	NewEntrantOutputMin      Min[Money] `yaml:"new_entrant_output_min"`
	Manufacturing            Industries `yaml:"manufacturing"`
	MunicipalShare           Percent    `yaml:"municipal_share"`
	Cap                      Money      `yaml:"cap"`
	Floor                    Floor      `yaml:"floor"`
}

// SpringFestival is 第9条 春节期间企业用电奖励.
type SpringFestival struct {
	Measure        `yaml:",inline"`
	Period         Window      `yaml:"period"`
	KWhMin         Min[Energy] `yaml:"kwh_min"`
	MunicipalShare Percent     `yaml:"municipal_share"`
	Cap            Money       `yaml:"cap"`
	Floor          Floor       `yaml:"floor"`
}

// NewListing is 第10条 新增纳统奖励 (榕升计划).
type NewListing struct {
	Measure         `yaml:",inline"`
	InclusionWindow Window        `yaml:"inclusion_window"`
	ListingTypes    []ListingType `yaml:"listing_types"`
	OtherTypes      []string      `yaml:"other_types"`
	Award           Money         `yaml:"award"`
}

// ListingType is one of 第10条's kinds of 纳统 and the words that name it.
type ListingType struct {
	Name  string   `yaml:"name"`
	Words []string `yaml:"words"`
}

// TechReform is 第14条 技改项目配套奖励.
type TechReform struct {
	Measure         `yaml:",inline"`
	StartWindow     Window  `yaml:"start_window"`
	ProvincialShare Percent `yaml:"provincial_share"`
	MunicipalShare  Percent `yaml:"municipal_share"`
}

// Recruit is 第23条 招聘活动一次性补助.
type Recruit struct {
	Measure                 `yaml:",inline"`
	PerEventOutsideProvince Money    `yaml:"per_event_outside_province"`
	PerEventInsideProvince  Money    `yaml:"per_event_inside_province"`
	MaxEventsPerYear        int      `yaml:"max_events_per_year"`
	EventWindow             Window   `yaml:"event_window"`
	InsideProvinceWords     []string `yaml:"inside_province_words"`
	OutsideProvinceWords    []string `yaml:"outside_province_words"`
}

// StableJobs is 第23条 一次性稳定就业奖补.
type StableJobs struct {
	Measure           `yaml:",inline"`
	OutputRatioMin    Min[Percent] `yaml:"output_ratio_min"`
	HeadcountRatioMin Min[Percent] `yaml:"headcount_ratio_min"`
	// Award is "按规定标准": not in the text, so null until the user supplies it.
	Award *Money `yaml:"award"`
}

// Industries is a 门类 of GB/T 4754-2017 (国民经济行业分类) and its 大类, both ends included.
type Industries struct {
	Section string `yaml:"section"`
	From    int    `yaml:"from"`
	To      int    `yaml:"to"`
}

// HasDivision reports whether 大类 d belongs to the 门类.
func (s Industries) HasDivision(d int) bool { return d >= s.From && d <= s.To }

func (s Industries) String() string {
	return "门类" + s.Section + "（大类" + strconv.Itoa(s.From) + "–" + strconv.Itoa(s.To) + "）"
}

func clauseLabel(n int) string { return "第" + strconv.Itoa(n) + "条" }
