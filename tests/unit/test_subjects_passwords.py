"""Subjects (R7, R15) and local passwords, pure (issue 23: reached before only through the CLI, so a mutation
run over domain/ saw none of them). Expected values are written out here."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from credit_desk.domain import demo
from credit_desk.domain.errors import DomainError
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.passwords import check_strength, hash_password, verify_password
from credit_desk.domain.subjects import Subject, fifteen_to_eighteen, new_subject, updated_subject

D = dt.date
RNG = random.Random(77)
USCC = demo.uscc(RNG, "320812")
RIC = demo.ric(RNG, "320826", D(1970, 1, 1), D(1980, 1, 1))
REP = demo.ric(RNG, "320826", D(1960, 1, 1), D(1970, 1, 1))


def test_r7_a_company_with_its_representative():
    s = new_subject("legal_person", "  淮安某某有限公司 ", "uscc", USCC, legal_rep_name=" 王建国 ", legal_rep_id_number=REP,
                    address=" 清江浦区 ", today=D(2026, 11, 30))
    assert s == Subject(None, SubjectKind.LEGAL_PERSON, "淮安某某有限公司", IdType.USCC, USCC, "王建国", IdType.RIC, REP,
                        "清江浦区")
    bare = new_subject("legal_person", "淮安某某有限公司", "uscc", USCC, legal_rep_name=" ", address="  ")
    assert (bare.legal_rep_name, bare.legal_rep_id_type, bare.legal_rep_id_number, bare.address) == (None,) * 4


@pytest.mark.parametrize("name", ["", "   ", None, "名" * 201])
def test_r7_a_name_is_required_and_bounded(name):
    with pytest.raises(DomainError) as err:
        new_subject("natural_person", name, "ric", RIC)
    assert err.value.code == "NAME_REQUIRED" and err.value.field == "name"
    assert new_subject("natural_person", "名" * 200, "ric", RIC).name == "名" * 200


def test_r7_kind_and_id_type_must_be_known_and_fit():
    for kind, id_type, field in (("robot", "ric", "kind"), ("natural_person", "fax", "id_type")):
        with pytest.raises(DomainError) as err:
            new_subject(kind, "张三", id_type, RIC)
        assert err.value.field == field
    with pytest.raises(DomainError) as err:
        new_subject("legal_person", "某公司", "ric", RIC)  # a company is not identified by a resident ID
    assert err.value.code == "ID_TYPE_NOT_ALLOWED"


def test_r7_a_bad_representative_id_names_the_representative_field():
    with pytest.raises(DomainError) as err:
        new_subject("legal_person", "某公司", "uscc", USCC, legal_rep_name="王建国", legal_rep_id_number="123")
    assert err.value.field == "legal_rep_id_number" and err.value.zh.startswith("法定代表人证件号码：")
    assert err.value.en.startswith("Legal representative's ID: ")
    with pytest.raises(DomainError) as err:
        new_subject("legal_person", "某公司", "uscc", USCC, legal_rep_id_type="fax", legal_rep_id_number=REP)
    assert err.value.field == "legal_rep_id_type"


def test_r7_completing_an_entry_keeps_what_was_not_changed():
    old = Subject(7, SubjectKind.INDIVIDUAL_BUSINESS, "清江浦区某某小吃店", IdType.USCC, USCC, address="旧址")
    new = updated_subject(old, legal_rep_name="李四", legal_rep_id_number=REP, address=None)
    assert new == Subject(7, SubjectKind.INDIVIDUAL_BUSINESS, "清江浦区某某小吃店", IdType.USCC, USCC, "李四", IdType.RIC,
                          REP, "旧址")
    renamed = updated_subject(new, name="清江浦区某某饭店")
    assert renamed.name == "清江浦区某某饭店" and renamed.legal_rep_id_number == REP and renamed.id == 7
    with pytest.raises(DomainError) as err:
        updated_subject(old, id=8, colour="red")
    assert err.value.code == "SUBJECT_FIELD" and err.value.field == "colour" and "colour、id" in err.value.zh
    with pytest.raises(DomainError) as err:
        updated_subject(old, name=" ")
    assert err.value.code == "NAME_REQUIRED"


def test_r15_a_subject_is_shown_masked_by_its_kind():
    person = Subject(1, SubjectKind.NATURAL_PERSON, "欧阳震华", IdType.RIC, RIC)
    shown = person.masked()
    assert shown["name"] == "欧阳*华" and shown["id_number"] != RIC and RIC[6:14] not in shown["id_number"]
    assert (shown["id"], shown["kind"], shown["id_type"]) == (1, "natural_person", "ric")
    company = Subject(2, SubjectKind.LEGAL_PERSON, "淮安某某有限公司", IdType.USCC, USCC)
    assert company.masked()["name"] == "淮安某某有限公司"


def test_fifteen_digit_ids_convert_only_when_confirmed():
    eighteen = "11010519491231002X"  # GB 11643 check digit X
    fifteen = eighteen[:6] + eighteen[8:17]
    assert fifteen_to_eighteen("ric", fifteen, False) == (fifteen, False)
    assert fifteen_to_eighteen("ric", fifteen, True) == (eighteen, True)
    assert fifteen_to_eighteen("ric", " " + fifteen[:7] + " " + fifteen[7:], True)[1] is True
    assert fifteen_to_eighteen("passport", fifteen, True) == (fifteen, False)
    assert fifteen_to_eighteen("ric", eighteen, True) == (eighteen, False)


def test_passwords_need_ten_characters_and_not_a_common_one():
    """Issue 14 item 6 (等保 2.0): at least 10 characters, and zxcvbn must not find it common or guessable."""
    check_strength("Huai'an-river-2026")
    with pytest.raises(DomainError) as err:
        check_strength("Huai-an-9")
    assert err.value.code == "PASSWORD_TOO_SHORT" and err.value.field == "password" and "10" in err.value.zh
    for common in ("1234567890", "password123", "qwertyuiop"):
        with pytest.raises(DomainError) as err:
            check_strength(common)
        assert err.value.code == "PASSWORD_COMMON" and err.value.field == "password"
    with pytest.raises(DomainError) as err:  # the user's own name makes it guessable
        check_strength("zhangwei2026", ("zhangwei", "张伟"))
    assert err.value.code == "PASSWORD_COMMON"


def test_password_hashes_are_salted_and_verify_only_the_password():
    stored = hash_password("user-pass-12")
    algo, n, r, p, salt, digest = stored.split("$")
    assert (algo, n, r, p) == ("scrypt", "16384", "8", "1") and len(salt) == 24 and len(digest) == 44
    assert verify_password("user-pass-12", stored) and not verify_password("user-pass-13", stored)
    assert hash_password("user-pass-12") != stored  # a fresh salt each time
    assert not verify_password("user-pass-12", "garbage") and not verify_password("x", "a$b$c$d$e$f")
