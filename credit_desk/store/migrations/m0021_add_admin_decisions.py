"""双公示 (issue 19 item 1; R6, R13, R15, R21): the register of administrative licence and penalty decisions.

``admin_decisions`` holds one decision with the national data elements (see ``domain.disclosure.FIELDS``), the
deadline to publish and report it (``publish_due``, 7 working days, R6), a penalty's publication period by tier
(``publication_end``, R13) and the rule set that set them (R20), its state, and when the platform acknowledged it
(``reported_at``). A decision's number (决定书文号) is registered once per issuing authority.
"""

VERSION = 21

STATEMENTS = [
    """CREATE TABLE admin_decisions (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('licence', 'penalty')),
      party_name TEXT NOT NULL, party_kind TEXT NOT NULL,
      uscc TEXT NOT NULL DEFAULT '', reg_no TEXT NOT NULL DEFAULT '', org_code TEXT NOT NULL DEFAULT '',
      tax_no TEXT NOT NULL DEFAULT '', inst_cert_no TEXT NOT NULL DEFAULT '', social_org_no TEXT NOT NULL DEFAULT '',
      rep_name TEXT NOT NULL DEFAULT '', rep_id_type TEXT NOT NULL DEFAULT '', rep_id_number TEXT NOT NULL DEFAULT '',
      id_type TEXT NOT NULL DEFAULT '', id_number TEXT NOT NULL DEFAULT '',
      doc_number TEXT NOT NULL, category TEXT NOT NULL, content TEXT NOT NULL,
      facts TEXT NOT NULL DEFAULT '', basis TEXT NOT NULL DEFAULT '',
      fine_wan TEXT, confiscated_wan TEXT, licence_no TEXT NOT NULL DEFAULT '',
      decision_date TEXT NOT NULL, valid_from TEXT, valid_until TEXT, tier TEXT,
      authority TEXT NOT NULL, authority_uscc TEXT NOT NULL, source_unit TEXT NOT NULL, source_uscc TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      publish_due TEXT NOT NULL, publication_end TEXT, earliest_repair TEXT, rule_set_code TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'registered', published_on TEXT, ended_on TEXT, reported_at TEXT,
      name_key TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX admin_decisions_number ON admin_decisions(authority_uscc, doc_number)",
    "CREATE INDEX admin_decisions_due ON admin_decisions(publish_due) WHERE reported_at IS NULL",
    "CREATE INDEX admin_decisions_end ON admin_decisions(publication_end) WHERE state = 'published'",
    "CREATE INDEX admin_decisions_name ON admin_decisions(name_key)",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
