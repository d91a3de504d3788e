"""Dashboard tallies kept exact by the triggers of migration 9: counting a million rows per refresh is
what the dashboard must not do (issue 9: counts ≤ 300 ms at 1M records)."""

from __future__ import annotations

from credit_desk.store.migrations.m0009_add_search_indexes import TALLIED

KNOWN = {(table, name) for table, name, _expr in TALLIED}


def counts(conn, table: str, name: str) -> dict[str, int]:
    """Row counts of ``table`` by one tallied column (``kind``, ``tier``, ``status``, ``month``)."""
    if (table, name) not in KNOWN:
        raise ValueError(f"no tally for {table}.{name}")
    rows = conn.execute("SELECT value, n FROM tallies WHERE tbl = ? AND col = ? AND n > 0", (table, name))
    return {value: n for value, n in rows}


def months_since(conn, since: str) -> dict[str, int]:
    """Records per decision month (YYYY-MM) from the month of ``since`` (an ISO date) on."""
    rows = conn.execute("SELECT value, n FROM tallies WHERE tbl = 'records' AND col = 'month' AND value >= ? "
                        "AND n > 0 ORDER BY value", (since[:7],))
    return {value: n for value, n in rows}


def recount(conn, table: str, name: str) -> dict[str, int]:
    """The same counts the slow way (COUNT(*) GROUP BY over the table): the check and the bench's foil."""
    expr = next(e for t, n, e in TALLIED if (t, n) == (table, name)).format(r="")
    return {value: n for value, n in conn.execute(f"SELECT {expr}, count(*) FROM {table} GROUP BY {expr}")}
