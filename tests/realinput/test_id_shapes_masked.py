"""Issue 15 / R15: every ID shape the domain accepts, masked the same way wherever it shows — the subjects list
(browse), the CLI search, the printed 信用信息查询结果 (pdftotext) and the 双公示 upload sheet (the export that
leaves the encrypted ledger). One masking function (``domain.masking.mask_subject_id`` → ``mask_id``) decides:
an organisation's 统一社会信用代码 is public and shown whole (with the exception mark when it is one), every
personal number keeps at most half of itself.

The detail dialog shows the whole number: it is opened only after a purpose was given and logged (R14), which
``tests/gui/test_real_input_shapes.py`` checks beside the masked purpose prompt.
"""

from __future__ import annotations

import json
import random
import re
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from credit_desk.domain import demo
from credit_desk.domain.ids import convert_15_to_18
from credit_desk.domain.masking import mask_id
from credit_desk.domain.subjects import EXCEPTION_MARK_ZH
from credit_desk.services import accounts, auth, browse, document_sources, documents, id_exceptions, subjects
from credit_desk.store.views import PageSpec
from tests.conftest import USER_PW
from tests.documents.conftest import pdftotext
from tests.realinput.conftest import NOW, clerk_cli, with_check
from tests.realinput.test_uscc_exception import WHY, XIAMEN

USCC = demo.uscc(random.Random(21), "320812")
# (label, kind, id_type, typed, convert_15, stored, shown in print and exports) — lists and search results mask
# every number, an organisation's code too (``Subject.masked``: lists are not publications); see LISTED
SHAPES = [
    ("resident ID, 18 digits", "natural_person", "ric", with_check("32010219900101123"), False,
     with_check("32010219900101123"), "3201**********" + with_check("32010219900101123")[-4:]),
    ("resident ID ending in X", "natural_person", "ric", "11010519491231002x", False, "11010519491231002X",
     "1101**********002X"),
    ("15-digit first-generation ID, converted", "natural_person", "ric", "320102850505123", True,
     convert_15_to_18("320102850505123"), "3201**********" + convert_15_to_18("320102850505123")[-4:]),
    ("Hong Kong residence permit", "natural_person", "hmt_residence", with_check("81000019800101123"), False,
     with_check("81000019800101123"), "8100**********" + with_check("81000019800101123")[-4:]),
    ("Macao residence permit", "natural_person", "hmt_residence", with_check("82000019850505001"), False,
     with_check("82000019850505001"), "8200**********" + with_check("82000019850505001")[-4:]),
    ("Taiwan residence permit", "natural_person", "hmt_residence", with_check("83000019700707002"), False,
     with_check("83000019700707002"), "8300**********" + with_check("83000019700707002")[-4:]),
    ("foreign permanent residence, 2023 form", "natural_person", "foreign_pr", "930826198001011230", False,
     "930826198001011230", "9308**********1230"),
    ("foreign permanent residence, old 15", "natural_person", "foreign_pr", "USA123456789012", False,
     "USA123456789012", "USA*********012"),
    ("passport, 9 characters", "natural_person", "passport", "e12345678", False, "E12345678", "E1*****78"),
    ("passport, 8 characters", "natural_person", "passport", "G1234567", False, "G1234567", "G******7"),
    ("passport, 12 characters", "natural_person", "passport", "AB1234567890", False, "AB1234567890",
     "AB1******890"),
    ("individual business by the operator's ID", "individual_business", "ric", with_check("32081219800101555"),
     False, with_check("32081219800101555"), "3208**********" + with_check("32081219800101555")[-4:]),
    ("organisation's USCC (public)", "legal_person", "uscc", USCC.lower(), False, USCC, USCC),
    ("individual business's USCC (public)", "individual_business", "uscc", USCC, False, USCC, USCC),
]
def listed(stored: str) -> str:
    return mask_id(stored)


NAMES = {"natural_person": "欧阳娜娜", "individual_business": "张记小吃店", "legal_person": "清江浦某某贸易有限公司"}


def _add(clerk, kind, id_type, typed, convert):
    return subjects.add_subject(clerk, kind=kind, name=NAMES[kind], id_type=id_type, id_number=typed,
                                convert_15=convert)


@pytest.mark.parametrize("label,kind,id_type,typed,convert,stored,masked", SHAPES, ids=[s[0] for s in SHAPES])
def test_r15_id_shape_masked_in_the_list_and_the_printed_extract(clerk, tmp_path, label, kind, id_type, typed,
                                                                convert, stored, masked):
    s = _add(clerk, kind, id_type, typed, convert)
    assert s.id_number == stored, label
    reader = browse.Reader(clerk)
    try:
        (row,) = browse.subjects_page(clerk, reader, PageSpec())
    finally:
        reader.close()
    assert row["id_number"] == listed(stored), label
    assert listed(stored) != stored and "*" in listed(stored)
    assert (masked == stored) == (id_type == "uscc")  # only an organisation's code is printed whole
    item = document_sources.item_for(clerk, "credit_query", subject_id=s.id, purpose="政府采购资格审查")
    documents.issue(clerk, "credit_query", [item], tmp_path / "q.pdf")
    text = re.sub(r"\s", "", pdftotext(tmp_path / "q.pdf"))
    assert masked in text, label
    if masked != stored:
        assert stored not in text and stored[:-4] not in text, label  # R15: the whole number never printed


def test_r15_exception_code_is_public_and_marked_everywhere(clerk, desk, admin, tmp_path):
    accounts.add_user(admin, "rev1", "reviewer", USER_PW, "李审核")
    reviewer = auth.login(desk, "rev1", USER_PW)
    req = id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门某某贸易有限公司",
                                               id_number=XIAMEN, justification=WHY)
    s = id_exceptions.approve_uscc_exception(reviewer, req["id"])["subject"]
    reader = browse.Reader(clerk)
    try:
        (row,) = browse.subjects_page(clerk, reader, PageSpec())
    finally:
        reader.close()
    assert row["id_number"] == f"{listed(XIAMEN)}（{EXCEPTION_MARK_ZH}）"  # marked in the list too
    item = document_sources.item_for(clerk, "credit_query", subject_id=s.id, purpose="政府采购资格审查")
    documents.issue(clerk, "credit_query", [item], tmp_path / "q.pdf")
    text = re.sub(r"\s", "", pdftotext(tmp_path / "q.pdf"))
    assert XIAMEN in text and EXCEPTION_MARK_ZH in text


PERSON_SHAPES = [s for s in SHAPES if s[1] == "natural_person"]


def test_r15_every_personal_shape_masked_in_the_upload_export(clerk, desk, admin, tmp_path):
    """The 双公示 upload sheet (a file outside the ledger): each personal ID shape as the list shows it."""
    from credit_desk.services.disclosure import register, sheet
    from tests.e2e.disclosure_kit import penalty_row
    accounts.add_user(admin, "rev1", "reviewer", USER_PW, "李审核")
    reviewer = auth.login(desk, "rev1", USER_PW)
    words = {"ric": "居民身份证", "hmt_residence": "港澳台居民居住证", "foreign_pr": "外国人永久居留身份证",
             "passport": "护照"}
    ids = []
    for i, (label, _k, id_type, typed, convert, stored, masked) in enumerate(PERSON_SHAPES):
        raw = {**penalty_row(i, NOW.date() - timedelta(days=2), person=True), "party_name": "欧阳娜娜",
               "id_type": words[id_type], "id_number": stored}
        ids.append(register.add_decision(clerk, raw)["id"])
    register.publish(reviewer, ids)
    sheet.export_upload(reviewer, tmp_path / "upload.xlsx")
    wb = load_workbook(tmp_path / "upload.xlsx")
    cells = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value}
    for label, *_, stored, masked in PERSON_SHAPES:
        assert masked in cells, label
        assert not any(stored in c for c in cells), label
    assert "欧阳*娜" in cells and "欧阳娜娜" not in cells


def test_r15_cli_search_shows_each_shape_masked(office, secret_files):
    run = clerk_cli(office, secret_files)
    for label, kind, id_type, typed, convert, stored, masked in SHAPES[:10]:
        argv = ["--json", "subject", "add", "--kind", kind, "--name", NAMES[kind], "--id-type", id_type,
                "--id-number", typed] + (["--convert-15"] if convert else [])
        code, out, err = run(*argv)
        assert code == 0 and "Traceback" not in err, (label, err)
        code, out, err = run("--json", "subject", "search", stored[:6], "--purpose", "核查身份")
        assert code == 0, err
        assert listed(stored) in [r["id_number"] for r in json.loads(out)], label
