"""R14 roles and four eyes, R15 masking of subject codes and names, passwords, R17 commitment letters, R20 due-list
warnings and the audit row hash, as a table of calls and their exact outcomes (issue 23)."""

import datetime
import hashlib
import json

import pytest

from credit_desk.domain.audit_chain import row_hash
from credit_desk.domain.commitments import CommitmentType, letter_items
from credit_desk.domain.due import DueItem, with_calendar_warnings
from credit_desk.domain.errors import DomainError
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.masking import has_trade_name, mask_subject_id, mask_subject_name
from credit_desk.domain.passwords import check_strength
from credit_desk.domain.roles import Role, check_allowed, check_four_eyes
from credit_desk.domain.workcal import missing_year_warning, missing_year_warning_en
from tests.unit.table_kit import outcome

ITEM = DueItem("objection_reply", "objection", 5, datetime.date(2027, 1, 8), False, "异议5答复期限", "Reply to objection 5")
ROW = {"id": 1, "ts": "2026-11-30T09:00:00", "username": "王芳", "role": "clerk", "action": "record.view",
       "object_type": "subject", "object_id": 7, "purpose": "核查", "detail": {"z": "乙", "a": "甲"}, "outcome": "ok",
       "prev_hash": "0" * 64, "not_hashed": "x"}


def canonical(row):
    """The recipe written in docs/audit (issue 23: written out here, not imported): SHA-256 of the compact JSON
    array of the eleven hashed fields in their order, UTF-8, non-ASCII kept, keys of nested objects as given."""
    fields = ("id", "ts", "username", "role", "action", "object_type", "object_id", "purpose", "detail", "outcome",
              "prev_hash")
    text = json.dumps([row.get(f) for f in fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# (call, outcome): ("ok", repr of the value), ("refused", code, field, row, Chinese sentence, English sentence)
# or ("raised", exception type, message) for a programming-level ValueError/TypeError/KeyError
TABLE = [('mask_subject_id(SubjectKind.LEGAL_PERSON, IdType.USCC, "9132081294PBRNYTXE")', ('ok', "'9132081294PBRNYTXE'")),
 ('mask_subject_id("individual_business", "uscc", "9132081294PBRNYTXE")', ('ok', "'9132081294PBRNYTXE'")),
 ('mask_subject_id("individual_business", "ric", "320826198001011237")', ('ok', "'3208**********1237'")),
 ('mask_subject_id("natural_person", "uscc", "9132081294PBRNYTXE")', ('ok', "'9132**********YTXE'")),
 ('mask_subject_id("legal_person", "ric", "320826198001011237")', ('ok', "'3208**********1237'")),
 ('mask_subject_id(None, None, "320826198001011237")', ('ok', "'3208**********1237'")),
 ('mask_subject_id("legal_person", "uscc", "")', ('ok', "''")),
 ('mask_subject_id("legal_person", "uscc", None)', ('ok', "''")),
 ('mask_subject_name(SubjectKind.NATURAL_PERSON, "张小明")', ('ok', "'张*明'")),
 ('mask_subject_name(SubjectKind.LEGAL_PERSON, "某公司")', ('ok', "'某公司'")),
 ('mask_subject_name("individual_business", "John Smith Trading Co")', ('ok', "'John Smith Trading Co'")),
 ('mask_subject_name("individual_business", "John Smith")', ('ok', "'J*** S****'")),
 ('mask_subject_name("natural_person", "")', ('ok', "''")),
 ('mask_subject_name("natural_person", None)', ('ok', "''")),
 ('[has_trade_name(n) for n in (" 王记小吃店 ", "王小二", "ACME LTD", "Acme Inc.", "John Smith", "", None, "店")]',
  ('ok', '[True, False, True, True, False, False, False, True]')),
 ('check_allowed(Role.ADMIN, "user.manage")', ('ok', 'None')),
 ('check_allowed(Role.AUDITOR, "user.manage")',
  ('refused', 'ROLE_FORBIDDEN', None, None, '角色「审计」无权管理用户。', 'The role auditor may not perform user.manage.')),
 ('check_allowed(Role.CLERK, "no.such.action")',
  ('refused',
   'ROLE_FORBIDDEN',
   None,
   None,
   '角色「经办」无权no.such.action。',
   'The role clerk may not perform no.such.action.')),
 ('check_four_eyes("clerk1", "reviewer1")', ('ok', 'None')),
 ('check_four_eyes("clerk1", "clerk1")',
  ('refused',
   'FOUR_EYES',
   None,
   None,
   '起草人不能审批自己起草的事项，请由另一位人员审批。',
   'The drafter cannot approve their own work; another person must approve it.')),
 ('check_strength("Short-1")',
  ('refused',
   'PASSWORD_TOO_SHORT',
   'password',
   None,
   '密码至少需要 10 个字符。',
   'The password needs at least 10 characters.')),
 ('check_strength(None)',
  ('refused',
   'PASSWORD_TOO_SHORT',
   'password',
   None,
   '密码至少需要 10 个字符。',
   'The password needs at least 10 characters.')),
 ('check_strength("password123")',
  ('refused',
   'PASSWORD_COMMON',
   'password',
   None,
   '密码过于常见或容易猜到（如常用密码、键盘序列、用户名），请换一个更长、不常见的密码。',
   'The password is common or easy to guess (a leaked password, a keyboard pattern, the user name…); choose a '
   'longer, uncommon one.')),
 ('check_strength("correct-horse-battery-staple-91")', ('ok', 'None')),
 ('check_strength("wangjianguo2026", ("wangjianguo", "王建国"))',
  ('refused',
   'PASSWORD_COMMON',
   'password',
   None,
   '密码过于常见或容易猜到（如常用密码、键盘序列、用户名），请换一个更长、不常见的密码。',
   'The password is common or easy to guess (a leaked password, a keyboard pattern, the user name…); choose a '
   'longer, uncommon one.')),
 ('check_strength("x" * 100 + "Tr0ub4dor&3-zebra-Quokka")',
  ('refused',
   'PASSWORD_COMMON',
   'password',
   None,
   '密码过于常见或容易猜到（如常用密码、键盘序列、用户名），请换一个更长、不常见的密码。',
   'The password is common or easy to guess (a leaked password, a keyboard pattern, the user name…); choose a '
   'longer, uncommon one.')),
 ('check_strength("Tr0ub4dor&3-zebra-Quokka" + "x" * 100)', ('ok', 'None')),
 ('check_strength("1234567890" * 8)',
  ('refused',
   'PASSWORD_COMMON',
   'password',
   None,
   '密码过于常见或容易猜到（如常用密码、键盘序列、用户名），请换一个更长、不常见的密码。',
   'The password is common or easy to guess (a leaked password, a keyboard pattern, the user name…); choose a '
   'longer, uncommon one.')),
 ('letter_items(CommitmentType.TOLERANCE)[:2]',
  ('ok', "['一、本次申请的主要材料齐全、符合法定形式，所缺次要材料已由受理窗口一次性告知；', '二、所提交的材料真实、准确、完整，无虚假内容；']")),
 ('len(letter_items(CommitmentType.APPROVAL)) > 0', ('ok', 'True')),
 ('[letter_items(k)[0][:2] for k in CommitmentType]', ('ok', "['一、', '一、', '一、', '一、', '一、', '一、', '一、']")),
 ('with_calendar_warnings(ITEM, (), missing_year_warning, missing_year_warning_en)',
  ('ok',
   "DueItem(kind='objection_reply', object_type='objection', object_id=5, due_date=datetime.date(2027, 1, 8), "
   "overdue=False, label_zh='异议5答复期限', label_en='Reply to objection 5', warnings=())")),
 ('with_calendar_warnings(ITEM, (2027, 2028), missing_year_warning, missing_year_warning_en)',
  ('ok',
   "DueItem(kind='objection_reply', object_type='objection', object_id=5, due_date=datetime.date(2027, 1, 8), "
   "overdue=False, label_zh='异议5答复期限（注意：2027年的法定节假日安排尚未载入，按仅周末休息计算。2028年的法定节假日安排尚未载入，按仅周末休息计算。）', label_en='Reply to "
   'objection 5 (note: The public holiday schedule for 2027 has not been loaded; only weekends are counted as rest '
   "days. The public holiday schedule for 2028 has not been loaded; only weekends are counted as rest days.)', "
   "warnings=('2027年的法定节假日安排尚未载入，按仅周末休息计算。', '2028年的法定节假日安排尚未载入，按仅周末休息计算。'))")),
 ('with_calendar_warnings(DueItem("expiry", "case", 1, datetime.date(2027, 1, 8), False, "到期", "Expiry"), (2027,), '
  'missing_year_warning, missing_year_warning_en)',
  ('ok',
   "DueItem(kind='expiry', object_type='case', object_id=1, due_date=datetime.date(2027, 1, 8), overdue=False, "
   "label_zh='到期', label_en='Expiry', warnings=())")),
 ('row_hash(ROW) == canonical(ROW)', ('ok', 'True')),
 ('row_hash({**ROW, "not_hashed": "y"}) == row_hash(ROW)', ('ok', 'True')),
 ('row_hash(ROW)', ('ok', "'61396c0a60d89d89e5aa69fee2d68b1e6e8dd1b4c99ef160c53d9c5d70432a96'")),
 ('DomainError("R5_X", "甲", "a").message("fr")', ('ok', "'甲'"))]


def _outcome(expr):
    return outcome(expr, globals())


@pytest.mark.parametrize("call, expected", TABLE, ids=[f"{i}" for i in range(len(TABLE))])
def test_small_domain_rules_table(call, expected):
    assert _outcome(call) == expected
