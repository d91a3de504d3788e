"""R15/R22 (issue 19 attack att19c, a department's list of award candidates): a resident ID number whose 18 digits
also pass the GB 32100 check character (about one in 31 of them) was read as an organisation's code, so a person
not in the ledger was printed on the 信用审查报告 and shown in the window with the full name and the full ID number."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import Workbook

from credit_desk.domain.checks import classify_number, public_id, public_name
from credit_desk.domain.ids import IdType
from tests.e2e.case_kit import desk, ok, staffed_template  # noqa: F401

# A real-shaped resident ID (320812, born 1978-02-09, check digit 8 by GB 11643) whose mod-31 sum is also right
PERSON = ("张小明", "320812197802094818")
TODAY = date(2026, 11, 30)


def test_r15_a_resident_id_that_also_passes_the_uscc_check_is_read_as_a_person():
    number, kind = classify_number(PERSON[1], TODAY)
    assert kind is IdType.RIC
    row = {"name": PERSON[0], "number": number, "id_type": kind.value, "subject": None}
    assert public_name(row) == "张*明" and PERSON[1] not in public_id(row)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
@pytest.mark.story
def test_r15_the_check_report_masks_a_person_whose_id_passes_the_uscc_check(desk, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "身份证号码"])
    ws.append([1, *PERSON])
    wb.save(tmp_path / "list.xlsx")
    out = ok(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", "清江浦区人社局",
             "--purpose", "2026年度先进个人评选", "--print", "--out", str(tmp_path / "report.pdf"))
    assert out["results"][0]["name"] == "张*明" and out["results"][0]["number"] != PERSON[1]
    text = "".join(subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "张小明" not in text and PERSON[1] not in text and "张*明" in text
