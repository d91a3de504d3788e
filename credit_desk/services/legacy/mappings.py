"""Column mappings of an office's own ledger sheet: saved once (audited), found again by the sheet's headers."""

from __future__ import annotations

import re
from pathlib import Path

from credit_desk.domain import legacy
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import clean_id
from credit_desk.domain.masking import looks_personal, mask_id
from credit_desk.services.base import Session
from credit_desk.sheets import legacy_xlsx
from credit_desk.store import legacy as repo


def headers_key(mapping: dict[str, str]) -> str:
    """The key a mapping is found by: its mapped headers, normalised and sorted, joined by a tab."""
    return "\t".join(sorted(legacy.header_key(h) for h, k in mapping.items() if k))


def find_mapping(conn, headers: list[str]) -> dict | None:
    """The newest saved mapping whose every mapped header is among ``headers`` (most columns first), or None."""
    present = {legacy.header_key(h) for h in headers if legacy.text(h)}
    fits = [m for m in repo.mappings(conn) if m["headers_key"] and set(m["headers_key"].split("\t")) <= present]
    return max(fits, key=lambda m: (len(m["headers_key"].split("\t")), m["id"])) if fits else None


def save_mapping(session: Session, name: str, mapping: dict[str, str], headers: list[str]) -> dict:
    """Save a checked mapping {sheet header: field key} under ``name``; audited (``legacy.mapping``) and in the
    change log (entity ``legacy_mapping``). Raises ValidationError LEGACY_MAPPING naming the fault."""
    session.require("legacy.import")
    checked = legacy.check_mapping(mapping, headers)
    label = (name or "").strip()
    if not label or len(label) > 100:
        raise ValidationError("FIELD_REQUIRED", "请为列对应关系起一个名称（不超过100字）。",
                              "Give the column mapping a name (at most 100 characters).", field="name")
    key = headers_key(checked)
    with session.ledger.tx() as tx:
        mid = repo.save_mapping(tx, label, key, checked, session.user.username,
                                session.desk.now().isoformat(timespec="seconds"))
        session.audit(tx, "legacy.mapping", "legacy_mapping", mid, detail={"name": label, "columns": len(checked)})
        tx.change("legacy_mapping", mid, "insert", {"name": label, "mapping": checked})
    return {"id": mid, "name": label, "mapping": checked}


_PERSON_ID = re.compile(r"[0-9]{17}[0-9Xx]|[0-9]{15}")


def _masked(value: str) -> str:
    """R15: a resident ID number in the preview is shown masked (the screen may be photographed); the import
    itself reads the file, not the preview. Judged on its folded form (``ids.clean_id``: full width, spaces between
    the groups, a lower-case x — as office sheets type them, att19c), masked in that form."""
    folded = clean_id(value)
    return mask_id(folded) if _PERSON_ID.fullmatch(folded) or looks_personal(folded) else value


def list_mappings(session: Session) -> list[dict]:
    """Every saved mapping, newest first."""
    session.require("legacy.import")
    return repo.mappings(session.ledger.conn)


def preview_sheet(session: Session, path: Path, sheet: str | None = None) -> dict:
    """What the mapping dialog shows: the sheet, its header row and headers, the first rows, the saved mapping
    that fits these headers (or a first guess), and the product's fields. Reads the file only."""
    session.require("legacy.import")
    head = legacy_xlsx.read_head(Path(path), sheet)
    saved = find_mapping(session.ledger.conn, head.headers)
    if saved is not None:  # the saved headers may sit in another row of this file's layout: find them there
        head = legacy_xlsx.read_head(Path(path), sheet, wanted=list(saved["mapping"]))
    preview = [[_masked(v) for v in row] for row in head.preview]
    return {"sheet": head.sheet, "header_row": head.header_row, "headers": head.headers, "preview": preview,
            "notes": head.notes, "rows_estimate": head.rows_estimate,
            "saved": saved, "mapping": saved["mapping"] if saved else legacy.guess_mapping(head.headers),
            "fields": [{"key": f.key, "zh": f.zh, "en": f.en, "part": f.part, "required": f.required}
                       for f in legacy.FIELDS]}
