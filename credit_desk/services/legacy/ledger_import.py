"""Import an office's own ledger sheet (issue 19 item 3): every row checked first, all bad cells named, then
every subject, record and listing written in one transaction — or nothing.

The checks are those of entry by hand: ``subjects.new_subject`` (R7, ID numbers), ``records.prepare_record``
(R1 basis, R2 catalogue, R9 leniency → pending with its justification, R20 rule set), and for a listing R1 (it
rests on the row's record), R4 (ground, standard, a registered county-level department), R7 (the full entry) and
R11 (a watch listing's warning letter and domain). A listing's 文号 is kept as issued by hand: refused when the
register already holds it or when it has the shape of the register's own series (it could collide later), and
recorded without a sequence, so the register's next number is the same before and after the import.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from openpyxl.utils import get_column_letter

from credit_desk.domain import legacy
from credit_desk.domain.cases import Case, CaseState, ListType, check_r4_black_scope, check_r4_department_level
from credit_desk.domain.cases import check_r7_entry
from credit_desk.domain.cleanup import excel_error_words, is_excel_error
from credit_desk.domain.errors import DomainError, ValidationError, each_error
from credit_desk.domain.list_rules import (check_r4_black_basis, check_r11_watch_basis, check_r11_watch_entry,
                                           check_r12_watch_months)
from credit_desk.domain.procedure import check_r1_rests_on_records
from credit_desk.domain.publication import check_r13_still_published, check_r13_validity_cap
from credit_desk.domain.record_rules import check_catalogue_item
from credit_desk.domain.records import RecordStatus
from credit_desk.domain.subjects import fifteen_to_eighteen, new_subject, subject_warnings
from credit_desk.domain.textkey import search_key
from credit_desk.services import case_core, doc_numbers, records
from credit_desk.services.base import Session
from credit_desk.services.legacy import mappings
from credit_desk.sheets import legacy_xlsx
from credit_desk.sheets.cleanup_xlsx import ImportRefused
from credit_desk.store import bulk, reference
from credit_desk.store import cases as cases_repo
from credit_desk.store import departments as dept_repo
from credit_desk.store import legacy as repo
from credit_desk.store import subjects as subjects_repo

Progress = Callable[[str, int, int], None]   # (phase: read / check / write, done, total)
PROGRESS_EVERY = 500
ORIGIN = "legacy_import"
DECISION_DOC = {ListType.BLACK: "listing_decision", ListType.WATCH: "watch_warning"}
# a domain error's field → the product field whose column it is named by
_FIELD_ALIAS = {"subject_id": "id_number", "record_ids": "catalogue_code", "rule_set": "doc_issued",
                "department_level": "department", "external_number": "decision_number"}


HIDDEN_ROW = ("该行是隐藏行（在 Excel 中看不到），未导入；请取消隐藏、核对该行后再导入，不需要的行请删除。",
              "the row is hidden (not visible in Excel); unhide and check it, or delete it, then import again.",
              "XLSX_HIDDEN_ROW")


def _after_notes(notes_row: int) -> tuple[str, str, str]:
    return (f"该行在第{notes_row}行的表下注释之后，未读取；请把该行移到注释之前，或删除注释后再导入。",
            f"the row lies below the notes of row {notes_row} and was not read; move it above the notes, or delete "
            "the notes, and import again.", "XLSX_ROW_AFTER_NOTES")


class LegacyImportRefused(ImportRefused):
    """The sheet is refused whole; every bad cell is in ``problems`` (row, column header, why). The sentence names
    the worksheet the rows are on (a ledger workbook often keeps one sheet per year; R7, att19d: it named rows and
    columns but not which sheet)."""

    def __init__(self, problems: list[ValidationError], sheet: str = "") -> None:
        super().__init__(problems)
        self.code = "LEGACY_IMPORT_REFUSED"
        self.sheet = sheet
        if sheet:
            self.zh = self.zh.replace("导入被拒绝", f"工作表「{sheet}」导入被拒绝", 1)
            self.en = self.en.replace("Import refused", f"Sheet {sheet!r}: import refused", 1)


class _Cells(Exception):
    """The bad cells of one row's subject (internal: collected into the refusal)."""

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(len(problems))
        self.problems = problems


@dataclass
class _Sheet:
    path: Path
    head: legacy_xlsx.Head
    mapping: dict[str, str]                      # header → field key
    column: dict[str, int] = field(default_factory=dict)   # field key → 0-based column

    def name(self, row: int, key: str, zh: str, en: str, code: str) -> ValidationError:
        """One bad cell: row, the sheet's own header of the column and its letter, why (Chinese first)."""
        key = _FIELD_ALIAS.get(key, key)
        if key in self.column:
            col = self.column[key]
            header, letter = self.head.headers[col], get_column_letter(col + 1)
            return ValidationError(code, f"第{row}行「{header}」列（{letter}列）：{zh}",
                                   f"row {row}, column {header!r} ({letter}): {en}", field=f"{letter}{row}", row=row)
        f = legacy.FIELD_BY_KEY.get(key)
        what_zh = f"（表中没有对应“{f.zh}”的列，请加列并在列对应中指定）" if f else ""
        what_en = f" (no column is mapped to {f.en}; add one and map it)" if f else ""
        return ValidationError(code, f"第{row}行：{zh}{what_zh}", f"row {row}: {en}{what_en}", field=f"row{row}",
                               row=row)


@dataclass
class _Ready:
    """What is checked and waits to be written."""

    subjects: dict = field(default_factory=dict)     # (id_type, id_number) → (Subject, first row, registered)
    records: list = field(default_factory=list)      # (row, subject key, Record)
    listings: list = field(default_factory=list)     # (row, subject key, index into records, Case)
    converted: set = field(default_factory=set)      # subject keys whose 15-digit ID the clerk had converted


def import_ledger(session: Session, path: Path, mapping: dict[str, str] | None = None, sheet: str | None = None,
                  progress: Progress | None = None, convert_15: bool = False) -> dict:
    """Import subjects, records and current listings from an office's own sheet, all or nothing.

    ``mapping``: {sheet header: field key of ``domain.legacy.FIELDS``}; None uses the saved mapping that fits the
    sheet's headers. ``progress(phase, done, total)`` is called every few hundred rows (the GUI's bar).
    ``convert_15``: the clerk confirmed the GB 11643 conversion of 15-digit resident IDs to 18 digits (as
    ``subjects.add_subject`` takes it); without it such a number is named with its 18-digit form.
    Raises LegacyImportRefused (``problems``: every bad cell), ValidationError (no mapping, unreadable file),
    PermissionDenied (``legacy.import``; listings also need ``case.decide``). Returns {subjects, subjects_reused,
    records, pending, listings, sheet, rows, notes}."""
    session.require("legacy.import")
    sh = _open_sheet(session, Path(path), mapping, sheet)
    rows = _read(session, sh, progress)
    if any(r.listing for r in rows):
        session.require("case.decide")  # R4/R5: listing is a senior's act, historical or not
    ready, problems = _check(session, sh, rows, progress, convert_15)
    count = len(rows)
    del rows  # 100k rows of raw cells: only what is checked and ready is kept for the write
    problems.sort(key=lambda p: p.row or 0)
    if problems:
        raise LegacyImportRefused(problems, sh.head.sheet)
    if not ready.subjects:
        raise ValidationError("LEGACY_EMPTY", f"工作表「{sh.head.sheet}」表头下没有数据行，未导入。",
                              f"Sheet {sh.head.sheet!r} has no data rows under its header; nothing imported.",
                              field="file")
    out = _write(session, sh, ready, progress)
    return {**out, "sheet": sh.head.sheet, "rows": count, "notes": sh.head.notes}


def _open_sheet(session: Session, path: Path, mapping: dict | None, sheet: str | None) -> _Sheet:
    if mapping is None:
        head = legacy_xlsx.read_head(path, sheet)
        saved = mappings.find_mapping(session.ledger.conn, head.headers)
        if saved is None:
            raise ValidationError("LEGACY_NO_MAPPING", f"还没有与工作表「{head.sheet}」表头相符的列对应关系：请先指定"
                                  "各列对应的字段并保存。", f"No saved column mapping fits the headers of sheet "
                                  f"{head.sheet!r}; map the columns first and save the mapping.", field="mapping",
                                  cli="--mapping FILE.json --save-mapping NAME")
        mapping = saved["mapping"]
    head = legacy_xlsx.read_head(path, sheet, wanted=[h for h, k in mapping.items() if k])
    checked = legacy.check_mapping(mapping, head.headers)
    keys = [legacy.header_key(h) for h in head.headers]
    column = {k: keys.index(legacy.header_key(h)) for h, k in checked.items()}
    return _Sheet(path, head, checked, column)


def _read(session: Session, sh: _Sheet, progress: Progress | None) -> list[legacy.LegacyRow]:
    today, out, total = session.desk.today(), [], sh.head.rows_estimate
    for n, (r, cells) in enumerate(legacy_xlsx.data_rows(sh.path, sh.head), start=1):
        if cells is None or isinstance(cells, legacy_xlsx.AfterNotes):   # never brought in unseen, nor left out
            bad = legacy.LegacyRow(r)
            bad.bad("", *(HIDDEN_ROW if cells is None else _after_notes(cells.notes_row)))
            out.append(bad)
            continue
        values = {k: cells[i] for k, i in sh.column.items()}
        row = legacy.read_row(r, values, today)
        for k, v in values.items():
            if isinstance(v, str) and v.startswith("="):
                row.bad(k, "含有公式，请改为直接填写的内容。", "holds a formula; enter plain values.", "XLSX_FORMULA")
            elif is_excel_error(v):   # R7: a subject, record or 文号 of 「#N/A」 is no entry
                row.bad(k, *excel_error_words(v), "XLSX_ERROR_VALUE")
        if row.subject or row.errors:
            out.append(row)
        if progress and n % PROGRESS_EVERY == 0:
            progress("read", n, max(total, n))
    if progress:
        progress("read", len(out), len(out))
    return out


def _check(session: Session, sh: _Sheet, rows: list, progress: Progress | None, convert_15: bool = False):
    conn, today = session.ledger.conn, session.desk.today()
    refs = (reference.active_catalogue(conn), reference.rule_sets(conn))  # read once for the whole sheet
    problems = [sh.name(r.row, k, zh, en, code) for r in rows for k, zh, en, code in r.errors]
    problems += [sh.name(sh.head.header_row, k, "是隐藏列（在 Excel 中看不到），其内容不导入也不略过；请取消隐藏、核对该列后再"
                         "导入。", "the column is hidden (not visible in Excel); unhide and check it, then import "
                         "again.", "XLSX_HIDDEN_COLUMN")   # R7 (att19d): a mapped column the clerk never saw
                 for k, i in sh.column.items() if i + 1 in sh.head.hidden_columns]
    for r in rows:  # issue 15: a first-generation number becomes its 18-digit form only when the clerk confirmed
        if r.subject.get("id_type"):
            r.subject["id_number"], r.subject["converted"] = fifteen_to_eighteen(r.subject["id_type"],
                                                                                 r.subject["id_number"], convert_15)
    keys = [(r.subject["id_type"], r.subject["id_number"]) for r in rows if r.subject.get("id_type")]
    known = repo.existing_subjects(conn, list(dict.fromkeys(keys)))
    held = repo.existing_records(conn, sorted(set(known.values())))
    ready, seen_records, seen_numbers = _Ready(), {}, {}
    taken = repo.numbers_taken(conn, [r.listing["decision_number"] for r in rows if r.listing
                                      and r.listing["decision_number"]])
    seen_raw: dict = {}   # (number, item, 文号) as typed -> (first row, whether that row had bad cells)
    for n, row in enumerate(rows, start=1):
        bad_parts = {legacy.FIELD_BY_KEY[k].part for k, *_ in row.errors if k in legacy.FIELD_BY_KEY}
        raw = _raw_record_key(row)
        if raw is not None:   # R7 (att19d): a record given twice is named in the same round, even when one of the
            first = seen_raw.setdefault(raw, (row.row, bool(row.errors)))   # two rows has other bad cells
            if first[0] != row.row and (first[1] or row.errors):
                problems.append(sh.name(row.row, "doc_number", f"该主体依据「{row.record['doc_number']}」的同一目录条目失信"
                                        f"信息与第{first[0]}行重复。", "this subject's record on that document and "
                                        "item is a duplicate.", "LEGACY_DUPLICATE"))
                continue
        if "subject" not in bad_parts and row.subject:  # a part whose cells could not be read is not checked further
            problems += _check_row(session, sh, row, ready, known, held, seen_records, seen_numbers, taken, refs,
                                   today, bad_parts)
        if progress and n % PROGRESS_EVERY == 0:
            progress("check", n, len(rows))
    return ready, problems


def _raw_record_key(row) -> tuple | None:
    """A record's identity as the sheet types it (number, catalogue item, 文号), before any check."""
    rec, number = row.record or {}, legacy.header_key((row.subject or {}).get("id_number"))
    if not (number and rec.get("doc_number") and rec.get("catalogue_code")):
        return None
    return number, rec["catalogue_code"], search_key(rec["doc_number"])


def _check_row(session, sh, row, ready, known, held, seen_records, seen_numbers, taken, refs, today,
               bad_parts) -> list:
    try:
        key, subject = _subject(session, sh, row, ready, known, today)
    except _Cells as exc:
        return exc.problems
    if row.record is None:
        return []
    if "record" in bad_parts:  # some cells of the record unreadable: still name a code outside the catalogue (R2)
        try:
            if row.record["catalogue_code"]:
                check_catalogue_item(row.record["catalogue_code"], refs[0][1] if refs[0] else None)
        except DomainError as exc:
            return [sh.name(row.row, "catalogue_code", exc.zh, exc.en, exc.code)]
        return []
    rec = row.record
    dup = (key, rec["catalogue_code"], search_key(rec["doc_number"]))
    if dup in seen_records or (subject.id, rec["catalogue_code"], rec["doc_number"]) in held:
        where = f"与第{seen_records[dup]}行重复" if dup in seen_records else "已在台账中"
        return [sh.name(row.row, "doc_number", f"该主体依据「{rec['doc_number']}」的同一目录条目失信信息{where}。",
                        "this subject's record on that document and item is a duplicate.", "LEGACY_DUPLICATE")]
    try:
        record = records.prepare_record(session, subject_id=subject.id or 0, subject=subject, references=refs,
                                        **rec)  # R1, R2, R9, R20: the checks of entry by hand
    except DomainError as exc:
        return [sh.name(row.row, exc.field or "", exc.zh, exc.en, exc.code)]
    seen_records[dup] = row.row
    ready.records.append((row.row, key, record))
    if row.listing is None or bad_parts:
        return []
    try:
        case = _listing(session, sh, row, subject, record, seen_numbers, taken)
    except DomainError as exc:
        return [sh.name(row.row, exc.field or "", exc.zh, exc.en, exc.code)]
    ready.listings.append((row.row, key, len(ready.records) - 1, case))
    return []


def _subject(session, sh, row, ready, known, today):
    """R7: the subject as entry by hand builds it; a number seen before must carry the same name."""
    s = row.subject
    try:
        subject = new_subject(s["kind"], s["name"], s["id_type"], s["id_number"],
                              legal_rep_name=s["legal_rep_name"], legal_rep_id_type=s["legal_rep_id_type"],
                              legal_rep_id_number=s["legal_rep_id_number"], address=s["address"], today=today)
    except ValidationError as exc:  # every bad field of the subject, each named by its own column
        raise _Cells([sh.name(row.row, e.field or "id_number", e.zh, e.en, e.code) for e in each_error(exc)]) from None
    key = (subject.id_type.value, subject.id_number)
    if key not in ready.subjects:
        sid = known.get(key)
        first = subjects_repo.get(session.ledger.conn, sid) if sid is not None else subject
        ready.subjects[key] = (first, row.row, sid is not None)
        if s.get("converted") and sid is None:
            ready.converted.add(key)
    have, first_row, registered = ready.subjects[key]
    if search_key(have.name) != search_key(subject.name):
        where_zh, where_en = ("台账中已登记", "registered") if registered else (f"第{first_row}行", f"row {first_row}")
        raise _Cells([sh.name(row.row, "name", f"同一证件号码在{where_zh}的名称为「{have.name}」，与本行「{subject.name}」不一致。",
                      f"the same ID number carries another name ({where_en}).", "LEGACY_NAME_MISMATCH")])
    return key, have


def _listing(session, sh, row, subject, record, seen_numbers, taken) -> Case:
    """R1, R4, R7, R9, R11, R13 on a historical listing; its 文号 stays outside the register's series."""
    conn, lst = session.ledger.conn, row.listing
    number = lst["decision_number"]
    if record.status is not RecordStatus.ACTIVE:  # R9: a leniency record is dishonest only after approval
        raise ValidationError("R9_PENDING_RECORD", "本行失信信息属宽容审慎情形，须经第二人审批后才能据以列入名单；"
                              "请先不填名单各列导入，审批后再办理。", "this row's record falls under leniency and "
                              "needs a second user's approval before a listing can rest on it.", field="list_type")
    dept = dept_repo.by_name(conn, record.department)
    if dept is None:
        raise ValidationError("R4_DEPARTMENT_UNKNOWN", f"认定部门「{record.department}」尚未登记，请先在“认定部门”中"
                              "登记（须为县级以上，R4）。", f"the deciding department {record.department!r} is not "
                              "registered; register it first (county level or above, R4).", field="department")
    check_r4_department_level(dept.level)  # R4
    d = record.document
    case = Case(None, 0, lst["list_type"], CaseState.LISTED, session.user.username, department=dept.name,
                department_level=dept.level, domain=lst["domain"] or dept.domain, ground=lst["ground"],
                standard=lst["standard"], standard_kind=lst["standard_kind"], facts=record.facts,
                basis=f"{d.authority}{d.number}（{d.doc_type.zh}）", record_ids=(0,),
                valid_from=lst["valid_from"], valid_until=lst["valid_until"], warning_letter=lst["warning_letter"],
                decision_number=number, decided_on=lst["decided_on"], decided_by=session.user.username,
                post_exit_watch_months=lst["post_exit_watch_months"],
                rule_set_code=record.rule_set_code, origin=ORIGIN, department_id=dept.id)
    check_r1_rests_on_records(case.list_type.value, case.record_ids)  # R1
    try:   # R13: as by hand, no listing is decided on a record whose longest publication period had ended
        check_r13_still_published(f"（{d.number}）", record.publication_end, case.decided_on)
    except DomainError as exc:
        raise DomainError(exc.code, exc.zh, exc.en, field="decided_on") from None
    check_r13_validity_cap(case.valid_until, [record.publication_end])  # R13 / 1798号 (十一), as by hand
    check_r12_watch_months(case.post_exit_watch_months, case_core.watch_months_most(conn, case.decided_on))  # R12
    check_r11_watch_basis(case.list_type, [record.tier.value])  # R11
    check_r4_black_basis(case.list_type, [record.tier.value])  # R4: serious dishonesty
    check_r4_black_scope(case)  # R4
    check_r11_watch_entry(case)  # R11
    check_r7_entry(case, subject, case.decided_on)  # R7
    prefixes = {doc_numbers.series_prefix(conn, DECISION_DOC[case.list_type]),
                f"{dept.prefix}{doc_numbers.series_prefix(conn, DECISION_DOC[case.list_type])[-2:]}"}
    key = search_key(number)
    if key in seen_numbers or number in taken or legacy.register_series(number, prefixes):
        why = (f"与第{seen_numbers[key]}行重复" if key in seen_numbers else "已在文书登记簿中" if number in taken
               else "属于本系统文书登记簿的编号序列，导入后可能与系统今后出具的文号重复；请核对（历史文号须保留原样，"
                    "不占用系统序列）")
        raise ValidationError("LEGACY_NUMBER", f"决定书文号「{number}」{why}。", f"the decision number {number!r} is "
                              "a duplicate or belongs to the register's own series.", field="decision_number")
    seen_numbers[key] = row.row
    return case


def _write(session: Session, sh: _Sheet, ready: _Ready, progress: Progress | None) -> dict:
    """Everything in one transaction: subjects, records (R9 flags kept pending), listings with their 文号."""
    total = len(ready.subjects) + len(ready.records) + len(ready.listings)
    done, ids, counts = 0, {}, {"subjects": 0, "subjects_reused": 0, "records": 0, "pending": 0, "listings": 0}
    conn = session.ledger.conn

    def tick():
        nonlocal done
        done += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress("write", done, total)

    with bulk.large_cache(conn, total), session.ledger.tx() as tx:
        for key, (subject, _row, registered) in ready.subjects.items():
            ids[key] = subject.id if registered else _insert_subject(session, tx, subject, key in ready.converted)
            counts["subjects_reused" if registered else "subjects"] += 1
            tick()
        saved = []
        for _row, key, record in ready.records:
            out = records.save_new_record(session, tx, replace(record, subject_id=ids[key]), historical=True)
            saved.append(out["record"])
            counts["records"] += 1
            counts["pending"] += out["record"].status is RecordStatus.PENDING
            tick()
        for _row, key, index, case in ready.listings:
            _insert_listing(session, tx, replace(case, subject_id=ids[key], record_ids=(saved[index].id,)))
            counts["listings"] += 1
            tick()
        session.audit(tx, "legacy.import", "file", sh.path.name, detail={"sheet": sh.head.sheet, **counts})
    if progress:
        progress("write", total, total)
    return counts


def _insert_subject(session: Session, tx, subject, converted: bool = False) -> int:
    """As ``subjects.add_subject`` writes it: the row, its audit row (with warnings) and its change row."""
    sid = subjects_repo.insert(tx, subject)
    saved = replace(subject, id=sid)
    warnings = subject_warnings(saved)
    detail = {"historical": True, **({"warnings": [w[0] for w in warnings]} if warnings else {}),
              **({"converted_from_15_digits": True} if converted else {})}
    session.audit(tx, "subject.add", "subject", sid, detail=detail)
    tx.change("subject", sid, "insert", subjects_repo.state(saved))
    return sid


def _insert_listing(session: Session, tx, case: Case) -> int:
    """A historical listing: the case as listed, its 文号 recorded as issued by hand (no register sequence)."""
    cid = cases_repo.insert(tx, case)
    listed = replace(case, id=cid)
    cases_repo.add_event(tx, cid, case.decided_on, session.user.username, "legacy_import", CaseState.LISTED,
                         CaseState.LISTED, case.decision_number)
    doc_numbers.record_external_in_tx(session, tx, DECISION_DOC[case.list_type], "case", cid, case.decision_number,
                                      case.decided_on)
    session.audit(tx, "case.import", "case", cid, detail={"historical": True, "list_type": case.list_type.value,
                                                          "decision_number": case.decision_number})
    tx.change("case", cid, "decide", case_core.entry_state(tx.conn, listed))
    from credit_desk.services.cases import _cross_effects  # the hand path's own effects of a listing
    _cross_effects(session, tx, listed)  # R10: off every red list; R11: the big-data alert at 3+ domains
    return cid
