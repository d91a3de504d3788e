"""Browsing for the desktop lists: masked pages of subjects and records, tallies, the audit log.

Lists show names and ID numbers masked (R15); the full data of one subject is only shown through
``subjects.show_subject`` with a purpose (R14). A search with text is a query of personal data, so
``log_search`` states its purpose and writes the audit row before the pages are read (R14 查询使用登记).

Pages are read on worker threads through a ``Reader``: a bounded pool of read-only connections leased for
each read, so the GUI thread's writer connection is never shared and no job leaves a connection behind.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from credit_desk.domain.audit_words import action_words, object_words
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.record_rules import Leniency, leniency_flags
from credit_desk.domain.records import RecordStatus
from credit_desk.domain.roles import ACTION_ZH, Role
from credit_desk.domain.rulesets import Tier
from credit_desk.domain.subjects import Subject, id_with_mark
from credit_desk.services import deadline_calendar
from credit_desk.services.base import Session, require_purpose
from credit_desk.store import meta, reference, users, views
from credit_desk.store.views import PageSpec

__all__ = ["PageSpec", "Reader", "SearchToken", "log_search", "subjects_page", "records_page",
           "records_count", "subjects_count", "dashboard_counts", "monthly_trend", "audit_page",
           "log_audit_read", "verify_chain", "cases_page", "objections_page", "documents_page", "cleanup_rows",
           "commitment_items", "commitments_page", "interviews_page", "subject_brief", "repair_subjects", "pending_records"]

RECORD_STATUS_ZH = {RecordStatus.ACTIVE: "有效", RecordStatus.PENDING: "待审批", RecordStatus.CHANGED: "已变更",
                    RecordStatus.REVOKED: "已撤销", RecordStatus.REPAIRED: "已修复"}


class Reader:
    """A bounded pool of read-only connections, reused from job to job.

    ``with reader.lease() as conn:`` takes an idle connection (or opens one while fewer than ``size`` are open,
    or waits for one to come back) and returns it to the pool at the end; a lease taken again on the same
    thread inside a lease gets the same connection. The pool never holds more than ``size`` connections,
    however many background jobs run (issue 18: a ``threading.local`` per job left one connection, and its
    page cache, open for every job the QThreadPool ran)."""

    SIZE = 4  # the GUI's two worker threads, the GUI thread's own short reads, and one spare

    def __init__(self, session: Session, size: int = SIZE) -> None:
        self._db = session.ledger.paths.db
        self._key = session.desk.key
        self._size = max(1, int(size))
        self._idle: list = []
        self._busy: dict[int, list] = {}  # thread ident -> [conn, depth]
        self._open = 0
        self._closed = False
        self._cv = threading.Condition()

    @property
    def open_count(self) -> int:
        """How many connections the pool holds now (idle and leased)."""
        with self._cv:
            return self._open

    @contextmanager
    def lease(self):
        """A read-only connection for the duration of the ``with`` block (blocks while all are leased)."""
        me = threading.get_ident()
        with self._cv:
            held = self._busy.get(me)
            if held is not None:
                held[1] += 1
                conn = held[0]
            else:
                conn = self._take()
                self._busy[me] = [conn, 1]
        try:
            yield conn
        finally:
            with self._cv:
                held = self._busy[me]
                held[1] -= 1
                if held[1] == 0:
                    del self._busy[me]
                    if self._closed:
                        conn.close()
                        self._open -= 1
                    else:
                        self._idle.append(conn)
                    self._cv.notify()

    def _take(self):
        # called with the condition held; opening a connection takes milliseconds (raw key, no KDF)
        while True:
            if self._closed:
                raise RuntimeError("reader pool closed")
            if self._idle:
                return self._idle.pop()
            if self._open < self._size:
                conn = views.open_reader(self._db, self._key)
                self._open += 1
                return conn
            self._cv.wait()

    def conn(self):
        """The connection this thread holds in a ``lease`` (RuntimeError outside one)."""
        with self._cv:
            held = self._busy.get(threading.get_ident())
        if held is None:
            raise RuntimeError("Reader.conn() outside a lease: use `with reader.lease() as conn`")
        return held[0]

    def interrupt(self) -> None:
        """Stop every query running on the leased connections (a cancelled search)."""
        with self._cv:
            for conn, _depth in self._busy.values():
                conn.interrupt()

    def close(self) -> None:
        """Close the idle connections now and each leased one when its lease ends."""
        with self._cv:
            self._closed = True
            for conn in self._idle:
                conn.close()
            self._open -= len(self._idle)
            self._idle.clear()
            self._cv.notify_all()


@dataclass(frozen=True)
class SearchToken:
    """Proof that a search text was logged with its purpose; the page functions take it (R14)."""

    text: str = ""


def log_search(session: Session, area: str, text: str, purpose: str | None) -> SearchToken:
    """R14: log a list search (who, when, what, why); an empty text needs no purpose."""
    session.require("subject.search")
    text = (text or "").strip()
    if not text:
        return SearchToken("")
    why = require_purpose(purpose)
    with session.ledger.tx() as tx:
        session.audit(tx, "subject.search", "query", text, purpose=why, detail={"area": area})
    return SearchToken(text)


def subject_row(subject: Subject) -> dict:
    """The list row of one subject (masked, R15) — e.g. the one a clerk has just registered from a subject picker:
    {id, kind, kind_zh, name, id_type, id_number}. No ledger read, so no purpose to log (R14)."""
    row = {"id": subject.id, "kind": subject.kind.value, "name": subject.name, "id_type": subject.id_type.value,
           "id_number": subject.id_number}
    if subject.id_exception:
        row["id_exception"] = subject.id_exception.kind
    return _masked_row(row)


def _masked_row(row: dict) -> dict:
    """R15: names of people and all ID numbers masked in lists (organisations keep their names)."""
    s = Subject(row.get("subject_id", row["id"]), SubjectKind(row["kind"]), row["name"],
                IdType(row.get("id_type") or IdType.USCC), row["id_number"])
    m = s.masked()
    # issue 15: a code registered as a check-character exception carries its mark in every list
    shown = id_with_mark(m["id_number"], row.get("id_exception"))
    return {**row, "name": m["name"], "id_number": shown, "kind_zh": s.kind.zh}


def subjects_page(session: Session, reader: Reader, spec: PageSpec, search: SearchToken = SearchToken(),
                  kind: str = "") -> list[dict]:
    """One keyset page of subjects, masked (R15)."""
    session.require("subject.search")
    with reader.lease() as conn:
        return [_masked_row(r) for r in views.subjects_page(conn, spec, search.text, kind)]


def subjects_count(session: Session, reader: Reader, search: SearchToken = SearchToken(),
                   kind: str = "") -> int:
    """How many subjects match the list's filter."""
    session.require("subject.search")
    with reader.lease() as conn:
        return views.subjects_count(conn, search.text, kind)


def records_page(session: Session, reader: Reader, spec: PageSpec, search: SearchToken = SearchToken(),
                 tier: str = "", status: str = "", subject_id: int | None = None) -> list[dict]:
    """One keyset page of records with their subject masked (R15)."""
    session.require("record.browse")
    with reader.lease() as conn:
        rows = views.records_page(conn, spec, search.text, tier, status, subject_id)
    out = []
    for r in rows:
        m = _masked_row(r)
        m["tier_zh"] = Tier(r["tier"]).zh
        m["status_zh"] = _status_zh(r["status"])
        out.append(m)
    return out


def _status_zh(value: str) -> str:
    try:
        return RECORD_STATUS_ZH[RecordStatus(value)]
    except ValueError:
        return value


def records_count(session: Session, reader: Reader, search: SearchToken = SearchToken(), tier: str = "",
                  status: str = "") -> int:
    """How many records match the list's filter."""
    session.require("record.browse")
    with reader.lease() as conn:
        return views.records_count(conn, search.text, tier, status)


def dashboard_counts(session: Session, reader: Reader, lang: str = "zh") -> dict:
    """Tallies for the dashboard: subjects by kind, records by tier and by status; labels in Chinese, or in
    English (the code in words) for ``lang="en"``."""
    session.require("dashboard.view")
    with reader.lease() as conn:
        kinds = views.counts_by(conn, "subjects", "kind")
        tiers = views.counts_by(conn, "records", "tier")
        statuses = views.counts_by(conn, "records", "status")
    def word(zh: str, code: str) -> str:
        return zh if lang != "en" else code.replace("_", " ").capitalize()
    return {"kind": [(word(k.zh, k.value), kinds.get(k.value, 0)) for k in SubjectKind],
            "tier": [(word(t.zh, t.value), tiers.get(t.value, 0)) for t in Tier],
            "status": [(word(RECORD_STATUS_ZH[s], s.value), statuses.get(s.value, 0)) for s in RecordStatus]}


def monthly_trend(session: Session, reader: Reader, today: date, months: int = 12) -> list[tuple[str, int]]:
    """Records per decision month for the last ``months`` months up to ``today`` (zero months kept)."""
    session.require("dashboard.view")
    keys = []
    y, m = today.year, today.month
    for _ in range(months):
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    keys.reverse()
    with reader.lease() as conn:
        found = views.monthly_records(conn, keys[0] + "-01")
    return [(k, found.get(k, 0)) for k in keys]


def log_audit_read(session: Session, text: str = "") -> None:
    """Reading the audit log is itself logged (admin and auditor only)."""
    session.require("audit.read")
    with session.ledger.tx() as tx:
        session.audit(tx, "audit.read", "audit", text or "*")


def audit_page(session: Session, reader: Reader, before_id: int | None, limit: int = 200,
               text: str = "") -> list[dict]:
    """Audit rows newest first, keyset on id (admin and auditor only)."""
    session.require("audit.read")
    with reader.lease() as conn:
        return [_audit_labels(r) for r in views.audit_page(conn, before_id, limit, text)]


_AUDIT_EXTRA_ZH = {"login": "登录", "login.failed": "登录失败", "login.locked": "账户锁定时登录",
                   "ledger.init": "初始化账本", "user.add": "新增用户",
                   "subject.brief": "查看主体摘要（遮蔽）"}
_OUTCOME_ZH = {"ok": "成功", "refused": "拒绝"}
_OBJECT_ZH = {"audit": "审计日志", "ledger": "账本", "user": "用户", "subject": "信用主体", "query": "查询",
              "record": "失信信息", "case": "名单案件", "objection": "异议", "setting": "设置", "action": "操作",
              "bundle": "同步包", "document": "文书"}


def _audit_labels(row: dict) -> dict:
    try:
        role = Role(row["role"]).zh
    except ValueError:
        role = row["role"]
    # issue 17 item 3: every code in words (domain/audit_words.py fills what the role table does not name)
    action = _AUDIT_EXTRA_ZH.get(row["action"]) or ACTION_ZH.get(row["action"]) or action_words(row["action"])
    return {**row, "role": role, "action": action, "ts": row["ts"].replace("T", " "),
            "object_type": _OBJECT_ZH.get(row["object_type"]) or object_words(row["object_type"]),
            "outcome": _OUTCOME_ZH.get(row["outcome"], row["outcome"])}


def verify_chain(session: Session, reader: Reader):
    """R14: recompute the audit chain on a read connection (a long walk, run off the GUI thread)."""
    session.require("audit.verify")
    from credit_desk.services import audit  # one verification for CLI, check and GUI (issue 14)
    with reader.lease() as conn:
        return audit.verify_on(conn, session.ledger)


# --- work lists (cases, objections, documents, clean-up ledger, commitments, interviews) ---------------

def _masked(rows: list[dict]) -> list[dict]:
    return [_masked_row(r) for r in rows]


def cases_page(session: Session, reader: Reader, spec: PageSpec, list_type: str = "", state: str = "") -> list[dict]:
    """One keyset page of listing cases, their subject masked (R15)."""
    session.require("case.list")
    with reader.lease() as conn:
        return _masked(views.cases_page(conn, spec, list_type, state))


def objections_page(session: Session, reader: Reader, spec: PageSpec, open_only: bool = False,
                    target_type: str = "") -> list[dict]:
    """One keyset page of objections, their subject masked (R15); a reply date counted without a year's holiday
    data carries ``deadline_warnings`` (R20, deadline_calendar.mark_rows)."""
    session.require("case.list")
    with reader.lease() as conn:
        rows = _masked(views.objections_page(conn, spec, open_only, target_type))
        return deadline_calendar.mark_rows(session.desk, conn, "objection", rows, "due_on")


def documents_page(session: Session, reader: Reader, spec: PageSpec, doc_type: str = "", status: str = "",
                   number: str = "") -> list[dict]:
    """One keyset page of the document register (no personal data)."""
    session.require("document.list")
    with reader.lease() as conn:
        rows = views.documents_page(conn, spec, doc_type, status, number)
        return _with_names(conn, rows, "printed_by")


def staff_name(session: Session, username: str | None) -> str:
    """The name a colleague is shown under (王经办), not the login (clerk1); the login itself when the account has
    no other name or is gone. Staff names are the office's own, not a party's: nothing is masked or logged."""
    if not username:
        return ""
    return _names(session.read_conn).get(username, username)


def _names(conn) -> dict[str, str]:
    return {u.username: u.display_name or u.username for u in users.all_users(conn)}


def _with_names(conn, rows: list[dict], *keys: str) -> list[dict]:
    """Each ``key`` (a login) also as ``key + "_name"`` (the colleague's name) for lists (issue 17)."""
    names = _names(conn) if rows else {}
    for r in rows:
        for key in keys:
            r[key + "_name"] = names.get(r[key], r[key] or "")
    return rows


def cleanup_rows(session: Session) -> list[dict]:
    """The clean-up ledger's rows (R16), for its table."""
    session.require("ledger.view")
    return views.cleanup_rows(session.read_conn)


def commitment_items(session: Session) -> list[dict]:
    """The office's commitment items list (R17)."""
    session.require("commitment.view")
    return views.commitment_items(session.read_conn)


def commitments_page(session: Session, reader: Reader, spec: PageSpec, fulfilment: str = "") -> list[dict]:
    """One keyset page of commitments, their subject masked, with the key-supervision flag (R17)."""
    session.require("commitment.view")
    with reader.lease() as conn:
        return _masked(views.commitments_page(conn, spec, fulfilment))


def interviews_page(session: Session, reader: Reader, spec: PageSpec) -> list[dict]:
    """One keyset page of interview records, their subject masked (R18)."""
    session.require("commitment.view")
    with reader.lease() as conn:
        return _masked(views.interviews_page(conn, spec))


def subject_brief(session: Session, subject_id: int, purpose: str | None) -> dict:
    """A subject's masked name and number, for the heading of a case or a picker (R15): ``{"id", "name",
    "id_number", "kind_zh", ...}``. R14 查询使用登记: a look at one named party, so it takes a stated ``purpose``
    (ValidationError R14_PURPOSE_REQUIRED otherwise, nothing logged) and writes its ``subject.brief`` audit row
    naming the subject — the auditor sees who looked at whom, as for ``subjects.show_subject``."""
    session.require("subject.search")
    why = require_purpose(purpose)  # R14: the purpose before the read
    row = views.subject_brief(session.ledger.conn, subject_id)
    with session.ledger.tx() as tx:
        session.audit(tx, "subject.brief", "subject", subject_id, purpose=why)
    return _masked_row(row) if row else {"id": subject_id, "name": "—", "id_number": "—", "kind_zh": ""}


def repair_subjects(session: Session, repair_ids: list[int]) -> dict[int, dict]:
    """The masked subject of each repair request in a work list (R15), ``{repair_id: {"name", "id_number",
    ...}}``: like ``cases_page``, the office's own masked work list needs no purpose (R14); it reaches only
    subjects that have one of the given requests, never an arbitrary subject."""
    session.require("repair.list")
    return {rid: _masked_row(row) for rid, row in views.repair_subjects(session.read_conn, repair_ids).items()}


def pending_records(session: Session) -> list[dict]:
    """Records waiting for the second user's approval (R9), subjects masked."""
    session.require("record.browse")
    out = []
    for r in views.pending_records(session.read_conn):
        m = _masked_row(r)
        m["tier_zh"] = Tier(r["tier"]).zh
        m["leniency_zh"] = "、".join(Leniency(f).zh for f in json.loads(r["leniency_flags"] or "[]"))
        out.append(m)
    return _with_names(session.read_conn, out, "created_by")


def active_catalogue(session: Session) -> tuple[dict, list]:
    """R2: the active catalogue edition and its dishonesty items (sample items say 示例 in display_name)."""
    session.require("record.browse")
    found = reference.active_catalogue(session.read_conn)
    return (found[0], [i for i in found[1] if i.dishonesty]) if found else ({}, [])


def active_measures(session: Session) -> tuple[dict, list]:
    """R8: the active measures-list edition and its items."""
    session.require("case.list")
    found = reference.active_measures(session.read_conn)
    return (found[0], list(found[1])) if found else ({}, [])


def case_objections(session: Session, case_id: int) -> list[dict]:
    """The objections to one case, newest last (ids, dates, grounds, outcome; no subject data)."""
    session.require("case.list")
    return views.case_objections(session.read_conn, case_id)


def leniency_preview(session: Session, subject_id: int, tier: str, act_date: date, *, force_majeure: bool,
                     no_intent: bool, slight: bool) -> tuple:
    """R9 as ``records.add_record`` will judge it, for the form to show before saving (no data leaves here)."""
    session.require("record.add")
    s = views.subject_brief(session.read_conn, subject_id)
    if s is None:
        return ()
    return leniency_flags(Tier(tier), IdType(s["id_type"] or IdType.USCC), s["id_number"], act_date,
                          force_majeure=force_majeure, no_intent=no_intent, slight=slight)


def intake_url(session: Session) -> str:
    """The configured address of the municipal platform's intake (setting ``sync.intake_url``), or ""."""
    session.require("bundle.view")
    return str(meta.get_setting(session.read_conn, "sync.intake_url") or "")
