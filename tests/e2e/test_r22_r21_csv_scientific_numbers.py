"""R22/R21 (issue 19 attack att19d, a list exported as CSV): Excel saves a long number column of a CSV as it shows
it, 3.20812E+17 — the digits are lost. The credit check and the 双公示 import named it 「不是有效的…长度应为18位，
实际为11位」, which sends the clerk looking for a typing error; each such cell is now named with the number cell's
sentence (Excel keeps 15 digits: format the column as text and type the number again). Nothing is checked or
imported."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TEST_NOW
from tests.e2e.case_kit import desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import FIELDS, HEADERS, penalty_row

TODAY = TEST_NOW.date()


def test_r22_a_csv_list_with_numbers_in_scientific_notation(desk, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("序号,姓名/名称,统一社会信用代码/身份证号码\n1,淮安甲有限公司,9.13208E+17\n2,张三,3.20812E+17\n",
                    encoding="gbk")
    err = refused(desk, "credit-check", "run", str(path), "--department", "清江浦区财政局", "--purpose", "评优评先审查")
    assert [(p["row"], p["code"]) for p in err["problems"]] == [(2, "XLSX_NUMBER_ID"), (3, "XLSX_NUMBER_ID")], err
    assert "Excel 只保留15位有效数字" in err["message"]
    assert ok(desk, "credit-check", "list") == []


def test_r21_a_csv_disclosure_sheet_with_a_code_in_scientific_notation(desk, tmp_path):
    row = penalty_row(1, TODAY - dt.timedelta(days=2))
    row["rep_id_number"] = "3.20812E+17"
    path = tmp_path / "双公示.csv"
    path.write_text(",".join(HEADERS) + "\n" + ",".join(str(row.get(f.key, "")) for f in FIELDS) + "\n",
                    encoding="utf-8-sig")
    err = refused(desk, "decision", "import", str(path))
    assert [p["code"] for p in err["problems"]] == ["XLSX_NUMBER_ID"], err
    assert "法定代表人证件号码" in err["message"] and "15位有效数字" in err["message"]
