-- compute/compute_own_values: kpi.compute_own_values(), step 5 of kpi.compute:
-- each unit's own value of every needed metric and period (temp tables
-- t_need, t_need_half, t_own_half, t_own_src, t_own), from kpi.metric_half, on today's map
-- (the counts of units no longer on it carried to their successors: t_carry); a denominator fixed at a
-- day ('METRIC@YYYY-MM-DD', kpi.compute_scope) from kpi.observation: each
-- unit's last value on or before that day, the same in every period.

CREATE OR REPLACE FUNCTION kpi.compute_own_values() RETURNS void
LANGUAGE plpgsql
-- the halves of the needs hashed, not merged: a merge join sorted every half of the
-- history joined with its units (7.9 million rows nationally, on disk) each night
-- (t_own_src 20.6 s, 11.3 s hashed, the same rows)
SET enable_mergejoin = off
-- and aggregated by hash: with three national months loaded, a night's t_own_src
-- (1.9 million rows into 1.45 million groups, estimated beyond work_mem) was sorted
-- instead, 9.4 s
SET enable_sort = off
AS $$
#variable_conflict use_column
BEGIN
  CREATE TEMP TABLE t_need ON COMMIT DROP AS
  SELECT DISTINCT c.province, x.metric, c.period_kind, c.period_start, c.period_end,
         m.temporal, date_trunc('month', c.period_start)::date AS from_half,
         m.month_in_report_month,
         nullif(split_part(x.metric, '@', 2), '')::date AS baseline
    FROM t_cell_scope c
    CROSS JOIN LATERAL (VALUES (c.numerator_metric), (c.denominator_metric)) AS x(metric)
    JOIN kpi.metric m ON m.code = split_part(x.metric, '@', 1)
   WHERE c.kind <> 'task';
  ANALYZE t_need;

  -- A half inside the window counts; a month-level row counts when its
  -- whole month is inside, and makes the value lacking when the window cuts
  -- its month (a window from the 15th needs day-level counts) -- unless its
  -- metric is month_in_report_month: then the row counts in the window
  -- holding its month's 15th (calendar month M-1 in the reporting window
  -- 15/M-1 to 14/M) and in no other.
  -- the half months of each need: the 1st and the 15th of its months (a
  -- deadline window ending inside a half without it: its days up to the due
  -- date are kpi.compute_deadline_values')
  CREATE TEMP TABLE t_need_half ON COMMIT DROP AS
  SELECT n.*, x.half
    FROM t_need n
    CROSS JOIN LATERAL (SELECT (g + o * interval '14 days')::date AS half
                          FROM generate_series(n.from_half, n.period_end, interval '1 month') g
                          CROSS JOIN (VALUES (0), (1)) AS k(o)) x
   WHERE x.half <= n.period_end AND n.baseline IS NULL
     AND (n.period_kind <> 'deadline' OR kpi.half_of(n.period_end + 1) > x.half);
  ANALYZE t_need_half;

  -- each source's values: the counts of a code in a half go where t_carry
  -- says for that day (its own unit of today's map, or the successors of the
  -- unit it named then)
  -- (t_own_half: the halves needed, each with its unit's province, matched then
  -- with the needs of that province, metric and half; joined the other way, every
  -- need met every unit of its province first, 5 million pairs for a national
  -- month's 1 million: t_own_src 4.0 s, 2.6 s so)
  CREATE TEMP TABLE t_own_half ON COMMIT DROP AS
  SELECT h.metric, h.half, h.value, h.last_day, h.has_month, k.code, k.from_day, k.to_code,
         k.weight, k.carried, k.estimated, u.province
    FROM kpi.metric_half h
    JOIN t_carry k ON k.code = h.unit_code AND h.half BETWEEN k.from_day AND k.to_day
    JOIN t_unit u ON u.code = k.to_code
   WHERE (h.metric, h.half) IN (SELECT metric, half FROM t_need_half);
  ANALYZE t_own_half;
  CREATE TEMP TABLE t_own_src ON COMMIT DROP AS
  SELECT metric, src, src_from, unit_code, period_kind, period_end, temporal, weight, carried,
         estimated,
         CASE WHEN bool_or(lacking) THEN NULL
              WHEN temporal = 'flow' THEN sum(value) FILTER (WHERE counted)
              ELSE (max(ARRAY[last_day - DATE '2000-01-01', value])
                      FILTER (WHERE counted AND temporal = 'stock'))[2]
         END AS value,
         bool_or(lacking) AS lacking
    FROM (SELECT n.metric, h.code AS src, h.from_day AS src_from, h.to_code AS unit_code,
                 h.weight, h.carried, h.estimated, n.period_kind, n.period_end, n.temporal,
                 h.value, h.last_day,
                 CASE WHEN h.has_month AND n.month_in_report_month
                      THEN h.half + 14 BETWEEN n.period_start AND n.period_end
                      ELSE h.half >= n.period_start
                           AND (NOT h.has_month
                                OR (h.half + interval '1 month - 1 day')::date <= n.period_end)
                 END AS counted,
                 h.has_month AND NOT n.month_in_report_month
                   AND (h.half < n.period_start
                        OR (h.half + interval '1 month - 1 day')::date > n.period_end)
                   AS lacking
            FROM t_need_half n
            JOIN t_own_half h ON h.metric = n.metric AND h.half = n.half AND h.province = n.province
           ) AS d
   GROUP BY metric, src, src_from, unit_code, period_kind, period_end, temporal, weight, carried,
            estimated
  HAVING bool_or(counted) OR bool_or(lacking);

  -- each unit's own value: flows add their sources (an old unit's total times
  -- its weight, rounded to the nearest whole count, halves away from zero:
  -- numeric round); a stock is the unit's own last value when it has one in
  -- the period, else the sum of each old unit's last value before the change;
  -- a partial part without a weight is left out (t_own.estimated says so);
  -- carried: how much of the value came from units no longer on the map
  CREATE TEMP TABLE t_own ON COMMIT DROP AS
  SELECT metric, unit_code, period_kind, period_end,
         CASE WHEN bool_or(lacking) THEN NULL
              WHEN min(temporal) = 'flow' OR NOT bool_or(NOT carried AND value IS NOT NULL)
              THEN sum(round(value * weight))
              ELSE max(value) FILTER (WHERE NOT carried) END AS value,
         bool_or(lacking) AS lacking,
         CASE WHEN min(temporal) = 'flow' OR NOT bool_or(NOT carried AND value IS NOT NULL)
              THEN coalesce(sum(round(value * weight)) FILTER (WHERE carried), 0)
              ELSE 0 END AS carried,
         NULL::text AS estimated
    FROM t_own_src
   GROUP BY metric, unit_code, period_kind, period_end
  HAVING bool_or(weight IS NOT NULL);
  -- the reasons of the estimated values, aggregated apart (an ordered aggregate in
  -- the statement above made it sort every source: 601,101 rows nationally, 4 s)
  UPDATE t_own o SET estimated = e.estimated
    FROM (SELECT metric, unit_code, period_kind, period_end,
                 string_agg(DISTINCT estimated, '; ' ORDER BY estimated) AS estimated
            FROM t_own_src WHERE estimated IS NOT NULL AND value IS NOT NULL
           GROUP BY 1, 2, 3, 4) e
   WHERE o.metric = e.metric AND o.unit_code = e.unit_code
     AND o.period_kind = e.period_kind AND o.period_end = e.period_end;

  -- a denominator fixed at a day: each unit's last value on or before it (a
  -- month-level row counts when its month has ended by then), in every period
  -- (read once per baseline, then given to every province and period); an old
  -- unit's last value goes to its successors as a stock's does. Read in the
  -- 45 days up to the day first: a code with a row there has its last one
  -- there; only the codes without one that kpi.metric_half shows holding an
  -- earlier half are read further back (the whole history before the day was
  -- read every night: a night grew with the history)
  -- t_base: each baseline and the days read (lo, hi]; t_base_pair: the codes
  -- (and the meaning of each, from_day) read; t_base_src: what was found
  CREATE TEMP TABLE t_base ON COMMIT DROP AS
  SELECT DISTINCT province, metric, baseline, baseline - 45 AS lo, baseline AS hi
    FROM t_need WHERE baseline IS NOT NULL;
  CREATE TEMP TABLE t_base_pair ON COMMIT DROP AS
  SELECT DISTINCT b.province, b.metric, k.code, k.from_day
    FROM t_base b
    JOIN t_unit u ON u.province = b.province
    JOIN t_carry k ON k.to_code = u.code;
  ANALYZE t_base;
  ANALYZE t_base_pair;
  CREATE TEMP TABLE t_base_src (province text, metric text, code text, from_day date,
                                value bigint) ON COMMIT DROP;
  LOOP -- at most twice: the 45 days, then further back
    -- (once per baseline, the days the same for every province: read once per
    -- province, a national night read the country's counts of those days 34 times, 21 s)
    INSERT INTO t_base_src
    SELECT v.province, b.metric, v.code, v.from_day, v.value
      FROM (SELECT DISTINCT metric, baseline, lo, hi FROM t_base) b
      CROSS JOIN LATERAL (
        SELECT DISTINCT ON (x.province, k.code, k.from_day) x.province, k.code, k.from_day,
               o.value
          FROM kpi.observation o
          JOIN t_carry k ON k.code = o.unit_code AND o.period_start BETWEEN k.from_day AND k.to_day
          JOIN t_base_pair x ON x.metric = b.metric AND x.code = k.code
                            AND x.from_day = k.from_day
         WHERE o.metric = split_part(b.metric, '@', 1)
           AND o.period_start > b.lo AND o.period_start <= b.hi
           AND (o.grain = 'day'
                OR (o.period_start + interval '1 month - 1 day')::date <= b.baseline)
         ORDER BY x.province, k.code, k.from_day, o.period_start DESC, o.grain = 'day' DESC) v;
    EXIT WHEN (SELECT bool_and(lo = '-infinity') FROM t_base);
    -- further back: the codes not found whose earlier halves hold counts
    CREATE TEMP TABLE t_base_back ON COMMIT DROP AS
    SELECT x.* FROM t_base_pair x JOIN t_base b USING (province, metric)
      JOIN t_carry k ON k.code = x.code AND k.from_day = x.from_day
     WHERE NOT EXISTS (SELECT 1 FROM t_base_src s
                        WHERE s.province = x.province AND s.metric = x.metric
                          AND s.code = x.code AND s.from_day = x.from_day)
       AND EXISTS (SELECT 1 FROM kpi.metric_half h
                    WHERE h.metric = split_part(x.metric, '@', 1) AND h.unit_code = x.code
                      AND h.half <= b.lo AND h.half <= k.to_day
                      AND h.half + 17 > k.from_day); -- (a half spans 17 days at most)
    EXIT WHEN NOT EXISTS (SELECT 1 FROM t_base_back);
    TRUNCATE t_base_pair;
    INSERT INTO t_base_pair SELECT DISTINCT * FROM t_base_back;
    ANALYZE t_base_pair;
    UPDATE t_base SET hi = lo, lo = '-infinity';
  END LOOP;
  INSERT INTO t_own (metric, unit_code, period_kind, period_end, value, lacking, carried)
  WITH val AS (
    SELECT s.province, s.metric, k.to_code AS unit_code,
           CASE WHEN bool_or(NOT k.carried) THEN max(s.value) FILTER (WHERE NOT k.carried)
                ELSE sum(round(s.value * k.weight)) END AS value,
           CASE WHEN bool_or(NOT k.carried) THEN 0
                ELSE coalesce(sum(round(s.value * k.weight)) FILTER (WHERE k.carried), 0)
           END AS carried
      FROM t_base_src s JOIN t_carry k ON k.code = s.code AND k.from_day = s.from_day
     WHERE k.weight IS NOT NULL
     GROUP BY 1, 2, 3
  )
  SELECT n.metric, v.unit_code, n.period_kind, n.period_end, v.value, false, v.carried
    FROM t_need n JOIN val v ON v.province = n.province AND v.metric = n.metric;
  CREATE INDEX ON t_own (metric, unit_code, period_kind, period_end);
  ANALYZE t_own;
END $$;
