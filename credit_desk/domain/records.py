"""失信信息 records: one fact of dishonest behaviour resting on a legal document (R1, R2)."""

from __future__ import annotations

from enum import StrEnum


class DocType(StrEnum):
    """R1: the legally effective documents a record may rest on."""

    COURT_JUDGMENT = "court_judgment"
    COURT_RULING = "court_ruling"
    ARBITRATION_AWARD = "arbitration_award"
    ADMIN_PENALTY = "admin_penalty"
    ADMIN_RULING = "admin_ruling"
    OTHER_LEGAL = "other_legal"  # needs the citation of the law, regulation or central policy naming it

    @property
    def zh(self) -> str:
        return DOC_TYPE_ZH[self]


DOC_TYPE_ZH = {
    DocType.COURT_JUDGMENT: "生效判决", DocType.COURT_RULING: "生效裁定",
    DocType.ARBITRATION_AWARD: "仲裁裁决", DocType.ADMIN_PENALTY: "行政处罚决定",
    DocType.ADMIN_RULING: "行政裁决",
    DocType.OTHER_LEGAL: "法律、法规或党中央、国务院政策文件规定的其他文书",
}


class RecordStatus(StrEnum):
    ACTIVE = "active"          # 有效
    PENDING = "pending"        # 待审批 (R9 leniency cases wait for a second user)
    CHANGED = "changed"        # 已变更 (R3)
    REVOKED = "revoked"        # 已撤销 (R3, R19)
    REPAIRED = "repaired"      # 已修复 (R13)
