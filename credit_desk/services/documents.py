"""Printed notices (文书): number, sign, render, record and write — all of it or none of it.

How a number never repeats or skips (R5's notices are legally real, so the register must hold):

1. Everything that can be refused (role, template, context, R5's five parts, missing glyphs) is
   checked before a number is taken.
2. In ONE IMMEDIATE transaction: the number is MAX(seq) + 1 of its series (prefix, year); the PDF is
   rendered in memory, written in full to ``FILE.pdf.part`` and fsync'd; the document, its print and
   the audit and change-log rows are inserted. Another process waits on SQLite's write lock, and
   UNIQUE (prefix, year, seq) guards the rest. Any failure here — a bad folder, a full disk, a
   crash, Ctrl-C — rolls back everything: the number was never taken, nothing skips. The PDF itself is
   kept inside the encrypted ledger (``document_files``, issue 17 item 9, R14); a file is written only
   when the caller names one (``out``), readable by its owner only (0600).
3. After the commit the ``.part`` file is renamed over ``FILE.pdf``. If that rename fails, the
   documents are voided (作废) at once, with the reason, in a second transaction: the number stays
   in the register, so the series still has no gap, and it can never be handed out. A crash between
   commit and rename leaves the number registered with its ``.part`` file on disk; the register
   shows the file name, and the clerk renames the file or voids the number (``print void``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from credit_desk import outpaths
from credit_desk.documents import render as R
from credit_desk.documents.fonts import load_fonts
from credit_desk.documents.layout import format_number
from credit_desk.documents.templates import Template, check_context, from_text, load_template
from credit_desk.documents.verify import Header, decode_meta, parse_payload, sign_payload, text_digest
from credit_desk.domain import signing
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.procedure import check_r5_reprintable
from credit_desk.services import departments, doc_numbers
from credit_desk.services.base import Session, require_purpose
from credit_desk.services.progress import Count
from credit_desk.store import documents as repo
from credit_desk.store import meta, office_keys


@dataclass(frozen=True)
class Item:
    """One document to issue: its context and what it is about."""
    context: dict
    object_type: str
    object_id: str
    subject_id: int | None = None
    purpose: str = ""        # R14: stated when the document shows a subject's data on request
    dated: dt.date | None = None   # 成文日期 fixed by the case (e.g. the decision date); else the print date


@dataclass
class _Prepared:
    number: str
    seq: int
    context: dict
    key_fields: list
    qr_text: str
    signature: bytes
    meta: R.DocMeta
    item: Item
    prefix: str = ""
    held_id: int | None = None   # the register's number held for this document (doc_numbers)


def fonts_for(conn):
    """The fonts as configured for this office (setting ``documents.fonts``), found once per process."""
    return load_fonts(meta.get_setting(conn, "documents.fonts") or None)


def _office_key(conn):
    key = office_keys.active(conn)
    if key is None:
        raise DomainError("OFFICE_KEY_MISSING", "本单位没有签名密钥，无法打印可核验的文书。",
                          "The office has no signing key; notices cannot be signed.")
    return key


def _prepare(tx, tpl: Template, items: list[Item], contexts: list[dict], prefixes: list[str], today: dt.date,
             offices: list[str], key, held: list) -> list[_Prepared]:
    """``prefixes``/``offices``: per item, the series and the issuer (a case's deciding department, or the office)."""
    out, seqs = [], {}
    for item, ctx, h, prefix, office in zip(items, contexts, held, prefixes, offices):
        if h is not None:  # the number taken when the step happened (served, decided…): print under it
            on, seq, number, pfx = dt.date.fromisoformat(h["reserved_on"]), h["seq"], h["number"], h["prefix"]
        else:
            on, pfx = item.dated or today, prefix
            if (prefix, on.year) not in seqs:  # the series of the document's own year (成文日期)
                seqs[(prefix, on.year)] = repo.next_seq(tx, prefix, on.year)
            seq = seqs[(prefix, on.year)]
            seqs[(prefix, on.year)] += 1
            number = format_number(prefix, on.year, seq)
        key_fields = [[name, ctx[name]] for name in tpl.key_fields]
        digest = text_digest(R.printed_text(tpl, ctx, R.DocMeta(number, on, office, "")),
                             signing.suite_of(bytes(key.public_key)))  # issue 22: in the key's suite
        qr = sign_payload(Header(number, tpl.code, on.isoformat(), office), key_fields, digest, key.private_key,
                          key.public_key)
        out.append(_Prepared(number, seq, ctx, key_fields, qr, parse_payload(qr).signature,
                             R.DocMeta(number, on, office, qr), item, pfx, h["id"] if h else None))
    return out


def _addressed(conn, item: Item) -> dict:
    """The item's context with the party's form of address (issue 17 item 8): 你 for a natural person or an
    individual business, 你单位 for a legal person or other organisation."""
    from credit_desk.store import subjects
    s = subjects.get(conn, int(item.subject_id)) if item.subject_id is not None else None
    if s is None:
        return item.context
    return {**item.context, "you": "你" if s.kind.value in ("natural_person", "individual_business") else "你单位"}


def _meta_entry(p: _Prepared) -> dict:
    return {"qr": p.qr_text, "fields": p.key_fields}


PRIVATE_FILE = 0o600  # R14: a notice names the party and its ID number; only its owner may read the file


def _write_part(final: Path, data: bytes) -> Path:
    """The whole file next to its final name, flushed to disk, readable by its owner only (0600, R14);
    renamed only after the commit."""
    part = final.with_name(final.name + ".part")
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):  # Windows' Python 3.11 has none: there the user's folder ACL keeps it private
                os.fchmod(fh.fileno(), PRIVATE_FILE)  # an older .part file keeps its mode through O_TRUNC
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise DomainError("DOC_WRITE_FAILED", f"无法写入文件 {final}：{exc.strerror}；未占用任何文书编号。",
                          f"Cannot write {final}: {exc.strerror}; no number was taken.", field="out") from None
    return part


def _render(tpl: Template, docs: list[_Prepared], fonts, out: Path | None, split: bool, force: bool = False,
            drawn=None):
    """[(final path or None, part path or None, sha256, pdf bytes, [(doc, (first page, last page))])].

    ``out`` None: one PDF per document, kept in the ledger only (no file)."""
    groups = [[d] for d in docs] if split or out is None else [docs]
    files = []
    for group in groups:
        final = None if out is None else out / f"{group[0].number}.pdf" if split else out
        if split and out is not None:  # inside the transaction: a refusal rolls the numbers back
            outpaths.guard_files_in(out, [final.name], force=force)
        pdf, ranges = R.render_pdf([(tpl, d.context, d.meta) for d in group], fonts,
                                   [_meta_entry(d) for d in group], drawn)
        part = _write_part(final, pdf) if final is not None else None
        files.append((final, part, hashlib.sha256(pdf).hexdigest(), pdf, list(zip(group, ranges))))
    return files


def issue(session: Session, doc_type: str, items: list[Item], out: Path | None = None, *, split: bool = False,
          force: bool = False, progress=None) -> list[dict]:
    """Number, sign, render and record notices in one transaction, keep each PDF in the ledger, then put the
    file(s) in place when ``out`` names one. Returns [{number, file (str or None), pages, sha256}].
    ``progress(done, total)`` (issue 18, a batch): each notice drawn, then each recorded; the total once the files
    are in place.

    ``out`` None: nothing is written outside the ledger (R14; the GUI saves a copy only when the clerk asks,
    ``save_pdf``). Otherwise ``out`` is checked before a number is taken (issue 14: not in the data folder, not a
    folder when a file is meant, an existing file only with ``force``) and written 0600."""
    session.require("document.print")
    conn = session.ledger.conn
    if not items:
        raise ValidationError("DOC_NOTHING", "没有要打印的文书。", "Nothing to print.", field="items")
    out = check_out(session, out, split=split, force=force) if out is not None else None
    count = Count(progress, 2 * len(items))
    tpl = load_template(doc_type)
    contexts = [check_context(tpl, _addressed(conn, it)) for it in items]  # R5: refused before a number is taken
    fonts, key = fonts_for(conn), _office_key(conn)
    office, on = meta.get_meta(conn, "office") or "", session.desk.today()
    stamp = session.desk.now().isoformat(timespec="seconds")
    # 49号 四(八): a case's documents are issued by its deciding department, in its name and under its prefix
    issuers = [departments.issuer_for(conn, it.object_type, it.object_id) for it in items]
    offices = [d.name if d else office for d in issuers]
    with session.ledger.tx() as tx:
        prefixes = [doc_numbers.series_prefix(tx.conn, tpl.code, it.object_type, it.object_id) for it in items]
        held = [doc_numbers.held_for_print(tx.conn, tpl.code, it.object_type, it.object_id) for it in items]
        docs = _prepare(tx, tpl, items, contexts, prefixes, on, offices, key, held)
        files = _render(tpl, docs, fonts, out, split, force, count.step)
        for final, _part, sha, pdf, placed in files:
            repo.put_file(tx, sha, pdf, stamp)
            for d, pages in placed:
                _record(session, tx, tpl, d, sha, final, pages, stamp)
                count.step()
    issued = _publish(session, files)
    count.end()
    return issued


def _record(session: Session, tx, tpl: Template, d: _Prepared, sha: str, final: Path | None, pages,
            stamp: str) -> None:
    where = str(final) if final is not None else ""  # "": kept in the ledger only
    doc_id = repo.insert(tx, {
        "doc_type": tpl.code, "year": d.meta.issued.year, "seq": d.seq, "prefix": d.prefix, "number": d.number,
        "issued_on": d.meta.issued.isoformat(), "office": d.meta.office, "object_type": d.item.object_type,
        "object_id": str(d.item.object_id), "subject_id": d.item.subject_id, "context": d.context,
        "template": tpl.text, "key_fields": d.key_fields, "key_id": d.qr_text.split("|")[5],
        "signature": d.signature, "qr_text": d.qr_text, "pdf_sha256": sha, "file_name": where,
        "pages": f"{pages[0]}-{pages[1]}", "printed_by": session.user.username, "printed_at": stamp})
    repo.add_print(tx, doc_id, 0, sha, where, session.user.username, stamp)
    if d.held_id is not None:
        repo.link_reservation(tx, d.held_id, doc_id)
    session.audit(tx, "document.print", "document", d.number, purpose=d.item.purpose,
                  detail={"type": tpl.code, "object": f"{d.item.object_type}:{d.item.object_id}", "sha256": sha})
    tx.change("document", d.number, "insert", {
        "number": d.number, "type": tpl.code, "issued_on": d.meta.issued.isoformat(),
        "object_type": d.item.object_type, "object_id": str(d.item.object_id), "subject_id": d.item.subject_id,
        "pdf_sha256": sha, "status": "issued"})


def draft(session: Session, doc_type: str, context: dict, out: Path, *, force: bool = False) -> dict:
    """An unnumbered, unsigned 样稿 from free text (to agree wording before the act): marked 样稿 across every
    page, no 文号, no QR, no register entry, so nothing can verify it. The print is logged (R14)."""
    session.require("document.print")
    out = check_out(session, out, force=force)
    tpl = load_template(doc_type)
    ctx = check_context(tpl, context)
    conn = session.ledger.conn
    office, on = meta.get_meta(conn, "office") or "", session.desk.today()
    m = R.DocMeta("（样稿 无文号）", on, office, "", draft=True)
    pdf, _ = R.render_pdf([(tpl, ctx, m)], fonts_for(conn))
    final = Path(out)
    with session.ledger.tx() as tx:
        part = _write_part(final, pdf)
        session.audit(tx, "document.draft", "doc_type", tpl.code,
                      detail={"sha256": hashlib.sha256(pdf).hexdigest(), "file": final.name})
    _place(part, final)
    return {"doc_type": tpl.code, "file": str(final), "number": None, "signed": False}
def check_out(session: Session, out, *, split: bool = False, force: bool = False) -> Path:
    """The output of a print checked by the one output guard (issue 14 item 4)."""
    data = session.ledger.paths.folder
    if split:
        return outpaths.guard_folder(out, data_dir=data, field="out")
    return outpaths.guard_file(out, data_dir=data, force=force)


def _place(part: Path, final: Path) -> None:
    os.replace(part, final)


def _publish(session: Session, files) -> list[dict]:
    """Rename each ``.part`` into place; a file that cannot be placed has its numbers voided (no gap)."""
    out = []
    for final, part, sha, _pdf, placed in files:
        try:
            if part is not None:
                _place(part, final)
        except OSError as exc:
            numbers = [d.number for d, _ in placed]
            void_numbers(session, numbers, f"PDF 文件未能写入（{exc.strerror}）", check_role=False)
            raise DomainError("DOC_PLACE_FAILED", f"文书已登记但文件未能写入 {final}（{exc.strerror}），"
                              f"编号 {'、'.join(numbers)} 已作废登记，请重新打印。",
                              f"Registered, but {final} could not be written ({exc.strerror}); "
                              f"{', '.join(numbers)} were voided; print again.", field="out") from None
        out += [{"number": d.number, "file": str(final) if final is not None else None, "pages": list(p),
                 "sha256": sha} for d, p in placed]
    return out


def void_numbers(session: Session, numbers: list[str], reason: str, *, check_role: bool = True) -> None:
    """Mark registered numbers voided (作废) with a reason: they stay in the register, never reused."""
    if check_role:
        session.require("document.void")
    if not (reason or "").strip():
        raise ValidationError("DOC_VOID_REASON", "作废文书须写明理由。", "Give a reason for voiding.", field="reason")
    stamp = session.desk.now().isoformat(timespec="seconds")
    with session.ledger.tx() as tx:
        for number in numbers:
            row = _row(tx.conn, number)
            repo.void(tx, row.id, reason.strip(), session.user.username, stamp)
            session.audit(tx, "document.void", "document", number, detail={"reason": reason.strip()})
            tx.change("document", number, "void", {"number": number, "status": "voided", "reason": reason.strip()})


def _row(conn, number: str) -> repo.DocumentRow:
    row = repo.get_by_number(conn, (number or "").strip())
    if row is None:
        raise DomainError("DOC_NOT_FOUND", f"文书登记簿中没有编号「{number}」。",
                          f"No document numbered '{number}' in the register.", field="number")
    return row


def reprint(session: Session, number: str, out: Path | None, purpose: str, *, force: bool = False) -> dict:
    """Print a registered notice again, marked 副本 with its reprint count; the print is recorded with its
    purpose (R14 查询使用登记: the copy shows the subject's name and ID number). The copy is kept in the ledger;
    a file is written (0600) only when ``out`` names one. Returns {number, copy_no, file (str or None), sha256}."""
    session.require("document.reprint")
    purpose = require_purpose(purpose)
    out = check_out(session, out, force=force) if out is not None else None
    conn = session.ledger.conn
    row = _row(conn, number)
    check_r5_reprintable(row.status, number, row.void_reason)  # R5 superseded, R12 way 1 withdrawn, voided
    tpl = from_text(row.template, f"{row.doc_type}.toml")
    fonts = fonts_for(conn)
    stamp = session.desk.now().isoformat(timespec="seconds")
    final = out
    with session.ledger.tx() as tx:
        copy_no = _row(tx.conn, number).reprint_count + 1
        m = R.DocMeta(row.number, dt.date.fromisoformat(row.issued_on), row.office, row.qr_text, copy_no)
        pdf, ranges = R.render_pdf([(tpl, row.context, m)], fonts, [{"qr": row.qr_text, "fields": row.key_fields}])
        sha = hashlib.sha256(pdf).hexdigest()
        part = _write_part(final, pdf) if final is not None else None
        repo.put_file(tx, sha, pdf, stamp)
        repo.add_print(tx, row.id, copy_no, sha, str(final) if final is not None else "", session.user.username,
                       stamp)
        session.audit(tx, "document.reprint", "document", number, purpose=purpose,
                      detail={"copy_no": copy_no, "sha256": sha})
        tx.change("document", number, "reprint", {"number": number, "copy_no": copy_no, "pdf_sha256": sha})
    if part is not None:
        _place(part, final)
    return {"number": number, "copy_no": copy_no, "file": str(final) if final is not None else None, "sha256": sha}


def stored_pdf(session: Session, number: str, purpose: str) -> dict:
    """The latest print of a registered notice as kept in the ledger, to preview or print (R14: it shows the
    party's name and ID number, so the look states a purpose and is logged). Returns {number, copy_no, sha256,
    pdf (bytes)}. Raises DOC_NOT_FOUND, DOC_FILE_MISSING (a notice printed before the ledger kept its PDFs and
    whose file is gone: reprint it)."""
    session.require("document.print")
    purpose = require_purpose(purpose)
    conn = session.ledger.conn
    row = _row(conn, number)
    copy_no, sha, file_name = repo.latest_print(conn, row.id)
    pdf = repo.get_file(conn, sha)
    if pdf is None:
        pdf = _older_file(file_name, sha)
    if pdf is None:
        raise DomainError("DOC_FILE_MISSING", f"文书 {number} 是本版本之前打印的，账本中没有保存它的文件，原文件也已不在本机；"
                          "如需再次打印请重印（副本）。",
                          f"{number} was printed before the ledger kept its files, and the file is no longer on "
                          "this PC; reprint a copy to print it again.", field="number")
    own = _own_pages(conn, row, pdf)
    if own is not pdf:
        pdf, sha = own, hashlib.sha256(own).hexdigest()
    with session.ledger.tx() as tx:
        session.audit(tx, "document.view", "document", number, purpose=purpose, detail={"copy_no": copy_no})
    return {"number": number, "copy_no": copy_no, "sha256": sha, "pdf": pdf}


def _own_pages(conn, row: repo.DocumentRow, pdf: bytes) -> bytes:
    """R14/R15: notices issued as a batch into one file are kept as that file, every party's notice in it. A look
    at one number (preview, print, save) shows that notice alone — the others name other parties, and the look is
    logged for this number only — so it is drawn again from its register entry, as issued (not a 副本), with its
    own verification data (pages 1..n). A file of one notice is returned as it is (the same object)."""
    if len(decode_meta(pdf) or []) <= 1:
        return pdf
    tpl = from_text(row.template, f"{row.doc_type}.toml")
    m = R.DocMeta(row.number, dt.date.fromisoformat(row.issued_on), row.office, row.qr_text)
    own, _ = R.render_pdf([(tpl, row.context, m)], fonts_for(conn), [{"qr": row.qr_text, "fields": row.key_fields}])
    return own


def _older_file(file_name: str, sha: str) -> bytes | None:
    """A notice printed before the ledger kept its PDFs: its file, if it is still there and unchanged."""
    try:
        data = Path(file_name).read_bytes() if file_name else None
    except OSError:
        return None
    return data if data is not None and hashlib.sha256(data).hexdigest() == sha else None


def save_pdf(session: Session, number: str, out, purpose: str, *, force: bool = False) -> dict:
    """Write the stored PDF of a registered notice to a file the clerk chose (0600, never in the data folder);
    the export is logged with its purpose and path (R14). Returns {number, file, sha256}."""
    session.require("document.print")
    out = check_out(session, out, force=force)
    doc = stored_pdf(session, number, purpose)
    final = Path(out)
    part = _write_part(final, doc["pdf"])
    try:
        with session.ledger.tx() as tx:
            session.audit(tx, "document.save", "document", number, purpose=purpose.strip(),
                          detail={"file": str(final), "sha256": doc["sha256"]})
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    _place(part, final)
    return {"number": number, "file": str(final), "sha256": doc["sha256"]}


def set_prefix(session: Session, doc_type: str, prefix: str) -> str:
    """Set the office's number prefix for a document type (e.g. 清信决)."""
    session.require("document.prefix")
    load_template(doc_type)
    text = (prefix or "").strip()
    if not text or len(text) > 12 or any(c in text for c in "〔〕|[]号 "):
        raise ValidationError("DOC_PREFIX", "编号前缀须为1–12个字，且不含〔〕、“号”、空格或“|”。",
                              "The prefix must be 1–12 characters without 〔〕, 号, spaces or '|'.", field="prefix")
    with session.ledger.tx() as tx:
        repo.set_prefix(tx, doc_type, text, session.user.username, session.desk.now().isoformat(timespec="seconds"))
        session.audit(tx, "document.prefix", "doc_type", doc_type, detail={"prefix": text})
        tx.change("doc_prefix", doc_type, "upsert", {"doc_type": doc_type, "prefix": text})
    return text


def list_documents(session: Session, *, doc_type: str | None = None, object_id=None, limit: int = 100) -> list[dict]:
    """The register: numbers, types, dates, status and reprint counts (no personal data)."""
    session.require("document.list")
    return repo.list_documents(session.read_conn, doc_type=doc_type,
                               object_id=str(object_id) if object_id is not None else None, limit=limit)
