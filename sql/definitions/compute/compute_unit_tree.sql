-- compute/compute_unit_tree: kpi.compute_unit_tree(), step 1 of kpi.compute:
-- the unit tree of the run (temp table t_unit): today's map, each unit with the
-- units below it (t_below); and the dated map read onto it (temp table t_carry).

-- t_unit: every unit of today's map (kpi.unit) under its province (depth 0),
-- the communes (1) and their facilities (2); is_cell: a unit that has cells
-- (the province and its communes and wards); depth 3: a code of old units only.
-- t_carry: where the counts of a code on a day go on today's map: a unit of
-- today's map keeps its own counts in its interval (carried false, weight 1);
-- an earlier meaning of a code (kpi.unit_past) gives its counts to each
-- successor of today's map (kpi.unit_succession): all of them (full, weight
-- 1), its weight (partial with a weight), or none (partial without one:
-- weight NULL, the successor's cells are marked estimated with the reason).
-- Every cell is thus on today's map; the periods before a change are read
-- through it, nothing already ingested is moved.
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
  -- the codes that named only units no longer on the map (Túc Duyên's 05437): depth 3,
  -- no cells, under the province of their successors, so that a change of their counts
  -- (kpi.compute_scope's t_dirty, t_add) recomputes that province
  INSERT INTO t_unit (code, kind, parent_code, province, depth, is_cell, is_commune)
  SELECT p.code, min(p.kind), NULL, min(t.province), 3, false, false
    FROM kpi.unit_past p
    JOIN kpi.unit_succession s ON s.old_code = p.code AND s.old_valid_to = p.valid_to
    JOIN t_unit t ON t.code = s.new_code
   WHERE NOT EXISTS (SELECT 1 FROM kpi.unit u WHERE u.code = p.code)
   GROUP BY p.code;
  CREATE UNIQUE INDEX ON t_unit (code);
  ANALYZE t_unit;

  -- t_below: each unit of the map and the units it counts (above, member): the
  -- province all of its own (itself and the old codes of depth 3 included); a
  -- commune or a facility itself and the units whose parent it is. Joined by
  -- equality where a cell reads the units below it (completeness, a share's
  -- facilities): joined on the province and filtered, a national month tested
  -- 8.1 million pairs to keep 309,737 (5.2 s)
  CREATE TEMP TABLE t_below ON COMMIT DROP AS
  SELECT p.code AS above, u.code AS member
    FROM t_unit p JOIN t_unit u ON u.province = p.province
   WHERE p.depth = 0
  UNION ALL
  SELECT code, code FROM t_unit WHERE depth IN (1, 2)
  UNION ALL
  SELECT u.parent_code, u.code
    FROM t_unit u JOIN t_unit p ON p.code = u.parent_code AND p.depth IN (1, 2);
  CREATE INDEX ON t_below (above);
  ANALYZE t_below;

  CREATE TEMP TABLE t_carry ON COMMIT DROP AS
  SELECT u.code, coalesce(u.valid_from, '-infinity'::date) AS from_day,
         coalesce(u.valid_to, 'infinity'::date) AS to_day, u.kind, u.code AS to_code,
         1::numeric AS weight, false AS carried, NULL::text AS estimated
    FROM kpi.unit u JOIN t_unit t ON t.code = u.code AND t.depth < 3
  UNION ALL
  SELECT p.code, coalesce(p.valid_from, '-infinity'::date), p.valid_to, p.kind, s.new_code,
         CASE WHEN s.part = 'full' THEN 1 ELSE s.weight END, true,
         CASE WHEN s.part = 'partial' AND s.weight IS NULL
              THEN format('một phần %s, chưa có tỷ lệ phân bổ', p.name) END
    FROM kpi.unit_past p
    JOIN kpi.unit_succession s ON s.old_code = p.code AND s.old_valid_to = p.valid_to
    JOIN t_unit t ON t.code = s.new_code AND t.depth < 3;
  CREATE INDEX ON t_carry (code);
  ANALYZE t_carry;
END $$;
