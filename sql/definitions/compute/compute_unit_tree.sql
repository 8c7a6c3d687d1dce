-- compute/compute_unit_tree: kpi.compute_unit_tree(), step 1 of kpi.compute:
-- the unit tree of the run (temp table t_unit).

-- t_unit: every unit of the registry under its province (depth 0), the
-- communes (1) and their facilities (2); is_cell: a unit that has cells (the
-- province and its communes and wards).
CREATE OR REPLACE FUNCTION kpi.compute_unit_tree() RETURNS void
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  CREATE TEMP TABLE t_unit ON COMMIT DROP AS
  WITH RECURSIVE t AS (
    SELECT code, kind, parent_code, code AS province, 0 AS depth
      FROM kpi.unit WHERE parent_code IS NULL
    UNION ALL
    SELECT u.code, u.kind, u.parent_code, t.province, t.depth + 1
      FROM kpi.unit u JOIN t ON u.parent_code = t.code
     WHERE t.depth < 2
  )
  SELECT code, kind, parent_code, province, depth,
         depth = 0 OR (depth = 1 AND kind IN ('xa', 'phuong', 'dac_khu')) AS is_cell,
         depth = 1 AND kind IN ('xa', 'phuong', 'dac_khu') AS is_commune
    FROM t;
  CREATE UNIQUE INDEX ON t_unit (code);
  ANALYZE t_unit;
END $$;
