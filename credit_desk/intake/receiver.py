"""The reference municipal intake (市平台接收端) on PostgreSQL: verifies, decrypts and stores office bundles
idempotently, answers each with a signed receipt, and publishes downstream bundles for an office.

It checks what an office checks, from the other side: signature by a key of the office valid when the bundle was
made (or a key endorsed by one), recipient (any of the platform's encryption keys, old ones included, so bundles
still on a USB stick open after a rotation), expiry, sequence and previous-hash chain, payload hash bound to the
manifest (AES-GCM AAD), size limits; then judges each change (``checks.Judge``: a change resting on a rejected one
is rejected too) and files the accepted ones in one transaction per bundle.

The folder holds the platform's private keys (platform.key.json, 0600), its public key file and platform.json
(id, name, database schema and DSN). The DSN may instead come from the environment: CREDIT_DESK_INTAKE_DSN.
"""

from __future__ import annotations

import json
import math
import os
import re
import secrets
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

from credit_desk import collector
from credit_desk.domain import ids, masking, signing, suites
from credit_desk.domain.errors import DomainError
from credit_desk.intake import checks, pgstore
from credit_desk.intake.store import OFFICE_ID, read_json, write_atomic, write_json
from credit_desk.sync import bundle, crypto, keyfiles, manifest as mf, payload, reqauth
from credit_desk.sync.limits import DEFAULT, Limits
from credit_desk.sync.refusals import BundleRefused, refused

DSN_ENV = "CREDIT_DESK_INTAKE_DSN"
QUARANTINE_KEEP_BYTES = 256 << 20  # R14: refused files kept per office for the platform's IT; past it, rows only
_std_state_json = json.JSONEncoder(ensure_ascii=False).encode
# Issue 20: reading each change line and writing each state back for the COPY were a third of the intake's
# Python time per change; orjson (platform extra) does both several times faster. Where its result could differ
# from the standard library's, the standard library reads: a line with a run of 19 or more digits (orjson reads
# an integer beyond 64 bits as a float). NaN, Infinity and numbers too large for a float are refused on either
# path (PostgreSQL's jsonb cannot hold them: before, such a bundle failed at the COPY, again and again).
try:
    import orjson
except ImportError:  # an install without it: the standard library, slower
    orjson = None
_LONG_DIGITS = re.compile(r"[0-9]{19}")
_LONG_DIGITS_UTF8 = re.compile(rb"[0-9]{19}")  # the same, in a line's UTF-8 bytes (payload.split_lines)
_DIGITS_AS_0 = bytes.maketrans(b"123456789", b"000000000")  # a run of 19 digits: 19 zeros after it


def _not_finite(text: str):
    raise ValueError(f"not a finite number: {text[:20]}")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        _not_finite(text)
    return value


# a \uD800-\uDFFF escape: a surrogate, which only a pair of them makes a character (att18b)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _std_read_line(line: str | bytes):
    """One line as the standard library reads it, held to what orjson accepts (att18b: the reader is chosen per
    bundle, so a line's verdict must not depend on another line): UTF-8 only — ``json.loads`` given bytes guessed
    UTF-16 or UTF-32 from NUL bytes and skipped a byte-order mark — and no lone surrogate, which no UTF-8 text and
    no jsonb value can hold (it failed the whole receive in PostgreSQL: a 500). ValueError for such a line."""
    if type(line) is not str:
        line = line.decode("utf-8")  # strict; a BOM stays and json.loads refuses it
    obj = json.loads(line, parse_constant=_not_finite, parse_float=_finite_float)
    if "\\u" in line and _SURROGATE_ESCAPE.search(line):
        json.dumps(obj, ensure_ascii=False).encode("utf-8")  # UnicodeEncodeError (a ValueError) for a lone one
    return obj


def _read_line(line: str):
    """One change line, as ``json.loads`` reads it; ValueError for a line that is not JSON or holds a non-finite
    number."""
    if orjson is None or (_LONG_DIGITS if isinstance(line, str) else _LONG_DIGITS_UTF8).search(line):
        return _std_read_line(line)
    return orjson.loads(line)


def _line_reader(plain: bytes):
    """The reader for every line of one payload: orjson's when no line has a run of 19 digits, else the standard
    library's. Decided once per bundle (a search per line was 5% of the intake's time per change); each line is
    read as ``_read_line`` reads it."""
    if orjson is None or b"0" * 19 in plain.translate(_DIGITS_AS_0):  # 10x faster than the regex on 2 MB
        return _std_read_line
    return orjson.loads


def _state_json(state: dict) -> bytes:
    """The state as JSON text in UTF-8 for the changes' json column (orjson's compact text of the parsed state; json
    since migration 0008, jsonb before: the same value read back). Bytes:
    the COPY sends bytes, and decoding orjson's output to build a text only to encode it again was 4% of a
    worker's time per change (issue 18)."""
    if orjson is not None:
        try:
            return orjson.dumps(state)
        except TypeError:  # an integer beyond 64 bits, a lone surrogate: the standard library, as before
            pass
    return _std_state_json(state).encode("utf-8")


def _dsn(given: str | None, stored: str | None = None) -> str:
    dsn = given or os.environ.get(DSN_ENV) or stored
    if not dsn:
        raise DomainError("INTAKE_DB_MISSING", f"未指定平台数据库：请用 --dsn 或环境变量 {DSN_ENV}。",
                          f"No platform database: pass --dsn or set {DSN_ENV}.")
    return dsn


class Intake:
    def __init__(self, folder: Path, *, clock=datetime.now, limits: Limits = DEFAULT, dsn: str | None = None,
                 pool_size: int = 4) -> None:
        self.folder = Path(folder)
        if not (self.folder / "platform.key.json").exists():
            raise DomainError("INTAKE_NOT_INITIALISED", f"{self.folder} 不是已初始化的接收端目录，请先执行 intake init。",
                              f"{self.folder} is not an initialised intake folder; run intake init first.")
        self.clock, self.limits = clock, limits
        self._load_keys()
        self.platform = read_json(self.folder / "platform.json")
        db = self.platform.get("database") or {}
        self.schema = db.get("schema") or "intake"
        self.dsn = _dsn(dsn, db.get("dsn"))
        pgstore.migrate(self.dsn, self.schema)  # a platform made by an earlier version gets its new tables
        self.pool = pgstore.open_pool(self.dsn, self.schema, pool_size)
        pgstore.finalize_pool(self, self.pool)
        self.store = _StateView(self)

    def _load_keys(self) -> None:
        """The platform's private keys from platform.key.json (read again by ``_key_for`` after a rotation made by
        another process)."""
        keys = read_json(self.folder / "platform.key.json")
        self.sign_private = bytes.fromhex(keys["sign_private"])
        self.enc_private = bytes.fromhex(keys["enc_private"])
        self.enc_public = crypto.x25519_public(self.enc_private)
        # every encryption key the platform ever had, by key id: old bundles still open after a rotation
        self.enc_keys = {crypto.key_id(crypto.enc_public(bytes.fromhex(k))): bytes.fromhex(k)
                         for k in [keys["enc_private"], *keys.get("enc_history", [])]}
        # issue 22: the platform's key set per further suite; a bundle to an office in that suite is signed with it
        self.sign_keys = {suites.INTL: self.sign_private}
        for name, pair in (keys.get("suites") or {}).items():
            self.sign_keys[name] = bytes.fromhex(pair["sign_private"])
            for k in [pair["enc_private"], *pair.get("enc_history", [])]:
                self.enc_keys[crypto.key_id(crypto.enc_public(bytes.fromhex(k)))] = bytes.fromhex(k)

    def _key_for(self, recipient: str) -> bytes | None:
        """The platform's private encryption key a bundle is sealed to. att20b: ``intake rotate-platform-key`` (or
        add-suite) run while ``intake serve`` runs wrote the new key to the folder, but the server (and each of its
        worker processes) kept the keys it had read at start: every bundle sealed to the new key was refused
        BUNDLE_WRONG_RECIPIENT until a restart. A recipient not known is looked up again in the key file."""
        found = self.enc_keys.get(recipient)
        if found is None:
            self._load_keys()
            found = self.enc_keys.get(recipient)
        return found

    def close(self) -> None:
        self.pool.close()

    @staticmethod
    def init(folder: Path, name: str = "市信用信息共享平台", *, dsn: str | None = None, schema: str | None = None,
             keep_dsn: bool = False) -> dict:
        """New platform keys in an empty folder and its schema in the database (migrated); returns the
        fingerprints to read out by phone. ``schema`` defaults to intake_<platform id>."""
        folder = Path(folder)
        if (folder / "platform.key.json").exists():
            raise DomainError("INTAKE_EXISTS", f"{folder} 已初始化，不会覆盖密钥。", f"{folder} is already initialised.")
        conninfo = _dsn(dsn)
        sign_private, (enc_private, enc_public) = signing.new_private(), crypto.new_x25519()
        gm_sign, (gm_enc, gm_enc_public) = signing.new_private(suites.GM), crypto.new_enc(suites.GM)
        pid = "platform-" + secrets.token_hex(4)
        schema = pgstore.check_schema(schema or "intake_" + pid.split("-")[1])
        pgstore.migrate(conninfo, schema)
        platform = {"platform": pid, "name": name,
                    "database": {"schema": schema, **({"dsn": conninfo} if keep_dsn else {})}}
        folder.mkdir(parents=True, exist_ok=True)
        write_json(folder / "platform.key.json", {
            "sign_private": sign_private.hex(), "enc_private": enc_private.hex(), "enc_history": [],
            "suites": {suites.GM: {"sign_private": gm_sign.hex(), "enc_private": gm_enc.hex(), "enc_history": []}}},
            mode=0o600)
        write_json(folder / "platform.json", platform)
        doc = keyfiles.platform_doc(platform=pid, name=name, sign_public=signing.public_of(sign_private),
                                    enc_public=enc_public,
                                    more={suites.GM: (signing.public_of(gm_sign), gm_enc_public)})
        write_atomic(folder / "platform.keys.json", doc)
        return json.loads(doc)

    def migrate(self) -> list[str]:
        return pgstore.migrate(self.dsn, self.schema)

    def public_file(self) -> bytes:
        return (self.folder / "platform.keys.json").read_bytes()

    # --- offices and keys -------------------------------------------------------------------------------

    def register_office(self, data: bytes, *, actor: str = "intake", reason: str = "登记 / registration") -> dict:
        """Pin a new office's public keys (its key file, checked by phone against its fingerprints).

        Registering the same keys again is a no-op; different keys for an office already registered are refused
        (OFFICE_KEYS_PINNED) — that takes ``rotate_office_keys``, explicit and audited (issue 20)."""
        doc = keyfiles.parse(data, keyfiles.OFFICE_FORMAT)
        office = _office_id(doc["office"])
        sign_id, enc_id = crypto.key_id(doc["sign_public"]), crypto.key_id(doc["enc_public"])
        with self.pool.connection() as conn, conn.transaction():
            if pgstore.lock_office(conn, office) is not None:
                current = ({k["key_id"] for k in pgstore.keys(conn, office, "sign") if k["valid_to"] is None},
                           {k["key_id"] for k in pgstore.keys(conn, office, "enc") if k["valid_to"] is None})
                if sign_id not in current[0] or enc_id not in current[1]:
                    raise DomainError(
                        "OFFICE_KEYS_PINNED",
                        f"单位 {office} 已登记了其他公钥，不会替换。如确需更换，请执行 intake rotate-keys 并写明理由（记入审计）。",
                        f"Office {office} is already registered with other keys; they are not replaced. To change "
                        "them, run intake rotate-keys with a reason (audited).", field="office")
                return {"office": office, "sign": signing.fingerprint(doc["sign_public"]), "already": True}
            _check_new_keys(conn, office, sign_id, enc_id)
            pgstore.insert_office(conn, office, doc.get("region"), doc.get("code"))
            pgstore.add_key(conn, office, "sign", sign_id, doc["sign_public"], "registration")
            pgstore.add_key(conn, office, "enc", enc_id, doc["enc_public"], "registration")
            pgstore.audit_keys(conn, office, "register", actor, reason, [], [sign_id, enc_id])
        return {"office": office, "sign": signing.fingerprint(doc["sign_public"])}

    def rotate_office_keys(self, data: bytes, *, actor: str, reason: str, revoke: bool = False) -> dict:
        """Explicit rotation of a registered office's keys: the new ones become current, the old ones stay on
        file with their validity closed (old bundles still verify), one audit row names who, when and why.

        ``revoke`` (the old key is lost or stolen, R14): the old signing keys are also bounded at the last bundle the
        platform holds, so nothing more signed by them is accepted whatever date it claims — a thief holds the
        key and can backdate; bundles made before the theft and not yet delivered must be made again."""
        if not (actor or "").strip() or len((reason or "").strip()) < 4:
            raise DomainError("ROTATION_REASON_MISSING", "更换单位公钥须写明操作人和理由。",
                              "A key rotation needs the person doing it and a reason.", field="reason")
        doc = keyfiles.parse(data, keyfiles.OFFICE_FORMAT)
        office = _office_id(doc["office"])
        sign_id, enc_id = crypto.key_id(doc["sign_public"]), crypto.key_id(doc["enc_public"])
        with self.pool.connection() as conn, conn.transaction():
            head = pgstore.lock_office(conn, office)
            if head is None:
                raise refused("BUNDLE_UNKNOWN_OFFICE", office=office[:36])
            # issue 22: the key file's endorsements (key-endorsement/2) name the last bundle each old key signed;
            # from now on a bundle signed by an old key above that sequence is refused, whatever date it claims
            _check_new_keys(conn, office, sign_id, enc_id)
            _, _, bounds = _known_keys(pgstore.keys(conn, office, "sign"), doc.get("endorsements") or [], self.clock())
            for key_id, upto in bounds.items():
                pgstore.bound_key(conn, office, key_id, upto)
            pgstore.add_key(conn, office, "sign", sign_id, doc["sign_public"], "rotation")
            pgstore.add_key(conn, office, "enc", enc_id, doc["enc_public"], "rotation")
            old_sign = pgstore.close_keys(conn, office, "sign", sign_id)
            old = old_sign + pgstore.close_keys(conn, office, "enc", enc_id)
            if revoke:  # R14: a stolen key signs nothing above what the platform already holds
                for key_id in old_sign:
                    pgstore.bound_key(conn, office, key_id, head["last_seq"])
            pgstore.audit_keys(conn, office, "revoke" if revoke else "rotate", actor.strip(), reason.strip(), old,
                               [sign_id, enc_id])
        return {"office": office, "sign": signing.fingerprint(doc["sign_public"]), "closed": len(old),
                **({"revoked_above": head["last_seq"]} if revoke else {})}

    def rotate_platform_key(self) -> dict:
        """A new platform encryption key; the old private keys are kept, so bundles made to them still open."""
        path = self.folder / "platform.key.json"
        keys = read_json(path)
        enc_private, enc_public = crypto.new_x25519()
        keys = {**keys, "enc_private": enc_private.hex(),
                "enc_history": [keys["enc_private"], *keys.get("enc_history", [])]}
        write_json(path, keys, mode=0o600)
        doc = keyfiles.platform_doc(platform=self.platform["platform"], name=self.platform["name"],
                                    sign_public=signing.public_of(self.sign_private), enc_public=enc_public,
                                    more=self._more_public(keys))
        write_atomic(self.folder / "platform.keys.json", doc)
        self.enc_private, self.enc_public = enc_private, enc_public
        self.enc_keys[crypto.key_id(enc_public)] = enc_private
        return json.loads(doc)

    def add_suite(self, name: str) -> dict:
        """A key set of suite ``name`` for a platform initialised before it existed (issue 22): new signing and
        encryption keys, the public key file rewritten with them under "suites"; returns that file. Offices pin them
        from the file (read out by phone) or from a platform_keys downstream item signed by the current key."""
        suites.get(name)
        path = self.folder / "platform.key.json"
        keys = read_json(path)
        if name == suites.INTL or name in (keys.get("suites") or {}):
            raise DomainError("SUITE_EXISTS", f"平台已有密码套件「{name}」的密钥。", f"The platform already holds {name} keys.")
        sign_private, (enc_private, _) = signing.new_private(name), crypto.new_enc(name)
        keys = {**keys, "suites": {**(keys.get("suites") or {}),
                                   name: {"sign_private": sign_private.hex(), "enc_private": enc_private.hex(),
                                          "enc_history": []}}}
        write_json(path, keys, mode=0o600)
        doc = keyfiles.platform_doc(platform=self.platform["platform"], name=self.platform["name"],
                                    sign_public=signing.public_of(self.sign_private), enc_public=self.enc_public,
                                    more=self._more_public(keys))
        write_atomic(self.folder / "platform.keys.json", doc)
        self.sign_keys[name] = sign_private
        self.enc_keys[crypto.key_id(crypto.enc_public(enc_private))] = enc_private
        return json.loads(doc)

    @staticmethod
    def _more_public(keys: dict) -> dict:
        return {name: (signing.public_of(bytes.fromhex(p["sign_private"])),
                       crypto.enc_public(bytes.fromhex(p["enc_private"])))
                for name, p in (keys.get("suites") or {}).items()}

    def allowed_suites(self, office: str) -> tuple[str, ...]:
        """The suites the platform accepts from ``office`` (issue 22): platform.json "suites" — {"<office id>":
        [...], "*": [...]} — else every suite it holds keys for."""
        # read each time: a running `intake serve` follows `intake suites` without a restart
        self.platform = read_json(self.folder / "platform.json", self.platform)
        return _allowed(self.platform, office, self.sign_keys)

    def set_suites(self, office: str, names: list[str] | None, *, actor: str, reason: str) -> dict:
        """Set the suites the platform accepts from ``office`` ("*": every office without its own entry; ``names``
        None: drop the office's own entry, it falls back to "*"), in platform.json "suites"; one key_audit row
        (action "suites", old and new suites in old_keys / new_keys) names who and why (issue 22).

        Refused: an unknown suite or one the platform holds no keys for (SUITE_NOT_ALLOWED), an empty list, a
        missing actor or reason (ROTATION_REASON_MISSING), and a list that leaves an office nothing at or above
        the suite of its last accepted bundle (SUITE_DOWNGRADE: it could send nothing any more)."""
        if not (actor or "").strip() or len((reason or "").strip()) < 4:
            raise DomainError("ROTATION_REASON_MISSING", "修改密码套件配置须写明操作人和理由。",
                              "Changing the accepted suites needs the person doing it and a reason.", field="reason")
        if office != "*":
            _office_id(office)
        if names is not None:
            if not names:
                raise DomainError("SUITE_NOT_ALLOWED", "至少须接受一个密码套件。", "At least one suite must be accepted.",
                                  field="suites")
            for name in names:
                suites.get(name)
                if name not in self.sign_keys:
                    raise DomainError("SUITE_NOT_ALLOWED", f"平台未持有密码套件「{name}」的密钥，请先执行 intake add-suite。",
                                      f"The platform holds no keys of suite {name!r}; run intake add-suite first.",
                                      field="suites")
            names = list(dict.fromkeys(names))
        before = self.allowed_suites(office)  # re-reads platform.json
        conf = dict(self.platform.get("suites") or {})
        if names is None:
            conf.pop(office, None)
        else:
            conf[office] = names
        platform = {**self.platform, "suites": conf}
        if not conf:
            platform.pop("suites")
        with self.pool.connection() as conn, conn.transaction():
            if office != "*" and pgstore.lock_office(conn, office) is None:
                raise refused("BUNDLE_UNKNOWN_OFFICE", office=office[:36])
            affected = [office] if office != "*" else [o for o in pgstore.office_ids(conn) if o not in conf]
            for one in affected:  # no step down below what an office already sends (it could send nothing)
                last = pgstore.last_suite(conn, one)
                after = _allowed(platform, one, self.sign_keys)
                if last and not any(suites.get(n).rank >= suites.get(last).rank for n in after):
                    raise DomainError("SUITE_DOWNGRADE",
                                      f"单位 {one} 已使用「{last}」报送，不能只接受更低的密码套件（{'、'.join(after)}）。",
                                      f"Office {one} already sends in {last!r}; accepting only lower suites "
                                      f"({', '.join(after)}) is refused.", field="suites")
            pgstore.audit_keys(conn, office, "suites", actor.strip(), reason.strip(), list(before),
                               list(_allowed(platform, office, self.sign_keys)))
            write_json(self.folder / "platform.json", platform)
        self.platform = platform
        return {"office": office, "before": list(before), "suites": list(self.allowed_suites(office)),
                "configured": conf}

    # --- receiving ----------------------------------------------------------------------------------------

    def receive(self, data: bytes, *, sender: str | None = None) -> tuple[bytes, dict]:
        """(signed receipt bytes, summary); BundleRefused with one sentence when refused, nothing stored.
        ``sender``: the office that signed the HTTP request (intake serve); only its own bundles are taken."""
        with collector.paused():  # issue 18: a receive's many short-lived objects, walked again and again
            return self._receive(data, sender)

    def _receive(self, data: bytes, sender: str | None) -> tuple[bytes, dict]:
        opened = bundle.open_bytes(data, self.limits)
        bundle.check_type(opened, "changes")
        office = opened.manifest.office
        if not _office_ok(office) or opened.manifest.sender.get("id") != office:
            raise refused("BUNDLE_UNKNOWN_OFFICE", office=str(office)[:36])
        if sender is not None and sender != office:
            # R14 (issue 20 attack): office A's signed request carried office B's bundle and was filed, the receipt
            # (B's) handed to A; each office answers for its own requests, rate and quarantine
            raise DomainError("OFFICE_FORBIDDEN", "只能报送本单位的同步包（请求签名单位与同步包单位不符）。",
                              "An office may only send its own bundles (the request's office is not the bundle's).")
        with self.pool.connection() as conn:
            sign_keys = pgstore.keys(conn, office, "sign")
            if not sign_keys:
                raise refused("BUNDLE_UNKNOWN_OFFICE", office=office[:36])
            learned, bounds = self._verify(conn, opened, sign_keys)
            enc_private = self._key_for(opened.manifest.recipient)
            if enc_private is None:
                raise refused("BUNDLE_WRONG_RECIPIENT")
            bundle.check_expiry(opened, self.clock())
            try:
                plain = bundle.decrypt(opened, enc_private, self.limits)
                changes, attachments = payload.parse_changes(plain, _line_reader(plain), utf8_per_line=True)
                _check_no_nul(plain)
                _check_counts(opened, changes)
            except BundleRefused as exc:  # signed by the office but unreadable: kept for the platform's IT
                with conn.transaction():
                    pgstore.quarantine(conn, office, opened.manifest.sequence, opened.digest, exc.code, exc.en,
                                       data, QUARANTINE_KEEP_BYTES)
                raise
            with conn.transaction():
                head = pgstore.lock_office(conn, office)
                self._check_chain(conn, opened, office, head)
                result = self._file(conn, opened, office, changes, attachments, learned, bounds)
                receipt = self._receipt(conn, office, result)
                pgstore.save_receipt(conn, office, result["sequence"], result, receipt)
                pgstore.set_head(conn, office, result["sequence"], opened.digest)
        return receipt, {"office": office, "sequence": result["sequence"], "accepted": result["n_accepted"],
                         "rejected": len(result["rejected"])}

    def _verify(self, conn, opened: bundle.Opened, sign_keys: list[dict]) -> list[tuple[str, bytes]]:
        """Keys of the office valid when the bundle was made, plus keys endorsed (rotation) by one of them;
        returns the newly learned ones. A closed key still opens the bundles it signed before it was closed."""
        known, learned, bounds = _known_keys(sign_keys, opened.manifest.doc.get("key_endorsements") or [],
                                             opened.manifest.created)
        last = pgstore.last_suite(conn, opened.manifest.office)  # on the receive's own connection (not a second)
        bundle.verify(opened, known, self.allowed_suites(opened.manifest.office), last)
        _check_retired(opened, sign_keys, bounds)  # issue 22: no backdated bundle by a rotated-out key
        return learned, bounds

    def authenticate(self, headers: dict[str, str], method: str, target: str, length: int) -> str:
        """The office that signed this HTTP request (sync.reqauth), or DomainError AUTH_*; nothing is read first."""
        claim = reqauth.parse(headers, self.clock())
        if not _office_ok(claim.office):
            raise DomainError("AUTH_FAILED", "请求签名校验失败（未登记的单位或密钥）。",
                              "The request signature does not verify (unknown office or key).")
        with self.pool.connection() as conn:
            sign_keys = pgstore.keys(conn, claim.office, "sign")
        try:
            known, _, _ = _known_keys(sign_keys, _chain_to(claim.endorsements, claim.key_id), self.clock())
        except BundleRefused:
            known = {}
        if claim.suite not in self.allowed_suites(claim.office):  # issue 22: only the office's configured suites
            known = {}
        reqauth.check(claim, known.get(claim.key_id), method, target, length)
        return claim.office

    def _check_chain(self, conn, opened: bundle.Opened, office: str, head: dict) -> None:
        try:
            bundle.check_chain(opened, head["last_seq"], head["last_hash"])
        except BundleRefused as exc:
            if exc.code == "BUNDLE_REPLAY":
                if pgstore.stored_bundle_sha(conn, office, opened.manifest.sequence) == opened.digest:
                    exc.receipt = f"/receipts/{office}/{opened.manifest.sequence}"  # same bundle: answer known
            raise
        # att20b (issue 20: every change stored once): the next bundle of the chain carrying change ids the platform
        # already holds (the same changes again under a new sequence, or ids below them) was filed again — one
        # change twice in the cross-office view. An office's change ids only grow from bundle to bundle.
        rng = _change_range(opened)
        above = pgstore.last_change_id(conn, office, head["last_seq"]) if head["last_seq"] else None
        if rng is not None and above is not None and rng[0] <= above:
            raise refused("BUNDLE_CHANGES_REPLAYED", first=rng[0], last=int(above))

    def _file(self, conn, opened, office, changes, attachments, learned, bounds=None) -> dict:
        seq = opened.manifest.sequence
        per_change = [checks.refs(c) for c in changes]
        pointers = {r for refs in per_change for r in refs}
        held = pgstore.rejected_entities(conn, office, list(pointers))  # no order needed (issue 18)
        known = pgstore.known_subjects(conn, office, [i for e, i in pointers if e == "subject"])
        held_subjects = set(known)  # before the judge learns this bundle's subjects into ``known``
        judge = checks.Judge({k: v[:2] for k, v in held.items()}, known,
                             today=self.clock().date() + timedelta(days=1),  # a day's slack for time zones
                             # a birth date in an ID number: the platform's clock, with the same day of slack (att18b:
                             # an office a time zone ahead judged it against its own, later date; R7: both agree)
                             id_today=self.clock().date() + timedelta(days=1),
                             ops={k: v[2] for k, v in held.items()},
                             withdrawn={("case", i) for i in pgstore.withdrawn_cases(
                                 conn, office, [i for e, i in pointers if e == "case"])})
        decisions, withdrawn = [], []
        accepted, rejected, rows, rej_rows = [], [], [], []
        for c, refs in zip(changes, per_change):
            problem = judge.check(c, refs)
            if problem:
                rejected.append({"id": c["id"], "code": problem[0], "reason_zh": problem[1], "reason_en": problem[2]})
                rej_rows.append((office, seq, c["id"], c["entity"], c["entity_id"], *problem))
            else:
                accepted.append(c["id"])
                if c["entity"] == checks.DECISION:
                    decisions.append(checks.decision_row(office, seq, c))
                rows.append((c["id"], c["ts"], c["entity"], c["entity_id"], c["op"], judge.subject_of(c),
                             _state_json(c["state"])))
                purge = checks.purge_of(c)
                if purge:  # R12 way 1: nothing of a wrongful listing is kept (att39a)
                    withdrawn.append((purge, rows[-1][5]))
        pgstore.store_bundle(conn, office, seq, opened.digest, opened.manifest.doc, opened.data)
        pgstore.copy_changes(conn, office, seq, rows)
        pgstore.purge_withdrawn(conn, office, withdrawn)
        for sid, (old_no, new_no) in judge.renumbered.items():  # R7 (att20b): a corrected id takes its listings
            pgstore.refile_subject(conn, office, sid, old_no, new_no)
        pgstore.insert_rejections(conn, rej_rows)
        pgstore.mark_rejected(conn, [(office, e, i, cid, code, judge.ops.get((e, i)))
                                     for (e, i), (cid, code) in judge.rejected.items()])
        pgstore.clear_rejected(conn, office, sorted(judge.cleared))
        pgstore.upsert_subjects(conn, [(office, sid, no, kind, name)
                                       for sid, (no, kind, name) in judge.new_subjects.items()], held_subjects)
        pgstore.insert_attachments(conn, office, seq, attachments)
        pgstore.upsert_decisions(conn, decisions)  # R21: the platform's current 双公示 rows
        endorsers: dict[str, str] = {}
        if learned:  # which verified endorsement taught each key (the chain was checked in _verify)
            _known_keys(pgstore.keys(conn, office, "sign"), opened.manifest.doc.get("key_endorsements") or [],
                        opened.manifest.created, endorsers)
        for key_id, public in learned:
            pgstore.add_key(conn, office, "sign", key_id, public, "endorsement")
            # R14 (issue 20 attack): the rotated-out key stayed open, so whoever holds the office's old key (a stolen
            # backup) still signed its requests — and held its two request slots with stalled bodies, shutting the
            # office out. It is closed now, as an explicit rotation closes it; bundles it made before still open.
            closed = pgstore.close_key(conn, office, "sign", endorsers[key_id]) if key_id in endorsers else []
            pgstore.audit_keys(conn, office, "endorsement", f"office:{office}", f"bundle {seq}", closed, [key_id])
        for key_id, upto in (bounds or {}).items():  # issue 22: the platform now knows the rotation and its bound
            pgstore.bound_key(conn, office, key_id, upto)
        return {"sequence": seq, "sha256": opened.digest, "accepted": payload.to_ranges(accepted),
                "rejected": rejected, "n_accepted": len(accepted),
                "echo": payload.receipt_echo(opened.manifest.doc)}  # audit head etc., signed back (issue 14)

    def _receipt(self, conn, office: str, result: dict) -> bytes:
        now = self.clock()
        accepted = payload.from_ranges(result["accepted"])
        fields = {"type": "receipt", "sender": {"role": "platform", "id": self.platform["platform"]}, "office": office,
                  "sequence": result["sequence"], "previous_hash": result["sha256"],
                  "answers": {"sequence": result["sequence"], "sha256": result["sha256"], **result.get("echo", {})},
                  "created_at": mf.utc_text(now),
                  "expires_at": mf.utc_text(now + timedelta(days=self.limits.receipt_valid_days)),
                  "counts": {"accepted": len(accepted), "rejected": len(result["rejected"])}}
        plain = payload.receipt_doc(accepted, result["rejected"])
        enc = self._office_enc(conn, office)
        data, _ = bundle.make(fields, plain, self._sign_for(enc), enc)
        return data

    def _sign_for(self, office_enc: bytes) -> bytes:
        """The platform's signing key in the suite of the office's current encryption key (issue 22)."""
        name = signing.suite_of(office_enc)
        if name not in self.sign_keys:
            raise DomainError("SUITE_NOT_ALLOWED", f"平台未配置密码套件「{name}」的密钥。",
                              f"The platform holds no keys of suite {name!r}.")
        return self.sign_keys[name]

    def _office_enc(self, conn, office: str) -> bytes:
        current = [k for k in pgstore.keys(conn, office, "enc") if k["valid_to"] is None]
        return current[-1]["public"]

    def receipt(self, office: str, seq: int) -> bytes | None:
        """The stored receipt; made again (fresh expiry, same content) when the stored one has expired."""
        if not _office_ok(office):
            return None
        with self.pool.connection() as conn:
            found = pgstore.receipt(conn, office, seq)
            if found is None:
                return None
            data, result = found
            if bundle.open_bytes(data, self.limits).manifest.expires > mf.parse_utc(mf.utc_text(self.clock())):
                return data
            with conn.transaction():
                data = self._receipt(conn, office, result)
                pgstore.save_receipt(conn, office, seq, result, data)
        return data

    # --- downstream -----------------------------------------------------------------------------------

    def publish(self, office: str, items: list[dict], *, valid_days: int | None = None,
                check_versions: bool = True) -> tuple[str, bytes]:
        """A downstream bundle for one office: next sequence in its chain, versions per kind."""
        if not _office_ok(office):
            raise refused("BUNDLE_UNKNOWN_OFFICE", office=str(office)[:36])
        with self.pool.connection() as conn, conn.transaction():
            state = pgstore.lock_office(conn, office)
            if state is None:
                raise refused("BUNDLE_UNKNOWN_OFFICE", office=office[:36])
            versions = {i["kind"]: i["version"] for i in items}
            for kind, v in versions.items():
                if check_versions and v <= state["versions"].get(kind, 0):
                    raise refused("DOWNSTREAM_ROLLBACK", kind=kind, got=v, have=state["versions"][kind])
            seq, now = state["down_seq"] + 1, self.clock()
            days = self.limits.receipt_valid_days if valid_days is None else valid_days
            fields = {"type": "downstream", "sender": {"role": "platform", "id": self.platform["platform"]},
                      "office": office, "sequence": seq, "previous_hash": state["down_hash"] or mf.GENESIS_HASH,
                      "created_at": mf.utc_text(now), "expires_at": mf.utc_text(now + timedelta(days=days)),
                      "versions": versions, "counts": {"items": len(items)}}
            enc = self._office_enc(conn, office)
            data, made = bundle.make(fields, payload.downstream_doc(items), self._sign_for(enc), enc)
            merged = {**state["versions"], **{k: max(v, state["versions"].get(k, 0)) for k, v in versions.items()}}
            pgstore.save_downstream(conn, office, seq, versions, data, bundle.file_digest(data, made), merged)
        return f"{seq:06d}.cdb", data

    def downstream(self, office: str, after: int = 0) -> list[str]:
        if not _office_ok(office):
            return []
        with self.pool.connection() as conn:
            return [f"{s:06d}.cdb" for s in pgstore.downstream_after(conn, office, after)]

    def downstream_file(self, office: str, seq: int) -> bytes | None:
        if not _office_ok(office):
            return None
        with self.pool.connection() as conn:
            return pgstore.downstream_file(conn, office, seq)

    # --- the platform's view ------------------------------------------------------------------------------

    def subject_listings(self, id_type: str, id_number: str, *, actor: str, reason: str,
                         unmasked: bool = False) -> list[dict]:
        """The listings of one subject in force across all offices (who is listed where), each as its office last
        reported it.

        R12/R22 (att39f): what a credit check may use — a listing that ended (exited, or past its validity on the
        platform's date, ``clock``) is not shown; joint punishments stop with it. R12 way 1: a withdrawn listing
        never shows.

        R14 (issue 20 attack: anyone at the platform's console read any subject across every office, unlogged): the
        look needs the person asking and why, and is logged with them in the same transaction. R15: a person's name
        is masked (``masking.mask_subject_name``) unless ``unmasked`` is asked for — logged as such."""
        _check_asker(actor, reason)
        subject_no = _asked_subject_no(id_type, id_number)
        with self.pool.connection() as conn, conn.transaction():
            rows = pgstore.subject_listings(conn, subject_no, self.clock().date().isoformat())
            pgstore.log_query(conn, actor.strip(), reason.strip(), subject_no, bool(unmasked), len(rows))
        for r in rows:
            kind = r.pop("subject_kind")
            if not unmasked:
                r["subject_name"] = masking.mask_subject_name(kind, r["subject_name"])
        return rows

    def query_log(self) -> list[dict]:
        with self.pool.connection() as conn:
            return pgstore.query_log(conn)

    def office_sign_keys(self, office: str) -> list[dict]:
        with self.pool.connection() as conn:
            return pgstore.keys(conn, office, "sign") if _office_ok(office) else []

    def stored_changes(self, office: str) -> list[dict]:
        """Every accepted change filed for an office: {seq, change_id, entity, entity_id, op, subject_no, state}."""
        with self.pool.connection() as conn:
            return pgstore.stored_changes(conn, office)

    def decisions(self, office: str, *, actor: str, reason: str, unmasked: bool = False) -> list[dict]:
        """双公示 (R21): the licence and penalty decisions filed for an office, as the platform holds them now.

        R14/R15 as ``subject_listings``: the look names who asks and why and is logged (``query_log``, subject
        ``office:<id>``); a natural person's name is masked unless ``unmasked`` is asked for (logged as such).
        Raises DomainError QUERY_REASON_MISSING."""
        _check_asker(actor, reason)
        with self.pool.connection() as conn, conn.transaction():
            rows = pgstore.decisions(conn, office)
            pgstore.log_query(conn, actor.strip(), reason.strip(), f"office:{office}", bool(unmasked), len(rows))
        for r in rows:
            kind = r.pop("party_kind")
            if not unmasked:
                r["party_name"] = masking.mask_subject_name(kind, r["party_name"])
        return rows

    def change_keys(self, office: str) -> list[tuple[int, int]]:
        with self.pool.connection() as conn:
            return pgstore.change_keys(conn, office)

    def counts(self, office: str) -> dict:
        with self.pool.connection() as conn:
            return pgstore.counts(conn, office)

    def quarantined(self, office: str) -> list[dict]:
        """The office's refused files kept for the platform's IT: {seq, sha256, code, kept_bytes (None: not kept)}."""
        with self.pool.connection() as conn:
            return pgstore.quarantined(conn, office)

    def key_audit(self, office: str) -> list[dict]:
        with self.pool.connection() as conn:
            return pgstore.key_audit(conn, office)


class _StateView:
    """The office registration and chain state as dicts (what tests and tools of the file intake read)."""

    def __init__(self, intake: Intake) -> None:
        self.intake = intake

    def office(self, office: str) -> dict | None:
        if not _office_ok(office):
            return None
        with self.intake.pool.connection() as conn:
            row = pgstore.office(conn, office)
            if row is None:
                return None
            sign = [k["public"].hex() for k in pgstore.keys(conn, office, "sign")]
            return {"office": office, "region": row["region"], "code": row["code"], "sign_keys": sign,
                    "enc_public": self.intake._office_enc(conn, office).hex()}

    def state(self, office: str) -> dict:
        with self.intake.pool.connection() as conn:
            row = pgstore.office(conn, office) or {}
        return {"last_seq": row.get("last_seq", 0), "last_hash": row.get("last_hash", ""),
                "down_seq": row.get("down_seq", 0), "down_hash": row.get("down_hash", ""),
                "versions": row.get("versions", {})}

    def save_state(self, office: str, state: dict) -> None:
        """Only the downstream head (tests that play a platform publishing outside publish())."""
        with self.intake.pool.connection() as conn, conn.transaction():
            pgstore.set_down_state(conn, office, state["down_seq"], state["down_hash"], state["versions"])


def _known_keys(sign_keys: list[dict], chain: list, made: datetime,
                endorsers: dict | None = None) -> tuple[dict[str, bytes], list, dict[str, int]]:
    """({key id: public} usable for something made at ``made``, [(key id, public) newly learned], {old key id: last
    bundle sequence it signed} from the /2 endorsements that verify): the office's keys still valid then, plus each
    key endorsed by one of them (its rotation chain). BUNDLE_MANIFEST_BAD on a malformed chain. ``endorsers``, when
    given, is filled with {newly learned key id: the key id whose endorsement verified}."""
    made = made.astimezone(timezone.utc)  # whole seconds (manifest times): a key closed at 10:00:00.4 signs
    known = {k["key_id"]: k["public"] for k in sign_keys  # nothing made at 10:00:00 or later
             if k["valid_to"] is None or made < k["valid_to"].astimezone(timezone.utc).replace(microsecond=0)}
    on_file = {k["key_id"]: k for k in sign_keys}
    # R14 (issue 20 attack): a retired key — closed by an explicit rotation, or bounded by a recorded rotation — never
    # introduces a key the platform does not hold: with a backdated "made" it is still known here, and its endorsement
    # made the thief's key a current key of the office (bundles, requests).
    retired = {k["key_id"] for k in sign_keys if k["valid_to"] is not None or k.get("last_seq") is not None}
    learned, bounds = [], {}
    if not isinstance(chain, list):
        raise refused("BUNDLE_MANIFEST_BAD", why="key_endorsements")
    for e in chain:
        try:
            new = keyfiles.parse_b64(e["public_key"])
            old = known.get(e["endorsed_by"])
            sig = keyfiles.parse_b64(e["signature"])
            upto = e.get("last_sequence")  # issue 22: key-endorsement/2 (absent: /1, made before the bound)
            message = keyfiles.endorsement_message(new, upto)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise refused("BUNDLE_MANIFEST_BAD", why="key_endorsements") from None
        if e.get("suite", suites.INTL) != _suite_or_none(new):  # issue 22: an endorsement names the new key's suite
            raise refused("BUNDLE_MANIFEST_BAD", why="key_endorsements.suite")
        if old and suites.get(e.get("suite", suites.INTL)).rank < suites.of_public(old).rank:
            # issue 22: an endorsement never steps down (a gm/1 key vouching for an intl/1 one), as keys rotate
            raise refused("BUNDLE_SUITE_DOWNGRADE", suite=e.get("suite", suites.INTL), last=signing.suite_of(old))
        if old and signing.verify(old, sig, signing.Use.KEY_ENDORSEMENT, message):
            if upto is not None:  # the old key's own signature fixes its last bundle (the lowest one wins)
                bounds[e["endorsed_by"]] = min(upto, bounds.get(e["endorsed_by"], upto))
            new_id = crypto.key_id(new)
            if new_id not in on_file:
                if e["endorsed_by"] in retired:
                    continue  # R14: a rotated-out key vouches for nothing new (the bundle then meets UNKNOWN_KEY)
                if new_id not in known:
                    learned.append((new_id, new))
                    if endorsers is not None:
                        endorsers[new_id] = e["endorsed_by"]
            known[new_id] = new
    return known, learned, bounds


def _chain_to(chain: list, key_id: str, hops: int = 16) -> list:
    """The endorsements of a request's chain that lead to the key it claims, oldest first (at most ``hops``).

    att20b: every entry of an unsigned request's X-CD-Endorsements naming a key of the office was verified before
    the request's own signature — ~50 entries fit in the header limit, 50 signature checks (an SM2 check ~1 ms) for
    one request anyone can send, and no per-IP limit. Only the entries on the path back from the claimed key are
    read now (each key once): a forged chain costs at most one check."""
    if not isinstance(chain, list):
        return chain  # malformed: _known_keys refuses it as before
    by_new: dict[str, dict] = {}
    for e in chain:
        try:
            by_new.setdefault(crypto.key_id(keyfiles.parse_b64(e["public_key"])), e)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    path, want = [], key_id
    while want in by_new and len(path) < hops:
        e = by_new.pop(want)
        path.append(e)
        want = e.get("endorsed_by")
    return path[::-1]


def _check_new_keys(conn, office: str, *key_ids: str) -> None:
    """R14 (att20b), for a registration or an explicit rotation: a key already on file for another office is refused
    (whoever holds it would sign that office's bundles and requests too), and so is a key this office retired — a
    rotation back reopened it (valid_to set to NULL), erasing the interval it stood closed, and a key rotated out
    because it was lost or stolen must never become current again. The office makes a new key."""
    for key_id in key_ids:
        for use in pgstore.key_uses(conn, key_id):
            if use["owner"] != office:
                raise DomainError("OFFICE_KEY_TAKEN", f"该公钥（{key_id[:16]}…）已登记为其他单位的公钥，不能用于本单位。",
                                  f"The key {key_id[:16]}... is registered to another office; it cannot be used for "
                                  "this one.", field="office")
            if not use["open"]:
                raise DomainError("OFFICE_KEY_RETIRED", f"该公钥（{key_id[:16]}…）已被本单位更换停用，不能重新启用；请生成新密钥。",
                                  f"The key {key_id[:16]}... was rotated out of this office and is never reinstated; "
                                  "make a new key.", field="office")


def _check_retired(opened: bundle.Opened, sign_keys: list[dict], bounds: dict[str, int]) -> None:
    """Issue 22 (R14: only the office's own authentic bundles are filed): a bundle signed by a rotated-out key
    with a sequence above the last bundle that key signed is refused (BUNDLE_KEY_RETIRED), whatever date it
    claims — the old private key stays in the office ledger, so a backdated bundle made with it is no proof of
    anything. The bound is the lowest of the one recorded at the rotation and any in this bundle's own chain."""
    fp, seq = opened.manifest.key_fingerprint, opened.manifest.sequence
    found = [k["last_seq"] for k in sign_keys if k["key_id"] == fp and k.get("last_seq") is not None]
    if fp in bounds:
        found.append(bounds[fp])
    if found and seq > min(found):
        raise refused("BUNDLE_KEY_RETIRED", seq=seq, last=min(found))


def _allowed(platform: dict, office: str, held) -> tuple[str, ...]:
    conf = platform.get("suites") or {}
    return tuple(conf.get(office) or conf.get("*") or held)


def _suite_or_none(public: bytes) -> str | None:
    try:
        return signing.suite_of(public)
    except DomainError:
        return None


def _office_ok(office) -> bool:
    return isinstance(office, str) and bool(OFFICE_ID.fullmatch(office))


def _office_id(office: str) -> str:
    if not _office_ok(office):
        raise DomainError("OFFICE_ID_BAD", "单位编号格式不对。", "The office id is malformed.", field="office")
    return office


def _change_range(opened: bundle.Opened) -> tuple[int, int] | None:
    """The manifest's change_range [first, last] (whole numbers, 1 <= first <= last), None when absent.
    att20b: a signed manifest with change_range {"a": 1}, [1], ["x", "y"] or [null, null] made the intake fail with
    500 INTERNAL — retried by the office for ever — instead of a refusal with its code."""
    rng = opened.manifest.doc.get("change_range")
    if rng is None:
        return None
    if not (isinstance(rng, list) and len(rng) == 2 and all(type(x) is int for x in rng) and 1 <= rng[0] <= rng[1]):
        raise refused("BUNDLE_MANIFEST_BAD", why="change_range")
    return rng[0], rng[1]


def _check_no_nul(plain: bytes) -> None:
    """att20b: a change whose text held a NUL character ("\\u0000" in its JSON: a name, an entity id) made the whole
    bundle fail inside PostgreSQL (text and jsonb cannot hold it) — 500 INTERNAL, retried by the office for ever,
    nothing kept for the platform's IT. Refused now, BUNDLE_PAYLOAD_BAD naming the line (and quarantined). JSON
    allows NUL only as that escape, so the scan runs on the rare payload that holds it."""
    if b"\\u0000" not in plain:
        return
    for row, line in enumerate(payload.split_lines(plain), 1):  # numbered as parse_changes numbers them
        if b"\\u0000" in line and _holds_nul(_std_read_line(line)):
            raise refused("BUNDLE_PAYLOAD_BAD", row=row, why="NUL character (U+0000)")


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    return False


def _check_counts(opened: bundle.Opened, changes: list[dict]) -> None:
    m = opened.manifest
    first, last = _change_range(opened) or (1, 0)  # no range: no change
    ids = [c["id"] for c in changes]
    if m.counts.get("changes") != len(changes) or ids != sorted(set(ids)) or any(not first <= i <= last for i in ids):
        raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="change ids / counts do not match the manifest")


_ID_TYPES = tuple(t.value for t in ids.IdType)


def _asked_subject_no(id_type, id_number) -> str:
    """The national key of the subject asked for, as the platform files it. R7 (att18b): the platform files a number
    only in its cleaned form, so the number asked for is cleaned too (typed in lower case, full width or with spaces
    it found nothing and said so: "not listed anywhere"). att18d: a type the platform never files (a typo, full width)
    or a number that is empty once cleaned is refused — it answered "not listed anywhere", which reads as a clean
    record, and logged a look at nobody."""
    kind = unicodedata.normalize("NFKC", id_type).strip().lower() if isinstance(id_type, str) else ""
    number = ids.clean_id(id_number) if isinstance(id_number, str) else ""
    if kind not in _ID_TYPES or not number:
        zh = (f"证件类型「{id_type}」不是系统支持的证件类型（可用：{'、'.join(_ID_TYPES)}）" if kind not in _ID_TYPES
              else "证件号码为空")
        en = (f"ID type {id_type!r} is not one the platform files ({', '.join(_ID_TYPES)})" if kind not in _ID_TYPES
              else "the ID number is empty")
        raise DomainError("QUERY_SUBJECT_BAD", f"无法查询：{zh}。未查询，未记入查询使用登记。",
                          f"Cannot look: {en}. Nothing was read or logged.",
                          field="id_type" if kind not in _ID_TYPES else "id_number")
    return f"{kind}:{number}"


def _check_asker(actor: str, reason: str) -> None:
    """R14: a look at personal data on the platform names the person asking and why (logged with them)."""
    if not (actor or "").strip() or len((reason or "").strip()) < 4:
        raise DomainError("QUERY_REASON_MISSING", "查询主体名单须写明查询人和查询事由（记入查询使用登记）。",
                          "A look at a subject needs the person asking and the reason (it is logged).",
                          field="reason")
