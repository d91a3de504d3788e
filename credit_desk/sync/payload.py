"""Payload documents inside the sealed payload (after decryption and decompression).

changes     JSON lines, one object per line: {"t":"change","id","ts","entity","entity_id","op","state"}
            or {"t":"attachment","name","sha256","data" (base64)}
receipt     one JSON object: {"accepted": [[first,last],...], "rejected": [{"id","code","reason_zh","reason_en"}]}
downstream  one JSON object: {"items": [{"kind","version","data"}]}
"""

from __future__ import annotations

import base64
import hashlib
import json

from credit_desk.sync.container import check_member_name
from credit_desk.sync.refusals import refused

DOWNSTREAM_KINDS = ("catalogue", "measures", "rule_set", "calendar", "joint_list", "platform_keys")
_CHANGE_FIELDS = {"id": int, "ts": str, "entity": str, "entity_id": str, "op": str, "state": dict}


# json.dumps of a str is exactly this function's result (JSONEncoder.encode with its defaults: ensure_ascii); called
# directly it skips the encoder set-up, four times per line (issue 18: a quarter of the export's own time)
_quote = json.encoder.encode_basestring_ascii


def _dump(value) -> str:
    return _quote(value) if type(value) is str else json.dumps(value)


def change_line(cid: int, ts: str, entity: str, entity_id: str, op: str, state_json: str) -> str:
    """One line from a change-log row; ``state_json`` is already JSON (written by Tx.change)."""
    if type(ts) is str and type(entity) is str and type(entity_id) is str and type(op) is str:  # as the log holds
        q = _quote
        return (f'{{"t":"change","id":{cid},"ts":{q(ts)},"entity":{q(entity)},"entity_id":{q(entity_id)},'
                f'"op":{q(op)},"state":{state_json}}}')
    d = _dump
    return (f'{{"t":"change","id":{cid},"ts":{d(ts)},"entity":{d(entity)},"entity_id":{d(entity_id)},'
            f'"op":{d(op)},"state":{state_json}}}')


def change_line_utf8(cid: int, ts: str, entity: str, entity_id: str, op: str, state_utf8: bytes) -> bytes:
    """``change_line(...).encode("utf-8")`` from the state's UTF-8 bytes as the change log stores them (the same
    bytes: UTF-8 encodes piecewise)."""
    if type(cid) is int and type(ts) is str and type(entity) is str and type(entity_id) is str and type(op) is str:
        q = _quote  # ASCII out: the fields' bytes are their text's (issue 18: one formatting, no head copied again)
        return _LINE_UTF8 % (cid, q(ts).encode(), q(entity).encode(), q(entity_id).encode(), q(op).encode(),
                             state_utf8)
    head = change_line(cid, ts, entity, entity_id, op, "")
    return head[:-1].encode("utf-8") + state_utf8 + b"}"


_LINE_UTF8 = b'{"t":"change","id":%d,"ts":%b,"entity":%b,"entity_id":%b,"op":%b,"state":%b}'


def attachment_line(name: str, data: bytes) -> str:
    check_member_name(name)
    return json.dumps({"t": "attachment", "name": name, "sha256": hashlib.sha256(data).hexdigest(),
                       "data": base64.b64encode(data).decode()})


def encode_lines(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def join_encoded(lines: list[bytes]) -> bytes:
    """``encode_lines`` of lines already encoded to UTF-8 one by one (the same bytes: UTF-8 encodes piecewise)."""
    return b"\n".join([*lines, b""]) if lines else b""  # the last LF in the one join (issue 18: not a 2nd copy)


def split_lines(plain: bytes) -> list[bytes]:
    """The payload's lines, split at LF only. A JSON text escapes LF inside its strings, but it may hold U+0085,
    U+2028 and U+2029 unescaped (the change log writes names as typed), and ``str.splitlines`` split a line there:
    an office's bundle with such a character in a subject's name was refused as bad JSON, and again on every resend.
    """
    lines = plain.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # the last line's LF
    return lines


def parse_changes(plain: bytes, loads=json.loads, utf8_per_line: bool = False) -> tuple[list[dict], list[dict]]:
    """(changes, attachments) from the JSON lines (``split_lines``); any bad line refuses the whole bundle, naming
    the line (BundleRefused BUNDLE_PAYLOAD_BAD with the row, why "UTF-8", "JSON" or the field). ``loads`` reads one
    line's UTF-8 bytes (the platform passes a faster reader; ValueError or RecursionError = a bad line).
    ``utf8_per_line``: ``loads`` itself refuses a line that is not UTF-8 (the platform's readers), so the payload is
    not decoded whole first (issue 18: that pass was 2% of the platform's time per change); the standard
    ``json.loads`` guesses UTF-16/32 from bytes and needs it."""
    changes, attachments = [], []
    if not utf8_per_line:
        _check_utf8(plain)
    row = 0
    try:
        for row, obj in enumerate(map(loads, split_lines(plain)), 1):
            kind = obj.get("t") if type(obj) is dict else None
            if kind == "change":
                _check_change(obj, row)
                changes.append(obj)
            elif kind == "attachment":
                attachments.append(_check_attachment(obj, row))
            else:
                raise refused("BUNDLE_PAYLOAD_BAD", row=row, why="t")
    except (ValueError, RecursionError):  # RecursionError: a line nested too deeply; the line after ``row``
        _check_utf8(plain)  # att18b: a line that is not UTF-8 is named as such
        raise refused("BUNDLE_PAYLOAD_BAD", row=row + 1, why="JSON") from None
    return changes, attachments


def _check_utf8(plain: bytes) -> None:
    """BundleRefused naming the line of the first byte that is not UTF-8 (att18b: it named line 1 whatever the
    line)."""
    try:
        plain.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refused("BUNDLE_PAYLOAD_BAD", row=plain.count(b"\n", 0, exc.start) + 1, why="UTF-8") from None


# att18d: the longest ts, entity, entity id or op a change may carry. The office writes short ones (a number, a UUID,
# a document number, a setting's key); an insider's entity id of 3,000 characters failed the whole receive inside
# PostgreSQL (an index entry is at most ~2.7 kB: ProgramLimitExceeded, a 500 the office retried for ever)
MAX_FIELD_CHARS = 256


def _check_change(obj: dict, row: int) -> None:
    get = obj.get  # issue 20: one test of exact types per line (what a JSON reader makes); the loop names the field
    ts, entity, entity_id, op = get("ts"), get("entity"), get("entity_id"), get("op")
    if (type(get("id")) is int and type(ts) is str and type(entity) is str and type(entity_id) is str
            and type(op) is str and type(get("state")) is dict and len(ts) <= MAX_FIELD_CHARS
            and len(entity) <= MAX_FIELD_CHARS and len(entity_id) <= MAX_FIELD_CHARS and len(op) <= MAX_FIELD_CHARS):
        return
    for name, kind in _CHANGE_FIELDS.items():
        if not isinstance(obj.get(name), kind) or isinstance(obj.get(name), bool):
            raise refused("BUNDLE_PAYLOAD_BAD", row=row, why=name)
        if kind is str and len(obj[name]) > MAX_FIELD_CHARS:
            raise refused("BUNDLE_PAYLOAD_BAD", row=row, why=f"{name} > {MAX_FIELD_CHARS}")


def _check_attachment(obj: dict, row: int) -> dict:
    name = obj.get("name")
    if not isinstance(name, str):
        raise refused("BUNDLE_PAYLOAD_BAD", row=row, why="name")
    check_member_name(name)  # zip-slip: an attachment name becomes a path on the receiver's disk
    try:
        data = base64.b64decode(obj.get("data", ""), validate=True)
    except (ValueError, TypeError):  # ValueError: binascii.Error, or non-ASCII text (issue-10 fuzzing)
        raise refused("BUNDLE_PAYLOAD_BAD", row=row, why="data") from None
    if hashlib.sha256(data).hexdigest() != obj.get("sha256"):
        raise refused("BUNDLE_PAYLOAD_BAD", row=row, why="sha256")
    return {"name": name, "data": data}


def to_ranges(ids) -> list[list[int]]:
    out: list[list[int]] = []
    for i in sorted(ids):
        if out and i == out[-1][1] + 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return out


def from_ranges(ranges) -> list[int]:
    ids = []
    for pair in ranges:
        if (not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(x, int) for x in pair)
                or pair[0] > pair[1]):
            raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="accepted")
        ids.extend(range(pair[0], pair[1] + 1))
    return ids


ECHOED = ("audit", "register", "change_range")   # manifest fields a receipt's ``answers`` returns verbatim


def receipt_echo(manifest_doc: dict) -> dict:
    """What the platform signs back about the answered bundle (issue 14): the office's audit head
    ``{"rows", "head"}``, the register's high-water marks ``{"<prefix>/<year>": seq}`` and the change range.
    Only well-formed values are echoed; a field the office did not send is left out."""
    out = {}
    audit = manifest_doc.get("audit")
    if (isinstance(audit, dict) and isinstance(audit.get("rows"), int) and not isinstance(audit["rows"], bool)
            and audit["rows"] >= 0 and isinstance(audit.get("head"), str) and len(audit["head"]) <= 64):
        out["audit"] = {"rows": audit["rows"], "head": audit["head"]}
    register = manifest_doc.get("register")
    if isinstance(register, dict) and len(register) <= 1000 and all(
            isinstance(k, str) and len(k) <= 64 and isinstance(v, int) and not isinstance(v, bool)
            and 0 <= v < 2 ** 31 for k, v in register.items()):
        out["register"] = register
    rng = manifest_doc.get("change_range")
    if isinstance(rng, list) and len(rng) == 2 and all(isinstance(v, int) and not isinstance(v, bool)
                                                       and 0 <= v < 2 ** 63 for v in rng):
        out["change_range"] = rng
    return out


def receipt_doc(accepted_ids, rejected: list[dict]) -> bytes:
    return json.dumps({"accepted": to_ranges(accepted_ids), "rejected": rejected},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_receipt(plain: bytes) -> tuple[list[int], list[dict]]:
    doc = _object(plain)
    rejected = doc.get("rejected")
    if not isinstance(rejected, list) or not all(
            isinstance(r, dict) and isinstance(r.get("id"), int) and isinstance(r.get("reason_zh"), str)
            for r in rejected):
        raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="rejected")
    return from_ranges(doc.get("accepted") or []), rejected


def downstream_doc(items: list[dict]) -> bytes:
    return json.dumps({"items": items}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_downstream(plain: bytes, versions: dict) -> list[dict]:
    """Items must match the signed manifest's versions exactly (kind and version)."""
    items = _object(plain).get("items")
    if not isinstance(items, list) or not items:
        raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="items")
    seen = {}
    for row, item in enumerate(items, 1):
        if (not isinstance(item, dict) or item.get("kind") not in DOWNSTREAM_KINDS
                or not isinstance(item.get("version"), int) or item.get("kind") in seen):
            raise refused("BUNDLE_PAYLOAD_BAD", row=row, why="kind / version")
        seen[item["kind"]] = item["version"]
    if seen != versions:
        raise refused("BUNDLE_MANIFEST_BAD", why="versions do not match the payload")
    return items


def _object(plain: bytes) -> dict:
    try:
        doc = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested too deeply
        raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="JSON") from None
    if not isinstance(doc, dict):
        raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="object")
    return doc
