"""Sync with the municipal platform: the office's encryption key, pinned platform keys, bundles sent,
per-change acknowledgements (and the quarantine of rejected changes), receipts and downstream bundles
imported, downstream versions applied per kind, joint-punishment list entries and the clerk's match
decisions (自动比对、自动提示)."""

VERSION = 4

SQL = (
    """CREATE TABLE sync_enc_keys (
      id INTEGER PRIMARY KEY,
      public_key BLOB NOT NULL UNIQUE,
      private_key BLOB NOT NULL,
      created_at TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1
    )""",
    """CREATE TABLE platform_keys (
      id INTEGER PRIMARY KEY,
      platform TEXT NOT NULL,
      name TEXT NOT NULL,
      sign_public BLOB NOT NULL,
      enc_public BLOB NOT NULL,
      pinned_at TEXT NOT NULL,
      source TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1
    )""",
    # One row per bundle produced. ``data`` keeps the exact bytes until the platform acknowledges them,
    # so a resend is byte-identical under the same sequence number.
    """CREATE TABLE sync_bundles (
      seq INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      first_change INTEGER NOT NULL,
      last_change INTEGER NOT NULL,
      change_count INTEGER NOT NULL,
      key_id INTEGER NOT NULL REFERENCES office_keys(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending',
      data BLOB,
      sent_at TEXT,
      acked_at TEXT
    )""",
    # The platform's answer per change; rejected ones stay visible in quarantine until resent or resolved.
    """CREATE TABLE sync_acks (
      change_id INTEGER PRIMARY KEY,
      bundle_seq INTEGER NOT NULL REFERENCES sync_bundles(seq),
      status TEXT NOT NULL,
      code TEXT,
      reason_zh TEXT,
      reason_en TEXT,
      acked_at TEXT NOT NULL,
      q_state TEXT,
      resent_as INTEGER,
      resolved_at TEXT
    )""",
    "CREATE INDEX sync_acks_quarantine ON sync_acks(q_state)",
    """CREATE TABLE sync_inbound (
      sha256 TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      answers INTEGER,
      imported_at TEXT NOT NULL
    )""",
    """CREATE TABLE downstream_versions (
      kind TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      expires_at TEXT NOT NULL,
      applied_at TEXT NOT NULL,
      bundle_sha256 TEXT NOT NULL
    )""",
    """CREATE TABLE jp_entries (
      entry_id TEXT PRIMARY KEY,
      list_id TEXT NOT NULL,
      list_title TEXT NOT NULL,
      list_type TEXT NOT NULL,
      name TEXT NOT NULL,
      id_type TEXT,
      id_number TEXT,
      data TEXT NOT NULL,
      version INTEGER NOT NULL
    )""",
    "CREATE INDEX jp_entries_id_number ON jp_entries(id_number)",
    "CREATE INDEX jp_entries_name ON jp_entries(name)",
    """CREATE TABLE jp_decisions (
      id INTEGER PRIMARY KEY,
      subject_id INTEGER NOT NULL REFERENCES subjects(id),
      entry_id TEXT NOT NULL,
      applied INTEGER NOT NULL,
      reason TEXT NOT NULL,
      decided_by TEXT NOT NULL,
      decided_at TEXT NOT NULL
    )""",
    "CREATE INDEX jp_decisions_subject ON jp_decisions(subject_id, entry_id)",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
