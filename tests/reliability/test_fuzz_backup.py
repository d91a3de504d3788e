"""Fuzzing `restore` with damaged and forged backup files (*.cdbk): the manifest is only hashed, not signed,
so a forged one with matching hashes is possible. Property: restored whole or refused with one sentence;
a refusal leaves no target folder and no half-unpacked temporary folder behind."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import Counter
from itertools import count

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_desk.services import backup, ledgers
from tests.conftest import PASSPHRASE
from tests.reliability.fuzzing import FUZZ, damaged, mutated_doc
from tests.reliability.support import only_domain_errors

SEEN: Counter = Counter()
_N = count()


@pytest.fixture
def genuine(office, data_dir, tmp_path):
    desk = ledgers.unlock(data_dir, read_only=True)
    try:
        path = backup.backup_now(desk, tmp_path / "bk")
    finally:
        desk.close()
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    return path.read_bytes(), members


def _forge(members: dict, manifest: object, recovery: bytes | None = None) -> bytes:
    """A backup whose member hashes are recomputed, as a forger would, around a hostile manifest."""
    files = dict(members)
    if recovery is not None:
        files["ledger.recovery"] = recovery
    if isinstance(manifest, dict) and isinstance(manifest.get("sha256"), dict):
        manifest = {**manifest, "sha256": {**manifest["sha256"], **{
            n: hashlib.sha256(files[n]).hexdigest() for n in ("ledger.db", "ledger.recovery", "ledger.json")
            if n in manifest["sha256"]}}}
    files["manifest.json"] = json.dumps(manifest, allow_nan=True).encode("utf-8", "surrogatepass")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out.getvalue()


def _restore(tmp_path, data: bytes, passphrase) -> None:
    n = next(_N)
    src, target = tmp_path / f"in{n}.cdbk", tmp_path / "restored" / f"t{n}"
    src.write_bytes(data)
    status, out = only_domain_errors(backup.restore, src, target, passphrase)
    SEEN[out.code if status == "refused" else "restored"] += 1
    if status == "refused":
        assert not target.exists(), "a refused backup left a target folder"
    assert not [p for p in (tmp_path / "restored").glob(".*")], "a half-unpacked temporary folder was left"


def test_fuzz_restore(genuine, tmp_path):
    raw, members = genuine
    manifest = json.loads(members["manifest.json"])
    recovery = json.loads(members["ledger.recovery"]) if members["ledger.recovery"][:1] == b"{" else None
    forged = mutated_doc(manifest).map(lambda m: _forge(members, m))
    if recovery is not None:
        forged |= mutated_doc(recovery).map(lambda r: _forge(members, manifest, json.dumps(r).encode()))
    (tmp_path / "restored").mkdir()
    SEEN.clear()

    @FUZZ
    @given(damaged(raw) | forged, st.sampled_from([None, PASSPHRASE, "wrong passphrase"]))
    def run(data, passphrase):
        _restore(tmp_path, data, passphrase)
    run()
    print(dict(SEEN))
    assert SEEN["BACKUP_BAD"] > 0
