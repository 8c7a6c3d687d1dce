-- compute/compute_scope: kpi.compute_scope(), step 4 of kpi.compute:
-- the cells to recompute (temp tables t_scope, t_dirty, t_cell_scope), and
-- the pending changes of kpi.compute_dirty the run claims; on the way, the
-- implausible values of the months they reach (kpi.quality_months,
-- kpi.quality_findings), whose changes reach more cells.

-- The (indicator, province, period) triples to recompute: every one (p_full),
-- or those whose inputs changed; t_cell_scope adds the catalog row in force
-- for each. p_from..p_to: the months of the run (kpi.compute_range). A
-- deadline window (t_period) is the cell of the targets due on its last day.
-- How the plan judges each (migration 022) is carried into t_cell_scope: a
-- share's facility kinds as an array (facility_kinds); a ratio whose
-- denominator is fixed at a day (denominator_baseline) has the denominator
-- 'METRIC@YYYY-MM-DD', a value kpi.compute_own_values gives each unit (its last
-- value on or before that day); a task's assigned units (assigned_to,
-- assigned_units, for kpi.compute_population). The row is the one of the plan in force on
-- the period's last day (plan_id; in_force false: no plan is, the cell is no_target).
CREATE OR REPLACE FUNCTION kpi.compute_scope(p_run bigint, p_from date, p_to date,
                                             p_full boolean)
RETURNS void
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  -- the catalog differs from the last finished run's
  v_catalog_changed boolean;
BEGIN
  SELECT (SELECT r.catalog_digest FROM kpi.compute_run r WHERE r.id = p_run) IS DISTINCT FROM
         (SELECT r.catalog_digest FROM kpi.compute_run r
           WHERE r.finished_at IS NOT NULL ORDER BY r.id DESC LIMIT 1)
    INTO v_catalog_changed;
  CREATE TEMP TABLE t_scope (indicator_id text, province text, period_kind text,
                             period_end date) ON COMMIT DROP;
  IF p_full THEN
    INSERT INTO t_scope
    SELECT i.id, u.code, p.period_kind, p.period_end
      FROM kpi.indicator_current_ids() AS i(id)
      CROSS JOIN (SELECT code FROM t_unit WHERE depth = 0) u
      CROSS JOIN t_period p;
    UPDATE kpi.compute_dirty d SET run_id = p_run
     WHERE d.run_id IS NULL AND (d.month IS NULL OR d.month <= p_to);
    PERFORM kpi.quality_months(true);
    PERFORM kpi.quality_findings(p_run);
  ELSE
    -- pending changes up to the end of the range (earlier months feed ytd,
    -- year and reporting windows); those inside the range are claimed
    -- (judged: the month of a finding that changed, its counts unchanged: see below)
    CREATE TEMP TABLE t_dirty (metric text, unit_code text, d_from date, d_to date,
                               judged boolean NOT NULL DEFAULT false) ON COMMIT DROP;
    WITH claimed AS (
      UPDATE kpi.compute_dirty d SET run_id = p_run
       WHERE d.run_id IS NULL AND (d.month IS NULL OR d.month BETWEEN p_from AND p_to)
      RETURNING d.metric, d.unit_code, d.month
    )
    INSERT INTO t_dirty
    SELECT metric, unit_code, month, (month + interval '1 month - 1 day')::date FROM claimed
    UNION
    SELECT metric, unit_code, month, (month + interval '1 month - 1 day')::date
      FROM kpi.compute_dirty
     WHERE run_id IS NULL AND month < p_from;
    -- inserted rows: their half month (those outside the range wait for a
    -- run that covers it)
    INSERT INTO t_dirty
    SELECT DISTINCT metric, unit_code, half,
           CASE WHEN half = month THEN half + 13
                ELSE (month + interval '1 month - 1 day')::date END
      FROM t_add WHERE month BETWEEN p_from AND p_to;
    INSERT INTO kpi.compute_dirty (metric, unit_code, month)
    SELECT DISTINCT metric, unit_code, month FROM t_add WHERE month NOT BETWEEN p_from AND p_to;
    -- months never computed before count as changed everywhere
    INSERT INTO t_dirty
    SELECT NULL, u.code, p.m, (p.m + interval '1 month - 1 day')::date
      FROM generate_series(p_from, p_to, interval '1 month') AS p(m)
      CROSS JOIN (SELECT code FROM t_unit WHERE depth = 0) u
     WHERE NOT EXISTS (SELECT 1 FROM kpi.compute_run r
                        WHERE r.finished_at IS NOT NULL
                          AND p.m BETWEEN r.from_month AND r.to_month);
    -- the implausible values of the months the changes reach, judged before the
    -- cells (kpi.quality_findings): a finding they open, resolve or move marks
    -- (kpi.quality_suspect) the cells of its unit and those above it in every
    -- period overlapping its month, which a full computation marks; those
    -- periods are recomputed (a reporting window ending on the 14th beside a
    -- count of the 20th, a month judged against the one revised before it)
    PERFORM kpi.quality_months(v_catalog_changed);
    PERFORM kpi.quality_findings(p_run);
    INSERT INTO t_dirty (metric, unit_code, d_from, d_to, judged)
    SELECT DISTINCT metric, unit_code, month, (month + interval '1 month - 1 day')::date, true
      FROM t_q_changed;
    INSERT INTO t_scope
    SELECT DISTINCT i.id, dp.province, p.period_kind, p.period_end
      FROM (SELECT DISTINCT d.metric, u.province, d.d_from, d.d_to
              FROM t_dirty d JOIN t_unit u ON u.code = d.unit_code) dp
      JOIN kpi.indicator i
        ON dp.metric IS NULL
        OR dp.metric IN (i.numerator_metric, i.denominator_metric, i.status_metric)
      JOIN t_period p
        ON dp.d_from IS NULL OR (p.period_start <= dp.d_to AND p.period_end >= dp.d_from);
    -- a denominator fixed at a day: a change on or before that day changes every period
    INSERT INTO t_scope
    SELECT DISTINCT i.id, dp.province, p.period_kind, p.period_end
      FROM (SELECT DISTINCT d.metric, u.province, d.d_from
              FROM t_dirty d JOIN t_unit u ON u.code = d.unit_code WHERE NOT d.judged) dp
      JOIN kpi.indicator i
        ON i.denominator_baseline IS NOT NULL
       AND (dp.metric IS NULL OR dp.metric = i.denominator_metric)
       AND (dp.d_from IS NULL OR dp.d_from <= i.denominator_baseline)
      CROSS JOIN t_period p;
    -- indicators whose catalog row changed since their values were computed,
    -- or never computed for the period (new indicators): looked for only when
    -- the catalog differs from the last finished run's (every period of the
    -- history is probed; new provinces and months are dirty above)
    IF v_catalog_changed THEN
    INSERT INTO t_scope
    SELECT c.id, u.code, p.period_kind, p.period_end
      FROM t_period p
      CROSS JOIN (SELECT code FROM t_unit WHERE depth = 0) u
      CROSS JOIN kpi.indicator_current_ids() AS c(id)
      CROSS JOIN LATERAL kpi.indicator_at(c.id, p.period_end) cat
     WHERE NOT EXISTS (SELECT 1 FROM kpi.indicator_value v
                        WHERE v.indicator_id = c.id AND v.unit_code = u.code
                          AND v.period_kind = p.period_kind AND v.period_end = p.period_end
                          AND v.catalog_version = cat.catalog_version
                          AND v.plan_id = cat.plan_id);
    END IF;
    -- deadline cells counted to a later day than when last computed (the
    -- window so far grows with the counts until its due date)
    INSERT INTO t_scope
    SELECT DISTINCT v.indicator_id, u.province, v.period_kind, v.period_end
      FROM t_period p
      JOIN kpi.indicator_value v ON v.period_kind = p.period_kind AND v.period_end = p.period_end
      JOIN t_unit u ON u.code = v.unit_code
     WHERE p.period_kind = 'deadline' AND v.counted_to IS DISTINCT FROM p.counted_to;
  END IF;
  CREATE TEMP TABLE t_cell_scope ON COMMIT DROP AS
  SELECT DISTINCT s.indicator_id, s.province, p.period_kind, p.period_start, p.period_end,
         p.period_label, p.cut, cat.kind,
         CASE WHEN cat.kind = 'task' THEN coalesce(cat.status_metric, cat.numerator_metric)
              ELSE cat.numerator_metric END AS numerator_metric,
         CASE WHEN cat.denominator_baseline IS NOT NULL
              THEN cat.denominator_metric || '@' || cat.denominator_baseline
              ELSE cat.denominator_metric END AS denominator_metric,
         cat.comparator, cat.target_pct, cat.facility_kind, cat.inner_comparator,
         cat.inner_target_pct, cat.due_date, cat.catalog_version,
         string_to_array(cat.facility_kind, ',') AS facility_kinds,
         cat.assigned_to, cat.assigned_units,
         -- the plan judging the period: in force on its last day (issue 18, kpi.indicator_at)
         cat.plan_id, cat.plan_id = '' OR cat.plan_id IS NOT DISTINCT FROM kpi.plan_at(p.period_end)
           AS in_force
    FROM t_scope s
    JOIN t_period p USING (period_kind, period_end)
    CROSS JOIN LATERAL kpi.indicator_at(s.indicator_id, p.period_end) cat
   WHERE s.indicator_id IN (SELECT kpi.indicator_current_ids())
     -- a deadline window is the cell of the targets due on its last day
     AND (p.period_kind <> 'deadline' OR (cat.due_date = p.period_end AND cat.kind <> 'task'));
  ANALYZE t_cell_scope;
END $$;
