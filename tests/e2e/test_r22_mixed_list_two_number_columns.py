"""R22 (issue 19 attack att19c, a department's list): a list of organisations and persons together (award
candidates, fund applicants) keeps 统一社会信用代码 and 身份证号码 in two columns, each row filling the one that
fits. Only the first code column was read: every person's row was refused as having no number although it stood
in the next column. Now each row's filled code column is read; two different numbers on one row are named."""

from __future__ import annotations

import random
from datetime import date

from openpyxl import Workbook

from credit_desk.domain import demo
from tests.e2e.case_kit import company, desk, ok, refused, staffed_template  # noqa: F401

COMPANY = demo.uscc(random.Random(11), "320812")      # case_kit.company(desk, 11) registers this code
PERSON = demo.ric(random.Random(61), "320812", date(1970, 1, 1), date(1990, 12, 31))


def _sheet(path, rows) -> None:
    wb = Workbook()
    wb.active.append(["序号", "名称", "统一社会信用代码", "身份证号码"])
    for i, row in enumerate(rows, start=1):
        wb.active.append([i, *row])
    wb.save(path)


def test_r22_a_mixed_list_reads_the_number_column_each_row_fills(desk, tmp_path):
    sid = company(desk, 11)
    _sheet(tmp_path / "list.xlsx", [("淮安测试11有限公司", COMPANY, ""), ("张小明", "", PERSON)])
    out = ok(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", "县人社局",
             "--purpose", "先进集体和先进个人评选")
    got = {r["row"]: r for r in out["results"]}
    assert got[2]["subject_id"] == sid and got[3]["outcome"] == "not_found" and got[3]["name"] == "张*明"


def test_r22_a_company_lists_representative_id_column_never_replaces_its_code(desk, tmp_path):
    """单位名称 | 统一社会信用代码 | 身份证号码 (the representative's, beside 法定代表人): the first filled code
    column is the row's number, as before the second column was read."""
    sid = company(desk, 11)
    _sheet(tmp_path / "list.xlsx", [("淮安测试11有限公司", COMPANY, PERSON)])
    out = ok(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", "县人社局",
             "--purpose", "先进集体评选")
    assert out["results"][0]["subject_id"] == sid
    _sheet(tmp_path / "bad.xlsx", [("淮安测试11有限公司", "", "")])
    err = refused(desk, "credit-check", "run", str(tmp_path / "bad.xlsx"), "--department", "县人社局",
                  "--purpose", "先进集体评选")
    assert [(p["row"], p["code"]) for p in err["problems"]] == [(2, "CHECK_ROW")]
    assert "C列「统一社会信用代码」或D列「身份证号码」" in err["problems"][0]["message"]


def test_r22_a_subject_typed_with_a_space_before_its_number_is_checked(desk):
    """att19c: credit-check entry --subject "张小明 3208…" was refused, the refusal echoing the number whole."""
    out = ok(desk, "credit-check", "entry", "--department", "县人社局", "--purpose", "先进个人评选",
             "--subject", f"张小明 {PERSON}")
    assert out["results"][0]["name"] == "张*明" and out["results"][0]["outcome"] == "not_found"
