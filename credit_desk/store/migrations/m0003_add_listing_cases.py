"""Listing cases (认定案件), their events, measures, objections, announcements, apologies and alerts;
records gain leniency (R9), approval, revocation/change (R3) and publication-window columns."""

VERSION = 3

SQL = (
    # R9 leniency and four-eyes approval; R3 revocation / change; R13/R20 publication window.
    "ALTER TABLE records ADD COLUMN leniency_flags TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE records ADD COLUMN leniency_justification TEXT",
    "ALTER TABLE records ADD COLUMN approved_by TEXT",
    "ALTER TABLE records ADD COLUMN approved_at TEXT",
    "ALTER TABLE records ADD COLUMN earliest_repair TEXT",
    "ALTER TABLE records ADD COLUMN publication_end TEXT",
    "ALTER TABLE records ADD COLUMN status_reason TEXT",
    "ALTER TABLE records ADD COLUMN status_changed_on TEXT",
    """CREATE TABLE record_history (
      id INTEGER PRIMARY KEY,
      record_id INTEGER NOT NULL REFERENCES records(id),
      ts TEXT NOT NULL,
      username TEXT NOT NULL,
      op TEXT NOT NULL,
      reason TEXT NOT NULL,
      old_state TEXT NOT NULL
    )""",
    "CREATE INDEX record_history_record ON record_history(record_id)",
    """CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      list_type TEXT NOT NULL,
      state TEXT NOT NULL,
      department TEXT,
      department_level TEXT,
      domain TEXT,
      ground TEXT,
      standard TEXT,
      standard_kind TEXT,
      facts TEXT,
      basis TEXT,
      valid_from TEXT,
      valid_until TEXT,
      warning_letter TEXT,
      post_exit_watch_months INTEGER,
      channel TEXT,
      removal_conditions TEXT,
      remedies TEXT,
      notice_number TEXT,
      served_on TEXT,
      window_end TEXT,
      decision_number TEXT,
      decided_on TEXT,
      decided_by TEXT,
      rule_set_code TEXT,
      leniency_justification TEXT,
      share_due TEXT,
      shared_at TEXT,
      exit_way TEXT,
      exited_on TEXT,
      exit_note TEXT,
      origin TEXT NOT NULL DEFAULT 'manual',
      origin_case_id INTEGER REFERENCES cases(id),
      demo INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX cases_subject ON cases(subject_id)",
    "CREATE INDEX cases_state ON cases(state)",
    """CREATE TABLE case_records (
      case_id INTEGER NOT NULL REFERENCES cases(id),
      record_id INTEGER NOT NULL REFERENCES records(id),
      PRIMARY KEY (case_id, record_id)
    )""",
    "CREATE INDEX case_records_record ON case_records(record_id)",
    """CREATE TABLE case_events (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      ts TEXT NOT NULL,
      on_date TEXT NOT NULL,
      username TEXT NOT NULL,
      event TEXT NOT NULL,
      from_state TEXT,
      to_state TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX case_events_case ON case_events(case_id)",
    """CREATE TABLE case_measures (
      case_id INTEGER NOT NULL REFERENCES cases(id),
      edition TEXT NOT NULL,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      basis TEXT NOT NULL,
      applied_on TEXT NOT NULL,
      stopped_on TEXT,
      PRIMARY KEY (case_id, code)
    )""",
    """CREATE TABLE objections (
      id INTEGER PRIMARY KEY,
      target_type TEXT NOT NULL,
      target_id INTEGER NOT NULL,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      stage TEXT NOT NULL,
      received_on TEXT NOT NULL,
      grounds TEXT NOT NULL,
      evidence TEXT NOT NULL DEFAULT '',
      due_on TEXT NOT NULL,
      rule_set_code TEXT NOT NULL,
      outcome TEXT,
      reply TEXT,
      resolved_on TEXT,
      resolved_by TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    )""",
    "CREATE INDEX objections_target ON objections(target_type, target_id)",
    "CREATE INDEX objections_open ON objections(resolved_on)",
    """CREATE TABLE announcements (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      kind TEXT NOT NULL,
      channel TEXT NOT NULL,
      exit_way TEXT,
      created_on TEXT NOT NULL,
      doc_number TEXT,
      published_on TEXT
    )""",
    "CREATE INDEX announcements_case ON announcements(case_id)",
    # R12 way 1: all that is kept of a wrongful listing is the fact that an apology was issued.
    """CREATE TABLE apologies (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      doc_number TEXT NOT NULL,
      issued_on TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    )""",
    """CREATE TABLE alerts (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      kind TEXT NOT NULL,
      raised_on TEXT NOT NULL,
      domains TEXT NOT NULL,
      cleared_on TEXT
    )""",
    "CREATE INDEX alerts_subject ON alerts(subject_id)",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
