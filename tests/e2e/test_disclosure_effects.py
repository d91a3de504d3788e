"""Effects and access of the 双公示 services (issue 19 item 1; R14 and the sync outbox), as
tests/e2e/test_service_effects.py does for the flat services/ modules (whose scan does not enter subpackages):
every public function of credit_desk.services.disclosure.* that takes a session is classified below — a new one
fails until it is — and a walk through the CLI shows each writing one writes its audit row and exactly the change
rows the platform must get, each read writes none, and each checks its role first."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil

import pytest

from credit_desk.domain.roles import ACTION_ZH, PERMISSIONS
from credit_desk.domain.rulesets import add_months
from credit_desk.services import disclosure as pkg
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import REVIEWER, desk, ok, staffed_template  # noqa: F401
from tests.e2e.effects_kit import record_effects
from tests.e2e.disclosure_kit import AUTHORITY, penalty_row, write_sheet

TODAY = TEST_NOW.date()
# function -> (the role action it requires first, the audit action it must write, the change rows "entity.op")
MUST_WRITE = {
    "register.add_decision": ("disclosure.manage", "disclosure.add", {"admin_decision.insert"}),
    "register.publish": ("disclosure.publish", "disclosure.publish", {"admin_decision.publish"}),
    "register.revoke": ("disclosure.manage", "disclosure.revoke", {"admin_decision.revoke"}),
    "register.correct": ("disclosure.manage", "disclosure.correct", {"admin_decision.correct"}),   # att19d
    "register.show_decision": ("disclosure.view", "disclosure.view", set()),        # R14: logged, not synced
    "sheet.import_sheet": ("disclosure.manage", "disclosure.import", {"admin_decision.insert"}),
    "sheet.export_upload": ("disclosure.publish", "disclosure.export", set()),
}
# R13: runs for every user as the daily check; writes its audit and change rows (judged in the walk too)
AUTOMATIC = {"register.stop_ended": ("disclosure.publication_stop", {"admin_decision.publication_stop"})}
READS = {"register.list_decisions": "disclosure.view", "register.list_page": "disclosure.view",
         "register.tallies": "disclosure.view", "sheet.write_template": "disclosure.view",
         "notices.repair_notice_item": "document.print"}
INTERNAL = {"register.prepare", "register.with_deadline", "register.save_in_tx", "register.stop_ended_in_tx"}


def service_functions() -> dict[str, object]:
    found = {}
    for info in pkgutil.iter_modules(pkg.__path__):
        mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
        for name, fn in inspect.getmembers(mod, inspect.isfunction):
            params = list(inspect.signature(fn).parameters)
            if fn.__module__ == mod.__name__ and not name.startswith("_") and params and params[0] == "session":
                found[f"{info.name}.{name}"] = fn
    return found


def test_r14_every_disclosure_service_is_classified_and_checks_its_role_first():
    found = service_functions()
    table = set(MUST_WRITE) | set(AUTOMATIC) | set(READS) | INTERNAL
    assert set(found) == table, (sorted(set(found) - table), sorted(table - set(found)))
    for name, action in {**{k: v[0] for k, v in MUST_WRITE.items()}, **READS}.items():
        assert action in PERMISSIONS and action in ACTION_ZH, name
        body = [line.strip() for line in inspect.getsource(found[name]).split('"""')[-1].splitlines() if line.strip()]
        assert body[0].split('#')[0].strip() == f'session.require("{action}")', (name, body[0])


@pytest.fixture
def effects(monkeypatch):
    return record_effects(monkeypatch, service_functions(), pkg.__name__, keep_failed=True)


def _walk(desk, tmp_path, pinned_clock) -> None:
    decided = add_months(TODAY, -12) + dt.timedelta(days=1)       # a 一般 penalty whose period ends tomorrow
    path = tmp_path / "dept.xlsx"
    write_sheet(path, [penalty_row(1, decided), penalty_row(2, TODAY - dt.timedelta(days=2), tier="严重")])
    ids = ok(desk, "decision", "import", str(path))["ids"]
    ok(desk, "decision", "template", str(tmp_path / "blank.xlsx"))
    lic = ok(desk, "decision", "add", "--kind", "行政许可", "--party-name", "淮安市清江浦区某某餐饮有限公司",
             "--party-kind", "法人及非法人组织", "--uscc", penalty_row(3, TODAY)["uscc"], "--rep-name", "王建国",
             "--rep-id-type", "居民身份证", "--rep-id-number", penalty_row(3, TODAY)["rep_id_number"],
             "--doc-number", "清市监许〔2026〕9号", "--category", "核准", "--content", "食品经营许可",
             "--decision-date", TODAY.isoformat(), "--authority", AUTHORITY[0], "--authority-uscc", AUTHORITY[1],
             "--source-unit", AUTHORITY[0], "--source-uscc", AUTHORITY[1])["id"]
    ok(desk, "decision", "publish", *map(str, ids), str(lic), user=REVIEWER)
    ok(desk, "decision", "show", str(ids[1]), "--purpose", "核对公示数据")
    ok(desk, "decision", "list")
    ok(desk, "decision", "correct", str(ids[1]), "--reason", "市监局更正函：罚款金额有误", "--fine-wan", "0.3")
    ok(desk, "decision", "revoke", str(lic), "--reason", "许可机关依法撤回该许可")
    ok(desk, "decision", "export-sheet", str(tmp_path / "up.xlsx"), user=REVIEWER)
    ok(desk, "print", "repair_notice", "--decision", str(ids[1]), "--out", str(tmp_path / "n.pdf"))
    pinned_clock["now"] = TEST_NOW + dt.timedelta(days=2)         # the daily check of the next command ends it
    assert {r["id"]: r["state"] for r in ok(desk, "decision", "list")}[ids[0]] == "ended"


def test_every_writing_disclosure_service_writes_its_audit_row_and_its_change_rows(desk, effects, tmp_path,
                                                                                   pinned_clock):
    _walk(desk, tmp_path, pinned_clock)
    problems = []
    for name, (_role, action, want) in {**MUST_WRITE, **{k: ("", *v) for k, v in AUTOMATIC.items()}}.items():
        calls = [c for c in effects.get(name, []) if c["audit"] or c["changes"]] or effects.get(name, [])
        if not calls:
            problems.append(f"{name}: not called by the walk")
            continue
        if action not in {a for c in calls for a in c["audit"]}:
            problems.append(f"{name}: no audit row {action!r}")
        if {e for c in calls for e in c["changes"]} != want:
            problems.append(f"{name}: change rows {sorted({e for c in calls for e in c['changes']})}, expected {want}")
    for name in READS:
        if any(c["changes"] for c in effects.get(name, [])):
            problems.append(f"{name}: a read wrote change rows")
    for name, calls in effects.items():
        if any(c["changes"] and not c["audit"] for c in calls):
            problems.append(f"{name}: change rows without an audit row")
    assert not problems, "\n".join(problems)
