"""Search keys fold traditional characters to simplified (issue 15): ``domain.textkey.search_key`` now maps
陳 → 陈, 號 → 号, 衞 → 卫 (OpenCC, one character at a time), so 陳小明 finds 陈小明 and the reverse.

The keys stored before this version were built with the earlier normaliser; they are rebuilt here with the
current one: the FTS indexes over subject names and 文号 (``m0010_rebuild_search_keys.rebuild``) and the
party-name key of the 双公示 register (``admin_decisions.name_key``). No table changes shape.
"""

from credit_desk.store.migrations import m0010_rebuild_search_keys as m10

VERSION = 23


def up(conn) -> None:
    for table, col in m10.SEARCHED:
        for statement in m10.rebuild(table, col):
            conn.execute(statement)
    conn.execute("UPDATE admin_decisions SET name_key = cd_search_key(party_name)")
