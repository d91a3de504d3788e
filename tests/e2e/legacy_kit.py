"""An office's own ledger sheet, generated with openpyxl (issue 19 item 3): a merged title, its own header names,
a subject per few rows, a record per row, a current listing on some rows — dates relative to the desk's clock."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from openpyxl import Workbook

from credit_desk.domain import demo
from credit_desk.store import reference

# the office's headers → the product's fields (what the clerk maps once)
MAPPING = {"企业（个人）名称": "name", "统一社会信用代码/身份证号": "id_number", "法定代表人": "legal_rep_name",
           "法定代表人身份证号": "legal_rep_id_number", "失信行为": "facts", "处罚文号": "doc_number",
           "处罚机关": "doc_authority", "处罚日期": "doc_issued", "生效日期": "doc_effective", "认定单位": "department",
           "违法行为日期": "act_date", "目录编码": "catalogue_code", "失信程度": "tier", "文书种类": "doc_type",
           "名单类别": "list_type", "列入决定文号": "decision_number", "列入日期": "decided_on", "有效期至": "valid_until",
           "列入情形": "ground", "认定标准": "standard", "标准类别": "standard_kind", "情况说明": "leniency_justification",
           "移出后重点关注期限（月）": "post_exit_watch_months"}
HEADERS = list(MAPPING)
DEPARTMENT = "县市场监督管理局"


def catalogue_code(session) -> str:
    return next(i.code for i in reference.active_catalogue(session.ledger.conn)[1] if i.dishonesty)


def rows(session, n: int, *, listed_every: int = 0, seed: int = 5, per_subject: int = 2, today=None, code=None,
         department: str = DEPARTMENT) -> list[list]:
    """``n`` good rows: organisations (USCC, legal representative), ``per_subject`` records each; every
    ``listed_every``-th row also carries a current black listing with its own historical 文号."""
    rng = random.Random(seed)
    today, code = today or session.desk.today(), code or catalogue_code(session)
    out, subject = [], None
    for i in range(n):
        if i % per_subject == 0:
            subject = (f"清江浦区某某商贸有限公司{i:06d}", demo.uscc(rng, "320812"), f"张{i % 97}",
                       demo.ric(rng, "320812", dt.date(1960, 1, 1), dt.date(1990, 1, 1)))
        issued = today - dt.timedelta(days=30 + i % 700)
        row = [*subject, "拖欠农民工工资", f"清市监罚〔{issued.year}〕{i + 1}号", department, issued,
               issued + dt.timedelta(days=15), department, (issued - dt.timedelta(days=40)).isoformat(), code,
               "严重" if i % 3 else "一般", "行政处罚决定书", None, None, None, None, None, None, None, None, None]
        if listed_every and i % listed_every == 0 and row[12] == "严重":
            row[14:21] = ["严重失信主体名单", f"淮市监信决〔{issued.year}〕{i + 1}号", issued + dt.timedelta(days=20),
                          today + dt.timedelta(days=300), "b", "《企业信息公示暂行条例》第十八条", "行政法规"]
            row[22] = 12   # R12: the watch-list months after the black listing, as the department set them
        out.append(row)
    return out


def write(path: Path, data: list[list], *, title: bool = True, fast: bool = False) -> Path:
    """The sheet; ``fast``: openpyxl's write-only mode (for 100k rows), the title row then not merged."""
    wb = Workbook(write_only=fast)
    ws = wb.create_sheet() if fast else wb.active
    ws.title = "失信台账"
    if title:
        ws.append(["清江浦区失信主体台账（2019年至今）"])
    if title and not fast:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.append(HEADERS)
    for r in data:
        ws.append(r)
    wb.save(path)
    return path


def first_data_row(title: bool = True) -> int:
    return 3 if title else 2
