"""Issue 14 item 3 in the GUI: after restoring an older backup, the sync page learns the lost bundle and the
platform's high-water mark from the receipts on the USB stick (offline), and the clerk confirms the last paper
number of a series; numbering then continues after it. A real ledger, a real intake, real receipt files."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from credit_desk.domain import demo
from credit_desk.intake.receiver import Intake
from credit_desk.services import (accounts, auth, backup, document_sources, documents, keys, ledgers, subjects, sync,
                                  sync_inbound)
from tests.conftest import ADMIN_PW, PASSPHRASE, USER_PW


def _seq(number: str) -> int:
    return int(re.search(r"〕(\d+)号", number)[1])


@pytest.fixture
def restored(data_dir, tmp_path):
    """An office that printed and sent by USB after its backup, then restored that backup: (clerk's session on
    the restored ledger, the USB folder with the platform's receipts, the last number handed out)."""
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "clerk1", "clerk", USER_PW, "王经办")
    Intake.init(tmp_path / "intake")
    keys.import_platform(admin, (tmp_path / "intake" / "platform.keys.json").read_bytes())
    intake = Intake(tmp_path / "intake")
    intake.register_office(keys.export_public(admin)[0])
    clerk = auth.login(desk, "clerk1", USER_PW)
    usb = tmp_path / "usb"
    usb.mkdir()
    rng = random.Random(51)

    def add_and_print(i: int) -> str:
        sid = subjects.add_subject(clerk, kind="legal_person", name=f"淮安测试{i}有限公司", id_type="uscc",
                                   id_number=demo.uscc(rng, "320812")).id
        item = document_sources.credit_query(clerk, sid, "资格审查")
        return documents.issue(clerk, "credit_query", [item], tmp_path / f"q{i}.pdf")[0]["number"]

    def carry(tag: str) -> None:
        done = sync.export_to_folder(clerk, usb)
        receipt, _ = intake.receive(Path(done[-1]["file"]).read_bytes())
        (usb / f"receipt-{tag}.cdb").write_bytes(receipt)
        sync_inbound.import_bytes(clerk, receipt)

    add_and_print(1)
    carry("1")
    old = backup.backup_now(desk, tmp_path / "bk")
    last = [add_and_print(i) for i in (2, 3)][-1]
    carry("2")
    desk.close()
    backup.restore(old, tmp_path / "restored")
    again = ledgers.unlock(tmp_path / "restored")
    yield auth.login(again, "clerk1", USER_PW), usb, last
    again.close()


def test_r5_sync_page_resyncs_from_usb_receipts_and_confirms_the_last_paper_number(qtbot, restored, make_ctx, shot,
                                                                                   tmp_path):
    from credit_desk.gui.views.sync_view import SyncView
    clerk, usb, last = restored
    view = SyncView(make_ctx(clerk), "同步")
    qtbot.addWidget(view)
    view.show()
    assert view.resync_usb_button.isEnabled() and view.confirm_button.isEnabled()
    with pytest.raises(Exception) as refused:   # numbering waits until the numbers are learnt
        documents.issue(clerk, "credit_query", [document_sources.credit_query(clerk, 1, "资格审查")], tmp_path / "x.pdf")
    assert getattr(refused.value, "code", "") == "RESTORED_NUMBERS_UNKNOWN"
    view.resync_from_folder(str(usb))
    qtbot.waitUntil(lambda: isinstance(view.last_result, dict) and "lost_bundles" in view.last_result, timeout=20_000)
    assert view.last_result["lost_bundles"] == [2]
    assert "已与市平台对齐" in view.message.text() and "2" in view.message.text()
    prefix, year = re.match(r"(.+)〔(\d{4})〕", last).groups()
    view.last_prefix.setText(prefix)
    view.last_year.setValue(int(year))
    view.last_number.setValue(_seq(last))
    view.last_done.setChecked(True)
    out = view.confirm_last()
    assert out["last"] == _seq(last) and "编号系列" in view.message.text()
    shot(view, "sync_restore_resync")
    after = documents.issue(clerk, "credit_query", [document_sources.credit_query(clerk, 1, "资格审查")],
                            tmp_path / "after.pdf")[0]["number"]
    assert _seq(after) == _seq(last) + 1
    log = clerk.ledger.query("SELECT action FROM audit WHERE username = 'clerk1' AND action IN "
                             "('bundle.resync', 'document.confirm_last')")
    assert {r["action"] for r in log} == {"bundle.resync", "document.confirm_last"}
