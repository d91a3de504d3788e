-- R14 (issue 20 attack): every look at a subject across offices (intake listings) is logged with who, when, what and
-- why, and whether the person's name was shown unmasked (R15). Rows are only ever added.
CREATE TABLE query_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    reason      text NOT NULL,
    subject_no  text NOT NULL,
    unmasked    boolean NOT NULL,
    n_rows      integer NOT NULL
);

-- The subject's kind beside its name, so a person's name is masked by the one masking rule (R15).
CREATE OR REPLACE VIEW subject_listings AS
    SELECT c.subject_no, c.office_id, o.region, c.entity_id AS case_id, c.change_id, c.seq,
           c.state ->> 'list_type' AS list_type, c.state ->> 'state' AS case_state,
           c.state ->> 'decision_number' AS decision_number, c.state ->> 'decided_on' AS decided_on,
           c.state ->> 'valid_from' AS valid_from, c.state ->> 'valid_until' AS valid_until,
           c.state -> 'subject' ->> 'name' AS subject_name, c.state -> 'subject' ->> 'kind' AS subject_kind
      FROM changes c JOIN offices o USING (office_id)
     WHERE c.subject_no IS NOT NULL AND c.entity = 'case' AND c.op = 'decide';
