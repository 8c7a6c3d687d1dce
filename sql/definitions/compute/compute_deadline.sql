-- compute/compute_deadline: kpi.compute_deadline(), step 8b of kpi.compute:
-- the deadline cells before their due date projected to it, and the cells
-- that count month totals whole in a window cutting their months marked
-- (columns counted_to, projected_pct, needed_per_month, months_from,
-- months_to of temp table t_new), and the cells met after a due date
-- the deadline breached (late_days).

-- A deadline cell (period kind 'deadline': 1 January of the due date's year
-- to the due date) counted to counted_to (kpi.compute_range). Once the due
-- date has passed, kpi.compute_cells' verdict (met or breach) is final.
-- Before it, with E the days counted (period_start .. counted_to) and T the
-- days of the window: a flow side is projected to n * T / E, a stock side
-- stays as it is; the cell is on_track when the projection meets the target
-- (decided on integers: n * (T or E) * 100 against target * d * (T or E)),
-- else at_risk; projected_pct = the projection's ratio (4 decimals, at most
-- 100); gap_count = R, the count the numerator still needs by the due date
-- (the smallest meeting the projected denominator, less the count so far);
-- needed_per_month = R per month of the days left L, a month being 365/12
-- days: ceil(R * 365 / (12 * L)).
-- A window cut inside months (the reporting windows, a due date inside a
-- month) of a metric month_in_report_month counts the month totals of the
-- months whose 15th it holds: months_from .. months_to (their 1sts).
CREATE OR REPLACE FUNCTION kpi.compute_deadline() RETURNS void
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup: t_new joins itself on its keys
AS $$
#variable_conflict use_column
BEGIN
  ALTER TABLE t_new ADD COLUMN counted_to date, ADD COLUMN projected_pct numeric,
    ADD COLUMN needed_per_month bigint, ADD COLUMN months_from date, ADD COLUMN months_to date;
  ANALYZE t_new; -- its rows since kpi.compute_cells (kpi.compute_population's too)

  UPDATE t_new n
     SET months_from = date_trunc('month', n.period_start - 15 + interval '1 month')::date,
         months_to = (date_trunc('month', n.period_end - 14))::date
    FROM (SELECT DISTINCT c.indicator_id, c.period_kind, c.period_end
            FROM t_cell_scope c
            JOIN kpi.metric m ON m.code IN (c.numerator_metric, c.denominator_metric)
           WHERE m.month_in_report_month AND c.kind <> 'task') c
   WHERE c.indicator_id = n.indicator_id AND c.period_kind = n.period_kind
     AND c.period_end = n.period_end
     AND (extract(day FROM n.period_start) <> 1
          OR n.period_end <> (date_trunc('month', n.period_end) + interval '1 month - 1 day')::date)
     AND date_trunc('month', n.period_start - 15 + interval '1 month')::date
         <= date_trunc('month', n.period_end - 14)::date;

  WITH d AS (
    SELECT n.indicator_id, n.unit_code, n.period_end, p.counted_to,
           (n.period_end - n.period_start + 1)::numeric AS t,
           (p.counted_to - n.period_start + 1)::numeric AS e,
           (n.period_end - p.counted_to) AS l,
           mn.temporal = 'flow' AS n_flow, md.temporal = 'flow' AS d_flow
      FROM t_new n
      JOIN t_period p ON p.period_kind = n.period_kind AND p.period_end = n.period_end
      JOIN (SELECT DISTINCT indicator_id, period_end, numerator_metric, denominator_metric
              FROM t_cell_scope WHERE period_kind = 'deadline') c
        ON c.indicator_id = n.indicator_id AND c.period_end = n.period_end
      LEFT JOIN kpi.metric mn ON mn.code = c.numerator_metric
      LEFT JOIN kpi.metric md ON md.code = c.denominator_metric
     WHERE n.period_kind = 'deadline'
  ), j AS (   -- the two sides scaled by E: n * (T or E), d * (T or E)
    SELECT d.*, v.numerator, v.comparator, v.target_pct, v.status,
           v.numerator * CASE WHEN d.n_flow THEN d.t ELSE d.e END AS n_e,
           v.denominator * CASE WHEN d.d_flow THEN d.t ELSE d.e END AS d_e
      FROM d JOIN t_new v
        ON v.indicator_id = d.indicator_id AND v.unit_code = d.unit_code
       AND v.period_kind = 'deadline' AND v.period_end = d.period_end
  ), r AS (   -- the numerator's count needed at the due date: > or >= target * d_e / (100 e)
    SELECT j.*,
           CASE WHEN j.comparator = '>'
                THEN div(j.target_pct * j.d_e, 100 * j.e) + 1
                ELSE div(j.target_pct * j.d_e, 100 * j.e)
                     + CASE WHEN j.target_pct * j.d_e > div(j.target_pct * j.d_e, 100 * j.e)
                                                        * 100 * j.e
                            THEN 1 ELSE 0 END
           END - j.numerator AS need
      FROM j
     WHERE j.counted_to < j.period_end AND j.status IN ('met', 'breach') AND j.d_e > 0
  )
  UPDATE t_new n
     SET counted_to = d.counted_to,
         status = CASE WHEN r.indicator_id IS NULL THEN n.status
                       WHEN CASE r.comparator WHEN '>' THEN r.n_e * 100 > r.target_pct * r.d_e
                                 ELSE r.n_e * 100 >= r.target_pct * r.d_e END
                         THEN 'on_track' ELSE 'at_risk' END,
         projected_pct = CASE WHEN r.indicator_id IS NOT NULL
                              THEN least(100, round(r.n_e * 100 / r.d_e, 4)) END,
         gap_count = CASE WHEN r.indicator_id IS NOT NULL THEN greatest(0, r.need)::bigint
                          ELSE n.gap_count END,
         needed_per_month = CASE WHEN r.indicator_id IS NOT NULL
                                 THEN div(greatest(0, r.need) * 365 + 12 * r.l - 1,
                                          12 * r.l)::bigint END
    FROM d LEFT JOIN r USING (indicator_id, unit_code, period_end)
   WHERE n.period_kind = 'deadline' AND n.indicator_id = d.indicator_id
     AND n.unit_code = d.unit_code AND n.period_end = d.period_end;

  -- met late: a ratio or share cell met after the due date of a target
  -- whose deadline verdict is a breach says by how many days, counted to the
  -- end of the first period of its kind met after the due date (this run's
  -- cells, else those stored)
  -- (the stored cells read by key, LATERAL so that the primary key serves with
  -- enable_nestloop off: only those of the keys the update can reach, the
  -- run's cells met after their due date, whether or not the run computed the deadline
  -- cell again; a scan of every stored cell of the indicators whose deadline cell it
  -- computed grew with the history, 4-7 s of a national night, and a night that did not
  -- compute it counted a later month's cell from its own end)
  WITH late AS (
    SELECT DISTINCT indicator_id, unit_code, period_kind FROM t_new
     WHERE period_kind <> 'deadline' AND status = 'met' AND period_end > due_date
  ), cells AS (
    SELECT indicator_id, unit_code, period_kind, period_end, status, due_date FROM t_new
    UNION ALL
    SELECT v.indicator_id, v.unit_code, v.period_kind, v.period_end, v.status, v.due_date
      FROM late k
      CROSS JOIN LATERAL (SELECT v.* FROM kpi.indicator_value v
                           WHERE v.indicator_id = k.indicator_id AND v.unit_code = k.unit_code
                             AND v.period_kind = k.period_kind) v
     WHERE v.status = 'met' AND v.period_end > v.due_date
       AND NOT EXISTS (SELECT 1 FROM t_new n
                        WHERE n.indicator_id = v.indicator_id AND n.unit_code = v.unit_code
                          AND n.period_kind = v.period_kind AND n.period_end = v.period_end)
  ), first_met AS (
    SELECT c.indicator_id, c.unit_code, c.period_kind, min(c.period_end) AS met_on
      FROM cells c
     WHERE c.period_kind <> 'deadline' AND c.status = 'met' AND c.period_end > c.due_date
     GROUP BY 1, 2, 3
  ), verdict AS (
    SELECT indicator_id, unit_code, status FROM t_new WHERE period_kind = 'deadline'
    UNION ALL
    SELECT v.indicator_id, v.unit_code, v.status FROM kpi.indicator_value v
     WHERE v.period_kind = 'deadline'
       AND NOT EXISTS (SELECT 1 FROM t_new n
                        WHERE n.indicator_id = v.indicator_id AND n.unit_code = v.unit_code
                          AND n.period_kind = 'deadline')
  )
  UPDATE t_new n SET late_days = f.met_on - n.due_date
    FROM first_met f
    JOIN verdict v ON v.indicator_id = f.indicator_id AND v.unit_code = f.unit_code
   WHERE v.status = 'breach' AND n.indicator_id = f.indicator_id
     AND n.unit_code = f.unit_code AND n.period_kind = f.period_kind AND n.status = 'met'
     AND n.period_end > n.due_date AND n.period_kind <> 'deadline';
END $$;
