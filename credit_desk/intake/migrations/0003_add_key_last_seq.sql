-- Issue 22: the last bundle sequence an office's rotated-out signing key signed, from the office's signed rotation
-- record (key-endorsement/2: in its key file at `intake rotate-keys`, or in the chain of an accepted bundle).
-- A bundle signed by that key with a higher sequence is refused (BUNDLE_KEY_RETIRED), whatever date it claims.
-- NULL: no bound known (a rotation made before /2). Only ever lowered, never raised.
ALTER TABLE keys ADD COLUMN last_seq bigint CHECK (last_seq >= 0);
