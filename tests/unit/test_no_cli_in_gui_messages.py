"""Issue 17 item 5: no message a GUI user can see names a command-line command or option.

Every string literal of the code the GUI runs (services, store, domain, sync, sheets, documents, the GUI itself)
that is not a docstring is scanned, and so is the GUI's translation catalogue. A refusal that has a command-line
equivalent carries it in ``DomainError(cli=...)``, which only the CLI prints."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "credit_desk"
# what the clerk's screens never run: the terminal front end, the benchmarks, the platform's receiver
NOT_GUI = ("cli", "bench", "intake")
NOT_GUI_FILES = {"gui/bench_probe.py", "__main__.py"}
CLI = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]+|credit-desk\s+[a-z]|\b(?:keys import-platform|bundle resync|"
                 r"print (?:reprint|confirm-last|repair_\w+|void)|user passwd)\b")


def _docstrings(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _cli_keyword_values(tree) -> set[int]:
    """Strings given as ``cli=`` (the CLI-only hint), or kept in a table named ``_CLI``, name commands on purpose."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "cli":
            ids.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_CLI" for t in node.targets):
            ids.update(id(n) for n in ast.walk(node.value))
    return ids


def gui_strings():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        if rel.split("/")[0] in NOT_GUI or rel in NOT_GUI_FILES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree) | _cli_keyword_values(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                yield f"{rel}:{node.lineno}", node.value


def test_no_message_reachable_from_the_gui_names_a_cli_command():
    found = [(where, text) for where, text in gui_strings() if CLI.search(text)]
    assert not found, "\n".join(f"{w}: {t}" for w, t in found)


def test_the_gui_catalogue_names_no_cli_command():
    tree = ET.parse(ROOT / "resources" / "i18n" / "credit_desk_zh_CN.ts")
    found = [(m.findtext("source"), m.findtext("translation")) for m in tree.iter("message")
             if CLI.search(m.findtext("source") or "") or CLI.search(m.findtext("translation") or "")]
    assert not found, found


def test_the_scan_catches_a_cli_command():
    assert CLI.search("请先执行 keys import-platform。") and CLI.search("请用 --objection 指定异议编号。")
    assert CLI.search("(CLI: credit-desk user passwd)") and not CLI.search("请在“同步”页导入平台公钥。")


def test_the_cli_still_prints_the_hint(capsys):
    from types import SimpleNamespace

    from credit_desk.cli.common import _fail
    from credit_desk.domain.errors import DomainError
    exc = DomainError("X", "请指定异议。", "Name the objection.", cli="--objection")
    assert exc.message("zh") == "请指定异议。"
    _fail(SimpleNamespace(json=False, lang="zh"), exc, 2)
    assert "--objection" in capsys.readouterr().err
