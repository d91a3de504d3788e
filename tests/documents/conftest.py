"""Fixtures for the printed-notice tests: a clerk's session on a fresh office ledger (the administrator does
no business, R14), and PDF helpers."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from credit_desk.services import auth, ledgers, subjects
from tests.conftest import ADMIN_PW, HEAD_NAME, business_login

FIXED_NOW = dt.datetime(2026, 4, 1, 9, 30)


@pytest.fixture
def desk(office, data_dir):
    d = ledgers.unlock(data_dir)
    d.clock = lambda: FIXED_NOW
    yield d
    d.close()


@pytest.fixture
def admin_session(desk):
    return auth.login(desk, "admin", ADMIN_PW)


@pytest.fixture
def session(admin_session):
    return business_login(admin_session)


@pytest.fixture
def head_session(admin_session):
    """The approver (负责人): voids numbers, decides (a senior business role, R14)."""
    return business_login(admin_session, HEAD_NAME)


@pytest.fixture
def person(session):
    return subjects.add_subject(session, kind="natural_person", name="张小明", id_type="ric",
                                id_number="11010519491231002X").id


def pdftotext(path, *extra) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def pdffonts(path) -> list[dict]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name, type..., encoding, emb, sub, uni, object, id: read the flags from the right
        rows.append({"name": cols[0], "emb": cols[-5], "sub": cols[-4], "uni": cols[-3]})
    return rows


def page_size(path) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    return float(m[1]), float(m[2])
