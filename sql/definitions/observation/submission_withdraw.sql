-- observation/submission_withdraw: kpi.submission_withdraw(), the withdrawal
-- of a whole submission (`kpi submission withdraw ID --reason TEXT`).

-- Withdraw submission P_SUBMISSION as of now, for P_REASON (not empty),
-- recorded as withdrawn by session_user: every count of it still current,
-- and every count its rows withdrew (value rút or withdraw) that nothing
-- replaced since, falls back to the value a database that never had the
-- submission would hold (kpi.submission_fall_back: the latest earlier
-- value of a submission not withdrawn, or none). Nothing is deleted from
-- the history: kpi.observation_history and the as-of queries still show
-- what was current before. Returns the counts it withdrew (rows_current)
-- and those current again (rows_restored). Refuses (nothing changed) a
-- submission that does not exist, was rejected whole (it brought nothing)
-- or is withdrawn already. Takes the ingest lock: no file is loaded
-- meanwhile. SECURITY DEFINER (it moves rows out of kpi.observation, which
-- the nightly's kpi_writer may not delete), executable by kpi_writer
-- (`kpi roles setup`), never by PUBLIC.
CREATE OR REPLACE FUNCTION kpi.submission_withdraw(p_submission bigint, p_reason text,
                                                   OUT rows_current bigint,
                                                   OUT rows_restored bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s record;
BEGIN
  IF p_reason IS NULL OR pg_catalog.btrim(p_reason) = '' THEN
    RAISE EXCEPTION 'a withdrawal needs a reason' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  PERFORM pg_catalog.pg_advisory_xact_lock(7040105, 4); -- the ingest lock (engine/ingest/load.c)
  SELECT * INTO s FROM kpi.submission WHERE id = p_submission FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'submission % does not exist', p_submission
      USING ERRCODE = 'no_data_found';
  END IF;
  IF s.withdrawn_at IS NOT NULL THEN
    RAISE EXCEPTION 'submission % was withdrawn already, at %', p_submission, s.withdrawn_at
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF s.status = 'rejected' THEN
    RAISE EXCEPTION 'submission % was rejected whole: it brought no counts to withdraw',
                    p_submission
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  UPDATE kpi.submission
     SET withdrawn_at = pg_catalog.now(), withdrawn_by = session_user,
         withdrawn_reason = pg_catalog.btrim(p_reason)
   WHERE id = p_submission;

  -- the keys: its current counts, and the counts it withdrew that are still without a value
  CREATE TEMP TABLE withdraw_key ON COMMIT DROP AS
  SELECT o.metric, o.unit_code, o.period_start, o.grain
    FROM kpi.observation o WHERE o.submission_id = p_submission
  UNION
  SELECT w.metric, w.unit_code, w.period_start, w.grain
    FROM kpi.observation_withdrawal w
   WHERE w.submission_id = p_submission
     AND NOT EXISTS (SELECT 1 FROM kpi.observation o
                      WHERE o.metric = w.metric AND o.unit_code = w.unit_code
                        AND o.period_start = w.period_start AND o.grain = w.grain)
     AND NOT EXISTS (SELECT 1 FROM kpi.observation_withdrawal l
                      WHERE l.metric = w.metric AND l.unit_code = w.unit_code
                        AND l.period_start = w.period_start AND l.grain = w.grain
                        AND l.withdrawn_at > w.withdrawn_at);
  SELECT pg_catalog.count(*) INTO rows_current
    FROM kpi.observation o WHERE o.submission_id = p_submission;
  rows_restored := kpi.submission_fall_back();
  DROP TABLE withdraw_key;
END $$;
REVOKE ALL ON FUNCTION kpi.submission_withdraw(bigint, text) FROM PUBLIC;
