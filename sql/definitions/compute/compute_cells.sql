-- compute/compute_cells: kpi.compute_cells(), step 8 of kpi.compute: the
-- cells of the run judged against their targets (temp tables t_cell,
-- t_sides, t_new), with the reason of each cell not judged (kpi.reason_text).

-- Returns how many cells it computed (the run's cells_in_scope).
-- Ratio: numerator / denominator of the unit (its own total, else its
-- children's sum, kpi.compute_rollup). Share: the facilities of the unit
-- meeting the inner target, out of those registered. Task: done once any unit
-- of the province reported the status metric >= 1 (its first done day, read
-- once per province from kpi.metric_half). Sums beyond bigint make a cell
-- invalid; gap counts use div(). A cell whose period no plan is in force on (its
-- last day, t_cell_scope.in_force false) is no_target, with the reason 'no_plan'.
CREATE OR REPLACE FUNCTION kpi.compute_cells() RETURNS bigint
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
-- hashed, not merged: t_sides' communes reporting both sides, estimated at one row
-- (2,754), were merged on the numerator alone and filtered (33 million pairs), and
-- every other join sorted t_v (a national month: t_sides 7.6 s, 3.9 s hashed)
SET enable_mergejoin = off
AS $$
#variable_conflict use_column
DECLARE
  v_judged bigint;
  v_tasks bigint;
BEGIN
  -- every cell of the scope: each unit with cells (the province, its communes
  -- and wards) for a ratio or a share, the province for a task
  CREATE TEMP TABLE t_cell ON COMMIT DROP AS
  SELECT c.*, u.code AS unit_code, u.depth
    FROM t_cell_scope c JOIN t_unit u ON u.province = c.province AND u.is_cell
   WHERE c.kind <> 'task' OR u.depth = 0;
  ANALYZE t_cell;

  -- the two sides of every ratio and share cell, and how many units of it
  -- report them (a province: its communes; a share: its facilities). Near 80
  -- lines (79): one CTE per kind of cell, each short, planned as one statement.
  CREATE TEMP TABLE t_sides ON COMMIT DROP AS
  WITH communes AS (
    SELECT province, count(*) AS n FROM t_unit WHERE is_commune GROUP BY province
  ),
  reporting AS (   -- communes reporting both sides, per province cell
    SELECT p.province, p.numerator_metric, p.denominator_metric, p.period_kind, p.period_end,
           count(*) AS n
      FROM (SELECT DISTINCT province, numerator_metric, denominator_metric, period_kind,
                   period_end
              FROM t_cell_scope WHERE kind = 'ratio') p
      JOIN t_unit k ON k.province = p.province AND k.is_commune
      JOIN t_v a ON a.metric = p.numerator_metric AND a.unit_code = k.code
                AND a.period_kind = p.period_kind AND a.period_end = p.period_end
                AND a.value IS NOT NULL
      JOIN t_v b ON b.metric = p.denominator_metric AND b.unit_code = k.code
                AND b.period_kind = p.period_kind AND b.period_end = p.period_end
                AND b.value IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5
  ),
  ratio AS (
    SELECT c.*, vn.value AS n_val, vd.value AS d_val,
           (vn.metric IS NOT NULL) AS n_has, (vd.metric IS NOT NULL) AS d_has,
           coalesce(vn.lacking, false) OR coalesce(vd.lacking, false) AS lacking,
           CASE WHEN c.depth = 0 THEN coalesce(cm.n, 0) END AS expected,
           CASE WHEN c.depth = 0 THEN coalesce(rp.n, 0) END AS reporting
      FROM t_cell c
      LEFT JOIN t_v vn ON vn.metric = c.numerator_metric AND vn.unit_code = c.unit_code
                      AND vn.period_kind = c.period_kind AND vn.period_end = c.period_end
      LEFT JOIN t_v vd ON vd.metric = c.denominator_metric AND vd.unit_code = c.unit_code
                      AND vd.period_kind = c.period_kind AND vd.period_end = c.period_end
      LEFT JOIN communes cm ON cm.province = c.province
      LEFT JOIN reporting rp
        ON c.depth = 0 AND rp.province = c.province
       AND rp.numerator_metric = c.numerator_metric
       AND rp.denominator_metric = c.denominator_metric
       AND rp.period_kind = c.period_kind AND rp.period_end = c.period_end
     WHERE c.kind = 'ratio'
  ),
  facility AS (   -- every registered facility of a share cell, judged on its own
    SELECT c.indicator_id, c.unit_code, c.period_kind, c.period_end, f.code,
           fn.value AS n_val, fd.value AS d_val,
           coalesce(fn.lacking, false) OR coalesce(fd.lacking, false) AS lacking,
           fn.value IS NOT NULL AND fd.value IS NOT NULL AS reported,
           fd.value > 0 AND fn.value <= fd.value
             AND CASE c.inner_comparator
                   WHEN '>' THEN fn.value * 100::numeric > c.inner_target_pct * fd.value
                   ELSE fn.value * 100::numeric >= c.inner_target_pct * fd.value END AS meets
      FROM t_cell c
      -- (t_below: the province's units, a commune itself and its facilities; the
      -- kinds keep the facilities)
      JOIN t_below b ON b.above = c.unit_code
      JOIN t_unit f ON f.code = b.member AND f.kind = ANY (c.facility_kinds)
                   AND f.province = c.province AND (c.depth = 0 OR f.code <> c.unit_code)
      LEFT JOIN t_own fn ON fn.metric = c.numerator_metric AND fn.unit_code = f.code
                        AND fn.period_kind = c.period_kind AND fn.period_end = c.period_end
      LEFT JOIN t_own fd ON fd.metric = c.denominator_metric AND fd.unit_code = f.code
                        AND fd.period_kind = c.period_kind AND fd.period_end = c.period_end
     WHERE c.kind = 'share'
  ),
  share AS (
    SELECT c.*, coalesce(s.meeting, 0) AS n_val, coalesce(s.registered, 0) AS d_val,
           true AS n_has, true AS d_has, coalesce(s.lacking, false) AS lacking,
           coalesce(s.registered, 0) AS expected, coalesce(s.reported, 0) AS reporting
      FROM t_cell c
      LEFT JOIN (SELECT indicator_id, unit_code, period_kind, period_end,
                        count(*) FILTER (WHERE meets) AS meeting, count(*) AS registered,
                        count(*) FILTER (WHERE reported) AS reported, bool_or(lacking) AS lacking
                   FROM facility GROUP BY 1, 2, 3, 4) s
        USING (indicator_id, unit_code, period_kind, period_end)
     WHERE c.kind = 'share'
  )
  SELECT indicator_id, province, period_kind, period_start, period_end, period_label,
         kind, numerator_metric, denominator_metric, comparator, target_pct,
         facility_kind, due_date, catalog_version, unit_code, n_val, d_val, n_has,
         d_has, lacking, expected, reporting, plan_id, in_force
    FROM ratio
  UNION ALL
  SELECT indicator_id, province, period_kind, period_start, period_end, period_label,
         kind, numerator_metric, denominator_metric, comparator, target_pct,
         facility_kind, due_date, catalog_version, unit_code, n_val, d_val, n_has,
         d_has, lacking, expected, reporting, plan_id, in_force
    FROM share;
  ANALYZE t_sides;

  -- judged: the status, and the code of its reason (why it is not judged,
  -- or that it is before its due date)
  CREATE TEMP TABLE t_new ON COMMIT DROP AS
  SELECT j.indicator_id, j.unit_code, j.period_kind, j.period_start, j.period_end,
         j.period_label,
         CASE WHEN j.why IS DISTINCT FROM 'overflow' THEN j.n_val END AS numerator,
         CASE WHEN j.why IS DISTINCT FROM 'overflow' THEN j.d_val END AS denominator,
         CASE WHEN j.status IN ('met', 'breach', 'on_track', 'at_risk')
              THEN round(j.n_val * 100::numeric / j.d_val, 4) END AS ratio_pct,
         j.comparator, j.target_pct, j.due_date, j.status,
         -- a denominator fixed at a day is 'METRIC@YYYY-MM-DD' (kpi.compute_scope): read out
         format(rt.en, j.numerator_metric,
                CASE WHEN strpos(j.denominator_metric, '@') > 0
                     THEN split_part(j.denominator_metric, '@', 1) || ' (fixed at '
                          || split_part(j.denominator_metric, '@', 2) || ')'
                     ELSE j.denominator_metric END, j.n_val, j.d_val,
                j.facility_kind, j.due_date, to_char(j.due_date, 'DD/MM/YYYY'))
           AS reason,
         format(rt.vi, j.numerator_metric,
                CASE WHEN strpos(j.denominator_metric, '@') > 0
                     THEN split_part(j.denominator_metric, '@', 1) || ' (cố định tại '
                          || to_char(split_part(j.denominator_metric, '@', 2)::date, 'DD/MM/YYYY')
                          || ')'
                     ELSE j.denominator_metric END, j.n_val, j.d_val,
                j.facility_kind, j.due_date, to_char(j.due_date, 'DD/MM/YYYY'))
           AS reason_vi,
         CASE WHEN j.status = 'no_target' THEN NULL
              WHEN j.status IN ('met', 'on_track') THEN 0
              WHEN j.status IN ('breach', 'at_risk') THEN
                -- exact: div() truncates the product, where '/' rounds large quotients
                greatest(0, CASE j.comparator
                              WHEN '>' THEN div(j.target_pct * j.d_val, 100) + 1
                              ELSE div(j.target_pct * j.d_val, 100)
                                   + CASE WHEN j.target_pct * j.d_val
                                               > div(j.target_pct * j.d_val, 100) * 100
                                          THEN 1 ELSE 0 END
                            END - j.n_val)::bigint
         END AS gap_count,
         CASE WHEN j.expected > 0 THEN round(j.reporting * 100::numeric / j.expected, 2) END
           AS completeness_pct,
         j.expected::int AS units_expected, j.reporting::int AS units_reporting,
         j.catalog_version, NULL::integer AS late_days, j.plan_id
    FROM (SELECT r.*,
                 CASE WHEN NOT r.in_force THEN 'no_target'
                      WHEN r.lacking THEN 'no_data'
                      WHEN greatest(r.n_val, r.d_val) > 9223372036854775807 THEN 'invalid'
                      WHEN NOT r.n_has OR NOT r.d_has OR r.n_val IS NULL OR r.d_val IS NULL
                        THEN 'no_data'
                      WHEN r.n_val > r.d_val THEN 'invalid'
                      WHEN r.d_val = 0 THEN 'no_data'
                      WHEN CASE r.comparator
                             WHEN '>' THEN r.n_val * 100::numeric > r.target_pct * r.d_val
                             ELSE r.n_val * 100::numeric >= r.target_pct * r.d_val END
                        THEN CASE WHEN r.period_end < r.due_date THEN 'on_track' ELSE 'met' END
                      ELSE CASE WHEN r.period_end < r.due_date THEN 'at_risk' ELSE 'breach' END
                 END AS status,
                 CASE WHEN NOT r.in_force THEN 'no_plan'
                      WHEN r.lacking THEN 'lacking'
                      WHEN greatest(r.n_val, r.d_val) > 9223372036854775807 THEN 'overflow'
                      WHEN (NOT r.n_has OR r.n_val IS NULL) AND (NOT r.d_has OR r.d_val IS NULL)
                        THEN 'none'
                      WHEN NOT r.n_has OR r.n_val IS NULL THEN 'no_num'
                      WHEN NOT r.d_has OR r.d_val IS NULL THEN 'no_den'
                      WHEN r.n_val > r.d_val THEN 'above'
                      WHEN r.d_val = 0 AND r.kind = 'share' THEN 'no_facility'
                      WHEN r.d_val = 0 THEN 'zero_den'
                      WHEN r.period_end < r.due_date THEN 'due'
                 END AS why
          FROM t_sides r) j
    LEFT JOIN kpi.reason_text rt ON rt.code = j.why;
  GET DIAGNOSTICS v_judged = ROW_COUNT;

  -- the task cells: met when done, else at risk until the due date, then breached
  INSERT INTO t_new (indicator_id, unit_code, period_kind, period_start, period_end,
                     period_label, numerator, denominator, ratio_pct, comparator, target_pct,
                     due_date, status, reason, reason_vi, gap_count, completeness_pct,
                     units_expected, units_reporting, catalog_version, late_days, plan_id)
  WITH task_first AS (   -- per status metric and province: its first row, its first done day
    SELECT h.metric, u.province, min(h.first_day) AS first_row,
           min(h.first_done) AS first_done
      FROM kpi.metric_half h JOIN t_unit u ON u.code = h.unit_code
     WHERE h.metric IN (SELECT numerator_metric FROM t_cell_scope WHERE kind = 'task')
     GROUP BY 1, 2
  ),
  task AS (   -- done once any unit of the province reported the status metric >= 1
    SELECT c.*, CASE WHEN f.first_done <= c.period_end THEN 1 ELSE 0 END AS n_val,
           1 AS d_val,
           CASE WHEN f.first_done <= c.period_end THEN f.first_done END AS done_on,
           coalesce(f.first_row <= c.period_end, false) AS any_row
      FROM t_cell c
      LEFT JOIN task_first f ON f.metric = c.numerator_metric AND f.province = c.province
     WHERE c.kind = 'task'
  )
  SELECT t.indicator_id, t.unit_code, t.period_kind, t.period_start, t.period_end,
         t.period_label, t.n_val, t.d_val,
         CASE WHEN t.in_force THEN t.n_val * 100::numeric END, NULL, NULL, t.due_date,
         CASE WHEN NOT t.in_force THEN 'no_target'
              WHEN t.done_on IS NOT NULL THEN 'met'
              WHEN t.period_end >= t.due_date THEN 'breach'
              ELSE 'at_risk' END,
         format(rt.en, t.numerator_metric, t.denominator_metric, t.n_val, t.d_val, NULL,
                t.due_date, to_char(t.due_date, 'DD/MM/YYYY'), t.done_on,
                to_char(t.done_on, 'DD/MM/YYYY')),
         format(rt.vi, t.numerator_metric, t.denominator_metric, t.n_val, t.d_val, NULL,
                t.due_date, to_char(t.due_date, 'DD/MM/YYYY'), t.done_on,
                to_char(t.done_on, 'DD/MM/YYYY')),
         CASE WHEN t.in_force THEN 1 - t.n_val END, NULL, NULL, NULL, t.catalog_version,
         CASE WHEN t.in_force AND t.done_on > t.due_date THEN t.done_on - t.due_date END,
         t.plan_id
    FROM task t
    LEFT JOIN kpi.reason_text rt
      ON rt.code = CASE WHEN NOT t.in_force THEN 'no_plan'
                        WHEN t.done_on IS NOT NULL AND t.done_on > t.due_date
                          THEN 'task_done_late'
                        WHEN t.done_on IS NOT NULL THEN 'task_done'
                        WHEN t.period_end >= t.due_date AND t.any_row THEN 'task_overdue'
                        WHEN t.period_end >= t.due_date THEN 'task_overdue_no_status'
                        WHEN t.any_row THEN 'task_not_done'
                        ELSE 'task_no_status' END;
  GET DIAGNOSTICS v_tasks = ROW_COUNT;
  RETURN v_judged + v_tasks;
END $$;
