-- compute/compute_mark_insert: kpi.compute_mark_insert() and the trigger
-- observation_dirty_insert: inserted counts are queued as they are in
-- kpi.compute_delta, for kpi compute to add to their half months.

-- The shared lock on the ingest key (kpi ingest holds it exclusively) lets
-- kpi compute wait for every transaction that queued rows before it reads the
-- last id.
CREATE OR REPLACE FUNCTION kpi.compute_mark_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7040105, 4);
  INSERT INTO kpi.compute_delta (metric, unit_code, period_start, grain, value)
  SELECT metric, unit_code, period_start, grain, value FROM changed;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER observation_dirty_insert AFTER INSERT ON kpi.observation
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_insert();
