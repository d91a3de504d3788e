"""R13 两书同达 for 双公示 penalties: the 信用修复告知书 served with a penalty decision of the register.

Its number is taken when the penalty is registered (``register.save_in_tx``) for a tier that is published; it
prints with ``print repair_notice --decision ID`` in the same GB/T 9704 layout, number series and signed QR as
every other notice (``services.documents``), in the name of the department that decided the penalty
(谁认定、谁修复, ``departments.issuer_for``).
"""

from __future__ import annotations

from credit_desk.documents import context as C
from credit_desk.domain import disclosure as d
from credit_desk.domain.errors import DomainError
from credit_desk.domain.rulesets import rule_set_in_force
from credit_desk.services.base import Session
from credit_desk.services.documents import Item
from credit_desk.store import disclosures as repo
from credit_desk.store import reference

DOC_TYPE = "repair_notice"


def needs_repair_notice(decision: d.AdminDecision) -> bool:
    """R13: a penalty whose tier is published carries a 信用修复告知书 (a slight one is not published: nothing to
    repair); a licence none."""
    return decision.kind is d.DecisionKind.PENALTY and d.publishable(decision)


def repair_notice_item(session: Session, decision_id) -> Item:
    """The 信用修复告知书 of one registered penalty decision; DomainError when it has none."""
    session.require("document.print")  # R14: every caller, not only documents.issue, checks the role
    from credit_desk.services.document_sources import REPAIR_CONDITIONS, REPAIR_PROCEDURE
    conn = session.ledger.conn
    x = repo.get(conn, int(decision_id)) if str(decision_id).isdigit() else None
    if x is None or not needs_repair_notice(x) or x.state is d.DecisionState.REVOKED:
        raise DomainError("DOC_NOT_PENALTY", f"决定{decision_id}不存在、不是行政处罚决定、已撤销，或属轻微失信不予公示，"
                          "没有随处罚决定送达的信用修复告知书。",
                          f"Decision {decision_id} is not a published-tier penalty; it has no repair notice.",
                          field="decision")
    rs = rule_set_in_force(reference.rule_sets(conn), x.decision_date)  # R20: the rules of the decision date
    procedure = REPAIR_PROCEDURE.format(decide=rs.limit("repair_decide_workdays"),
                                        finish=rs.limit("repair_finish_workdays"))
    ctx = {"party_name": x.party_name,   # served on the party itself (not a public output)
           "decision_number": f"《行政处罚决定书》（{x.authority}{x.doc_number}）",
           "earliest_date": C.zh_date(x.earliest_repair), "conditions": REPAIR_CONDITIONS, "procedure": procedure,
           "contact": f"{x.authority}（谁认定、谁修复）"}
    return Item(ctx, "admin_decision", str(x.id), None, purpose=f"打印信用修复告知书（处罚决定{x.id}）",
                dated=x.decision_date)
