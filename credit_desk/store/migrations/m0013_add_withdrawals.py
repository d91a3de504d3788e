"""R12 way 1 done properly, and R3 reaching listings (issue 13, items 6 and 7):

- ``withdrawals``: a wrongful listing's withdrawal, proposed by one person (from an objection or from the
  office's own finding, 1798号 (二十三)) and carried out only when a second senior person approves it
  (four eyes). Once carried out, its reason text is deleted with the listing.
- ``documents``: a registered document may now be *withdrawn* (撤回): status ``withdrawn`` and its stored
  content (context, key fields, template) emptied, because R12 way 1 keeps no information about the listing.
  Every other change to a registered document is still refused by the trigger.
- ``cases.end_due``: R3 — every basis record of a listing was revoked; the deciding department must end the
  listing (way 1 or 4) by this date, shown on the due list.
"""

VERSION = 13

SQL = (
    """CREATE TABLE withdrawals (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      origin TEXT NOT NULL CHECK (origin IN ('objection', 'own_finding')),
      objection_id INTEGER REFERENCES objections(id),
      reason TEXT,
      proposed_by TEXT NOT NULL,
      proposed_on TEXT NOT NULL,
      approved_by TEXT,
      approved_on TEXT,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done'))
    )""",
    "CREATE UNIQUE INDEX withdrawals_one_pending ON withdrawals(case_id) WHERE status = 'pending'",
    "DROP TRIGGER documents_fixed",
    """CREATE TRIGGER documents_fixed BEFORE UPDATE OF doc_type, year, seq, prefix, number, issued_on, office,
       context, template, key_fields, key_id, signature, qr_text ON documents
       WHEN NOT (NEW.status = 'withdrawn' AND NEW.context = '{}' AND NEW.key_fields = '[]' AND NEW.template = ''
                 AND NEW.number = OLD.number AND NEW.seq = OLD.seq AND NEW.prefix = OLD.prefix
                 AND NEW.year = OLD.year AND NEW.doc_type = OLD.doc_type AND NEW.issued_on = OLD.issued_on
                 AND NEW.office = OLD.office AND NEW.key_id = OLD.key_id AND NEW.signature = OLD.signature
                 AND NEW.qr_text = OLD.qr_text)
       BEGIN SELECT RAISE(ABORT, 'a registered document cannot be changed'); END""",
    "ALTER TABLE cases ADD COLUMN end_due TEXT",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
