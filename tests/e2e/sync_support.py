"""Shared set-up for the sync tests: an office ledger paired with a reference intake (keys exchanged)."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest

from credit_desk.intake.receiver import Intake
from credit_desk.services import auth, ledgers
from tests.conftest import ADMIN_PW, CLERK_NAME, USER_PW



def uscc(seed: int = 5) -> str:
    import random
    from credit_desk.domain import demo
    return demo.uscc(random.Random(seed), "320812")


@contextmanager
def session(data_dir: Path, user: str = CLERK_NAME, password: str = USER_PW):
    """A business session (the clerk's by default: R14, the administrator does no business)."""
    desk = ledgers.unlock(data_dir)
    try:
        yield auth.login(desk, user, password)
    finally:
        desk.close()


def pair(office, tmp_path: Path) -> Path:
    """Initialise an intake, pin its keys in the office, register the office at the intake."""
    intake_dir = tmp_path / "intake"
    Intake.init(intake_dir)
    code, out, err = office("keys", "import-platform", str(intake_dir / "platform.keys.json"), user="admin",
                            password=None)  # keys are the administrator's (R14)
    assert code == 0, err
    keyfile, pem = tmp_path / "office.keys.json", tmp_path / "office.pub.pem"
    code, out, err = office("keys", "export-public", "--to", str(keyfile), "--pem", str(pem), user="admin",
                            password=None)
    assert code == 0, err
    Intake(intake_dir).register_office(keyfile.read_bytes())
    return intake_dir


def move_to_gm(office, tmp_path: Path, intake_dir: Path) -> None:
    """The office rotates to gm/1 (audited at the office), the platform pins its new key file (audited there)."""
    code, out, err = office("--json", "keys", "rotate", "--suite", "gm/1", user="admin")
    assert code == 0, out + err
    assert json.loads(out)["suite"] == "gm/1"
    keyfile = tmp_path / "office.gm.keys.json"
    code, out, err = office("keys", "export-public", "--to", str(keyfile), "--pem", str(tmp_path / "office.gm.pem"),
                            user="admin")
    assert code == 0, err
    Intake(intake_dir).rotate_office_keys(keyfile.read_bytes(), actor="平台运维 王工",
                                          reason="单位改用商用密码 gm/1（密评整改）")


@pytest.fixture(autouse=True, params=["intl/1", "gm/1"])
def both_suites(request, monkeypatch):
    """Imported by a sync test module, it runs every test there in both suites (issue 22): for gm/1 the module's
    ``pair`` also moves the office to SM2/SM3/SM4 right after pairing. The value is the suite's name."""
    if request.param == "gm/1":
        def pair_gm(office, tmp_path):
            intake_dir = pair(office, tmp_path)
            move_to_gm(office, tmp_path, intake_dir)
            return intake_dir
        monkeypatch.setattr(request.module, "pair", pair_gm)
    return request.param


def add_subject(office, name: str = "淮安市鑫源建材有限公司", number: str | None = None) -> int:
    code, out, err = office("--json", "subject", "add", "--kind", "legal_person", "--name", name,
                            "--id-type", "uscc", "--id-number", number or uscc())
    assert code == 0, out + err
    return json.loads(out)["id"]


def export(office, folder: Path) -> list[dict]:
    folder.mkdir(exist_ok=True)
    code, out, err = office("--json", "bundle", "export", "--to", str(folder))
    assert code == 0, err
    return json.loads(out)


def office_signing(data_dir: Path) -> tuple[bytes, str]:
    """(the office's private signing key, its ledger id) — for crafting hostile bundles in tests."""
    from credit_desk.store import office_keys
    desk = ledgers.unlock(data_dir, read_only=True)
    try:
        return bytes(office_keys.active(desk.ledger.conn).private_key), desk.ledger.ledger_id
    finally:
        desk.close()


def craft(data_dir: Path, intake_dir: Path, plaintext: bytes, *, seq: int = 1, prev: str = "0" * 64,
          sign_private: bytes | None = None, count: int | None = None, expires_days: int = 30) -> bytes:
    """A changes bundle made with the office's own key (or another), as an attacker or a buggy sender could."""
    from datetime import datetime, timedelta

    from credit_desk.sync import bundle, manifest as mf
    key, ledger_id = office_signing(data_dir)
    plat = json.loads((intake_dir / "platform.keys.json").read_text())
    import base64
    now = datetime.now()
    fields = {"type": "changes", "sender": {"role": "office", "id": ledger_id, "region": "320812", "code": "x"},
              "office": ledger_id, "sequence": seq, "previous_hash": prev, "created_at": mf.utc_text(now),
              "expires_at": mf.utc_text(now + timedelta(days=expires_days)), "change_range": [1, 10 ** 9],
              "counts": {"changes": plaintext.count(b'"t":"change"') if count is None else count, "attachments": 0}}
    from credit_desk.domain import signing
    name = signing.suite_of(signing.public_of(sign_private or key))  # the platform key of the signer's suite
    enc = plat["enc_public"] if name == plat.get("suite", "intl/1") else plat["suites"][name]["enc_public"]
    data, _ = bundle.make(fields, plaintext, sign_private or key, base64.b64decode(enc))
    return data


def members(data: bytes) -> dict[str, bytes]:
    """An independent reader of the documented container (docs/bundle-format.md), using struct only."""
    import struct
    assert data[:8] == b"CDB1\r\n\x1a\n"
    pos, out = 8, {}
    while pos < len(data):
        (n,) = struct.unpack_from(">H", data, pos)
        name = data[pos + 2:pos + 2 + n].decode()
        (size,) = struct.unpack_from(">Q", data, pos + 2 + n)
        start = pos + 2 + n + 8
        out[name] = data[start:start + size]
        pos = start + size
    return out
