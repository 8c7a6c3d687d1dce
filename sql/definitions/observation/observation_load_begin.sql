-- observation/observation_load_begin: kpi.observation_load_begin(), step 1 of
-- kpi ingest's fast path (the load table).

-- kpi ingest's fast path, step 1: an empty table kpi.observation_load shaped
-- like kpi.observation (columns, defaults, checks; no index), for the COPY of
-- the good rows of the file of submission P_SUBMISSION.
-- The table is per transaction: the submission must have been inserted by
-- the current transaction (an analyst, who may insert no submission, never
-- gets here; nor does a call outside a file's transaction); the function
-- takes the ingest lock (the one kpi ingest holds for the file), so no other
-- transaction uses the table meanwhile, and drops a table of that name that
-- a transaction which never attached it left committed: nobody can squat the
-- name and make the next new month fail. Step 2
-- (kpi.observation_load_attach) renames or drops it in the same transaction.
-- SECURITY DEFINER (owned by kpi_owner once `kpi roles setup` ran): the
-- nightly run's kpi_writer may not create tables; the caller gets INSERT on
-- this one table for its COPY, revoked before the table is attached.
-- Executable by kpi_writer only (`kpi roles setup`), never by PUBLIC.
DROP FUNCTION IF EXISTS kpi.observation_load_begin();
CREATE OR REPLACE FUNCTION kpi.observation_load_begin(p_submission bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t regclass;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM kpi.submission s
                  WHERE s.id = p_submission AND s.xmin = pg_catalog.pg_current_xact_id()::xid) THEN
    RAISE EXCEPTION 'kpi.observation_load_begin: submission % is not open in this transaction',
                    p_submission
      USING ERRCODE = 'invalid_transaction_state';
  END IF;
  PERFORM pg_catalog.pg_advisory_xact_lock(7040105, 4); -- the ingest lock (engine/ingest/load.c)
  t := pg_catalog.to_regclass('kpi.observation_load');
  IF t IS NOT NULL THEN
    IF (SELECT c.relispartition FROM pg_catalog.pg_class c WHERE c.oid = t) THEN
      RAISE EXCEPTION 'kpi.observation_load is a partition of kpi.observation: rename it'
        USING ERRCODE = 'object_in_use';
    END IF;
    DROP TABLE kpi.observation_load;  -- left by a transaction that never attached it
  END IF;
  CREATE TABLE kpi.observation_load
    (LIKE kpi.observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
  IF session_user <> current_user THEN
    EXECUTE pg_catalog.format('GRANT INSERT ON kpi.observation_load TO %I', session_user);
  END IF;
END $$;
REVOKE ALL ON FUNCTION kpi.observation_load_begin(bigint) FROM PUBLIC;
