-- compute/compute_findings: kpi.compute_findings(), step 7 of kpi.compute:
-- kpi.data_quality_finding: own totals that differ from their children's sum
-- (kind children_sum); the implausible values were found before the cells
-- (kpi.quality_findings, called by kpi.compute_scope).

-- Records (or refreshes) every finding of the run's cells, resolves those of
-- its cells that no longer differ; returns how many it found of both.
CREATE OR REPLACE FUNCTION kpi.compute_findings(p_run bigint) RETURNS bigint
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
AS $$
#variable_conflict use_column
DECLARE
  v_findings bigint;
BEGIN
  WITH found AS (
    SELECT v.metric, v.unit_code, v.period_kind, p.period_start, v.period_end,
           v.own_value, v.kids_value, v.kids_n
      FROM t_v v
      JOIN t_period p USING (period_kind, period_end)
     WHERE v.depth < 2 AND v.own_value IS NOT NULL AND v.kids_value IS NOT NULL
       AND v.own_value <> v.kids_value
  ), ins AS (
    INSERT INTO kpi.data_quality_finding AS f
      (metric, unit_code, period_kind, period_start, period_end, own_value, children_sum,
       children_count, first_run_id, last_run_id)
    SELECT metric, unit_code, period_kind, period_start, period_end, own_value, kids_value,
           kids_n, p_run, p_run
      FROM found
    ON CONFLICT (kind, metric, unit_code, period_kind, period_end) DO UPDATE
      SET own_value = excluded.own_value, children_sum = excluded.children_sum,
          children_count = excluded.children_count, last_run_id = p_run, resolved_at = NULL
    RETURNING 1
  )
  SELECT count(*) INTO v_findings FROM ins;
  UPDATE kpi.data_quality_finding f SET resolved_at = now(), last_run_id = p_run
   WHERE f.kind = 'children_sum' AND f.resolved_at IS NULL AND f.last_run_id <> p_run
     AND EXISTS (SELECT 1 FROM t_need n JOIN t_unit u ON u.province = n.province
                  WHERE n.metric = f.metric AND u.code = f.unit_code
                    AND n.period_kind = f.period_kind AND n.period_end = f.period_end);
  -- and the implausible values kpi.compute_scope found (kpi.quality_findings)
  v_findings := v_findings
    + (SELECT count(*) FROM kpi.data_quality_finding f
        WHERE f.kind <> 'children_sum' AND f.last_run_id = p_run AND f.resolved_at IS NULL);
  -- kpi.quality_suspect joins the open findings just written: planned over the
  -- statistics of an emptier table, it nested loops over every cell per
  -- finding (3.7 s of a 3-month night of one province, 0.9 s after this); as
  -- the table's owner (kpi.compute_analyze)
  PERFORM kpi.compute_analyze('data_quality_finding');
  RETURN v_findings;
END $$;
