"""R5: the shape, series and year of a number typed as issued by hand (domain.procedure.check_r5_hand_issued_number)."""

import datetime as dt

import pytest

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.procedure import check_r5_hand_issued_number

ON, OPENED = dt.date(2026, 9, 21), dt.date(2026, 9, 20)


def _check(number, series=("清信决",)):
    return check_r5_hand_issued_number(number, on=ON, on_label="告知送达日期", not_before=OPENED,
                                       register_series=series)


@pytest.mark.parametrize("number", ["", "1", "-", "〔2026〕3号", "清〔26〕3号", "清告〔2026〕0号", "清告〔2026〕3",
                                    "3清〔2026〕3号", "清告2026年3号"])
def test_r5_hand_number_not_a_document_number(number):
    with pytest.raises(ValidationError) as e:
        _check(number)
    assert e.value.code == "R5_HAND_NUMBER" and "不是文号" in e.value.zh


def test_r5_hand_number_bounds():
    assert _check(" 清市监告字〔2026〕3号 ") == "清市监告字〔2026〕3号"
    assert _check("清信告字（手工）〔2026〕12号") == "清信告字（手工）〔2026〕12号"
    assert _check("清江浦信用办告字（2026）第8号") == "清江浦信用办告字（2026）第8号"  # as offices write it
    for variant in ("清信决(2026)3号", "清信决【2026】第3号", "清信 决〔２０２６〕3号"):  # the register's, written otherwise
        with pytest.raises(ValidationError) as e:
            _check(variant)
        assert "登记簿" in e.value.zh
    for number, says in (("清信决〔2026〕3号", "登记簿"), ("某告〔2027〕1号", "晚于"), ("某告〔2025〕1号", "早于立案")):
        with pytest.raises(ValidationError) as e:
            _check(number)
        assert says in e.value.zh
    assert check_r5_hand_issued_number("某告〔2025〕1号", on=ON, on_label="x", not_before=None,
                                       register_series=()) == "某告〔2025〕1号"


def test_r5_hand_number_one_paper_written_otherwise():
    with pytest.raises(ValidationError) as e:
        check_r5_hand_issued_number("清市监告字（2026）第3号", on=ON, on_label="x", not_before=None, register_series=(),
                                    recorded=("某告〔2026〕3号", "清市监告字〔2026〕3号"))
    assert "即已登记的手工文号「清市监告字〔2026〕3号」" in e.value.zh
    assert check_r5_hand_issued_number("清市监告字〔2026〕4号", on=ON, on_label="x", not_before=None,
                                       register_series=(), recorded=("清市监告字〔2026〕3号",))


def test_r5_register_in_date_order():
    from credit_desk.domain.procedure import check_r5_register_in_order
    check_r5_register_in_order(ON, last_on=None, number="清信决〔2026〕1号")
    check_r5_register_in_order(ON, last_on=ON, number="清信决〔2026〕2号")
    with pytest.raises(ValidationError) as e:
        check_r5_register_in_order(ON, last_on=ON + dt.timedelta(days=1), number="清信决〔2026〕2号")
    assert e.value.code == "R5_NUMBER_ORDER" and e.value.zh.startswith("文书登记簿的上一个文号已于2026-09-22出具")
