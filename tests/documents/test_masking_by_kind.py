"""R15 (issue 15 kind 5): printed extracts and exit announcements mask by the subject's kind, through the one
masking function, for every name shape — a long Uyghur name is a person, not an organisation."""

from __future__ import annotations

import pytest

from credit_desk.documents import context as C
from credit_desk.services import document_sources, documents, subjects
from tests.documents.conftest import pdftotext

PRINTED = [("阿依古丽·买买提", "阿***·**提"), ("欧阳娜娜", "欧阳*娜"), ("阿卜杜拉·艾买提·买买提", "阿***·***·**提")]


@pytest.mark.parametrize("name,masked", PRINTED)
def test_r15_credit_query_masks_every_name_shape(session, tmp_path, name, masked):
    s = subjects.add_subject(session, kind="natural_person", name=name, id_type="ric", id_number="11010519491231002X")
    item = document_sources.item_for(session, "credit_query", subject_id=s.id, purpose="政府采购资格审查")
    documents.issue(session, "credit_query", [item], tmp_path / "q.pdf")
    text = "".join(pdftotext(tmp_path / "q.pdf").split())
    assert masked in text and name not in text
    assert "个人信息已按规定脱敏" in text


@pytest.mark.parametrize("kind,name,shown", [
    ("natural_person", "阿依古丽·买买提", "阿***·**提"),
    ("natural_person", "欧阳娜娜", "欧阳*娜"),
    ("individual_business", "张三", "张*"),
    ("individual_business", "王记小吃店", "王记小吃店"),
    ("legal_person", "淮安市清江浦区鑫源建材有限公司", "淮安市清江浦区鑫源建材有限公司"),
])
def test_r15_exit_announcement_masks_by_kind(kind, name, shown):
    detail = {"state": "exited", "subject": {"kind": kind, "name": name, "id_number": "11010519491231002X"},
              "list_type_zh": "严重失信主体名单", "decided_on": "2025-01-02", "decision_number": "X〔2025〕1号",
              "exited_on": "2026-01-02", "exit_note": "期满"}
    ctx = C.exit_announcement(detail, "有效期届满", masked=True)
    assert ctx["party_name"] == shown
