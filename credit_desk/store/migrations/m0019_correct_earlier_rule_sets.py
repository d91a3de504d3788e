"""R20 (issue 16): the built-in earlier national rule sets carried the 2026 figures backwards.

A ledger created before this release holds ``CN-2023`` and ``CN-2020-12`` with the 2026 periods and time limits.
They are replaced by what is known of those rules (CN-2023: the 一般/严重 periods of 令2023年第58号; everything
else unknown), but only where the stored row still holds exactly the invented built-in figures — a rule set the
platform delivered under the same code is left as it is. The figures are written out here, frozen, so a later
change to the built-in rule sets never changes what this migration did.
"""

import json

VERSION = 19

_INVENTED = {"slight": {"min_months": 0, "max_months": 3, "published": False},
             "general": {"min_months": 3, "max_months": 12, "published": True},
             "serious": {"min_months": 12, "max_months": 36, "published": True}}
_OLD_LIMITS = {"objection_window_workdays": 5, "objection_reply_workdays": 10, "share_listing_workdays": 10,
               "publish_licence_penalty_workdays": 7, "repair_decide_workdays": 3, "repair_finish_workdays": 10}
_UNKNOWN = {"min_months": None, "max_months": None, "published": None}
_SEED = {"objection_window_workdays": "local setting (no seed fixes it; DOMAIN Clarifications R5)",
         "objection_reply_workdays": "淮政办发〔2021〕13号 四(一)",
         "share_listing_workdays": "发改财金规〔2017〕1798号 (十)",
         "publish_licence_penalty_workdays": "苏府办〔2020〕232号 (十五)"}
_CORRECTED = {
    "CN-2023": {
        "tiers": {"slight": _UNKNOWN, "general": _INVENTED["general"], "serious": _INVENTED["serious"]},
        "citations": {**_SEED, "repair_decide_workdays": "unknown（未载入原文）",
                      "repair_finish_workdays": "unknown（未载入原文）", "tiers.slight": "unknown（未载入原文）",
                      "tiers.general": "国家发展改革委令2023年第58号（一般失信行为行政处罚信息：最短3个月，最长1年）",
                      "tiers.serious": "国家发展改革委令2023年第58号（严重失信行为行政处罚信息：最短1年，最长3年）"}},
    "CN-2020-12": {
        "tiers": {"slight": _UNKNOWN, "general": _UNKNOWN, "serious": _UNKNOWN},
        "citations": {**_SEED, "repair_decide_workdays": "unknown（49号 六(十二) 只要求“在规定时间内办结”）",
                      "repair_finish_workdays": "unknown（49号 六(十二) 只要求“在规定时间内办结”）",
                      "tiers.slight": "unknown（49号未规定分级公示期限）",
                      "tiers.general": "unknown（49号未规定分级公示期限）",
                      "tiers.serious": "unknown（49号未规定分级公示期限）"}},
}


def up(conn) -> None:
    for code, fix in _CORRECTED.items():
        row = conn.execute("SELECT params FROM rule_sets WHERE code = ?", (code,)).fetchone()
        if row is None:
            continue
        params = json.loads(row[0])
        limits = {k: params.get(k) for k in _OLD_LIMITS}
        invented = params.get("tiers") == _INVENTED and limits == _OLD_LIMITS and "citations" not in params
        if not invented:
            continue
        params.update(fix, repair_decide_workdays=None, repair_finish_workdays=None)
        conn.execute("UPDATE rule_sets SET params = ? WHERE code = ?", (json.dumps(params, ensure_ascii=False), code))
