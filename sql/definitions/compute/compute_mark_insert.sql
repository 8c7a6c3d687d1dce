-- compute/compute_mark_insert: kpi.compute_mark_insert() and the trigger
-- observation_dirty_insert: counts inserted into kpi.observation_data are queued
-- as they are (by code) in kpi.compute_delta, for kpi compute to add to their
-- half months.

-- The shared lock on the ingest key (kpi ingest holds it exclusively) lets
-- kpi compute wait for every transaction that queued rows before it reads the
-- last id.
CREATE OR REPLACE FUNCTION kpi.compute_mark_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7040105, 4);
  INSERT INTO kpi.compute_delta (metric, unit_code, period_start, grain, value)
  SELECT m.code, u.code, c.period_start, c.grain, c.value
    FROM changed c JOIN kpi.metric_key m ON m.id = c.metric_id JOIN kpi.unit_key u ON u.id = c.unit_id;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER observation_dirty_insert AFTER INSERT ON kpi.observation_data
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_insert();
