"""认定部门 deciding departments (49号 四(八); 1798号 (六); DOMAIN.md "Deciding department").

A listing is decided by a county-level (or higher) department, which issues the prior notice, the decision, the
exit announcement, the apology and the correction in its own name (落款) and under its own 文号 prefix; 谁认定、
谁修复. The credit office coordinates, keeps the ledger and shares; it is not a deciding department here.
"""

from __future__ import annotations

from dataclasses import dataclass

from credit_desk.domain.cases import DEPT_LEVEL_ZH, DEPT_LEVELS, check_r4_department_level
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import IdType, normalize_id


@dataclass(frozen=True)
class Department:
    id: int | None
    name: str
    uscc: str
    level: str
    domain: str
    prefix: str
    active: bool = True

    @property
    def level_zh(self) -> str:
        return DEPT_LEVEL_ZH.get(self.level, self.level)


def _text(value, field: str, zh: str, en: str, most: int) -> str:
    text = (value or "").strip()
    if not text or len(text) > most:
        raise ValidationError("DEPT_FIELD", f"{zh}不能为空，且不超过{most}字。", f"{en} is required (at most {most} "
                              "characters).", field=field)
    return text


def new_department(name: str, uscc: str, level: str, domain: str, prefix: str) -> Department:
    """Validate a department field by field: name, a valid 统一社会信用代码 (GB 32100), a level, the field of
    administration and a 文号 prefix (1–8 characters, no 〔〕, 号, spaces or |). Raises ValidationError."""
    name_ = _text(name, "name", "部门名称", "The department's name", 60)
    try:
        code = normalize_id(IdType.USCC, uscc or "")
    except ValidationError as exc:
        raise ValidationError(exc.code, f"部门统一社会信用代码：{exc.zh}", f"Department's code: {exc.en}",
                              field="uscc") from None
    if level not in DEPT_LEVELS:
        raise ValidationError("DEPT_LEVEL", "部门层级应为 " + "、".join(f"{lv}（{DEPT_LEVEL_ZH[lv]}）" for lv in DEPT_LEVELS)
                              + " 之一。", "The level must be one of " + ", ".join(DEPT_LEVELS) + ".", field="level")
    domain_ = _text(domain, "domain", "所属领域", "The field of administration", 30)
    head = _text(prefix, "prefix", "文号前缀", "The 文号 prefix", 8)
    if any(c in head for c in "〔〕|[]号 "):
        raise ValidationError("DEPT_PREFIX", "文号前缀不能含〔〕、“号”、空格或“|”。",
                              "The prefix cannot contain 〔〕, 号, spaces or '|'.", field="prefix")
    return Department(None, name_, code, level, domain_, head)


def check_r4_may_decide(dept: Department) -> None:
    """R4 / 1798号 (六): whatever the list (black, watch or red), the deciding department is county level or above;
    a township (乡镇、街道) may not decide any listing."""
    check_r4_department_level(dept.level)
