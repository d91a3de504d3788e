"""R14 (issue 14 item 6): accounts as the audit log granted them — the replay of the log's account rows and the
differences from the users table, as tables of rows and expected outcomes written out here (issue 23)."""

from __future__ import annotations

from credit_desk.domain.account_log import Granted, differences, granted


def test_r14_the_log_replayed_row_by_row():
    rows = [
        ("admin", "ledger.init", {}),
        ("admin", "user.add", {"username": "clerk1", "role": "clerk"}),
        ("admin", "user.add", {"username": "boss1", "role": "approver"}),
        ("admin", "user.add", {"username": "", "role": "clerk"}),            # no name: ignored
        ("admin", "user.add", {"username": "nobody", "role": ""}),           # no role: ignored
        ("admin", "user.add", {"username": "norole"}),                       # no role key: ignored
        ("admin", "user.role_confirm", {"username": "clerk1", "to": "auditor"}),
        ("admin", "user.role_confirm", {"username": "ghost", "to": "admin"}),  # never added: ignored
        ("admin", "user.role_confirm", {"username": "boss1", "to": ""}),       # no target role: ignored
        ("admin", "user.role_confirm", {"username": "boss1"}),                 # no target key: ignored
        ("admin", "user.deactivate", {"username": "boss1"}),
        ("admin", "user.deactivate", {"username": "ghost"}),                   # never added: ignored
        ("admin", "user.activate", {"username": "ghost2"}),                    # never added: ignored
        ("admin", "user.view", {"username": "clerk1", "role": "admin"}),       # another action: ignored
    ]
    assert granted(rows) == {"admin": Granted("admin", True), "clerk1": Granted("auditor", True),
                             "boss1": Granted("approver", False)}


def test_r14_a_role_change_keeps_the_state_and_a_reactivation_keeps_the_role():
    rows = [("root", "ledger.init", {}), ("root", "user.add", {"username": "a", "role": "clerk"}),
            ("root", "user.deactivate", {"username": "a"}),
            ("root", "user.role_confirm", {"username": "a", "to": "approver"})]
    assert granted(rows) == {"root": Granted("admin", True), "a": Granted("approver", False)}
    rows.append(("root", "user.activate", {"username": "a"}))
    assert granted(rows)["a"] == Granted("approver", True)
    assert granted([("x", "user.add", {"username": "n", "role": 7})]) == {"n": Granted("7", True)}
    assert granted([("x", "user.add", {"username": "n", "role": "clerk"}),
                    ("x", "user.role_confirm", {"username": "n", "to": 3})]) == {"n": Granted("3", True)}
    assert granted([]) == {}


def test_r14_each_account_the_log_does_not_bear_out_is_named_in_both_languages():
    log = {"admin": Granted("admin", True), "a": Granted("clerk", True), "b": Granted("clerk", False),
           "c": Granted("approver", False)}
    actual = {"z": ("clerk", True), "admin": ("admin", True), "a": ("admin", True), "b": ("clerk", True),
              "c": ("approver", False), "d": ("clerk", False)}
    assert differences(log, actual) == [
        ("a", "账户「a」的角色为 admin，审计日志授予的是 clerk", "account 'a' has role admin; the audit log granted clerk"),
        ("b", "账户「b」已在审计日志中停用，却处于启用状态", "account 'b' is active although the audit log deactivated it"),
        ("d", "账户「d」在审计日志中没有新增记录（直接写入数据库）",
         "account 'd' has no user.add row in the audit log (written into the database)"),
        ("z", "账户「z」在审计日志中没有新增记录（直接写入数据库）",
         "account 'z' has no user.add row in the audit log (written into the database)"),
    ]
    # inactive where the log says active is no privilege gained: not named; a changed role is named first
    assert differences({"a": Granted("clerk", True)}, {"a": ("clerk", False)}) == []
    assert differences({"a": Granted("clerk", False)}, {"a": ("admin", True)})[0][1] == \
        "账户「a」的角色为 admin，审计日志授予的是 clerk"
    assert differences({}, {}) == []
