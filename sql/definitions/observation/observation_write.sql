-- observation/observation_write: kpi.observation_write() and the INSTEAD OF
-- triggers observation_insert, observation_update and observation_delete that
-- make the view kpi.observation writable, row by row.

-- For hand-written SQL and the tests (the engine writes kpi.observation_data
-- set by set): a row inserted names its metric and unit by code, numbered in
-- kpi.metric_key and kpi.unit_key when new (as the table took any code); an
-- update or a delete finds the row by its old key. The privileges are the
-- view's (kpi_writer: INSERT and UPDATE; nobody DELETE but the owner), the
-- triggers of kpi.observation_data fire as for any write to it.
CREATE OR REPLACE FUNCTION kpi.observation_write() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_metric smallint;
  v_unit integer;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO kpi.metric_key (code) VALUES (NEW.metric) ON CONFLICT (code) DO NOTHING;
    INSERT INTO kpi.unit_key (code) VALUES (NEW.unit_code) ON CONFLICT (code) DO NOTHING;
    SELECT k.id INTO v_metric FROM kpi.metric_key k WHERE k.code = NEW.metric;
    SELECT k.id INTO v_unit FROM kpi.unit_key k WHERE k.code = NEW.unit_code;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi.observation_data (metric_id, unit_id, period_start, grain, value,
                                      submission_id, line_no, valid_from)
    VALUES (v_metric, v_unit, NEW.period_start, NEW.grain, NEW.value, NEW.submission_id,
            NEW.line_no, coalesce(NEW.valid_from, pg_catalog.now()));
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    UPDATE kpi.observation_data o
       SET metric_id = v_metric, unit_id = v_unit, period_start = NEW.period_start,
           grain = NEW.grain, value = NEW.value, submission_id = NEW.submission_id,
           line_no = NEW.line_no, valid_from = NEW.valid_from
      FROM kpi.metric_key m, kpi.unit_key u
     WHERE m.code = OLD.metric AND u.code = OLD.unit_code AND o.metric_id = m.id
       AND o.unit_id = u.id AND o.period_start = OLD.period_start AND o.grain = OLD.grain;
    RETURN CASE WHEN FOUND THEN NEW END;
  END IF;
  DELETE FROM kpi.observation_data o
   USING kpi.metric_key m, kpi.unit_key u
   WHERE m.code = OLD.metric AND u.code = OLD.unit_code AND o.metric_id = m.id
     AND o.unit_id = u.id AND o.period_start = OLD.period_start AND o.grain = OLD.grain;
  RETURN CASE WHEN FOUND THEN OLD END;
END $$;
REVOKE ALL ON FUNCTION kpi.observation_write() FROM PUBLIC;

CREATE OR REPLACE TRIGGER observation_insert INSTEAD OF INSERT ON kpi.observation
  FOR EACH ROW EXECUTE FUNCTION kpi.observation_write();
CREATE OR REPLACE TRIGGER observation_update INSTEAD OF UPDATE ON kpi.observation
  FOR EACH ROW EXECUTE FUNCTION kpi.observation_write();
CREATE OR REPLACE TRIGGER observation_delete INSTEAD OF DELETE ON kpi.observation
  FOR EACH ROW EXECUTE FUNCTION kpi.observation_write();
