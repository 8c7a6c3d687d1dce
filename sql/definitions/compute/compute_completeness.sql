-- compute/compute_completeness: kpi.compute_completeness(), part of step 8b
-- of kpi.compute (kpi.compute_population): the completeness of every ratio and
-- monitored cell whose numerator metric says who reports it
-- (kpi.metric.reported_by: unit kinds, e.g. {xa,phuong,dac_khu}, {hospital},
-- {province}).

-- A cell expects the units of those kinds below it (the province: all of its
-- own; a commune: those under it) on the map of the time: every meaning of a
-- code valid on some day of the period (kpi.compute_unit_tree's t_carry: the
-- units of today's map in their interval, the old units through their
-- successors), each counted once. March 2025 expects the old communes, a
-- period spanning 1/7/2025 (the year, the reporting month 15/6 -> 14/7) the old
-- and the new ones, each in its interval. A unit of today's map whose interval
-- covers the period reports when it has both sides (rolled up:
-- kpi.compute_rollup's t_v); any other meaning when its own counts of the
-- numerator fall in the period (t_own_src) and its successor has the
-- denominator. 12 of 12 hospitals is 100 %; a commune with no hospital
-- expects none (units_expected 0, completeness NULL: neither missing nor
-- counted); a commune that reports itself keeps kpi.compute_cells' reading.
-- Metrics without reported_by keep it too.
CREATE OR REPLACE FUNCTION kpi.compute_completeness() RETURNS void
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
SET enable_mergejoin = off -- as kpi.compute_cells: t_v hashed, not sorted twice
AS $$
#variable_conflict use_column
BEGIN
  WITH e AS (
    SELECT c.indicator_id, c.unit_code, c.period_kind, c.period_end,
           count(DISTINCT k.code || '@' || k.from_day) AS expected,
           count(DISTINCT k.code || '@' || k.from_day)
             FILTER (WHERE CASE WHEN NOT k.carried AND k.from_day <= c.period_start
                                THEN vn.value IS NOT NULL
                                ELSE r.src IS NOT NULL END
                         AND (c.denominator_metric IS NULL OR vd.value IS NOT NULL))
             AS reporting
      FROM t_cell c
      JOIN kpi.metric m ON m.code = c.numerator_metric AND cardinality(m.reported_by) > 0
      JOIN t_unit cu ON cu.code = c.unit_code
      -- the units below the cell's (kpi.compute_unit_tree's t_below: the province's
      -- all, a commune itself and its facilities)
      LEFT JOIN (t_below b
                 JOIN t_unit u ON u.code = b.member
                 JOIN t_carry k ON k.to_code = u.code)
             ON b.above = c.unit_code AND u.province = c.province
            -- a thị trấn (a town, until 1/7/2025) was commune-level as a xã is
            AND (k.kind = ANY (m.reported_by) OR (k.kind = 'thi_tran' AND 'xa' = ANY (m.reported_by)))
            AND k.from_day <= c.period_end AND k.to_day >= c.period_start
      LEFT JOIN (SELECT DISTINCT metric, src, src_from, period_kind, period_end
                   FROM t_own_src WHERE value IS NOT NULL) r
             ON r.metric = c.numerator_metric AND r.src = k.code AND r.src_from = k.from_day
            AND r.period_kind = c.period_kind AND r.period_end = c.period_end
      LEFT JOIN t_v vn ON vn.metric = c.numerator_metric AND vn.unit_code = u.code
                      AND vn.period_kind = c.period_kind AND vn.period_end = c.period_end
      LEFT JOIN t_v vd ON vd.metric = c.denominator_metric AND vd.unit_code = u.code
                      AND vd.period_kind = c.period_kind AND vd.period_end = c.period_end
     WHERE c.kind IN ('ratio', 'monitor') AND (c.depth = 0 OR cu.kind <> ALL (m.reported_by))
     GROUP BY 1, 2, 3, 4
  )
  UPDATE t_new n
     SET units_expected = e.expected, units_reporting = e.reporting,
         completeness_pct = CASE WHEN e.expected > 0
                                 THEN round(e.reporting * 100::numeric / e.expected, 2) END
    FROM e
   WHERE n.indicator_id = e.indicator_id AND n.unit_code = e.unit_code
     AND n.period_kind = e.period_kind AND n.period_end = e.period_end;
END $$;
