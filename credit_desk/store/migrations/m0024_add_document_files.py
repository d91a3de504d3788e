"""Issued documents kept inside the encrypted ledger (issue 17 item 9, R14): a notice carries the party's full
name and ID number, so its PDF lives here, not as a plain file in a folder beside the ledger. A PDF file is
written only where and when the clerk asks for one (save dialog, CLI ``--out``).

* ``document_files``: one row per distinct PDF, keyed by its SHA-256 (the ``pdf_sha256`` that ``documents`` and
  ``document_prints`` already carry): the bytes as printed. Append-only like the print log.
"""

VERSION = 24

STATEMENTS = [
    """CREATE TABLE document_files (
      sha256 TEXT PRIMARY KEY,
      pdf BLOB NOT NULL,
      stored_at TEXT NOT NULL
    )""",
    """CREATE TRIGGER document_files_no_delete BEFORE DELETE ON document_files
       BEGIN SELECT RAISE(ABORT, 'stored documents are append-only'); END""",
    """CREATE TRIGGER document_files_no_update BEFORE UPDATE ON document_files
       BEGIN SELECT RAISE(ABORT, 'stored documents are append-only'); END""",
]


def up(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
