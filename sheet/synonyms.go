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
}

// resultHeaders are the columns this tool appends; on input they are recognised and dropped
// so that an award workbook fed back in is recomputed, not copied.
var resultHeaders = []string{"状态", "奖励金额", "计算说明", "政策条款"}
