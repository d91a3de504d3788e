"""Shared helpers for the reliability tests: open a ledger the way a second process would, digest its
tables (to prove "nothing changed"), and write clean-up ledger workbooks of any size."""

from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from pathlib import Path

from credit_desk.domain.cleanup import HEADERS, NOTES
from credit_desk.domain.errors import AuthError, DomainError
from credit_desk.services import backup, ledgers
from tests.conftest import PASSPHRASE

# Tables a refused input must leave untouched. The audit log is left out on purpose: a refused role or a
# verification is itself logged (R14), and its integrity is checked separately by `audit verify`.
SKIP_TABLES = frozenset({"audit", "sqlite_sequence"})
# ...and the clock mark, the time of the newest logged act (R14 clock check), which moves with that audit row
SKIP_META = frozenset({"clock_mark"})
FUZZ_EXAMPLES = int(os.environ.get("CREDIT_DESK_FUZZ_EXAMPLES", "25"))


def ledger_digest(conn) -> str:
    """SHA-256 over every row of every table but the audit log: equal digests mean nothing changed."""
    h = hashlib.sha256()
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for name in names:
        if name in SKIP_TABLES:
            continue
        h.update(name.encode())
        for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"')  # some are WITHOUT ROWID
                          if not (name == "meta" and r[0] in SKIP_META)):
            h.update(row.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@contextmanager
def reader(data_dir: Path, passphrase: str = PASSPHRASE):
    """The ledger opened read-only, as a separate process would: from the (test) keyring, else with the
    recovery passphrase (scrypt makes that slow, so it is the fallback)."""
    try:
        desk = ledgers.unlock(Path(data_dir), read_only=True)
    except AuthError:
        desk = ledgers.unlock(Path(data_dir), recovery_passphrase=passphrase, read_only=True)
    try:
        yield desk
    finally:
        desk.close()


def health(data_dir: Path) -> dict[str, bool]:
    """`credit-desk check` items integrity / audit / changes (backup age is not a crash matter)."""
    with reader(data_dir) as desk:
        return {i.name: i.ok for i in backup.check(desk) if i.name != "backup"}


def ledger_rows(n: int, prefix: str):
    """``n`` valid rows of the national template (序号 first); names are unique per prefix."""
    for i in range(n):
        yield [i + 1, f"《{prefix}管理办法第{i}号》（清政规〔2020〕{i}号）", "是", "是", "否", "将违法行为信息记入信用记录",
               "否", "否", "无", "修订", "2030年底", "区城管局", "王某，副局长", "0517-83000001"]


def write_ledger_xlsx(path: Path, rows, headers=HEADERS, notes=NOTES) -> Path:
    """A filled-in template as a clerk would send it (write-only mode: thousands of rows in well under a second)."""
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    ws.append(["失信约束措施台账"])
    ws.append(list(headers))
    for r in rows:
        ws.append(list(r))
    ws.append([])
    for note in notes:
        ws.append([note])
    wb.save(path)
    return path


def contacts_rows(n: int):
    for i in range(n):
        yield [i + 1, f"联系人{i}", "区信用办", "科员", "0517-83000000", "13800000000", "a@example.cn"]



def only_domain_errors(call, *args, **kw):
    """Run ``call``; return ('ok', value) or ('refused', DomainError). Anything else propagates (a bug)."""
    try:
        return "ok", call(*args, **kw)
    except DomainError as exc:
        assert exc.zh and any("\u4e00" <= ch <= "\u9fff" for ch in exc.zh), f"refusal without Chinese: {exc!r}"
        return "refused", exc
