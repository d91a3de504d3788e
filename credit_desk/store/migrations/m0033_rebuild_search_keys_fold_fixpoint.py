"""Search keys fold to a fixed point (issue 23, found by the property test under faketime): OpenCC folds 薴 to 苧 and
苧 to 苎, so a name typed 薴 was stored under 苧 and not found when typed 苎, and a stored key searched again did not
find itself (``domain.textkey._ScriptFold``). The stored keys are rebuilt with the current normaliser exactly as
migration 23 did.
"""

from credit_desk.store.migrations import m0023_rebuild_search_keys_simplified as m23

VERSION = 33


def up(conn) -> None:
    m23.up(conn)
