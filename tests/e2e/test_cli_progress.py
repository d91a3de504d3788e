"""Issue 18 item 3 at the terminal: ``backup`` (38.7 s at 1M), ``check`` (the full one 29.6 s; the daily one reads the
whole file when its read is due) and ``restore`` (2–5 s, ``--full`` 24–39 s) said nothing until they ended — an
administrator at a big office could not tell a slow command from a hung one. Each now prints how far it is
(backup: a percentage at each tenth) or which step it is in (check, restore) to stderr, in Chinese first; with
--json nothing extra is printed, so machines read stdout as before."""

from __future__ import annotations

import datetime as dt
import json
import random

from credit_desk.domain import demo
from tests.conftest import TEST_NOW
from tests.e2e.disclosure_kit import penalty_row, write_sheet


def test_backup_prints_how_far_it_is(office, tmp_path):
    code, out, err = office("backup", "--to", str(tmp_path / "bk"))
    assert code == 0, err
    lines = [ln for ln in err.splitlines() if "正在备份并校验 / backing up and checking" in ln]
    assert lines and lines[-1].endswith(": 100%"), err
    assert len(lines) >= 2, err  # the copy, its check, the packing; 100% only once the backup is made and logged


def test_check_and_restore_say_each_step_first(office, tmp_path):
    code, out, err = office("--json", "backup", "--to", str(tmp_path / "bk"))
    assert code == 0 and "正在" not in err, err  # --json: nothing extra
    made = json.loads(out)["file"]
    code, out, err = office("check")
    assert code == 0, out + err
    steps = [ln.strip() for ln in err.splitlines() if ln.startswith("  正在")]
    assert steps == ["正在检查数据库完整性… / checking the database's integrity…",
                     "正在校验审计日志… / verifying the audit log…",
                     "正在清点变更日志… / counting the change log…"], err
    code, out, err = office("restore", made, "--to", str(tmp_path / "restored"))
    assert code == 0, err
    assert [ln.strip().split(" / ")[0] for ln in err.splitlines() if ln.startswith("  正在")] == [
        "正在解包并核对每个文件的校验值…", "正在核对恢复出的账本（签名、审计链；须通读时较慢）…"], err


def test_bundle_export_says_each_step_first(business, tmp_path):
    """``bundle export --to`` (1.6 s at 150,000 changes, about 11 s at 1M): making the bundles, then each file."""
    from credit_desk.domain import signing
    from credit_desk.sync import crypto, keyfiles
    from tests.e2e.sync_support import add_subject
    sign_pub = signing.public_of(signing.new_private())
    _enc, enc_pub = crypto.new_enc(signing.suite_of(sign_pub))
    doc = tmp_path / "platform.keys.json"
    doc.write_bytes(keyfiles.platform_doc(platform="huaian", name="淮安市信用信息共享平台", sign_public=sign_pub,
                                          enc_public=enc_pub))
    code, _, err = business("keys", "import-platform", str(doc), user="admin", password=None)
    assert code == 0, err
    add_subject(business)
    (tmp_path / "usb").mkdir()
    code, out, err = business("bundle", "export", "--to", str(tmp_path / "usb"))
    assert code == 0, err
    steps = [ln.strip().split(" / ")[0] for ln in err.splitlines() if ln.startswith("  正在")]
    assert steps[0] == "正在读取变更并生成同步包（压缩、加密、签名）…", err
    assert steps[1].startswith("正在写入并校验第 1/1 个同步包 ") and len(steps) == 2, err


def test_decision_import_counts_to_its_end(business, tmp_path):
    """``decision import`` (双公示: seconds at 3,000 rows) prints how far the rows are checked, then written."""
    write_sheet(tmp_path / "dept.xlsx", [penalty_row(i, TEST_NOW.date() - dt.timedelta(days=3)) for i in range(120)])
    code, out, err = business("decision", "import", str(tmp_path / "dept.xlsx"))
    assert code == 0, err
    lines = [ln for ln in err.splitlines() if "正在核对并导入 / checking and importing" in ln]
    assert len(lines) >= 3 and lines[0].endswith(": 0%") and lines[-1].endswith(": 100%"), err


def test_print_batch_says_what_it_reads_then_counts_the_notices(business, tmp_path):
    """``print batch`` (a notice drawn and signed every ~10 ms, thousands at a big office) said nothing until every
    notice was issued: now it says it reads the objects, then counts notices drawn and recorded to 100% once the PDF
    is in place; with --json nothing extra."""
    ids = []
    for i in range(4):
        code, out, err = business("--json", "subject", "add", "--kind", "legal_person", "--name", f"测试{i}有限公司",
                                  "--id-type", "uscc", "--id-number", demo.uscc(random.Random(i), "320812"))
        assert code == 0, err
        ids.append(str(json.loads(out)["id"]))
    batch = ("print", "batch", "credit_query", "--subjects", ",".join(ids), "--purpose", "资格审查", "--out")
    code, out, err = business(*batch, str(tmp_path / "b.pdf"))
    assert code == 0, err
    lines = [ln.strip() for ln in err.splitlines() if ln.startswith("  正在")]
    assert lines[0] == "正在读取 4 个对象的台账信息… / reading 4 objects from the ledger…", err
    counted = [int(ln.rsplit(" ", 1)[1].rstrip("%")) for ln in lines[1:]]
    assert all(ln.startswith("正在编号、签名并生成文书 / numbering, signing and rendering: ") for ln in lines[1:]), err
    assert len(counted) >= 4 and counted == sorted(counted) and counted[0] == 0 and counted[-1] == 100, err
    code, out, err = business("--json", *batch, str(tmp_path / "c.pdf"))
    assert code == 0 and "正在" not in err, err
