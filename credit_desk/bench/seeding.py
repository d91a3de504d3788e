"""The bench's own ledger: a temporary office with demo data and listing cases, never the user's keyring."""

from __future__ import annotations

import random
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail

from credit_desk.domain.cases import Case, CaseState, ListType
from credit_desk.services import auth, demo, ledgers
from credit_desk.store import cases as cases_repo, records as records_repo

PASSWORD = "Bench-Admin-Pass-2026"
PASSPHRASE = "bench recovery passphrase never used elsewhere"
OFFICE = "基准测试信用办"
SEED = 9
CASES_PER_RECORDS = 100  # one listing case per 100 records
TRAIL_BATCH = 20_000     # records whose audit and change-log rows are written in one transaction
STATE_WEIGHTS = ((CaseState.DRAFT, 15), (CaseState.NOTICE_SERVED, 10), (CaseState.LISTED, 55),
                 (CaseState.EXITED, 20))
LIST_WEIGHTS = ((ListType.BLACK, 40), (ListType.WATCH, 45), (ListType.RED, 15))


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only (the keyring path of an unlock, without the OS keyring)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username), None)


@contextmanager
def private_keyring(backend: KeyringBackend | None = None):
    """Swap the process keyring for ``backend`` (default: none at all) and put the old one back after."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend or fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def make_office(folder: Path):
    """A new ledger in ``folder``; returns (desk, session as admin)."""
    with private_keyring():
        desk, _stored = ledgers.init_office(folder, office=OFFICE, region="320812", admin="admin",
                                           admin_password=PASSWORD, recovery_passphrase=PASSPHRASE)
    return desk, auth.login(desk, "admin", PASSWORD)


def business_session(admin_session):
    """A clerk's session on the admin's desk (R14 separation of duties: the administrator seeds demo data and
    imports keys, business acts are a business role's); the clerk and an approver are created when missing."""
    from credit_desk.services import accounts
    have = {u.username for u in accounts.list_users(admin_session)}
    for name, role in (("clerk1", "clerk"), ("boss1", "approver")):
        if name not in have:
            accounts.add_user(admin_session, name, role, PASSWORD)
    return auth.login(admin_session.desk, "clerk1", PASSWORD)


def seed(session, records: int, progress=None) -> dict:
    """Demo subjects (one per 5 records) and records, then listing cases in every state."""
    subjects_n = max(100, records // 5)
    demo.seed(session, subjects_n=subjects_n, records_n=records, seed_value=SEED, progress=progress)
    cases_n = max(20, records // CASES_PER_RECORDS)
    seed_cases(session, cases_n, subjects_n, records)
    trail = audit_trail(session, progress)
    return {"subjects": subjects_n, "records": records, "cases": cases_n, **trail}


def audit_trail(session, progress=None) -> dict:
    """Issue 18: one audit row and one change-log row per seeded record, as entering each record writes them
    (``records.save_new_record``): a real ledger of 1M records has at least 1M of each, and check, audit
    verify, backup, restore and sync are measured on that, not on the few thousand rows a bulk seed leaves.
    Returns the audit and change-log row counts after."""
    conn, after, done = session.ledger.conn, 0, 0
    while True:
        rows = records_repo.rows_after(conn, after, TRAIL_BATCH)
        if not rows:
            break
        with session.ledger.tx() as tx:
            for r in rows:
                session.audit(tx, "record.add", "record", r["id"], detail={"status": r["status"], "leniency": []})
                tx.change("record", r["id"], "insert", {k: v for k, v in r.items() if k != "id"})
        after, done = rows[-1]["id"], done + len(rows)
        if progress is not None:
            progress(done, None)
    return {"audit_rows": session.ledger.query("SELECT count(*) AS n FROM audit")[0]["n"],
            "change_rows": session.ledger.query("SELECT count(*) AS n FROM changes")[0]["n"]}


def seed_cases(session, n: int, subjects_n: int, records_n: int) -> None:
    """Listing cases spread over the states, with dates around today so the due list has work in it."""
    session.require("demo.seed")
    rng, today = random.Random(SEED), session.desk.today()
    states, sw = zip(*STATE_WEIGHTS)
    lists, lw = zip(*LIST_WEIGHTS)
    with session.ledger.tx() as tx:
        for _ in range(n):
            state, list_type = rng.choices(states, sw)[0], rng.choices(lists, lw)[0]
            cases_repo.insert(tx, _case(rng, today, state, list_type, rng.randint(1, subjects_n),
                                        rng.randint(1, records_n) if records_n else None))
        session.audit(tx, "demo.seed", "ledger", session.ledger.ledger_id, detail={"cases": n})


def _case(rng, today, state, list_type, subject_id, record_id) -> Case:
    served = today - timedelta(days=rng.randint(1, 400))
    kw = {"department": "县市场监督管理局", "facts": "拒不履行生效判决确定的义务", "basis": "国办发〔2020〕49号",
          "record_ids": (record_id,) if record_id else ()}
    if state is not CaseState.DRAFT:
        kw |= {"served_on": served, "window_end": served + timedelta(days=14)}
    if state in (CaseState.LISTED, CaseState.EXITED):
        decided = served + timedelta(days=20)
        kw |= {"decided_on": decided, "valid_from": decided, "valid_until": decided + timedelta(days=3 * 365),
               "share_due": decided + timedelta(days=14),
               "shared_at": None if rng.random() < 0.05 else decided.isoformat()}
    if state is CaseState.EXITED:
        kw |= {"exit_way": "expiry", "exited_on": today - timedelta(days=rng.randint(0, 30))}
    return Case(None, subject_id, list_type, state, "admin", **kw)
