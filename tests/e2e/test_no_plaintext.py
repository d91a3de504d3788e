"""R14/R15: after seeding, no subject name or ID number sits in clear in any file of the data folder."""

from __future__ import annotations

import re

from credit_desk.services import ledgers

CJK_RUN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){2,}")
ID_LIKE = re.compile(rb"[0-9A-Z]{15,18}")


def _personal_data(data_dir):
    desk = ledgers.unlock(data_dir, read_only=True)
    rows = desk.ledger.query("SELECT name, id_number, legal_rep_name, legal_rep_id_number FROM subjects")
    desk.close()
    names = {r[k] for r in rows for k in ("name", "legal_rep_name") if r[k]}
    ids = {r[k] for r in rows for k in ("id_number", "legal_rep_id_number") if r[k]}
    return names, ids


def _leaks(folder, names, ids):
    found = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        blob = path.read_bytes()
        for m in ID_LIKE.finditer(blob):
            if m.group().decode() in ids:
                found.append((path.name, m.group().decode()))
        for m in CJK_RUN.finditer(blob):
            text = m.group().decode("utf-8", "ignore")
            found += [(path.name, n) for n in names if n in text]
    return found


def test_r14_no_name_or_id_in_clear_after_demo_data(office, data_dir):
    code, _, err = office("demo-data", "--subjects", "2000", "--records", "10000", "--seed", "7")
    assert code == 0, err
    names, ids = _personal_data(data_dir)
    assert len(ids) >= 2000 and len(names) >= 1500
    assert _leaks(data_dir, names, ids) == []
    # and while the ledger is open, with a fresh WAL
    desk = ledgers.unlock(data_dir)
    with desk.ledger.tx() as tx:
        tx.execute("UPDATE subjects SET address = '淮安市清江浦区健康东路1号' WHERE id < 50")
    assert (data_dir / "ledger.db-wal").exists()
    assert _leaks(data_dir, names, ids) == []
    desk.close()


def test_scanner_would_see_a_leak(tmp_path):
    """The scan itself can fail: plain text is found."""
    (tmp_path / "log.txt").write_bytes("查询 张三丰 320102199001011234".encode())
    assert _leaks(tmp_path, {"张三丰"}, {"320102199001011234"}) == [("log.txt", "320102199001011234"),
                                                                 ("log.txt", "张三丰")]
