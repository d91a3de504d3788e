"""R21, R22, R7: the form's footer under the data ends the table in every Excel reader, as in the clean-up ledger.

The 双公示 (R21), credit-check list (R22) and legacy-ledger (R7) readers ended the table only at a 注… line: a
footer right under the data — 「填表人：王某」, 「联系电话：…」, 「填报单位（盖章）：…」, as departments and offices write
under a sheet they send — was read as a row of data and the whole sheet refused for it, so the clerk could not
import the sheet as sent. They now end it with the clean-up ledger's rule (``cleanup_xlsx.is_footer``): the footer
is neither read nor refused, and a row of data below it is named (XLSX_ROW_AFTER_NOTES), nothing written. Real
.xlsx files built with openpyxl, through the CLI commands the clerk uses.
"""

from __future__ import annotations

import datetime as dt
import json
import random

from openpyxl import Workbook

from credit_desk.domain import demo
from credit_desk.domain.disclosure import FIELDS
from credit_desk.sheets import legacy_xlsx
from credit_desk.sheets.disclosure_xlsx import HEADERS as DISCLOSURE_HEADERS
from tests.conftest import TEST_NOW
from tests.e2e import legacy_kit as kit
from tests.e2e.case_kit import BOSS, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import penalty_row

# The footer lines a department or office writes under the data: split over cells, one cell, merged over the width.
FOOTER = [["填报单位（盖章）：清江浦区市场监督管理局"],
          ["填表人：王某", None, None, "审核人：李某", None, "联系电话：0517-83000009"],
          ["日期：2026年11月30日"]]
MERGED = "说明：本表数据由各单位汇总报送，请于每月5日前报送。"


def _book(path, title_row, headers, rows, after=(), merged_width=0):
    """A title, the header, ``rows``, then the footer (and ``after`` below it); with ``merged_width`` a 说明 line
    merged over that many columns is written last in the footer."""
    wb = Workbook()
    ws = wb.active
    ws.append([title_row])
    ws.append(list(headers))
    for row in [*rows, *FOOTER]:
        ws.append(list(row))
    if merged_width:
        ws.append([MERGED])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=merged_width)
    for row in after:
        ws.append(list(row))
    wb.save(path)
    return path


# ---- R21: a department's 双公示 sheet ------------------------------------------------------------------------

def _penalties(n, start=0):
    rows = [penalty_row(start + i, TEST_NOW.date() - dt.timedelta(days=3)) for i in range(n)]
    return [[row.get(f.key, "") for f in FIELDS] for row in rows]


def test_r21_a_disclosure_sheet_with_its_footer_under_the_data_is_imported(desk, tmp_path):
    path = _book(tmp_path / "d.xlsx", "双公示数据报送表", DISCLOSURE_HEADERS, _penalties(3),
                 merged_width=len(DISCLOSURE_HEADERS))
    out = ok(desk, "decision", "import", str(path))
    assert out["imported"] == 3, out
    assert len(ok(desk, "decision", "list")) == 3


def test_r21_a_decision_below_the_footer_is_named_and_nothing_is_imported(desk, tmp_path):
    path = _book(tmp_path / "d.xlsx", "双公示数据报送表", DISCLOSURE_HEADERS, _penalties(2), after=_penalties(1, 5))
    err = refused(desk, "decision", "import", str(path))
    assert err["code"] == "R21_IMPORT_REFUSED", err
    assert [(p["row"], p["code"]) for p in err["problems"]] == [(8, "XLSX_ROW_AFTER_NOTES")], err["problems"]
    assert "第8行在第5行的表下注释之后" in err["message"]
    assert ok(desk, "decision", "list") == []


# ---- R22: a department's list for a credit check -------------------------------------------------------------

DEPT, WHY = "县财政局", "专项资金申报审查"
LIST_HEADERS = ("单位名称", "统一社会信用代码", "备注")


def _subjects(*seeds):
    return [(f"淮安测试{s}有限公司", demo.uscc(random.Random(s), "320812"), "") for s in seeds]


def test_r22_a_list_with_its_footer_under_the_names_is_checked_whole(desk, tmp_path):
    """The footer in the name and code columns (填表人：… over 联系电话：…), a 说明 line merged over the width."""
    footer_in_columns = [["填表人：王某", "联系电话：0517-83000009"]]
    path = _book(tmp_path / "l.xlsx", "申报单位名单", LIST_HEADERS, _subjects(21, 22, 23) + footer_in_columns,
                 merged_width=len(LIST_HEADERS))
    out = ok(desk, "credit-check", "run", str(path), "--department", DEPT, "--purpose", WHY)
    assert out["row_count"] == 3 and sorted(r["row"] for r in out["results"]) == [3, 4, 5], out


def test_r22_a_subject_below_the_footer_is_named_and_nothing_is_checked(desk, tmp_path):
    code_alone = [("", demo.uscc(random.Random(25), "320812"))]
    path = _book(tmp_path / "l.xlsx", "申报单位名单", LIST_HEADERS, _subjects(21),
                 after=_subjects(24) + code_alone)
    before = ok(desk, "credit-check", "list")
    err = refused(desk, "credit-check", "run", str(path), "--department", DEPT, "--purpose", WHY)
    assert err["code"] == "R22_LIST_REFUSED", err
    assert [(p["row"], p["code"]) for p in err["problems"]] == [(7, "XLSX_ROW_AFTER_NOTES"),
                                                               (8, "XLSX_ROW_AFTER_NOTES")], err["problems"]
    assert "第7行在第4行的表下注释之后" in err["message"]
    assert ok(desk, "credit-check", "list") == before


# ---- R7: the office's own ledger -----------------------------------------------------------------------------

def _ledger_rows(n, seed=5):
    return kit.rows(None, n, per_subject=1, seed=seed, today=TEST_NOW.date(), code="S-03-02",
                    department="县市场监督管理局")


def _mapping(tmp_path):
    (tmp_path / "m.json").write_text(json.dumps(kit.MAPPING, ensure_ascii=False), encoding="utf-8")
    return str(tmp_path / "m.json")


def test_r7_an_office_ledger_with_its_footer_under_the_data_is_imported(desk, tmp_path):
    path = _book(tmp_path / "o.xlsx", "清江浦区失信主体台账", kit.HEADERS, _ledger_rows(3),
                 merged_width=len(kit.HEADERS))
    out = ok(desk, "import", "legacy", str(path), "--mapping", _mapping(tmp_path), user=BOSS)
    assert out["records"] == 3, out


def test_r7_a_ledger_row_below_the_footer_is_named_and_nothing_is_written(desk, tmp_path):
    rows = _ledger_rows(3)
    path = _book(tmp_path / "o.xlsx", "清江浦区失信主体台账", kit.HEADERS, rows[:2], after=rows[2:])
    err = refused(desk, "import", "legacy", str(path), "--mapping", _mapping(tmp_path), user=BOSS)
    assert err["code"] == "LEGACY_IMPORT_REFUSED", err
    assert [(p["row"], p["code"]) for p in err["problems"]] == [(8, "XLSX_ROW_AFTER_NOTES")], err["problems"]
    assert "第8行：该行在第5行的表下注释之后" in err["message"]
    out = ok(desk, "import", "legacy", str(_book(tmp_path / "ok.xlsx", "台账", kit.HEADERS, rows[:2])), "--mapping",
             _mapping(tmp_path), user=BOSS)
    assert out["records"] == 2, out   # nothing of the refused sheet was written before


def test_r7_a_bare_word_such_as_danwei_in_an_office_column_is_data_not_the_footer(tmp_path):
    """An office's own first column may hold 单位/个人 (the subject's kind): such a row is data, never taken for
    the footer (and so never passed over); a footer label with its colon still ends the table."""
    wb = Workbook()
    ws = wb.active
    for row in (["主体类型", "名称", "代码"], ["单位", "淮安测试有限公司", "91320812MA1X00001X"],
                ["个人", "张三", "320812199001011234"], ["填表人：王某", None, "联系电话：0517-83000009"],
                ["单位"]):
        ws.append(row)
    wb.save(tmp_path / "k.xlsx")
    head = legacy_xlsx.read_head(tmp_path / "k.xlsx")
    got = list(legacy_xlsx.data_rows(tmp_path / "k.xlsx", head))
    assert [(r, v[0]) for r, v in got] == [(2, "单位"), (3, "个人")], got
