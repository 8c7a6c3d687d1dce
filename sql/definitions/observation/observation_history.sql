-- observation/observation_history: the view kpi.observation_history, every
-- version of every count.

CREATE OR REPLACE VIEW kpi.observation_history AS
  SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,
         valid_from, NULL::timestamptz AS valid_to
    FROM kpi.observation
  UNION ALL
  SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,
         valid_from, valid_to
    FROM kpi.observation_superseded;
COMMENT ON VIEW kpi.observation_history IS
  'every version of every count: valid_to NULL = current';
