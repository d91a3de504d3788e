"""R21/R22 (issue 19 attack att19c, a department clerk and a department's list): the 双公示 elements name a party by
its kind — an organisation by its codes, a natural person by ID type and number (the national standard leaves a
person's 行政相对人代码 empty). A person's penalty whose sheet row also carried a company's 统一社会信用代码 (the
employer's, copied by the department) was stored with it, and a credit check of that company then reported the
person's penalty as the company's (a false hit, 有公示期内的行政处罚信息). An organisation's row with a 证件号码
(the representative's ID typed into the party's column) was silently dropped. Both are now named cells."""

from __future__ import annotations

import datetime as dt
import random

from credit_desk.domain import demo
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import REVIEWER, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import column, penalty_row, write_sheet

TODAY = TEST_NOW.date()
EMPLOYER = ("淮安市清江浦区某某建材有限公司", demo.uscc(random.Random(77), "320812"))


def test_r22_a_persons_penalty_never_becomes_a_companys_hit(desk, tmp_path):
    person = penalty_row(1, TODAY - dt.timedelta(days=4), person=True)
    person["uscc"] = EMPLOYER[1]                                   # sheet row 3: the employer's code
    company = penalty_row(2, TODAY - dt.timedelta(days=4))
    company.update(id_type="居民身份证", id_number=company["rep_id_number"])   # sheet row 4: the rep's ID
    write_sheet(tmp_path / "sheet.xlsx", [person, company])
    err = refused(desk, "decision", "import", str(tmp_path / "sheet.xlsx"))
    assert [p["field"] for p in err["problems"]] == [f"{column('uscc')}3", f"{column('id_number')}4"], err
    assert ok(desk, "decision", "list") == []
    person.pop("uscc")
    company.pop("id_type"), company.pop("id_number")
    write_sheet(tmp_path / "fixed.xlsx", [person, company])
    ids = ok(desk, "decision", "import", str(tmp_path / "fixed.xlsx"))["ids"]
    ok(desk, "decision", "publish", *map(str, ids), user=REVIEWER)
    out = ok(desk, "credit-check", "entry", "--department", "县财政局", "--purpose", "专项资金申报审查",
             "--subject", f"{EMPLOYER[0]},{EMPLOYER[1]}")
    assert out["results"][0]["outcome"] == "not_found"
