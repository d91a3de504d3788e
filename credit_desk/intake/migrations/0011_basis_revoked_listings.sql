-- R3 (att39g): when every record a listing rests on is revoked, the office stops its measures at once and its
-- department ends it within a deadline; the office sent that as a case change (op 'basis_revoked') carrying only
-- {id, measures_stopped_on, end_due} — no subject, no state — so the intake filed it under no subject and the lookup
-- of listings in force (pgstore.subject_listings) still answered the listing as in force, under a revoked basis,
-- until the office's later exit arrived. Offices now send the change with the whole entry (subject copy, list type)
-- and the state the listing is shared as, 'basis_revoked' (domain.list_rules.shared_state; the entry a later
-- 'update' restates carries it too), which the view reads like any other state.
-- Changes already filed in the older form: their subject_no is filled in once here from the same case's latest row
-- that names one (platform metadata, as the intake would have filed it; the office's state stays as sent), and the
-- view reads their op as the state 'basis_revoked'. One pass over the changes (two sequential scans joined by hash)
-- when this migration runs; nothing more for the intake's COPY of changes.
WITH revoked AS (SELECT DISTINCT office_id, entity_id FROM changes
                  WHERE entity = 'case' AND op = 'basis_revoked' AND subject_no IS NULL),
     named AS (SELECT DISTINCT ON (d.office_id, d.entity_id) d.office_id, d.entity_id, d.subject_no
                 FROM changes d JOIN revoked r USING (office_id, entity_id)
                WHERE d.entity = 'case' AND d.subject_no IS NOT NULL
                ORDER BY d.office_id, d.entity_id, d.change_id DESC)
UPDATE changes c SET subject_no = n.subject_no
  FROM named n
 WHERE c.office_id = n.office_id AND c.entity_id = n.entity_id AND c.entity = 'case' AND c.op = 'basis_revoked'
   AND c.subject_no IS NULL;

-- The view of 0010, with the state 'basis_revoked' kept (the platform's record of the listing, R7: its measures
-- stopped on measures_stopped_on, its department's deadline end_due); the checker's lookup takes only 'listed'.
-- A 'basis_revoked' change restating the entry is an entry like 'decide' or 'update'.
DROP VIEW subject_listings;
CREATE VIEW subject_listings AS
    SELECT e.subject_no, e.office_id, o.region, e.entity_id AS case_id, e.change_id, e.seq,
           e.state ->> 'list_type' AS list_type, s.case_state,
           e.state ->> 'decision_number' AS decision_number, e.state ->> 'decided_on' AS decided_on,
           e.state ->> 'valid_from' AS valid_from, e.state ->> 'valid_until' AS valid_until,
           s.state ->> 'exit_way' AS exit_way, s.state ->> 'exited_on' AS exited_on, s.change_id AS state_change_id,
           e.state -> 'subject' ->> 'name' AS subject_name, e.state -> 'subject' ->> 'kind' AS subject_kind,
           s.state ->> 'measures_stopped_on' AS measures_stopped_on, s.state ->> 'end_due' AS end_due
      FROM (SELECT DISTINCT ON (subject_no, office_id, entity_id) subject_no, office_id, entity_id, seq, change_id,
                   state
              FROM changes
             WHERE subject_no IS NOT NULL AND entity = 'case' AND op IN ('decide', 'restore', 'update', 'basis_revoked')
               AND state ->> 'list_type' IS NOT NULL AND state -> 'subject' IS NOT NULL
             ORDER BY subject_no, office_id, entity_id, change_id DESC) e
      JOIN (SELECT DISTINCT ON (subject_no, office_id, entity_id) subject_no, office_id, entity_id, change_id, state,
                   coalesce(state ->> 'state', 'basis_revoked') AS case_state
              FROM changes
             WHERE subject_no IS NOT NULL AND entity = 'case'
               AND (state ->> 'state' IS NOT NULL OR op = 'basis_revoked')
             ORDER BY subject_no, office_id, entity_id, change_id DESC) s
           USING (subject_no, office_id, entity_id)
      JOIN offices o USING (office_id)
     WHERE s.case_state IN ('listed', 'basis_revoked', 'exited');
