"""A department's 双公示 hand-over sheet for the tests (issue 19 item 1)."""

from __future__ import annotations

import datetime as dt
import random

from openpyxl import Workbook

from credit_desk.domain import demo
from credit_desk.domain.disclosure import FIELDS
from credit_desk.sheets.disclosure_xlsx import HEADERS

AUTHORITY = ("淮安市清江浦区市场监督管理局", demo.uscc(random.Random(901), "320812", "1"))
SOURCE = ("淮安市清江浦区市场监督管理局", AUTHORITY[1])
# R6 across a holiday: 2026-09-28 + 7 working days skips 国庆 (10-01..10-07) and counts 10-10 (Saturday, 上班)
HOLIDAY_DECISION = dt.date(2026, 9, 28)
HOLIDAY_DUE = dt.date(2026, 10, 13)


def penalty_row(i: int, decided: dt.date, tier: str = "一般", person: bool = False) -> dict:
    rng = random.Random(1000 + i)
    row = {"kind": "行政处罚", "doc_number": f"清市监罚〔2026〕{100 + i}号", "category": "罚款",
           "content": "罚款人民币伍仟元", "facts": "销售过期食品", "basis": "《中华人民共和国食品安全法》第一百二十四条",
           "fine_wan": "0.5", "confiscated_wan": "0", "decision_date": decided.isoformat(), "tier": tier,
           "authority": AUTHORITY[0], "authority_uscc": AUTHORITY[1], "source_unit": SOURCE[0],
           "source_uscc": SOURCE[1]}
    if person:
        row.update(party_name="张小明", party_kind="自然人", id_type="居民身份证",
                   id_number=demo.ric(rng, "320812", dt.date(1970, 1, 1), dt.date(1990, 12, 31)))
    else:
        row.update(party_name=f"淮安市清江浦区测试{i}食品有限公司", party_kind="法人及非法人组织",
                   uscc=demo.uscc(rng, "320812"), rep_name="王建国", rep_id_type="居民身份证",
                   rep_id_number=demo.ric(rng, "320812", dt.date(1960, 1, 1), dt.date(1990, 12, 31)))
    return row


def fifty_penalties(today: dt.date) -> list[dict]:
    """50 penalty decisions: the first decided just before National Day, the rest over the last weeks; every
    tenth for a natural person; tiers mixed (row 3 轻微, row 4 严重)."""
    rows = []
    for i in range(50):
        decided = HOLIDAY_DECISION if i == 0 else today - dt.timedelta(days=1 + i % 20)
        tier = {3: "轻微", 4: "严重"}.get(i, "一般")
        rows.append(penalty_row(i, decided, tier=tier, person=i % 10 == 9))
    return rows


def write_sheet(path, rows: list[dict], title: str = "处罚信息") -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(["淮安市清江浦区市场监督管理局 双公示数据报送表"])
    ws.append(list(HEADERS))
    for row in rows:
        ws.append([row.get(f.key, "") for f in FIELDS])
    wb.save(path)


def column(key: str) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter([f.key for f in FIELDS].index(key) + 1)
