"""Issue 17 item 3, English mode (clerk17b): an English message carries no Chinese — a cited document is named in
English words ("NDRC 2017 No. 1798, item 23", not 「1798号 (二十三)」), a Chinese term in English words ("licence-and-
penalty publicity", not 「双公示」). Only an example of what the clerk types ("e.g. 国办发明电〔2025〕7号") stays.

Every string literal of the code the GUI runs that reads as an English sentence (three or more English words, more
English letters than five times its Chinese characters) is scanned, with the GUI catalogue's English sources."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "credit_desk"
NOT_GUI = ("cli", "bench", "intake", "migrations")  # the terminal, benchmarks, the platform, frozen migrations
CJK = re.compile(r"[\u4e00-\u9fff]")
WORDS = re.compile(r"(?:^|\s)[A-Za-z]{2,}(?=[\s,.;:)]|$)")
EXAMPLE = re.compile(r"e\.g\.\s*[^)）]*")  # "e.g. 清市监信决〔2026〕1号"
# a character named as a character: a number prefix may not contain 〔〕 or 号
NAMED = ("〔〕, 号",)


def english(text: str) -> bool:
    letters = sum(c.isascii() and c.isalpha() for c in text)
    return len(WORDS.findall(text)) >= 3 and letters > 5 * len(CJK.findall(text))


def chinese_left(text: str) -> str:
    halves = text.split(" / ")
    if len(halves) == 2 and bool(CJK.search(halves[0])) != bool(CJK.search(halves[1])):
        return ""  # a bilingual line (zh / en) of a log or a wire refusal
    rest = EXAMPLE.sub("", text)
    for named in NAMED:
        rest = rest.replace(named, "")
    return "".join(CJK.findall(rest))


def _text(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _sources():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG)
        if rel.parts[0] in NOT_GUI or "migrations" in rel.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
            if "__mutmut_" in fn.name and not fn.name.endswith("__mutmut_orig"):
                fn.body = []  # a mutant of mutmut's copy (tests/MUTATION.md), not code the GUI runs
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    text = _text(arg)
                    if text and english(text):
                        yield f"{rel}:{node.lineno}", text


def test_english_messages_name_no_chinese_document_or_term():
    found = [f"{where}: {chinese_left(text)} ← {text[:100]}" for where, text in _sources() if chinese_left(text)]
    assert found == [], "\n".join(found)


def test_the_gui_catalogue_english_sources_cite_in_english():
    ts = ROOT / "resources" / "i18n" / "credit_desk_zh_CN.ts"
    found = [f"[{c.findtext('name')}] {m.findtext('source')[:100]}" for c in ET.parse(ts).iter("context")
             for m in c.iter("message") if english(m.findtext("source") or "")
             and chinese_left(m.findtext("source"))]
    assert found == [], "\n".join(found)


def test_the_scan_sees_a_short_citation_and_lets_an_example_pass():
    assert chinese_left("Own finding: what shows the listing was wrong (1798号 (二十三)).") == "号二十三"
    assert english("Own finding: what shows the listing was wrong (1798号 (二十三)).")
    assert chinese_left("Enter the document number (e.g. 国办发明电〔2025〕7号).") == ""
    assert not english("应为sample、national、provincial或municipal")
