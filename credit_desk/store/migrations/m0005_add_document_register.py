"""The document register (文书登记): number series per document type and year, every printed notice,
and every print of it (the original and each reprint, 副本).

Numbers never repeat (UNIQUE) and never skip: a number is taken as MAX(seq) + 1 of its series inside the
same IMMEDIATE transaction that records the document, so a failed or interrupted print rolls the number
back with everything else. A number that was committed but whose paper never reached the party is kept
and marked voided (作废) with its reason, never deleted or reused (the triggers below).
"""

VERSION = 5

SQL = (
    # The office's number prefix per document type (e.g. 清信决); the default comes from the template.
    """CREATE TABLE doc_prefixes (
      doc_type TEXT PRIMARY KEY,
      prefix TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      doc_type TEXT NOT NULL,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      prefix TEXT NOT NULL,
      number TEXT NOT NULL UNIQUE,
      issued_on TEXT NOT NULL,
      office TEXT NOT NULL,
      object_type TEXT NOT NULL,
      object_id TEXT NOT NULL,
      subject_id INTEGER REFERENCES subjects(id),
      context TEXT NOT NULL,
      template TEXT NOT NULL,
      key_fields TEXT NOT NULL,
      key_id TEXT NOT NULL,
      signature BLOB NOT NULL,
      qr_text TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'issued',
      void_reason TEXT,
      voided_by TEXT,
      voided_at TEXT,
      pdf_sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      pages TEXT NOT NULL,
      printed_by TEXT NOT NULL,
      printed_at TEXT NOT NULL,
      reprint_count INTEGER NOT NULL DEFAULT 0,
      UNIQUE (prefix, year, seq)
    )""",
    "CREATE INDEX documents_object ON documents(object_type, object_id)",
    "CREATE INDEX documents_subject ON documents(subject_id)",
    """CREATE TABLE document_prints (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id),
      copy_no INTEGER NOT NULL,
      pdf_sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      printed_by TEXT NOT NULL,
      printed_at TEXT NOT NULL,
      UNIQUE (document_id, copy_no)
    )""",
    "CREATE INDEX document_prints_sha ON document_prints(pdf_sha256)",
    # A registered number is never deleted nor renumbered; only its status and reprint count move.
    """CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
       BEGIN SELECT RAISE(ABORT, 'the document register is append-only'); END""",
    """CREATE TRIGGER documents_fixed BEFORE UPDATE OF doc_type, year, seq, prefix, number, issued_on, office,
       context, template, key_fields, key_id, signature, qr_text ON documents
       BEGIN SELECT RAISE(ABORT, 'a registered document cannot be changed'); END""",
    """CREATE TRIGGER document_prints_no_delete BEFORE DELETE ON document_prints
       BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END""",
    """CREATE TRIGGER document_prints_no_update BEFORE UPDATE ON document_prints
       BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END""",
)


def up(conn) -> None:
    for statement in SQL:
        conn.execute(statement)
