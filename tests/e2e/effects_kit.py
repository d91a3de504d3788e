"""Recording the effects of service calls (R14 and the sync outbox), shared by tests/e2e/test_service_effects.py
(flat services/ modules) and tests/e2e/test_disclosure_effects.py (the services.disclosure subpackage).

``record_effects`` wraps every given service function so that each top-level call leaves one frame
{"audit": [audit actions], "changes": ["entity.op", ...]} of what it wrote through ``Tx.audit`` / ``Tx.change``."""

from __future__ import annotations

import functools
import importlib
from collections import defaultdict

from credit_desk.store import tx as tx_store


def record_effects(monkeypatch, functions: dict[str, object], package: str, *,
                   keep_failed: bool) -> dict[str, list]:
    """functions: "module.name" -> function in ``package``; returns "module.name" -> frames, one per call.

    keep_failed: also keep the frame of a call that raised (its writes were rolled back, which the caller judges)."""
    seen: dict[str, list] = defaultdict(list)
    stack: list[dict] = []
    real_audit, real_change = tx_store.Tx.audit, tx_store.Tx.change

    def audit(self, **kw):
        for frame in stack:
            frame["audit"].append(kw["action"])
        return real_audit(self, **kw)

    def change(self, entity, entity_id, op, *args, **kw):
        for frame in stack:
            frame["changes"].append(f"{entity}.{op}")
        return real_change(self, entity, entity_id, op, *args, **kw)

    monkeypatch.setattr(tx_store.Tx, "audit", audit)
    monkeypatch.setattr(tx_store.Tx, "change", change)
    for name, fn in functions.items():
        module_name, attr = name.rsplit(".", 1)   # "module.fn", or "subpackage.module.fn"
        module = importlib.import_module(f"{package}.{module_name}")
        monkeypatch.setattr(module, attr, functools.wraps(fn)(_recorder(fn, name, stack, seen, keep_failed)))
    return seen


def _recorder(fn, name, stack, seen, keep_failed):
    def wrapped(*a, **kw):
        frame = {"audit": [], "changes": []}
        stack.append(frame)
        try:
            result = fn(*a, **kw)
        except BaseException:
            stack.pop()
            if keep_failed:
                seen[name].append(frame)
            raise
        stack.pop()
        seen[name].append(frame)
        return result
    return wrapped


def action_names(calls) -> set[str]:
    """The audit actions written by ``calls`` (frames of ``record_effects``)."""
    return {a for c in calls for a in c["audit"]}


def judge(seen: dict[str, list], table: dict[str, tuple]) -> list[str]:
    """Each service of ``table`` ("module.name" -> (audit action or None for none, {"entity.op", ...})) was called
    by the walk, wrote that audit row (or none), and exactly those change rows; returns the problems found."""
    problems = []
    for name, (action, want) in table.items():
        calls = seen.get(name)
        if not calls:
            problems.append(f"{name}: not called by the walk")
            continue
        got = action_names(calls)
        if (action is None and got) or (action is not None and action not in got):
            problems.append(f"{name}: audit rows {sorted(got)}, expected {action!r}")
        changes = {e for c in calls for e in c["changes"]}
        if changes != want:
            problems.append(f"{name}: change rows {sorted(changes)}, expected {sorted(want)}")
    return problems


def orphan_changes(seen: dict[str, list]) -> list[str]:
    """Calls that wrote change rows without any audit row (one transaction writes both, R14 with the outbox)."""
    return [f"{name}: change rows {c['changes']} without any audit row"
            for name, calls in seen.items() for c in calls if c["changes"] and not c["audit"]]
