"""R5/R6 (issue 14 item 3, a fresh attack): the data folder put back from a plain copy (Explorer, a USB stick)
instead of through ``restore``. Before: the copy printed 清信查〔2026〕2号 a second time (already on a party's
notice) and every send got BUNDLE_REPLAY. The keyring's high-water mark (outside the folder) shows the copy is
older than what this PC wrote: it is treated as restored — printing and sending refuse with the restore
sentence, nothing numbered — until ``bundle resync`` learns the numbers, and numbering then continues above
every number already on paper."""

from __future__ import annotations

import shutil

from tests.e2e.case_kit import company, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.test_restore_numbers import _print, _seq, platform  # noqa: F401


def test_r5_a_folder_put_back_from_an_older_copy_never_reissues_a_number(desk, data_dir, tmp_path, platform):
    _intake_dir, url = platform
    sid = company(desk, 91)
    _print(desk, sid, tmp_path / "1.pdf")
    ok(desk, "bundle", "export", "--send", "--url", url)
    shutil.copytree(data_dir, tmp_path / "oldcopy")          # a plain copy of the whole folder
    later = [_print(desk, sid, tmp_path / f"{i}.pdf") for i in (2, 3)]
    company(desk, 92)
    ok(desk, "bundle", "export", "--send", "--url", url)
    shutil.rmtree(data_dir)
    shutil.copytree(tmp_path / "oldcopy", data_dir)          # put back over the newer one
    err = refused(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "资格审查",
                  "--out", str(tmp_path / "x.pdf"))
    assert err["code"] == "RESTORED_NUMBERS_UNKNOWN", err
    assert not (tmp_path / "x.pdf").exists()
    err = refused(desk, "bundle", "export", "--send", "--url", url)
    assert err["code"] == "RESTORED_BUNDLES_UNKNOWN", err
    learned = ok(desk, "bundle", "resync", "--url", url)
    assert learned["lost_bundles"] == [2]
    after = _print(desk, sid, tmp_path / "4.pdf")
    assert _seq(after) == _seq(later[-1]) + 1 and after not in later
    sent = ok(desk, "bundle", "export", "--send", "--url", url)
    assert sent["receipts"][0]["rejected"] == 0
