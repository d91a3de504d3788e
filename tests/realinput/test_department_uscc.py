"""Issue 15 kind 4 for deciding departments (R4 "Deciding department"): a department whose 统一社会信用代码 fails
ONLY its check character is not registered — the department signs its documents and is reported to the platform
under this code — and the clerk reads one sentence saying what to do (check the certificate; ask the 机构编制部门
for a corrected code). Other faults keep their own sentence; nothing is written either way."""

from __future__ import annotations

import json
import random

import pytest

from credit_desk.domain import demo
from credit_desk.domain.errors import DomainError
from credit_desk.services import departments
from tests.realinput.test_uscc_exception import VALID, XIAMEN

GOVT = demo.uscc(random.Random(5), "320812")
WRONG_CHECK = GOVT[:-1] + ("0" if GOVT[-1] != "0" else "1")
# (label, code as typed, expected: None = registered, else the error code)
DEPT_CODES = [
    ("valid code", GOVT, None),
    ("valid, lower case and full width", "".join(chr(ord(c) + 0xFEE0) for c in GOVT.lower()), None),
    ("Xiamen form (check character only)", XIAMEN, "DEPT_USCC_CHECK"),
    ("a wrong check character", WRONG_CHECK, "DEPT_USCC_CHECK"),
    ("check character only, with spaces", WRONG_CHECK[:6] + " " + WRONG_CHECK[6:], "DEPT_USCC_CHECK"),
    ("17 characters", GOVT[:-1], "ID_INVALID"),
    ("letter O in it", GOVT[:10] + "O" + GOVT[11:], "ID_INVALID"),
    ("empty", "", "DEPT_FIELD"),  # an empty field says so (clerk17: 部门统一社会信用代码不能为空)
]


@pytest.mark.parametrize("label,code,expected", DEPT_CODES, ids=[c[0] for c in DEPT_CODES])
def test_r4_department_code_table(admin, label, code, expected):
    try:
        d = departments.add_department(admin, name="清江浦区市场监督管理局", uscc=code, level="county",
                                       domain="市场监管", prefix="清市监")
    except DomainError as exc:
        assert exc.code == expected, (label, exc.code, exc.zh)
        assert exc.field == "uscc" and exc.zh and exc.en
        if expected == "DEPT_USCC_CHECK":
            assert "校验位" in exc.zh and "机构编制部门" in exc.zh and "证书" in exc.zh  # what to do, in one place
        assert departments.list_departments(admin) == []  # nothing written
        return
    assert expected is None and d.uscc == GOVT, label


def test_r4_department_code_refusal_in_the_cli(office):
    code, out, err = office("department", "add", "--name", "清江浦区市场监督管理局", "--uscc", WRONG_CHECK,
                            "--level", "county", "--domain", "市场监管", "--prefix", "清市监")
    assert code != 0 and "Traceback" not in err
    assert "仅校验位" in err and "机构编制部门" in err
    code, out, err = office("--json", "department", "list")
    assert code == 0 and json.loads(out) == []
    assert VALID  # the subjects' exception route is unchanged (tests/realinput/test_uscc_exception.py)
