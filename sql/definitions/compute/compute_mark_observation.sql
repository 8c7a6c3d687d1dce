-- compute/compute_mark_observation: kpi.compute_mark_observation() and the
-- triggers observation_dirty_update and observation_dirty_delete: revised and
-- deleted counts (of kpi.observation_data: its numbers read back as codes)
-- queue their (metric, unit, month) in kpi.compute_dirty.

CREATE OR REPLACE FUNCTION kpi.compute_mark_observation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT DISTINCT m.code, u.code, date_trunc('month', c.period_start)::date
    FROM changed c JOIN kpi.metric_key m ON m.id = c.metric_id JOIN kpi.unit_key u ON u.id = c.unit_id;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER observation_dirty_update AFTER UPDATE ON kpi.observation_data
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_observation();
CREATE OR REPLACE TRIGGER observation_dirty_delete AFTER DELETE ON kpi.observation_data
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_observation();
