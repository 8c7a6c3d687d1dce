-- observation/submission_require_open: kpi.submission_require_open(), the check
-- the load and withdrawal functions make first (their submission is their caller's).

-- Fails (SQLSTATE 25000, invalid_transaction_state: "FUNCTION: submission N is not
-- open in this transaction") unless the kpi.submission row P_SUBMISSION was inserted by
-- the current transaction (its xmin is the transaction's id): the load table and the
-- rows of a file belong to the one transaction that ingests it. P_FUNCTION names the
-- caller in the message. Reads only; runs with its caller's rights (called by the
-- SECURITY DEFINER functions kpi.observation_load_begin, kpi.observation_load_widen,
-- kpi.observation_load_attach and kpi.submission_withdraw_rows, as their owner).
CREATE OR REPLACE FUNCTION kpi.submission_require_open(p_submission bigint, p_function text)
RETURNS void LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM kpi.submission s
                  WHERE s.id = p_submission AND s.xmin = pg_catalog.pg_current_xact_id()::xid) THEN
    RAISE EXCEPTION '%: submission % is not open in this transaction', p_function, p_submission
      USING ERRCODE = 'invalid_transaction_state';
  END IF;
END $$;
REVOKE ALL ON FUNCTION kpi.submission_require_open(bigint, text) FROM PUBLIC;
