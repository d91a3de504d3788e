"""The reference platform's per-change checks. A rejected change is named with a reason in the receipt;
the rest of the bundle is accepted (it never blocks the others)."""

from __future__ import annotations

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import check_kind_and_id


def check(change: dict, subjects: set[str]) -> tuple[str, str, str] | None:
    """(code, reason_zh, reason_en) when the change is rejected, else None; ``subjects`` learns accepted ones."""
    state = change["state"]
    if change["entity"] == "subject" and change["op"] in ("insert", "update", "upsert"):
        problem = _subject_problem(state)
        if problem:
            return problem
        subjects.add(str(change["entity_id"]))
        return None
    ref = state.get("subject_id")
    if ref is not None and str(ref) not in subjects:
        return ("SUBJECT_NOT_SHARED", f"所涉信用主体（编号 {ref}）尚未报送平台，请先报送该主体。",
                f"The subject (id {ref}) has not been sent to the platform; send it first.")
    return None


def _subject_problem(state: dict) -> tuple[str, str, str] | None:
    if not all(isinstance(state.get(k), str) and state.get(k) for k in ("kind", "name", "id_type", "id_number")):
        return ("SUBJECT_INCOMPLETE", "信用主体缺少名称、证件类型或证件号码。",
                "The subject lacks a name, an ID type or an ID number.")
    try:
        check_kind_and_id(state["kind"], state["id_type"], state["id_number"])
    except ValidationError as exc:
        return ("SUBJECT_ID_INVALID", exc.zh, exc.en)
    return None
