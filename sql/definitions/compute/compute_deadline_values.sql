-- compute/compute_deadline_values: kpi.compute_deadline_values(), step 5b of
-- kpi.compute: the days of a deadline window that end inside a half month
-- (a due date other than the 14th or a month's last day), added to each
-- unit's own values (temp table t_own) from the day rows of kpi.observation.

-- kpi.compute_own_values counts a deadline window's whole halves only; here
-- the half holding the due date adds its days up to the due date: a flow
-- their sum, a stock the value of its last day (5.3.a, "Trước ngày
-- 19/8/2025", is judged on the value of 18/8, not of 31/8). A month-level
-- row of that month is not a day's count: kpi.compute_own_values judges it.
CREATE OR REPLACE FUNCTION kpi.compute_deadline_values() RETURNS void
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  CREATE TEMP TABLE t_part ON COMMIT DROP AS
  SELECT p.metric, o.unit_code, p.period_kind, p.period_end, p.temporal,
         sum(o.value) AS total,
         (max(ARRAY[o.period_start - DATE '2000-01-01', o.value]))[2] AS last_value
    FROM (SELECT DISTINCT province, metric, period_kind, period_end, temporal
            FROM t_need
           WHERE period_kind = 'deadline' AND baseline IS NULL -- a fixed denominator is a day's
             AND kpi.half_of(period_end + 1) = kpi.half_of(period_end)) p
    JOIN kpi.observation o
      ON o.metric = p.metric AND o.grain = 'day'
     AND o.period_start BETWEEN kpi.half_of(p.period_end) AND p.period_end
    JOIN t_unit u ON u.code = o.unit_code AND u.province = p.province
   GROUP BY 1, 2, 3, 4, 5;
  UPDATE t_own o
     SET value = CASE WHEN p.temporal = 'flow' THEN o.value + p.total ELSE p.last_value END
    FROM t_part p
   WHERE o.metric = p.metric AND o.unit_code = p.unit_code AND o.period_kind = p.period_kind
     AND o.period_end = p.period_end AND NOT o.lacking;
  INSERT INTO t_own (metric, unit_code, period_kind, period_end, value, lacking)
  SELECT p.metric, p.unit_code, p.period_kind, p.period_end,
         CASE WHEN p.temporal = 'flow' THEN p.total ELSE p.last_value END, false
    FROM t_part p
   WHERE NOT EXISTS (SELECT 1 FROM t_own o
                      WHERE o.metric = p.metric AND o.unit_code = p.unit_code
                        AND o.period_kind = p.period_kind AND o.period_end = p.period_end);
END $$;
