-- quality/quality_months: kpi.quality_months(), the months of each metric that a
-- computation judges for implausible values (temp table t_judge), called by
-- kpi.compute_scope (step 4 of kpi.compute) before kpi.quality_findings.

-- A full computation (p_all) judges every month of its range (t_period) of every
-- metric an indicator other than a task compares, in the catalog row in force
-- at the month's end (a denominator fixed at a day is not judged). A night
-- judges, of those, only the months whose judgement its changes can move, so
-- that it ends with the findings a full computation would leave:
--  - the months of the pending changes (t_dirty) and, for each, the months
--    after it that judge it as their history: an outlier against the unit's
--    last window_periods months within window_periods + 12 (a stock's
--    previous month among them), kpi.quality_findings;
--  - a month that stopped or started being the latest holding values of its
--    metric (t_latest, before the run's time layer, against kpi.metric_half
--    after it: t_judge.before, after): low values are not judged in the latest
--    month (t_judge.latest).
-- p_all is also how a night judges when the catalog changed (new metrics).
-- t_judge.kept: the month's baseline (what kpi.quality_findings judges it
-- against: its window's months) is kept (kpi.quality_baseline_month) and none of
-- those months changed since. A change makes every kept baseline whose window it
-- reaches invalid, durably (also those of months the run does not judge); p_all
-- makes every one invalid.
CREATE OR REPLACE FUNCTION kpi.quality_months(p_all boolean) RETURNS void
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  -- the kept baselines a change reaches are no longer valid, whether or not this run
  -- judges their month (the changes without their units: a night's are every unit's,
  -- a scan of them per kept month cost a second nationally)
  IF p_all THEN
    UPDATE kpi.quality_baseline_month SET valid = false WHERE valid;
  ELSE
    WITH d AS MATERIALIZED (SELECT DISTINCT metric, d_from, d_to FROM t_dirty)
    UPDATE kpi.quality_baseline_month b SET valid = false
     WHERE b.valid
       AND EXISTS (SELECT 1 FROM d
                    WHERE (d.metric IS NULL OR d.metric = b.metric)
                      AND (d.d_from IS NULL
                           OR (d.d_from < b.month
                               AND d.d_to >= b.month
                                             - make_interval(months => b.window_periods + 12))));
  END IF;
  -- with each metric's latest month before the run and now (latest: the month is the
  -- latest holding values, as kpi.quality_findings judges it), its window (the
  -- metric's window_periods, 12 by default) and whether its baseline is kept
  CREATE TEMP TABLE t_judge ON COMMIT DROP AS
  WITH l AS (
    SELECT l.metric, l.before,
           (SELECT date_trunc('month', max(h.half))::date
              FROM kpi.metric_half h WHERE h.metric = l.metric) AS after
      FROM t_latest l
  )
  SELECT DISTINCT x.metric, p.period_start AS month, l.before, l.after,
         p.period_start >= l.after AS latest, coalesce(q.window_periods, 12) AS window_periods,
         coalesce(k.valid AND k.window_periods = coalesce(q.window_periods, 12), false) AS kept
    FROM t_period p
    CROSS JOIN kpi.indicator_current_ids() AS c(id)
    CROSS JOIN LATERAL kpi.indicator_at(c.id, p.period_end) cat
    CROSS JOIN LATERAL (VALUES (cat.numerator_metric),
                               (CASE WHEN cat.denominator_baseline IS NULL
                                     THEN cat.denominator_metric END)) AS x(metric)
    JOIN l ON l.metric = x.metric
    LEFT JOIN kpi.metric_quality q ON q.code = x.metric
    LEFT JOIN kpi.quality_baseline_month k ON k.metric = x.metric AND k.month = p.period_start
   WHERE p.period_kind = 'month' AND cat.kind <> 'task';
  IF NOT p_all THEN
    DELETE FROM t_judge j
     WHERE NOT EXISTS (
             SELECT 1
               FROM (SELECT DISTINCT d.metric, date_trunc('month', d.d_from)::date AS m_from,
                            date_trunc('month', d.d_to)::date AS m_to
                       FROM t_dirty d) d
              WHERE (d.metric IS NULL OR d.metric = j.metric)
                AND (d.m_from IS NULL
                     OR (j.month >= d.m_from
                         AND j.month <= d.m_to + make_interval(months => j.window_periods + 12))))
       AND NOT coalesce(j.before IS DISTINCT FROM j.after AND j.month IN (j.before, j.after),
                        false);
  END IF;
  ANALYZE t_judge;
END $$;
COMMENT ON FUNCTION kpi.quality_months(boolean) IS
  'the months of each metric a computation judges for implausible values (t_judge): all '
  '(p_all), or those a night''s changes reach';
