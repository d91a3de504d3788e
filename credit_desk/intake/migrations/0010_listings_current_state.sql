-- R12 (att39f): the cross-office view listed every listing decision the platform filed ('decide' rows), so a listing
-- that had since ended at its office — an early exit (way 2 or 4), the end of its validity (way 3), a red listing a
-- black listing took off its list (R10, 'red_removed') — still read "listed" under its decision, and a department's
-- credit check would apply joint punishment over it. One row per listing now, as its office last reported it:
--   the entry (list type, decision, validity, subject) from the case's latest accepted change that carries its whole
--   entry ('decide', 'restore', or an 'update' restating it — they carry list_type and the subject's copy);
--   its state from the case's latest accepted change that states one ('exit' carries exit_way and exited_on).
-- Only listings: a case whose current state is 'listed' or 'exited' (a draft, a decision not to list, a withdrawal
-- — R12 way 1, whose earlier rows the platform deletes — never show). Readers choose what they need of it: the
-- checker's lookup (pgstore.subject_listings) takes only the listings in force.
-- Every row of a listing after its decision names its subject (subject_no), so both picks are read through the index
-- changes_subject for the one subject asked about (DISTINCT ON keeps subject_no a pushed-down key): no new index,
-- nothing more for the intake's COPY of changes.
DROP VIEW subject_listings;
CREATE VIEW subject_listings AS
    SELECT e.subject_no, e.office_id, o.region, e.entity_id AS case_id, e.change_id, e.seq,
           e.state ->> 'list_type' AS list_type, s.state ->> 'state' AS case_state,
           e.state ->> 'decision_number' AS decision_number, e.state ->> 'decided_on' AS decided_on,
           e.state ->> 'valid_from' AS valid_from, e.state ->> 'valid_until' AS valid_until,
           s.state ->> 'exit_way' AS exit_way, s.state ->> 'exited_on' AS exited_on, s.change_id AS state_change_id,
           e.state -> 'subject' ->> 'name' AS subject_name, e.state -> 'subject' ->> 'kind' AS subject_kind
      FROM (SELECT DISTINCT ON (subject_no, office_id, entity_id) subject_no, office_id, entity_id, seq, change_id,
                   state
              FROM changes
             WHERE subject_no IS NOT NULL AND entity = 'case' AND op IN ('decide', 'restore', 'update')
               AND state ->> 'list_type' IS NOT NULL AND state -> 'subject' IS NOT NULL
             ORDER BY subject_no, office_id, entity_id, change_id DESC) e
      JOIN (SELECT DISTINCT ON (subject_no, office_id, entity_id) subject_no, office_id, entity_id, change_id, state
              FROM changes
             WHERE subject_no IS NOT NULL AND entity = 'case' AND state ->> 'state' IS NOT NULL
             ORDER BY subject_no, office_id, entity_id, change_id DESC) s
           USING (subject_no, office_id, entity_id)
      JOIN offices o USING (office_id)
     WHERE s.state ->> 'state' IN ('listed', 'exited');
