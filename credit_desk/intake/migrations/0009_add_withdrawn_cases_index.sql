-- R12 way 1 (att39a): a listing the platform holds as withdrawn stays withdrawn — every bundle asks which of the
-- cases it names were withdrawn. Only withdrawal rows enter this index (a handful), so the bulk COPY of changes
-- pays nothing for it.
CREATE INDEX changes_withdrawn ON changes (office_id, entity_id) WHERE entity = 'case' AND op = 'withdraw';
