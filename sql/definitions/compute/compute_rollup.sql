-- compute/compute_rollup: kpi.compute_rollup(), step 6 of kpi.compute:
-- the values rolled up the unit tree (temp table t_v).

-- From the facilities (depth 2) to the province (depth 0): a unit's own total
-- wins over the sum of its children (kept beside it for the findings).
CREATE OR REPLACE FUNCTION kpi.compute_rollup() RETURNS void
LANGUAGE plpgsql
-- every join is between scoped temp tables, which hash joins read once; the
-- planner's per-row index probes cost seconds instead (and for the steps after)
SET enable_nestloop = off
AS $$
#variable_conflict use_column
DECLARE
  v_depth int;
BEGIN
  -- the facilities first, then each level above them in turn
  CREATE TEMP TABLE t_v ON COMMIT DROP AS
  SELECT o.metric, o.unit_code, 2 AS depth, o.period_kind, o.period_end, o.value, o.lacking,
         o.value AS own_value, NULL::numeric AS kids_value, NULL::bigint AS kids_n
    FROM t_own o JOIN t_unit u ON u.code = o.unit_code AND u.depth = 2;
  FOR v_depth IN REVERSE 1..0 LOOP
    INSERT INTO t_v
    WITH kids AS (
      SELECT v.metric, u.parent_code AS unit_code, v.period_kind, v.period_end,
             sum(v.value) AS value, bool_or(v.lacking) AS lacking, count(*) AS n
        FROM t_v v JOIN t_unit u ON u.code = v.unit_code
       WHERE v.depth = v_depth + 1
       GROUP BY 1, 2, 3, 4
    )
    SELECT coalesce(o.metric, k.metric), coalesce(o.unit_code, k.unit_code), v_depth,
           coalesce(o.period_kind, k.period_kind), coalesce(o.period_end, k.period_end),
           CASE WHEN o.unit_code IS NOT NULL THEN o.value ELSE k.value END,
           CASE WHEN o.unit_code IS NOT NULL THEN o.lacking ELSE k.lacking END,
           o.value, k.value, k.n
      FROM (SELECT t.* FROM t_own t JOIN t_unit u ON u.code = t.unit_code
             WHERE u.depth = v_depth) o
      FULL JOIN kids k USING (metric, unit_code, period_kind, period_end);
  END LOOP;
  -- a denominator fixed at a day (METRIC@DAY) is no total of its own: the
  -- findings compare the metric itself
  UPDATE t_v SET own_value = NULL, kids_value = NULL WHERE metric LIKE '%@%';
  CREATE INDEX ON t_v (metric, unit_code, period_kind, period_end);
  ANALYZE t_v;
END $$;
