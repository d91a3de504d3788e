"""Two processes numbering at once never repeat nor skip a number (the database's guarantee alone).

Each worker opens the SQLCipher file directly (bypassing the one-writer file lock on purpose, so only
BEGIN IMMEDIATE, MAX(seq) + 1 and UNIQUE (prefix, year, seq) stand between them).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

WORKER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from credit_desk.store import documents as repo
    from credit_desk.store.ledger import connect
    from credit_desk.store.tx import Tx
    db, key, who, n = Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    conn = connect(db, key)
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        try:
            tx = Tx(conn, "x")
            seq = repo.next_seq(tx, "清信告", 2026)
            repo.insert(tx, {"doc_type": "prior_notice", "year": 2026, "seq": seq, "prefix": "清信告",
                "number": f"清信告〔2026〕{seq}号", "issued_on": "2026-04-01", "office": "o", "object_type": "case",
                "object_id": who, "subject_id": None, "context": {}, "template": "", "key_fields": [],
                "key_id": "k", "signature": b"s", "qr_text": "q", "pdf_sha256": "h", "file_name": "f",
                "pages": "1-1", "printed_by": who, "printed_at": "t"})
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
""")


def test_two_processes_number_without_repeat_or_gap(desk, tmp_path):
    db, key = desk.ledger.paths.db, desk.key.hex()
    desk.ledger.close()
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    procs = [subprocess.Popen([sys.executable, str(script), str(db), key, who, "40"], env=env,
                              stderr=subprocess.PIPE) for who in ("a", "b")]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read().decode()
    from credit_desk.store.ledger import connect
    conn = connect(db, bytes.fromhex(key))
    rows = conn.execute("SELECT seq, object_id FROM documents ORDER BY seq").fetchall()
    conn.close()
    assert [r[0] for r in rows] == list(range(1, 81))          # no repeat, no gap
    assert {r[1] for r in rows} == {"a", "b"}                   # both really wrote
