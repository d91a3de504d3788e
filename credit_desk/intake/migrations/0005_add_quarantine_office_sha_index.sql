-- R14 (issue 20 attack): a quarantined file sent again is not stored again, and an office's quarantine has a size
-- budget; both look up the office's quarantine rows by office and file hash.
CREATE INDEX quarantine_office_sha ON quarantine (office_id, sha256);
