"""Core schema: office meta, settings, users, audit chain, change log, subjects, reference data, records."""

VERSION = 1

SQL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  pw_hash TEXT NOT NULL,
  failed_count INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

-- R14: append-only, hash-chained. Triggers stop casual edits; the chain catches the rest.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  ts TEXT NOT NULL,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  detail TEXT NOT NULL,
  outcome TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

-- The outbox that sync reads: monotonic ids, one row per mutation.
CREATE TABLE changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ts TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL,
  state TEXT NOT NULL
);
CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes BEGIN SELECT RAISE(ABORT, 'change log is append-only'); END;
CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes BEGIN SELECT RAISE(ABORT, 'change log is append-only'); END;

CREATE TABLE subjects (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  id_type TEXT NOT NULL,
  id_number TEXT NOT NULL,
  legal_rep_name TEXT,
  legal_rep_id_type TEXT,
  legal_rep_id_number TEXT,
  address TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (id_type, id_number)
);
CREATE INDEX subjects_name ON subjects(name);
CREATE INDEX subjects_id_number ON subjects(id_number);

CREATE TABLE catalogue_editions (
  edition TEXT PRIMARY KEY, label TEXT NOT NULL, source TEXT NOT NULL,
  is_sample INTEGER NOT NULL, loaded_at TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE catalogue_items (
  edition TEXT NOT NULL REFERENCES catalogue_editions(edition),
  code TEXT NOT NULL, group_name TEXT NOT NULL, name TEXT NOT NULL, legal_basis TEXT NOT NULL,
  shareable INTEGER NOT NULL, share_scope TEXT NOT NULL, publishable INTEGER NOT NULL,
  publication_tiering INTEGER NOT NULL, dishonesty INTEGER NOT NULL,
  PRIMARY KEY (edition, code)
);
CREATE TABLE measure_editions (
  edition TEXT PRIMARY KEY, label TEXT NOT NULL, source TEXT NOT NULL,
  is_sample INTEGER NOT NULL, loaded_at TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE measure_items (
  edition TEXT NOT NULL REFERENCES measure_editions(edition),
  code TEXT NOT NULL, name TEXT NOT NULL, basis TEXT NOT NULL, list_types TEXT NOT NULL,
  kind TEXT NOT NULL, severity INTEGER NOT NULL,
  PRIMARY KEY (edition, code)
);

CREATE TABLE rule_sets (
  code TEXT PRIMARY KEY, effective_from TEXT NOT NULL, source TEXT NOT NULL, params TEXT NOT NULL
);
CREATE TABLE calendar_days (day TEXT PRIMARY KEY, is_workday INTEGER NOT NULL, source TEXT NOT NULL);
CREATE TABLE calendar_years (year INTEGER PRIMARY KEY, source TEXT NOT NULL);

CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  catalogue_edition TEXT NOT NULL,
  catalogue_code TEXT NOT NULL,
  tier TEXT NOT NULL,
  facts TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  doc_number TEXT NOT NULL,
  doc_authority TEXT NOT NULL,
  doc_issued TEXT NOT NULL,
  doc_effective TEXT NOT NULL,
  doc_citation TEXT,
  department TEXT NOT NULL,
  act_date TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  rule_set_code TEXT NOT NULL,
  status TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX records_subject ON records(subject_id);
CREATE INDEX records_doc_number ON records(doc_number);
CREATE INDEX records_decision_date ON records(decision_date);
"""


def up(conn) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
