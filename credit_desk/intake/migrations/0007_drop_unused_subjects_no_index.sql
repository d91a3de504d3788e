-- Issue 18 (the platform's intake per new subject): no statement reads subjects by subject_no (the cross-office
-- view finds a subject's listings through changes_subject; subjects is read by its primary key only, in
-- known_subjects), yet every subject an office sends paid for this index: a random insert into a second B-tree,
-- about a tenth of PostgreSQL's time per new subject.
DROP INDEX IF EXISTS subjects_no;
