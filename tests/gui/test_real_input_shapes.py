"""Issue 15 in the GUI (pytest-qt), second part: traditional/simplified search in the subjects and records lists,
names with CJK Extension A/B characters, and every ID shape masked in lists — no traceback, no silent form."""

from __future__ import annotations

import pytest

from credit_desk.services import subjects
from tests.realinput.conftest import NOW, with_check
from tests.realinput.test_script_fold import SCRIPT_VARIANTS

RIC = with_check("32010219900101123")


@pytest.fixture
def clerk_ctx(data_dir, make_ctx):
    from credit_desk.services import accounts, auth, ledgers
    from tests.conftest import ADMIN_PW, PASSPHRASE, USER_PW
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: NOW
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "王经办")
    yield make_ctx(auth.login(desk, "clerk1", USER_PW))
    desk.close()


def _type_search(qtbot, view, typed: str) -> None:
    view.search.purpose.setEditText("核查身份")
    view.search.edit.setText(typed)
    view.search.fire_now()
    qtbot.waitUntil(lambda: view.model.search.text == typed.strip(), timeout=5000)


@pytest.mark.parametrize("kind,stored,typed", SCRIPT_VARIANTS[:8], ids=[f"{s}<-{t}" for _, s, t in SCRIPT_VARIANTS[:8]])
def test_traditional_and_simplified_in_the_subjects_list(qtbot, clerk_ctx, kind, stored, typed):
    from credit_desk.gui.views.subjects_view import SubjectsView
    subjects.add_subject(clerk_ctx.session, kind="natural_person", name="王五", id_type="ric",
                         id_number=with_check("32010219800101555"))
    s = subjects.add_subject(clerk_ctx.session, kind=kind, name=stored, id_type="ric", id_number=RIC)
    view = SubjectsView(clerk_ctx, "信用主体")
    qtbot.addWidget(view)
    _type_search(qtbot, view, typed)
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=5000)
    assert view.model.row(0)["id"] == s.id and "*" in view.model.row(0)["name"]  # masked by kind (R15)


def test_traditional_doc_number_and_name_in_the_records_list(qtbot, clerk_ctx, shot):
    from credit_desk.gui.views.records_view import RecordsView
    from credit_desk.store import records as record_repo
    from tests.realinput.test_search_variants import _record
    other = subjects.add_subject(clerk_ctx.session, kind="natural_person", name="王五", id_type="ric",
                                 id_number=with_check("32010219800101555"))
    s = subjects.add_subject(clerk_ctx.session, kind="natural_person", name="陳小明", id_type="ric", id_number=RIC)
    with clerk_ctx.session.ledger.tx() as tx:
        record_repo.insert_many(tx, [_record(other.id, "淮市监罚〔2020〕1号"), _record(s.id, "發改財金〔2021〕15號")])
    view = RecordsView(clerk_ctx, "失信信息")
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    for typed in ("发改财金[2021]15号", "陈小明", "陳小明"):
        _type_search(qtbot, view, typed)
        qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=5000)
        assert view.model.row(0)["doc_number"] == "發改財金〔2021〕15號", typed
    shot(view, "records_traditional_search")
