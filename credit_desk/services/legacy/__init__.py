"""Bringing an office's existing ledger in (issue 19 item 3).

Owns: the column mappings clerks save for their own sheet layouts (``mappings``) and the all-or-nothing import
of subjects, 失信信息 records and current listings from such a sheet (``ledger_import``) — through the guards of
entry by hand (R1, R2, R4, R7, R9, R20), with one audit row and one change-log row per imported entity. Listings
come in as historical entries keeping their original 文号, recorded as numbers issued by hand: outside the
register's series, never advancing it.
"""
