"""After a restore (or any loss of the ledger's tail): learn what was used after the backup, never reissue it.

A restored ledger is marked in ``ledger.json`` (``store.ledger.restored_state``) with ``numbers`` and ``bundles``
"unknown". Until learnt, no 文号 is taken (``store.documents.next_seq``) and no bundle is made (``sync.prepare``):
issue 14 found a restore reissuing a number already on another party's notice and every later send refused as
``BUNDLE_REPLAY``. Two ways to learn:

- ``resync`` (online, ``bundle resync``): fetch every receipt the platform holds after the last one this ledger
  knows. A receipt for a bundle this ledger still has is imported as usual; one for a bundle lost with the tail
  teaches its sequence and hash (the next bundle follows it), the change ids it carried (new changes are
  numbered above them, so the platform never drops them as duplicates) and the register's high-water marks
  (``number_floors``: the next number of each series is above them).
- ``resync_from_receipts`` (offline, ``bundle resync --receipts USB``): the same, from the platform's receipt
  files the clerk carried back on the USB stick (each verified: the platform's signature, addressed to this
  office, not expired); files that are not receipts (the office's own bundles beside them) are skipped.
- ``confirm_last`` (offline, ``print confirm-last``): the clerk reads the last number of a series off the paper;
  with ``done`` the clerk states every series is confirmed and numbering resumes.
"""

from __future__ import annotations

import json

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.services import keys, sync_inbound
from credit_desk.services.base import Session
from credit_desk.store import heads, meta, sync_state
from credit_desk.store.ledger import set_restored
from credit_desk.sync import bundle, http, payload
from credit_desk.sync.refusals import BundleRefused, refused


def _probe(session: Session, url: str, kw: dict) -> list[bytes]:
    """Receipts the platform holds for sequences after the last bundle this ledger has had answered."""
    conn, office = session.ledger.conn, session.ledger.ledger_id
    acked = [b["seq"] for b in sync_state.bundles(conn, "acknowledged", limit=1_000_000)]
    seq, lim, out = (max(acked) if acked else 0) + 1, keys.limits(conn), []
    while True:
        reply = http.request(f"{url}/receipts/{office}/{seq}", retries=lim.retries, backoff=lim.backoff_seconds,
                             **kw)
        if reply.status != 200:
            return out
        out.append(reply.body)
        seq += 1


def resync(session: Session, url: str | None = None, sleep=None) -> dict:
    """Bring the ledger back in step with the platform: import known receipts, learn the lost ones."""
    session.require("bundle.export")
    conn = session.ledger.conn
    url = (url or meta.get_setting(conn, "sync.intake_url") or "").rstrip("/")
    if not url:
        raise DomainError("INTAKE_URL_MISSING", "未配置市平台接收地址：请填写市平台的接收地址。",
                          "No platform intake address is set: enter the platform's address.", field="url", cli="--url")
    from credit_desk.services.sync import request_options  # every request signed, the pinned CA (issue 20)
    bodies = [(body, bundle.open_bytes(body, keys.limits(conn))) for body in _probe(session, url,
                                                                                     request_options(session, sleep))]
    return _take(session, bodies, "platform")


def resync_from_receipts(session: Session, files: list[tuple[str, bytes]]) -> dict:
    """Offline resync (issue 14 item 3): learn the lost tail from the platform's receipt files carried on USB.
    ``files``: (name, bytes) of every bundle file found there. Receipts are verified like imported ones (the
    platform's signature, addressed to this office, not expired: else BundleRefused, nothing learnt) and sorted
    by the sequence they answer; other bundle types are skipped (named in ``skipped``). Returns what
    ``resync`` returns plus ``skipped``; raises NO_RECEIPTS when none of the files is a receipt."""
    session.require("bundle.import")
    conn = session.ledger.conn
    found, skipped = [], []
    for name, body in files:
        opened = bundle.open_bytes(body, keys.limits(conn))
        if opened.manifest.type != "receipt":
            skipped.append(name)
            continue
        found.append((body, opened))
    if not found:
        raise DomainError("NO_RECEIPTS", "所给文件中没有市平台回执（.cdb，类型为回执）。",
                          "None of the files is a receipt from the platform.", field="receipts")
    found.sort(key=lambda bo: (bo[1].manifest.doc.get("answers") or {}).get("sequence") or 0)
    return {**_take(session, found, "receipts"), "skipped": skipped}


def _take(session: Session, bodies: list, how: str) -> dict:
    """Receipts (bytes, opened) in sequence order: the ones for bundles this ledger has are imported as usual,
    the ones for bundles lost with the tail are learnt from; the restore mark records ``how``."""
    conn = session.ledger.conn
    imported, lost = [], []
    for body, opened in bodies:
        sync_inbound.check_inbound(session, opened)  # platform signature, addressed to us, not expired
        bundle.check_type(opened, "receipt")
        raw = opened.manifest.doc.get("answers")
        if (not isinstance(raw, dict) or not isinstance(raw.get("sequence"), int) or isinstance(raw["sequence"], bool)
                or not isinstance(raw.get("sha256"), str)):
            raise refused("BUNDLE_MANIFEST_BAD", why="answers")
        answers = {**payload.receipt_echo(raw), "sequence": raw["sequence"], "sha256": raw["sha256"]}
        local = sync_state.bundle(conn, answers["sequence"])
        if local is not None and local["sha256"] == answers.get("sha256"):
            try:
                imported.append(sync_inbound.import_bytes(session, body)["bundle"])
            except BundleRefused as exc:
                if exc.code != "RECEIPT_REPLAY":
                    raise
        else:
            lost.append((opened, answers))
    learned = _learn(session, lost)
    _mark_learned(session, learned, how)
    return {"imported": imported, "lost_bundles": [a["sequence"] for _, a in lost], **learned}


def _learn(session: Session, lost: list) -> dict:
    """Record each lost bundle as answered, lift number floors, and number new changes above the lost ones."""
    conn, user = session.ledger.conn, session.user.username
    key_id = keys.signing_key(conn).id
    floors, hw = {}, 0
    with session.ledger.tx() as tx:
        if lost:  # a pending bundle under a sequence the platform holds otherwise chains from the wrong head
            sync_state.drop_pending_from(tx, min(a["sequence"] for _, a in lost))
        for opened, a in lost:
            rng = a.get("change_range") or [0, 0]
            hw = max(hw, rng[-1])
            prev = sync_state.bundle(conn, a["sequence"] - 1)
            row = {"seq": a["sequence"], "file_name": "（随账本末尾丢失，由市平台回执获知）", "sha256": a["sha256"],
                   "prev_hash": prev["sha256"] if prev else bundle.mf.GENESIS_HASH, "first_change": rng[0],
                   "last_change": rng[-1], "change_count": 0, "key_id": key_id,
                   "created_at": opened.manifest.created_at, "expires_at": opened.manifest.expires_at}
            sync_state.save_bundle(tx, row, None)
            sync_state.mark_acknowledged(tx, a["sequence"], session.desk.now().isoformat(timespec="seconds"))
            for series, seq in (a.get("register") or {}).items():
                prefix, _, year = series.rpartition("/")
                if prefix and year.isdigit() and heads.raise_floor(tx, prefix, int(year), seq, "platform", user):
                    floors[series] = max(seq, floors.get(series, 0))
        mark = session.ledger.restored or {}
        renumbered = _renumber_changes(tx, conn, hw, mark.get("max_change", sync_state.max_change_id(conn)))
        session.audit(tx, "bundle.resync", "bundle", ",".join(str(a["sequence"]) for _, a in lost) or "-",
                      detail={"lost": [{"seq": a["sequence"], "audit": a.get("audit")} for _, a in lost],
                              "floors": floors, "changes_above": hw, "renumbered": renumbered})
    return {"floors": floors, "changes_above": hw, "renumbered": renumbered}


def _renumber_changes(tx, conn, hw: int, restored_max: int) -> int:
    """Changes written here with ids the platform already holds (from the lost tail) are written again above
    them: the platform keeps a change id once, so the old ids would be acknowledged and silently dropped."""
    if not hw or hw <= restored_max and sync_state.max_change_id(conn) >= hw:
        return 0
    clash = list(sync_state.change_rows(conn, restored_max, hw))
    sync_state.raise_change_seq(tx, hw)
    for _cid, _ts, entity, eid, op, state in clash:
        tx.change(entity, eid, op, json.loads(state))
    return len(clash)


def _mark_learned(session: Session, learned: dict, how: str) -> None:
    mark = session.ledger.restored
    if mark is None:
        return
    set_restored(session.ledger.paths, {**mark, "numbers": how, "bundles": how,
                                        "change_gap": _gap(session.ledger.conn, learned.get("changes_above", 0))})


def _gap(conn, hw: int) -> list | None:
    """The change ids left unused by numbering above the platform's (``check`` accepts exactly this gap)."""
    ids = {r[0] for r in conn.execute("SELECT id FROM changes WHERE id <= ?", (hw,))} if hw else set()
    missing = [i for i in range(1, hw + 1) if i not in ids]
    return [missing[0], missing[-1]] if missing else None


def confirm_last(session: Session, prefix: str, year: int, last: int, *, done: bool = False) -> dict:
    """Offline: the clerk confirms from the paper that ``last`` is the last number used in a series (R5)."""
    session.require("document.print")
    prefix = (prefix or "").strip()
    if not prefix or not 1 <= int(year) <= 9999 or not 0 <= int(last) <= 10_000_000:
        raise ValidationError("NUMBER_CONFIRM_BAD", "请给出编号前缀、年份（四位）和最后一个号（0 表示尚未使用）。",
                              "Give the prefix, the four-digit year and the last number used (0: none).",
                              field="last")
    with session.ledger.tx() as tx:
        moved = heads.raise_floor(tx, prefix, int(year), int(last), "clerk", session.user.username)
        session.audit(tx, "document.confirm_last", "series", f"{prefix}/{year}",
                      detail={"last": int(last), "raised": moved, "done": done})
    if done:
        mark = session.ledger.restored
        if mark is not None and mark.get("numbers") == "unknown":
            set_restored(session.ledger.paths, {**mark, "numbers": "clerk"})
    return {"series": f"{prefix}/{year}", "last": int(last), "floors": heads.floors(session.ledger.conn),
            "numbering": "resumed" if done else "still waiting for the clerk's confirmation"}
