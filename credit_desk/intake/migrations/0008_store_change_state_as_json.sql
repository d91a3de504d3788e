-- Issue 18 (the platform's intake at 60k changes a second): every accepted change's state was parsed by PostgreSQL
-- into jsonb — a binary tree of its keys, sorted and de-duplicated — on its way into this archive, a sixth of the
-- database's time per change. The column is written once per change and read only for one subject's listings
-- (subject_listings: a few rows found through changes_subject) and an office's export of what it sent, so it keeps
-- the JSON text as the intake wrote it (orjson's compact form of the parsed state: no duplicate keys, no lone
-- surrogates, no NaN — the intake refuses those before they reach here). json still checks that the text is JSON.
-- The change of type rewrites the table under an exclusive lock: about 6 s per million changes on the bench's cluster
-- (fsync off; longer with fsync and WAL archiving)
-- — a new version migrates as it starts, so the intake waits meanwhile (README, platform section).
-- The view reads the column, so it is made again over the new type (the same definition as in 0004).
DROP VIEW subject_listings;
ALTER TABLE changes ALTER COLUMN state TYPE json USING state::json;
CREATE VIEW subject_listings AS
    SELECT c.subject_no, c.office_id, o.region, c.entity_id AS case_id, c.change_id, c.seq,
           c.state ->> 'list_type' AS list_type, c.state ->> 'state' AS case_state,
           c.state ->> 'decision_number' AS decision_number, c.state ->> 'decided_on' AS decided_on,
           c.state ->> 'valid_from' AS valid_from, c.state ->> 'valid_until' AS valid_until,
           c.state -> 'subject' ->> 'name' AS subject_name, c.state -> 'subject' ->> 'kind' AS subject_kind
      FROM changes c JOIN offices o USING (office_id)
     WHERE c.subject_no IS NOT NULL AND c.entity = 'case' AND c.op = 'decide';
