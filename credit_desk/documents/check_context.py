"""The 信用审查报告 and the 公共信用信息报告 as template contexts (pure functions; R15 masking, R22).

The check report takes a stored check (``store.checks.get_check``): counts per category, one line per hit, the
names not found, and one annex per hit with every listing, record and joint-list entry behind it. Personal data
pass through the one masker (``domain.checks.public_name``/``public_id``); a row is named with its row number in
the department's list, so the department can find a masked person again in its own list.
"""

from __future__ import annotations

import datetime as dt

from credit_desk.documents.context import zh_date
from credit_desk.domain import checks as d
from credit_desk.domain.cases import Ground, ListType
from credit_desk.domain.records import DocType
from credit_desk.domain.rulesets import Tier

NONE_LINE = "无。"


def _when(iso: str) -> str:
    t = dt.datetime.fromisoformat(iso)
    return f"{zh_date(t.date())} {t:%H:%M}"


def _who(r: dict) -> str:
    return f"第{r['row']}行 {d.public_name(r)}（{d.public_id(r)}）"


def _lost(r: dict) -> str:
    """A row not found by its code; with the ledger's organisation of the same name under another code (att19d)."""
    note = d.namesake_note(r)
    return _who(r) + (f"——{note}" if note else "")


def _enum_zh(enum, value, default: str = "") -> str:
    try:
        return enum(value).zh
    except ValueError:
        return value or default


def listing_line(c: dict) -> str:
    """One listing as the reports print it (list, department, decision number and date, validity, ground)."""
    ground = "" if not c.get("ground") else f"；认定情形：{'、'.join(_enum_zh(Ground, g.strip()) for g in c['ground'].split(','))}"
    until = zh_date(c.get("valid_until")) or "未定"
    return (f"{_enum_zh(ListType, c['list_type'])}：认定部门{c.get('department') or '—'}，"
            f"决定书{c.get('decision_number') or '—'}（{zh_date(c.get('decided_on'))}），"
            f"有效期{zh_date(c.get('valid_from'))}至{until}{ground}。")


def record_line(r: dict) -> str:
    """One dishonesty record (R1: its document; R2: its catalogue item; R13: its tier and publication end)."""
    end = f"，公示至{zh_date(r['publication_end'])}" if r.get("publication_end") else ""
    return (f"失信信息：{_enum_zh(DocType, r['doc_type'])}{r['doc_number']}（{r['doc_authority']}，"
            f"{zh_date(r['doc_effective'])}生效），类别：{r['item_name']}；程度：{_enum_zh(Tier, r['tier'])}{end}。")


def decision_hide(x: dict) -> dict[str, str]:
    """R15: a 双公示 decision's own party and representative as the department wrote them (name, numbers) → their
    masked forms, to mask its free text with — the ledger's spelling of the subject may differ (李四 / 李思)."""
    from credit_desk.domain.masking import mask_id, mask_representative, mask_subject_name
    kind = x.get("party_kind")
    return {x.get("party_name") or "": mask_subject_name(kind, x.get("party_name")),
            x.get("id_number") or "": mask_id(x.get("id_number") or ""),
            x.get("rep_name") or "": mask_representative(kind, x.get("rep_name")),
            x.get("rep_id_number") or "": mask_id(x.get("rep_id_number") or "")}


def penalty_line(x: dict) -> str:
    """One 双公示 penalty (R21) still in its publication period (R13); R15: the party's name and numbers masked
    in the department's own words too."""
    from credit_desk.domain.masking import mask_within
    hide = decision_hide(x)
    fine = f"，罚款{x['fine_wan']}万元" if x.get("fine_wan") else ""
    return (f"行政处罚：{x['doc_number']}（{x['authority']}，{zh_date(x['decision_date'])}决定），"
            f"类别：{x['category']}{fine}；内容：{mask_within(x['content'], hide)}；"
            f"程度：{_enum_zh(Tier, x.get('tier'))}，公示至{zh_date(x['publication_end'])}。")


def joint_line(e: dict) -> str:
    how = "按证件号码比对" if e.get("match_on") == "number" else "按名称比对（名单未载号码，请核实）"
    measures = "；".join(str(m.get("name", m)) if isinstance(m, dict) else str(m) for m in e.get("measures") or [])
    return (f"联合惩戒对象名单：{e.get('list_title') or '—'}（{e.get('department') or '市平台下发'}，{how}）"
            + (f"，依据：{e['basis']}" if e.get("basis") else "") + (f"，惩戒措施：{measures}" if measures else "") + "。")


def _hit_entries(r: dict) -> list[str]:
    lines = []
    for cat in (d.Category.BLACK, d.Category.WATCH, d.Category.RED):
        lines += [listing_line(c) for c in r["hits"].get(cat.value, [])]
    lines += [record_line(x) for x in r["hits"].get(d.Category.RECORD.value, [])]
    lines += [penalty_line(x) for x in r["hits"].get(d.Category.PENALTY.value, [])]
    lines += [joint_line(e) for e in r["hits"].get(d.Category.JOINT.value, [])]
    lines += [rep_line(c) for c in r["hits"].get(d.Category.REP.value, [])]
    return lines


def rep_line(c: dict) -> str:
    """The black listing of the unit the person represents (R15: an organisation's name and code are public)."""
    from credit_desk.domain.masking import mask_subject_id, mask_subject_name
    u = c["unit"]
    return (f"法定代表人：为{mask_subject_name(u['kind'], u['name'])}（{mask_subject_id(u['kind'], u['id_type'], u['id_number'])}）"
            f"的法定代表人，该单位{listing_line(c)}")


def _annex(r: dict) -> str:
    found = "、".join(c.zh for c in d.Category if r["hits"].get(c.value))
    head = [f"{_who(r)}信用审查明细", f"| 审查结果：{found}"]
    if d.name_differs(r):
        head.append(f"| 注意：名单所列名称与台账登记名称（{d.public_name({**r, 'name': r['subject']['name']})}）不一致，"
                    "比对以号码为准。")
    if d.namesake_note(r):
        head.append(f"| 注意：{d.namesake_note(r)}")
    body = [f"{i}. {line}" for i, line in enumerate(_hit_entries(r), start=1)]
    return "\n".join(head + body)


def check_report(check: dict, joint_applied_at: str | None) -> dict:
    """R22: the context of the numbered 信用审查报告 for a stored check."""
    rows = check["results"]
    counts = d.tally(rows)
    hits = [r for r in rows if r["outcome"] == d.Outcome.HIT.value]
    lost = [r for r in rows if r["outcome"] == d.Outcome.NOT_FOUND.value]
    joint = (f"第{check['joint_version']}版（{zh_date(joint_applied_at)}接收）" if check.get("joint_version")
             else "尚未收到市平台下发的联合惩戒对象名单，本次未比对该名单")
    count_lines = [f"{i}. {c.zh}的{counts[c.value]}个；" for i, c in enumerate(d.Category, start=1)]
    count_lines += [f"{len(count_lines) + 1}. 台账中有记录、未发现失信信息的{counts[d.Outcome.CLEAR.value]}个，"
                    f"台账和联合惩戒对象名单中均未查到的{counts[d.Outcome.NOT_FOUND.value]}个。"]
    hit_lines = [f"{_who(r)}：{'、'.join(c.zh for c in d.Category if c.adverse and r['hits'].get(c.value))}"
                 f"（详见附件{i}）。" for i, r in enumerate(hits, start=1)] or [NONE_LINE]
    notes = ["1. 本报告仅反映本单位信用信息台账截至上述时间的信息和市信用信息共享平台下发的联合惩戒对象名单中的信息；"
             "已届满公示期限、已修复或已移出名单的信息不再列出。",
             "2. 比对以统一社会信用代码或身份证件号码为准；名单所列名称与台账不一致的，已在附件中注明；名单所填代码在台账"
             "中未查到、但台账中有同名单位的，已注明该单位的代码。",
             "3. 个人信息已按规定脱敏，主体以其在报送名单中的行号标明；本报告仅供上述审查事由使用。"]
    annex_list = [("附件：" if i == 1 else "") + f"{i}. {_who(r)}信用审查明细" for i, r in enumerate(hits, start=1)]
    return {"department": check["department"], "check_no": f"信用审查第{check['id']}号",
            "purpose": d.public_text(check["purpose"], rows),   # R15: 张小明同志入党政审 names the person
            "source": d.public_text(check["source"], rows), "as_of": f"{_when(check['as_of'])}（本单位信用信息台账）",
            "joint_as_of": joint, "row_count": str(counts["rows"]), "hit_count": str(len(hits)),
            "counts": count_lines, "hit_lines": hit_lines, "not_found": [_lost(r) for r in lost] or [NONE_LINE],
            "notes": notes, "annex_list": annex_list, "annexes": [_annex(r) for r in hits]}


def subject_report(s, *, period: tuple[dt.date, dt.date], when: dt.datetime, purpose: str, listings: list[dict],
                   records: list[dict], decisions: list[dict], commitments: list[dict], rep_name: str,
                   office: str, joint: list[dict] = ()) -> dict:
    """R22/R15: a subject's 公共信用信息报告 in the standard's order (公共信用信息报告标准 2022年版): 报告说明, 基本信息,
    信息概要, 失信信息, 行政许可和行政处罚, 信用承诺及履行情况, 诚实守信相关荣誉; masked by kind (R15)."""
    from credit_desk.domain.commitments import CommitmentType, Fulfilment
    from credit_desk.domain.masking import mask_representative, mask_subject_id, mask_subject_name, mask_within
    person = s.kind.value == "natural_person"
    adverse = [c for c in listings if c["list_type"] in (ListType.BLACK.value, ListType.WATCH.value)]
    honours = [c for c in listings if c["list_type"] == ListType.RED.value]
    hide = {s.name: mask_subject_name(s.kind, s.name), s.id_number: mask_subject_id(s.kind, s.id_type, s.id_number)}
    # R15: 当事人张小明… — masked as the ledger and as the department spelt the party (att19c: 李思 for 李四)
    decisions = [{**x, "content": mask_within(x["content"], {**decision_hide(x), **hide})} for x in decisions]
    licences = [x for x in decisions if x["kind"] == "licence"]
    penalties = [x for x in decisions if x["kind"] == "penalty"]
    basic = [f"名称：{mask_subject_name(s.kind, s.name)}", f"主体类别：{s.kind.zh}",
             f"{s.id_type.zh}：{mask_subject_id(s.kind, s.id_type, s.id_number)}"]
    if not person and rep_name:   # R15: an individual business's operator is a person
        basic.append(f"法定代表人（负责人）：{mask_representative(s.kind, rep_name)}")
    if not person and s.address:
        basic.append(f"住所：{s.address}")
    summary = [f"严重失信主体名单、重点关注名单{len(adverse)}条；失信信息{len(records)}条；联合惩戒对象名单{len(joint)}条；"
               f"行政许可{len(licences)}条；"
               f"行政处罚{len(penalties)}条；信用承诺{len(commitments)}条；守信激励{len(honours)}条。"]
    dishonesty = [listing_line(c) + (f"（已于{zh_date(c['exited_on'])}移出）" if c.get("exited_on") else "")
                  for c in adverse] + [record_line(r) for r in records] + [joint_line(e) for e in joint]
    lp = [f"行政许可：{x['doc_number']}，{x['category']}，{x['content']}（{x['authority']}，{zh_date(x['decision_date'])}）"
          + (f"，有效期至{zh_date(x['valid_until'])}" if x.get("valid_until") else "") + "。" for x in licences]
    lp += [f"行政处罚：{x['doc_number']}，{x['category']}，{x['content']}（{x['authority']}，{zh_date(x['decision_date'])}）"
           + (f"，公示至{zh_date(x['publication_end'])}" if x.get("publication_end") else "") + "。" for x in penalties]
    com = [f"{_enum_zh(CommitmentType, c['type'])}：{c['item_name']}（{zh_date(c['made_on'])}作出），履行情况："
           f"{_enum_zh(Fulfilment, c['fulfilment'])}。" for c in commitments]
    start, end = period
    intro = [f"1. 本报告由{office}根据本单位信用信息台账出具，报告期为{zh_date(start)}至{zh_date(end)}，信息截至出具时。",
             "2. 报告内容依照《公共信用信息报告标准（2022年版）》编排；失信信息和行政处罚信息按公示期限展示，已届满、已修复或"
             "已撤销的信息不再列出。",
             "3. 个人信息已按规定脱敏；本报告仅供上述查询事由使用。"]
    rights = ["信用主体对报告内容有异议的，可向本单位提出异议申请；符合条件的，可依法申请信用修复。"]
    return {"party_name": mask_subject_name(s.kind, s.name), "party_id": mask_subject_id(s.kind, s.id_type, s.id_number),
            "period": f"{zh_date(start)}至{zh_date(end)}", "report_time": _when(when.isoformat(timespec="seconds")),
            "purpose": mask_within(purpose, hide), "intro": intro, "basic": basic, "summary": summary,
            "dishonesty": dishonesty or [NONE_LINE], "licences_penalties": lp or [NONE_LINE],
            "commitments": com or [NONE_LINE], "honours": [listing_line(c) for c in honours] or [NONE_LINE],
            "rights": rights}
