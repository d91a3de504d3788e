"""DESIGN.md habit 1: the core never imports PySide6; only store/ writes SQL; domain does no I/O imports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "credit_desk"
CORE = ("domain", "store", "services", "documents", "sync", "intake", "sheets")
SQL_WRITE = re.compile(r"\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|DROP\s+TABLE)\b", re.I)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _files(*parts):
    for part in parts:
        yield from (PKG / part).rglob("*.py")


def test_core_never_imports_qt():
    offenders = [str(p.relative_to(PKG)) for p in _files(*CORE)
                 if any(n.split(".")[0] == "PySide6" for n in _imports(p))]
    assert offenders == []


def test_the_shared_top_level_modules_are_core_too():
    """att18c: credit_desk/collector.py (the collector's pause the intake and the GUI share), atomic.py, faults.py…
    sit beside the layer folders, so the check above never read them; the intake imports them, so Qt or the GUI
    there would reach the platform's server."""
    top = [p for p in PKG.glob("*.py") if p.name != "__main__.py"]
    assert PKG / "collector.py" in top
    offenders = [p.name for p in top
                 if any(n.split(".")[0] == "PySide6" or n.startswith("credit_desk.gui") for n in _imports(p))]
    assert offenders == []


def test_only_the_gui_sets_the_switch_interval():
    """att18c: Python's switch interval is the GUI's policy (gui/ops.py: 1 ms with windows, 0.2 ms while a writing
    job runs); a core module setting it would change the platform server's and the CLI's threads for them."""
    offenders = [str(p.relative_to(PKG)) for p in PKG.rglob("*.py")
                 if "setswitchinterval" in p.read_text(encoding="utf-8") and p.relative_to(PKG).parts[0] != "gui"]
    assert offenders == []


def test_cli_imports_qt_only_lazily_for_the_gui():
    for p in _files("cli"):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        assert not any("PySide6" in ast.dump(n) or "credit_desk.gui" in ast.dump(n) for n in top), p


def test_only_store_writes_sql():
    """store/ for the office; the platform intake has its own store, intake/pgstore.py (issue 20)."""
    offenders = [str(p.relative_to(PKG)) for p in _files("domain", "services", "documents", "sync", "intake", "sheets",
                                                          "cli", "gui")
                 if SQL_WRITE.search(p.read_text(encoding="utf-8")) and p != PKG / "intake" / "pgstore.py"]
    assert offenders == []


def test_the_intake_never_imports_the_office_side():
    """Issue 20: the platform shares only the bundle format (sync/) and pure validation (domain/) with the office."""
    for p in _files("intake"):
        bad = {n for n in _imports(p) if n.startswith(("credit_desk.store", "credit_desk.services", "credit_desk.gui",
                                                        "credit_desk.cli", "sqlcipher3"))}
        assert not bad, (p, bad)


def test_domain_imports_no_store_or_services():
    for p in _files("domain"):
        bad = {n for n in _imports(p) if n.startswith(("credit_desk.store", "credit_desk.services",
                                                        "sqlite", "sqlcipher3", "keyring"))}
        assert not bad, (p, bad)
