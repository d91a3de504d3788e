"""Issue 15, kind 1–3: ID numbers as county offices meet them, through the subject service (R7, R9).

Every input of the table ends in the right value or one clear DomainError — never another exception.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.ids import IdType, convert_15_to_18, is_minor_on
from credit_desk.services import subjects
from tests.realinput.conftest import NOW, born, clerk_cli, with_check

TODAY = NOW.date()
# (label, id_number as typed, convert_15, expected stored number or error code, expected warning codes)
ID_TABLE = [
    ("new district 330114 (2021)", "330114202203152713", False, "330114202203152713", ["ID_COUNTY_UNKNOWN"]),
    ("unknown county 320219", with_check("32021919900101123"), False, with_check("32021919900101123"),
     ["ID_COUNTY_UNKNOWN"]),
    ("unknown county 330113", with_check("33011319880505001"), False, with_check("33011319880505001"),
     ["ID_COUNTY_UNKNOWN"]),
    ("known county", with_check("32010219900101123"), False, with_check("32010219900101123"), []),
    ("abolished-before-birth code kept", with_check("32082619700101123"), False, with_check("32082619700101123"),
     []),
    ("full width, spaces, lower-case x", "１１０１０５ １９４９１２３１００２ｘ", False, "11010519491231002X", []),
    ("zero-width space from a web page", "110105\u200b19491231002X", False, "11010519491231002X", []),
    ("byte-order mark from a text file", "\ufeff11010519491231002X", False, "11010519491231002X", []),
    ("soft hyphen from Word", "110105\u00ad19491231002X", False, "11010519491231002X", []),
    ("check character typed as ×", "11010519491231002×", False, "11010519491231002X", []),
    ("full-width, ideographic space, ×", "１１０１０５\u300019491231002×", False, "11010519491231002X", []),
    ("dashes are not silently dropped", "110105-19491231-002X", False, "ID_INVALID", []),
    ("born tomorrow", born("320102", 1), False, "ID_INVALID", []),
    ("born 2090", with_check("32010220900101123"), False, "ID_INVALID", []),
    ("born 1850", with_check("32010218500101123"), False, "ID_INVALID", []),
    ("born 1899-12-31", with_check("32010218991231123"), False, "ID_INVALID", []),
    ("born today", born("320102", 0), False, born("320102", 0), []),
    ("born 1900-01-01 (the stated lower bound)", with_check("32010219000101123"), False,
     with_check("32010219000101123"), []),
    ("province 99 does not exist", with_check("99010219900101123"), False, "ID_INVALID", []),
    ("unknown county AND bad check digit", "330114202203152710", False, "ID_INVALID", []),
    ("unknown county AND impossible date", with_check("33011420220230271"), False, "ID_INVALID", []),
    ("Hong Kong code as a resident ID", with_check("81000019900101123"), False, "ID_INVALID", []),
    ("15 digits, not confirmed", "320102900101123", False, "ID_15_DIGIT", []),
    ("15 digits, conversion confirmed", "320102900101123", True, "320102199001011232", []),
    ("15 digits full width, confirmed", "３２０１０２９００１０１１２３", True, "320102199001011232", []),
    ("15 digits with an impossible date", "320102901301123", True, "ID_INVALID", []),
    ("16 digits", "3201021990010112", False, "ID_INVALID", []),
    ("empty", "  ", False, "ID_INVALID", []),
    ("letters", "ABCDEFGHIJKLMNOPQR", False, "ID_INVALID", []),
]


@pytest.mark.parametrize("label,typed,convert,expected,warnings", ID_TABLE, ids=[r[0] for r in ID_TABLE])
def test_r7_ids_table_through_the_service(clerk, label, typed, convert, expected, warnings):
    try:
        s = subjects.add_subject(clerk, kind="natural_person", name="张小明", id_type="ric", id_number=typed,
                                 convert_15=convert)
    except DomainError as exc:  # anything else is a traceback for the clerk: the test fails
        assert exc.code == expected, (label, exc.code, exc.zh)
        assert exc.zh and exc.en and exc.field == "id_number"
        assert (typed.strip() == "" or typed not in exc.zh)  # R15: the number is masked in the message
        return
    assert s.id_number == expected, label
    assert [w[0] for w in subjects.subject_warnings(s)] == warnings
    audit = clerk.ledger.query("SELECT detail FROM audit WHERE action = 'subject.add' ORDER BY id DESC LIMIT 1")
    detail = json.loads(audit[0]["detail"] or "{}") if audit[0]["detail"] else {}
    assert detail.get("warnings", []) == warnings  # the warning is recorded with the registration
    assert bool(detail.get("converted_from_15_digits")) == (convert and len(typed.split()[0]) != 18)


def test_r7_unknown_county_warning_explains_why(clerk):
    s = subjects.add_subject(clerk, kind="natural_person", name="张小明", id_type="ric",
                             id_number="330114202203152713")
    (code, zh, en), = subjects.subject_warnings(s)
    assert "330114" in zh and "浙江省" in zh and "校验位" in zh and "330114202203152713" not in zh
    assert "address code" in en


def test_r7_legal_rep_with_unknown_county_is_warned_too(clerk):
    from credit_desk.domain import demo
    import random
    s = subjects.add_subject(clerk, kind="legal_person", name="杭州某某科技有限公司", id_type="uscc",
                             id_number=demo.uscc(random.Random(3), "330114"), legal_rep_name="王五",
                             legal_rep_id_number="330114202203152713")
    assert [w[0] for w in subjects.subject_warnings(s)] == ["ID_COUNTY_UNKNOWN"]


def test_r9_minor_not_for_a_birth_after_the_act():
    number = with_check("32010220100615123")
    assert is_minor_on(IdType.RIC, number, dt.date(2028, 6, 15)) is True
    with pytest.raises(ValidationError) as err:
        is_minor_on(IdType.RIC, number, dt.date(2009, 1, 1))  # an act before birth is a wrong date
    assert err.value.code == "ACT_BEFORE_BIRTH" and err.value.field == "act_date"


def test_gb11643_conversion_known_value():
    # GB 11643-1999 worked example form: 15-digit 340524800101001 → 34052419800101001X
    assert convert_15_to_18("340524800101001") == "34052419800101001X"


@pytest.mark.parametrize("query", ["320102900101123", "320102199001011232", "３２０１０２９００１０１１２３",
                                   "3201021990", "320102 1990 0101 1232", "\ufeff320102199001011232",
                                   "32010219900101\u200b1232"])
def test_subject_found_under_15_or_18_digit_form(clerk, query):
    s = subjects.add_subject(clerk, kind="natural_person", name="张小明", id_type="ric",
                             id_number="320102900101123", convert_15=True)
    found = subjects.search_subjects(clerk, query, "核查身份")
    assert [x.id for x in found] == [s.id]


def test_cli_subject_add_unknown_county_and_15_digits(office, secret_files):
    office = clerk_cli(office, secret_files)
    code, out, err = office("--json", "subject", "add", "--kind", "natural_person", "--name", "张小明",
                            "--id-type", "ric", "--id-number", "330114202203152713")
    assert code == 0, err
    data = json.loads(out)
    assert [w["code"] for w in data["warnings"]] == ["ID_COUNTY_UNKNOWN"]
    code, out, err = office("subject", "add", "--kind", "natural_person", "--name", "李四", "--id-type", "ric",
                            "--id-number", "320102900101123")
    assert code != 0 and "ID_15_DIGIT" in err and "--convert-15" in err and "Traceback" not in err
    code, out, err = office("--json", "subject", "add", "--kind", "natural_person", "--name", "李四",
                            "--id-type", "ric", "--id-number", "320102900101123", "--convert-15")
    assert code == 0, err
    code, out, err = office("--json", "subject", "search", "320102900101123", "--purpose", "核查身份")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, err = office("subject", "add", "--kind", "natural_person", "--name", "王五", "--id-type", "ric",
                            "--id-number", with_check("11010520900101123"))
    assert code != 0 and "晚于今天" in err and "Traceback" not in err


@pytest.mark.parametrize("query", ["11010519491231002×", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ"])
def test_r7_check_character_x_found_however_typed(clerk, query):
    s = subjects.add_subject(clerk, kind="natural_person", name="张小明", id_type="ric",
                             id_number="11010519491231002×")
    assert s.id_number == "11010519491231002X"
    assert [x.id for x in subjects.search_subjects(clerk, query, "核查身份")] == [s.id]
