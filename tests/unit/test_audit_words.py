"""Issue 17 item 3: the audit log shows words, not internal codes — every action code the code base writes
(session.audit / tx.audit calls) and every object type has Chinese (and English) words."""

from __future__ import annotations

import re
from pathlib import Path

from credit_desk.domain.audit_words import action_words, object_words

ROOT = Path(__file__).resolve().parents[2] / "credit_desk"
CALL = re.compile(r"audit\(\s*[a-z_]*,?\s*(\"[a-z_0-9.]+\"|[^,]+ if [^,]+ else [^,]+)\s*,\s*\"([a-z_]+)\"")
CODE = re.compile(r"\"([a-z_]+\.[a-z_0-9.]+)\"")


def _written() -> tuple[set[str], set[str]]:
    actions, objects = set(), set()
    for path in ROOT.rglob("*.py"):
        for m in CALL.finditer(path.read_text(encoding="utf-8")):
            actions.update(CODE.findall(m.group(1)))
            objects.add(m.group(2))
    return actions, objects


def test_every_audit_action_and_object_has_words():
    actions, objects = _written()
    assert len(actions) > 60 and len(objects) > 20  # the scan found the calls
    assert [a for a in sorted(actions) if action_words(a) == a] == []
    assert [o for o in sorted(objects) if object_words(o) == o] == []
    assert not [a for a in actions if re.search(r"[A-Za-z]", action_words(a, "zh"))]
    assert not [a for a in actions if re.search(r"[\u4e00-\u9fff]", action_words(a, "en"))]


def test_words_read_as_a_clerk_would():
    assert action_words("document.reserve") == "文书：预留文号"
    assert action_words("keys.import_platform") == "密钥：导入平台公钥"
    assert action_words("keys.import_platform", "en") == "Keys: platform key imported"
    assert object_words("folder") == "文件夹" and object_words("platform", "en") == "Municipal platform"
    assert action_words("something.new") == "something.new"  # an unknown code is shown, never dropped


def test_single_word_codes_and_unknown_parts_as_a_table():
    table = [  # (code, lang, words)
        ("export_public", "zh", "导出本单位公钥"), ("verify", "en", "verified"),  # a verb alone
        ("login", "zh", "登录"), ("login", "en", "Sign-in"),                       # an object alone
        ("zzz", "zh", "zzz"), ("", "zh", ""), (None, "zh", ""),                   # unknown or empty: as it is
        ("document.zzz", "zh", "document.zzz"), ("zzz.reserve", "en", "zzz.reserve"),  # one part unknown
        ("document.reserve", "en", "Document: number reserved"),
    ]
    assert [(c, lang, action_words(c, lang)) for c, lang, _ in table] == table
    assert [object_words(c) for c in ("zzz", "", None, "folder")] == ["zzz", "", "", "文件夹"]
