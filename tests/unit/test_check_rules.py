"""信用审查 rules (R22, R15): what a list row must carry, how its number is read, how a row counts."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from credit_desk.domain import checks as d
from credit_desk.domain import demo
from credit_desk.domain.ids import IdType, convert_15_to_18

TODAY = dt.date(2026, 11, 30)
USCC = demo.uscc(random.Random(1), "320812")
RIC = demo.ric(random.Random(2), "320812", dt.date(1970, 1, 1), dt.date(1990, 12, 31))


def test_r22_numbers_are_read_by_their_checksum():
    assert d.classify_number(USCC.lower(), TODAY) == (USCC, IdType.USCC)
    assert d.classify_number(f" {RIC[:-1]}×" if RIC.endswith("X") else f" {RIC} ", TODAY) == (RIC, IdType.RIC)
    old = "320812700101001"
    assert d.classify_number(old, TODAY) == (convert_15_to_18(old), IdType.RIC)   # GB 11643: 15 → 18 digits
    assert d.classify_number("E12345678", TODAY)[1] is IdType.PASSPORT
    for bad in (USCC[:-1] + ("0" if USCC[-1] != "0" else "1"), USCC[:-1], USCC + "1"):
        with pytest.raises(d.ValidationError):   # a mistyped code is never read as a passport
            d.classify_number(bad, TODAY)


def test_r22_every_bad_row_is_named_and_a_repeated_number_on_its_second_row():
    rows, problems = d.check_rows([(3, "甲公司", USCC), (4, "", RIC), (5, "乙", "12345"), (6, "丙公司", USCC)],
                                  TODAY)
    assert [r.row for r in rows] == [3]
    assert [(p.row, p.code) for p in problems] == [(4, "CHECK_ROW"), (5, "ID_INVALID"), (6, "CHECK_ROW_DUPLICATE")]
    assert problems[0].zh.startswith("第4行「名称」") and "与第3行的号码重复" in problems[2].zh
    assert RIC not in " ".join(p.zh for p in problems)


def test_r22_outcomes_and_counts():
    hit = d.RowResult(3, "甲", USCC, "uscc", {"id": 1, "kind": "legal_person", "name": "甲"},
                      {"black": [{}], "record": [{}, {}]}).to_dict()
    red = d.RowResult(4, "乙", USCC, "uscc", {"id": 2, "kind": "legal_person", "name": "乙"}, {"red": [{}]}).to_dict()
    clear = d.RowResult(5, "丙", USCC, "uscc", {"id": 3, "kind": "legal_person", "name": "丙"}).to_dict()
    lost = d.RowResult(6, "丁", RIC, "ric").to_dict()
    assert [r["outcome"] for r in (hit, red, clear, lost)] == ["hit", "red_only", "clear", "not_found"]
    counts = d.tally([hit, red, clear, lost])
    assert (counts["black"], counts["record"], counts["red"], counts["hit"], counts["not_found"]) == (1, 1, 1, 1, 1)


def test_r15_a_row_outside_the_ledger_is_masked_unless_its_number_is_a_uscc():
    person = {"name": "欧阳娜娜", "number": RIC, "id_type": "ric", "subject": None}
    org = {"name": "淮安某某有限公司", "number": USCC, "id_type": "uscc", "subject": None}
    assert d.public_name(person) == "欧阳*娜" and d.public_id(person) != RIC
    assert d.public_name(org) == org["name"] and d.public_id(org) == USCC


def test_r22_the_report_period_defaults_to_three_years_and_is_never_in_the_future():
    assert d.report_period(TODAY, None, None) == (dt.date(2023, 12, 1), TODAY)
    assert d.report_period(dt.date(2028, 2, 29), None, None)[0] == dt.date(2025, 3, 1)
    with pytest.raises(d.ValidationError):
        d.report_period(TODAY, None, TODAY + dt.timedelta(days=1))
    with pytest.raises(d.ValidationError):
        d.report_period(TODAY, TODAY, TODAY - dt.timedelta(days=1))


def test_r15_an_individual_business_code_outside_the_ledger_masks_an_operators_name():
    """R15 (issue 19 attack): a list row not in the ledger whose USCC is an individual business's (登记管理部门
    9, 机构类别 2: 个体工商户) and whose name is the operator's own (张三) printed the person's name whole on the
    report; a trade name (…小吃店) and an enterprise's code (91…) stay whole."""
    import stdnum.cn.uscc as U
    body = "92320812MA1B2C3AB"
    ib = body + U.calc_check_digit(body)
    assert d.public_name({"name": "张三", "number": ib, "id_type": "uscc", "subject": None}) == "张*"
    assert d.public_id({"name": "张三", "number": ib, "id_type": "uscc", "subject": None}) == ib
    assert d.public_name({"name": "清江浦区张三小吃店", "number": ib, "id_type": "uscc", "subject": None}) == \
        "清江浦区张三小吃店"
    assert d.public_name({"name": "张三", "number": USCC, "id_type": "uscc", "subject": None}) == "张三"


def test_r22_every_category_and_outcome_has_its_english_words():
    """att19c: Category.PENALTY had no English words (KeyError in the English window's check)."""
    from credit_desk.domain.checks import Category, Outcome
    for member in (*Category, *Outcome):
        assert member.en and member.zh and member.en.isascii(), member


def test_r22_a_typed_line_is_split_at_its_comma_or_before_its_number():
    """att19c: 张小明 3208… (a space, as clerks type it) was the name 「张小明 3208…」 with no number."""
    from credit_desk.domain.checks import split_entry
    number = "320812197802094818"
    assert split_entry(f"张小明,{number}") == ("张小明", number)
    assert split_entry(f" 张小明，{number} ") == ("张小明", number)
    assert split_entry(f"张小明\t{number}") == ("张小明", number)
    assert split_entry(f"张小明 {number}") == ("张小明", number)
    assert split_entry(f"张小明\u3000{number}") == ("张小明", number)
    assert split_entry("John Smith E12345678") == ("John Smith", "E12345678")
    assert split_entry("淮安某某有限公司 ９１３２０８１２３９Ｈ４ＢＸＫＦＸＲ") == ("淮安某某有限公司", "９１３２０８１２３９Ｈ４ＢＸＫＦＸＲ")
    assert split_entry("Some Trading Co Ltd") == ("Some Trading Co Ltd", "")
    assert split_entry("外地公司") == ("外地公司", "")


def test_r22_a_number_given_twice_is_named_even_when_its_first_row_is_bad():
    """att19d: row 4 has no name and row 6 repeats its number: both are named in one round."""
    rows, problems = d.check_rows([(3, "甲公司", USCC), (4, "", RIC), (6, "丙", f" {RIC.lower()} ")], TODAY)
    assert [r.row for r in rows] == [3]
    assert [(p.row, p.code) for p in problems] == [(4, "CHECK_ROW"), (6, "CHECK_ROW_DUPLICATE")]
    assert "与第4行的号码重复" in problems[1].zh and RIC not in problems[1].zh
