"""Issue 17 item 3: every word of the GUI goes through the catalogue (tr(), QCoreApplication.translate,
QT_TRANSLATE_NOOP), so English mode can show English and Qt Linguist sees it. An AST scan of credit_desk/gui
finds every string constant holding Chinese (ideographs or full-width punctuation) that is not the argument of
such a call; what is left must be on the small allow-list below, each entry with its reason."""

from __future__ import annotations

import ast
import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "credit_desk" / "gui"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# The project's bilingual error: DomainError(code, zh, en) and its subclasses carry both languages themselves.
ERRORS = re.compile(r"\w*Error$")
# Patterns that read Chinese text (a label's trailing colon, a cell error's prefix, a rule mark): never shown.
REGEX_CALLS = {"compile", "sub", "subn", "match", "search", "fullmatch", "split", "findall", "finditer"}
# What a string method looks for in a text (its first argument: "（" in "a.split('（')") is read, not shown.
PARSING = {"split", "rsplit", "partition", "rpartition", "startswith", "endswith", "strip", "lstrip", "rstrip",
           "find", "index", "count", "replace"}  # replace: its first argument only (what is replaced)

# (module, literal): why the literal stays Chinese in both languages.
ALLOWED = {
    ("views/settings_view.py", "中文（简体）"): "the language chooser names each language in itself",
    ("dialogs/holiday_dialog.py", "国办发明电〔2026〕7号"): "the example shows a Chinese document number, which the "
                                                          "clerk types as such in either language",
}
# Whole modules, with the reason.
ALLOWED_MODULES = {
    "keyring_help.py": "issue 21: the no-keyring explanation is shown before the ledger (and its language "
                       "setting) is open, so it says everything in Chinese first, then in English",
    "bench_probe.py": "issue 18: the bench's child process types what a clerk types (search texts, purposes) into "
                      "the window; it shows no words of its own",
}
# R14: the purposes the GUI logs for a look at personal data are ledger data (the office's record language,
# read by the auditor), not words on a screen: a function or constant named *purpose* may hold them.
PURPOSE = re.compile(r"purpose", re.I)


def _name(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _services(tree: ast.Module) -> set[str]:
    """Names the module imports from credit_desk.services (what is handed to them is ledger data)."""
    out = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("credit_desk.services"):
            out.update(a.asname or a.name for a in n.names)
    return out


def _exempt(tree: ast.Module) -> set[int]:
    """ids of the constants that are fine where they stand."""
    ok: set[int] = set()
    services = _services(tree)
    patterns = {name.id for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n.func) in REGEX_CALLS
                and isinstance(n.func, ast.Attribute) and getattr(n.func.value, "id", "") == "re" and n.args
                for name in ast.walk(n.args[0]) if isinstance(name, ast.Name)}  # pieces of a pattern

    def take(node: ast.AST) -> None:
        ok.update(id(s) for s in ast.walk(node))
    for n in ast.walk(tree):
        if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and n.body and \
                isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant):
            take(n.body[0].value)  # docstrings
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and PURPOSE.search(n.name):
            take(n)
        if isinstance(n, ast.Assign) and any(PURPOSE.search(getattr(t, "id", "")) or getattr(t, "id", "") in patterns
                                             for t in n.targets):
            take(n.value)
        if isinstance(n, ast.Compare):  # a data match ("示例" in an edition's label), not a word shown
            for side in (n.left, *n.comparators):
                if isinstance(side, ast.Constant):
                    take(side)
        if not isinstance(n, ast.Call):
            continue
        name = _name(n.func)
        if name in TRANSLATING or ERRORS.match(name):
            for a in [*n.args, *(k.value for k in n.keywords)]:
                take(a)
        elif name in REGEX_CALLS and isinstance(n.func, ast.Attribute) and getattr(n.func.value, "id", "") == "re":
            take(n.args[0])
        elif name in PARSING and isinstance(n.func, ast.Attribute) and n.args:
            take(n.args[0])
        elif isinstance(n.func, ast.Attribute) and getattr(n.func.value, "id", "") in services:
            for a in [*n.args, *(k.value for k in n.keywords)]:
                take(a)  # handed to a service: a purpose, a search term — ledger data
    return ok


def chinese_literals(root: Path = GUI) -> list[str]:
    """``module:line: literal`` for every Chinese string constant outside the catalogue and the allow-lists."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = path.relative_to(root).as_posix()
        if module in ALLOWED_MODULES or path.parent.name == "forms":  # forms: generated by uic from forms/*.ui
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        ok = _exempt(tree)
        for n in ast.walk(tree):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value) and \
                    id(n) not in ok and (module, n.value) not in ALLOWED:
                found.append(f"{module}:{n.lineno}: {n.value[:60]!r}")
    return sorted(found)


def test_no_chinese_literal_outside_the_catalogue():
    left = chinese_literals()
    assert left == [], f"{len(left)} Chinese literals outside tr():\n" + "\n".join(left)


def test_the_scan_sees_a_new_literal(tmp_path):
    """The scan can fail: a label text, a joined list and a dict of words outside tr() are each caught; the same
    words through tr(), an error's zh text, a regex and a logged purpose are not."""
    (tmp_path / "view.py").write_text(
        "import re\nfrom credit_desk.services import cases\n"
        "STATUS_ZH = {'issued': '已出具'}\n"
        "def f(self, label, items, DomainError):\n"
        "    label.setText('待审批')\n"
        "    label.setText('、'.join(items))\n"
        "    label.setText(self.tr('Waiting'))\n"
        "    raise DomainError('X', '不行。', 'No.')\n"
        "def g(s):\n"
        "    return re.sub(r'[：:]$', '', s), cases.get_case(s, 1, '办理案件')\n"
        "def case_purpose(n):\n    return f'办理认定案件（案件 {n}）'\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in chinese_literals(tmp_path)] == ["'已出具'", "'待审批'", "'、'"]


def test_register_statuses_and_list_words_follow_the_interface_language(qapp, zh_translator):
    """Item 3: the document register's statuses (once a Chinese-only STATUS_ZH) and the other word tables shown
    to a clerk (case history events, sync entities, objection targets, repair steps, rule titles) come from the
    catalogue: Chinese in Chinese mode, English in English mode."""
    from credit_desk.domain.repairs import RepairState
    from credit_desk.gui import i18n
    from credit_desk.gui.models.documents_model import status_words
    from credit_desk.gui.rulehints import hint
    from credit_desk.gui.views.case_panel import _event_words
    from credit_desk.gui.views.repair_view import repair_steps

    def sample():
        return [status_words()["reserved"], status_words()["external"], _event_words("serve_notice"),
                repair_steps(RepairState.REFUSED)[-1][0], hint([9, 14]), i18n.listing(["a", "b"]),
                i18n.aside("a", "b")]
    assert sample() == ["已编号，待打印", "手工编号（未在本系统打印）", "已送达预先告知", "不予修复",
                        "依据规则 R9（宽容审慎）；R14（信息安全）", "a、b", "a（b）"]
    i18n.remove_translator(qapp, zh_translator)
    i18n.install_translator(qapp, "en")
    try:
        english = sample()
    finally:  # back to the session's Chinese catalogues (the same translator objects, no second copy)
        i18n.reinstall_translator(qapp, zh_translator)
    assert english == ["Numbered, to be printed", "Numbered by hand (not printed here)", "Prior notice served",
                       "Repair refused", "Rule R9 (leniency); R14 (information security)", "a, b", "a (b)"]


def test_domain_word_tables_show_english_in_english_mode(qapp, zh_translator):
    """Item 3: the domain's Chinese tables a form offers (standard kinds, department levels, party kinds,
    record statuses) read in English in English mode."""
    from credit_desk.domain.cases import DEPT_LEVEL_ZH, STANDARD_KIND_ZH
    from credit_desk.domain.disclosure import PARTY_KIND_ZH
    from credit_desk.gui import i18n
    from credit_desk.gui.labels import table_words
    keys = [(STANDARD_KIND_ZH, "admin_regulation"), (DEPT_LEVEL_ZH, "county"), (PARTY_KIND_ZH, next(iter(PARTY_KIND_ZH)))]
    assert [table_words(t, k) for t, k in keys] == ["行政法规", "县级", PARTY_KIND_ZH[keys[2][1]]]
    i18n._LANG["lang"] = "en"
    try:
        english = [table_words(t, k) for t, k in keys]
    finally:
        i18n._LANG["lang"] = "zh"
    assert english == ["Admin regulation", "County", "Legal person"]


def test_english_sources_carry_no_chinese_words():
    """English mode shows the catalogue's sources: none may carry a Chinese gloss such as 「(两书同达)」 or
    「维持 — …」 — only what the clerk types as examples ("e.g. 清市监罚〔2026〕15号") stays Chinese; a cited document is
    named in English words (tests/unit/test_english_messages_no_chinese.py)."""
    import xml.etree.ElementTree as ET

    from tests.gui.words import CITATION, chinese_words
    ts = GUI.parents[1] / "resources" / "i18n" / "credit_desk_zh_CN.ts"
    sources = [f"[{c.findtext('name')}] {m.findtext('source')}" for c in ET.parse(ts).iter("context")
               for m in c.iter("message")]
    left = chinese_words([CITATION.sub("", s) for s in sources])  # 1798号 (二十三) is no longer let through
    assert CITATION.search("苏府办〔2020〕232号 (十五)")
    assert left == [], "\n".join(left)
