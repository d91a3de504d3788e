"""Downstream bundles from the platform, applied all-or-nothing (R2, R8, R20; joint-punishment lists).

TUF-style protection: each kind carries a monotonic version (an older or equal one is refused, so an
older edition can never replace a newer one), every bundle has an expiry, and downstream bundles carry
their own sequence + previous-hash chain, so a replayed or reordered bundle is refused too. Unlike the
upstream direction a gap is allowed: every item is a whole state, so a later bundle supersedes a missed one.
"""

from __future__ import annotations

import base64
from datetime import date

from credit_desk.domain import suites
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.ids import id_search_forms
from credit_desk.domain.reference import parse_catalogue, parse_measures
from credit_desk.domain.rulesets import RuleSet
from credit_desk.domain.textkey import search_key
from credit_desk.services.base import Session
from credit_desk.store import meta, reference, sync_state
from credit_desk.sync import bundle, payload
from credit_desk.sync.refusals import refused

DOWNSTREAM_SUITE = "sync.downstream_suite"  # meta: the suite of the last applied downstream bundle (issue 22)
JOINT_LIST_TYPES = frozenset({"black", "watch", "court_enforcement", "other"})


def apply(session: Session, opened: bundle.Opened, plain: bytes) -> dict:
    """Check chain and versions, then apply every item in one transaction (or none of them)."""
    conn = session.ledger.conn
    seq, head = sync_state.downstream_head(conn)
    if opened.manifest.sequence > seq + 1:
        # Items are whole states, so a bundle the office never applied (refused or lost) is superseded
        # by a later one; replays and a wrong previous-hash right after the last one are still refused.
        seq, head = opened.manifest.sequence - 1, opened.manifest.previous_hash
    bundle.check_chain(opened, seq, head)
    versions = opened.manifest.doc.get("versions")
    if not isinstance(versions, dict):
        raise refused("BUNDLE_MANIFEST_BAD", why="versions")
    items = payload.parse_downstream(plain, versions)
    have = sync_state.versions(conn)
    for item in items:
        current = have.get(item["kind"], {}).get("version", 0)
        if item["version"] <= current:
            raise refused("DOWNSTREAM_ROLLBACK", kind=item["kind"], got=item["version"], have=current)
    notes = []
    with session.ledger.tx() as tx:
        for row, item in enumerate(items, 1):
            note = _apply_item(tx, conn, row, item, (session.desk.now().isoformat(timespec="seconds"),
                                                     opened.digest))
            notes += [note] if note else []
            sync_state.set_version(tx, item["kind"], item["version"], opened.manifest.expires_at, opened.digest)
        if any(i["kind"] == "calendar" for i in items):
            from credit_desk.services import deadline_calendar
            deadline_calendar.recheck_in_tx(session, tx, "platform")  # R20: stored deadlines follow the calendar
        sync_state.record_inbound(tx, opened.digest, "downstream", opened.manifest.sequence, None)
        meta.set_meta(tx, DOWNSTREAM_SUITE, opened.manifest.suite)  # the floor for the next one (no downgrade)
        detail = {i["kind"]: i["version"] for i in items}
        # R14 (issue 14): the audit row names the platform key a key change pinned (audit verify trusts
        # receipts signed by keys named so, never by a key inserted with SQL)
        detail.update({"platform_sign": [signing.fingerprint(base64.b64decode(i["data"]["sign_public"]))
                                         for i in items if i["kind"] == "platform_keys"]} if "platform_keys" in detail
                      else {})
        session.audit(tx, "bundle.downstream", "bundle", opened.manifest.sequence,
                      detail={**detail, **({"held_calendar_years": [n["year"] for n in notes]} if notes else {})})
    return {"type": "downstream", "sequence": opened.manifest.sequence,
            "applied": {i["kind"]: i["version"] for i in items}, "notes": notes}


def _apply_item(tx, conn, row: int, item: dict, arrival: tuple[str, str]) -> dict | None:
    kind, data = item["kind"], item["data"]
    try:
        if kind == "calendar":
            return _calendar(tx, conn, data, item["version"], arrival)
        return _APPLY[kind](tx, conn, data, item["version"])
    except ValidationError as exc:
        raise refused("DOWNSTREAM_ITEM_BAD", row=row, kind=kind, why=exc.zh) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise refused("DOWNSTREAM_ITEM_BAD", row=row, kind=kind, why=f"{type(exc).__name__}: {exc}"[:200]) from None


def _edition(tx, conn, data, kind: str, parse, add) -> None:
    ed = parse(data)
    if ed.is_sample:  # R2: the platform sends official editions; the built-in sample is the only 示例
        raise ValidationError("REFERENCE_INVALID", "平台下发的版本不能标为示例（sample）。", "A platform edition cannot be a sample.")
    if sync_state.reference_exists(conn, kind, ed.edition):
        raise ValidationError("REFERENCE_INVALID", f"版本「{ed.edition}」已存在。", f"Edition {ed.edition} exists already.")
    add(tx, ed, is_sample=False)


def _catalogue(tx, conn, data, version: int) -> None:
    """R2: a catalogue edition replaces the active one."""
    _edition(tx, conn, data, "catalogue", parse_catalogue, reference.add_catalogue_edition)


def _measures(tx, conn, data, version: int) -> None:
    """R8: a measures-list edition replaces the active one."""
    _edition(tx, conn, data, "measures", parse_measures, reference.add_measure_edition)


def _rule_set(tx, conn, data, version: int) -> None:
    """R20: a new dated rule set; cases keep the one they were judged by."""
    rs = RuleSet.from_dict(data)
    if sync_state.reference_exists(conn, "rule_set", rs.code):
        raise ValidationError("RULE_SET_INVALID", f"规则集「{rs.code}」已存在。", f"Rule set {rs.code} exists already.")
    reference.add_rule_set(tx, rs)


def _calendar(tx, conn, data, version: int, arrival: tuple[str, str] = ("", "")) -> dict | None:
    """R6/R20: one year's public holidays and make-up workdays, replacing that year's overrides.

    Issue 15 kind 9: a year the administrator entered is never replaced silently. The same days: the platform's
    schedule takes its place (it is the same schedule). Different days: the administrator's entry stays in force,
    the platform's is held (``calendar_held``) until the administrator accepts it, and the returned note says so.
    """
    year, source, days = data["year"], data["source"], data["days"]
    if not isinstance(year, int) or not isinstance(source, str) or not source.strip() or not isinstance(days, dict):
        raise ValueError("year / source / days")
    if not 1900 <= year <= 9999:  # 10**30 overflowed SQLite (found by the issue-10 corpus)
        raise ValueError("year")
    parsed = {}
    for text, workday in days.items():
        d = date.fromisoformat(text)
        if d.year != year or not isinstance(workday, bool):
            raise ValueError(f"day {text}")
        parsed[d] = workday
    stored = reference.calendar_year(conn, year)
    if stored and stored["origin"] == "admin" and _days_of(stored) != parsed:
        reference.hold_calendar_year(tx, year, parsed, source.strip(), *arrival)
        return held_calendar_note(year, stored["source"], source.strip())
    reference.set_calendar_year(tx, year, parsed, source.strip())
    reference.drop_held_calendar_year(tx, year)
    return None


def _days_of(stored: dict) -> dict[date, bool]:
    return {**{date.fromisoformat(d): False for d in stored["rest_days"]},
            **{date.fromisoformat(d): True for d in stored["workdays"]}}


def held_calendar_note(year: int, admin_source: str, platform_source: str) -> dict:
    """What the administrator is told when a platform schedule is held back (zh first, en second)."""
    return {"code": "CALENDAR_HELD", "year": year,
            "zh": f"{year}年节假日安排：平台下发的安排（{platform_source}）与管理员录入的（{admin_source}）不同，"
                  f"仍按管理员录入的执行；核对后如以平台为准，请运行 workdays holidays-accept {year}"
                  "（窗口中：设置 → 节假日安排）。",
            "en": f"Holiday schedule {year}: the platform's ({platform_source}) differs from the one the "
                  f"administrator entered ({admin_source}); the administrator's stays in force until accepted "
                  f"(workdays holidays-accept {year})."}


def _joint_list(tx, conn, data, version: int) -> None:
    """联合惩戒名单: the platform's whole current set of entries; the clerk's decisions are kept."""
    entries, seen = [], set()
    for lst in data["lists"]:
        list_id, title, list_type = lst["list_id"], lst["title"], lst["list_type"]
        if list_type not in JOINT_LIST_TYPES or not all(isinstance(x, str) and x for x in (list_id, title)):
            raise ValueError("list_id / title / list_type")
        for e in lst["entries"]:
            if not isinstance(e.get("entry_id"), str) or not isinstance(e.get("name"), str) or not e["name"]:
                raise ValueError("entry_id / name")
            # Stored columns must be text, entry ids unique: a dict or a repeated id crashed the insert (corpus)
            if not all(isinstance(e.get(k), (str, type(None))) for k in ("id_type", "id_number")) \
                    or e["entry_id"] in seen:
                raise ValueError(f"entry {e['entry_id'][:40]}: id_type / id_number / repeated entry_id")
            seen.add(e["entry_id"])
            # the one normaliser (full-width digits, spaces); a 15-digit ID is kept in its 18-digit form
            number = id_search_forms(search_key(e.get("id_number")))[-1] or None
            entries.append({**e, "id_number": number, "list_id": list_id, "list_title": title, "list_type": list_type})
    sync_state.replace_joint_entries(tx, entries, version)


def _platform_keys(tx, conn, data, version: int) -> None:
    """A platform key change, signed by the key pinned until now (never by a plain file import)."""
    raw = {}
    for name in ("sign_public", "enc_public"):
        try:
            raw[name] = base64.b64decode(data[name], validate=True)
        except (ValueError, TypeError):  # ValueError: binascii.Error, or non-ASCII text
            raise ValueError(name) from None
        try:  # issue 22: a key pair of one suite (32-byte intl/1 or 65-byte gm/1 keys on the SM2 curve)
            raw[name + "_suite"] = suites.check_public(raw[name]).name
        except (DomainError, ValueError):
            raise ValueError(name) from None
    if raw.pop("sign_public_suite") != raw.pop("enc_public_suite"):
        raise ValueError("suite")
    sync_state.pin_platform(tx, data["platform"], data.get("name") or data["platform"], raw["sign_public"],
                            raw["enc_public"], "bundle")


_APPLY = {"catalogue": _catalogue, "measures": _measures, "rule_set": _rule_set, "calendar": _calendar,
          "joint_list": _joint_list, "platform_keys": _platform_keys}
