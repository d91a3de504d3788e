"""The reference intake's own state, as files in its data folder (no database: one writer, small state).

    platform.json            platform id and name
    platform.key.json        its private Ed25519 + X25519 keys (mode 0600)
    platform.keys.json       the public key file offices import (keys import-platform)
    offices/<office id>/office.json     the office's registered public keys (and rotations learned)
    offices/<office id>/state.json      sequence and hash of the last bundle, last change id, subjects
                                        received, downstream sequence/hash/versions — written LAST,
                                        so it is the commit point of every receive and publish
    offices/<office id>/bundles/NNNNNN.cdb, receipts/NNNNNN.cdb, results/NNNNNN.json,
    offices/<office id>/changes/NNNNNN.jsonl, attachments/NNNNNN/<name>, downstream/NNNNNN.cdb
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from credit_desk import atomic
from credit_desk.domain.errors import DomainError

OFFICE_ID = re.compile(r"[0-9a-fA-F][0-9a-fA-F\-]{7,63}")


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_atomic(path, data, mode=mode)


def write_json(path: Path, doc, mode: int = 0o644) -> None:
    write_atomic(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"), mode)


def read_json(path: Path, default=None):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default


class IntakeStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def require(self) -> None:
        if not (self.folder / "platform.key.json").exists():
            raise DomainError("INTAKE_NOT_INITIALISED", f"{self.folder} 不是已初始化的接收端目录，请先执行 intake init。",
                              f"{self.folder} is not an initialised intake folder; run intake init first.")

    def office_dir(self, office: str) -> Path:
        if not OFFICE_ID.fullmatch(office or ""):
            raise DomainError("OFFICE_ID_BAD", "单位编号格式不对。", "The office id is malformed.", field="office")
        return self.folder / "offices" / office

    def office(self, office: str) -> dict | None:
        return read_json(self.office_dir(office) / "office.json")

    def save_office(self, office: str, doc: dict) -> None:
        write_json(self.office_dir(office) / "office.json", doc)

    def state(self, office: str) -> dict:
        base = {"last_seq": 0, "last_hash": "", "last_change_id": 0, "subjects": [], "down_seq": 0, "down_hash": "",
                "versions": {}}
        return {**base, **(read_json(self.office_dir(office) / "state.json", {}) or {})}

    def save_state(self, office: str, state: dict) -> None:
        write_json(self.office_dir(office) / "state.json", state)

    def file(self, office: str, kind: str, seq: int, ext: str) -> Path:
        return self.office_dir(office) / kind / f"{seq:06d}.{ext}"
