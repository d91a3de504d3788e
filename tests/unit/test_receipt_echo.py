"""Issue 14: what a receipt echoes (audit head, register marks, change range) is taken only in its exact shape."""

from credit_desk.sync.payload import receipt_echo


def test_a_well_formed_echo_is_kept_verbatim():
    doc = {"audit": {"rows": 12, "head": "ab" * 32}, "register": {"清信决/2026": 15}, "change_range": [3, 9]}
    assert receipt_echo(doc) == doc


def test_hostile_echo_values_are_dropped_not_stored():
    bad = {"audit": {"rows": "12", "head": "x"}, "register": {"清信决/2026": True}, "change_range": [1, 2 ** 70]}
    assert receipt_echo(bad) == {}
    assert receipt_echo({"audit": {"rows": -1, "head": "a"}, "register": {"k": 2 ** 40},
                         "change_range": [1]}) == {}
