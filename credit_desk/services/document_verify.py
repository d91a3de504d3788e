"""Verifying a printed notice from its QR text or its PDF: valid / altered / unknown (or voided).

- ``unknown``: not a credit_desk notice code, signed by a key this office does not hold, or a number
  this register has never issued.
- ``altered``: the signature does not match the number/date/office/type, the key fields and the whole
  printed text (the QR, the metadata, the PDF's text or the register copy was changed), the PDF's text
  no longer shows a key field's value, or the PDF's fields differ from the register.
- ``voided``: genuine, but the number was voided (作废) and must not be relied on.
- ``withdrawn``: the document belonged to a listing withdrawn as wrongful (R12 way 1); its content is gone.
- ``valid``: everything matches; the registered key fields are returned for comparison with the paper.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from credit_desk.documents import render as R
from credit_desk.documents.layout import format_date
from credit_desk.documents.templates import from_text
from credit_desk.documents.verify import (Payload, check_signature, decode_meta, fields_in_text, key_id,
                                          parse_payload, text_digest)
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.errors import DomainError
from credit_desk.services.base import Session
from credit_desk.store import documents as repo
from credit_desk.store import office_keys

VERIFY_PURPOSE = "核验文书真伪"
_RANK = {"valid": 0, "voided": 1, "withdrawn": 2, "unknown": 3, "altered": 4}
_NOISE = re.compile(r"^\s*(— \d+ —|副本（第\d+次重印）|扫码核验 · 文书真伪)\s*$", re.M)


def _public_key(conn, kid: str) -> bytes | None:
    for k in office_keys.all_keys(conn):
        if key_id(k.public_key) == kid:
            return k.public_key
    return None


def _result(result: str, zh: str, en: str, payload: Payload | None = None, **extra) -> dict:
    head = payload.header if payload else None
    return {"result": result, "message": zh, "message_en": en, "number": head.number if head else None,
            "date": head.date if head else None, "office": head.office if head else None,
            "type": head.type if head else None, **extra}


def _register_digest(row, payload: Payload) -> str | None:
    """The digest of the text the register says was printed under this number (None: cannot be rebuilt)."""
    try:
        tpl = from_text(row.template, f"{row.doc_type}.toml")
        day = dt.date.fromisoformat(payload.header.date)
        return text_digest(R.printed_text(tpl, row.context, R.DocMeta(payload.header.number, day,
                                                                      payload.header.office, "")), payload.suite)
    except (ValidationError, ValueError, TypeError, KeyError):
        return None


def _judge(conn, payload: Payload | None, fields: list | None, shown_text: str | None = None) -> dict:
    """Signature and register checks shared by the QR and the PDF paths.

    ``shown_text``: the PDF's own text (PDF path); the signature must cover exactly it. Without it (QR path)
    the text is rebuilt from the register, so a register row edited behind the service no longer verifies.
    """
    if payload is None:
        return _result("unknown", "不是本系统出具的文书二维码。", "Not a credit_desk notice code.")
    public = _public_key(conn, payload.key_id)
    if public is None:
        return _result("unknown", "签名密钥不属于本单位，无法核验。", "Signed by a key this office does not hold.", payload)
    row = repo.get_by_number(conn, payload.header.number)
    if row is not None and row.status == "withdrawn":
        # R12 way 1: the listing was wrongful; its documents keep no content, so there is nothing to compare
        return _result("withdrawn", "该文书所涉认定经核实有误，已撤销，文书已撤回，不再有效。",
                       "The listing this document belongs to was found wrongful and withdrawn; the document is "
                       "no longer valid.", payload)
    if fields is None:
        if row is None:
            return _result("unknown", "本单位文书登记簿中没有该编号。", "This register never issued that number.", payload)
        fields = row.key_fields
    digest = text_digest(shown_text, payload.suite) if shown_text is not None else (
        _register_digest(row, payload) if row is not None else None)
    if not check_signature(payload, fields, public, digest):
        return _result("altered", "签名与文书内容不符：文书已被改动或伪造。",
                       "The signature does not match: the notice was altered or forged.", payload)
    if row is None:
        return _result("unknown", "签名有效，但本单位文书登记簿中没有该编号。",
                       "The signature is valid but this register never issued that number.", payload)
    if [list(f) for f in fields] != [list(f) for f in row.key_fields]:
        return _result("altered", "文书内容与登记簿不一致。", "The notice differs from the register.", payload)
    if row.status in ("voided", "superseded"):  # superseded: a prior notice re-served with new grounds (R5)
        return _result("voided", f"该文书已作废（{row.void_reason}）。", f"Voided: {row.void_reason}.", payload)
    return _result("valid", "文书真实有效，请核对以下关键内容与纸质文书一致。",
                   "Genuine; compare these key fields with the paper.", payload,
                   key_fields=dict((n, v) for n, v in row.key_fields), reprints=row.reprint_count)


def _log(session: Session, kind: str, results: list[dict]) -> None:
    with session.ledger.tx() as tx:
        session.audit(tx, "document.verify", "document", ",".join(str(r.get("number")) for r in results),
                      purpose=VERIFY_PURPOSE, detail={"by": kind, "results": [r["result"] for r in results]})


def verify_qr(session: Session, text: str) -> dict:
    """Check a scanned QR text against the office key and the register."""
    session.require("document.verify")
    result = _judge(session.ledger.conn, parse_payload(text), None)
    _log(session, "qr", [result])
    return result


MAX_PDF_BYTES = 64 * 2**20       # a notice is well under 1 MiB; a batch of hundreds stays under this
MAX_TEXT_BYTES = 8 * 2**20       # text read back from pdftotext
PDFTOTEXT_MEMORY = 768 * 2**20   # address-space limit of the pdftotext child


def _page_text(path: Path, pages) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    # A crafted PDF (a decompression bomb) must not take the PC's memory: pdftotext runs with an address-space
    # limit, and at most MAX_TEXT_BYTES of its output is read (issue 14 item 7).
    proc = subprocess.Popen(["pdftotext", "-f", str(pages[0]), "-l", str(pages[1]), "-enc", "UTF-8", str(path), "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            preexec_fn=_limit_memory if os.name == "posix" else None)
    try:
        out = proc.stdout.read(MAX_TEXT_BYTES + 1)
    finally:
        proc.stdout.close()
        if proc.poll() is None:
            proc.kill()
        code = proc.wait(timeout=60)
    if len(out) > MAX_TEXT_BYTES or code != 0:
        return None
    return _NOISE.sub("", out.decode("utf-8", "replace"))


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (PDFTOTEXT_MEMORY, PDFTOTEXT_MEMORY))


def _shape_ok(entry: dict) -> bool:
    """The PDF is outside data: fields must be [name, value] pairs and pages two numbers (found by fuzzing)."""
    fields, pages = entry.get("fields") or [], entry.get("pages") or [1, 1]
    return (isinstance(entry.get("qr", ""), str) and isinstance(fields, list)
            and all(isinstance(f, list) and len(f) == 2 and isinstance(f[0], str) for f in fields)
            and isinstance(pages, list) and len(pages) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in pages))


def _check_entry(conn, path: Path, entry: dict) -> dict:
    if not _shape_ok(entry):
        return _result("altered", "PDF 中的核验信息格式不对：文书已被改动。",
                       "The notice data inside the PDF is malformed: the file was altered.")
    payload = parse_payload(entry.get("qr", ""))
    fields = entry.get("fields") or []
    text = _page_text(path, entry.get("pages") or [1, 1])
    verdict = _judge(conn, payload, fields, text if payload and payload.version != "CDN1" else None)
    if verdict["result"] not in ("valid", "voided", "altered") or (verdict["result"] == "altered" and text is None):
        return verdict
    if text is None:
        return {**verdict, "text_checked": False}
    shown = list(fields) + [["number", payload.header.number],
                            ["date", format_date(dt.date.fromisoformat(payload.header.date))]]
    missing = fields_in_text(shown, text)
    if verdict["result"] == "altered" and not missing:
        return {**verdict, "message": "打印内容与签名不符：文书正文已被改动。",
                "message_en": "The printed text no longer matches the signature: the notice was altered."}
    if missing:
        return _result("altered", f"打印内容与签名不符，被改动的项目：{'、'.join(missing)}。",
                       f"The printed text no longer matches the signed fields: {', '.join(missing)}.", payload,
                       altered_fields=missing)
    return {**verdict, "text_checked": True}


def verify_pdf(session: Session, path) -> dict:
    """Check every notice in a PDF: signature, register, and that its text still shows the signed fields."""
    session.require("document.verify")
    p = Path(path)
    try:
        if p.stat().st_size > MAX_PDF_BYTES:
            raise DomainError("PDF_TOO_LARGE", f"{p.name} 大于 {MAX_PDF_BYTES >> 20} MB，不是本系统打印的文书，未核验。",
                              f"{p.name} is larger than {MAX_PDF_BYTES >> 20} MB; it is not a notice printed here.",
                              field="pdf")
        data = p.read_bytes()
    except OSError as exc:
        raise DomainError("FILE_UNREADABLE", f"无法读取文件 {p}：{exc.strerror}。", f"Cannot read {p}: {exc.strerror}.",
                          field="pdf") from None
    entries = decode_meta(data)
    if not entries:
        out = _result("unknown", "PDF 中没有本系统文书的核验信息。", "The PDF carries no credit_desk notice data.")
        _log(session, "pdf", [out])
        return {**out, "documents": []}
    conn = session.ledger.conn
    results = [_check_entry(conn, p, e) for e in entries]
    worst = max(results, key=lambda r: _RANK[r["result"]])
    same_file = repo.find_print(conn, hashlib.sha256(data).hexdigest()) is not None
    _log(session, "pdf", results)
    return {**worst, "documents": results, "identical_to_printed_file": same_file}
