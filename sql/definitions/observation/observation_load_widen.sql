-- observation/observation_load_widen: kpi.observation_load_widen(), between
-- steps 1 and 2 of kpi ingest's fast path (the load table's range check dropped).

-- kpi ingest's fast path, when a row of a month outside the months of the file's
-- first rows comes during the COPY (engine/ingest/load.c, widen_load): drop the
-- check of those months that step 1 (kpi.observation_load_begin) put on the load
-- table, observation_load_range, so that the rest of the file can be copied; step 2
-- (kpi.observation_load_attach) then checks the file's months by a scan, as when
-- the first rows held no count. Nothing else changes: the other check, that every
-- row is of the submission and of known numbers, stays.
-- It refuses unless the submission P_SUBMISSION was inserted by the current
-- transaction (the load table is that transaction's). SECURITY DEFINER (the load
-- table's owner, as step 1), executable by kpi_writer only (`kpi roles setup`),
-- never by PUBLIC.
CREATE OR REPLACE FUNCTION kpi.observation_load_widen(p_submission bigint)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM kpi.submission_require_open(p_submission, 'kpi.observation_load_widen');
  ALTER TABLE kpi.observation_load DROP CONSTRAINT IF EXISTS observation_load_range;
END $$;
REVOKE ALL ON FUNCTION kpi.observation_load_widen(bigint) FROM PUBLIC;
