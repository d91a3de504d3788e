"""The daily check's bounded parts (issue 18): the whole-file read on a schedule, the change log's ids counted from
the last checked id. ``backup.check`` assembles the report; ``check --full`` still reads and counts everything.

What each mode finds, and how fast the daily one finds it:

- **A damaged file.** SQLite's own check (``quick_check``; ``integrity_check`` with ``--full``) reads every page
  of the file — 73 s of the daily check's 99 s at 680k audit rows. It now runs off the start-up path: the window
  runs it on a read connection of its own after the start-up jobs when the last whole-file read is older than
  ``BACKGROUND_HOURS`` (a damage found stops writes at once — the ledger needs attention — and is recorded, so
  the next open is read-only too); the daily ``check`` runs it itself when no whole-file read holds that is
  younger than ``DUE_DAYS`` (or the last one found damage), and otherwise reports when the last one ran. Any
  read of a damaged page fails anyway (SQLCipher checks each page's HMAC). So a page damaged after the last
  whole-file read is found by the next one: within a day where the application is used, within ``DUE_DAYS``
  where only the command line is — before, the daily check found it the same day.
- **A hole in the change log** (a row deleted after its trigger was dropped). The ids after the last checked id
  are counted (a range of the rowid b-tree), plus a window of ``SPOT_IDS`` older ids at a place drawn from
  ``os.urandom``; the full check counts every id. A hole punched below the checked id hides from the daily check
  until a window falls on it or ``check --full`` runs — the same bound as the audit chain's rows below its
  verified head (``audit.verify_since``). The checked id is a hint: one beyond the log's end is dropped.
"""

from __future__ import annotations

import random
from datetime import timedelta

from credit_desk.services.base import Desk
from credit_desk.store import backup as store, check_state
from credit_desk.store.ledger import damaged

DUE_DAYS = 7            # the daily check reads the whole file itself when no whole-file read is younger
BACKGROUND_HOURS = 20   # the window reads it after start-up when the last whole-file read is older
SPOT_IDS = 50_000       # older change ids recounted by each daily check, at a place drawn from os.urandom


def whole_file(desk: Desk, full: bool, on_stop=None) -> tuple[bool, str] | None:
    """SQLite's check of every page (``integrity_check`` when ``full``, else ``quick_check``) on a read connection
    of its own (a page that fails its HMAC leaves the connection that read it failing every later read); the
    outcome is kept in ``integrity.json``. Returns (ok, SQLite's words) — or None when the caller stopped it
    through the hook it got from ``on_stop(hook)`` (the window closing): nothing read to the end is kept."""
    led = desk.ledger
    conn = store.open_for_check(led.paths.db, desk.key)
    stopped = []

    def stop() -> None:
        stopped.append(True)
        try:
            conn.interrupt()
        except Exception:  # noqa: BLE001 - closed already: the read is over
            pass
    if on_stop is not None:
        on_stop(stop)
    try:
        said = "interrupted" if stopped else store.integrity(conn, full)
    finally:
        conn.close()
    if stopped:
        return None
    ok = said == "ok"
    check_state.write_integrity(led.paths.integrity, desk.now(), ok, said, full)
    return ok, said


def last_whole_file(desk: Desk) -> tuple[dict | None, timedelta | None]:
    """(the last whole-file read as kept, its age by the desk's clock) — (None, None) before the first."""
    from datetime import datetime
    last = check_state.read_integrity(desk.ledger.paths.integrity)
    if last is None:
        return None, None
    return last, desk.now() - datetime.fromisoformat(last["at"])


def is_due(desk: Desk, max_age: timedelta) -> bool:
    """A whole-file read is due: none kept, the last one found damage, is older than ``max_age``, or is dated
    in the future (a clock put back, or the file typed in)."""
    last, age = last_whole_file(desk)
    return last is None or not last["ok"] or age > max_age or age < timedelta(0)


def integrity_in_background(desk: Desk, on_stop=None) -> tuple[bool, str] | None:
    """After start-up, off the window's thread: the whole-file ``quick_check`` on a read connection of its own when
    one is due (None when not, or when stopped through ``on_stop`` as ``whole_file``). A damage found makes the
    ledger need attention at once — every write is refused (``Ledger.tx``) — and is recorded, so the next open is
    read-only as well."""
    if not is_due(desk, timedelta(hours=BACKGROUND_HOURS)):
        return None
    led = desk.ledger
    read = whole_file(desk, False, on_stop)
    if read is None:
        return None
    ok, said = read
    if not ok and led.attention is None:
        led.attention = damaged(said)
    return ok, said


def integrity_item(desk: Desk, full: bool) -> tuple[bool, str, str]:
    """(ok, Chinese, English) of the integrity line: read now (``--full``, or due), or the last read reported."""
    if full:
        ok, said = whole_file(desk, True)
        return ok, "数据库完整性：正常" if ok else f"数据库完整性：发现损坏（{said}）", \
            "database integrity: ok" if ok else f"database integrity: damaged ({said})"
    if is_due(desk, timedelta(days=DUE_DAYS)):
        ok, said = whole_file(desk, False)
        how_zh, how_en = "（日常快速检查：本次通读了整个文件）", " (daily quick check: the whole file read now)"
    else:
        last, age = last_whole_file(desk)
        ok, said = True, "ok"
        how_zh = (f"（日常快速检查：{age.days} 天前（{last['at']}）已通读整个文件；软件启动后在后台通读，"
                  f"{DUE_DAYS} 天内未通读时由本检查通读；完整检查另核对全部索引）")
        how_en = (f" (daily quick check: the whole file was read {age.days} days ago ({last['at']}); the application "
                  f"reads it in the background after start-up, this check reads it when no read is younger than "
                  f"{DUE_DAYS} days; the full check also matches every index)")
    return ok, ("数据库完整性：正常" if ok else f"数据库完整性：发现损坏（{said}）") + how_zh, \
        ("database integrity: ok" if ok else f"database integrity: damaged ({said})") + how_en


def change_log(led, full: bool, gap=None, spot_ids: int | None = None, rng=None) -> dict:
    """The change log's ids 1..top without a hole, except the one gap a resync after a restore leaves on purpose.
    ``full`` counts every id; the daily mode counts the ids after the last checked id and a random window below
    it. Returns {ok, n, lo, hi, since, spot}; a continuous log moves the checked id to its top."""
    lo, hi, seq = store.change_bounds(led.conn)
    top = max(hi or 0, seq or 0) if gap else (hi or 0)
    since = 0 if full else check_state.read_changes_checked(led.paths.changes_checked)
    if since > top:
        since = 0  # a hint beyond the log's end is dropped: every id is counted
    counted = store.change_ids(led.conn, since)
    ok = (hi is None and since == 0) or (lo == 1 and counted == top - since - _skipped(gap, since, top)
                                         and (seq is None or seq == top))
    spot = None
    if ok and not full and since > 0:
        spot = _spot(led.conn, since, SPOT_IDS if spot_ids is None else spot_ids, rng)
        if spot is not None:
            first, last, n = spot
            ok = n == last - first + 1 - _skipped(gap, first - 1, last)
    if ok and getattr(led, "attention", None) is None and top:
        check_state.write_changes_checked(led.paths.changes_checked, top)
    return {"ok": ok, "n": top - _skipped(gap, 0, top) if ok else counted, "lo": lo, "hi": hi,
            "since": since if not full else None, "spot": spot[:2] if spot else None}


def _skipped(gap, after: int, upto: int) -> int:
    """How many ids of (``after``, ``upto``] the recorded resync gap left out on purpose."""
    if not gap:
        return 0
    return max(0, min(gap[1], upto) - max(gap[0], after + 1) + 1)


def _spot(conn, upto: int, n: int, rng) -> tuple[int, int, int] | None:
    """(first, last, rows found) of ``n`` consecutive ids at a random place in 1..``upto``, or None."""
    if upto <= 0 or n <= 0:
        return None
    rng = rng or random.SystemRandom()
    first = rng.randint(1, max(1, upto - n + 1))
    last = min(upto, first + n - 1)
    return first, last, store.change_ids(conn, first - 1, last)
