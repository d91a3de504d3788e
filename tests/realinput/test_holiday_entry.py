"""Issue 15 kind 9: the administrator enters next year's holiday schedule (R6, R20) — audited, with its source
document, overriding neither chinesecalendar nor a platform calendar without saying so."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from credit_desk.domain.errors import DomainError, PermissionDenied
from credit_desk.domain.workcal import LIBRARY_YEARS
from credit_desk.services import workdays
from credit_desk.store import reference

NEXT = max(LIBRARY_YEARS) + 1          # the first year the library does not carry
SRC = f"国办发明电〔{NEXT - 1}〕7号"


def _sat(year: int, month: int) -> dt.date:
    d = dt.date(year, month, 1)
    return d + dt.timedelta(days=(5 - d.weekday()) % 7)


REST = f"{NEXT}-01-01..{NEXT}-01-03, {NEXT}-10-01..{NEXT}-10-07"
WORK = _sat(NEXT, 9).isoformat()
TABLE = [  # (label, year, rest, work, source, replace, expected error code or None)
    ("valid", NEXT, REST, WORK, SRC, False, None),
    ("source with [ ] brackets", NEXT, REST, WORK, f"国办发明电[{NEXT - 1}]7号", False, None),
    ("no source", NEXT, REST, WORK, "  ", False, "CALENDAR_INVALID"),
    ("source of a wrong year", NEXT, REST, WORK, "国办发明电〔2001〕7号", False, "CALENDAR_INVALID"),
    ("rest day in another year", NEXT, f"{NEXT + 1}-01-01", "", SRC, False, "CALENDAR_INVALID"),
    ("make-up day on a weekday", NEXT, REST, (_sat(NEXT, 9) + dt.timedelta(days=2)).isoformat(), SRC, False,
     "CALENDAR_INVALID"),
    ("a day both rest and work", NEXT, f"{NEXT}-10-01..{NEXT}-10-07", f"{NEXT}-10-03", SRC, False, "CALENDAR_INVALID"),
    ("not a date", NEXT, f"{NEXT}-13-01", "", SRC, False, "CALENDAR_INVALID"),
    ("no rest days", NEXT, "", WORK, SRC, False, "CALENDAR_INVALID"),
    ("a year the library carries", 2026, "2026-01-01", "", "国办发明电〔2025〕7号", False, "CALENDAR_WOULD_OVERRIDE"),
    ("the library's year, replace said", 2026, "2026-01-01..2026-01-03", "", "国办发明电〔2025〕7号", True, None),
]


@pytest.mark.parametrize("label,year,rest,work,source,replace,expected", TABLE, ids=[t[0] for t in TABLE])
def test_r20_holiday_entry_table(admin, label, year, rest, work, source, replace, expected):
    try:
        r = workdays.enter_holiday_year(admin, year, rest, work, source, replace=replace)
    except DomainError as exc:
        assert exc.code == expected, (label, exc.zh)
        assert reference.calendar_year(admin.ledger.conn, year) is None  # nothing changed
        return
    assert expected is None, label
    stored = reference.calendar_year(admin.ledger.conn, year)
    assert stored["origin"] == "admin" and stored["entered_by"] == "admin" and "〔" in stored["source"]
    audit = admin.ledger.query("SELECT detail FROM audit WHERE action = 'calendar.manage'")[-1]
    assert json.loads(audit["detail"])["overrides"] == r["overrides"] == (["chinesecalendar"] if replace else [])
    change = admin.ledger.query("SELECT entity, entity_id FROM changes ORDER BY id DESC LIMIT 1")[0]
    assert change == {"entity": "calendar_year", "entity_id": str(year)}


def test_r6_entered_year_counts_its_holidays_and_no_warning(admin):
    before = workdays.add_workdays(admin.desk, dt.date(NEXT, 9, 28), 5)
    assert before.missing_years == (NEXT,)
    workdays.enter_holiday_year(admin, NEXT, REST, WORK, SRC)
    after = workdays.add_workdays(admin.desk, dt.date(NEXT, 9, 28), 5)
    assert after.missing_years == () and after.date > before.date  # 国庆 counted as rest days now


def test_r20_platform_calendar_is_not_overridden_silently(admin):
    with admin.ledger.tx() as tx:
        reference.set_calendar_year(tx, NEXT, {dt.date(NEXT, 1, 1): False}, "平台下发", "platform")
    with pytest.raises(DomainError) as err:
        workdays.enter_holiday_year(admin, NEXT, REST, WORK, SRC)
    assert err.value.code == "CALENDAR_WOULD_OVERRIDE" and "平台" in err.value.zh
    r = workdays.enter_holiday_year(admin, NEXT, REST, WORK, SRC, replace=True)
    assert r["overrides"] == ["platform"]


def test_r14_only_the_administrator_enters_holidays(clerk):
    with pytest.raises(PermissionDenied):
        workdays.enter_holiday_year(clerk, NEXT, REST, WORK, SRC)


def test_cli_holidays_enter(office):
    code, out, err = office("workdays", "holidays", "--year", str(NEXT), "--rest", REST, "--work", WORK,
                            "--source", SRC)
    assert code == 0, err
    assert f"已录入{NEXT}年节假日安排" in out
    code, out, err = office("workdays", "holidays", "--year", "2026", "--rest", "2026-01-01", "--source",
                            "国办发明电〔2025〕7号")
    assert code != 0 and "CALENDAR_WOULD_OVERRIDE" in err and "--replace" in err and "Traceback" not in err


def _platform_year(admin, days: dict, source: str):
    from credit_desk.services import downstream
    with admin.ledger.tx() as tx:
        return downstream._calendar(tx, admin.ledger.conn, {"year": NEXT, "source": source, "days": days}, 1,
                                    ("2026-11-30T10:00:00", "sha"))


def test_r20_platform_calendar_never_replaces_an_admin_entry_silently(admin):
    workdays.enter_holiday_year(admin, NEXT, REST, WORK, SRC)
    mine = reference.calendar_year(admin.ledger.conn, NEXT)
    note = _platform_year(admin, {f"{NEXT}-01-01": False, f"{NEXT}-05-01": False}, "国办发明电〔平台〕1号")
    assert note["code"] == "CALENDAR_HELD" and SRC in note["zh"] and "holidays-accept" in note["zh"]
    assert reference.calendar_year(admin.ledger.conn, NEXT) == mine  # the admin's entry stays in force
    (held,) = workdays.held_platform_years(admin)
    assert f"{NEXT}-05-01" in held["differs"] and f"{NEXT}-10-01" in held["differs"]
    r = workdays.accept_platform_year(admin, NEXT)
    assert r["replaced"] == SRC and workdays.held_platform_years(admin) == []
    now = reference.calendar_year(admin.ledger.conn, NEXT)
    assert now["origin"] == "platform" and now["rest_days"] == [f"{NEXT}-01-01", f"{NEXT}-05-01"]
    with pytest.raises(DomainError) as err:
        workdays.accept_platform_year(admin, NEXT)
    assert err.value.code == "CALENDAR_NOTHING_HELD"


def test_r20_platform_calendar_equal_to_the_admin_entry_takes_its_place(admin):
    workdays.enter_holiday_year(admin, NEXT, REST, WORK, SRC)
    mine = reference.calendar_year(admin.ledger.conn, NEXT)
    days = {**{d: False for d in mine["rest_days"]}, **{d: True for d in mine["workdays"]}}
    assert _platform_year(admin, days, "国办发明电〔平台〕1号") is None
    assert reference.calendar_year(admin.ledger.conn, NEXT)["origin"] == "platform"


def test_cli_platform_calendar_held_behind_the_admin_entry(cli, office, business, tmp_path):
    from credit_desk.intake.receiver import Intake
    code, out, err = office("workdays", "holidays", "--year", str(NEXT), "--rest", REST, "--work", WORK,
                            "--source", SRC)
    assert code == 0, err
    intake_dir = tmp_path / "platform"
    assert cli("intake", "init", "--data", str(intake_dir), user=None)[0] == 0
    assert office("keys", "import-platform", str(intake_dir / "platform.keys.json"))[0] == 0
    assert office("keys", "export-public", "--to", str(tmp_path / "o.json"))[0] == 0
    assert cli("intake", "register", "--data", str(intake_dir), str(tmp_path / "o.json"), user=None)[0] == 0
    ledger_id = json.loads(office("--json", "keys", "show")[1])["office"]
    name, data = Intake(intake_dir).publish(ledger_id, [{"kind": "calendar", "version": 1, "data": {
        "year": NEXT, "source": "国办发明电〔平台〕1号", "days": {f"{NEXT}-01-01": False}}}])
    (tmp_path / name).write_bytes(data)
    code, out, err = business("bundle", "import", str(tmp_path / name))  # R14: a clerk imports, not the admin
    assert code == 0 and "仍按管理员录入的执行" in out and f"holidays-accept {NEXT}" in out, (out, err)
    code, out, err = office("workdays", "holidays-held")
    assert code == 0 and f"{NEXT}-10-01" in out
    code, out, err = office("workdays", "add", f"{NEXT}-09-30", "1", user=None)
    assert out.strip() == f"{NEXT}-10-08"  # the admin's 国庆 still counts
    code, out, err = office("workdays", "holidays-accept", str(NEXT))
    assert code == 0 and "改按平台下发" in out, err
    code, out, err = office("workdays", "add", f"{NEXT}-09-30", "1", user=None)
    assert out.strip() != f"{NEXT}-10-08"  # the platform's schedule now
