"""Search keys fold CJK Radicals Supplement forms to their ideographs (issue 15): text copied from a PDF comes
out as ⻓江⻄路 for 长江西路, and ``domain.textkey.search_key`` now reads it as the characters it stands for
(``textkey.RADICAL_FORMS``); 〘〙 join the 文号 brackets. The stored keys are rebuilt with the current normaliser
exactly as migration 23 did (the FTS indexes over subject names and 文号, ``admin_decisions.name_key``).
"""

from credit_desk.store.migrations import m0023_rebuild_search_keys_simplified as m23

VERSION = 25


def up(conn) -> None:
    m23.up(conn)
