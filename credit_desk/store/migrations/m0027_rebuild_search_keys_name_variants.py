"""Search keys fold 锺 (the 2013 simplified form of the surname 鍾) with 鍾 and 钟 (issue 15): a person whose ID
card reads 锺 was not found when typed 钟 or 鍾, and the reverse (``domain.textkey.NAME_VARIANTS``). The stored
keys are rebuilt with the current normaliser exactly as migration 23 did.
"""

from credit_desk.store.migrations import m0023_rebuild_search_keys_simplified as m23

VERSION = 27


def up(conn) -> None:
    m23.up(conn)
