package sheet

// synonyms lists, per field, the headers staff write for it, canonical first.
// Headers are compared after normalizeHeader: NFKC, no spaces or line breaks,
// no leading 是否, no bracketed unit.
var synonyms = map[string][]string{
	"seq":              {"序号", "编号"},
	"name":             {"企业名称", "单位名称", "企业(单位)名称", "纳税人名称", "企业全称"},
	"code":             {"统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码"},
	"town":             {"所属乡镇(街道)", "乡镇(街道)", "乡镇街道", "所属镇街", "镇街", "所属乡镇", "乡镇"},
	"remark":           {"备注"},
	"above_scale":      {"规上工业企业", "规模以上工业企业", "规上工业"},
	"output_2023":      {"2023年产值", "2023年工业总产值", "2023年度工业总产值", "2023年度产值"},
	"value_added_rate": {"增加值率", "工业增加值率", "2023年增加值率", "2023年工业增加值率"},
	"value_added_2023": {"2023年工业增加值", "2023年增加值", "2023年度工业增加值"},
	"spring_kwh":       {"春节期间用电量", "2024年2月用电量", "2月用电量", "春节用电量"},
	"municipal_award":  {"市级奖励金额", "市级奖励", "市级奖励资金"},
	"manufacturing":    {"规上制造业企业", "规模以上制造业企业"},
	"provincial_met":   {"符合省级增产增效奖励条件", "符合2024年一季度省级增产增效奖励条件", "省级增产增效奖励条件", "符合省级增产增效条件"},
	"new_entrant":      {"2024年一季度新投产纳统", "一季度新投产纳统", "新投产纳统企业"},
	"output_growth":    {"一季度产值增幅", "产值增幅", "2024年一季度产值增幅"},
	"power_growth":     {"一季度用电增幅", "用电增幅", "2024年一季度用电增幅"},
	"output_2024q1":    {"2024年一季度产值", "2024年一季度总产值", "2024年一季度工业总产值", "一季度总产值", "一季度产值"},
	"output_2023q1":    {"2023年一季度产值", "2023年一季度总产值", "2023年一季度工业总产值"},
	"kwh_2024q1":       {"2024年一季度用电量", "一季度用电量"},
	"kwh_2023q1":       {"2023年一季度用电量"},
	"in_library":       {"纳入小升规培育库", "纳入“小升规”培育库", "小升规培育库", "入库小升规培育库"},
	"listing_type":     {"纳统类型", "纳统方式"},
	"first_time":       {"首次纳统", "首次提升规模或新建投产纳统", "首次"},
	"listing_date":     {"纳统时间", "纳统日期", "纳统年月"},
	"project":          {"项目名称", "技改项目名称", "项目"},
	"start_date":       {"开工时间", "开工日期", "项目开工时间"},
	"provincial_grant": {"省级技改补助", "省级补助", "省级技改补助资金", "省级技改补助金额"},
	"municipal_grant":  {"市级技改补助", "市级补助", "市级技改补助资金", "市级技改补助金额"},
}

// resultHeaders are the columns this tool appends; on input they are recognised and dropped
// so that an award workbook fed back in is recomputed, not copied.
var resultHeaders = []string{"状态", "奖励金额", "计算说明", "政策条款"}
