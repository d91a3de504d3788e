"""Issue 17 item 9 (R14): issued notices are kept inside the encrypted ledger; a PDF file is written only where
the clerk asks, readable by its owner only, and every look, print and saved copy is logged with its purpose."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess

import pytest

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.services import documents
from credit_desk.services.documents import Item
from tests.documents.samples import SAMPLES


def _item(doc_type="listing_decision"):
    return Item(dict(SAMPLES[doc_type]), "case", "1", None, purpose="送达决定书")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")


def _files_around(session) -> set:
    """Every file in the data folder and the folder that holds it (where the old notices folder was)."""
    data = session.ledger.paths.folder
    return {p for p in data.parent.rglob("*") if p.is_file()}


def test_r14_issue_without_out_keeps_the_pdf_in_the_ledger_only(session):
    before = _files_around(session)
    [doc] = documents.issue(session, "listing_decision", [_item()])
    assert doc["file"] is None
    new = {p for p in _files_around(session) - before if not p.name.startswith("ledger.db")}
    assert not [p for p in new if p.suffix in (".pdf", ".part")], new   # nothing beside the ledger
    stored = documents.stored_pdf(session, doc["number"], "核对送达文书")
    assert hashlib.sha256(stored["pdf"]).hexdigest() == doc["sha256"] == stored["sha256"]
    assert doc["number"] in _text(stored["pdf"]).replace(" ", "")
    row = session.ledger.query("SELECT purpose FROM audit WHERE action = 'document.view' ORDER BY id DESC "
                               "LIMIT 1")
    assert row == [{"purpose": "核对送达文书"}]


def test_r14_looking_at_a_stored_notice_needs_a_purpose(session):
    [doc] = documents.issue(session, "listing_decision", [_item()])
    with pytest.raises(ValidationError) as exc:
        documents.stored_pdf(session, doc["number"], " ")
    assert exc.value.code == "R14_PURPOSE_REQUIRED"


def test_r14_the_administrator_cannot_read_a_stored_notice(session, admin_session):
    [doc] = documents.issue(session, "listing_decision", [_item()])
    with pytest.raises(DomainError):
        documents.stored_pdf(admin_session, doc["number"], "核对送达文书")


def test_r14_a_file_the_clerk_names_is_private_and_matches_the_stored_copy(session, tmp_path):
    os.umask(0o022)  # a typical desktop umask: files would be world-readable by default
    out = tmp_path / "d.pdf"
    [doc] = documents.issue(session, "listing_decision", [_item()], out)
    assert doc["file"] == str(out) and _mode(out) == 0o600
    stored = documents.stored_pdf(session, doc["number"], "核对送达文书")
    assert stored["pdf"] == out.read_bytes()
    copy = tmp_path / "copy.pdf"
    saved = documents.save_pdf(session, doc["number"], copy, "交当事人")
    assert saved["file"] == str(copy) and _mode(copy) == 0o600 and copy.read_bytes() == stored["pdf"]
    row = session.ledger.query("SELECT purpose, detail FROM audit WHERE action = 'document.save'")
    assert row[0]["purpose"] == "交当事人" and str(copy) in row[0]["detail"]


def test_r14_save_refuses_the_data_folder_and_an_existing_file(session, tmp_path):
    [doc] = documents.issue(session, "listing_decision", [_item()])
    with pytest.raises(DomainError) as exc:
        documents.save_pdf(session, doc["number"], session.ledger.paths.folder / "x.pdf", "交当事人")
    assert exc.value.code == "OUT_IN_DATA_DIR"
    there = tmp_path / "there.pdf"
    there.write_bytes(b"keep")
    with pytest.raises(DomainError) as exc:
        documents.save_pdf(session, doc["number"], there, "交当事人")
    assert exc.value.code == "OUT_EXISTS" and there.read_bytes() == b"keep"


def test_r14_a_reprint_without_out_is_stored_and_is_the_latest_print(session):
    [doc] = documents.issue(session, "listing_decision", [_item()])
    copy = documents.reprint(session, doc["number"], None, "重新送达")
    assert copy["file"] is None and copy["copy_no"] == 1
    stored = documents.stored_pdf(session, doc["number"], "核对副本")
    assert stored["copy_no"] == 1 and "副本" in _text(stored["pdf"])


def test_r14_a_notice_printed_before_the_ledger_kept_files_is_read_from_its_file_if_unchanged(session, tmp_path):
    out = tmp_path / "old.pdf"
    [doc] = documents.issue(session, "listing_decision", [_item()], out)
    # a ledger from before migration 24: the register names the file, the ledger holds no copy of it
    conn = session.ledger.conn
    conn.execute("DROP TRIGGER document_files_no_delete")
    conn.execute("DELETE FROM document_files")
    assert documents.stored_pdf(session, doc["number"], "核对旧文书")["pdf"] == out.read_bytes()
    out.write_bytes(out.read_bytes() + b"% altered")
    with pytest.raises(DomainError) as exc:
        documents.stored_pdf(session, doc["number"], "核对旧文书")
    assert exc.value.code == "DOC_FILE_MISSING"


def test_r14_stored_documents_cannot_be_deleted(session):
    documents.issue(session, "listing_decision", [_item()])
    with pytest.raises(Exception, match="append-only"):
        session.ledger.conn.execute("DELETE FROM document_files")


def test_r14_a_look_at_one_notice_of_a_batch_file_shows_that_notice_alone(session, tmp_path):
    """gui18 (session 34): notices issued as a batch into one file were kept as that file, and a look at one number
    (preview, print, `print save`) showed every party of the batch, logged for that number alone."""
    names = ["淮安市甲商贸有限公司", "淮安市乙建材有限公司", "淮安市丙餐饮有限公司"]
    items = [Item({**SAMPLES["listing_decision"], "party_name": n}, "case", str(i), None, purpose="送达决定书")
             for i, n in enumerate(names)]
    docs = documents.issue(session, "listing_decision", items, tmp_path / "all.pdf")
    assert all(n in _text((tmp_path / "all.pdf").read_bytes()) for n in names)  # the file the clerk asked for
    stored = documents.stored_pdf(session, docs[1]["number"], "核对送达文书")
    text = _text(stored["pdf"])
    assert names[1] in text and names[0] not in text and names[2] not in text
    assert docs[1]["number"] in text.replace(" ", "") and "副本" not in text
    assert stored["sha256"] == hashlib.sha256(stored["pdf"]).hexdigest()
    saved = documents.save_pdf(session, docs[1]["number"], tmp_path / "one.pdf", "核对送达文书")
    assert names[0] not in _text((tmp_path / "one.pdf").read_bytes()) and saved["sha256"] == stored["sha256"]
    from credit_desk.services import document_verify
    checked = document_verify.verify_pdf(session, tmp_path / "one.pdf")
    assert checked["result"] == "valid" and [d["number"] for d in checked["documents"]] == [docs[1]["number"]]
