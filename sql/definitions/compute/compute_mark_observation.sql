-- compute/compute_mark_observation: kpi.compute_mark_observation() and the
-- triggers observation_dirty_update and observation_dirty_delete: revised and
-- deleted counts queue their (metric, unit, month) in kpi.compute_dirty.

CREATE OR REPLACE FUNCTION kpi.compute_mark_observation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT DISTINCT metric, unit_code, date_trunc('month', period_start)::date FROM changed;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER observation_dirty_update AFTER UPDATE ON kpi.observation
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_observation();
CREATE OR REPLACE TRIGGER observation_dirty_delete AFTER DELETE ON kpi.observation
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_observation();
