"""Deterministic demo data: valid codes and IDs, same seed → same data."""

from __future__ import annotations

import datetime as dt
import random

from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from credit_desk.domain import demo
from credit_desk.domain.ids import IdType, birth_date, normalize_id
from credit_desk.domain.masking import has_trade_name

D = dt.date


def test_10000_usccs_valid_per_stdnum():
    rng = random.Random(7)
    codes = [demo.uscc(rng, "320812") for _ in range(10_000)]
    assert all(stdnum_uscc.is_valid(c) for c in codes)
    assert all(c.startswith("91320812") for c in codes)
    assert len(set(codes)) > 9_990
    assert demo.uscc(rng, "320812", org_type="2").startswith("92")


def test_10000_rics_valid_per_stdnum():
    rng = random.Random(7)
    numbers = [demo.ric(rng, "320812", D(2016, 1, 1), D(2025, 12, 31)) for _ in range(5_000)]
    numbers += [demo.ric(rng, "110101", D(1940, 1, 1), D(2008, 12, 31)) for _ in range(5_000)]
    assert all(stdnum_ric.is_valid(n) for n in numbers)


def test_ric_birth_dates_in_range_and_older_people_valid_for_the_app():
    rng = random.Random(3)
    for _ in range(500):
        number = demo.ric(rng, "320800", D(1950, 1, 1), D(2000, 12, 31))
        assert normalize_id(IdType.RIC, number) == number
        assert D(1950, 1, 1) <= birth_date(IdType.RIC, number) <= D(2000, 12, 31)


def test_same_seed_same_sequence():
    def run(seed):
        rng = random.Random(seed)
        return [(demo.person_name(rng), demo.company_name(rng, "淮安市清江浦区"),
                 demo.business_name(rng, "淮安市清江浦区"), demo.uscc(rng, "320812"),
                 demo.ric(rng, "110101", D(1960, 1, 1), D(2000, 1, 1)), demo.phone(rng))
                for _ in range(200)]
    assert run(42) == run(42)
    assert run(42) != run(43)


def test_generated_text_looks_real():
    rng = random.Random(1)
    for _ in range(300):
        name = demo.person_name(rng)
        assert 2 <= len(name) <= 3 and name[0] in demo.SURNAMES
        company = demo.company_name(rng, "淮安市清江浦区")
        assert company.startswith("淮安市清江浦区") and company.endswith("公司")
        assert has_trade_name(company) and has_trade_name(demo.business_name(rng, "涟水县"))
        number = demo.phone(rng)
        assert len(number) == 11 and number.isdigit() and number[0] == "1"
