"""Reference data: catalogue and measures editions (R2, R8), rule sets (R20), calendar overrides (R6)."""

from __future__ import annotations

import json
from datetime import date

from credit_desk.domain.reference import CatalogueItem, Edition, MeasureItem
from credit_desk.domain.rulesets import RuleSet
from credit_desk.store.tx import now_iso


def add_catalogue_edition(tx, ed: Edition, *, is_sample: bool, activate: bool = True) -> None:
    tx.execute("INSERT INTO catalogue_editions (edition, label, source, is_sample, loaded_at, active) "
               "VALUES (?, ?, ?, ?, ?, 0)", (ed.edition, ed.label, ed.source, int(is_sample), now_iso()))
    tx.executemany(
        "INSERT INTO catalogue_items (edition, code, group_name, name, legal_basis, shareable, share_scope, "
        "publishable, publication_tiering, dishonesty) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(ed.edition, i.code, i.group, i.name, i.legal_basis, int(i.shareable), i.share_scope,
          int(i.publishable), int(i.publication_tiering), int(i.dishonesty)) for i in ed.items])
    if activate:
        tx.execute("UPDATE catalogue_editions SET active = (edition = ?)", (ed.edition,))


def add_measure_edition(tx, ed: Edition, *, is_sample: bool, activate: bool = True) -> None:
    tx.execute("INSERT INTO measure_editions (edition, label, source, is_sample, loaded_at, active) "
               "VALUES (?, ?, ?, ?, ?, 0)", (ed.edition, ed.label, ed.source, int(is_sample), now_iso()))
    tx.executemany(
        "INSERT INTO measure_items (edition, code, name, basis, list_types, kind, severity, catalogue_groups, "
        "domains) VALUES (?,?,?,?,?,?,?,?,?)",
        [(ed.edition, m.code, m.name, m.basis, json.dumps(list(m.list_types)), m.kind, m.severity,
          json.dumps(list(m.catalogue_groups), ensure_ascii=False), json.dumps(list(m.domains), ensure_ascii=False))
         for m in ed.items])
    if activate:
        tx.execute("UPDATE measure_editions SET active = (edition = ?)", (ed.edition,))


def catalogue_group(conn, edition: str, code: str) -> str | None:
    """The catalogue group (e.g. 司法裁判及执行信息) of one item of one edition."""
    row = conn.execute("SELECT group_name FROM catalogue_items WHERE edition = ? AND code = ?",
                       (edition, code)).fetchone()
    return row[0] if row else None


def active_catalogue(conn) -> tuple[dict, list[CatalogueItem]] | None:
    head = conn.execute("SELECT edition, label, source, is_sample FROM catalogue_editions "
                        "WHERE active = 1").fetchone()
    if not head:
        return None
    rows = conn.execute("SELECT code, group_name, name, legal_basis, shareable, share_scope, publishable, "
                        "publication_tiering, dishonesty FROM catalogue_items WHERE edition = ? ORDER BY code",
                        (head[0],))
    items = [CatalogueItem(c, g, n, b, bool(s), sc, bool(p), bool(t), bool(d), sample=bool(head[3]))
             for c, g, n, b, s, sc, p, t, d in rows]
    return {"edition": head[0], "label": head[1], "source": head[2], "is_sample": bool(head[3])}, items


def active_measures(conn) -> tuple[dict, list[MeasureItem]] | None:
    head = conn.execute("SELECT edition, label, source, is_sample FROM measure_editions "
                        "WHERE active = 1").fetchone()
    if not head:
        return None
    rows = conn.execute("SELECT code, name, basis, list_types, kind, severity, catalogue_groups, domains "
                        "FROM measure_items WHERE edition = ? ORDER BY code", (head[0],))
    items = [MeasureItem(c, n, b, tuple(json.loads(lt)), k, s, sample=bool(head[3]),
                         catalogue_groups=tuple(json.loads(g)), domains=tuple(json.loads(dm)))
             for c, n, b, lt, k, s, g, dm in rows]
    return {"edition": head[0], "label": head[1], "source": head[2], "is_sample": bool(head[3])}, items


def sample_editions_of_case(conn, case_id: int) -> list[str]:
    """Labels of the sample (示例) catalogue and measures-list editions a case rests on: its records' catalogue
    editions and, once decided, the edition its measures came from (else the active measures list)."""
    rows = conn.execute(
        "SELECT e.label FROM case_records cr JOIN records r ON r.id = cr.record_id "
        "JOIN catalogue_editions e ON e.edition = r.catalogue_edition WHERE cr.case_id = ? AND e.is_sample = 1 "
        "UNION SELECT e.label FROM case_measures m JOIN measure_editions e ON e.edition = m.edition "
        "WHERE m.case_id = ? AND e.is_sample = 1 "
        "UNION SELECT label FROM measure_editions WHERE active = 1 AND is_sample = 1 "
        "AND NOT EXISTS (SELECT 1 FROM case_measures WHERE case_id = ?)", (case_id, case_id, case_id)).fetchall()
    return sorted({r[0] for r in rows})


def catalogue_item(conn, edition: str, code: str) -> CatalogueItem | None:
    """One item of a catalogue edition (R2, R15: its legal basis and whether it may be published)."""
    r = conn.execute("SELECT i.code, i.group_name, i.name, i.legal_basis, i.shareable, i.share_scope, i.publishable, "
                     "i.publication_tiering, i.dishonesty, e.is_sample FROM catalogue_items i JOIN catalogue_editions e "
                     "ON e.edition = i.edition WHERE i.edition = ? AND i.code = ?", (edition, code)).fetchone()
    if r is None:
        return None
    return CatalogueItem(r[0], r[1], r[2], r[3], bool(r[4]), r[5], bool(r[6]), bool(r[7]), bool(r[8]),
                         sample=bool(r[9]))


def add_rule_set(tx, rs: RuleSet) -> None:
    tx.execute("INSERT INTO rule_sets (code, effective_from, source, params) VALUES (?, ?, ?, ?)",
               (rs.code, rs.effective_from.isoformat(), rs.source, json.dumps(rs.to_dict(), ensure_ascii=False)))


def rule_sets(conn) -> list[RuleSet]:
    rows = conn.execute("SELECT params FROM rule_sets ORDER BY effective_from")
    return [RuleSet.from_dict(json.loads(r[0])) for r in rows]


def calendar_overrides(conn) -> tuple[dict[date, bool], set[int]]:
    days = {date.fromisoformat(d): bool(w) for d, w in conn.execute("SELECT day, is_workday FROM calendar_days")}
    years = {y for (y,) in conn.execute("SELECT year FROM calendar_years")}
    return days, years


def calendar_known_years(conn) -> set[int]:
    """Years whose holiday schedule the overrides carry whole (R20)."""
    return {y for (y,) in conn.execute("SELECT year FROM calendar_years")}


def set_calendar_year(tx, year: int, days: dict[date, bool], source: str, origin: str = "platform",
                      entered_by: str | None = None, entered_at: str | None = None) -> None:
    """Replace one year's overrides as a whole (all-or-nothing within the caller's transaction).

    ``origin``: ``platform`` (a downstream bundle) or ``admin`` (entered by the administrator, issue 15).
    """
    tx.execute("DELETE FROM calendar_days WHERE day LIKE ?", (f"{year}-%",))
    tx.executemany("INSERT INTO calendar_days (day, is_workday, source) VALUES (?, ?, ?)",
                   [(d.isoformat(), int(w), source) for d, w in sorted(days.items())])
    tx.execute("INSERT INTO calendar_years (year, source, origin, entered_by, entered_at) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT(year) DO UPDATE SET source = excluded.source, origin = excluded.origin, "
               "entered_by = excluded.entered_by, entered_at = excluded.entered_at",
               (year, source, origin, entered_by, entered_at))


def hold_calendar_year(tx, year: int, days: dict[date, bool], source: str, received_at: str,
                       bundle: str | None) -> None:
    """Keep a platform schedule that differs from the administrator's entry for that year (issue 15)."""
    tx.execute("INSERT INTO calendar_held (year, source, days, received_at, bundle) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT(year) DO UPDATE SET source = excluded.source, days = excluded.days, "
               "received_at = excluded.received_at, bundle = excluded.bundle",
               (year, source, json.dumps({d.isoformat(): w for d, w in sorted(days.items())}), received_at, bundle))


def held_calendar_years(conn) -> list[dict]:
    """Platform schedules waiting for the administrator: year, source, days (date → is workday), received_at."""
    rows = conn.execute("SELECT year, source, days, received_at, bundle FROM calendar_held ORDER BY year")
    return [{"year": y, "source": s, "days": {date.fromisoformat(k): bool(v) for k, v in json.loads(d).items()},
             "received_at": at, "bundle": b} for y, s, d, at, b in rows]


def drop_held_calendar_year(tx, year: int) -> None:
    tx.execute("DELETE FROM calendar_held WHERE year = ?", (year,))


def calendar_year(conn, year: int) -> dict | None:
    """The stored schedule of one year: source, origin, who entered it and when, and its days."""
    row = conn.execute("SELECT source, origin, entered_by, entered_at FROM calendar_years WHERE year = ?",
                       (year,)).fetchone()
    if row is None:
        return None
    days = conn.execute("SELECT day, is_workday FROM calendar_days WHERE day LIKE ? ORDER BY day",
                        (f"{year}-%",)).fetchall()
    return {"year": year, "source": row[0], "origin": row[1], "entered_by": row[2], "entered_at": row[3],
            "rest_days": [d for d, w in days if not w], "workdays": [d for d, w in days if w]}
