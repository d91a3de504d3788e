"""Field checks shared by the domain's input parsers: one sentence, Chinese first, naming the field."""

from __future__ import annotations

from datetime import date

from credit_desk.domain.errors import ValidationError


def parse_enum(cls, value, field: str, label: str):
    """``cls(value)``, or a refusal listing the allowed values with their Chinese names (``cls`` members have .zh)."""
    try:
        return cls(value)
    except ValueError:
        allowed = "、".join(f"{m.value}（{m.zh}）" for m in cls)
        raise ValidationError("FIELD_VALUE", f"{label}「{value}」无效，可选：{allowed}。",
                              f"{field} '{value}' is not one of {[m.value for m in cls]}.", field=field) from None


def require_text(value: str | None, field: str, label: str, limit: int = 2000) -> str:
    text = (value or "").strip()
    if not text or len(text) > limit:
        raise ValidationError("FIELD_REQUIRED", f"{label}不能为空，且不超过{limit}字。",
                              f"{field} is required (at most {limit} characters).", field=field)
    return text


def not_in_future(d: date, today: date, field: str, label: str) -> date:
    if d > today:
        raise ValidationError("DATE_IN_FUTURE", f"{label}（{d.isoformat()}）不能晚于今天。",
                              f"{field} ({d.isoformat()}) cannot be in the future.", field=field)
    return d
