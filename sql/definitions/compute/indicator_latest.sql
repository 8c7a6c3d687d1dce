-- compute/indicator_latest: the view kpi.indicator_latest, the latest complete
-- period of each cell.

CREATE OR REPLACE VIEW kpi.indicator_latest AS
SELECT s.*
  FROM kpi.indicator_series s
 WHERE (s.indicator_id, s.unit_code, s.period_kind, s.period_end) IN
       (SELECT indicator_id, unit_code, period_kind, max(period_end)
          FROM kpi.indicator_value
         WHERE period_end < current_date
         GROUP BY indicator_id, unit_code, period_kind);
COMMENT ON VIEW kpi.indicator_latest IS
  'the latest complete period (ended before today) of each indicator, unit and period kind, '
  'with the plan that judged it (plan_id) and its series';

