-- 双公示 (issue 19; R6, R21): the licence and penalty decisions offices report, one current row per decision as the
-- platform publishes it (the full history stays in changes). Filled by the receiver from accepted changes of
-- entity 'admin_decision'; a later change of the same decision (publish, publication stop) replaces the row.
CREATE TABLE admin_decisions (
    office_id        text NOT NULL REFERENCES offices,
    decision_id      text NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('licence', 'penalty')),
    doc_number       text NOT NULL,
    authority_uscc   text NOT NULL,
    party_kind       text NOT NULL,
    party_name       text NOT NULL,
    party_code       text NOT NULL DEFAULT '',
    decision_date    date NOT NULL,
    publish_due      date,
    tier             text,
    publication_end  date,
    state            text NOT NULL,
    seq              bigint NOT NULL,
    change_id        bigint NOT NULL,
    data             jsonb NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (office_id, decision_id)
);
CREATE INDEX admin_decisions_number ON admin_decisions (authority_uscc, doc_number);
CREATE INDEX admin_decisions_party ON admin_decisions (party_code) WHERE party_code <> '';
