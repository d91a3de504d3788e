-- The municipal platform's store (issue 20). One schema per platform; every statement of a migration runs in one
-- transaction together with its row in schema_migrations.

-- Offices and their chain heads (upstream: last bundle received; downstream: last bundle published).
CREATE TABLE offices (
    office_id      text PRIMARY KEY,
    region         text,
    code           text,
    registered_at  timestamptz NOT NULL DEFAULT now(),
    last_seq       bigint NOT NULL DEFAULT 0,
    last_hash      text NOT NULL DEFAULT '',
    down_seq       bigint NOT NULL DEFAULT 0,
    down_hash      text NOT NULL DEFAULT '',
    versions       jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Every public key ever registered or learned, never deleted: a rotation closes the old key's validity.
-- owner is an office id or 'platform'; key_id is the SHA-256 of the raw public key (how manifests name keys).
CREATE TABLE keys (
    owner       text NOT NULL,
    purpose     text NOT NULL CHECK (purpose IN ('sign', 'enc')),
    key_id      text NOT NULL,
    public_key  bytea NOT NULL,
    valid_from  timestamptz NOT NULL DEFAULT now(),
    valid_to    timestamptz,
    source      text NOT NULL CHECK (source IN ('registration', 'endorsement', 'rotation', 'platform')),
    PRIMARY KEY (owner, purpose, key_id)
);

-- Who changed which office's keys, when and why (registration, explicit rotation, endorsement learned).
CREATE TABLE key_audit (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    office_id   text NOT NULL,
    action      text NOT NULL,
    actor       text NOT NULL,
    reason      text NOT NULL,
    old_keys    text[] NOT NULL DEFAULT '{}',
    new_keys    text[] NOT NULL DEFAULT '{}'
);

-- Accepted bundle files, byte for byte (evidence; answers a resend of the same file).
CREATE TABLE bundles (
    office_id    text NOT NULL REFERENCES offices,
    seq          bigint NOT NULL,
    sha256       text NOT NULL,
    manifest     jsonb NOT NULL,
    data         bytea NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (office_id, seq)
);

-- One row per accepted change; idempotent on (office, bundle sequence, change id).
-- subject_no = "<id_type>:<id_number>" of the subject the change is about, when known: the cross-office key.
CREATE TABLE changes (
    office_id   text NOT NULL,
    seq         bigint NOT NULL,
    change_id   bigint NOT NULL,
    ts          text NOT NULL,
    entity      text NOT NULL,
    entity_id   text NOT NULL,
    op          text NOT NULL,
    subject_no  text,
    state       jsonb NOT NULL,
    PRIMARY KEY (office_id, seq, change_id)
);
CREATE INDEX changes_subject ON changes (subject_no, entity, op) WHERE subject_no IS NOT NULL;

-- Rejected changes with their reason (also in the receipt).
CREATE TABLE rejections (
    office_id   text NOT NULL,
    seq         bigint NOT NULL,
    change_id   bigint NOT NULL,
    entity      text NOT NULL,
    entity_id   text NOT NULL,
    code        text NOT NULL,
    reason_zh   text NOT NULL,
    reason_en   text NOT NULL,
    PRIMARY KEY (office_id, seq, change_id)
);

-- Entities whose last change was rejected: every later change that rests on one is rejected too.
CREATE TABLE rejected_entities (
    office_id   text NOT NULL,
    entity      text NOT NULL,
    entity_id   text NOT NULL,
    change_id   bigint NOT NULL,
    code        text NOT NULL,
    PRIMARY KEY (office_id, entity, entity_id)
);

-- Subjects each office has shared (office-local id -> national id), for the cross-office view.
CREATE TABLE subjects (
    office_id   text NOT NULL,
    entity_id   text NOT NULL,
    subject_no  text NOT NULL,
    kind        text NOT NULL,
    name        text NOT NULL,
    PRIMARY KEY (office_id, entity_id)
);
CREATE INDEX subjects_no ON subjects (subject_no);

CREATE TABLE attachments (
    office_id   text NOT NULL,
    seq         bigint NOT NULL,
    name        text NOT NULL,
    data        bytea NOT NULL,
    PRIMARY KEY (office_id, seq, name)
);

-- The signed receipt of each accepted bundle and the result it was made from (re-made when it expires).
CREATE TABLE receipts (
    office_id   text NOT NULL,
    seq         bigint NOT NULL,
    result      jsonb NOT NULL,
    data        bytea NOT NULL,
    made_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (office_id, seq)
);

-- Downstream bundles published for an office (catalogue, measures, rule sets, calendars, joint lists, keys).
CREATE TABLE downstream (
    office_id     text NOT NULL REFERENCES offices,
    seq           bigint NOT NULL,
    versions      jsonb NOT NULL,
    data          bytea NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (office_id, seq)
);

-- Bundles refused after the sender was authenticated (signature by a registered key): kept for the platform's IT.
CREATE TABLE quarantine (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    office_id   text NOT NULL,
    seq         bigint,
    sha256      text NOT NULL,
    code        text NOT NULL,
    reason_en   text NOT NULL,
    data        bytea
);

-- Every listing (list decision) of a subject across all offices: the platform's reason to exist.
CREATE VIEW subject_listings AS
    SELECT c.subject_no, c.office_id, o.region, c.entity_id AS case_id, c.change_id, c.seq,
           c.state ->> 'list_type' AS list_type, c.state ->> 'state' AS case_state,
           c.state ->> 'decision_number' AS decision_number, c.state ->> 'decided_on' AS decided_on,
           c.state ->> 'valid_from' AS valid_from, c.state ->> 'valid_until' AS valid_until,
           c.state -> 'subject' ->> 'name' AS subject_name
      FROM changes c JOIN offices o USING (office_id)
     WHERE c.subject_no IS NOT NULL AND c.entity = 'case' AND c.op = 'decide';
