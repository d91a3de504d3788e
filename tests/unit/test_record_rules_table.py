"""Records (R1 basis document, R2 catalogue, R3 revision, R9 leniency and approval) as a table of calls and their
exact outcomes: the value, or the refusal's code, field, row and both sentences (issue 23)."""

from datetime import date

import pytest

from credit_desk.domain.ids import IdType
from credit_desk.domain.record_rules import (
    BasisDocument, Leniency, Record, check_approval, check_basis, check_can_revise, check_catalogue_item,
    check_leniency_justification, leniency_flags, publication, status_zh,
)
from credit_desk.domain.records import DocType, RecordStatus
from credit_desk.domain.reference import CatalogueItem
from credit_desk.domain.rulesets import NATIONAL_2026, Tier
from tests.unit.table_kit import outcome

TODAY = date(2026, 11, 30)
MINOR_RIC = "320826201003011235"  # born 2010-03-01 (GB 11643 check digit 5)
ITEMS = [CatalogueItem("C01", "行政处罚", "行政处罚信息", "《行政处罚法》", True, "政务共享", True, True, True),
         CatalogueItem("C02", "行政许可", "行政许可信息", "《行政许可法》", True, "政务共享", True, False, False, sample=True)]
DOC = BasisDocument(DocType.ADMIN_PENALTY, "清市监罚〔2026〕12号", "县市场监督管理局", date(2026, 5, 1), date(2026, 5, 16))


def record(status=RecordStatus.PENDING, created_by="clerk1"):
    return Record(9, 1, "2026-1", "C01", Tier.GENERAL, "事实", DOC, "县市场监督管理局", date(2026, 4, 1),
                  date(2026, 5, 1), "CN-2026-04", status, created_by)


def basis(doc_type="admin_penalty", number="清市监罚〔2026〕12号", authority="县市场监督管理局", issued=date(2026, 5, 1),
          effective=date(2026, 5, 16), citation=None, today=TODAY):
    return check_basis(doc_type, number, authority, issued, effective, citation, today)


# (call, outcome): ("ok", repr of the value) or ("refused", code, field, row, Chinese sentence, English sentence)
TABLE = [('basis()',
  ('ok',
   "BasisDocument(doc_type=<DocType.ADMIN_PENALTY: 'admin_penalty'>, number='清市监罚〔2026〕12号', authority='县市场监督管理局', "
   'issued=datetime.date(2026, 5, 1), effective=datetime.date(2026, 5, 16), citation=None)')),
 ('basis(number=" 12号 ", authority=" 局 ", citation="  ")',
  ('ok',
   "BasisDocument(doc_type=<DocType.ADMIN_PENALTY: 'admin_penalty'>, number='12号', authority='局', "
   'issued=datetime.date(2026, 5, 1), effective=datetime.date(2026, 5, 16), citation=None)')),
 ('basis(effective=TODAY)',
  ('ok',
   "BasisDocument(doc_type=<DocType.ADMIN_PENALTY: 'admin_penalty'>, number='清市监罚〔2026〕12号', authority='县市场监督管理局', "
   'issued=datetime.date(2026, 5, 1), effective=datetime.date(2026, 11, 30), citation=None)')),
 ('basis(issued=date(2026, 5, 16))',
  ('ok',
   "BasisDocument(doc_type=<DocType.ADMIN_PENALTY: 'admin_penalty'>, number='清市监罚〔2026〕12号', authority='县市场监督管理局', "
   'issued=datetime.date(2026, 5, 16), effective=datetime.date(2026, 5, 16), citation=None)')),
 ('basis(doc_type="letter")',
  ('refused',
   'R1_DOC_TYPE',
   'doc_type',
   None,
   '认定依据文书类型「letter」不被接受，可选：court_judgment（生效判决）、court_ruling（生效裁定）、arbitration_award（仲裁裁决）、admin_penalty（行政处罚决定）、admin_ruling（行政裁决）、other_legal（法律、法规或党中央、国务院政策文件规定的其他文书）。',
   "Basis document type 'letter' is not accepted.")),
 ('basis(number=None)',
  ('refused',
   'R1_BASIS_INCOMPLETE',
   'doc_number',
   None,
   '认定依据缺少「文号」，不能录入失信信息。',
   'The basis document lacks its number; the record cannot be entered.')),
 ('basis(number=" ")',
  ('refused',
   'R1_BASIS_INCOMPLETE',
   'doc_number',
   None,
   '认定依据缺少「文号」，不能录入失信信息。',
   'The basis document lacks its number; the record cannot be entered.')),
 ('basis(authority="")',
  ('refused',
   'R1_BASIS_INCOMPLETE',
   'doc_authority',
   None,
   '认定依据缺少「作出机关」，不能录入失信信息。',
   'The basis document lacks its issuing authority; the record cannot be entered.')),
 ('basis(issued=None)',
  ('refused',
   'R1_BASIS_INCOMPLETE',
   'doc_issued',
   None,
   '认定依据须写明作出日期和生效日期。',
   'The basis document needs its issue and effective dates.')),
 ('basis(effective=None)',
  ('refused',
   'R1_BASIS_INCOMPLETE',
   'doc_effective',
   None,
   '认定依据须写明作出日期和生效日期。',
   'The basis document needs its issue and effective dates.')),
 ('basis(issued=None, effective=None)',
  ('refused',
   'R1_BASIS_INCOMPLETE',
   'doc_issued',
   None,
   '认定依据须写明作出日期和生效日期。',
   'The basis document needs its issue and effective dates.')),
 ('basis(issued=date(2026, 5, 17))',
  ('refused',
   'R1_BASIS_DATES',
   'doc_effective',
   None,
   '认定依据的生效日期不能早于作出日期。',
   'The effective date cannot precede the issue date.')),
 ('basis(effective=date(2026, 12, 1))',
  ('refused',
   'R1_NOT_EFFECTIVE',
   'doc_effective',
   None,
   '认定依据于2026-12-01才生效，尚不能作为认定依据。',
   'The document takes effect only on 2026-12-01.')),
 ('basis(doc_type="other_legal")',
  ('refused',
   'R1_CITATION_REQUIRED',
   'doc_citation',
   None,
   '“其他文书”须注明规定该文书的法律、法规或党中央、国务院政策文件。',
   'An other-type document needs the law, regulation or central policy naming it.')),
 ('basis(doc_type="other_legal", citation=" 《某条例》第九条 ")',
  ('ok',
   "BasisDocument(doc_type=<DocType.OTHER_LEGAL: 'other_legal'>, number='清市监罚〔2026〕12号', authority='县市场监督管理局', "
   "issued=datetime.date(2026, 5, 1), effective=datetime.date(2026, 5, 16), citation='《某条例》第九条')")),
 ('check_catalogue_item("C01", ITEMS)',
  ('ok',
   "CatalogueItem(code='C01', group='行政处罚', name='行政处罚信息', legal_basis='《行政处罚法》', shareable=True, "
   "share_scope='政务共享', publishable=True, publication_tiering=True, dishonesty=True, sample=False)")),
 ('check_catalogue_item("C01", [])',
  ('refused',
   'R2_NO_CATALOGUE',
   'catalogue_code',
   None,
   '尚未载入有效的公共信用信息目录，不能录入失信信息。',
   'No active catalogue edition is loaded.')),
 ('check_catalogue_item("C01", None)',
  ('refused',
   'R2_NO_CATALOGUE',
   'catalogue_code',
   None,
   '尚未载入有效的公共信用信息目录，不能录入失信信息。',
   'No active catalogue edition is loaded.')),
 ('check_catalogue_item("C09", ITEMS)',
  ('refused',
   'R2_NOT_IN_CATALOGUE',
   'catalogue_code',
   None,
   '目录中没有编码为「C09」的条目，目录外信息不得录入。',
   "Catalogue item 'C09' is not in the active edition; it is refused.")),
 ('check_catalogue_item("C02", ITEMS)',
  ('refused',
   'R2_NOT_DISHONESTY',
   'catalogue_code',
   None,
   '目录条目「行政许可信息（示例）」不属于失信信息。',
   "Catalogue item 'C02' is not dishonesty information.")),
 ('publication(NATIONAL_2026, Tier.GENERAL, date(2026, 5, 31))',
  ('ok', 'PublicationWindow(earliest_repair=datetime.date(2026, 9, 1), publication_end=datetime.date(2027, 5, 31))')),
 ('leniency_flags(Tier.GENERAL, IdType.RIC, MINOR_RIC, date(2028, 3, 1), force_majeure=False, no_intent=False, '
  'slight=False)',
  ('ok', "(<Leniency.MINOR: 'minor'>,)")),
 ('leniency_flags(Tier.GENERAL, IdType.RIC, MINOR_RIC, date(2028, 3, 2), force_majeure=True, no_intent=True, '
  'slight=True)',
  ('ok',
   "(<Leniency.FORCE_MAJEURE: 'force_majeure'>, <Leniency.NO_INTENT: 'no_intent'>, <Leniency.SLIGHT: 'slight'>)")),
 ('leniency_flags(Tier.SLIGHT, IdType.PASSPORT, "E12345678", date(2028, 3, 2), force_majeure=False, no_intent=False, '
  'slight=False)',
  ('ok', "(<Leniency.SLIGHT: 'slight'>,)")),
 ('leniency_flags(Tier.SERIOUS, IdType.USCC, "9132081294PBRNYTXE", date(2028, 3, 2), force_majeure=False, '
  'no_intent=False, slight=False)',
  ('ok', '()')),
 ('check_leniency_justification((), None)', ('ok', 'None')),
 ('check_leniency_justification((), " 说明 ")', ('ok', "'说明'")),
 ('check_leniency_justification((Leniency.MINOR,), " 情节严重 ")', ('ok', "'情节严重'")),
 ('check_leniency_justification((Leniency.MINOR, Leniency.SLIGHT), " ")',
  ('refused',
   'R9_JUSTIFICATION_REQUIRED',
   'leniency_justification',
   None,
   '该失信信息适用宽容审慎情形（行为时未满十八周岁、情节轻微），须填写书面说明理由并经第二人审批。',
   "This record falls under leniency; a written justification and a second user's approval are needed.")),
 ('check_leniency_justification((Leniency.FORCE_MAJEURE, Leniency.NO_INTENT), None)',
  ('refused',
   'R9_JUSTIFICATION_REQUIRED',
   'leniency_justification',
   None,
   '该失信信息适用宽容审慎情形（因自然灾害、疫情等不可抗力、无主观故意），须填写书面说明理由并经第二人审批。',
   "This record falls under leniency; a written justification and a second user's approval are needed.")),
 ('[(f.value, f.zh) for f in Leniency]',
  ('ok', "[('minor', '行为时未满十八周岁'), ('force_majeure', '因自然灾害、疫情等不可抗力'), ('no_intent', '无主观故意'), ('slight', '情节轻微')]")),
 ('check_approval(record(), "reviewer1")', ('ok', 'None')),
 ('check_approval(record(), "clerk1")',
  ('refused',
   'FOUR_EYES',
   None,
   None,
   '起草人不能审批自己起草的事项，请由另一位人员审批。',
   'The drafter cannot approve their own work; another person must approve it.')),
 ('check_approval(record(RecordStatus.ACTIVE), "reviewer1")',
  ('refused', 'R9_NOT_PENDING', 'record_id', None, '失信信息9不在待审批状态。', 'Record 9 is not waiting for approval.')),
 ('check_can_revise(record(RecordStatus.ACTIVE), " 复议撤销 ")', ('ok', "'复议撤销'")),
 ('check_can_revise(record(RecordStatus.CHANGED), "变更")', ('ok', "'变更'")),
 ('check_can_revise(record(RecordStatus.ACTIVE), None)',
  ('refused',
   'R3_REASON_REQUIRED',
   'reason',
   None,
   '请写明认定依据被撤销、变更或确认无效的情况。',
   'State how the basis document was revoked, changed or declared invalid.')),
 ('check_can_revise(record(RecordStatus.PENDING), "  ")',
  ('refused',
   'R3_REASON_REQUIRED',
   'reason',
   None,
   '请写明认定依据被撤销、变更或确认无效的情况。',
   'State how the basis document was revoked, changed or declared invalid.')),
 ('check_can_revise(record(RecordStatus.REVOKED), "再撤销")',
  ('refused', 'R3_RECORD_CLOSED', 'record_id', None, '失信信息9已撤销，不能再变更。', 'Record 9 is already revoked.')),
 ('check_can_revise(record(RecordStatus.REPAIRED), "再撤销")',
  ('refused', 'R3_RECORD_CLOSED', 'record_id', None, '失信信息9已修复，不能再变更。', 'Record 9 is already repaired.')),
 ('[status_zh(s) for s in RecordStatus]', ('ok', "['有效', '待审批', '变更', '撤销', '修复']")),
 ('[record(s).effective for s in RecordStatus]', ('ok', '[True, False, True, False, False]'))]


def _outcome(expr):
    return outcome(expr, globals())


@pytest.mark.parametrize("call, expected", TABLE, ids=[f"{i}" for i in range(len(TABLE))])
def test_r1_r2_r3_r9_record_rules_table(call, expected):
    assert _outcome(call) == expected
