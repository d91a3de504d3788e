"""Translation upkeep: `update` re-scans the GUI for tr() strings and rebuilds the .qm;
`fill FILE.json` writes translations ({"English source": "中文"}, or {"Context::English source": "中文"} for
one context) into the .ts first.

    .venv/bin/python scripts/i18n.py fill new_strings.json
    .venv/bin/python scripts/i18n.py update
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "credit_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def update() -> None:
    # Designer forms are scanned as .ui: lupdate's Python parser skips uic's u"" strings.
    sources = sorted(str(p) for p in (ROOT / "credit_desk" / "gui").rglob("*.py")
                     if p.parent.name != "forms") + sorted(str(p) for p in (ROOT / "forms").glob("*.ui"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)


def fill(mapping_file: str) -> None:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    for context in tree.iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            src = msg.findtext("source")
            tr = msg.find("translation")
            # "Context::source" translates in that context only (one English word may need two Chinese ones:
            # "Decision" is 认定决定 in the case panel and 修复决定书 in the repair area)
            text = mapping.get(f"{name}::{src}", mapping.get(src))
            if text is not None and tr is not None:
                tr.text = text
                tr.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)


def unfinished() -> list[str]:
    tree = ET.parse(TS)
    return [m.findtext("source") for m in tree.iter("message")
            if (m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip())]


if __name__ == "__main__":
    if sys.argv[1:2] == ["fill"]:
        fill(sys.argv[2])
    update()
    left = unfinished()
    print(f"{len(left)} untranslated" + (": " + "; ".join(left) if left else ""))
