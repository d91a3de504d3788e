"""Issue 17 items 6 and 12 (first run), a new county clerk in Xvfb (clerk17): after the set-up dialog the
administrator landed on an empty 工作台 — zeros, an empty deadline table and 「到期事项仅向业务岗位显示」 — and
nothing said what an office needs before its staff can work: business accounts, a deciding department with its
reviewers and heads in it (R4: only they decide its listings; the GUI could not even do that before
tests/gui/test_clerk17c_accounts.py), and the platform's key (R6). The administrator's dashboard now lists these
steps, each ticked when done and saying where it is done, until all are."""

from __future__ import annotations

import random

from credit_desk.domain import demo, signing
from credit_desk.gui.main_window import MainWindow
from credit_desk.services import accounts, auth, departments, keys, ledgers
from credit_desk.sync import crypto, keyfiles
from tests.conftest import ADMIN_PW, PASSPHRASE, USER_PW


def _platform_doc() -> bytes:
    sign_pub = signing.public_of(signing.new_private())
    _enc, enc_pub = crypto.new_enc(signing.suite_of(sign_pub))
    return keyfiles.platform_doc(platform="suqian", name="宿迁市信用信息共享平台", sign_public=sign_pub,
                                 enc_public=enc_pub)


def test_the_administrators_first_dashboard_lists_what_comes_before_work(qtbot, data_dir, make_ctx, shot):
    desk, _ = ledgers.init_office(data_dir, office="沭阳县信用办", region="321322", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    admin = auth.login(desk, "admin", ADMIN_PW)
    win = MainWindow(make_ctx(admin))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    view = win.open_area("dashboard")
    steps = view.setup
    assert steps.isVisible() and steps.text().count("○") == 4, steps.text()
    assert "开始办理业务之前" in steps.text() and "Before" not in steps.text()
    for where in ("用户与角色", "认定部门", "账户管理", "导入市平台公钥文件"):
        assert where in steps.text(), where
    shot(win, "clerk17c_first_dashboard")
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "王经办")
    accounts.add_user(admin, "boss1", "approver", USER_PW, "李科长")
    market = departments.add_department(admin, name="沭阳县市场监督管理局", uscc=demo.uscc(random.Random(5), "321322"),
                                        level="county", domain="市场监管", prefix="沭市监")
    view.refresh()
    assert steps.text().count("✓") == 2 and steps.text().count("○") == 2, steps.text()
    departments.assign_user(admin, "boss1", market.name)
    keys.import_platform(admin, _platform_doc())
    view.refresh()
    assert not steps.isVisible(), steps.text()  # all done: the list goes
    desk.close()
