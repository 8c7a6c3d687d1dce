-- compute/compute_population: kpi.compute_population(), step 8b of kpi.compute,
-- after kpi.compute_cells: who a cell is about, as the plan means it (issue 17).
--  - a monitored series (kind 'monitor': 4.4, 5.8, 10.1, 4.2.4.b): a cell per
--    unit with its counts and rate, status 'monitor', never judged;
--  - a task assigned to every commune and ward, or to listed units: a cell
--    per assigned unit (done when that unit reported its status >= 1), and the
--    province cell done when every one is, with the count done and assigned
--    (numerator, denominator: "80/92 xã, phường");
--  - the completeness of a ratio or monitored cell over the units that report
--    its numerator (kpi.metric.reported_by: communes, a facility kind, the
--    province): the registered units of those kinds below the cell. A commune
--    without such a unit expects none (units_expected 0: neither missing nor
--    counted); a commune that reports itself keeps the old reading.
-- Reads t_cell, t_v (kpi.compute_rollup), kpi.metric_half; writes t_new.
-- Returns how many cells it added.
CREATE OR REPLACE FUNCTION kpi.compute_population() RETURNS bigint
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
SET enable_mergejoin = off -- as kpi.compute_cells: t_v hashed, not sorted twice
AS $$
#variable_conflict use_column
DECLARE
  v_monitor bigint;
  v_assigned bigint;
BEGIN
  -- the monitored series: counts, and the rate when there is a denominator
  INSERT INTO t_new (indicator_id, unit_code, period_kind, period_start, period_end,
                     period_label, numerator, denominator, ratio_pct, comparator, target_pct,
                     due_date, status, reason, reason_vi, gap_count, completeness_pct,
                     units_expected, units_reporting, catalog_version, late_days)
  SELECT c.indicator_id, c.unit_code, c.period_kind, c.period_start, c.period_end,
         c.period_label, m.n_val, m.d_val,
         CASE WHEN m.d_val > 0 AND m.n_val <= m.d_val
              THEN round(m.n_val * 100::numeric / m.d_val, 4) END,
         NULL, NULL, c.due_date, 'monitor',
         format(rt.en, c.numerator_metric, c.denominator_metric, m.n_val, m.d_val),
         format(rt.vi, c.numerator_metric, c.denominator_metric, m.n_val, m.d_val),
         NULL, NULL, NULL, NULL, c.catalog_version, NULL
    FROM t_cell c
    LEFT JOIN t_v vn ON vn.metric = c.numerator_metric AND vn.unit_code = c.unit_code
                    AND vn.period_kind = c.period_kind AND vn.period_end = c.period_end
    LEFT JOIN t_v vd ON vd.metric = c.denominator_metric AND vd.unit_code = c.unit_code
                    AND vd.period_kind = c.period_kind AND vd.period_end = c.period_end
    CROSS JOIN LATERAL (
      SELECT CASE WHEN vn.value <= 9223372036854775807 THEN vn.value::bigint END AS n_val,
             CASE WHEN vd.value <= 9223372036854775807 THEN vd.value::bigint END AS d_val) m
    LEFT JOIN kpi.reason_text rt
      ON rt.code = CASE WHEN m.n_val IS NULL THEN 'monitor_none' ELSE 'monitor' END
   WHERE c.kind = 'monitor';
  GET DIAGNOSTICS v_monitor = ROW_COUNT;

  -- a task of many units: each assigned unit, done from its first half with a count >= 1
  CREATE TEMP TABLE t_assigned ON COMMIT DROP AS
  WITH unit_first AS (
    SELECT h.metric, h.unit_code, min(h.first_day) AS first_row, min(h.first_done) AS first_done
      FROM kpi.metric_half h
     WHERE h.metric IN (SELECT numerator_metric FROM t_cell
                         WHERE kind = 'task' AND assigned_to <> 'province')
     GROUP BY 1, 2
  )
  SELECT c.indicator_id, c.province, c.period_kind, c.period_start, c.period_end,
         c.period_label, c.numerator_metric, c.due_date, c.catalog_version, u.code AS unit_code,
         CASE WHEN f.first_done <= c.period_end THEN f.first_done END AS done_on,
         coalesce(f.first_row <= c.period_end, false) AS any_row
    FROM t_cell c
    JOIN t_unit u ON u.province = c.province
                 AND CASE c.assigned_to WHEN 'communes' THEN u.is_commune
                                        ELSE u.code = ANY (c.assigned_units) END
    LEFT JOIN unit_first f ON f.metric = c.numerator_metric AND f.unit_code = u.code
   WHERE c.kind = 'task' AND c.assigned_to <> 'province' AND c.depth = 0;

  INSERT INTO t_new (indicator_id, unit_code, period_kind, period_start, period_end,
                     period_label, numerator, denominator, ratio_pct, comparator, target_pct,
                     due_date, status, reason, reason_vi, gap_count, completeness_pct,
                     units_expected, units_reporting, catalog_version, late_days)
  SELECT a.indicator_id, a.unit_code, a.period_kind, a.period_start, a.period_end,
         a.period_label, s.n_val, 1, s.n_val * 100::numeric, NULL, NULL, a.due_date,
         CASE WHEN a.done_on IS NOT NULL THEN 'met'
              WHEN a.period_end >= a.due_date THEN 'breach' ELSE 'at_risk' END,
         format(rt.en, a.numerator_metric, NULL, s.n_val, 1, NULL, a.due_date,
                to_char(a.due_date, 'DD/MM/YYYY'), a.done_on, to_char(a.done_on, 'DD/MM/YYYY')),
         format(rt.vi, a.numerator_metric, NULL, s.n_val, 1, NULL, a.due_date,
                to_char(a.due_date, 'DD/MM/YYYY'), a.done_on, to_char(a.done_on, 'DD/MM/YYYY')),
         1 - s.n_val, NULL, NULL, NULL, a.catalog_version,
         CASE WHEN a.done_on > a.due_date THEN a.done_on - a.due_date END
    FROM t_assigned a
    CROSS JOIN LATERAL (SELECT CASE WHEN a.done_on IS NOT NULL THEN 1 ELSE 0 END AS n_val) s
    LEFT JOIN kpi.reason_text rt
      ON rt.code = CASE WHEN a.done_on > a.due_date THEN 'task_done_late'
                        WHEN a.done_on IS NOT NULL THEN 'task_done'
                        WHEN a.period_end >= a.due_date AND a.any_row THEN 'task_overdue'
                        WHEN a.period_end >= a.due_date THEN 'task_overdue_no_status'
                        WHEN a.any_row THEN 'task_not_done'
                        ELSE 'task_no_status' END;
  GET DIAGNOSTICS v_assigned = ROW_COUNT;

  -- the province cell of such a task: done when every assigned unit is (on the
  -- day the last one was), else the count done of those assigned
  WITH per AS (
    SELECT indicator_id, province, period_kind, period_end, numerator_metric, due_date,
           count(*) AS assigned, count(done_on) AS done, count(*) FILTER (WHERE any_row) AS rows,
           CASE WHEN count(done_on) = count(*) THEN max(done_on) END AS done_on
      FROM t_assigned GROUP BY 1, 2, 3, 4, 5, 6
  ), j AS (
    SELECT p.*, CASE WHEN p.done_on > p.due_date THEN 'task_done_late'
                     WHEN p.done_on IS NOT NULL THEN 'task_done'
                     WHEN p.period_end >= p.due_date THEN 'task_units_overdue'
                     ELSE 'task_units' END AS why
      FROM per p
  )
  UPDATE t_new n
     SET numerator = j.done, denominator = j.assigned,
         ratio_pct = round(j.done * 100::numeric / j.assigned, 4),
         status = CASE WHEN j.done_on IS NOT NULL THEN 'met'
                       WHEN j.period_end >= j.due_date THEN 'breach' ELSE 'at_risk' END,
         reason = format(rt.en, j.numerator_metric, NULL, j.done, j.assigned, NULL, j.due_date,
                         to_char(j.due_date, 'DD/MM/YYYY'), j.done_on,
                         to_char(j.done_on, 'DD/MM/YYYY')),
         reason_vi = format(rt.vi, j.numerator_metric, NULL, j.done, j.assigned, NULL,
                            j.due_date, to_char(j.due_date, 'DD/MM/YYYY'), j.done_on,
                            to_char(j.done_on, 'DD/MM/YYYY')),
         gap_count = j.assigned - j.done,
         completeness_pct = round(j.rows * 100::numeric / j.assigned, 2),
         units_expected = j.assigned, units_reporting = j.rows,
         late_days = CASE WHEN j.done_on > j.due_date THEN j.done_on - j.due_date END
    FROM j LEFT JOIN kpi.reason_text rt ON rt.code = j.why
   WHERE n.indicator_id = j.indicator_id AND n.unit_code = j.province
     AND n.period_kind = j.period_kind AND n.period_end = j.period_end;

  -- what a ratio or monitored cell took from units no longer on the map (the
  -- dated map, kpi.compute_unit_tree's t_carry): the share of its numerator
  -- carried, and why it is an estimate (a partial part without a weight, left
  -- out of either side)
  ALTER TABLE t_new ADD COLUMN carried_pct numeric(5, 2), ADD COLUMN estimated text;
  WITH under AS (
    SELECT c.indicator_id, c.unit_code, c.period_kind, c.period_end, c.numerator_metric,
           c.denominator_metric, u.code
      FROM t_cell c
      JOIN t_unit u ON u.province = c.province
                   AND (c.depth = 0 OR u.code = c.unit_code OR u.parent_code = c.unit_code)
     WHERE c.kind IN ('ratio', 'monitor')
       AND EXISTS (SELECT 1 FROM t_carry k WHERE k.carried AND k.to_code = u.code)
  ), k AS (
    SELECT d.indicator_id, d.unit_code, d.period_kind, d.period_end, sum(o.carried) AS carried
      FROM under d
      JOIN t_own o ON o.metric = d.numerator_metric AND o.unit_code = d.code
                  AND o.period_kind = d.period_kind AND o.period_end = d.period_end
     WHERE o.carried > 0
     GROUP BY 1, 2, 3, 4
  ), e AS (
    SELECT d.indicator_id, d.unit_code, d.period_kind, d.period_end,
           string_agg(DISTINCT s.estimated, '; ' ORDER BY s.estimated) AS estimated
      FROM under d
      CROSS JOIN LATERAL (VALUES (d.numerator_metric), (d.denominator_metric)) AS x(metric)
      JOIN t_own_src s ON s.unit_code = d.code AND s.period_kind = d.period_kind
                      AND s.period_end = d.period_end AND s.metric = x.metric
     WHERE s.estimated IS NOT NULL AND s.value IS NOT NULL
     GROUP BY 1, 2, 3, 4
  ), ke AS (
    SELECT indicator_id, unit_code, period_kind, period_end, k.carried, e.estimated
      FROM k FULL JOIN e USING (indicator_id, unit_code, period_kind, period_end)
  )
  UPDATE t_new n
     SET carried_pct = CASE WHEN k.carried > 0 AND n.numerator > 0
                            THEN least(round(k.carried * 100 / n.numerator, 2), 100) END,
         estimated = k.estimated
    FROM ke k
   WHERE n.indicator_id = k.indicator_id AND n.unit_code = k.unit_code
     AND n.period_kind = k.period_kind AND n.period_end = k.period_end;

  PERFORM kpi.compute_completeness();
  RETURN v_monitor + v_assigned;
END $$;
COMMENT ON FUNCTION kpi.compute_population() IS
  'step 8b of kpi.compute: the cells of monitored series, the cells of every unit a task is '
  'assigned to, and completeness over the units that report each metric';
