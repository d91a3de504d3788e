"""The credit-desk CLI run as a child that reports where its writes are, for the kill tests (issue 23).

``python -m tests.reliability.marked_child ARGS...`` runs ``credit-desk ARGS...`` unchanged, except that
every ledger transaction and every atomic file write appends a line to the file named by
``CREDIT_DESK_TEST_MARKS`` (outside every folder the leak scan reads; nothing personal is written to it):

    begin tx N <monotonic s> W   after BEGIN IMMEDIATE of the N-th transaction (W: the service function that
                                 opened it, e.g. cleanup.import_ledger): the write has begun
    end tx N <monotonic s>       after its COMMIT (and the audit anchor) returned
    begin file N / end file N    around an atomic file write (temporary file, fsync, rename, folder fsync)

A kill that falls after a ``begin`` and before its ``end`` fell inside that write (``open_writes``).

With ``CREDIT_DESK_TEST_HOLD_AT_AUDIT=ACTION`` the child stops inside the open transaction right after it
wrote an audit row for ACTION, prints ``hold ACTION`` to the marks, and waits to be killed: a kill that is
known to fall inside a write.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from contextlib import contextmanager

from credit_desk import atomic
from credit_desk.services import backup as backup_service
from credit_desk.store import keys as keys_store
from credit_desk.store import ledger as ledger_store
from credit_desk.store import tx as tx_store
from credit_desk.sync import usb

MARKS = os.environ["CREDIT_DESK_TEST_MARKS"]
HOLD = os.environ.get("CREDIT_DESK_TEST_HOLD_AT_AUDIT", "")


def mark(text: str, where: str = "") -> None:
    """One line, appended with a single write(2): the page cache keeps it when the process is SIGKILLed."""
    fd = os.open(MARKS, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, f"{text} {time.monotonic():.6f} {where}".rstrip().encode() + b"\n")
    finally:
        os.close(fd)


_tx_numbers = itertools.count(1)
_file_numbers = itertools.count(1)
_original_tx = ledger_store.Ledger.tx
_original_audit = tx_store.Tx.audit
_original_write_atomic = atomic.write_atomic


def _opener() -> str:
    """The service function that opened the transaction (stable from run to run, unlike its number: a daily
    check may add a transaction to the first run of a day)."""
    frame = sys._getframe(2)
    while frame is not None:
        path = frame.f_code.co_filename.replace(os.sep, "/")
        if "/credit_desk/services/" in path:
            return f"{path.rsplit('/', 1)[1][:-3]}.{frame.f_code.co_name}"
        frame = frame.f_back
    return "-"


@contextmanager
def _marked_tx(self):
    n = next(_tx_numbers)
    where = _opener()
    with _original_tx(self) as tx:
        mark(f"begin tx {n}", where)
        yield tx
    mark(f"end tx {n}")


def _marked_audit(self, **kwargs):
    rid = _original_audit(self, **kwargs)
    if HOLD and kwargs.get("action") == HOLD:
        mark(f"hold {HOLD}")
        while True:  # inside the open transaction, until the test kills this process
            time.sleep(0.05)
    return rid


def _marked_write_atomic(*args, **kwargs):
    n = next(_file_numbers)
    mark(f"begin file {n}")
    _original_write_atomic(*args, **kwargs)
    mark(f"end file {n}")


ledger_store.Ledger.tx = _marked_tx
tx_store.Tx.audit = _marked_audit
for module in (atomic, backup_service, keys_store, ledger_store, usb):  # each imported the function by name
    assert module.write_atomic is _original_write_atomic, module
    module.write_atomic = _marked_write_atomic

if __name__ == "__main__":
    from credit_desk.cli import main

    raise SystemExit(main(sys.argv[1:]))
