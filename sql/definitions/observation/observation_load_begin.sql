-- observation/observation_load_begin: kpi.observation_load_begin(), step 1 of
-- kpi ingest's fast path (the load table).

-- kpi ingest's fast path, step 1: an empty table shaped like kpi.observation
-- (columns, defaults, checks; no index), for the COPY of a file's good rows.
-- Inside the file's transaction, which holds the ingest lock.
-- SECURITY DEFINER (owned by kpi_owner once `kpi roles setup` ran): the
-- nightly run's kpi_writer may not create tables; the caller gets INSERT on
-- this one table for its COPY, revoked before the table is attached.
CREATE OR REPLACE FUNCTION kpi.observation_load_begin() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  CREATE TABLE kpi.observation_load
    (LIKE kpi.observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
  EXECUTE format('GRANT INSERT ON kpi.observation_load TO %I', session_user);
END $$;

