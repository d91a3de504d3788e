"""Small domain helpers reached before only through the CLI (issue 23): search keys, field checks, the lock-out
rule, signing and the refusal type. Expected values are written out here."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from credit_desk.domain import signing
from credit_desk.domain.accounts import User, after_failure
from credit_desk.domain.errors import AuthError, DomainError, PermissionDenied, ValidationError
from credit_desk.domain.fields import not_in_future, parse_enum, require_text
from credit_desk.domain.roles import Role
from credit_desk.domain.textkey import clean_doc_number, display_clean, search_key

# ---- search keys (R7 search; issue 9)


@pytest.mark.parametrize("typed, key", [
    (None, ""),
    ("", ""),
    ("阿依古丽•买买提", "阿依古丽·买买提"),
    ("阿依古丽・买买提", "阿依古丽·买买提"),
    ("阿依古丽．买买提", "阿依古丽·买买提"),  # full-width full stop: NFKC gives ".", then the dot
    ("阿依古丽.买买提", "阿依古丽·买买提"),
    ("１３０１１１１９９００３０７７７７ｘ", "13011119900307777X"),
    ("清信告［2026］1号", "清信告〔2026〕1号"),
    ("清信告【2026】1号", "清信告〔2026〕1号"),
    ("清信告(2026)1号", "清信告〔2026〕1号"),
    ("清信告（2026）1号", "清信告〔2026〕1号"),
    ("A－1—2–3", "A-1-2-3"),
    ("王\u3000建\u00a0国 \t\n", "王建国"),
    ("王\u200b建\ufeff国\u00ad", "王建国"),
    ("abc", "ABC"),
    ("一二", "一二"),  # 一 is the digit one, not a dash
])
def test_search_key_normalises_every_variant_to_one_key(typed, key):
    assert search_key(typed) == key


def test_display_clean_keeps_the_clerks_characters():
    assert display_clean(None) == ""
    assert display_clean("  王  建国 \n") == "王 建国"
    assert display_clean("阿依古丽•买买提") == "阿依古丽•买买提"  # the typed dot stays on the notice
    assert display_clean("e\u0301") == "\u00e9"  # NFC


def test_clean_doc_number_prints_half_width_digits_and_year_brackets():
    assert clean_doc_number(None) == ""
    assert clean_doc_number(" 清信告（２０２６） 1号 ") == "清信告〔2026〕1号"
    assert clean_doc_number("淮发改[2021]15号") == "淮发改〔2021〕15号"
    assert clean_doc_number("a-b") == "a-b"  # no upper-casing, no dash change: printed as typed


# ---- field checks


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"

    @property
    def zh(self):
        return {"red": "红", "blue": "蓝"}[self.value]


def test_parse_enum_returns_the_member_or_lists_the_allowed_values():
    assert parse_enum(Colour, "blue", "colour", "颜色") is Colour.BLUE
    with pytest.raises(ValidationError) as err:
        parse_enum(Colour, "green", "colour", "颜色")
    e = err.value
    assert (e.code, e.field) == ("FIELD_VALUE", "colour")
    assert e.zh == "颜色「green」无效，可选：red（红）、blue（蓝）。"
    assert e.en == "colour 'green' is not one of ['red', 'blue']."
    assert e.__cause__ is None and e.__suppress_context__


def test_require_text_is_trimmed_and_bounded():
    assert require_text("  事实  ", "facts", "事实") == "事实"
    assert require_text("字" * 2000, "facts", "事实") == "字" * 2000
    assert require_text("字" * 5, "facts", "事实", limit=5) == "字" * 5
    for bad, limit in ((None, 2000), ("  ", 2000), ("字" * 2001, 2000), ("字" * 6, 5)):
        with pytest.raises(ValidationError) as err:
            require_text(bad, "facts", "事实", limit)
        e = err.value
        assert (e.code, e.field) == ("FIELD_REQUIRED", "facts")
        assert e.zh == f"事实不能为空，且不超过{limit}字。"
        assert e.en == f"facts is required (at most {limit} characters)."


def test_not_in_future():
    today = dt.date(2026, 11, 30)
    assert not_in_future(today, today, "served_on", "送达日期") == today
    with pytest.raises(ValidationError) as err:
        not_in_future(dt.date(2026, 12, 1), today, "served_on", "送达日期")
    e = err.value
    assert (e.code, e.field) == ("DATE_IN_FUTURE", "served_on")
    assert e.zh == "送达日期（2026-12-01）不能晚于今天。"
    assert e.en == "served_on (2026-12-01) cannot be in the future."


# ---- lock-out (等保 2.0: five wrong passwords lock for fifteen minutes)

NOW = dt.datetime(2026, 11, 30, 9, 0)


def test_after_failure_counts_and_the_fifth_in_a_row_locks_for_fifteen_minutes():
    assert after_failure(0, NOW) == (1, None)
    assert after_failure(3, NOW) == (4, None)
    assert after_failure(4, NOW) == (0, dt.datetime(2026, 11, 30, 9, 15))
    assert after_failure(1, NOW, attempts=3, minutes=60) == (2, None)
    assert after_failure(2, NOW, attempts=3, minutes=60) == (0, dt.datetime(2026, 11, 30, 10, 0))


def _user(until):
    return User(1, "clerk", "王", Role.CLERK, True, 0, until)


def test_a_lock_ends_by_itself_and_never_lasts_longer_than_a_day():
    assert _user(None).locked_at(NOW) is False
    assert _user(NOW).locked_at(NOW) is False  # the lock ends at its time
    assert _user(NOW + dt.timedelta(minutes=15)).locked_at(NOW) is True
    assert _user(NOW + dt.timedelta(days=1)).locked_at(NOW) is True  # exactly the longest lock
    assert _user(NOW + dt.timedelta(days=1, seconds=1)).locked_at(NOW) is False  # set under a wrong clock
    assert _user(NOW + dt.timedelta(minutes=15)).locked_at(NOW, max_minutes=10) is False
    assert _user(NOW + dt.timedelta(minutes=10)).locked_at(NOW, max_minutes=10) is True
    assert _user(None).must_change_password is False


# ---- signing (docs/bundle-format.md §3)

PRIVATE = bytes(range(32))


def test_message_is_domain_separated():
    assert signing.message(signing.Use.DOCUMENT, b"abc") == b"credit_desk-sig\x00credit_desk.document/2\x00abc"
    assert signing.message(signing.Use.RECEIPT, b"") == b"credit_desk-sig\x00credit_desk.receipt/1\x00"
    assert signing.message(signing.Use.LEGACY_DOCUMENT, b"abc") == b"abc"


def test_sign_and_verify_per_use():
    public = signing.public_of(PRIVATE)
    assert len(public) == 32 and public == signing.public_of(PRIVATE)
    sig = signing.sign(PRIVATE, signing.Use.BUNDLE_MANIFEST, b"manifest")
    assert len(sig) == 64
    Ed25519PublicKey.from_public_bytes(public).verify(
        sig, b"credit_desk-sig\x00credit_desk.bundle-manifest/1\x00manifest")  # what openssl checks
    assert signing.verify(public, sig, signing.Use.BUNDLE_MANIFEST, b"manifest") is True
    assert signing.verify(public, sig, signing.Use.RECEIPT, b"manifest") is False  # another use
    assert signing.verify(public, sig, signing.Use.BUNDLE_MANIFEST, b"manifesT") is False
    assert signing.verify(public, sig, "credit_desk.bundle-manifest/1", b"manifest") is False  # not a Use
    assert signing.verify(b"\x00" * 31, sig, signing.Use.BUNDLE_MANIFEST, b"manifest") is False  # bad key
    for use in (signing.Use.LEGACY_DOCUMENT, "credit_desk.document/2"):
        with pytest.raises(ValueError, match="signing needs a current domain tag"):
            signing.sign(PRIVATE, use, b"x")


def test_legacy_notices_verify_untagged():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    sig = Ed25519PrivateKey.from_private_bytes(PRIVATE).sign(b"CDN1 notice")
    assert signing.verify(signing.public_of(PRIVATE), sig, signing.Use.LEGACY_DOCUMENT, b"CDN1 notice") is True


def test_new_keys_fingerprint_and_pem():
    a, b = signing.new_private(), signing.new_private()
    assert len(a) == 32 and a != b
    public = signing.public_of(PRIVATE)
    digest = hashlib.sha256(public).hexdigest().upper()
    fp = signing.fingerprint(public)
    assert fp == " ".join(digest[i:i + 4] for i in range(0, 32, 4)) and len(fp) == 39 and fp.count(" ") == 7
    pem = signing.public_pem(public)
    assert pem.startswith(b"-----BEGIN PUBLIC KEY-----\n") and pem.endswith(b"-----END PUBLIC KEY-----\n")


# ---- refusals


def test_a_refusal_carries_code_two_sentences_field_and_row():
    e = ValidationError("R5_DATE_ORDER", "日期有误。", "Wrong date.", field="served_on", row=3)
    assert (e.code, e.zh, e.en, e.field, e.row) == ("R5_DATE_ORDER", "日期有误。", "Wrong date.", "served_on", 3)
    assert str(e) == "[R5_DATE_ORDER] 日期有误。"
    assert (e.message(), e.message("zh"), e.message("en")) == ("日期有误。", "日期有误。", "Wrong date.")
    assert e.rule() == "R5"
    assert DomainError("R12_X", "甲", "a").rule() == "R12"
    assert (DomainError("CASE_CLOSED", "甲", "a").rule(), DomainError("RX_1", "甲", "a").rule(),
            DomainError("R_1", "甲", "a").rule()) == (None, None, None)
    plain = DomainError("X", "甲", "a")
    assert (plain.field, plain.row) == (None, None)
    assert issubclass(PermissionDenied, DomainError) and issubclass(AuthError, DomainError)


@pytest.mark.parametrize("code, zh, en", [("", "甲", "a"), ("X", " ", "a"), ("X", "甲", ""), (None, "甲", "a"),
                                          ("X", None, "a"), ("X", "甲", None)])
def test_a_refusal_without_its_code_or_a_sentence_is_a_programming_error(code, zh, en):
    with pytest.raises(TypeError, match="DomainError needs a code and a Chinese and an English sentence"):
        DomainError(code, zh, en)
