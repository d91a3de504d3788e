"""Issue 14 item 9: two clerks printing at once. The second writer waits for the first (bounded, with a stated
timeout and a progress line) instead of failing with LEDGER_IN_USE; the 文号 stay unique and gap-free.

Real processes on a real ledger: a third process holds the writer lock until both printers say they are waiting
(not for a fixed time: issue 23), then both print several notices through the CLI at the same time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from credit_desk.domain.errors import DomainError
from credit_desk.services import ledgers, subjects
from credit_desk.store import lock as lock_mod
from tests.conftest import ADMIN_PW, USER_PW

PRINTS = 4

HOLDER = textwrap.dedent("""
    import sys, time
    from credit_desk.store.lock import LedgerLock
    lk = LedgerLock(sys.argv[1])
    lk.acquire(wait=0)
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    lk.release()
""")

# holds the lock until told (a line on stdin, or its end): issue 23 — a fixed 10 s hold raced the printers' start
# (a Python process, the CLI's imports and the ledger's unlock) on a loaded machine, and a printer that reached the
# lock after it was let go never waited, so the test failed by itself ("正在等待" missing)
HOLDER_UNTIL_TOLD = textwrap.dedent("""
    import sys
    from credit_desk.store.lock import LedgerLock
    lk = LedgerLock(sys.argv[1])
    lk.acquire(wait=0)
    print("held", flush=True)
    sys.stdin.readline()
    lk.release()
""")

PRINTER = textwrap.dedent("""
    import json, sys
    from credit_desk.cli import main
    who, out, n, passfile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    for i in range(n):
        rc = main(["--user", "clerk1", "--recovery-passphrase-file", passfile, "print", "credit_query",
                   "--subject", "1", "--purpose", "资格审查", "--out", f"{out}/{who}-{i}.pdf"])
        if rc != 0:
            sys.exit(rc)
""")


def _script(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def ledger_with_person(office, data_dir):
    desk = ledgers.unlock(data_dir)
    from credit_desk.services import auth
    from tests.conftest import business_login
    subjects.add_subject(business_login(auth.login(desk, "admin", ADMIN_PW)), kind="natural_person", name="张小明",
                         id_type="ric", id_number="11010519491231002X")  # a clerk's act (R14)
    desk.close()
    return office


def test_two_clerks_printing_at_once_wait_and_numbers_stay_unique_and_gap_free(ledger_with_person, data_dir,
                                                                              secret_files, tmp_path):
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "CREDIT_DESK_PASSWORD": USER_PW}  # two clerks print (R14)
    holder = subprocess.Popen([sys.executable, _script(tmp_path, "holder.py", HOLDER_UNTIL_TOLD),
                               str(data_dir / "ledger.lock")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"   # held until both printers say they are waiting
        out = tmp_path / "out"
        out.mkdir()
        printer = _script(tmp_path, "printer.py", PRINTER)
        procs = [subprocess.Popen([sys.executable, printer, who, str(out), str(PRINTS), str(secret_files["passphrase"])],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for who in ("a", "b")]
        early = [_until_waiting(p) for p in procs]   # each printer's stderr up to its first progress line
        holder.stdin.write("go\n")
        holder.stdin.flush()
        errs = [first + p.stderr.read() for p, first in zip(procs, early)]
        for p in procs:
            p.wait(timeout=300)
        holder.wait(timeout=60)
    finally:
        holder.kill()
        holder.wait()
    for p, e in zip(procs, errs):
        assert p.returncode == 0, e
        assert "LEDGER_IN_USE" not in e and "Traceback" not in e
    waited = "".join(errs)
    assert "正在等待" in waited and "最多 30 秒" in waited and "at most 30 s" in waited  # the progress line
    code, listing, err = ledger_with_person("--json", "print", "list", "--limit", "100", user="clerk1")
    assert code == 0, err
    seqs = sorted(int(r["number"].split("〕")[1].rstrip("号")) for r in json.loads(listing))
    assert seqs == list(range(1, 2 * PRINTS + 1))            # unique and gap-free
    assert len(list(out.iterdir())) == 2 * PRINTS


def _until_waiting(proc) -> str:
    """``proc``'s stderr up to and with its first "正在等待" progress line (or all of it, if it ended first)."""
    lines = []
    while line := proc.stderr.readline():
        lines.append(line)
        if "正在等待" in line:
            break
    return "".join(lines)


def test_a_writer_gives_up_after_the_stated_wait_with_nothing_changed(ledger_with_person, data_dir, tmp_path,
                                                                      monkeypatch):
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    desk = ledgers.unlock(data_dir)
    holder = subprocess.Popen([sys.executable, _script(tmp_path, "holder.py", HOLDER), str(data_dir / "ledger.lock"),
                               "30"], stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(lock_mod, "WAIT_SECONDS", 1.0)
        lines: list[str] = []
        desk.ledger.on_wait = lines.append
        before = desk.ledger.query("SELECT count(*) AS n FROM audit")[0]["n"]
        with pytest.raises(DomainError) as err:
            with desk.ledger.tx() as tx:
                tx.audit(username="x", role="clerk", action="t", object_type="t", object_id=1)
        assert err.value.code == "LEDGER_IN_USE"
        assert "已等待 1 秒" in err.value.zh and "waited 1 s" in err.value.en
        assert lines and "正在等待" in lines[0]
        assert desk.ledger.query("SELECT count(*) AS n FROM audit")[0]["n"] == before
        desk.close()
    finally:
        holder.kill()
        holder.wait()
