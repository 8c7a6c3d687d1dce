-- quality/quality_findings: kpi.quality_findings(), the implausible values of a
-- computation (called by kpi.compute_scope, step 4 of kpi.compute, before the
-- cells): the outlier, below_min, above_max, stock_drop and day_above_month rows
-- of kpi.data_quality_finding (temp tables t_q_test, t_q_month, t_q_base; the
-- baselines kept in kpi.quality_baseline), and which of them changed
-- (t_q_changed: the cells they mark are recomputed).

-- The months tested are those of t_judge (kpi.quality_months), in every unit;
-- each unit's value of a month is its own (kpi.metric_half: the month-level
-- row, else the sum of its halves for a flow, the last value for a stock), judged
-- against the settings of kpi.metric_quality (defaults when a metric has none):
--   outlier     the modified z-score 0.6745 × (x − median) / MAD over the unit's last
--               window_periods earlier months holding a value (at least min_periods,
--               MAD > 0) beyond z_threshold; exact: 0.6745 × |x − median| >
--               z_threshold × MAD in NUMERIC, the median of an even count the mean of
--               its two middle values (percentile_disc ascending and descending);
--   below_min, above_max   x outside min_value..max_value;
--   stock_drop  a monotone stock below its previous month's value;
--   day_above_month  a flow's day count above the unit's month-level count of its month.
-- (the window looks back at most window_periods + 12 calendar months).
-- What a month is judged against (its baseline: n earlier months, their median and
-- MAD, the previous month's value) is read from kpi.quality_baseline when kept
-- (t_judge.kept), else computed from the window (t_q_base, every unit holding a
-- value in it) and, for the latest month of each metric (the one nights judge
-- again), kept: a night that changes only the latest month reads the month's own
-- values, not two years of halves.
-- Low values (outlier below the median, below_min) are not judged in the latest month
-- holding values of the metric: it may still be filling. A finding found again keeps
-- its confirmation while its value is the same; a finding of a tested month and
-- metric not found again is resolved (corrected). Returns how many it found.
CREATE OR REPLACE FUNCTION kpi.quality_findings(p_run bigint) RETURNS bigint
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
AS $$
#variable_conflict use_column
DECLARE
  v_n bigint;
  v_lo date;
  v_hi date;
BEGIN
  -- (metric, unit, month) of each finding this run opened, moved or resolved
  CREATE TEMP TABLE t_q_changed (metric text, unit_code text, month date) ON COMMIT DROP;
  CREATE TEMP TABLE t_q_test ON COMMIT DROP AS
  SELECT j.metric, j.month, m.temporal, j.window_periods,
         coalesce(q.z_threshold, 3.5) AS z_threshold, coalesce(q.min_periods, 6) AS min_periods,
         q.min_value, q.max_value, coalesce(q.monotone, false) AS monotone, j.latest, j.kept
    FROM t_judge j JOIN kpi.metric m ON m.code = j.metric
    LEFT JOIN kpi.metric_quality q ON q.code = j.metric;
  ANALYZE t_q_test;
  SELECT min(month), (max(month) + interval '1 month')::date INTO v_lo, v_hi FROM t_q_test;

  -- each unit's value of the tested months and of the windows of those whose baseline
  -- is not kept
  CREATE TEMP TABLE t_q_month ON COMMIT DROP AS
  SELECT h.metric, h.unit_code, date_trunc('month', h.half)::date AS month,
         CASE WHEN bool_or(h.has_month) THEN max(h.value) FILTER (WHERE h.has_month)
              WHEN min(m.temporal) = 'flow' THEN sum(h.value)
              ELSE (max(ARRAY[h.last_day - DATE '2000-01-01', h.value]))[2] END::numeric
           AS value
    FROM kpi.metric_half h
    JOIN kpi.metric m ON m.code = h.metric
    JOIN (SELECT metric,
                 least(min(month), min(month - make_interval(months => window_periods + 12))
                                     FILTER (WHERE NOT kept)) AS lo,
                 max(month) AS hi
            FROM t_q_test GROUP BY metric) r
      ON r.metric = h.metric
   WHERE h.half >= r.lo AND h.half < r.hi + interval '1 month'
   GROUP BY 1, 2, 3;
  CREATE INDEX ON t_q_month (metric, unit_code, month);
  ANALYZE t_q_month;

  -- the baselines not kept, of every unit with a value in the window
  CREATE TEMP TABLE t_q_base ON COMMIT DROP AS
  WITH hist AS (-- each unit's earlier months, the latest first, as far back as
                -- t_q_month reaches for the latest one (window + 12 months): bounded,
                -- so the cost is linear in the months tested, not quadratic
    SELECT t.metric, h.unit_code, t.month, t.window_periods, h.value,
           row_number() OVER (PARTITION BY t.metric, h.unit_code, t.month
                              ORDER BY h.month DESC) AS rn
      FROM t_q_test t JOIN t_q_month h ON h.metric = t.metric AND h.month < t.month
                             AND h.month >= t.month - make_interval(months => t.window_periods + 12)
     WHERE NOT t.kept
  ),
  med AS (
    SELECT metric, unit_code, month, count(*) AS n,
           trim_scale((percentile_disc(0.5) WITHIN GROUP (ORDER BY value)
                       + percentile_disc(0.5) WITHIN GROUP (ORDER BY value DESC)) / 2)
             AS median
      FROM hist h
     WHERE rn <= window_periods
     GROUP BY 1, 2, 3
  ),
  mad AS (
    SELECT m.metric, m.unit_code, m.month, m.n, m.median,
           trim_scale((percentile_disc(0.5) WITHIN GROUP (ORDER BY abs(h.value - m.median))
                       + percentile_disc(0.5) WITHIN GROUP (ORDER BY abs(h.value - m.median)
                                                            DESC)) / 2) AS mad
      FROM med m JOIN hist h USING (metric, unit_code, month)
     WHERE h.rn <= m.n
     GROUP BY 1, 2, 3, 4, 5
  )
  SELECT d.metric, d.month, d.unit_code, d.n::int AS n, d.median, d.mad, h.value AS previous
    FROM mad d JOIN hist h USING (metric, unit_code, month)
   WHERE h.rn = 1;
  -- kept: the latest month's (the rows of another run are no longer its baseline)
  INSERT INTO kpi.quality_baseline AS b (metric, month, unit_code, run_id, n, median, mad,
                                         previous)
  SELECT b.metric, b.month, b.unit_code, p_run, b.n, b.median, b.mad, b.previous
    FROM t_q_base b JOIN t_q_test t USING (metric, month)
   WHERE t.latest
  ON CONFLICT (metric, month, unit_code) DO UPDATE
    SET run_id = excluded.run_id, n = excluded.n, median = excluded.median,
        mad = excluded.mad, previous = excluded.previous;
  INSERT INTO kpi.quality_baseline_month AS k (metric, month, window_periods, run_id, valid)
  SELECT metric, month, window_periods, p_run, true FROM t_q_test WHERE latest AND NOT kept
  ON CONFLICT (metric, month) DO UPDATE
    SET window_periods = excluded.window_periods, run_id = excluded.run_id, valid = true;
  INSERT INTO t_q_base
  SELECT b.metric, b.month, b.unit_code, b.n, b.median, b.mad, b.previous
    FROM t_q_test t
    JOIN kpi.quality_baseline_month k ON k.metric = t.metric AND k.month = t.month
    JOIN kpi.quality_baseline b ON b.metric = k.metric AND b.month = k.month
                               AND b.run_id = k.run_id
   WHERE t.kept;
  ANALYZE t_q_base;

  WITH x AS (   -- the values tested
    SELECT t.*, v.unit_code, v.value
      FROM t_q_test t JOIN t_q_month v ON v.metric = t.metric AND v.month = t.month
  ),
  found AS (
    SELECT 'outlier' AS kind, x.metric, x.unit_code, x.month, x.value, d.median, d.mad,
           round(0.6745 * (x.value - d.median) / d.mad, 2) AS z_score, d.n AS history_n,
           NULL::bigint AS bound, NULL::bigint AS compared
      FROM x JOIN t_q_base d USING (metric, unit_code, month)
     WHERE d.n >= x.min_periods AND d.mad > 0
       AND 0.6745 * abs(x.value - d.median) > x.z_threshold * d.mad
       AND (x.value > d.median OR NOT x.latest)
    UNION ALL
    SELECT 'below_min', metric, unit_code, month, value, NULL, NULL, NULL, NULL, min_value,
           NULL
      FROM x WHERE value < min_value AND NOT latest
    UNION ALL
    SELECT 'above_max', metric, unit_code, month, value, NULL, NULL, NULL, NULL, max_value,
           NULL
      FROM x WHERE value > max_value
    UNION ALL
    SELECT 'stock_drop', x.metric, x.unit_code, x.month, x.value, NULL, NULL, NULL, NULL, NULL,
           p.previous::bigint
      FROM x JOIN t_q_base p USING (metric, unit_code, month)
     WHERE x.monotone AND x.temporal = 'stock' AND x.value < p.previous
  ),
  rows AS (
    SELECT kind, metric, unit_code, 'month' AS period_kind, month AS period_start,
           (month + interval '1 month - 1 day')::date AS period_end, value::bigint AS value,
           median, mad, z_score, history_n, bound, compared
      FROM found
    UNION ALL
    SELECT 'day_above_month', t.metric, uk.code, 'day', d.period_start, d.period_start,
           d.value, NULL, NULL, NULL, NULL, NULL, mo.value
      FROM t_q_test t
      JOIN kpi.metric_key mk ON mk.code = t.metric
      -- (by number: the codes of the findings only, not of every count, joined)
      JOIN kpi.observation_data mo ON mo.metric_id = mk.id AND mo.grain = 'month'
                                  AND mo.period_start = t.month
      JOIN kpi.observation_data d ON d.metric_id = mk.id AND d.unit_id = mo.unit_id
                                 AND d.grain = 'day' AND d.period_start >= t.month
                                 AND d.period_start < t.month + interval '1 month'
      JOIN kpi.unit_key uk ON uk.id = d.unit_id
     WHERE t.temporal = 'flow' AND d.value > mo.value
       -- the tested months' partitions only (the join's bounds prune none: every
       -- month of the history was scanned, each night)
       AND mo.period_start >= v_lo AND mo.period_start < v_hi
       AND d.period_start >= v_lo AND d.period_start < v_hi
  ),
  prior AS (    -- the findings of the tested months before this run
    SELECT f.kind, f.metric, f.unit_code, f.period_kind, f.period_end, f.own_value, f.median,
           f.resolved_at IS NULL AND f.confirmed_at IS NULL AS open
      FROM kpi.data_quality_finding f
      JOIN t_q_test t ON t.metric = f.metric AND t.month = date_trunc('month', f.period_start)
     WHERE f.kind <> 'children_sum'
  ),
  ins AS (
    INSERT INTO kpi.data_quality_finding AS f
      (kind, metric, unit_code, period_kind, period_start, period_end, own_value, median, mad,
       z_score, history_n, bound, compared_value, first_run_id, last_run_id)
    SELECT kind, metric, unit_code, period_kind, period_start, period_end, value, median, mad,
           z_score, history_n, bound, compared, p_run, p_run
      FROM rows
    ON CONFLICT (kind, metric, unit_code, period_kind, period_end) DO UPDATE
      SET own_value = excluded.own_value, median = excluded.median, mad = excluded.mad,
          z_score = excluded.z_score, history_n = excluded.history_n, bound = excluded.bound,
          compared_value = excluded.compared_value, last_run_id = p_run, resolved_at = NULL,
          confirmed_at = CASE WHEN f.own_value = excluded.own_value THEN f.confirmed_at END,
          confirmed_by = CASE WHEN f.own_value = excluded.own_value THEN f.confirmed_by END,
          note = CASE WHEN f.own_value = excluded.own_value THEN f.note END
    RETURNING f.kind, f.metric, f.unit_code, f.period_kind, f.period_start, f.period_end,
              f.own_value, f.median, f.confirmed_at IS NULL AS open
  ),
  changed AS (  -- opened, reopened, unconfirmed or moved: what marks a cell suspect
    INSERT INTO t_q_changed
    SELECT i.metric, i.unit_code, date_trunc('month', i.period_start)::date
      FROM ins i
      LEFT JOIN prior p USING (kind, metric, unit_code, period_kind, period_end)
     WHERE p.kind IS NULL
        OR (p.open, p.own_value, p.median) IS DISTINCT FROM (i.open, i.own_value, i.median)
  )
  SELECT count(*) INTO v_n FROM ins;

  -- corrected: a finding of a tested month no longer found
  WITH resolved AS (
    UPDATE kpi.data_quality_finding f SET resolved_at = now(), last_run_id = p_run
     WHERE f.kind <> 'children_sum' AND f.resolved_at IS NULL AND f.last_run_id <> p_run
       AND EXISTS (SELECT 1 FROM t_q_test t
                    WHERE t.metric = f.metric AND t.month = date_trunc('month', f.period_start))
    RETURNING f.metric, f.unit_code, f.period_start, f.confirmed_at IS NULL AS open
  )
  INSERT INTO t_q_changed
  SELECT metric, unit_code, date_trunc('month', period_start)::date FROM resolved WHERE open;
  RETURN v_n;
END $$;
COMMENT ON FUNCTION kpi.quality_findings(bigint) IS
  'the implausible values of the months a computation tests (outlier, below_min, above_max, '
  'stock_drop, day_above_month) into kpi.data_quality_finding; returns how many';
