-- compute/compute: kpi.compute(), the computation of the indicator cells (kpi compute).

-- kpi.compute: compute (p_full) every cell, or only those whose inputs
-- changed, for the periods ending in the months p_from..p_to (NULL: the
-- months holding data; the first run of a database is always full).
-- Returns the run id, its counts, range and mode. One transaction;
-- callers serialise runs (engine/compute/compute.c takes an advisory lock).
-- Task cells (done once any unit of the province reported the status metric
-- >= 1) read each status metric once per province (its first done day), not
-- once per cell; sums beyond bigint make a cell invalid; gap counts use div().
CREATE OR REPLACE FUNCTION kpi.compute(p_from date, p_to date, p_full boolean,
                                OUT run_id bigint, OUT cells_in_scope bigint,
                                OUT cells_changed bigint, OUT findings bigint,
                                OUT from_month date, OUT to_month date, OUT mode text)
LANGUAGE plpgsql
SET jit = off         -- compiling these large plans costs seconds and saves nothing
SET work_mem = '256MB' -- hash aggregates in memory: a batch job, one at a time
SET enable_nestloop = on -- restored on exit; turned off below for the scoped temp tables
SET enable_sort = on     -- restored on exit; turned off for the time layer
AS $$
#variable_conflict use_column
DECLARE
  v_run bigint;
  v_from date;
  v_to date;
  v_cells bigint;
  v_changed bigint;
  v_findings bigint;
  v_depth int;
  v_first boolean;
  v_win_lo date;
  v_win_hi date;
  v_delta_from bigint;
  v_delta_to bigint;
  v_key_lo date;
  v_key_hi date;
  v_status text[];
  -- the aggregation of the counts of a source (%1$s: kpi.observation, or
  -- t_add) into half months, for the rows its WHERE clause (%2$s) selects;
  -- $1, $2 the bounds of that clause, $3 the status metrics of tasks (whose
  -- first day and first done day task cells read)
  v_half_agg text := $q$
    SELECT a.metric, a.half, a.unit_code, m.temporal,
           CASE WHEN a.month_value IS NOT NULL THEN a.month_value
                WHEN m.temporal = 'flow' THEN a.total
                WHEN a.big IS NULL OR a.spk >> 47 > a.big[1] THEN a.spk & 140737488355327
                ELSE a.big[2] END AS value,
           DATE '2000-01-01' + greatest(a.spk >> 47, a.big[1])::int AS last_day,
           a.month_value IS NOT NULL AS has_month, a.first_day, a.first_done
      FROM (SELECT o.metric, coalesce(d.half, kpi.half_of(o.period_start)) AS half,
                   o.unit_code,
                   max(o.value) FILTER (WHERE o.grain = 'month') AS month_value,
                   sum(o.value) AS total,
                   max(coalesce(d.pk, (o.period_start - DATE '2000-01-01')::bigint << 47)
                       + o.value) FILTER (WHERE o.value < 140737488355328) AS spk,
                   max(ARRAY[o.period_start - DATE '2000-01-01', o.value])
                     FILTER (WHERE o.value >= 140737488355328) AS big,
                   min(o.period_start) FILTER (WHERE o.metric = ANY ($3)) AS first_day,
                   min(o.period_start) FILTER (WHERE o.metric = ANY ($3) AND o.value >= 1)
                     AS first_done
              FROM %1$s o LEFT JOIN t_day d ON d.day = o.period_start
             WHERE %2$s
             GROUP BY 1, 2, 3) a
      JOIN kpi.metric m ON m.code = a.metric$q$;
  -- that aggregation of kpi.observation into kpi.metric_half; %3$s: the
  -- upsert below, or nothing (a plain insert when the window holds no half)
  v_half_sql text := 'INSERT INTO kpi.metric_half AS mh (metric, half, unit_code, value,'
                     ' last_day, has_month, first_day, first_done) SELECT metric, half,'
                     ' unit_code, value, last_day, has_month, first_day, first_done FROM ('
                     || v_half_agg || ') h %3$s';
  v_half_upsert text := $q$
    ON CONFLICT (metric, half, unit_code) DO UPDATE
      SET value = excluded.value, last_day = excluded.last_day,
          has_month = excluded.has_month, first_day = excluded.first_day,
          first_done = excluded.first_done
      WHERE (mh.value, mh.last_day, mh.has_month, mh.first_day, mh.first_done)
            IS DISTINCT FROM (excluded.value, excluded.last_day, excluded.has_month,
                              excluded.first_day, excluded.first_done)$q$;
BEGIN
  -- the first computation of a database is a full one
  v_first := NOT EXISTS (SELECT 1 FROM kpi.compute_run WHERE finished_at IS NOT NULL);
  p_full := p_full OR v_first;
  INSERT INTO kpi.compute_run (mode) VALUES (CASE WHEN p_full THEN 'full' ELSE 'incremental' END)
  RETURNING id INTO v_run;

  -- 1. The unit tree: province (depth 0), communes (1), facilities (2).
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

  -- 2. The time layer (kpi.metric_half). p_full: rebuilt from the counts of
  -- the window. Then what changed since the last run: keys re-aggregated
  -- from kpi.observation (revisions, month-level rows, new partitions,
  -- changes outside a full run's window), and inserted day rows added to
  -- their half (flows summed, a stock's value replaced when its day is the
  -- latest). A month holds either day rows or one month row of a metric
  -- (kpi ingest keeps them apart); should both exist, the month row wins.
  SELECT array_agg(DISTINCT status_metric) INTO v_status
    FROM kpi.indicator WHERE status_metric IS NOT NULL;
  v_status := coalesce(v_status, '{}');
  CREATE TEMP TABLE t_day ON COMMIT DROP AS
  SELECT * FROM kpi.half_calendar(DATE '2000-01-01', DATE '2099-12-31');
  ANALYZE t_day;
  -- (the first run rebuilds every count: task cells read first days from it)
  v_win_lo := CASE WHEN p_full AND p_from IS NOT NULL AND NOT v_first
                   THEN date_trunc('month', p_from) - interval '12 months' END;
  v_win_hi := CASE WHEN p_full AND p_to IS NOT NULL AND NOT v_first
                   THEN date_trunc('month', p_to) + interval '1 month' END;
  -- a hash aggregate, even when a partition attached by kpi ingest has no
  -- statistics yet (the planner would sort millions of rows on disk)
  PERFORM set_config('enable_sort', 'off', true);
  IF p_full THEN
    EXECUTE format(v_half_sql, 'kpi.observation', '(o.period_start >= $1 OR $1 IS NULL)'
                               ' AND (o.period_start < $2 OR $2 IS NULL)',
                   CASE WHEN EXISTS (SELECT 1 FROM kpi.metric_half h
                                      WHERE (h.half >= v_win_lo OR v_win_lo IS NULL)
                                        AND (h.half < v_win_hi OR v_win_hi IS NULL))
                        THEN v_half_upsert ELSE '' END)
      USING v_win_lo, v_win_hi, v_status;
  END IF;

  -- the rows queued since the last run; kpi ingest holds the ingest key
  -- while it queues, and waiting for it here makes every id up to the last
  -- one committed
  PERFORM pg_advisory_xact_lock(7040105, 4);
  SELECT coalesce(max(r.delta_upto), 0) INTO v_delta_from
    FROM kpi.compute_run r WHERE r.finished_at IS NOT NULL;
  SELECT coalesce(max(x.id), v_delta_from) INTO v_delta_to FROM kpi.compute_delta x;
  UPDATE kpi.compute_run SET delta_upto = v_delta_to WHERE id = v_run;
  CREATE TEMP TABLE t_add ON COMMIT DROP AS
  SELECT x.metric, x.unit_code, x.period_start, x.grain, x.value,
         coalesce(d.half, kpi.half_of(x.period_start)) AS half,
         coalesce(d.month, date_trunc('month', x.period_start)::date) AS month
    FROM kpi.compute_delta x LEFT JOIN t_day d ON d.day = x.period_start
   WHERE x.id > v_delta_from AND x.id <= v_delta_to
     AND NOT (p_full AND (x.period_start >= v_win_lo OR v_win_lo IS NULL)
                     AND (x.period_start < v_win_hi OR v_win_hi IS NULL));
  ANALYZE t_add;

  -- keys to re-aggregate: pending (metric or every metric, unit, month),
  -- and inserted rows a sum cannot take (month rows, a half holding one)
  CREATE TEMP TABLE t_key ON COMMIT DROP AS
  SELECT DISTINCT metric, unit_code, month FROM kpi.compute_dirty
   WHERE run_id IS NULL AND month IS NOT NULL
     AND NOT (p_full AND (month >= v_win_lo OR v_win_lo IS NULL)
                     AND (month < v_win_hi OR v_win_hi IS NULL))
  UNION
  SELECT a.metric, a.unit_code, a.month FROM t_add a
   WHERE a.grain <> 'day'
      OR EXISTS (SELECT 1 FROM kpi.metric_half h
                  WHERE h.metric = a.metric AND h.half = a.half AND h.unit_code = a.unit_code
                    AND h.has_month);
  ANALYZE t_key;
  IF EXISTS (SELECT 1 FROM t_key) THEN
    SELECT min(month), (max(month) + interval '1 month')::date INTO v_key_lo, v_key_hi FROM t_key;
    EXECUTE format(v_half_sql, 'kpi.observation', 'o.period_start >= $1 AND o.period_start < $2'
                               ' AND EXISTS (SELECT 1 FROM t_key k'
                               '  WHERE k.unit_code = o.unit_code AND k.month = coalesce(d.month, date_trunc(''month'', o.period_start)::date)'
                               '    AND (k.metric IS NULL OR k.metric = o.metric))',
                   v_half_upsert)
      USING v_key_lo, v_key_hi, v_status;
  END IF;

  -- inserted day rows into their half: flows add, stocks take the latest
  -- day; one aggregate, then an update of the halves that exist (a join)
  -- and an insert of the others
  EXECUTE format('CREATE TEMP TABLE t_add_half ON COMMIT DROP AS ' || v_half_agg, 't_add',
                 'NOT EXISTS (SELECT 1 FROM t_key k WHERE k.unit_code = o.unit_code'
                 ' AND k.month = o.month AND (k.metric IS NULL OR k.metric = o.metric))')
    USING NULL::date, NULL::date, v_status;
  ANALYZE t_add_half;
  UPDATE kpi.metric_half mh
     SET value = CASE WHEN a.temporal = 'flow' THEN mh.value + a.value
                      WHEN a.last_day >= mh.last_day THEN a.value
                      ELSE mh.value END,
         last_day = greatest(mh.last_day, a.last_day),
         first_day = least(mh.first_day, a.first_day),
         first_done = least(mh.first_done, a.first_done)
    FROM t_add_half a
   WHERE mh.metric = a.metric AND mh.half = a.half AND mh.unit_code = a.unit_code;
  INSERT INTO kpi.metric_half
    (metric, half, unit_code, value, last_day, has_month, first_day, first_done)
  SELECT a.metric, a.half, a.unit_code, a.value, a.last_day, a.has_month, a.first_day,
         a.first_done
    FROM t_add_half a
   WHERE NOT EXISTS (SELECT 1 FROM kpi.metric_half h
                      WHERE h.metric = a.metric AND h.half = a.half
                        AND h.unit_code = a.unit_code);

  PERFORM set_config('enable_sort', 'on', true);
  ANALYZE kpi.metric_half;

  -- 3. The range: the months asked for, else the months holding data.
  v_from := date_trunc('month', coalesce(p_from,
              (SELECT min(half) FROM kpi.metric_half),
              (SELECT min(month) FROM kpi.compute_dirty WHERE run_id IS NULL)));
  v_to := date_trunc('month', coalesce(p_to,
              (SELECT max(half) FROM kpi.metric_half),
              (SELECT max(month) FROM kpi.compute_dirty WHERE run_id IS NULL)));
  UPDATE kpi.compute_run SET from_month = v_from, to_month = v_to WHERE id = v_run;

  CREATE TEMP TABLE t_period ON COMMIT DROP AS
  SELECT * FROM kpi.period_windows(v_from, v_to) WHERE v_from IS NOT NULL AND v_to IS NOT NULL;

  -- 4. The scope: (indicator, province, period) triples to recompute.
  CREATE TEMP TABLE t_scope (indicator_id text, province text, period_kind text,
                             period_end date) ON COMMIT DROP;
  IF p_full THEN
    INSERT INTO t_scope
    SELECT i.id, u.code, p.period_kind, p.period_end
      FROM kpi.indicator_current_ids() AS i(id)
      CROSS JOIN (SELECT code FROM t_unit WHERE depth = 0) u
      CROSS JOIN t_period p;
    UPDATE kpi.compute_dirty d SET run_id = v_run
     WHERE d.run_id IS NULL AND (d.month IS NULL OR d.month <= v_to);
  ELSE
    -- pending changes up to the end of the range (earlier months feed ytd,
    -- year and reporting windows); those inside the range are claimed
    CREATE TEMP TABLE t_dirty (metric text, unit_code text, d_from date, d_to date)
      ON COMMIT DROP;
    WITH claimed AS (
      UPDATE kpi.compute_dirty d SET run_id = v_run
       WHERE d.run_id IS NULL AND (d.month IS NULL OR d.month BETWEEN v_from AND v_to)
      RETURNING d.metric, d.unit_code, d.month
    )
    INSERT INTO t_dirty
    SELECT metric, unit_code, month, (month + interval '1 month - 1 day')::date FROM claimed
    UNION
    SELECT metric, unit_code, month, (month + interval '1 month - 1 day')::date
      FROM kpi.compute_dirty
     WHERE run_id IS NULL AND month < v_from;
    -- inserted rows: their half month (those outside the range wait for a
    -- run that covers it)
    INSERT INTO t_dirty
    SELECT DISTINCT metric, unit_code, half,
           CASE WHEN half = month THEN half + 13
                ELSE (month + interval '1 month - 1 day')::date END
      FROM t_add WHERE month BETWEEN v_from AND v_to;
    INSERT INTO kpi.compute_dirty (metric, unit_code, month)
    SELECT DISTINCT metric, unit_code, month FROM t_add WHERE month NOT BETWEEN v_from AND v_to;
    -- months never computed before count as changed everywhere
    INSERT INTO t_dirty
    SELECT NULL, u.code, p.m, (p.m + interval '1 month - 1 day')::date
      FROM generate_series(v_from, v_to, interval '1 month') AS p(m)
      CROSS JOIN (SELECT code FROM t_unit WHERE depth = 0) u
     WHERE NOT EXISTS (SELECT 1 FROM kpi.compute_run r
                        WHERE r.finished_at IS NOT NULL
                          AND p.m BETWEEN r.from_month AND r.to_month);
    INSERT INTO t_scope
    SELECT DISTINCT i.id, dp.province, p.period_kind, p.period_end
      FROM (SELECT DISTINCT d.metric, u.province, d.d_from, d.d_to
              FROM t_dirty d JOIN t_unit u ON u.code = d.unit_code) dp
      JOIN kpi.indicator i
        ON dp.metric IS NULL
        OR dp.metric IN (i.numerator_metric, i.denominator_metric, i.status_metric)
      JOIN t_period p
        ON dp.d_from IS NULL OR (p.period_start <= dp.d_to AND p.period_end >= dp.d_from);
    -- indicators whose catalog row changed since their values were computed,
    -- or never computed for the period (new indicators, new provinces)
    INSERT INTO t_scope
    SELECT c.id, u.code, p.period_kind, p.period_end
      FROM t_period p
      CROSS JOIN (SELECT code FROM t_unit WHERE depth = 0) u
      CROSS JOIN kpi.indicator_current_ids() AS c(id)
      CROSS JOIN LATERAL kpi.indicator_at(c.id, p.period_start) cat
     WHERE NOT EXISTS (SELECT 1 FROM kpi.indicator_value v
                        WHERE v.indicator_id = c.id AND v.unit_code = u.code
                          AND v.period_kind = p.period_kind AND v.period_end = p.period_end
                          AND v.catalog_version = cat.catalog_version);
  END IF;
  CREATE TEMP TABLE t_cell_scope ON COMMIT DROP AS
  SELECT DISTINCT s.indicator_id, s.province, p.period_kind, p.period_start, p.period_end,
         p.period_label, p.cut, cat.kind,
         CASE WHEN cat.kind = 'task' THEN coalesce(cat.status_metric, cat.numerator_metric)
              ELSE cat.numerator_metric END AS numerator_metric, cat.denominator_metric,
         cat.comparator, cat.target_pct, cat.facility_kind, cat.inner_comparator,
         cat.inner_target_pct, cat.due_date, cat.catalog_version
    FROM t_scope s
    JOIN t_period p USING (period_kind, period_end)
    CROSS JOIN LATERAL kpi.indicator_at(s.indicator_id, p.period_start) cat
   WHERE s.indicator_id IN (SELECT kpi.indicator_current_ids());
  ANALYZE t_cell_scope;

  -- 5. Each unit's own value per needed metric and period.
  CREATE TEMP TABLE t_need ON COMMIT DROP AS
  SELECT DISTINCT c.province, x.metric, c.period_kind, c.period_start, c.period_end,
         m.temporal, date_trunc('month', c.period_start)::date AS from_half
    FROM t_cell_scope c
    CROSS JOIN LATERAL (VALUES (c.numerator_metric), (c.denominator_metric)) AS x(metric)
    JOIN kpi.metric m ON m.code = x.metric
   WHERE c.kind <> 'task';
  ANALYZE t_need;

  -- A half inside the window counts; a month-level row counts when its
  -- whole month is inside, and makes the value lacking when the window cuts
  -- its month (a window from the 15th needs day-level counts).
  -- the half months of each need: the 1st and the 15th of its months
  CREATE TEMP TABLE t_need_half ON COMMIT DROP AS
  SELECT n.*, x.half
    FROM t_need n
    CROSS JOIN LATERAL (SELECT (g + o * interval '14 days')::date AS half
                          FROM generate_series(n.from_half, n.period_end, interval '1 month') g
                          CROSS JOIN (VALUES (0), (1)) AS k(o)) x
   WHERE x.half <= n.period_end;
  ANALYZE t_need_half;

  CREATE TEMP TABLE t_own ON COMMIT DROP AS
  SELECT metric, unit_code, period_kind, period_end,
         CASE WHEN bool_or(lacking) THEN NULL
              WHEN min(temporal) = 'flow' THEN sum(value) FILTER (WHERE counted)
              ELSE (max(ARRAY[last_day - DATE '2000-01-01', value])
                      FILTER (WHERE counted AND temporal = 'stock'))[2]
         END AS value,
         bool_or(lacking) AS lacking
    FROM (SELECT n.metric, h.unit_code, n.period_kind, n.period_end, n.temporal, h.value,
                 h.last_day,
                 h.half >= n.period_start
                   AND (NOT h.has_month
                        OR (h.half + interval '1 month - 1 day')::date <= n.period_end)
                   AS counted,
                 h.has_month
                   AND (h.half < n.period_start
                        OR (h.half + interval '1 month - 1 day')::date > n.period_end)
                   AS lacking
            FROM t_need_half n
            JOIN kpi.metric_half h ON h.metric = n.metric AND h.half = n.half
            JOIN t_unit u ON u.code = h.unit_code AND u.province = n.province) AS d
   GROUP BY metric, unit_code, period_kind, period_end
  HAVING bool_or(counted) OR bool_or(lacking);
  CREATE INDEX ON t_own (metric, unit_code, period_kind, period_end);
  ANALYZE t_own;

  -- From here on every join is between scoped temp tables, which hash joins
  -- read once; the planner's per-row index probes cost seconds instead.
  PERFORM set_config('enable_nestloop', 'off', true);

  -- 6. Roll up, from the facilities (depth 2) to the province (depth 0): a
  -- unit's own total wins over the sum of its children.
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
  CREATE INDEX ON t_v (metric, unit_code, period_kind, period_end);
  ANALYZE t_v;

  -- 7. Data-quality findings: own totals that differ from their children's sum.
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
           kids_n, v_run, v_run
      FROM found
    ON CONFLICT (metric, unit_code, period_kind, period_end) DO UPDATE
      SET own_value = excluded.own_value, children_sum = excluded.children_sum,
          children_count = excluded.children_count, last_run_id = v_run, resolved_at = NULL
    RETURNING 1
  )
  SELECT count(*) INTO v_findings FROM ins;
  UPDATE kpi.data_quality_finding f SET resolved_at = now(), last_run_id = v_run
   WHERE f.resolved_at IS NULL AND f.last_run_id <> v_run
     AND EXISTS (SELECT 1 FROM t_need n JOIN t_unit u ON u.province = n.province
                  WHERE n.metric = f.metric AND u.code = f.unit_code
                    AND n.period_kind = f.period_kind AND n.period_end = f.period_end);

  -- 8. The cells.
  CREATE TEMP TABLE t_new ON COMMIT DROP AS
  WITH cell AS (
    SELECT c.*, u.code AS unit_code, u.depth
      FROM t_cell_scope c JOIN t_unit u ON u.province = c.province AND u.is_cell
     WHERE c.kind <> 'task' OR u.depth = 0
  ),
  communes AS (
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
      FROM cell c
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
      FROM cell c
      JOIN t_unit f ON f.kind = c.facility_kind AND f.province = c.province
                   AND (c.depth = 0 OR f.parent_code = c.unit_code)
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
      FROM cell c
      LEFT JOIN (SELECT indicator_id, unit_code, period_kind, period_end,
                        count(*) FILTER (WHERE meets) AS meeting, count(*) AS registered,
                        count(*) FILTER (WHERE reported) AS reported, bool_or(lacking) AS lacking
                   FROM facility GROUP BY 1, 2, 3, 4) s
        USING (indicator_id, unit_code, period_kind, period_end)
     WHERE c.kind = 'share'
  ),
  task_first AS (   -- per status metric and province: its first row, its first done day
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
      FROM cell c
      LEFT JOIN task_first f ON f.metric = c.numerator_metric AND f.province = c.province
     WHERE c.kind = 'task'
  ),
  judged AS (
    SELECT r.*,
           CASE WHEN r.lacking THEN 'no_data'
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
           CASE WHEN r.lacking THEN 'lacking'
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
      FROM (SELECT indicator_id, province, period_kind, period_start, period_end, period_label,
                   kind, numerator_metric, denominator_metric, comparator, target_pct,
                   facility_kind, due_date, catalog_version, unit_code, n_val, d_val, n_has,
                   d_has, lacking, expected, reporting
              FROM ratio
            UNION ALL
            SELECT indicator_id, province, period_kind, period_start, period_end, period_label,
                   kind, numerator_metric, denominator_metric, comparator, target_pct,
                   facility_kind, due_date, catalog_version, unit_code, n_val, d_val, n_has,
                   d_has, lacking, expected, reporting
              FROM share) r
  )
  SELECT j.indicator_id, j.unit_code, j.period_kind, j.period_start, j.period_end,
         j.period_label,
         CASE WHEN j.why IS DISTINCT FROM 'overflow' THEN j.n_val END AS numerator,
         CASE WHEN j.why IS DISTINCT FROM 'overflow' THEN j.d_val END AS denominator,
         CASE WHEN j.status IN ('met', 'breach', 'on_track', 'at_risk')
              THEN round(j.n_val * 100::numeric / j.d_val, 4) END AS ratio_pct,
         j.comparator, j.target_pct, j.due_date, j.status,
         CASE j.why
           WHEN 'lacking' THEN 'the window is cut at the 15th and some counts are month-level '
                               'only; it needs day-level counts'
           WHEN 'overflow' THEN 'the sum of ' || j.numerator_metric || ' or '
                                || j.denominator_metric || ' exceeds the bigint range; '
                                || 'a submitted count must be wrong: correct it'
           WHEN 'none' THEN 'no counts of ' || j.numerator_metric || ' nor '
                            || j.denominator_metric
           WHEN 'no_num' THEN 'no counts of ' || j.numerator_metric || ' (numerator)'
           WHEN 'no_den' THEN 'no counts of ' || j.denominator_metric || ' (denominator)'
           WHEN 'above' THEN 'numerator ' || j.n_val || ' (' || j.numerator_metric
                             || ') above denominator ' || j.d_val || ' ('
                             || j.denominator_metric || ')'
           WHEN 'no_facility' THEN 'no registered facility of kind ' || j.facility_kind
           WHEN 'zero_den' THEN 'zero denominator (' || j.denominator_metric || ')'
           WHEN 'due' THEN 'due ' || j.due_date
         END AS reason,
         CASE j.why
           WHEN 'lacking' THEN 'kỳ cắt ngày 15 nhưng có số liệu chỉ theo tháng; '
                               'cần số liệu theo ngày'
           WHEN 'overflow' THEN 'tổng ' || j.numerator_metric || ' hoặc ' || j.denominator_metric
                                || ' vượt quá giới hạn bigint; số liệu đã gửi có sai sót, '
                                || 'cần sửa'
           WHEN 'none' THEN 'không có số liệu ' || j.numerator_metric || ' và '
                            || j.denominator_metric
           WHEN 'no_num' THEN 'không có số liệu ' || j.numerator_metric || ' (tử số)'
           WHEN 'no_den' THEN 'không có số liệu ' || j.denominator_metric || ' (mẫu số)'
           WHEN 'above' THEN 'tử số ' || j.n_val || ' (' || j.numerator_metric
                             || ') lớn hơn mẫu số ' || j.d_val || ' ('
                             || j.denominator_metric || ')'
           WHEN 'no_facility' THEN 'không có cơ sở loại ' || j.facility_kind || ' được đăng ký'
           WHEN 'zero_den' THEN 'mẫu số bằng 0 (' || j.denominator_metric || ')'
           WHEN 'due' THEN 'hạn ' || to_char(j.due_date, 'DD/MM/YYYY')
         END AS reason_vi,
         CASE WHEN j.status IN ('met', 'on_track') THEN 0
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
         j.catalog_version
    FROM judged j
  UNION ALL
  SELECT t.indicator_id, t.unit_code, t.period_kind, t.period_start, t.period_end,
         t.period_label, t.n_val, t.d_val, t.n_val * 100::numeric, NULL, NULL, t.due_date,
         CASE WHEN t.done_on IS NOT NULL THEN 'met'
              WHEN t.period_end >= t.due_date THEN 'breach'
              ELSE 'at_risk' END,
         CASE WHEN t.done_on IS NOT NULL AND t.done_on > t.due_date
                THEN 'done on ' || t.done_on || ', after the due date ' || t.due_date
              WHEN t.done_on IS NOT NULL THEN 'done on ' || t.done_on
              WHEN t.period_end >= t.due_date AND t.any_row
                THEN 'overdue: not reported done by ' || t.due_date
              WHEN t.period_end >= t.due_date THEN 'overdue: no status reported by ' || t.due_date
              WHEN t.any_row THEN 'not done yet; due ' || t.due_date
              ELSE 'no status reported yet; due ' || t.due_date
         END,
         CASE WHEN t.done_on IS NOT NULL AND t.done_on > t.due_date
                THEN 'hoàn thành ngày ' || to_char(t.done_on, 'DD/MM/YYYY') || ', sau hạn '
                     || to_char(t.due_date, 'DD/MM/YYYY')
              WHEN t.done_on IS NOT NULL
                THEN 'hoàn thành ngày ' || to_char(t.done_on, 'DD/MM/YYYY')
              WHEN t.period_end >= t.due_date AND t.any_row
                THEN 'quá hạn: chưa báo cáo hoàn thành đến ' || to_char(t.due_date, 'DD/MM/YYYY')
              WHEN t.period_end >= t.due_date
                THEN 'quá hạn: không có báo cáo trạng thái đến '
                     || to_char(t.due_date, 'DD/MM/YYYY')
              WHEN t.any_row THEN 'chưa hoàn thành; hạn ' || to_char(t.due_date, 'DD/MM/YYYY')
              ELSE 'chưa có báo cáo trạng thái; hạn ' || to_char(t.due_date, 'DD/MM/YYYY')
         END,
         1 - t.n_val, NULL, NULL, NULL, t.catalog_version
    FROM task t;

  GET DIAGNOSTICS v_cells = ROW_COUNT;

  -- 9. Store what changed; the replaced values go to the history.
  CREATE TEMP TABLE t_changed ON COMMIT DROP AS
  SELECT n.*, v.indicator_id IS NOT NULL AS existed
    FROM t_new n
    LEFT JOIN kpi.indicator_value v USING (indicator_id, unit_code, period_kind, period_end)
   WHERE v.indicator_id IS NULL
      OR (v.period_start, v.period_label, v.numerator, v.denominator, v.ratio_pct, v.comparator,
          v.target_pct, v.due_date, v.status, v.reason, v.reason_vi, v.gap_count,
          v.completeness_pct,
          v.units_expected, v.units_reporting, v.catalog_version)
         IS DISTINCT FROM
         (n.period_start, n.period_label, n.numerator, n.denominator, n.ratio_pct, n.comparator,
          n.target_pct, n.due_date, n.status, n.reason, n.reason_vi, n.gap_count,
          n.completeness_pct,
          n.units_expected, n.units_reporting, n.catalog_version);
  GET DIAGNOSTICS v_changed = ROW_COUNT;

  INSERT INTO kpi.indicator_value_history
  SELECT v.*, now()
    FROM kpi.indicator_value v
    JOIN t_changed c USING (indicator_id, unit_code, period_kind, period_end)
   WHERE c.existed;

  -- new cells inserted, changed ones updated (runs are serialised: no
  -- conflict can arise between the two)
  INSERT INTO kpi.indicator_value
    (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
     denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
     gap_count,
     completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id)
  SELECT indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
         denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
         gap_count,
         completeness_pct, units_expected, units_reporting, catalog_version, now(), v_run
    FROM t_changed WHERE NOT existed;
  UPDATE kpi.indicator_value v
     SET period_start = c.period_start, period_label = c.period_label,
         numerator = c.numerator, denominator = c.denominator,
         ratio_pct = c.ratio_pct, comparator = c.comparator,
         target_pct = c.target_pct, due_date = c.due_date,
         status = c.status, reason = c.reason, reason_vi = c.reason_vi,
         gap_count = c.gap_count,
         completeness_pct = c.completeness_pct,
         units_expected = c.units_expected, units_reporting = c.units_reporting,
         catalog_version = c.catalog_version, computed_at = now(), run_id = v_run
    FROM t_changed c
   WHERE c.existed AND v.indicator_id = c.indicator_id AND v.unit_code = c.unit_code
     AND v.period_kind = c.period_kind AND v.period_end = c.period_end;

  UPDATE kpi.compute_run
     SET finished_at = clock_timestamp(), cells_in_scope = v_cells, cells_changed = v_changed,
         findings = v_findings
   WHERE id = v_run;
  run_id := v_run;
  cells_in_scope := v_cells;
  cells_changed := v_changed;
  findings := v_findings;
  mode := CASE WHEN p_full THEN 'full' ELSE 'incremental' END;
  from_month := v_from;
  to_month := v_to;
END $$;
COMMENT ON FUNCTION kpi.compute(date, date, boolean) IS
  'compute the indicator cells of the periods ending in p_from..p_to: all (p_full) or those '
  'whose inputs changed; see README, "Computing indicators"';
