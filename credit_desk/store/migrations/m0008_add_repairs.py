"""Credit repair requests (R13, R20) and what they need elsewhere:

- ``repairs`` / ``repair_targets``: the request, its materials, deadlines, acceptance and decision. There is no
  fee column anywhere (R13: repair costs the applicant nothing; a test checks every table).
- ``records`` gain the record-level repair states (停止公示/标注/屏蔽/删除), the repair that set them, and a
  non-repairable flag with its legal basis (R13: what a law or central policy makes non-repairable).
- ``doc_numbers``: numbers the document register hands out before the paper is printed (a served prior notice,
  a decision, its 信用修复告知书, a repair notice, an apology), or records when an office issued one by hand.
  Printing that document later uses the reserved number, so a case and its paper never disagree.
- ``apologies.letter_context``: R12 way 1 — the apology letter's text, captured before the listing is deleted.
- ``interview_plans``: R18 — an interview announced in advance (time, place, matter, basis, what to bring).
"""

VERSION = 8

SQL = (
    """CREATE TABLE repairs (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      applicant TEXT NOT NULL,
      channel TEXT NOT NULL,
      received_on TEXT NOT NULL,
      materials TEXT NOT NULL DEFAULT '[]',
      commitment_id INTEGER REFERENCES commitments(id),
      state TEXT NOT NULL,
      rule_set_code TEXT NOT NULL,
      department TEXT NOT NULL,
      tier TEXT NOT NULL,
      earliest_on TEXT,
      finish_due TEXT NOT NULL,
      decide_due TEXT,
      accepted_on TEXT,
      accepted_by TEXT,
      accept_number TEXT,
      not_accepted_on TEXT,
      not_accepted_by TEXT,
      not_accepted_reason TEXT,
      reject_number TEXT,
      decided_on TEXT,
      decided_by TEXT,
      outcome TEXT,
      refusal_reason TEXT,
      findings TEXT,
      record_action TEXT,
      decision_number TEXT,
      shared_at TEXT,
      reverted_on TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX repairs_subject ON repairs(subject_id)",
    "CREATE INDEX repairs_state ON repairs(state)",
    """CREATE TABLE repair_targets (
      repair_id INTEGER NOT NULL REFERENCES repairs(id),
      target_type TEXT NOT NULL,
      target_id INTEGER NOT NULL,
      PRIMARY KEY (repair_id, target_type, target_id)
    )""",
    "CREATE INDEX repair_targets_target ON repair_targets(target_type, target_id)",
    "ALTER TABLE records ADD COLUMN repair_action TEXT",
    "ALTER TABLE records ADD COLUMN repaired_on TEXT",
    "ALTER TABLE records ADD COLUMN repair_id INTEGER",
    "ALTER TABLE records ADD COLUMN non_repairable_basis TEXT",
    """CREATE TABLE doc_numbers (
      id INTEGER PRIMARY KEY,
      doc_type TEXT NOT NULL,
      object_type TEXT NOT NULL,
      object_id TEXT NOT NULL,
      prefix TEXT,
      year INTEGER,
      seq INTEGER,
      number TEXT NOT NULL UNIQUE,
      reserved_on TEXT NOT NULL,
      external INTEGER NOT NULL DEFAULT 0,
      document_id INTEGER REFERENCES documents(id),
      reserved_by TEXT NOT NULL,
      reserved_at TEXT NOT NULL,
      UNIQUE (prefix, year, seq)
    )""",
    "CREATE INDEX doc_numbers_object ON doc_numbers(doc_type, object_type, object_id)",
    # A reserved number is part of the register: never deleted, never renumbered.
    """CREATE TRIGGER doc_numbers_no_delete BEFORE DELETE ON doc_numbers
       BEGIN SELECT RAISE(ABORT, 'the document register is append-only'); END""",
    """CREATE TRIGGER doc_numbers_fixed BEFORE UPDATE OF doc_type, object_type, object_id, prefix, year, seq,
       number, reserved_on, external ON doc_numbers
       BEGIN SELECT RAISE(ABORT, 'a reserved number cannot be changed'); END""",
    "ALTER TABLE apologies ADD COLUMN letter_context TEXT",
    """CREATE TABLE interview_plans (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      kind TEXT NOT NULL,
      planned_at TEXT NOT NULL,
      place TEXT NOT NULL,
      matter TEXT NOT NULL,
      basis TEXT NOT NULL,
      bring TEXT NOT NULL DEFAULT '[]',
      interview_id INTEGER REFERENCES interviews(id),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    )""",
    "CREATE INDEX interview_plans_subject ON interview_plans(subject_id)",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
