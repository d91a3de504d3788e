"""Issue 15, a second attack on the real-input kinds: what a clerk pastes into the search box that is no ID
prefix at all — a GLOB wildcard, a masked number copied from a list or a printed extract, a zero-width space
or soft hyphen alone from a PDF/web copy — must match no subject by its ID (R14: only what was asked for is
shown and logged; R15: a masked number is not a key to the whole one)."""

from __future__ import annotations

import json

import pytest

from credit_desk.services import browse, subjects
from credit_desk.store.views import PageSpec
from tests.realinput.conftest import clerk_cli, with_check

RIC_A = with_check("32010219900101123")
RIC_B = with_check("32011219800101555")
# (label, typed): none of these is a prefix of an ID number
NOT_A_PREFIX = [
    ("asterisk alone", "*"),
    ("question mark alone", "?"),
    ("masked number from a list", f"{RIC_A[:4]}{'*' * 10}{RIC_A[-4:]}"),
    ("masked with the other's ends", f"{RIC_B[:4]}**********{RIC_A[-4:]}"),
    ("prefix with a wildcard", "3201*"),
    ("wildcard in the middle", "3201?2"),
    ("zero-width space alone", "\u200b"),
    ("soft hyphen alone", "\u00ad"),
    ("zero-width joiner and BOM", "\u200d\ufeff"),
]


@pytest.fixture
def two(clerk):
    a = subjects.add_subject(clerk, kind="natural_person", name="陈小明", id_type="ric", id_number=RIC_A)
    b = subjects.add_subject(clerk, kind="natural_person", name="王五", id_type="ric", id_number=RIC_B)
    return a, b


@pytest.mark.parametrize("label,typed", NOT_A_PREFIX, ids=[x[0] for x in NOT_A_PREFIX])
def test_r15_search_text_that_is_no_id_prefix_matches_no_subject(clerk, two, label, typed):
    assert [s.id for s in subjects.search_subjects(clerk, "3201", "核查身份")] == [two[0].id, two[1].id]  # control
    try:
        found = subjects.search_subjects(clerk, typed, "核查身份")
    except Exception as e:  # an empty search may be refused in one sentence, never widened
        assert getattr(e, "code", None) == "SEARCH_EMPTY", e
        found = []
    assert found == [], label
    reader = browse.Reader(clerk)
    try:  # the GUI subjects list goes through the same pattern
        token = browse.log_search(clerk, "subjects", typed, "核查身份")
        assert browse.subjects_page(clerk, reader, PageSpec(), token) == [], label
    except Exception as e:
        assert getattr(e, "code", None) == "SEARCH_EMPTY", e
    finally:
        reader.close()


def test_r15_cli_search_for_an_asterisk_or_a_masked_number_lists_nobody(office, secret_files):
    run = clerk_cli(office, secret_files)
    for name, number in (("陈小明", RIC_A), ("王五", RIC_B)):
        code, _, err = run("subject", "add", "--kind", "natural_person", "--name", name, "--id-type", "ric",
                           "--id-number", number)
        assert code == 0, err
    for typed in ("*", f"{RIC_A[:4]}**********{RIC_A[-4:]}", "\u200b"):
        code, out, err = run("--json", "subject", "search", typed, "--purpose", "核查身份")
        assert "Traceback" not in err
        assert code != 0 or json.loads(out) == [], (typed, out)


def test_r15_csv_in_gb18030_with_its_own_byte_order_mark_is_read(clerk, tmp_path):
    """R16 clean-up ledger import: a .csv exported as GB 18030 with its BOM (84 31 95 33) is read, not refused
    as a header mismatch."""
    import csv
    import io

    from credit_desk.domain import cleanup as c
    from credit_desk.services import cleanup
    from tests.realinput.test_sheets_real import _row

    buf = io.StringIO()
    w = csv.writer(buf)
    for r in (c.HEADERS, _row(1, c10="2021年6月底前"), _row(2)):
        w.writerow(r)
    path = tmp_path / "gb18030bom.csv"
    path.write_bytes("\ufeff".encode("gb18030") + buf.getvalue().encode("gb18030"))
    assert path.read_bytes()[:4] == b"\x84\x31\x95\x33"
    result = cleanup.import_ledger(clerk, path)
    assert result["added"] == 2 and any(n["code"] == "CSV_READ" for n in result["notes"])


# 锺 is the 2013 simplified form of the surname 鍾 (通用规范汉字表); OpenCC folds 鍾 to 钟 — all three find each other
ZHONG = [("锺小明", "钟小明"), ("锺小明", "鍾小明"), ("钟小明", "锺小明"), ("鍾小明", "锺"), ("锺国强", "锺国")]


@pytest.mark.parametrize("stored,typed", ZHONG, ids=[f"{s}<-{t}" for s, t in ZHONG])
def test_r15_surname_zhong_in_all_three_forms_finds_the_same_subject(clerk, stored, typed):
    subjects.add_subject(clerk, kind="natural_person", name="王五", id_type="ric", id_number=RIC_B)
    s = subjects.add_subject(clerk, kind="natural_person", name=stored, id_type="ric", id_number=RIC_A)
    assert [x.id for x in subjects.search_subjects(clerk, typed, "核查身份")] == [s.id]


def test_r15_migration_27_rebuilds_keys_written_before_the_zhong_fold(tmp_path):
    """Rows indexed at schema 26 (锺 kept as it is) are found by 钟 and 鍾 after the upgrade."""
    import unicodedata

    from credit_desk.domain import textkey as tk
    from credit_desk.domain.ids import IdType, SubjectKind
    from credit_desk.domain.subjects import Subject
    from credit_desk.store import keys, migrate
    from credit_desk.store import ledger as ledger_store
    from credit_desk.store import subjects as subject_repo
    from credit_desk.store.ledger import LedgerPaths
    from credit_desk.store.migrations import MIGRATIONS
    from credit_desk.store.tx import Tx

    def key_26(text):  # search_key as it was at schema 26: 锺 not folded
        if not text:
            return ""
        value = tk._SPACE.sub("", unicodedata.normalize("NFKC", text).translate(tk._TABLE)).upper()
        return "".join(ch if ch == "锺" else tk.fold_script(ch) for ch in value)
    c = ledger_store.connect(tmp_path / "ledger.db", keys.new_key())
    c.create_function("cd_search_key", 1, key_26, deterministic=True)
    c.execute("BEGIN")
    for m in MIGRATIONS:
        if m.VERSION < 27:
            m.up(c)
    c.execute("PRAGMA user_version = 26")
    c.execute("COMMIT")
    c.execute("BEGIN IMMEDIATE")
    subject_repo.insert_many(Tx(c, "t"), [Subject(None, SubjectKind.NATURAL_PERSON, "锺小明", IdType.RIC, RIC_A)])
    c.execute("COMMIT")
    ledger_store.register_functions(c)
    assert subject_repo.search(c, "钟小明") == []
    migrate.upgrade(c, LedgerPaths(tmp_path), "t")
    assert [s.name for s in subject_repo.search(c, "鍾小明")] == ["锺小明"]
    c.close()


# (typed, stored): a name pasted from a PDF or a web page carries invisible characters
INVISIBLE_NAMES = [("\ufeff陈小明", "陈小明"), ("陈小明\u200b", "陈小明"), ("陈\u00ad小明", "陈小明"),
                   ("欧阳\u200d娜娜", "欧阳娜娜"), ("\u2060 阿依古丽·买买提 \u200c", "阿依古丽·买买提")]


@pytest.mark.parametrize("typed,stored", INVISIBLE_NAMES, ids=[repr(t) for t, _ in INVISIBLE_NAMES])
def test_r15_invisible_characters_in_a_pasted_name_are_not_stored_or_masked_as_letters(clerk, typed, stored):
    from credit_desk.domain.masking import mask_person_name
    s = subjects.add_subject(clerk, kind="natural_person", name=typed, id_type="ric", id_number=RIC_A,
                             legal_rep_name=typed)
    assert s.name == stored and s.legal_rep_name == stored
    assert s.masked()["name"] == mask_person_name(stored)


def test_r15_a_name_of_invisible_characters_only_is_refused(clerk):
    from credit_desk.domain.errors import DomainError
    with pytest.raises(DomainError) as e:
        subjects.add_subject(clerk, kind="natural_person", name="\u200b\ufeff", id_type="ric", id_number=RIC_A)
    assert e.value.code == "NAME_REQUIRED"


@pytest.mark.parametrize("typed,stored", INVISIBLE_NAMES, ids=[repr(t) for t, _ in INVISIBLE_NAMES])
def test_r15_invisible_characters_in_a_disclosure_party_name_are_dropped(typed, stored):
    """R21 双公示 rows (import, GUI form, bundle) check names in ``domain.disclosure.check_decision``."""
    import datetime as dt

    from credit_desk.domain import disclosure as d
    from credit_desk.domain.masking import mask_person_name
    from tests.conftest import TEST_NOW
    from tests.e2e.disclosure_kit import penalty_row

    today = TEST_NOW.date()
    raw = {**penalty_row(1, today - dt.timedelta(days=10), person=True), "party_name": typed}
    decision, errors = d.check_decision(raw, today)
    assert errors == [] and decision.party_name == stored
    assert decision.public_row()["party_name"] == mask_person_name(stored)
