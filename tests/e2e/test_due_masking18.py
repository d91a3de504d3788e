"""R15 on the dashboard's due list after issue 18 (commit 2476397: ``register.publish_deadlines`` masks the party's
name alone instead of building each decision's whole ``public_row``), attacked by att18c on a real SQLCipher ledger
through the CLI: a department's sheet of decisions for every party kind — natural persons with a minority name, a
compound surname, one character; individual businesses under a trade name and under the operator's own name; a legal
person — imported, then the due list read as the clerk's dashboard reads it.

R15 (DOMAIN.md): "personal information is published only with a legal basis or the person's consent, and then masked
(脱敏)"; the one masking function decides by the subject's kind (domain/masking.py; DESIGN.md "one masker").

Held: every due label carries exactly the name the register shows (``public_row``), never a person's name whole.
Found and fixed: the department's free text (违法事实) naming the person with another dot (阿依古丽•买买提), with none
(阿依古丽买买提), or in the radical characters a PDF copy gives (张⼩明 for 张小明) reached the register's list and
the platform's upload sheet whole: the free-text pattern matched only the dot and the characters stored; a person
named Strauß (「ß」.upper() is two letters) failed the register's row with TypeError.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from tests.conftest import TEST_NOW
from tests.e2e.case_kit import REVIEWER, desk, ok, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import penalty_row, write_sheet

TODAY = TEST_NOW.date()

# (party kind as the sheet writes it, name, as the register must show it)
PARTIES = [
    ("自然人", "阿依古丽·买买提", "阿***·**提"),
    ("自然人", "欧阳娜娜", "欧阳*娜"),
    ("自然人", "王", "*"),
    ("自然人", "张小明", "张*明"),
    ("自然人", "Strauß Anna", "S***** A***"),               # a foreign resident, by passport
    ("个体工商户", "涟水县张三五金店", "涟水县张三五金店"),   # a trade name (字号): public registration data
    ("个体工商户", "孙小梅", "孙*梅"),                       # registered under the operator's own name
    ("法人及非法人组织", "淮安市清江浦区测试食品有限公司", "淮安市清江浦区测试食品有限公司"),
]
FACTS = {  # how the department's free text names the person (a copy from the PDF decision, another dot, none)
    "阿依古丽·买买提": "当事人阿依古丽•买买提、阿依古丽买买提（即阿依古丽．买买提）销售过期食品",
    "张小明": "当事人张⼩明销售过期食品",
    "Strauß Anna": "当事人STRAUß ANNA销售过期食品",
}


def _rows() -> list[dict]:
    rows = []
    for i, (kind, name, _shown) in enumerate(PARTIES):
        person = kind != "法人及非法人组织"
        row = penalty_row(200 + i, TODAY - dt.timedelta(days=2), person=person)
        row.update(party_kind=kind, party_name=name)
        if name.startswith("Strauß"):
            row.update(id_type="护照", id_number="E12345678")
        if kind == "个体工商户":
            row.update(rep_name="张三", rep_id_type="居民身份证", rep_id_number=row["id_number"])
        if name in FACTS:
            row["facts"] = FACTS[name]
        rows.append(row)
    return rows


def test_att18c_the_due_list_shows_each_party_as_the_register_does_and_free_text_hides_every_spelling(desk,
                                                                                                      tmp_path):
    path = tmp_path / "parties.xlsx"
    write_sheet(path, _rows())
    out = ok(desk, "decision", "import", str(path))
    assert out["imported"] == len(PARTIES)
    listed = {r["doc_number"]: r for r in ok(desk, "decision", "list")}
    due = {i["object_id"]: i["label_zh"] for i in ok(desk, "due") if i["kind"] == "publish_decision"}
    assert len(due) == len(PARTIES)
    for (_kind, name, shown), row in zip(PARTIES, sorted(listed.values(), key=lambda r: r["doc_number"])):
        assert row["party_name"] == shown, (name, row["party_name"])
        label = due[row["id"]]
        assert f"（{shown}）" in label, (label, shown)              # exactly public_row's name
        if shown != name:
            assert name not in label
    people = [name for _k, name, shown in PARTIES if shown != name]
    for row in listed.values():
        for name in people:
            for spelling in (name, name.replace("·", ""), name.replace("·", "•"), name.replace("·", "．"),
                             name.replace("小", "⼩")):
                assert spelling not in row["facts"], (spelling, row["facts"])
    ok(desk, "decision", "publish", *[str(r["id"]) for r in listed.values()], user=REVIEWER)
    sheet = tmp_path / "upload.xlsx"
    ok(desk, "decision", "export-sheet", str(sheet))
    cells = " ".join(str(c) for row in load_workbook(sheet)["行政处罚"].iter_rows(values_only=True) for c in row if c)
    assert "阿依古丽" not in cells and "张⼩明" not in cells and "张小明" not in cells and "ANNA" not in cells
    assert "当事人阿***·**提、阿***·**提（即阿***·**提）销售过期食品" in cells and "当事人张*明销售过期食品" in cells
