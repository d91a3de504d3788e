"""Issue 23 (the property test tests/realinput/test_script_fold.py failed once in a whole-suite faketime run): the
search key must be a fixed point. OpenCC folds 薴 to 苧 and 苧 to 苎, so search_key(search_key("薴")) differed from
search_key("薴"): a name typed 薴 was stored under 苧 and not found when typed 苎. ``_ScriptFold`` now folds until
nothing changes, and migration 33 rebuilds the stored keys."""

from __future__ import annotations

import pytest

from credit_desk.domain.textkey import search_key


@pytest.mark.parametrize("lo, hi", [(0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)])
def test_every_ideograph_folds_to_a_fixed_point(lo, hi):
    bad = [(chr(p), search_key(chr(p)), search_key(search_key(chr(p)))) for p in range(lo, hi + 1)
           if search_key(search_key(chr(p))) != search_key(chr(p))]
    assert bad == []


def test_a_two_step_chain_folds_to_its_end():
    assert search_key("薴") == search_key("苧") == search_key("苎") == "苎"
    assert search_key("王薴") == "王苎"


def test_migration_33_rebuilds_keys_stored_with_the_one_step_fold(tmp_path):
    from credit_desk.domain.ids import IdType, SubjectKind
    from credit_desk.domain.subjects import Subject
    from credit_desk.store import keys, migrate
    from credit_desk.store import ledger as ledger_store
    from credit_desk.store import subjects as subject_repo
    from credit_desk.store.ledger import LedgerPaths
    from credit_desk.store.migrations import MIGRATIONS, m0010_rebuild_search_keys as m10
    from credit_desk.store.tx import Tx
    from tests.realinput.test_search_variants import RIC
    c = ledger_store.connect(tmp_path / "ledger.db", keys.new_key())
    c.execute("BEGIN")
    for m in MIGRATIONS:
        if m.VERSION <= 32:
            m.up(c)
    c.execute("PRAGMA user_version = 32")
    c.execute("COMMIT")
    c.execute("BEGIN IMMEDIATE")
    subject_repo.insert_many(Tx(c, "t"), [Subject(None, SubjectKind.NATURAL_PERSON, "王薴", IdType.RIC, RIC)])
    c.execute("COMMIT")
    # as version 32 stored it: the one-step fold (王苧), which a search for 苎 does not find
    c.create_function("cd_search_key", 1, lambda t: (t or "").replace("薴", "苧"), deterministic=True)
    c.execute("BEGIN")
    for table, col in m10.SEARCHED:
        for statement in m10.rebuild(table, col):
            c.execute(statement)
    c.execute("COMMIT")
    assert subject_repo.search(c, "王苎") == []
    ledger_store.register_functions(c)  # the current normaliser again
    migrate.upgrade(c, LedgerPaths(tmp_path), "t")
    assert [s.name for s in subject_repo.search(c, "王苎")] == ["王薴"]
    assert [s.name for s in subject_repo.search(c, "王薴")] == ["王薴"]
    c.close()
