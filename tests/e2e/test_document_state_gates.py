"""The documents a case or a record has not reached are refused, and print nothing (issue 23 sixth pass: "every
illegal transition of every state machine" — three gates of the printing services were tried by no test): a
信用修复告知书 before the decision it goes with (R13 两书同达), or for a penalty record no longer effective (R3); a
更正公告 for a listing that was not withdrawn as wrongful (R12 way 1). Through the CLI on a real ledger; the expected
refusals are written here."""

from __future__ import annotations

from tests.e2e.case_kit import (BOSS, company, desk, ok, open_case, record, refused,  # noqa: F401
                                staffed_template)


def _refused_print(desk, tmp_path, doc: str, **target) -> dict:
    out = tmp_path / f"{doc}.pdf"
    args = [a for k, v in target.items() for a in (f"--{k}", str(v))]
    err = refused(desk, "print", doc, *args, "--out", str(out), user=BOSS)
    assert not out.exists()
    return err


def test_r13_r12_r3_documents_a_case_or_record_has_not_reached_are_refused(desk, tmp_path):
    sid = company(desk, 181)
    draft = open_case(desk, sid, "black", records=[record(desk, sid)["id"]])
    err = _refused_print(desk, tmp_path, "repair_notice", case=draft)
    assert (err["code"], err["field"]) == ("DOC_CASE_STATE", "case")
    assert err["message"] == "案件尚未作出认定决定，不能打印信用修复告知书。"
    err = _refused_print(desk, tmp_path, "correction_announcement", case=draft)
    assert (err["code"], err["field"]) == ("R12_NOT_WITHDRAWN", "case")
    assert err["message"] == f"案件{draft}未按误列撤销，没有更正公告。"
    revoked = record(desk, sid, number="清市监罚〔2026〕182号")["id"]
    ok(desk, "record", "revoke", str(revoked), "--reason", "行政复议决定撤销该处罚决定")
    err = _refused_print(desk, tmp_path, "repair_notice", record=revoked)
    assert (err["code"], err["field"]) == ("DOC_RECORD_STATE", "record")
    assert err["message"] == f"失信信息{revoked}当前不是有效状态，不能打印信用修复告知书。"
    assert ok(desk, "print", "list", user=BOSS) == []            # nothing numbered
