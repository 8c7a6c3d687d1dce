-- compute/compute_completeness: kpi.compute_completeness(), part of step 8b
-- of kpi.compute (kpi.compute_population): the completeness of every ratio and
-- monitored cell whose numerator metric says who reports it
-- (kpi.metric.reported_by: unit kinds, e.g. {xa,phuong,dac_khu}, {hospital},
-- {province}).

-- A cell expects the registered units of those kinds below it (the province:
-- all of its own; a commune: those under it), and counts those with both
-- sides (rolled up: kpi.compute_rollup's t_v). 12 of 12 hospitals is 100 %; a
-- commune with no hospital expects none (units_expected 0, completeness
-- NULL: neither missing nor counted); a commune that reports itself keeps
-- kpi.compute_cells' reading. Metrics without reported_by keep it too.
CREATE OR REPLACE FUNCTION kpi.compute_completeness() RETURNS void
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
AS $$
#variable_conflict use_column
BEGIN
  WITH e AS (
    SELECT c.indicator_id, c.unit_code, c.period_kind, c.period_end,
           count(u.code) AS expected,
           count(u.code) FILTER (WHERE vn.value IS NOT NULL
                                   AND (c.denominator_metric IS NULL OR vd.value IS NOT NULL))
             AS reporting
      FROM t_cell c
      JOIN kpi.metric m ON m.code = c.numerator_metric AND cardinality(m.reported_by) > 0
      JOIN t_unit cu ON cu.code = c.unit_code
      LEFT JOIN t_unit u ON u.province = c.province AND u.kind = ANY (m.reported_by)
                        AND (c.depth = 0 OR u.code = c.unit_code OR u.parent_code = c.unit_code)
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
