package table

// resultHeaders are the columns this tool appends; on input they are recognised and dropped
// so that an award workbook fed back in is recomputed, not copied.
var resultHeaders = []string{"状态", "奖励金额", "计算说明", "政策条款", "来源"}
