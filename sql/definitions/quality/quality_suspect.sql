-- quality/quality_suspect: kpi.quality_suspect(), step 8b of kpi.compute: the
-- cells of the run (temp table t_new, after kpi.compute_cells) marked suspect.

-- A cell is suspect when one of its metrics (numerator, denominator) has an open
-- implausible-value finding (kpi.data_quality_finding of a kind other than
-- children_sum, neither resolved nor confirmed) of the cell's unit or a unit under
-- it, in its period (a stock: in the month of its last day, the value it uses).
-- An outlier (a statistical judgement against the unit's own history, which a
-- unit's real growth can also reach) marks a cell above its unit only when it
-- is material there: its departure from the median, |value - median|, is at
-- least 1 % of the cell's side it counts in (a tenfold 1000 against a median
-- of 100.5 is 899.5, 75 % of a province's 1200; one commune's brisk month is
-- a fraction of a per cent of the province's total), so one commune's unusual
-- month does not hold the province's alerts back from its leaders. The
-- certain findings (outside the catalog's bounds, a stock that fell, a day
-- above its month) mark every cell above their unit.
-- Adds the column suspect to t_new; returns how many cells are suspect.
CREATE OR REPLACE FUNCTION kpi.quality_suspect() RETURNS bigint
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
AS $$
#variable_conflict use_column
DECLARE
  v_n bigint;
  v_lo date;
  v_hi date;
BEGIN
  ALTER TABLE t_new ADD COLUMN suspect boolean NOT NULL DEFAULT false;
  -- the days the run's cells can read: a finding outside them marks none (the
  -- open findings of the whole history are not joined to a night's cells)
  SELECT min(least(c.period_start, date_trunc('month', c.period_end)::date)), max(c.period_end)
    INTO v_lo, v_hi FROM t_cell c;
  WITH open AS (   -- the open findings, with each unit above their unit (a hash join:
                   -- an OR of the unit, its parent and a sub-select of the grandparent
                   -- nested-looped every unit over every finding, 1.7 s of a night)
    SELECT f.metric, m.temporal, a.code AS unit_code, a.code = u.code AS own, f.kind,
           abs(f.own_value - f.median) AS departure, f.period_start, f.period_end
      FROM kpi.data_quality_finding f
      JOIN kpi.metric m ON m.code = f.metric
      JOIN t_unit u ON u.code = f.unit_code
      LEFT JOIN t_unit p ON p.code = u.parent_code
      CROSS JOIN LATERAL (SELECT DISTINCT x.code
                            FROM (VALUES (u.code), (u.parent_code), (p.parent_code)) AS x(code)
                           WHERE x.code IS NOT NULL) AS up
      JOIN t_unit a ON a.code = up.code
     WHERE f.kind <> 'children_sum' AND f.resolved_at IS NULL AND f.confirmed_at IS NULL
       AND f.period_start <= v_hi AND f.period_end >= v_lo
  ),
  hit AS (
    SELECT DISTINCT c.indicator_id, c.unit_code, c.period_kind, c.period_end
      FROM t_cell c
      CROSS JOIN LATERAL (VALUES (c.numerator_metric), (c.denominator_metric)) AS cm(metric)
      JOIN open o ON o.unit_code = c.unit_code AND o.metric = cm.metric
                 AND o.period_start <= c.period_end
                 AND o.period_end >= CASE WHEN o.temporal = 'stock'
                                          THEN date_trunc('month', c.period_end)::date
                                          ELSE c.period_start END
      JOIN t_new n ON n.indicator_id = c.indicator_id AND n.unit_code = c.unit_code
                  AND n.period_kind = c.period_kind AND n.period_end = c.period_end
     WHERE o.own OR o.kind <> 'outlier' OR o.departure IS NULL
        OR o.departure * 100 >= coalesce(CASE WHEN o.metric = c.numerator_metric
                                              THEN n.numerator ELSE n.denominator END, 0)
  )
  UPDATE t_new n SET suspect = true
    FROM hit h
   WHERE n.indicator_id = h.indicator_id AND n.unit_code = h.unit_code
     AND n.period_kind = h.period_kind AND n.period_end = h.period_end;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END $$;
