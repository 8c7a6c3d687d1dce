-- compute/compute_mark_unit: kpi.compute_mark_unit() and the triggers
-- unit_dirty_insert and unit_dirty_update: a change of the unit registry
-- queues (every metric, the unit, every month) in kpi.compute_dirty.

CREATE OR REPLACE FUNCTION kpi.compute_mark_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT DISTINCT NULL::text, code, NULL::date FROM changed;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER unit_dirty_insert AFTER INSERT ON kpi.unit
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_unit();
CREATE OR REPLACE TRIGGER unit_dirty_update AFTER UPDATE ON kpi.unit
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_unit();
