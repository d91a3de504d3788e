"""Sample contexts for every document type: what the providers produce for a seeded case."""

from __future__ import annotations

PARTY = {"party_name": "淮安市清江浦区示例商贸有限公司", "party_id_type": "统一社会信用代码",
         "party_id": "91320812MA1XXXXX3T"}
REMEDIES = ("如对本决定不服，可以自收到本决定书之日起六十日内向淮安市清江浦区人民政府申请行政复议，"
            "或者自收到本决定书之日起六个月内向淮安市清江浦区人民法院提起行政诉讼。")

from credit_desk.domain.commitments import DISCLOSURE  # noqa: E402

SAMPLES: dict[str, dict] = {
    "listing_decision": {
        **PARTY, "party_lines": ["法定代表人：王某某", "住所：淮安市清江浦区健康东路18号"],
        "prior_notice": "本单位于2026年3月2日向你单位送达了《失信行为认定预先告知书》（清信告〔2026〕3号），"
                        "你（单位）在规定期限内未提出陈述、申辩。",
        "list_name": "严重失信主体名单",
        "reasons": "你单位在2025年生产销售不合格食品，经淮安市清江浦区市场监督管理局依法查处（淮清市监罚〔2025〕118号），"
                   "拒不履行行政处罚决定规定的义务，严重危害人民群众身体健康和生命安全。",
        "ground": "（a）严重危害人民群众身体健康和生命安全",
        "basis": "《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）"
                 "第四条第（六）项；《中华人民共和国食品安全法》第一百三十五条。",
        "measures": ["依法限制参加政府采购活动（《中华人民共和国政府采购法》第二十二条）；",
                     "不适用告知承诺制；", "加大监管频次，列为重点监管对象。"],
        "valid_from": "2026年4月1日", "valid_until": "2029年3月31日",
        "removal": "有效期届满自动移出；有效期内你单位已纠正失信行为、消除不良影响的，可以向本单位申请信用修复，"
                   "经本单位同意后提前移出。移出后转入重点关注名单管理。",
        "remedies": REMEDIES,
    },
    "watch_warning": {
        **PARTY, "reasons": "你单位一年内三次因未按规定公示年度报告受到行政处罚，属于反复发生的轻微失信行为。",
        "basis": "《关于加强和规范守信联合激励和失信联合惩戒对象名单管理工作的指导意见》（发改财金规〔2017〕1798号）第（十六）项。",
        "measures": ["列为重点监管对象，加大检查频次；", "不适用告知承诺制。"],
        "valid_from": "2026年4月1日", "valid_until": "2027年3月31日",
        "removal": "有效期届满自动移出；纠正失信行为并作出信用承诺的，可以申请提前移出。",
        "remedies": REMEDIES,
    },
    "prior_notice": {
        **PARTY, "list_name": "严重失信主体名单",
        "reasons": "你单位生产销售不合格食品，拒不履行行政处罚决定规定的义务，严重危害人民群众身体健康和生命安全。",
        "basis": "国办发〔2020〕49号第四条第（六）项；《中华人民共和国食品安全法》第一百三十五条。",
        "objection_deadline": "2026年3月16日", "contact": "清江浦区信用办，0517-83600000",
    },
    "objection_accepted": {
        "party_name": "张某某", "objection_date": "2026年3月10日",
        "objection_subject": "对淮清市监罚〔2025〕118号行政处罚信息的归集提出异议", "reply_deadline": "2026年3月24日",
    },
    "objection_result": {
        "party_name": "张某某", "objection_date": "2026年3月10日",
        "objection_subject": "对淮清市监罚〔2025〕118号行政处罚信息的归集提出异议",
        "findings": "经向淮安市清江浦区市场监督管理局核实，该行政处罚决定已于2026年1月8日被依法撤销。",
        "result": "异议成立。本单位已撤销该条失信信息，并同步报送市信用信息共享平台更正。",
        "remedies": REMEDIES,
    },
    "repair_notice": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "decision_number": "清信决〔2026〕1号认定决定书",
        "earliest_date": "2027年4月1日",
        "conditions": "你单位履行相关义务、纠正失信行为并消除不良影响，且最短公示期届满的，可以申请信用修复。",
        "procedure": "向本单位提交信用修复申请书、履行义务的证明材料和签署的信用承诺书。本单位自收到申请之日起三个工作日内作出决定，十个工作日内办结。",
        "contact": "清江浦区信用办，淮安市清江浦区健康东路1号，0517-83600000",
    },
    "repair_accepted": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "application_date": "2027年4月6日",
        "repair_subject": "严重失信主体名单信息（清信决〔2026〕1号）", "decision_deadline": "2027年4月9日",
    },
    "repair_rejected": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "application_date": "2026年10月6日",
        "repair_subject": "严重失信主体名单信息（清信决〔2026〕1号）",
        "reasons": "该信息的最短公示期尚未届满（2027年4月1日届满），不符合申请信用修复的条件。",
        "remedies": REMEDIES,
    },
    "repair_supplement": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "application_date": "2026年11月20日",
        "repair_subject": "县市场监督管理局清市监罚〔2026〕7号行政处罚决定所载失信信息",
        "missing": ["1. 签署的信用承诺书"],
        "basis": "国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交履行法定义务、"
                 "纠正失信行为的证明材料和签署的信用承诺书的规定。",
        "optional": "参加信用修复培训的证明、信用报告等，可作为纠正失信行为的佐证一并提交，但不是申请信用修复的条件。",
        "contact": "清江浦区信用办（示例）",
    },
    "repair_decision": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "application_date": "2027年4月6日",
        "repair_subject": "严重失信主体名单信息（清信决〔2026〕1号）",
        "findings": "你单位已全面履行行政处罚决定规定的义务，提交了信用承诺书，并完成信用修复培训。",
        "basis": "《信用修复管理办法》（国家发展改革委令2025年第36号）。",
        "outcome": "同意信用修复，将你单位提前移出严重失信主体名单，转入重点关注名单管理。", "effective_date": "2027年4月9日",
    },
    "exit_announcement": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "party_id": "9132**********XX3T",
        "list_name": "严重失信主体名单", "listed_on": "2026年4月1日，清信决〔2026〕1号",
        "exit_way": "信用修复后提前移出", "exit_date": "2027年4月9日",
        "basis": "《信用修复管理办法》（国家发展改革委令2025年第36号）",
    },
    "apology_letter": {
        "party_name": "张某某", "party_id": "3208**********1234", "list_name": "严重失信主体名单",
        "listed_on": "2026年4月1日（清信决〔2026〕2号）",
        "error_found": "经异议核实，作为认定依据的行政处罚决定已于认定前被依法撤销，该认定有误。",
        "correction": "撤销清信决〔2026〕2号认定决定，将你移出名单。",
    },
    "red_publication": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "party_id": "91320812MA1XXXXX3T",
        "list_name": "守信激励对象名单", "reasons": "连续三年纳税信用评价为A级",
        "basis": "《纳税信用管理办法》", "publish_from": "2026年10月12日", "publish_until": "2026年10月21日",
        "contact": "清江浦区税务局 0517-00000000",
    },
    "correction_announcement": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "party_id": "91320812MA1XXXXX3T",
        "list_name": "严重失信主体名单", "withdrawn_on": "2026年10月28日", "apology": "清信澄〔2026〕1号",
    },
    "interview_notice": {
        **{k: PARTY[k] for k in ("party_name",)}, "kind": "警示约谈",
        "matter": "你单位被列入重点关注名单后，未在规定期限内完成整改。",
        "basis": "《苏州市人民政府办公室关于印发……的通知》（苏府办〔2020〕232号）第（九）项",
        "interview_time": "2026年4月15日上午9时", "place": "清江浦区信用办第一会议室（健康东路1号302室）",
        "bring": ["营业执照副本复印件；", "整改情况书面说明；", "法定代表人身份证件。"],
        "contact": "0517-83600000",
    },
    "commitment_form": {
        **PARTY, "legal_rep": "王某某", "matter": "申请信用修复", "kind": "信用修复型承诺",
        "items": ["一、所提供的材料真实、准确、完整，无虚假内容；", "二、严格遵守法律法规，依法诚信经营；",
                  "三、已纠正失信行为并消除不良影响，不再发生同类失信行为；", "四、自愿接受信用监管和社会监督。"],
        "disclosure": DISCLOSURE,
    },
    "supervision_notice": {
        "party_name": "淮安市清江浦区示例商贸有限公司", "commitment": "审批替代型承诺（告知承诺）（承诺事项C-01，2026年3月2日作出）",
        "reason": "违背信用承诺（审批替代型承诺（告知承诺），未履行）", "since": "2026年9月1日", "until": "2027年9月1日",
        "remedies": REMEDIES, "contact": "清江浦区信用办（示例）",
    },
    "credit_query": {
        "party_name": "张*明", "party_kind": "自然人", "party_id": "3208**********1234", "purpose": "政府采购资格审查",
        "query_time": "2026年4月1日 10:30", "querier": "clerk1", "record_count": "2",
        "records": ["1. 行政处罚决定 淮清市监罚〔2025〕118号（淮安市清江浦区市场监督管理局，2025年11月3日生效），"
                    "类别：行政处罚信息；程度：一般。",
                    "2. 生效判决 （2025）苏0812民初1234号（淮安市清江浦区人民法院，2025年12月1日生效），"
                    "类别：司法裁判及执行信息；程度：严重。"],
        "note": "本结果仅反映本单位信用信息台账中的信息，个人信息已按规定脱敏，仅供查询事由所述用途使用。",
    },
}
