"""Subjects (R7 entry, R15 masked view, issue 15 check-character exceptions) as a table of calls and their exact
outcomes: the value, or the refusal's code, field, row and both sentences (issue 23)."""

import datetime

import pytest

from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.subjects import (
    IdException, Subject, fifteen_to_eighteen, id_with_mark, new_subject, subject_warnings, updated_subject,
)
from tests.unit.table_kit import outcome

TODAY = datetime.date(2026, 11, 30)
USCC = "9132081294PBRNYTXE"
BAD_CHECK = "9132081294PBRNYTXA"  # check character wrong
RIC = "320826198001011237"
REP = "320826197001011232"
NEW_COUNTY = "320899198001011235"  # a county code the table lacks (a warning, not a refusal)
EXC = IdException("uscc_check", "2015年核发", "clerk1", "head1", "2026-11-30T09:00")
COMPANY = Subject(7, SubjectKind.LEGAL_PERSON, "淮安某有限公司", IdType.USCC, USCC, "王建国", IdType.RIC, REP, "清江浦区")
OLD_CODE = Subject(8, SubjectKind.LEGAL_PERSON, "淮安老字号有限公司", IdType.USCC, BAD_CHECK, None, None, None, None, EXC)
PERSON = Subject(9, SubjectKind.NATURAL_PERSON, "张小明", IdType.RIC, RIC)


# (call, outcome): ("ok", repr of the value), ("refused", code, field, row, Chinese sentence, English sentence)
# or ("raised", exception type, message) for a programming-level ValueError/TypeError/KeyError
TABLE = [('new_subject("legal_person", " 淮安某有限公司 ", "uscc", USCC.lower(), legal_rep_name=" 王建国 ", legal_rep_id_number=REP, '
  'address=" 清江浦区 ", today=TODAY)',
  ('ok',
   "Subject(id=None, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='淮安某有限公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXE', legal_rep_name='王建国', legal_rep_id_type=<IdType.RIC: 'ric'>, "
   "legal_rep_id_number='320826197001011232', address='清江浦区', id_exception=None)")),
 ('new_subject("legal_person", "某公司", "uscc", USCC, legal_rep_name=" ", address=" ")',
  ('ok',
   "Subject(id=None, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='某公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXE', legal_rep_name=None, legal_rep_id_type=None, legal_rep_id_number=None, "
   'address=None, id_exception=None)')),
 ('new_subject("legal_person", "某公司", "uscc", USCC, legal_rep_id_type="passport", legal_rep_id_number="e1234567")',
  ('ok',
   "Subject(id=None, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='某公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXE', legal_rep_name=None, legal_rep_id_type=<IdType.PASSPORT: 'passport'>, "
   "legal_rep_id_number='E1234567', address=None, id_exception=None)")),
 ('new_subject("robot", "某公司", "uscc", USCC)',
  ('refused',
   'FIELD_VALUE',
   'kind',
   None,
   '主体类别「robot」无效，可选：legal_person（法人和非法人组织）、individual_business（个体工商户）、natural_person（自然人）。',
   "kind 'robot' is not one of ['legal_person', 'individual_business', 'natural_person'].")),
 ('new_subject("legal_person", "某公司", "fax", USCC)',
  ('refused',
   'FIELD_VALUE',
   'id_type',
   None,
   '证件类型「fax」无效，可选：uscc（统一社会信用代码）、ric（居民身份证）、hmt_residence（港澳台居民居住证）、foreign_pr（外国人永久居留身份证）、passport（护照）。',
   "id_type 'fax' is not one of ['uscc', 'ric', 'hmt_residence', 'foreign_pr', 'passport'].")),
 ('new_subject("legal_person", "  ", "uscc", USCC)',
  ('refused',
   'NAME_REQUIRED',
   'name',
   None,
   '名称/姓名不能为空，且不超过200字。',
   'The name is required (at most 200 characters).')),
 ('new_subject("legal_person", None, "uscc", USCC)',
  ('refused',
   'NAME_REQUIRED',
   'name',
   None,
   '名称/姓名不能为空，且不超过200字。',
   'The name is required (at most 200 characters).')),
 ('new_subject("legal_person", "名" * 201, "uscc", USCC)',
  ('refused',
   'NAME_REQUIRED',
   'name',
   None,
   '名称/姓名不能为空，且不超过200字。',
   'The name is required (at most 200 characters).')),
 ('new_subject("legal_person", "名" * 200, "uscc", USCC).name == "名" * 200', ('ok', 'True')),
 ('new_subject("legal_person", "某公司", "ric", RIC)',
  ('refused',
   'ID_TYPE_NOT_ALLOWED',
   'id_type',
   None,
   '证件类型「居民身份证」不能用于法人和非法人组织，应为：统一社会信用代码。',
   "ID type 'resident identity card number' cannot identify a legal_person.")),
 ('new_subject("natural_person", "张三", "uscc", USCC)',
  ('refused',
   'ID_TYPE_NOT_ALLOWED',
   'id_type',
   None,
   '证件类型「统一社会信用代码」不能用于自然人，应为：居民身份证、港澳台居民居住证、外国人永久居留身份证、护照。',
   "ID type 'unified social credit code' cannot identify a natural_person.")),
 ('new_subject("legal_person", "某公司", "uscc", BAD_CHECK)',
  ('refused',
   'ID_INVALID',
   'id_number',
   None,
   '证件号码「9132081294PBRNYTXA」不是有效的统一社会信用代码：校验位不符（如确为2016年前核发的真实代码，可申请按例外登记：写明理由，经另一名审核人员审批）。',
   "ID number '9132081294PBRNYTXA' is not a valid unified social credit code: the check character does not match (a "
   'genuine code issued before 2016 can be registered as an exception, with a written justification and a second '
   "person's approval).")),
 ('new_subject("legal_person", "某公司", "uscc", BAD_CHECK, uscc_exception=True)',
  ('ok',
   "Subject(id=None, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='某公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXA', legal_rep_name=None, legal_rep_id_type=None, legal_rep_id_number=None, "
   'address=None, id_exception=None)')),
 ('new_subject("legal_person", "某公司", "uscc", USCC, uscc_exception=True)',
  ('refused',
   'USCC_NOT_AN_EXCEPTION',
   'id_number',
   None,
   '代码「9132081294PBRNYTXE」校验正确，按普通方式登记即可，无需例外审批。',
   "The code '9132081294PBRNYTXE' verifies; register it the ordinary way.")),
 ('new_subject("natural_person", "某人", "ric", RIC, uscc_exception=True).id_number', ('ok', "'320826198001011237'")),
 ('new_subject("natural_person", "张三", "ric", "320826202701011237", today=TODAY)',
  ('refused',
   'ID_INVALID',
   'id_number',
   None,
   '证件号码「3208**********1237」不是有效的居民身份证：出生日期2027-01-01晚于今天。',
   "ID number '3208**********1237' is not a valid resident identity card number: the birth date 2027-01-01 is after "
   'today.')),
 ('new_subject("legal_person", "某公司", "uscc", USCC, legal_rep_id_number="123")',
  ('refused',
   'ID_INVALID',
   'legal_rep_id_number',
   None,
   '法定代表人证件号码：证件号码「1*3」不是有效的居民身份证：长度应为18位，实际为3位。',
   "Legal representative's ID: ID number '1*3' is not a valid resident identity card number: it must have 18 "
   'characters, not 3.')),
 ('new_subject("legal_person", "某公司", "uscc", USCC, legal_rep_id_type="fax", legal_rep_id_number=REP)',
  ('refused',
   'FIELD_VALUE',
   'legal_rep_id_type',
   None,
   '法定代表人证件类型「fax」无效，可选：uscc（统一社会信用代码）、ric（居民身份证）、hmt_residence（港澳台居民居住证）、foreign_pr（外国人永久居留身份证）、passport（护照）。',
   "legal_rep_id_type 'fax' is not one of ['uscc', 'ric', 'hmt_residence', 'foreign_pr', 'passport'].")),
 ('new_subject("legal_person", "某公司", "uscc", USCC, legal_rep_id_number="320826202701011237", today=TODAY)',
  ('refused',
   'ID_INVALID',
   'legal_rep_id_number',
   None,
   '法定代表人证件号码：证件号码「3208**********1237」不是有效的居民身份证：出生日期2027-01-01晚于今天。',
   "Legal representative's ID: ID number '3208**********1237' is not a valid resident identity card number: the "
   'birth date 2027-01-01 is after today.')),
 ('new_subject("legal_person", "某公司", "uscc", USCC, legal_rep_id_type="passport", legal_rep_id_number=None)',
  ('ok',
   "Subject(id=None, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='某公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXE', legal_rep_name=None, legal_rep_id_type=None, legal_rep_id_number=None, "
   'address=None, id_exception=None)')),
 ('COMPANY.masked()',
  ('ok',
   "{'id': 7, 'kind': 'legal_person', 'name': '淮安某有限公司', 'id_type': 'uscc', 'id_number': '9132**********YTXE'}")),
 ('PERSON.masked()',
  ('ok', "{'id': 9, 'kind': 'natural_person', 'name': '张*明', 'id_type': 'ric', 'id_number': '3208**********1237'}")),
 ('OLD_CODE.masked()',
  ('ok',
   "{'id': 8, 'kind': 'legal_person', 'name': '淮安老字号有限公司', 'id_type': 'uscc', 'id_number': '9132**********YTXA', "
   "'id_exception': 'uscc_check', 'id_note': '校验位例外，经审批登记'}")),
 ('Subject(1, SubjectKind.INDIVIDUAL_BUSINESS, "王小二", IdType.RIC, RIC).masked()',
  ('ok',
   "{'id': 1, 'kind': 'individual_business', 'name': '王*二', 'id_type': 'ric', 'id_number': '3208**********1237'}")),
 ('Subject(1, SubjectKind.INDIVIDUAL_BUSINESS, "淮安王记小吃店", IdType.USCC, USCC).masked()',
  ('ok',
   "{'id': 1, 'kind': 'individual_business', 'name': '淮安王记小吃店', 'id_type': 'uscc', 'id_number': "
   "'9132**********YTXE'}")),
 ('id_with_mark(USCC, None)', ('ok', "'9132081294PBRNYTXE'")),
 ('id_with_mark(BAD_CHECK, EXC)', ('ok', "'9132081294PBRNYTXA（校验位例外，经审批登记）'")),
 ('subject_warnings(PERSON)', ('ok', '()')),
 ('subject_warnings(Subject(1, SubjectKind.NATURAL_PERSON, "张三", IdType.RIC, NEW_COUNTY))',
  ('ok',
   "(('ID_COUNTY_UNKNOWN', '证件号码「3208**********1235」的地址码 320899 "
   '不在本软件的行政区划表中（可能是新设或已撤销的县区），省份（江苏省）、出生日期和校验位均正确，已按有效号码接受，请核对证件原件。\', "The address code 320899 of ID '
   "3208**********1235 is not in the software's table of counties (a new or abolished district?); province, birth "
   'date and check digit are right, so it was accepted — check it against the card."),)')),
 ('subject_warnings(Subject(1, SubjectKind.LEGAL_PERSON, "某公司", IdType.USCC, USCC, "王", IdType.RIC, NEW_COUNTY))',
  ('ok',
   "(('ID_COUNTY_UNKNOWN', '证件号码「3208**********1235」的地址码 320899 "
   '不在本软件的行政区划表中（可能是新设或已撤销的县区），省份（江苏省）、出生日期和校验位均正确，已按有效号码接受，请核对证件原件。\', "The address code 320899 of ID '
   "3208**********1235 is not in the software's table of counties (a new or abolished district?); province, birth "
   'date and check digit are right, so it was accepted — check it against the card."),)')),
 ('subject_warnings(Subject(1, SubjectKind.LEGAL_PERSON, "某公司", IdType.USCC, USCC, "王", None, NEW_COUNTY))',
  ('ok', '()')),
 ('fifteen_to_eighteen("ric", "320826800101123", True)', ('ok', "('320826198001011237', True)")),
 ('fifteen_to_eighteen("ric", "320826800101123", False)', ('ok', "('320826800101123', False)")),
 ('fifteen_to_eighteen("ric", RIC, True)', ('ok', "('320826198001011237', False)")),
 ('fifteen_to_eighteen("passport", "320826800101123", True)', ('ok', "('320826800101123', False)")),
 ('updated_subject(COMPANY, name=" 淮安新名有限公司 ", address=None)',
  ('ok',
   "Subject(id=7, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='淮安新名有限公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXE', legal_rep_name='王建国', legal_rep_id_type=<IdType.RIC: 'ric'>, "
   "legal_rep_id_number='320826197001011232', address='清江浦区', id_exception=None)")),
 ('updated_subject(Subject(7, SubjectKind.LEGAL_PERSON, "某公司", IdType.USCC, USCC), legal_rep_name="王建国", '
  'legal_rep_id_number=REP)',
  ('ok',
   "Subject(id=7, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='某公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXE', legal_rep_name='王建国', legal_rep_id_type=<IdType.RIC: 'ric'>, "
   "legal_rep_id_number='320826197001011232', address=None, id_exception=None)")),
 ('updated_subject(COMPANY, legal_rep_id_type="passport", legal_rep_id_number="E1234567")',
  ('ok',
   "Subject(id=7, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='淮安某有限公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXE', legal_rep_name='王建国', legal_rep_id_type=<IdType.PASSPORT: 'passport'>, "
   "legal_rep_id_number='E1234567', address='清江浦区', id_exception=None)")),
 ('updated_subject(COMPANY, id_number="91320812MA1X")',
  ('refused',
   'ID_INVALID',
   'id_number',
   None,
   '证件号码「91320812MA1X」不是有效的统一社会信用代码：长度应为18位，实际为12位。',
   "ID number '91320812MA1X' is not a valid unified social credit code: it must have 18 characters, not 12.")),
 ('updated_subject(COMPANY, kind="natural_person")',
  ('refused',
   'ID_TYPE_NOT_ALLOWED',
   'id_type',
   None,
   '证件类型「统一社会信用代码」不能用于自然人，应为：居民身份证、港澳台居民居住证、外国人永久居留身份证、护照。',
   "ID type 'unified social credit code' cannot identify a natural_person.")),
 ('updated_subject(COMPANY, status="x", created_by="y")',
  ('refused',
   'SUBJECT_FIELD',
   'created_by',
   None,
   '不能修改字段：created_by、status。',
   'These fields cannot be changed: created_by, status.')),
 ('updated_subject(OLD_CODE, name="淮安老字号股份有限公司")',
  ('ok',
   "Subject(id=8, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='淮安老字号股份有限公司', id_type=<IdType.USCC: "
   "'uscc'>, id_number='9132081294PBRNYTXA', legal_rep_name=None, legal_rep_id_type=None, legal_rep_id_number=None, "
   "address=None, id_exception=IdException(kind='uscc_check', reason='2015年核发', requested_by='clerk1', "
   "approved_by='head1', approved_at='2026-11-30T09:00'))")),
 ('updated_subject(OLD_CODE, id_number=USCC)',
  ('ok',
   "Subject(id=8, kind=<SubjectKind.LEGAL_PERSON: 'legal_person'>, name='淮安老字号有限公司', id_type=<IdType.USCC: 'uscc'>, "
   "id_number='9132081294PBRNYTXE', legal_rep_name=None, legal_rep_id_type=None, legal_rep_id_number=None, "
   'address=None, id_exception=None)')),
 ('updated_subject(OLD_CODE, id_number="9132081294PBRNYTXB")',
  ('refused',
   'ID_INVALID',
   'id_number',
   None,
   '证件号码「9132081294PBRNYTXB」不是有效的统一社会信用代码：校验位不符（如确为2016年前核发的真实代码，可申请按例外登记：写明理由，经另一名审核人员审批）。',
   "ID number '9132081294PBRNYTXB' is not a valid unified social credit code: the check character does not match (a "
   'genuine code issued before 2016 can be registered as an exception, with a written justification and a second '
   "person's approval).")),
 ('updated_subject(PERSON, id_number="320826202701011237", today=TODAY)',
  ('refused',
   'ID_INVALID',
   'id_number',
   None,
   '证件号码「3208**********1237」不是有效的居民身份证：出生日期2027-01-01晚于今天。',
   "ID number '3208**********1237' is not a valid resident identity card number: the birth date 2027-01-01 is after "
   'today.'))]


def _outcome(expr):
    return outcome(expr, globals())


@pytest.mark.parametrize("call, expected", TABLE, ids=[f"{i}" for i in range(len(TABLE))])
def test_r7_r15_subjects_table(call, expected):
    assert _outcome(call) == expected
