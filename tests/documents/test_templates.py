"""Templates are data: an office edits them; an unknown or unused field is refused with its name."""

from __future__ import annotations

import pytest

from credit_desk.documents import layout as L
from credit_desk.documents.templates import available, check_context, from_text, load_template
from credit_desk.domain.errors import ValidationError

BASE = '''code = "x_notice"
title = "测试"
prefix = "测"
key_fields = ["a"]
body = """
@ {a}：
{b}
"""
[fields]
a = "甲"
b = "乙"
'''


def test_every_shipped_template_loads():
    assert len(available()) == 21
    for code in available():
        tpl = load_template(code)
        assert tpl.code == code and tpl.key_fields


def test_template_with_an_unknown_field_is_refused_by_name():
    with pytest.raises(ValidationError) as exc:
        from_text(BASE.replace("{b}", "{b}{c}"), "x_notice.toml")
    assert exc.value.code == "TEMPLATE_UNKNOWN_FIELD" and exc.value.field == "c" and "x_notice.toml" in exc.value.zh


def test_template_declaring_an_unused_field_is_refused_by_name():
    with pytest.raises(ValidationError) as exc:
        from_text(BASE.replace("{b}\n", "固定文字\n"), "x_notice.toml")
    assert exc.value.code == "TEMPLATE_UNUSED_FIELD" and exc.value.field == "b"


def test_r5_a_decision_template_cannot_drop_one_of_the_five_parts():
    text = load_template("listing_decision").text.replace('"remedies"]', ']')
    with pytest.raises(ValidationError) as exc:
        from_text(text, "listing_decision.toml")
    assert exc.value.code == "R5_TEMPLATE_PART_MISSING" and exc.value.field == "remedies"


def test_context_with_unknown_or_missing_field_is_refused():
    tpl = from_text(BASE, "x_notice.toml")
    with pytest.raises(ValidationError) as exc:
        check_context(tpl, {"a": "1", "b": "2", "zz": "3"})
    assert exc.value.field == "zz"
    with pytest.raises(ValidationError) as exc:
        check_context(tpl, {"a": "1"})
    assert exc.value.code == "CONTEXT_FIELD_MISSING" and exc.value.field == "b"


def test_an_office_edit_changes_the_wording(tmp_path):
    (tmp_path / "x_notice.toml").write_text(BASE.replace("{b}", "特此告知：{b}"), encoding="utf-8")
    assert "特此告知：{b}" in load_template("x_notice", tmp_path).body


def test_number_date_and_page_formats():
    assert L.format_number("清信决", 2026, 12) == "清信决〔2026〕12号"
    assert L.format_number("清信决", 2026, 1) == "清信决〔2026〕1号"
    import datetime as dt
    assert L.format_date(dt.date(2026, 4, 1)) == "2026年4月1日"
    assert L.page_label(3) == "— 3 —"


def test_grid_is_22_lines_of_28_characters():
    assert round(L.BLOCK_W / L.CHAR_PITCH) == 28 and round(L.BLOCK_H / L.LINE_PITCH) == 22
    assert (round(L.PAGE_W, 2), round(L.PAGE_H, 2)) == (595.28, 841.89)


def test_no_line_starts_with_closing_punctuation():
    from credit_desk.documents.fonts import load_fonts
    font = load_fonts().names["fang"]
    for text in ("一" * 27 + "，" + "二" * 10 + "。", "一" * 26 + "号）。" + "二" * 10):
        lines = L.break_lines(text, font, L.SIZE_BODY)
        assert all(t[0] not in L.NO_LINE_START for t, _ in lines), lines
    assert all(t[0] not in L.NO_LINE_START for t, _ in lines)
    assert all(len(t) <= 28 for t, _ in lines)


def test_annexes_print_after_the_signature_and_must_name_a_list_field():
    """GB/T 9704 7.4.2 (issue 19 item 2): ``annex`` names a list field printed as annexes after the signature;
    anything else is refused by name."""
    from credit_desk.documents import render as R
    from credit_desk.documents.templates import annexes
    text = BASE.replace('key_fields = ["a"]', 'key_fields = ["a"]\nannex = "c"') + 'c = { label = "附件", list = true }\n'
    tpl = from_text(text, "x.toml")
    ctx = {"a": "甲", "b": "乙", "c": ["第一件\n| 第一行\n正文", "第二件"]}
    blocks = annexes(tpl, check_context(tpl, ctx))
    assert [[b.kind for b in a] for a in blocks] == [["annex_label", "annex_title", "plain", "para"],
                                                     ["annex_label", "annex_title"]]
    printed = R.printed_text(tpl, ctx, R.DocMeta("测〔2026〕1号", L.date(2026, 4, 1), "某办", ""))
    assert printed.index("2026年4月1日") < printed.index("附件1") < printed.index("第一件") < printed.index("附件2")
    with pytest.raises(ValidationError) as err:
        from_text(BASE.replace('key_fields = ["a"]', 'key_fields = ["a"]\nannex = "b"'), "x.toml")
    assert err.value.field == "annex"
