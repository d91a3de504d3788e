"""R8 scope of each measure (issue 13 item 10): the catalogue groups of the records it may follow and the fields
of administration (领域) it applies in; an empty list means no restriction beyond the list types. The built-in
sample edition gets the scope of its two court measures (限制高消费, 限制乘坐…: 失信被执行人 only, i.e. the
catalogue group 司法裁判及执行信息)."""

VERSION = 16

SQL = (
    "ALTER TABLE measure_items ADD COLUMN catalogue_groups TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE measure_items ADD COLUMN domains TEXT NOT NULL DEFAULT '[]'",
    """UPDATE measure_items SET catalogue_groups = '["司法裁判及执行信息"]'
       WHERE code IN ('M-02', 'M-03') AND edition IN (SELECT edition FROM measure_editions WHERE is_sample = 1)""",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
