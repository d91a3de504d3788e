-- att20b (R6/R7: a re-sent change gets through once its cause is corrected): the op of the change that left an
-- entity rejected. A later change of the same op (the office's requeue re-sends the rejected change as a new row)
-- is judged on its own merits; before, a rejected listing decision re-sent after its subject was corrected was
-- rejected again for ever, as resting on its own earlier rejection. NULL for rows recorded before.
ALTER TABLE rejected_entities ADD COLUMN op text;
