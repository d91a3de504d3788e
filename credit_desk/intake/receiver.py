"""The reference municipal intake (市平台接收端): verifies, decrypts and stores office bundles idempotently,
answers each with a signed receipt, and publishes downstream bundles for an office.

It checks what an office checks, from the other side: signature by a registered office key (or a key
endorsed by one), recipient, expiry, sequence and previous-hash chain, payload hash, size limits.
"""

from __future__ import annotations

import json
import secrets
import threading
from datetime import datetime, timedelta
from pathlib import Path

from credit_desk.domain import signing
from credit_desk.domain.errors import DomainError
from credit_desk.intake import checks
from credit_desk.intake.store import IntakeStore, read_json, write_atomic, write_json
from credit_desk.sync import bundle, crypto, keyfiles, manifest as mf, payload
from credit_desk.sync.limits import DEFAULT, Limits
from credit_desk.sync.refusals import BundleRefused, refused


class Intake:
    def __init__(self, folder: Path, *, clock=datetime.now, limits: Limits = DEFAULT) -> None:
        self.store = IntakeStore(folder)
        self.store.require()
        self.clock, self.limits = clock, limits
        self.lock = threading.Lock()  # one writer: receive and publish are serialised
        keys = read_json(self.store.folder / "platform.key.json")
        self.sign_private = bytes.fromhex(keys["sign_private"])
        self.enc_private = bytes.fromhex(keys["enc_private"])
        self.enc_public = crypto.x25519_public(self.enc_private)
        self.platform = read_json(self.store.folder / "platform.json")

    @staticmethod
    def init(folder: Path, name: str = "市信用信息共享平台") -> dict:
        """New platform keys in an empty folder; returns the fingerprints to read out by phone."""
        folder = Path(folder)
        if (folder / "platform.key.json").exists():
            raise DomainError("INTAKE_EXISTS", f"{folder} 已初始化，不会覆盖密钥。", f"{folder} is already initialised.")
        sign_private, (enc_private, enc_public) = signing.new_private(), crypto.new_x25519()
        platform = {"platform": "platform-" + secrets.token_hex(4), "name": name}
        write_json(folder / "platform.key.json", {"sign_private": sign_private.hex(), "enc_private": enc_private.hex()},
                   mode=0o600)
        write_json(folder / "platform.json", platform)
        doc = keyfiles.platform_doc(platform=platform["platform"], name=name,
                                    sign_public=signing.public_of(sign_private), enc_public=enc_public)
        write_atomic(folder / "platform.keys.json", doc)
        return json.loads(doc)

    def public_file(self) -> bytes:
        return (self.store.folder / "platform.keys.json").read_bytes()

    def register_office(self, data: bytes) -> dict:
        """Pin an office's public keys (its key file, checked by phone against its fingerprints)."""
        doc = keyfiles.parse(data, keyfiles.OFFICE_FORMAT)
        with self.lock:
            self.store.save_office(doc["office"], {
                "office": doc["office"], "region": doc.get("region"), "code": doc.get("code"),
                "sign_keys": [doc["sign_public"].hex()], "enc_public": doc["enc_public"].hex()})
        return {"office": doc["office"], "sign": signing.fingerprint(doc["sign_public"])}

    # --- receiving ------------------------------------------------------------------------------------

    def receive(self, data: bytes) -> tuple[bytes, dict]:
        """(signed receipt bytes, summary); BundleRefused with one sentence when refused, nothing stored."""
        with self.lock:
            opened = bundle.open_bytes(data, self.limits)
            bundle.check_type(opened, "changes")
            office = opened.manifest.office
            reg = self.store.office(office) if _office_ok(office) else None
            if reg is None or opened.manifest.sender.get("id") != office:
                raise refused("BUNDLE_UNKNOWN_OFFICE", office=office[:36])
            learned = self._verify(opened, reg)
            bundle.check_recipient(opened, self.enc_public)
            bundle.check_expiry(opened, self.clock())
            state = self.store.state(office)
            self._check_chain(opened, office, state)
            changes, attachments = payload.parse_changes(bundle.decrypt(opened, self.enc_private, self.limits))
            _check_counts(opened, changes)
            return self._store(opened, office, reg, learned, state, changes, attachments)

    def _verify(self, opened: bundle.Opened, reg: dict) -> list[str]:
        """Registered keys, plus keys endorsed (rotation) by one of them; returns the newly learned ones."""
        known = {crypto.key_id(bytes.fromhex(k)): bytes.fromhex(k) for k in reg["sign_keys"]}
        learned = []
        for e in opened.manifest.doc.get("key_endorsements") or []:
            try:
                new = keyfiles.parse_b64(e["public_key"])
                old = known.get(e["endorsed_by"])
                sig = keyfiles.parse_b64(e["signature"])
            except (KeyError, TypeError, ValueError):
                raise refused("BUNDLE_MANIFEST_BAD", why="key_endorsements") from None
            if old and signing.verify(old, sig, signing.Use.KEY_ENDORSEMENT, keyfiles.endorsement_message(new)):
                if crypto.key_id(new) not in known:
                    learned.append(new.hex())
                known[crypto.key_id(new)] = new
        bundle.verify(opened, known)
        return learned

    def _check_chain(self, opened: bundle.Opened, office: str, state: dict) -> None:
        try:
            bundle.check_chain(opened, state["last_seq"], state["last_hash"])
        except BundleRefused as exc:
            if exc.code == "BUNDLE_REPLAY":
                stored = self.store.file(office, "bundles", opened.manifest.sequence, "cdb")
                if stored.exists() and crypto.sha256_hex(stored.read_bytes()) == opened.sha256:
                    exc.receipt = f"/receipts/{office}/{opened.manifest.sequence}"  # same bundle: answer known
            raise

    def _store(self, opened, office, reg, learned, state, changes, attachments) -> tuple[bytes, dict]:
        seq, subjects = opened.manifest.sequence, set(state["subjects"])
        accepted, rejected, kept = [], [], []
        for c in changes:
            problem = checks.check(c, subjects)
            if problem:
                rejected.append({"id": c["id"], "code": problem[0], "reason_zh": problem[1], "reason_en": problem[2]})
            else:
                accepted.append(c["id"])
                if c["id"] > state["last_change_id"]:  # idempotent: a change id is stored once
                    kept.append(c)
        self._write_members(office, seq, opened.data, kept, attachments)
        result = {"sequence": seq, "sha256": opened.sha256, "accepted": payload.to_ranges(accepted),
                  "rejected": rejected, "echo": payload.receipt_echo(opened.manifest.doc)}
        write_json(self.store.file(office, "results", seq, "json"), result)
        receipt = self._receipt(office, reg, result)
        write_atomic(self.store.file(office, "receipts", seq, "cdb"), receipt)
        if learned:
            self.store.save_office(office, {**reg, "sign_keys": reg["sign_keys"] + learned})
        last_id = max([state["last_change_id"]] + [c["id"] for c in changes])
        self.store.save_state(office, {**state, "last_seq": seq, "last_hash": opened.sha256, "last_change_id": last_id,
                                       "subjects": sorted(subjects)})
        return receipt, {"office": office, "sequence": seq, "accepted": len(accepted), "rejected": len(rejected)}

    def _write_members(self, office, seq, data, kept, attachments) -> None:
        write_atomic(self.store.file(office, "bundles", seq, "cdb"), data)
        lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in kept)
        write_atomic(self.store.file(office, "changes", seq, "jsonl"), lines.encode("utf-8"))
        base = self.store.office_dir(office) / "attachments" / f"{seq:06d}"
        for a in attachments:  # names were checked (no '..', no absolute path) when the payload was parsed
            target = (base / a["name"]).resolve()
            if not target.is_relative_to(base.resolve()):
                raise refused("BUNDLE_UNSAFE_NAME", name=a["name"])
            write_atomic(target, a["data"])

    def _receipt(self, office: str, reg: dict, result: dict) -> bytes:
        now = self.clock()
        accepted = payload.from_ranges(result["accepted"])
        fields = {"type": "receipt", "sender": {"role": "platform", "id": self.platform["platform"]}, "office": office,
                  "sequence": result["sequence"], "previous_hash": result["sha256"],
                  "answers": {"sequence": result["sequence"], "sha256": result["sha256"], **result.get("echo", {})},
                  "created_at": mf.utc_text(now),
                  "expires_at": mf.utc_text(now + timedelta(days=self.limits.receipt_valid_days)),
                  "counts": {"accepted": len(accepted), "rejected": len(result["rejected"])}}
        plain = payload.receipt_doc(accepted, result["rejected"])
        data, _ = bundle.make(fields, plain, self.sign_private, bytes.fromhex(reg["enc_public"]))
        return data

    def receipt(self, office: str, seq: int) -> bytes | None:
        """The stored receipt; made again (fresh expiry, same content) when the stored one has expired."""
        path = self.store.file(office, "receipts", seq, "cdb")
        if not path.exists():
            return None
        data = path.read_bytes()
        if bundle.open_bytes(data, self.limits).manifest.expires > mf.parse_utc(mf.utc_text(self.clock())):
            return data
        with self.lock:
            data = self._receipt(office, self.store.office(office),
                                 read_json(self.store.file(office, "results", seq, "json")))
            write_atomic(path, data)
        return data

    # --- downstream -----------------------------------------------------------------------------------

    def publish(self, office: str, items: list[dict], *, valid_days: int | None = None,
                check_versions: bool = True) -> tuple[str, bytes]:
        """A downstream bundle for one office: next sequence in its chain, versions per kind."""
        with self.lock:
            reg = self.store.office(office) if _office_ok(office) else None
            if reg is None:
                raise refused("BUNDLE_UNKNOWN_OFFICE", office=office[:36])
            state = self.store.state(office)
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
            data, _ = bundle.make(fields, payload.downstream_doc(items), self.sign_private,
                                  bytes.fromhex(reg["enc_public"]))
            write_atomic(self.store.file(office, "downstream", seq, "cdb"), data)
            merged = {**state["versions"], **{k: max(v, state["versions"].get(k, 0)) for k, v in versions.items()}}
            self.store.save_state(office, {**state, "down_seq": seq, "down_hash": crypto.sha256_hex(data),
                                           "versions": merged})
        return f"{seq:06d}.cdb", data

    def downstream(self, office: str, after: int = 0) -> list[str]:
        folder = self.store.office_dir(office) / "downstream"
        names = sorted(p.name for p in folder.glob("[0-9]*.cdb")) if folder.exists() else []
        return [n for n in names if int(n.split(".")[0]) > after]


def _office_ok(office: str) -> bool:
    from credit_desk.intake.store import OFFICE_ID
    return bool(OFFICE_ID.fullmatch(office or ""))


def _check_counts(opened: bundle.Opened, changes: list[dict]) -> None:
    m = opened.manifest
    first, last = (m.doc.get("change_range") or [0, 0])[:2]
    ids = [c["id"] for c in changes]
    if m.counts.get("changes") != len(changes) or ids != sorted(set(ids)) or any(not first <= i <= last for i in ids):
        raise refused("BUNDLE_PAYLOAD_BAD", row=1, why="change ids / counts do not match the manifest")
