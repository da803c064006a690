#!/usr/bin/python3
"""Check an award workbook with an independent reader (openpyxl, read-only mode,
which trusts <dimension>): 明细 shows the same status and numeric award as the
JSON Lines output for every row, and the 合计 of 汇总 equals their sum.

usage: check_award_workbook.py AWARD.xlsx OUTPUT.jsonl
Needs openpyxl (Debian: apt-get install python3-openpyxl; run with /usr/bin/python3).
"""
import json
import sys
from decimal import Decimal

import openpyxl

LABELS = {"awarded": "予以奖励", "not_eligible": "不符合条件", "pending": "待补充", "invalid": "数据有误"}


def main(xlsx, jsonl):
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    rows = list(wb["明细"].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if "状态" in r and "奖励金额(元)" in r)
    status_col = rows[header].index("状态")
    award_col = rows[header].index("奖励金额(元)")
    shown = {}
    for i, r in enumerate(rows[header + 1:], start=header + 2):
        if len(r) > status_col and r[status_col] is not None:
            shown[i] = (r[status_col], r[award_col])
    problems, total = [], Decimal(0)
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            total += Decimal(o["award"])
            if o["row"] not in shown:
                problems.append(f"row {o['row']}: missing from 明细")
                continue
            status, award = shown.pop(o["row"])
            if status != LABELS[o["status"]]:
                problems.append(f"row {o['row']}: 明细 says {status}, JSON {o['status']}")
            if not isinstance(award, (int, float)) or Decimal(str(award)).quantize(Decimal("0.01")) != Decimal(o["award"]):
                problems.append(f"row {o['row']}: 明细 award {award!r}, JSON {o['award']}")
    problems += [f"row {r}: in 明细 but not in JSON" for r in shown]
    summary = {r[0]: r for r in wb["汇总"].iter_rows(values_only=True) if r and r[0]}
    if Decimal(str(summary["合计"][2])).quantize(Decimal("0.01")) != total:
        problems.append(f"汇总 合计 {summary['合计'][2]!r} != sum of rows {total}")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
