-- observation/observation: the view kpi.observation, the current counts by code
-- (kpi.observation_data holds them by number: migration 027).

-- The columns the table kpi.observation had, in its order: analysts, reports and
-- hand-written SQL read it as before; writable through kpi.observation_write's
-- INSTEAD OF triggers. The row-level security of kpi.observation_data applies to
-- whoever reads it (the policy names the unit through kpi.unit_key).
CREATE OR REPLACE VIEW kpi.observation AS
  SELECT m.code AS metric, u.code AS unit_code, o.period_start, o.grain, o.value,
         o.submission_id, o.line_no, o.valid_from
    FROM kpi.observation_data o
    JOIN kpi.metric_key m ON m.id = o.metric_id
    JOIN kpi.unit_key u ON u.id = o.unit_id;
COMMENT ON VIEW kpi.observation IS
  'current value of each count; period_start is the day, or the first day of the month (grain month); '
  'kpi.observation_data by code';
