"""同步包 bundles to the municipal platform: export (USB folder or network), verify, status, requeue.

Export is incremental from the change log: every bundle not yet acknowledged is delivered again with its
exact stored bytes (same sequence, byte-identical), and the changes after the last bundle made become the
next ones — as many bundles as the size limits (``sync.max_file_bytes``, ``sync.max_plain_bytes``, the
intake's own) need, so every change can travel (issue 18: one bundle over the intake's limit was refused
for ever). A pending bundle over the limit (the limit was lowered, or learnt from the intake's refusal) is
made again split, under the same sequence on. The produced bytes are kept inside the encrypted ledger until the platform's receipt arrives,
which is simpler and safer than re-deriving them (a new zlib or a rotated key could never change a resend).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from operator import itemgetter
from pathlib import Path

from credit_desk import collector, outpaths
from credit_desk.domain.errors import DomainError
from credit_desk.services import keys, sync_inbound
from credit_desk.services.base import Session
from credit_desk.services.keys import limits
from credit_desk.store import demo_scope, heads, meta, sync_state
from credit_desk.sync import bundle, http, manifest as mf, payload, reqauth, usb
from credit_desk.sync.limits import Limits
from credit_desk.sync.refusals import BundleRefused, refused

# R12 way 1: a wrongful listing withdrawn is sent in place of every earlier row of its case.
WITHDRAW = ("case", "withdraw")
# R10 with R12 way 1: a red listing a wrongful listing took off its list is back on it ("restore"); its exit rows
# before that (exit_way red_removed on the wrong listing's day) said that the subject was black or watch listed then,
# so an exit not yet sent stays behind — the platform hears "restore" (and a lawful exit after it, if any).
RESTORE = ("case", "restore")
# R11 with R12 way 1 (att38c): a 大数据警示 flag that stood on a wrongful watch listing is withdrawn with it: sent in
# place of every earlier row of that flag, as the listing's own withdrawal is
ALERT_WITHDRAW = ("alert", "withdraw")
SPLIT_MARGIN = 0.9  # a bundle over the file limit is cut again to this share of its size-proportional length
LIMIT_SETTING = "sync.max_file_bytes"


def prepare(session: Session) -> list[dict]:
    """Make the next bundle if there are new changes; return every unacknowledged bundle, in order."""
    session.require("bundle.export")
    conn = session.ledger.conn
    mark = session.ledger.restored
    if mark and mark.get("bundles") == "unknown":  # issue 14: a restored ledger would reuse sent sequences
        raise DomainError("RESTORED_BUNDLES_UNKNOWN", "账本是从备份恢复的，尚不知道备份之后市平台已收到哪些同步包："
                          "请先在“同步”页从市平台回执获知（联网，或用U盘上的回执文件），再导出或发送。",
                          "The ledger was restored from a backup and does not know which bundles the platform "
                          "received after it: on the Sync page, learn them from the platform's receipts (online or "
                          "from the receipt files on a USB stick) first.", cli="bundle resync")
    plat = keys.platform(conn)
    lim = limits(conn)
    # issue 18: the change log's rows and lines are many short-lived objects the cyclic collector walked again and
    # again as they accumulated (a third of the export's time at 200k changes); reference counting frees them after
    with collector.paused(), session.ledger.tx() as tx:
        _reissue_expired(session, tx, plat)
        _split_oversized(session, tx, plat, lim)
        # R13: a publication past its longest period travels as stopped, in this very bundle
        from credit_desk.services import publication
        publication.stop_ended_in_tx(session, tx, session.desk.today())
        from credit_desk.services.disclosure import register as disclosure
        disclosure.stop_ended_in_tx(session, tx, session.desk.today())
        last = sync_state.last_bundle(conn)
        after = last["last_change"] if last else 0
        upto = sync_state.max_change_id(conn)
        if upto > after:
            seq = (last["seq"] if last else 0) + 1
            for row, data in _bundles_for(session, seq, last["sha256"] if last else mf.GENESIS_HASH, after, upto,
                                          plat, lim):
                sync_state.save_bundle(tx, row, data)
                session.audit(tx, "bundle.create", "bundle", row["seq"], detail={
                    "changes": row["change_count"], "range": [row["first_change"], row["last_change"]]})
    out = []
    for b in sync_state.bundles(conn, "pending"):
        out.append({**b, "data": sync_state.bundle_bytes(conn, b["seq"])})
    return out


def _reissue_expired(session: Session, tx, plat: dict) -> None:
    """An unacknowledged bundle past its expiry is made again under the SAME number (never a new one),
    and so is every later pending bundle, whose previous-hash changes with it."""
    pending = sync_state.bundles(session.ledger.conn, "pending")
    now = mf.utc_text(session.desk.now())
    first = next((i for i, b in enumerate(pending) if b["expires_at"] <= now), None)
    if first is None:
        return
    prev = pending[first]["prev_hash"]
    for b in pending[first:]:
        made = _build(session, b["seq"], prev, b["first_change"] - 1, b["last_change"], plat)
        sync_state.save_bundle(tx, *made)
        session.audit(tx, "bundle.reissue", "bundle", b["seq"], detail={"reason": "expired"})
        prev = made[0]["sha256"]


def _split_oversized(session: Session, tx, plat: dict, lim: Limits) -> None:
    """Issue 18: from the first pending bundle over the file limit on, the pending bundles are made again within
    the limits, under the same sequence numbers on (the platform refuses a bundle over its limit, so it holds
    none of them: the numbers are free)."""
    conn = session.ledger.conn
    pending = sync_state.bundles(conn, "pending")
    first = next((i for i, b in enumerate(pending)
                  if len(sync_state.bundle_bytes(conn, b["seq"]) or b"") > lim.max_file_bytes), None)
    if first is None:
        return
    start = pending[first]
    made = _bundles_for(session, start["seq"], start["prev_hash"], start["first_change"] - 1,
                        pending[-1]["last_change"], plat, lim)
    sync_state.drop_pending_from(tx, start["seq"])
    for row, data in made:
        sync_state.save_bundle(tx, row, data)
        session.audit(tx, "bundle.reissue", "bundle", row["seq"], detail={
            "reason": "oversized", "limit": lim.max_file_bytes, "changes": row["change_count"],
            "range": [row["first_change"], row["last_change"]]})


def _bundles_for(session: Session, seq: int, prev: str, after: int, upto: int, plat: dict,
                 lim: Limits) -> list[tuple[dict, bytes]]:
    """The bundles for changes ``(after, upto]`` from sequence ``seq`` on, chained from ``prev``: consecutive
    change ranges, each bundle's JSON lines within ``lim.max_plain_bytes`` and its file within
    ``lim.max_file_bytes`` (cut again, shorter, when compression did not bring it under). A range with no change
    to send is one empty bundle, as before. DomainError BUNDLE_CHANGE_TOO_LARGE when one change alone is over
    the limit (it could never travel; nothing is made)."""
    items = _changes(session.ledger.conn, after, upto)
    out, start, budget = [], 0, lim.max_plain_bytes
    total, sent = sum(map(itemgetter(3), items)), 0
    while True:
        if total - sent <= budget:  # all the rest fits (the usual case): no walk over every change (issue 18)
            end, size = len(items), total - sent
        else:
            end, size = start, 0
            while end < len(items) and size + items[end][3] <= budget:
                size += items[end][3]
                end += 1
        if end == start and start < len(items):
            raise _too_large(items[start][0], lim)
        hi = upto if end == len(items) else items[end - 1][0]
        row, data = _build(session, seq, prev, after, hi, plat, items[start:end])
        if len(data) > lim.max_file_bytes:
            if end - start <= 1:
                raise _too_large(items[start][0] if items else after + 1, lim)
            budget = max(1, min(size - 1, int(size * lim.max_file_bytes / len(data) * SPLIT_MARGIN)))
            continue
        out.append((row, data))
        seq, prev, after, start, sent = seq + 1, row["sha256"], hi, end, sent + size
        if start >= len(items):
            return out


def _too_large(change_id: int, lim: Limits) -> DomainError:
    return DomainError("BUNDLE_CHANGE_TOO_LARGE",
                       f"变更记录 {change_id} 单条即超过同步包大小上限（{lim.max_file_bytes} 字节），无法报送；"
                       "请联系市平台提高接收上限。未生成同步包。",
                       f"Change {change_id} alone exceeds the bundle size limit ({lim.max_file_bytes} bytes) and "
                       "cannot be sent; ask the platform to raise its limit. No bundle was made.")


def _changes(conn, after: int, upto: int) -> list[tuple[int, str, bytes, int]]:
    """(change id, entity, JSON line in UTF-8, its size in the payload) of each change in ``(after, upto]`` that
    travels. Each line is encoded once here (issue 18: it was encoded for its size, then all again to send).

    The change log's rows are read one at a time and dropped once their line is made (issue 18: holding every row
    beside every line was ~740 bytes a change more — 150 MB at 200k changes — which the export then faulted in from
    the system at each run). A wrongful listing withdrawn (R12 way 1) drops earlier rows of its case, so when the
    range or the log's tail holds a withdrawal the range is read again with the withdrawals known (rare)."""
    # a restore (RESTORE) is written with its withdrawal, after it: the withdrawal is in the range or in the tail
    # a flag's withdrawal (ALERT_WITHDRAW) is written with its listing's, after it: the same holds
    if not (upto < sync_state.max_change_id(conn) and sync_state.withdrawn_after(conn, *WITHDRAW, upto)):
        out, saw_withdrawal = _lines(conn, after, upto, {}, {}, {})
        if not saw_withdrawal:
            return out
    return _lines(conn, after, upto, *_held_back_maps(conn))[0]


def _held_back_maps(conn) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """(withdrawn, restored, alerts) as ``_lines`` takes them: what holds rows back (R12 way 1 with R10 and R11)."""
    return (sync_state.withdrawn(conn, *WITHDRAW), sync_state.last_changes(conn, *RESTORE),
            sync_state.last_changes(conn, *ALERT_WITHDRAW))


def _held_back(cid: int, entity: str, eid: str, op: str, withdrawn: dict[str, int], restored: dict[str, int],
               alerts: dict[str, int]) -> bool:
    """Whether a change stays home: a row of a wrongful listing before its withdrawal, a red listing's exit before
    its restore (R10), a flag's row before its withdrawal (R11) — all R12 way 1, keep no information about it."""
    if entity == WITHDRAW[0]:
        return (eid in withdrawn and cid < withdrawn[eid]) or (op == "exit" and eid in restored
                                                                and cid < restored[eid])
    return entity == ALERT_WITHDRAW[0] and eid in alerts and cid < alerts[eid]


def _lines(conn, after: int, upto: int, withdrawn: dict[str, int], restored: dict[str, int],
           alerts: dict[str, int]) -> tuple[list[tuple[int, str, bytes, int]], bool]:
    """``_changes``' items with ``withdrawn`` (case id -> its withdrawal's change id), ``restored`` (red case id
    -> its last restore's change id) and ``alerts`` (flag id -> its withdrawal's change id) applied, and whether a
    withdrawal lies in the range."""
    related = sync_state.withdrawn_related(conn)
    is_demo = demo_scope.DemoFilter(conn)  # issue 18: the demo rows read once, not three queries per change
    out, saw_withdrawal = [], False
    for cid, ts, entity, eid, op, state in sync_state.change_rows_utf8(conn, after, upto):  # states as stored: UTF-8
        if entity == WITHDRAW[0] and op == WITHDRAW[1]:
            saw_withdrawal = True
        if _held_back(cid, entity, eid, op, withdrawn, restored, alerts):
            continue  # R12 way 1: keep no information about a wrongful listing, nor what it did (R10, R11)
        if _hangs_on_withdrawn(entity, eid, related):
            continue  # R12 way 1: nor its withdrawn documents, nor the objections about it
        if is_demo(entity, eid, state):
            continue  # issue 14 item 8: demo data and all derived from it never reach the platform
        line = payload.change_line_utf8(cid, ts, entity, eid, op, state)
        out.append((cid, entity, line, len(line) + 1))  # + the newline
    return out, saw_withdrawal


def _hangs_on_withdrawn(entity: str, eid: str, related: dict[str, set[str]]) -> bool:
    """Whether a change is of a wrongful listing's withdrawn documents, the objections about it or the repair
    requests about nothing but it (``sync_state.withdrawn_related``): at any time, before or after the withdrawal."""
    return eid in related.get(entity, ())


def _stays_home(conn, change: dict) -> bool:
    """Whether the export never sends this change (``_held_back``, ``_hangs_on_withdrawn``; att38c: requeued from
    the quarantine, it travelled as a new row after the withdrawal or restore; att39a: a withdrawn document's was
    "sent again" and its refusal closed, while the export kept the new row home for good)."""
    entity, eid = change["entity"], change["entity_id"]
    return (_held_back(change["id"], entity, eid, change["op"], *_held_back_maps(conn))
            or _hangs_on_withdrawn(entity, eid, sync_state.withdrawn_related(conn)))


def _build(session: Session, seq: int, prev: str, after: int, upto: int, plat: dict,
           items: list | None = None) -> tuple[dict, bytes]:
    conn, ledger_id = session.ledger.conn, session.ledger.ledger_id
    if items is None:
        items = _changes(conn, after, upto)
    lines, by_entity = list(map(itemgetter(2), items)), dict(Counter(map(itemgetter(1), items)))
    key = keys.signing_key(conn)
    now = session.desk.now()
    region, code = meta.get_meta(conn, "region") or "000000", keys.office_code(conn, ledger_id)
    fields = {"type": "changes", "sender": {"role": "office", "id": ledger_id, "region": region, "code": code},
              "office": ledger_id, "sequence": seq, "previous_hash": prev, "created_at": mf.utc_text(now),
              "expires_at": mf.utc_text(now + timedelta(days=limits(conn).bundle_valid_days)),
              "change_range": [after + 1, upto],
              "counts": {"changes": len(lines), "attachments": 0, "by_entity": by_entity},
              # issue 14: the platform's receipt echoes these back, signed, so the office holds its audit head
              # and the register's high-water marks outside the PC (audit verify, restore)
              "audit": _audit_head(conn), "register": heads.register_marks(conn)}
    chain = keys.endorsements(conn)
    if chain:
        fields["key_endorsements"] = chain
    data, m = bundle.make(fields, lines, bytes(key.private_key), plat["enc_public"])
    row = {"seq": seq, "file_name": f"{region}-{code}-{seq:06d}.cdb", "sha256": bundle.file_digest(data, m),
           "prev_hash": prev, "first_change": after + 1, "last_change": upto, "change_count": len(lines),
           "key_id": key.id, "created_at": m.created_at, "expires_at": m.expires_at}
    return row, data


def _audit_head(conn) -> dict:
    row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    return {"rows": row[0], "head": row[1]} if row else {"rows": 0, "head": ""}


def export_to_folder(session: Session, folder: Path, say=None) -> list[dict]:
    """USB: write each pending bundle (temp file, fsync, rename), read it back and verify it, then say done;
    ``say(zh, en)`` names each step before it starts (issue 18: about 11 s at 1M changes)."""
    say = say or (lambda zh, en: None)
    session.require("bundle.export")  # first: a refused role learns nothing of the folder (issue 10)
    folder = outpaths.guard_folder(folder, data_dir=session.ledger.paths.folder)  # issue 14 item 4
    _check_folder(folder)  # att18d: before the bundles are made (they were made, kept and audited first)
    say("正在读取变更并生成同步包（压缩、加密、签名）…", "reading the changes and making the bundles (compress, encrypt, "
        "sign)…")
    bundles = prepare(session)
    _check_folder(folder)  # again: a stick pulled while the bundles were made
    done = []
    for i, b in enumerate(bundles, 1):
        say(f"正在写入并校验第 {i}/{len(bundles)} 个同步包 {b['file_name']}…",
            f"writing and verifying bundle {i}/{len(bundles)} {b['file_name']}…")
        path = usb.write_verified(folder / b["file_name"], b["data"], lambda back: _check_own(session, back))
        done.append({"seq": b["seq"], "file": str(path), "sha256": b["sha256"], "changes": b["change_count"]})
    with session.ledger.tx() as tx:
        for b in bundles:
            sync_state.mark_sent(tx, b["seq"], session.desk.now().isoformat(timespec="seconds"))
        session.audit(tx, "bundle.export", "folder", str(folder), detail={"bundles": [b["seq"] for b in bundles]})
    return done


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise DomainError("EXPORT_FOLDER_MISSING", f"导出目录 {folder} 不存在。", f"The folder {folder} does not exist.",
                          field="to")


def _check_own(session: Session, data: bytes) -> bundle.Opened:
    conn = session.ledger.conn
    opened = bundle.open_bytes(data, limits(conn))
    bundle.check_type(opened, "changes")
    bundle.verify(opened, keys.own_sign_keys(conn))
    if opened.manifest.office != session.ledger.ledger_id:
        raise refused("BUNDLE_UNKNOWN_KEY", fp=opened.manifest.key_fingerprint[:16])
    return opened


def send(session: Session, url: str | None = None, sleep=None) -> dict:
    """Network: POST each pending bundle in order (retries with backoff), import the receipts, then fetch
    and import any downstream bundles the platform has published for this office."""
    session.require("bundle.export")  # first, before the URL check: a refused role learns nothing (issue 10)
    conn = session.ledger.conn
    url = (url or meta.get_setting(conn, "sync.intake_url") or "").rstrip("/")
    if not url:
        raise DomainError("INTAKE_URL_MISSING", "未配置市平台接收地址：请填写市平台的接收地址。",
                          "No platform intake address is set: enter the platform's address.", field="url", cli="--url")
    lim, kw = limits(conn), request_options(session, sleep)
    sent, receipts = [], []
    queue, learnt = prepare(session), False
    while queue:
        b = queue.pop(0)
        reply = http.request(f"{url}/bundles", b["data"], retries=lim.retries, backoff=lim.backoff_seconds, **kw)
        taken = _intake_limit(reply)
        if taken is not None and not learnt and taken < len(b["data"]):
            # issue 18: the intake takes less than this bundle: keep its limit, split what is pending, go on
            _learn_limit(session, taken, url)
            queue, learnt = prepare(session), True
            continue
        body = _receipt_from(reply, url, lim, kw)
        with session.ledger.tx() as tx:
            sync_state.mark_sent(tx, b["seq"], session.desk.now().isoformat(timespec="seconds"))
            session.audit(tx, "bundle.send", "bundle", b["seq"], detail={"url": url, "status": reply.status})
        sent.append(b["seq"])
        receipts.append(_import_quietly(session, body))
    downstream = fetch_downstream(session, url, lim, kw)
    return {"sent": sent, "receipts": receipts, "downstream": downstream}


def _intake_limit(reply: http.Reply) -> int | None:
    """The size limit an intake's 413 BUNDLE_OVERSIZED names (bytes), or None."""
    if reply.status != 413:
        return None
    try:
        info = reply.json()
    except ValueError:
        return None
    limit = info.get("limit") if info.get("code") == "BUNDLE_OVERSIZED" else None
    return limit if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0 else None


def _learn_limit(session: Session, limit: int, url: str) -> None:
    """Keep the intake's file-size limit as the setting ``sync.max_file_bytes``, with its audit and change rows:
    the system's act on the platform's word (as the automatic backup), under the user who sent."""
    with session.ledger.tx() as tx:
        meta.set_setting(tx, LIMIT_SETTING, limit)
        session.audit(tx, "bundle.limit", "setting", LIMIT_SETTING, detail={"value": limit, "from": url})
        tx.change("setting", LIMIT_SETTING, "upsert", {"value": limit})


def request_options(session: Session, sleep=None) -> dict:
    """Keyword options of ``http.request`` for this office: signed requests, the pinned CA, a test's sleep."""
    kw = {"sleep": sleep} if sleep else {}
    kw["sign"] = _request_signer(session)
    ca = meta.get_setting(session.ledger.conn, "sync.intake_ca")
    if ca:
        kw["cafile"] = str(ca)
    return kw


def _request_signer(session: Session):
    """Every request to the platform is signed with the office's active key (sync.reqauth, issue 20); the
    rotation chain rides along so a platform that has not yet learned a new key still knows who asks."""
    conn = session.ledger.conn
    private, office, chain = bytes(keys.signing_key(conn).private_key), session.ledger.ledger_id, keys.endorsements(conn)

    def sign(method: str, target: str, length: int) -> dict:
        return reqauth.sign_headers(private, office, method, target, length, endorsements=chain)
    return sign


def _receipt_from(reply: http.Reply, url: str, lim: Limits, kw: dict) -> bytes:
    if reply.status == 200:
        return reply.body
    info = reply.json()
    if reply.status == 409 and info.get("code") == "BUNDLE_REPLAY" and info.get("receipt"):
        # The platform already holds it (our earlier reply was lost): fetch its receipt and carry on.
        again = http.request(url + info["receipt"], retries=lim.retries, backoff=lim.backoff_seconds, **kw)
        if again.status == 200:
            return again.body
    raise BundleRefused(info.get("code", "SEND_REFUSED"), info.get("message_zh", f"市平台拒收（HTTP {reply.status}）。"),
                        info.get("message_en", f"The platform refused it (HTTP {reply.status})."))


def _import_quietly(session: Session, data: bytes) -> dict:
    try:
        return sync_inbound.import_bytes(session, data)
    except BundleRefused as exc:
        if exc.code == "RECEIPT_REPLAY":
            return {"type": "receipt", "already": True}
        raise


def fetch_downstream(session: Session, url: str, lim: Limits, kw: dict) -> list[dict]:
    """GET the platform's list of downstream bundles for this office and import the new ones in order."""
    office = session.ledger.ledger_id
    have, _ = sync_state.downstream_head(session.ledger.conn)
    listing = http.request(f"{url}/downstream/{office}?after={have}", retries=lim.retries,
                           backoff=lim.backoff_seconds, **kw)
    if listing.status != 200:
        return []
    out = []
    for name in listing.json().get("files", []):
        got = http.request(f"{url}/downstream/{office}/{name}", retries=lim.retries, backoff=lim.backoff_seconds,
                           **kw)
        if got.status == 200:
            out.append(sync_inbound.import_bytes(session, got.body))
    return out


def verify_file(session: Session, data: bytes) -> dict:
    """Check a bundle without applying it: structure, signature, payload hash, expiry; inbound ones are
    also checked for recipient and decrypted."""
    session.require("bundle.view")
    conn = session.ledger.conn
    opened = bundle.open_bytes(data, limits(conn))
    if opened.manifest.type == "changes":
        _check_own(session, data)
        bundle.check_expiry(opened, session.desk.now())
    else:
        sync_inbound.check_inbound(session, opened)
    m = opened.manifest
    return {"ok": True, "type": m.type, "sequence": m.sequence, "sha256": opened.digest, "suite": m.suite, "created_at": m.created_at,
            "expires_at": m.expires_at, "counts": m.counts, "change_range": m.doc.get("change_range")}


def status(session: Session) -> dict:
    """What is pending, acknowledged and quarantined, and which downstream kinds are stale (expired)."""
    session.require("bundle.view")
    conn = session.read_conn
    last = sync_state.last_bundle(conn)
    now = mf.utc_text(session.desk.now())
    versions = sync_state.versions(conn)
    for v in versions.values():
        v["expired"] = v["expires_at"] <= now
    return {"pending": [{k: b[k] for k in ("seq", "file_name", "change_count", "created_at", "expires_at", "sent_at")}
                        for b in sync_state.bundles(conn, "pending")],
            "last_seq": last["seq"] if last else 0,
            "unbundled_changes": sync_state.max_change_id(conn) - (last["last_change"] if last else 0),
            "acks": sync_state.ack_counts(conn), "quarantine": sync_state.quarantine(conn),
            "downstream": versions, "platform_pinned": sync_state.active_platform(conn) is not None}


def requeue(session: Session, change_id: int) -> int:
    """Send a quarantined change again (after the cause was corrected): a new change-log row, same state."""
    session.require("bundle.requeue")
    conn = session.ledger.conn
    row = next((q for q in sync_state.quarantine(conn) if q["change_id"] == change_id and q["q_state"] == "open"),
               None)
    if row is None:
        raise DomainError("NOT_IN_QUARANTINE", f"变更 {change_id} 不在待处理的退回清单中。",
                          f"Change {change_id} is not open in the quarantine.", field="change_id")
    original = sync_state.change(conn, change_id)
    if _stays_home(conn, original):
        raise DomainError("REQUEUE_UNDONE", f"变更 {change_id} 所属的名单已误列撤销或其删除已撤销（R12），不再报送；"
                          "平台将收到撤销或恢复列入的变更。",
                          f"Change {change_id} belongs to a listing withdrawn as wrongful, or to a red listing's "
                          "removal that was undone (R12); it is not sent again: the platform hears the withdrawal or "
                          "the restore instead.", field="change_id")
    with session.ledger.tx() as tx:
        new_id = tx.change(original["entity"], original["entity_id"], original["op"], json.loads(original["state"]))
        sync_state.mark_resent(tx, change_id, new_id)
        session.audit(tx, "bundle.requeue", "change", change_id, detail={"new_change": new_id})
    return new_id
