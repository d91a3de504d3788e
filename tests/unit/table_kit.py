"""The one runner of the rule tables in tests/unit/test_*_table.py: each row is a call written as Python text and
the outcome it must have, so a table reads as the rule's cases (R1–R22) and a new case is one line."""

from __future__ import annotations

from credit_desk.domain.errors import DomainError


def outcome(expr: str, namespace: dict) -> tuple:
    """Evaluate the call ``expr`` in ``namespace`` (the table module's globals()).

    Returns ("ok", repr(value)), ("refused", code, field, row, zh, en) for a clerk's sentence (DomainError), or
    ("raised", type name, message) for a programming-level refusal (ValueError, TypeError, KeyError)."""
    try:
        value = eval(expr, namespace)  # the call as written in the table
    except DomainError as e:
        return ("refused", e.code, e.field, e.row, e.zh, e.en)
    except (ValueError, TypeError, KeyError) as e:
        return ("raised", type(e).__name__, str(e))
    return ("ok", repr(value))
