--
-- PostgreSQL database dump
--

\restrict RaCpJP8xqqj4ljdwG49er4WQC7ENksa7a5xg4EeRAZrucqacgCxvNtEvH6aUHbL

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: kpi; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA kpi;


--
-- Name: SCHEMA kpi; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA kpi IS 'kpi — Project 06 indicator engine of Thái Nguyên province (KH 05/KH-UBND, 14/7/2025)';


--
-- Name: alert_analyze(); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.alert_analyze() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog'
    AS $$
BEGIN
  ANALYZE kpi.alert, kpi.alert_event;
END
$$;


--
-- Name: FUNCTION alert_analyze(); Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON FUNCTION kpi.alert_analyze() IS 'ANALYZE kpi.alert and kpi.alert_event as their owner; `kpi alerts` calls it after writing the alert state and before routing it';


--
-- Name: alert_fingerprint(text, text, text, text); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.alert_fingerprint(kind text, indicator_id text, unit_code text, period_kind text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
  SELECT left(encode(sha256(convert_to(concat_ws('|', kind, indicator_id, unit_code,
                                                 period_kind), 'UTF8')), 'hex'), 16)
$$;


--
-- Name: alert_route_matches(jsonb, text, text, text, text, text[], text, text); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.alert_route_matches(route jsonb, indicator_id text, unit_code text, unit_kind text, period_kind text, lead_units text[], alertname text, severity text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  SELECT (route -> 'indicators' ? '*' OR route -> 'indicators' ? indicator_id)
     AND CASE route ->> 'units'
           WHEN 'all' THEN true
           WHEN 'province' THEN unit_kind = 'province'
           ELSE route -> 'unit_codes' ? unit_code
         END
     AND route -> 'period_kinds' ? period_kind
     AND (jsonb_typeof(route -> 'lead_units') IS DISTINCT FROM 'array'
          OR route -> 'lead_units' ?| lead_units)
     AND (alertname IS NULL OR route -> 'alertnames' ? alertname)
     AND (severity IS NULL
          OR array_position(ARRAY['warning', 'critical'], severity)
             >= array_position(ARRAY['warning', 'critical'], route ->> 'min_severity'))
$$;


--
-- Name: compute_mark_insert(); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.compute_mark_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7040105, 4);
  INSERT INTO kpi.compute_delta (metric, unit_code, period_start, grain, value)
  SELECT metric, unit_code, period_start, grain, value FROM changed;
  RETURN NULL;
END $$;


--
-- Name: compute_mark_observation(); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.compute_mark_observation() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT DISTINCT metric, unit_code, date_trunc('month', period_start)::date FROM changed;
  RETURN NULL;
END $$;


--
-- Name: compute_mark_unit(); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.compute_mark_unit() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT DISTINCT NULL::text, code, NULL::date FROM changed;
  RETURN NULL;
END $$;


--
-- Name: compute_run(date, date, boolean); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.compute_run(p_from date, p_to date, p_full boolean, OUT run_id bigint, OUT cells_in_scope bigint, OUT cells_changed bigint, OUT findings bigint, OUT from_month date, OUT to_month date, OUT mode text) RETURNS record
    LANGUAGE plpgsql
    SET jit TO 'off'
    SET work_mem TO '256MB'
    SET enable_nestloop TO 'on'
    SET enable_sort TO 'on'
    AS $_$
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
END $_$;


--
-- Name: FUNCTION compute_run(p_from date, p_to date, p_full boolean, OUT run_id bigint, OUT cells_in_scope bigint, OUT cells_changed bigint, OUT findings bigint, OUT from_month date, OUT to_month date, OUT mode text); Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON FUNCTION kpi.compute_run(p_from date, p_to date, p_full boolean, OUT run_id bigint, OUT cells_in_scope bigint, OUT cells_changed bigint, OUT findings bigint, OUT from_month date, OUT to_month date, OUT mode text) IS 'compute the indicator cells of the periods ending in p_from..p_to: all (p_full) or those whose inputs changed; see README, "Computing indicators"';


--
-- Name: grant_role(text, text); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.grant_role(grp text, login text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
BEGIN
  IF grp NOT IN ('kpi_owner', 'kpi_writer', 'kpi_analyst') THEN
    RAISE EXCEPTION 'unknown group role "%"; use kpi_owner, kpi_writer or kpi_analyst', grp
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE format('GRANT %I TO %I', grp, login);
  IF grp <> 'kpi_analyst' THEN
    EXECUTE format('ALTER ROLE %I BYPASSRLS', login);
  END IF;
END
$$;


--
-- Name: half_calendar(date, date); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.half_calendar(p_from date, p_to date) RETURNS TABLE(day date, half date, month date, pk bigint)
    LANGUAGE sql IMMUTABLE STRICT
    AS $$
  SELECT d::date, kpi.half_of(d::date), date_trunc('month', d)::date,
         (d::date - DATE '2000-01-01')::bigint << 47
    FROM generate_series(p_from, p_to, interval '1 day') AS d
$$;


--
-- Name: half_of(date); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.half_of(p_day date) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT
    AS $$
  SELECT CASE WHEN extract(day FROM p_day) >= 15 THEN date_trunc('month', p_day)::date + 14
              ELSE date_trunc('month', p_day)::date END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: indicator; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.indicator (
    id text NOT NULL,
    effective_from date DEFAULT '-infinity'::date NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    plan_ref text NOT NULL,
    kind text NOT NULL,
    numerator_metric text,
    denominator_metric text,
    comparator text,
    target_pct numeric,
    target_text_vi text,
    facility_kind text,
    inner_comparator text,
    inner_target_pct numeric,
    cadence text NOT NULL,
    due_date date,
    lead_units text[] DEFAULT '{}'::text[] NOT NULL,
    support_units text[] DEFAULT '{}'::text[] NOT NULL,
    catalog_version text NOT NULL,
    status_metric text,
    deadline_text_vi text,
    CONSTRAINT indicator_cadence_check CHECK ((cadence = ANY (ARRAY['monthly_ytd'::text, 'ongoing'::text, 'due'::text]))),
    CONSTRAINT indicator_check CHECK (((kind = 'task'::text) OR ((numerator_metric IS NOT NULL) AND (denominator_metric IS NOT NULL) AND (comparator IS NOT NULL) AND (target_pct IS NOT NULL)))),
    CONSTRAINT indicator_check1 CHECK (((kind <> 'share'::text) OR ((facility_kind IS NOT NULL) AND (inner_comparator IS NOT NULL) AND (inner_target_pct IS NOT NULL)))),
    CONSTRAINT indicator_check2 CHECK (((cadence = 'due'::text) = (due_date IS NOT NULL))),
    CONSTRAINT indicator_check3 CHECK (((kind = 'task'::text) = (status_metric IS NOT NULL))),
    CONSTRAINT indicator_check4 CHECK (((kind <> 'task'::text) OR (cadence = 'due'::text))),
    CONSTRAINT indicator_comparator_check CHECK ((comparator = ANY (ARRAY['>'::text, '>='::text]))),
    CONSTRAINT indicator_inner_comparator_check CHECK ((inner_comparator = ANY (ARRAY['>'::text, '>='::text]))),
    CONSTRAINT indicator_inner_target_pct_check CHECK (((inner_target_pct >= (0)::numeric) AND (inner_target_pct <= (100)::numeric))),
    CONSTRAINT indicator_kind_check CHECK ((kind = ANY (ARRAY['ratio'::text, 'share'::text, 'task'::text]))),
    CONSTRAINT indicator_target_pct_check CHECK (((target_pct >= (0)::numeric) AND (target_pct <= (100)::numeric)))
);


--
-- Name: TABLE indicator; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.indicator IS 'the plan''s measurable targets (KH 05/KH-UBND appendix); one row per id and effective_from';


--
-- Name: COLUMN indicator.catalog_version; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.indicator.catalog_version IS 'the catalog version loaded last that holds this row; an older one: the row left the catalog';


--
-- Name: COLUMN indicator.status_metric; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.indicator.status_metric IS 'kind task: the metric the lead unit reports as 1 when the task is done';


--
-- Name: COLUMN indicator.deadline_text_vi; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.indicator.deadline_text_vi IS 'the deadline as the plan words it (Thời gian hoàn thành), e.g. Trước ngày 19/8/2025';


--
-- Name: indicator_at(text, date); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.indicator_at(p_id text, p_start date) RETURNS SETOF kpi.indicator
    LANGUAGE sql STABLE STRICT
    AS $$
  SELECT * FROM kpi.indicator
   WHERE id = p_id AND effective_from <= p_start
   ORDER BY effective_from DESC LIMIT 1
$$;


--
-- Name: indicator_current_ids(); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.indicator_current_ids() RETURNS SETOF text
    LANGUAGE sql STABLE
    AS $$
  SELECT DISTINCT i.id FROM kpi.indicator i
   WHERE NOT EXISTS (SELECT 1 FROM kpi.catalog_load)
      OR i.catalog_version = (SELECT catalog_version FROM kpi.catalog_load
                               ORDER BY loaded_at DESC LIMIT 1)
$$;


--
-- Name: indicator_lineage(text, text, text, text); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.indicator_lineage(p_indicator text, p_unit text, p_period_kind text, p_period_label text) RETURNS TABLE(side text, metric text, unit_code text, period_start date, grain text, value bigint, counted boolean, file_name text, line_no bigint, submission_id bigint, received_at timestamp with time zone)
    LANGUAGE sql STABLE STRICT
    AS $$
  WITH cell AS (
    SELECT v.*, coalesce(cat.status_metric, cat.numerator_metric) AS numerator_metric,
           cat.denominator_metric, cat.kind, cat.facility_kind
      FROM kpi.indicator_value v
      CROSS JOIN LATERAL kpi.indicator_at(v.indicator_id, v.period_start) cat
     WHERE v.indicator_id = p_indicator AND v.unit_code = p_unit
       AND v.period_kind = p_period_kind AND v.period_label = p_period_label
  ),
  units AS (
    SELECT u.code, 0 AS depth, u.parent_code FROM kpi.unit u WHERE u.code = p_unit
    UNION ALL
    SELECT c.code, 1, c.parent_code FROM kpi.unit c WHERE c.parent_code = p_unit
    UNION ALL
    SELECT g.code, 2, g.parent_code FROM kpi.unit c JOIN kpi.unit g ON g.parent_code = c.code
     WHERE c.parent_code = p_unit
  ),
  obs AS (   -- driven by the cell's units, so each look-up uses the primary key
    SELECT s.side, o.*, un.depth, un.parent_code, m.temporal, c.kind,
           o.period_start >= c.period_start
             AND (o.grain = 'day'
                  OR (o.period_start + interval '1 month - 1 day')::date <= c.period_end)
             AS in_window
      FROM cell c
      CROSS JOIN LATERAL (VALUES ('numerator', c.numerator_metric),
                                 ('denominator', c.denominator_metric)) AS s(side, metric)
      JOIN kpi.metric m ON m.code = s.metric
      CROSS JOIN units un
      JOIN kpi.observation o
        ON o.metric = s.metric AND o.unit_code = un.code
       AND o.period_start BETWEEN date_trunc('month', c.period_start) AND c.period_end
       AND (o.grain = 'month' OR o.period_start >= c.period_start)
  ),
  parents AS (SELECT DISTINCT side, unit_code FROM obs WHERE depth = 1),
  marked AS (
    SELECT o.*,
           -- a day under a month-level row of the same unit and month
           o.grain = 'day'
             AND bool_or(o.grain = 'month')
                   OVER (PARTITION BY o.side, o.unit_code, date_trunc('month', o.period_start))
             AS under_month,
           -- a unit above it (inside the cell) reported its own total (ratio cells;
           -- a share judges every facility on its own)
           o.kind <> 'share'
             AND ((o.depth > 0 AND bool_or(o.depth = 0) OVER (PARTITION BY o.side))
                  OR (o.depth = 2 AND p.unit_code IS NOT NULL)) AS under_own,
           row_number() OVER (PARTITION BY o.side, o.unit_code, o.in_window
                              ORDER BY date_trunc('month', o.period_start) DESC,
                                       o.grain = 'month' DESC, o.period_start DESC) AS recency
      FROM obs o
      LEFT JOIN parents p ON p.side = o.side AND p.unit_code = o.parent_code
  )
  SELECT k.side, k.metric, k.unit_code, k.period_start, k.grain, k.value,
         k.in_window AND NOT k.under_own AND NOT k.under_month
           AND (k.temporal = 'flow' OR k.recency = 1),
         sb.file_name, k.line_no, k.submission_id, sb.received_at
    FROM marked k
    LEFT JOIN kpi.submission sb ON sb.id = k.submission_id
   ORDER BY k.side DESC, k.metric, k.unit_code, k.period_start, k.grain
$$;


--
-- Name: FUNCTION indicator_lineage(p_indicator text, p_unit text, p_period_kind text, p_period_label text); Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON FUNCTION kpi.indicator_lineage(p_indicator text, p_unit text, p_period_kind text, p_period_label text) IS 'the observations (file, line, value) one cell was computed from; counted = used in the sum';


--
-- Name: indicator_value; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.indicator_value (
    indicator_id text NOT NULL,
    unit_code text NOT NULL,
    period_kind text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    period_label text NOT NULL,
    numerator bigint,
    denominator bigint,
    ratio_pct numeric,
    comparator text,
    target_pct numeric,
    due_date date,
    status text NOT NULL,
    reason text,
    reason_vi text,
    gap_count bigint,
    completeness_pct numeric,
    units_expected integer,
    units_reporting integer,
    catalog_version text NOT NULL,
    computed_at timestamp with time zone NOT NULL,
    run_id bigint NOT NULL,
    CONSTRAINT indicator_value_check CHECK (((status = ANY (ARRAY['met'::text, 'breach'::text, 'on_track'::text, 'at_risk'::text])) OR (reason IS NOT NULL))),
    CONSTRAINT indicator_value_period_kind_check CHECK ((period_kind = ANY (ARRAY['month'::text, 'ytd'::text, 'quarter'::text, 'half'::text, 'year'::text, 'report_month'::text, 'report_quarter'::text, 'report_half'::text, 'report_9m'::text, 'report_year'::text]))),
    CONSTRAINT indicator_value_ratio_pct_check CHECK (((ratio_pct IS NULL) OR ((ratio_pct >= (0)::numeric) AND (ratio_pct <= (100)::numeric)))),
    CONSTRAINT indicator_value_status_check CHECK ((status = ANY (ARRAY['met'::text, 'breach'::text, 'on_track'::text, 'at_risk'::text, 'no_data'::text, 'invalid'::text])))
)
WITH (fillfactor='50');


--
-- Name: TABLE indicator_value; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.indicator_value IS 'current value of every indicator, unit and period; computed_at = when this value became current';


--
-- Name: COLUMN indicator_value.run_id; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.indicator_value.run_id IS 'the kpi.compute_run that wrote this value (always one of its ids)';


--
-- Name: indicator_series_asof(timestamp with time zone); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.indicator_series_asof(p_at timestamp with time zone) RETURNS SETOF kpi.indicator_value
    LANGUAGE sql STABLE STRICT
    AS $$
  SELECT * FROM kpi.indicator_value WHERE computed_at <= p_at
  UNION ALL
  SELECT indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
         denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
         gap_count,
         completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id
    FROM kpi.indicator_value_history
   WHERE computed_at <= p_at AND p_at < valid_to
$$;


--
-- Name: FUNCTION indicator_series_asof(p_at timestamp with time zone); Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON FUNCTION kpi.indicator_series_asof(p_at timestamp with time zone) IS 'kpi.indicator_value as it stood at that instant (late corrections do not rewrite it)';


--
-- Name: indicator_sort_key(text); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.indicator_sort_key(p_id text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$
  SELECT string_agg(CASE WHEN part ~ '^[0-9]+$' THEN lpad(part, 6, '0') ELSE part END, '.'
                    ORDER BY ord)
    FROM unnest(string_to_array(p_id, '.')) WITH ORDINALITY AS t(part, ord)
$_$;


--
-- Name: observation_load_attach(bigint, date[], text[]); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.observation_load_attach(p_submission bigint, p_months date[], p_units text[]) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog'
    SET maintenance_work_mem TO '1GB'
    SET max_parallel_maintenance_workers TO '2'
    AS $$
DECLARE
  lo date;
  hi date;
  part text;
BEGIN
  SELECT min(m), (max(m) + interval '1 month')::date INTO lo, hi FROM unnest(p_months) AS m;
  IF lo IS NULL THEN
    DROP TABLE kpi.observation_load;
    RETURN 'empty';
  END IF;
  IF p_units IS NULL THEN
    RAISE EXCEPTION 'kpi.observation_load_attach: the units of the file are missing'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  part := format('observation_%s_%s', to_char(lo, 'YYYYMM'), p_submission);
  EXECUTE format('REVOKE ALL ON kpi.observation_load FROM %I', session_user);
  EXECUTE 'ALTER TABLE kpi.observation_load ADD PRIMARY KEY'
          ' (period_start, unit_code, metric, grain)';
  EXECUTE format('ALTER TABLE kpi.observation_load ADD CONSTRAINT %I'
                 ' CHECK (period_start >= %L AND period_start < %L)', part || '_range', lo, hi);
  BEGIN
    EXECUTE format('ALTER TABLE kpi.observation ATTACH PARTITION kpi.observation_load'
                   ' FOR VALUES FROM (%L) TO (%L)', lo, hi);
  EXCEPTION WHEN invalid_object_definition OR check_violation THEN
    -- overlaps a partition, or kpi.observation_default holds rows of those months
    INSERT INTO kpi.observation SELECT * FROM kpi.observation_load;
    DROP TABLE kpi.observation_load;
    RETURN 'inserted';
  END;
  EXECUTE format('ALTER TABLE kpi.observation_load RENAME TO %I', part);
  EXECUTE format('ALTER INDEX kpi.observation_load_pkey RENAME TO %I', part || '_pkey');
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT NULL, u.code, m.month
    FROM (SELECT DISTINCT code FROM unnest(p_units) AS code) AS u
   CROSS JOIN (SELECT DISTINCT date_trunc('month', d)::date AS month FROM unnest(p_months) AS d) AS m;
  RETURN 'attached';
END $$;


--
-- Name: observation_load_begin(); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.observation_load_begin() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog'
    AS $$
BEGIN
  CREATE TABLE kpi.observation_load
    (LIKE kpi.observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
  EXECUTE format('GRANT INSERT ON kpi.observation_load TO %I', session_user);
END $$;


--
-- Name: period_windows(date, date); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.period_windows(p_from date, p_to date) RETURNS TABLE(period_kind text, period_start date, period_end date, period_label text, cut boolean)
    LANGUAGE sql IMMUTABLE STRICT
    AS $$
  WITH m AS (
    SELECT d::date AS m, extract(month FROM d)::int AS mo,
           (d + interval '1 month - 1 day')::date AS m_end,
           (d + interval '13 days')::date AS r_end
      FROM generate_series(date_trunc('month', p_from), date_trunc('month', p_to),
                           interval '1 month') AS d
  )
  SELECT 'month', m, m_end, to_char(m, 'YYYY-MM'), false FROM m
  UNION ALL
  SELECT 'ytd', date_trunc('year', m)::date, m_end, to_char(m, 'YYYY-MM'), false FROM m
  UNION ALL
  SELECT 'quarter', (m - interval '2 months')::date, m_end, to_char(m, 'YYYY-"Q"Q'), false
    FROM m WHERE mo % 3 = 0
  UNION ALL
  SELECT 'half', (m - interval '5 months')::date, m_end, to_char(m, 'YYYY') || '-H' || mo / 6,
         false
    FROM m WHERE mo % 6 = 0
  UNION ALL
  SELECT 'year', date_trunc('year', m)::date, m_end, to_char(m, 'YYYY'), false
    FROM m WHERE mo = 12
  UNION ALL
  SELECT 'report_month', (m - interval '1 month' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY-MM'), true FROM m
  UNION ALL
  SELECT 'report_quarter', (m - interval '3 months' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY-"Q"Q'), true
    FROM m WHERE mo % 3 = 0
  UNION ALL
  SELECT 'report_half', (m - interval '6 months' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY') || '-H' || mo / 6, true
    FROM m WHERE mo % 6 = 0
  UNION ALL
  SELECT 'report_9m', (m - interval '9 months' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY') || '-9M', true
    FROM m WHERE mo = 9
  UNION ALL
  SELECT 'report_year', (m - interval '12 months' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY'), true
    FROM m WHERE mo = 12
$$;


--
-- Name: FUNCTION period_windows(p_from date, p_to date); Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON FUNCTION kpi.period_windows(p_from date, p_to date) IS 'calendar and reporting periods ending in the months p_from..p_to; cut = window cut at the 15th';


--
-- Name: rls_sees_all(name); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.rls_sees_all(who name) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog'
    AS $_$
  SELECT NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'kpi_analyst'
                        AND pg_has_role($1, r.oid, 'USAGE'))
      OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname IN ('kpi_writer', 'kpi_owner')
                    AND pg_has_role($1, r.oid, 'USAGE'))
      OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = $1 AND (r.rolsuper OR r.rolbypassrls))
$_$;


--
-- Name: rls_unit_visible(text, name); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.rls_unit_visible(code text, who name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog'
    AS $_$
  SELECT EXISTS (
    SELECT 1 FROM kpi.analyst_scope s JOIN pg_roles r ON r.rolname = s.role_name
     WHERE pg_has_role($2, r.oid, 'USAGE')
       AND (s.unit_code IS NULL OR s.unit_code = $1
            OR (s.province_totals
                AND EXISTS (SELECT 1 FROM kpi.unit u WHERE u.code = $1 AND u.kind = 'province'))))
$_$;


--
-- Name: setup_roles(); Type: FUNCTION; Schema: kpi; Owner: -
--

CREATE FUNCTION kpi.setup_roles() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
DECLARE
  g text;
  o record;
BEGIN
  FOREACH g IN ARRAY ARRAY['kpi_owner', 'kpi_writer', 'kpi_analyst'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;

  -- the owner: schema kpi, its relations (owned sequences follow their table), its functions
  EXECUTE 'ALTER SCHEMA kpi OWNER TO kpi_owner';
  FOR o IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                 AND d.objid = c.oid AND d.objsubid = 0 AND d.deptype IN ('a', 'i'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO kpi_owner',
                   CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                  WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                                  ELSE 'TABLE' END, o.rel);
  END LOOP;
  FOR o IN SELECT p.oid::regprocedure AS fn FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'kpi'
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO kpi_owner', o.fn);
  END LOOP;
  REVOKE EXECUTE ON FUNCTION kpi.setup_roles(), kpi.grant_role(text, text) FROM PUBLIC;

  -- the writer: data, no DDL (it owns nothing and may not create in schema kpi)
  GRANT USAGE ON SCHEMA kpi TO kpi_writer, kpi_analyst;
  GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA kpi TO kpi_writer;
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA kpi TO kpi_writer;

  -- the analyst: the views, nothing else
  REVOKE ALL ON ALL TABLES IN SCHEMA kpi FROM kpi_analyst;
  FOR o IN SELECT c.oid::regclass AS rel FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('v', 'm')
  LOOP
    EXECUTE format('GRANT SELECT ON %s TO kpi_analyst', o.rel);
  END LOOP;

  -- row-level security on every table holding per-unit rows
  FOR o IN SELECT c.oid::regclass AS rel FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('r', 'p')
              AND c.relname <> 'analyst_scope'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                             AND a.attname = 'unit_code' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', o.rel);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', o.rel);
    EXECUTE format('DROP POLICY IF EXISTS unit_scope ON %s', o.rel);
    -- the sub-select is computed once per statement: writers pay nothing per row
    EXECUTE format('CREATE POLICY unit_scope ON %s USING ((SELECT kpi.rls_sees_all(current_user))'
                   ' OR kpi.rls_unit_visible(unit_code, current_user))', o.rel);
  END LOOP;
END
$$;


--
-- Name: alert; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.alert (
    id bigint NOT NULL,
    fingerprint text NOT NULL,
    kind text NOT NULL,
    alertname text NOT NULL,
    indicator_id text NOT NULL,
    unit_code text NOT NULL,
    period_kind text NOT NULL,
    state text NOT NULL,
    severity text NOT NULL,
    first_period date NOT NULL,
    last_period date NOT NULL,
    last_period_end date NOT NULL,
    consecutive_periods integer NOT NULL,
    status text NOT NULL,
    ratio_pct numeric,
    target_pct numeric,
    comparator text,
    gap_count bigint,
    completeness_pct numeric,
    lead_units text[] DEFAULT '{}'::text[] NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    resolved_at timestamp with time zone,
    last_notified_at timestamp with time zone NOT NULL,
    CONSTRAINT alert_alertname_check CHECK ((alertname = ANY (ARRAY['KpiBreach'::text, 'KpiAtRisk'::text, 'KpiDataMissing'::text]))),
    CONSTRAINT alert_check CHECK (((state = 'resolved'::text) = (resolved_at IS NOT NULL))),
    CONSTRAINT alert_consecutive_periods_check CHECK ((consecutive_periods > 0)),
    CONSTRAINT alert_kind_check CHECK ((kind = ANY (ARRAY['status'::text, 'data'::text]))),
    CONSTRAINT alert_severity_check CHECK ((severity = ANY (ARRAY['warning'::text, 'critical'::text]))),
    CONSTRAINT alert_state_check CHECK ((state = ANY (ARRAY['firing'::text, 'resolved'::text])))
);


--
-- Name: TABLE alert; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.alert IS 'alerts on indicator cells: first_period..last_period are the consecutive breached periods';


--
-- Name: alert_event; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.alert_event (
    id bigint NOT NULL,
    alert_id bigint NOT NULL,
    run_id bigint NOT NULL,
    event text NOT NULL,
    at timestamp with time zone NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    status text NOT NULL,
    previous_status text,
    severity text NOT NULL,
    consecutive_periods integer NOT NULL,
    ratio_pct numeric,
    gap_count bigint,
    completeness_pct numeric,
    CONSTRAINT alert_event_check CHECK (((event = 'restate'::text) = (previous_status IS NOT NULL))),
    CONSTRAINT alert_event_event_check CHECK ((event = ANY (ARRAY['fire'::text, 'reminder'::text, 'escalate'::text, 'resolve'::text, 'restate'::text])))
);


--
-- Name: TABLE alert_event; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.alert_event IS 'every fire, reminder, escalation, resolve and restatement, with the period and status it told';


--
-- Name: alert_event_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.alert_event ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.alert_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: alert_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.alert ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.alert_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: alert_run; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.alert_run (
    id bigint NOT NULL,
    started_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    evaluated_at timestamp with time zone NOT NULL,
    routes_sha256 text NOT NULL,
    settings jsonb NOT NULL
);


--
-- Name: TABLE alert_run; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.alert_run IS 'one row per `kpi alerts` evaluation; evaluated_at is its "now" (--now in tests)';


--
-- Name: alert_run_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.alert_run ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.alert_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: analyst_scope; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.analyst_scope (
    role_name name NOT NULL,
    unit_code text,
    province_totals boolean DEFAULT false NOT NULL
);


--
-- Name: TABLE analyst_scope; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.analyst_scope IS 'which units an analyst role sees: one row per unit (unit_code NULL: every unit); province_totals: also the units of kind province';


--
-- Name: catalog_load; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.catalog_load (
    catalog_version text NOT NULL,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL,
    source_dir text NOT NULL,
    indicators integer NOT NULL,
    metrics integer NOT NULL
);


--
-- Name: TABLE catalog_load; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.catalog_load IS 'every catalog version kpi migrate has loaded, and when';


--
-- Name: COLUMN catalog_load.loaded_at; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.catalog_load.loaded_at IS 'when this version last became the loaded one (a catalog reverted to an older version moves it)';


--
-- Name: compute_delta; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.compute_delta (
    id bigint NOT NULL,
    metric text NOT NULL,
    unit_code text NOT NULL,
    period_start date NOT NULL,
    grain text NOT NULL,
    value bigint NOT NULL,
    queued_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE compute_delta; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.compute_delta IS 'counts inserted into kpi.observation, queued for kpi compute; a run takes the ids up to kpi.compute_run.delta_upto';


--
-- Name: compute_delta_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.compute_delta ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.compute_delta_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: compute_dirty; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.compute_dirty (
    metric text,
    unit_code text NOT NULL,
    month date,
    queued_at timestamp with time zone DEFAULT now() NOT NULL,
    run_id bigint
);


--
-- Name: TABLE compute_dirty; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.compute_dirty IS 'inputs changed since they were last computed (new or revised counts, unit registry changes); run_id NULL = pending';


--
-- Name: compute_run; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.compute_run (
    id bigint NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    mode text NOT NULL,
    from_month date,
    to_month date,
    cells_in_scope bigint DEFAULT 0 NOT NULL,
    cells_changed bigint DEFAULT 0 NOT NULL,
    findings bigint DEFAULT 0 NOT NULL,
    delta_upto bigint,
    CONSTRAINT compute_run_mode_check CHECK ((mode = ANY (ARRAY['full'::text, 'incremental'::text])))
);


--
-- Name: TABLE compute_run; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.compute_run IS 'every kpi compute run: range, mode, how many cells it recomputed and changed';


--
-- Name: COLUMN compute_run.delta_upto; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.compute_run.delta_upto IS 'the last kpi.compute_delta id this run took into account';


--
-- Name: compute_run_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.compute_run ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.compute_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: data_quality_finding; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.data_quality_finding (
    metric text NOT NULL,
    unit_code text NOT NULL,
    period_kind text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    own_value bigint NOT NULL,
    children_sum bigint NOT NULL,
    children_count integer NOT NULL,
    first_run_id bigint NOT NULL,
    last_run_id bigint NOT NULL,
    resolved_at timestamp with time zone
);


--
-- Name: TABLE data_quality_finding; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.data_quality_finding IS 'a unit''s own total differs from the sum of its children; the own total is used';


--
-- Name: delivery; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.delivery (
    id bigint NOT NULL,
    outbox_id bigint NOT NULL,
    attempt integer NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    target text NOT NULL,
    ok boolean NOT NULL,
    http_status integer,
    error text
);


--
-- Name: TABLE delivery; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.delivery IS 'every delivery attempt of `kpi alerts deliver`; target never carries a secret';


--
-- Name: delivery_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.delivery ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.delivery_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: indicator_history; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.indicator_history (
    catalog_version text NOT NULL,
    id text NOT NULL,
    effective_from date NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    plan_ref text NOT NULL,
    kind text NOT NULL,
    numerator_metric text,
    denominator_metric text,
    comparator text,
    target_pct numeric,
    target_text_vi text,
    facility_kind text,
    inner_comparator text,
    inner_target_pct numeric,
    cadence text NOT NULL,
    due_date date,
    lead_units text[] NOT NULL,
    support_units text[] NOT NULL,
    status_metric text,
    deadline_text_vi text
);


--
-- Name: TABLE indicator_history; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.indicator_history IS 'kpi.indicator as each catalog version defined it';


--
-- Name: unit; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.unit (
    code text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    parent_code text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT unit_check CHECK (((kind = 'province'::text) = (parent_code IS NULL))),
    CONSTRAINT unit_code_check CHECK ((code ~ '^[0-9A-Za-z][0-9A-Za-z_.-]*$'::text)),
    CONSTRAINT unit_kind_check CHECK ((kind ~ '^[a-z][a-z0-9_]*$'::text))
);


--
-- Name: TABLE unit; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.unit IS 'province, its communes and wards (xa, phuong, dac_khu), and facilities under their commune';


--
-- Name: indicator_series; Type: VIEW; Schema: kpi; Owner: -
--

CREATE VIEW kpi.indicator_series AS
 SELECT v.indicator_id,
    i.name_vi AS indicator_name_vi,
    i.name_en AS indicator_name_en,
    i.kind AS indicator_kind,
    v.unit_code,
    u.name AS unit_name,
    u.kind AS unit_kind,
    u.parent_code AS unit_parent,
    v.period_kind,
    v.period_label,
    v.period_start,
    v.period_end,
    v.numerator,
    v.denominator,
    v.ratio_pct,
    v.comparator,
    v.target_pct,
    v.due_date,
    v.status,
    v.reason,
    v.reason_vi,
    v.gap_count,
    v.completeness_pct,
    v.units_expected,
    v.units_reporting,
    v.catalog_version,
    v.computed_at,
    v.run_id
   FROM (((kpi.indicator_value v
     JOIN ( SELECT un.code,
            un.name,
            un.kind,
            un.parent_code,
            un.updated_at,
            row_number() OVER (ORDER BY (un.kind <> 'province'::text), (un.name COLLATE "vi-VN-x-icu"), un.code) AS unit_order
           FROM kpi.unit un) u ON ((u.code = v.unit_code)))
     JOIN ( SELECT d.id,
            kpi.indicator_sort_key(d.id) AS id_order
           FROM ( SELECT DISTINCT indicator.id
                   FROM kpi.indicator) d
         OFFSET 0) k ON ((k.id = v.indicator_id)))
     CROSS JOIN LATERAL ( SELECT c.name_vi,
            c.name_en,
            c.kind
           FROM kpi.indicator c
          WHERE ((c.id = v.indicator_id) AND (c.effective_from <= v.period_start))
          ORDER BY c.effective_from DESC
         LIMIT 1) i)
  ORDER BY k.id_order, u.unit_order, v.period_kind, v.period_end;


--
-- Name: VIEW indicator_series; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON VIEW kpi.indicator_series IS 'every computed cell with indicator and unit names, ordered by indicator, province first, unit name (Vietnamese collation), period';


--
-- Name: indicator_latest; Type: VIEW; Schema: kpi; Owner: -
--

CREATE VIEW kpi.indicator_latest AS
 SELECT s.indicator_id,
    s.indicator_name_vi,
    s.indicator_name_en,
    s.indicator_kind,
    s.unit_code,
    s.unit_name,
    s.unit_kind,
    s.unit_parent,
    s.period_kind,
    s.period_label,
    s.period_start,
    s.period_end,
    s.numerator,
    s.denominator,
    s.ratio_pct,
    s.comparator,
    s.target_pct,
    s.due_date,
    s.status,
    s.reason,
    s.reason_vi,
    s.gap_count,
    s.completeness_pct,
    s.units_expected,
    s.units_reporting,
    s.catalog_version,
    s.computed_at,
    s.run_id
   FROM kpi.indicator_series s
  WHERE ((s.indicator_id, s.unit_code, s.period_kind, s.period_end) IN ( SELECT indicator_value.indicator_id,
            indicator_value.unit_code,
            indicator_value.period_kind,
            max(indicator_value.period_end) AS max
           FROM kpi.indicator_value
          WHERE (indicator_value.period_end < CURRENT_DATE)
          GROUP BY indicator_value.indicator_id, indicator_value.unit_code, indicator_value.period_kind));


--
-- Name: VIEW indicator_latest; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON VIEW kpi.indicator_latest IS 'the latest complete period (ended before today) of each indicator, unit and period kind';


--
-- Name: indicator_value_history; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.indicator_value_history (
    indicator_id text NOT NULL,
    unit_code text NOT NULL,
    period_kind text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    period_label text NOT NULL,
    numerator bigint,
    denominator bigint,
    ratio_pct numeric,
    comparator text,
    target_pct numeric,
    due_date date,
    status text NOT NULL,
    reason text,
    reason_vi text,
    gap_count bigint,
    completeness_pct numeric,
    units_expected integer,
    units_reporting integer,
    catalog_version text NOT NULL,
    computed_at timestamp with time zone NOT NULL,
    run_id bigint NOT NULL,
    valid_to timestamp with time zone NOT NULL
);


--
-- Name: TABLE indicator_value_history; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.indicator_value_history IS 'values a later computation replaced: current from computed_at until valid_to';


--
-- Name: metric; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.metric (
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    temporal text NOT NULL,
    catalog_version text NOT NULL,
    CONSTRAINT metric_code_check CHECK ((code ~ '^[a-z][a-z0-9_]*$'::text)),
    CONSTRAINT metric_temporal_check CHECK ((temporal = ANY (ARRAY['flow'::text, 'stock'::text])))
);


--
-- Name: TABLE metric; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.metric IS 'metric codes agencies report (the data contract); temporal: flow = summed over time, stock = last value';


--
-- Name: metric_half; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.metric_half (
    metric text NOT NULL,
    half date NOT NULL,
    unit_code text NOT NULL,
    value bigint NOT NULL,
    last_day date NOT NULL,
    has_month boolean NOT NULL,
    first_day date,
    first_done date
)
WITH (fillfactor='50');


--
-- Name: TABLE metric_half; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.metric_half IS 'derived from kpi.observation by kpi compute: per half month, flow = sum, stock = last value; a month-level row stands for the whole month (has_month)';


--
-- Name: COLUMN metric_half.first_day; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.metric_half.first_day IS 'the earliest day of the half holding a count (status metrics of tasks; else NULL)';


--
-- Name: COLUMN metric_half.first_done; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.metric_half.first_done IS 'the earliest day of the half with a count >= 1 (status metrics of tasks; else NULL)';


--
-- Name: metric_history; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.metric_history (
    catalog_version text NOT NULL,
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    temporal text NOT NULL
);


--
-- Name: TABLE metric_history; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.metric_history IS 'kpi.metric as each catalog version declared it';


--
-- Name: observation; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.observation (
    metric text NOT NULL COLLATE pg_catalog."C",
    unit_code text NOT NULL COLLATE pg_catalog."C",
    period_start date NOT NULL,
    grain text NOT NULL COLLATE pg_catalog."C",
    value bigint NOT NULL,
    submission_id bigint NOT NULL,
    line_no bigint NOT NULL,
    valid_from timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT observation_check CHECK (((grain = 'day'::text) OR (EXTRACT(day FROM period_start) = (1)::numeric))),
    CONSTRAINT observation_grain_check CHECK ((grain = ANY (ARRAY['day'::text, 'month'::text]))),
    CONSTRAINT observation_value_check CHECK ((value >= 0))
)
PARTITION BY RANGE (period_start);


--
-- Name: TABLE observation; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.observation IS 'current value of each count; period_start is the day, or the first day of the month (grain month); partitioned by ranges of months (kpi ingest attaches one partition per file of new months)';


--
-- Name: observation_202502_1; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.observation_202502_1 (
    metric text NOT NULL COLLATE pg_catalog."C",
    unit_code text NOT NULL COLLATE pg_catalog."C",
    period_start date NOT NULL,
    grain text NOT NULL COLLATE pg_catalog."C",
    value bigint NOT NULL,
    submission_id bigint NOT NULL,
    line_no bigint NOT NULL,
    valid_from timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT observation_202502_1_range CHECK (((period_start >= '2025-02-01'::date) AND (period_start < '2025-03-01'::date))),
    CONSTRAINT observation_check CHECK (((grain = 'day'::text) OR (EXTRACT(day FROM period_start) = (1)::numeric))),
    CONSTRAINT observation_grain_check CHECK ((grain = ANY (ARRAY['day'::text, 'month'::text]))),
    CONSTRAINT observation_value_check CHECK ((value >= 0))
);


--
-- Name: observation_default; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.observation_default (
    metric text NOT NULL COLLATE pg_catalog."C",
    unit_code text NOT NULL COLLATE pg_catalog."C",
    period_start date NOT NULL,
    grain text NOT NULL COLLATE pg_catalog."C",
    value bigint NOT NULL,
    submission_id bigint NOT NULL,
    line_no bigint NOT NULL,
    valid_from timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT observation_check CHECK (((grain = 'day'::text) OR (EXTRACT(day FROM period_start) = (1)::numeric))),
    CONSTRAINT observation_grain_check CHECK ((grain = ANY (ARRAY['day'::text, 'month'::text]))),
    CONSTRAINT observation_value_check CHECK ((value >= 0))
);


--
-- Name: observation_superseded; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.observation_superseded (
    metric text NOT NULL COLLATE pg_catalog."C",
    unit_code text NOT NULL COLLATE pg_catalog."C",
    period_start date NOT NULL,
    grain text NOT NULL COLLATE pg_catalog."C",
    value bigint NOT NULL,
    submission_id bigint NOT NULL,
    line_no bigint NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_to timestamp with time zone NOT NULL
);


--
-- Name: observation_history; Type: VIEW; Schema: kpi; Owner: -
--

CREATE VIEW kpi.observation_history AS
 SELECT observation.metric,
    observation.unit_code,
    observation.period_start,
    observation.grain,
    observation.value,
    observation.submission_id,
    observation.line_no,
    observation.valid_from,
    NULL::timestamp with time zone AS valid_to
   FROM kpi.observation
UNION ALL
 SELECT observation_superseded.metric,
    observation_superseded.unit_code,
    observation_superseded.period_start,
    observation_superseded.grain,
    observation_superseded.value,
    observation_superseded.submission_id,
    observation_superseded.line_no,
    observation_superseded.valid_from,
    observation_superseded.valid_to
   FROM kpi.observation_superseded;


--
-- Name: VIEW observation_history; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON VIEW kpi.observation_history IS 'every version of every count: valid_to NULL = current';


--
-- Name: observation_month; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.observation_month (
    metric text NOT NULL,
    month date NOT NULL,
    CONSTRAINT observation_month_month_check CHECK ((EXTRACT(day FROM month) = (1)::numeric))
);


--
-- Name: TABLE observation_month; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.observation_month IS 'months that already hold values, per metric (kpi ingest chooses its loading path with it)';


--
-- Name: outbox; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.outbox (
    id bigint NOT NULL,
    run_id bigint NOT NULL,
    receiver text NOT NULL,
    channel text NOT NULL,
    idempotency_key text NOT NULL,
    payload jsonb NOT NULL,
    subject text NOT NULL,
    body_text text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    delivered_at timestamp with time zone,
    CONSTRAINT outbox_channel_check CHECK ((channel = ANY (ARRAY['webhook'::text, 'email'::text])))
);


--
-- Name: TABLE outbox; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.outbox IS 'notifications written with the alert state; delivered_at NULL = still to send (never dropped)';


--
-- Name: outbox_event; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.outbox_event (
    outbox_id bigint NOT NULL,
    event_id bigint NOT NULL
);


--
-- Name: TABLE outbox_event; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.outbox_event IS 'which alert events each notification carries';


--
-- Name: outbox_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: rejected_row; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.rejected_row (
    submission_id bigint NOT NULL,
    line_no bigint NOT NULL,
    column_name text,
    reason text NOT NULL,
    raw text
);


--
-- Name: COLUMN rejected_row.line_no; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.rejected_row.line_no IS 'the line of the file where the row starts (1 = the header)';


--
-- Name: COLUMN rejected_row.raw; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.rejected_row.raw IS 'the row''s text as received, without its line break';


--
-- Name: run; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.run (
    id bigint NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    status text DEFAULT 'running'::text NOT NULL,
    pid integer,
    host text,
    inbox text,
    stages jsonb DEFAULT '[]'::jsonb NOT NULL,
    error text,
    CONSTRAINT run_check CHECK (((status = 'running'::text) = (finished_at IS NULL))),
    CONSTRAINT run_status_check CHECK ((status = ANY (ARRAY['running'::text, 'succeeded'::text, 'partial'::text, 'failed'::text, 'interrupted'::text])))
);


--
-- Name: TABLE run; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.run IS 'nightly runs: status, per-stage counts and durations in stages (a JSON array), the error of a failed run';


--
-- Name: COLUMN run.stages; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.run.stages IS 'one object per stage in order: {"stage", "started_at", "seconds", "status", "counts": {...}}';


--
-- Name: run_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.run ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: run_stage; Type: VIEW; Schema: kpi; Owner: -
--

CREATE VIEW kpi.run_stage AS
 SELECT r.id AS run_id,
    s.ord,
    (s.elem ->> 'stage'::text) AS stage,
    (s.elem ->> 'status'::text) AS status,
    ((s.elem ->> 'started_at'::text))::timestamp with time zone AS started_at,
    ((s.elem ->> 'seconds'::text))::numeric AS seconds,
    (s.elem -> 'counts'::text) AS counts
   FROM kpi.run r,
    LATERAL jsonb_array_elements(r.stages) WITH ORDINALITY s(elem, ord);


--
-- Name: VIEW run_stage; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON VIEW kpi.run_stage IS 'kpi.run.stages, one row per stage of each run';


--
-- Name: schema_migration; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.schema_migration (
    version integer NOT NULL,
    name text NOT NULL,
    sha256 text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE schema_migration; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.schema_migration IS 'schema versions applied by kpi migrate, one row per sql/NNN_name.sql file';


--
-- Name: submission; Type: TABLE; Schema: kpi; Owner: -
--

CREATE TABLE kpi.submission (
    id bigint NOT NULL,
    file_name text NOT NULL,
    sha256 text NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    status text NOT NULL,
    rows_accepted bigint DEFAULT 0 NOT NULL,
    rows_rejected bigint DEFAULT 0 NOT NULL,
    agency text,
    reason text,
    CONSTRAINT submission_status_check CHECK ((status = ANY (ARRAY['accepted'::text, 'partial'::text, 'rejected'::text])))
);


--
-- Name: TABLE submission; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON TABLE kpi.submission IS 'one row per file kpi ingest received; a rejected file may be sent again once fixed';


--
-- Name: COLUMN submission.status; Type: COMMENT; Schema: kpi; Owner: -
--

COMMENT ON COLUMN kpi.submission.status IS 'accepted: every row kept; partial: some rows in kpi.rejected_row; rejected: the whole file refused (reason)';


--
-- Name: submission_id_seq; Type: SEQUENCE; Schema: kpi; Owner: -
--

ALTER TABLE kpi.submission ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME kpi.submission_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: observation_202502_1; Type: TABLE ATTACH; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.observation ATTACH PARTITION kpi.observation_202502_1 FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');


--
-- Name: observation_default; Type: TABLE ATTACH; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.observation ATTACH PARTITION kpi.observation_default DEFAULT;


--
-- Data for Name: alert; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.alert (id, fingerprint, kind, alertname, indicator_id, unit_code, period_kind, state, severity, first_period, last_period, last_period_end, consecutive_periods, status, ratio_pct, target_pct, comparator, gap_count, completeness_pct, lead_units, opened_at, resolved_at, last_notified_at) FROM stdin;
\.


--
-- Data for Name: alert_event; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.alert_event (id, alert_id, run_id, event, at, period_start, period_end, status, previous_status, severity, consecutive_periods, ratio_pct, gap_count, completeness_pct) FROM stdin;
\.


--
-- Data for Name: alert_run; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.alert_run (id, started_at, evaluated_at, routes_sha256, settings) FROM stdin;
\.


--
-- Data for Name: analyst_scope; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.analyst_scope (role_name, unit_code, province_totals) FROM stdin;
\.


--
-- Data for Name: catalog_load; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.catalog_load (catalog_version, loaded_at, source_dir, indicators, metrics) FROM stdin;
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.152006+07	/work/wt-base/indicators	30	52
\.


--
-- Data for Name: compute_delta; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.compute_delta (id, metric, unit_code, period_start, grain, value, queued_at) FROM stdin;
\.


--
-- Data for Name: compute_dirty; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.compute_dirty (metric, unit_code, month, queued_at, run_id) FROM stdin;
\N	01840-BV1-KCB	\N	2026-12-02 03:06:25.420785+07	1
\N	01843-XD1	\N	2026-12-02 03:06:25.420785+07	1
\N	01849-TYT	\N	2026-12-02 03:06:25.420785+07	1
\N	01840-THCS1	\N	2026-12-02 03:06:25.420785+07	1
\N	01843	\N	2026-12-02 03:06:25.420785+07	1
\N	01849-TH1	\N	2026-12-02 03:06:25.420785+07	1
\N	01840-BV1	\N	2026-12-02 03:06:25.420785+07	1
\N	01849-THCS1	\N	2026-12-02 03:06:25.420785+07	1
\N	01840-XD1	\N	2026-12-02 03:06:25.420785+07	1
\N	01840	\N	2026-12-02 03:06:25.420785+07	1
\N	01840-TH1	\N	2026-12-02 03:06:25.420785+07	1
\N	01843-TYT	\N	2026-12-02 03:06:25.420785+07	1
\N	01849-XD1	\N	2026-12-02 03:06:25.420785+07	1
\N	01849	\N	2026-12-02 03:06:25.420785+07	1
\N	01840-TYT	\N	2026-12-02 03:06:25.420785+07	1
\N	19	\N	2026-12-02 03:06:25.420785+07	1
\N	01843-TH1	\N	2026-12-02 03:06:25.420785+07	1
\N	01843-TYT	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01849-XD1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01849	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01840-BV1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01843-XD1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01840-TYT	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01843-TH1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01840-BV1-KCB	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01849-TYT	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01849-TH1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01840-TH1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01840-THCS1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	19	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01849-THCS1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01840-XD1	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01843	2025-02-01	2026-12-02 03:06:25.601734+07	1
\N	01840	2025-02-01	2026-12-02 03:06:25.601734+07	1
dvc_essential_online	01843	2025-02-01	2026-12-02 03:06:25.82053+07	1
dvc_essential_total	01843	2025-02-01	2026-12-02 03:06:25.82053+07	1
\.


--
-- Data for Name: compute_run; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.compute_run (id, started_at, finished_at, mode, from_month, to_month, cells_in_scope, cells_changed, findings, delta_upto) FROM stdin;
1	2026-12-02 03:06:25.98638+07	2026-12-02 03:06:26.452808+07	full	2025-02-01	2025-02-01	306	306	0	0
\.


--
-- Data for Name: data_quality_finding; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.data_quality_finding (metric, unit_code, period_kind, period_start, period_end, own_value, children_sum, children_count, first_run_id, last_run_id, resolved_at) FROM stdin;
\.


--
-- Data for Name: delivery; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.delivery (id, outbox_id, attempt, at, target, ok, http_status, error) FROM stdin;
\.


--
-- Data for Name: indicator; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.indicator (id, effective_from, name_vi, name_en, plan_ref, kind, numerator_metric, denominator_metric, comparator, target_pct, target_text_vi, facility_kind, inner_comparator, inner_target_pct, cadence, due_date, lead_units, support_units, catalog_version, status_metric, deadline_text_vi) FROM stdin;
1.1	-infinity	Kiểm toàn Tổ Công tác triển khai Đề án 06; cải cách thủ tục hành chính, chuyển đổi số gắn với Đề án 06	Consolidate the Project 06 working group (administrative reform, digital transformation)	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 1.1	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-07-17	{"Các Sở, ban, ngành","UBND các xã, phường"}	{"Công an tỉnh"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_1_1_done	Trước 18/7/2025
1.2	-infinity	Ban hành Kế hoạch triển khai các nhiệm vụ Đề án 06 năm 2025 khi triển khai mô hình chính quyền địa phương 2 cấp	Issue the 2025 Project 06 implementation plan under the two-level local government model	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 1.2	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-07-14	{"Các Sở, ban, ngành","UBND các xã, phường"}	{"Công an tỉnh"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_1_2_done	Trước 15/7/2025
2.3	-infinity	Tham mưu trình Hội đồng nhân dân tỉnh ban hành chính sách thu phí 0 đồng đối với các thủ tục hành chính thực hiện qua dịch vụ công trực tuyến thuộc thẩm quyền của Hội đồng nhân dân cấp tỉnh	Propose to the provincial People's Council a zero-fee policy for administrative procedures done through online public services	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 2.3	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-07-31	{"Sở Tài chính"}	{"Các sở, ngành liên quan"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_2_3_done	Hoàn thành trong 7/2025
3.1	-infinity	Tiếp tục quán triệt, nâng cao chất lượng, tỷ lệ tiếp nhận, giải quyết trực tuyến đối với các dịch vụ công thiết yếu của Đề án 06 đạt trên 80%	Share of the essential Project 06 public services received and handled online	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.1	ratio	dvc_essential_online	dvc_essential_total	>	80	trên 80 %	\N	\N	\N	monthly_ytd	\N	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Chỉ tiêu hàng tháng và cả năm
3.2.a	-infinity	Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử đạt 100%	Share of administrative procedure results issued electronically	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.2	ratio	tthc_result_electronic	tthc_result_total	>=	100	100 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Hoàn thành trong năm 2025
3.2.b	-infinity	Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa tối thiểu 50%	Share of digitised information and data reused	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.2	ratio	tthc_data_reused	tthc_data_reusable	>=	50	tối thiểu 50 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Hoàn thành trong năm 2025
3.2.c	-infinity	Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn đạt 100%	Share of citizen feedback and petitions handled on time	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.2	ratio	feedback_ontime	feedback_due	>=	100	100 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Hoàn thành trong năm 2025
3.2.d	-infinity	Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính đạt tối thiểu 90%	Satisfaction with the reception and handling of administrative procedures	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.2	ratio	satisfaction_satisfied	satisfaction_responses	>=	90	tối thiểu 90 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Hoàn thành trong năm 2025
3.4	-infinity	Tiếp tục rà soát thủ tục hành chính, tái cấu trúc quy trình để cắt giảm, không yêu cầu người dân phải đính kèm giấy tờ khi dữ liệu đã được số hóa, trước mắt ưu tiên đối với dữ liệu đất đai đã được số hóa, nghiên cứu đưa vào tái sử dụng phục vụ cắt giảm các thủ tục hành chính về cư trú như giải pháp tỉnh Bình Dương đã triển khai, trên tinh thần xã, phường nào đã hoàn thành đưa vào sử dụng ngay	Re-engineer administrative procedures so citizens need not attach papers whose data is already digitised (land data first, then residence)	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.4	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-09-30	{"Các sở, ngành liên quan","UBND các xã, phường"}	{"Sở Nông nghiệp và Môi trường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_3_4_done	Quý III/2025
3.5	-infinity	100% thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình và được định danh, xác thực điện tử hoặc xác thực, chia sẻ dữ liệu dân cư	Eligible administrative procedures offered fully online with electronic identification and authentication	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.5	ratio	tthc_full_online_eid	tthc_eligible_online	>=	100	100 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Hoàn thành trong năm 2025
3.6	-infinity	100% kết quả giải quyết thủ tục hành chính của cá nhân được lưu trữ điện tử	Administrative procedure results of individuals archived electronically	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.6	ratio	result_individual_archived	result_individual_issued	>=	100	100 %	\N	\N	\N	monthly_ytd	\N	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)","Sở Khoa học và Công nghệ"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Chỉ tiêu hằng tháng và cả năm
3.7	-infinity	50% mẫu đơn, tờ khai có thông tin công dân được chuẩn hóa thống nhất theo yêu cầu từ dữ liệu gốc của Cơ sở dữ liệu quốc gia về dân cư	Application forms with citizen fields standardised on the National Population Database	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.7	ratio	form_standardized	form_total	>=	50	50 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)","Sở Khoa học và Công nghệ"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Hoàn thành trong năm 2025
4.1	-infinity	bảo đảm tỉ lệ khám chữa bệnh sử dụng thẻ Căn cước/CCCD/VNeID đạt từ 95% trở lên	Share of medical visits using the chip ID card or VNeID	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.1	ratio	checkup_chip_id	checkup_total	>=	95	từ 95 % trở lên	\N	\N	\N	ongoing	\N	{"Sở Y tế"}	{"UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Thực hiện thường xuyên
4.2.1	-infinity	100% đơn vị khám chữa bệnh triển khai thanh toán không dùng tiền mặt trong thanh toán chi phí khám chữa bệnh	Health care providers accepting cashless payment of medical costs	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.2.1	ratio	health_facility_cashless	health_facility_total	>=	100	100 %	\N	\N	\N	ongoing	\N	{"UBND các xã, phường"}	{"Sở Y tế"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Thực hiện thường xuyên
4.2.2	-infinity	Tỷ lệ chi trả an sinh xã hội không dùng tiền mặt đạt từ 80% trở lên	Share of social security payments made without cash	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.2.2	ratio	social_payment_cashless	social_payment_total	>=	80	từ 80 % trở lên	\N	\N	\N	monthly_ytd	\N	{"UBND các xã, phường"}	{"Sở Y tế"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Chỉ tiêu hằng tháng và cả năm
4.2.3	-infinity	Tỷ lệ chi trả lương hưu, trợ cấp xã hội bằng hình thức không dùng tiền mặt đạt từ 70% trở lên	Share of pensions and social allowances paid without cash	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.2.3	ratio	pension_payment_cashless	pension_payment_total	>=	70	từ 70 % trở lên	\N	\N	\N	monthly_ytd	\N	{"UBND các xã, phường"}	{"Bảo hiểm xã hội khu vực X"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Chỉ tiêu hằng tháng và cả năm
4.2.4	-infinity	100% các trường học trên địa bàn tỉnh triển khai thu học phí và các khoản phí khác không dùng tiền mặt đạt 85% trở lên	Schools collecting at least 85 % of tuition and other fees without cash	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.2.4	share	school_fee_cashless	school_fee_total	>=	100	100 % trường học đạt 85 % trở lên	school	>=	85	ongoing	\N	{"Sở Giáo dục và Đào tạo","UBND các xã, phường"}	{"Các sở, ngành liên quan"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Thực hiện thường xuyên
4.5	-infinity	100% cửa hàng kinh doanh bán lẻ xăng dầu trên địa bàn tỉnh áp dụng giải pháp kết nối tự động	Petrol retail stations connected for automatic e-invoicing	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.5	ratio	petrol_station_auto_einvoice	petrol_station_total	>=	100	100 %	\N	\N	\N	ongoing	\N	{"Thuế tỉnh Thái Nguyên"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Thực hiện thường xuyên
5.1.a	-infinity	Tổ chức thu nhận hồ sơ, cấp Căn cước cho 100% công dân từ 14 tuổi trở lên	Citizens aged 14 and over issued an ID card	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.1	ratio	citizen_14plus_id_issued	citizen_14plus	>=	100	100 %	\N	\N	\N	ongoing	\N	{"Công an tỉnh"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Thực hiện thường xuyên
5.1.b	-infinity	phần đầu trên 80% trẻ em dưới 14 tuổi cư trú tại địa bàn được thu nhận hồ sơ, cấp Căn cước	Children under 14 issued an ID card	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.1	ratio	child_under14_id_issued	child_under14	>	80	trên 80 %	\N	\N	\N	ongoing	\N	{"Công an tỉnh"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Thực hiện thường xuyên
5.2	-infinity	Tăng cường công tác tuyên truyền, hướng dẫn người dân đăng ký, kích hoạt tài khoản định danh điện tử cho công dân từ 14 tuổi trở lên trên địa bàn tỉnh, đạt trên 85%	Citizens aged 14 and over with an activated electronic identification (VNeID) account	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.2	ratio	citizen_14plus_vneid_active	citizen_14plus	>	85	trên 85 %	\N	\N	\N	ongoing	\N	{"Công an tỉnh"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Thực hiện thường xuyên
5.3.a	-infinity	phấn đấu 100% doanh nghiệp, hợp tác xã trên địa bàn có tài khoản định danh điện tử	Enterprises and cooperatives with an electronic identification account	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.3	ratio	enterprise_eid	enterprise_total	>=	100	100 %	\N	\N	\N	due	2025-08-18	{"Công an tỉnh"}	{"Sở Nội vụ","Sở Tài Chính","Thuế tỉnh Thái Nguyên","Các sở, ngành có liên quan","UBND các xã, phường và các doanh nghiệp, hợp tác xã..."}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Trước ngày 19/8/2025
5.3.b	-infinity	phấn đấu 100% cơ quan, tổ chức khác trên địa bàn có tài khoản định danh điện tử	Other agencies and organisations with an electronic identification account	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.3	ratio	organization_eid	organization_total	>=	100	100 %	\N	\N	\N	due	2025-08-18	{"Công an tỉnh"}	{"Sở Nội vụ","Sở Tài Chính","Thuế tỉnh Thái Nguyên","Các sở, ngành có liên quan","UBND các xã, phường và các doanh nghiệp, hợp tác xã..."}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Trước ngày 19/8/2025
5.4	-infinity	Phấn đấu 100% các bệnh viện trên tỉnh triển khai Bệnh án điện tử	Hospitals running electronic medical records	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.4	ratio	hospital_emr	hospital_total	>=	100	100 %	\N	\N	\N	due	2025-08-18	{"Sở Y tế"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Trước ngày 19/8/2025
5.5.a	-infinity	Phấn đấu 100% người dân tham gia bảo hiểm y tế, có tài khoản định danh điện tử mức 2 và điện thoại thông minh được tích hợp Sổ sức khỏe điện tử trên ứng dụng VNeID	Insured people with a level-2 electronic identity and a smartphone whose electronic health book is integrated in VNeID	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.5	ratio	ehealthbook_integrated	ehealthbook_eligible	>=	100	100 %	\N	\N	\N	due	2025-08-18	{"Sở Y tế"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Trước ngày 19/8/2025
5.5.b	-infinity	Phấn đấu đến cuối năm 2025 có 100% các cơ sở y tế (công lập và tư nhân) có tỷ lệ người dân sử dụng Sổ sức khỏe điện tử tham gia khám, chữa bệnh đạt tối thiểu 50%	Health facilities where at least 50 % of visits use the electronic health book	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.5	share	checkup_ehealthbook	checkup_total	>=	100	100 % cơ sở y tế đạt tối thiểu 50 %	health_facility	>=	50	due	2025-12-31	{"Sở Y tế"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Phấn đấu đến cuối năm 2025
5.6	-infinity	Triển khai tích hợp các loại giấy tờ đang quản lý, đẩy mạnh làm giàu dữ liệu, sẵn sàng mở rộng và tích hợp các tiện ích mới trên ứng dụng VNeID như xác định tình trạng hôn nhân, thông báo thi hành án dân sự, thông tin về ngân hàng, viễn thông, y tế, giáo dục...	Integrate managed documents and new services (marital status, civil judgment notices, banking, telecom, health, education data) into VNeID	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.6	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-08-31	{"Công an tỉnh"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_5_6_done	Tháng 8/2025
5.7	-infinity	phần đầu 50% dân số trưởng thành có chữ ký số công cộng	Adults holding a public digital signature	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.7	ratio	adult_digital_signature	adult_population	>=	50	50 %	\N	\N	\N	due	2025-08-18	{"Sở Khoa học và Công nghệ"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường","Các đơn vị viễn thông (VNPT; mobifone; Viettel)"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Trước ngày 19/8/2025
5.9	-infinity	Triển khai giải pháp định danh địa điểm, đánh số nhà theo Thông tư số 08 của Bộ trưởng Bộ Xây dựng	Deploy location identification and house numbering under Circular 08 of the Minister of Construction	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.9	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-07-31	{"Sở Xây dựng"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_5_9_done	Tháng 7/2025
7.5	-infinity	Triển khai các giải pháp nhằm đảm bảo tỷ lệ phủ sóng mạng 5G đạt ít nhất 50% số lượng trạm phát sóng 4G hiện nay theo chỉ đạo của các bộ, ngành	5G coverage: 5G base stations as a share of today's 4G base stations	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 7.5	ratio	bts_5g	bts_4g	>=	50	ít nhất 50 %	\N	\N	\N	due	2025-11-30	{"Sở Khoa học và Công nghệ"}	{"Các sở, ngành, địa phương liên quan"}	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	\N	Tháng 11/2025
\.


--
-- Data for Name: indicator_history; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.indicator_history (catalog_version, id, effective_from, name_vi, name_en, plan_ref, kind, numerator_metric, denominator_metric, comparator, target_pct, target_text_vi, facility_kind, inner_comparator, inner_target_pct, cadence, due_date, lead_units, support_units, status_metric, deadline_text_vi) FROM stdin;
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	1.1	-infinity	Kiểm toàn Tổ Công tác triển khai Đề án 06; cải cách thủ tục hành chính, chuyển đổi số gắn với Đề án 06	Consolidate the Project 06 working group (administrative reform, digital transformation)	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 1.1	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-07-17	{"Các Sở, ban, ngành","UBND các xã, phường"}	{"Công an tỉnh"}	task_1_1_done	Trước 18/7/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	1.2	-infinity	Ban hành Kế hoạch triển khai các nhiệm vụ Đề án 06 năm 2025 khi triển khai mô hình chính quyền địa phương 2 cấp	Issue the 2025 Project 06 implementation plan under the two-level local government model	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 1.2	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-07-14	{"Các Sở, ban, ngành","UBND các xã, phường"}	{"Công an tỉnh"}	task_1_2_done	Trước 15/7/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2.3	-infinity	Tham mưu trình Hội đồng nhân dân tỉnh ban hành chính sách thu phí 0 đồng đối với các thủ tục hành chính thực hiện qua dịch vụ công trực tuyến thuộc thẩm quyền của Hội đồng nhân dân cấp tỉnh	Propose to the provincial People's Council a zero-fee policy for administrative procedures done through online public services	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 2.3	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-07-31	{"Sở Tài chính"}	{"Các sở, ngành liên quan"}	task_2_3_done	Hoàn thành trong 7/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.1	-infinity	Tiếp tục quán triệt, nâng cao chất lượng, tỷ lệ tiếp nhận, giải quyết trực tuyến đối với các dịch vụ công thiết yếu của Đề án 06 đạt trên 80%	Share of the essential Project 06 public services received and handled online	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.1	ratio	dvc_essential_online	dvc_essential_total	>	80	trên 80 %	\N	\N	\N	monthly_ytd	\N	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	\N	Chỉ tiêu hàng tháng và cả năm
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.2.a	-infinity	Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử đạt 100%	Share of administrative procedure results issued electronically	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.2	ratio	tthc_result_electronic	tthc_result_total	>=	100	100 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	\N	Hoàn thành trong năm 2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.2.b	-infinity	Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa tối thiểu 50%	Share of digitised information and data reused	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.2	ratio	tthc_data_reused	tthc_data_reusable	>=	50	tối thiểu 50 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	\N	Hoàn thành trong năm 2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.2.c	-infinity	Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn đạt 100%	Share of citizen feedback and petitions handled on time	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.2	ratio	feedback_ontime	feedback_due	>=	100	100 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	\N	Hoàn thành trong năm 2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.2.d	-infinity	Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính đạt tối thiểu 90%	Satisfaction with the reception and handling of administrative procedures	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.2	ratio	satisfaction_satisfied	satisfaction_responses	>=	90	tối thiểu 90 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	\N	Hoàn thành trong năm 2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.4	-infinity	Tiếp tục rà soát thủ tục hành chính, tái cấu trúc quy trình để cắt giảm, không yêu cầu người dân phải đính kèm giấy tờ khi dữ liệu đã được số hóa, trước mắt ưu tiên đối với dữ liệu đất đai đã được số hóa, nghiên cứu đưa vào tái sử dụng phục vụ cắt giảm các thủ tục hành chính về cư trú như giải pháp tỉnh Bình Dương đã triển khai, trên tinh thần xã, phường nào đã hoàn thành đưa vào sử dụng ngay	Re-engineer administrative procedures so citizens need not attach papers whose data is already digitised (land data first, then residence)	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.4	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-09-30	{"Các sở, ngành liên quan","UBND các xã, phường"}	{"Sở Nông nghiệp và Môi trường"}	task_3_4_done	Quý III/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.5	-infinity	100% thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình và được định danh, xác thực điện tử hoặc xác thực, chia sẻ dữ liệu dân cư	Eligible administrative procedures offered fully online with electronic identification and authentication	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.5	ratio	tthc_full_online_eid	tthc_eligible_online	>=	100	100 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)"}	\N	Hoàn thành trong năm 2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.6	-infinity	100% kết quả giải quyết thủ tục hành chính của cá nhân được lưu trữ điện tử	Administrative procedure results of individuals archived electronically	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.6	ratio	result_individual_archived	result_individual_issued	>=	100	100 %	\N	\N	\N	monthly_ytd	\N	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)","Sở Khoa học và Công nghệ"}	\N	Chỉ tiêu hằng tháng và cả năm
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	3.7	-infinity	50% mẫu đơn, tờ khai có thông tin công dân được chuẩn hóa thống nhất theo yêu cầu từ dữ liệu gốc của Cơ sở dữ liệu quốc gia về dân cư	Application forms with citizen fields standardised on the National Population Database	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.7	ratio	form_standardized	form_total	>=	50	50 %	\N	\N	\N	due	2025-12-31	{"Các sở, ban, ngành","UBND các xã, phường"}	{"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)","Sở Khoa học và Công nghệ"}	\N	Hoàn thành trong năm 2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	4.1	-infinity	bảo đảm tỉ lệ khám chữa bệnh sử dụng thẻ Căn cước/CCCD/VNeID đạt từ 95% trở lên	Share of medical visits using the chip ID card or VNeID	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.1	ratio	checkup_chip_id	checkup_total	>=	95	từ 95 % trở lên	\N	\N	\N	ongoing	\N	{"Sở Y tế"}	{"UBND các xã, phường"}	\N	Thực hiện thường xuyên
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	4.2.1	-infinity	100% đơn vị khám chữa bệnh triển khai thanh toán không dùng tiền mặt trong thanh toán chi phí khám chữa bệnh	Health care providers accepting cashless payment of medical costs	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.2.1	ratio	health_facility_cashless	health_facility_total	>=	100	100 %	\N	\N	\N	ongoing	\N	{"UBND các xã, phường"}	{"Sở Y tế"}	\N	Thực hiện thường xuyên
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	4.2.2	-infinity	Tỷ lệ chi trả an sinh xã hội không dùng tiền mặt đạt từ 80% trở lên	Share of social security payments made without cash	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.2.2	ratio	social_payment_cashless	social_payment_total	>=	80	từ 80 % trở lên	\N	\N	\N	monthly_ytd	\N	{"UBND các xã, phường"}	{"Sở Y tế"}	\N	Chỉ tiêu hằng tháng và cả năm
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	4.2.3	-infinity	Tỷ lệ chi trả lương hưu, trợ cấp xã hội bằng hình thức không dùng tiền mặt đạt từ 70% trở lên	Share of pensions and social allowances paid without cash	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.2.3	ratio	pension_payment_cashless	pension_payment_total	>=	70	từ 70 % trở lên	\N	\N	\N	monthly_ytd	\N	{"UBND các xã, phường"}	{"Bảo hiểm xã hội khu vực X"}	\N	Chỉ tiêu hằng tháng và cả năm
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	4.2.4	-infinity	100% các trường học trên địa bàn tỉnh triển khai thu học phí và các khoản phí khác không dùng tiền mặt đạt 85% trở lên	Schools collecting at least 85 % of tuition and other fees without cash	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.2.4	share	school_fee_cashless	school_fee_total	>=	100	100 % trường học đạt 85 % trở lên	school	>=	85	ongoing	\N	{"Sở Giáo dục và Đào tạo","UBND các xã, phường"}	{"Các sở, ngành liên quan"}	\N	Thực hiện thường xuyên
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	4.5	-infinity	100% cửa hàng kinh doanh bán lẻ xăng dầu trên địa bàn tỉnh áp dụng giải pháp kết nối tự động	Petrol retail stations connected for automatic e-invoicing	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 4.5	ratio	petrol_station_auto_einvoice	petrol_station_total	>=	100	100 %	\N	\N	\N	ongoing	\N	{"Thuế tỉnh Thái Nguyên"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	\N	Thực hiện thường xuyên
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.1.a	-infinity	Tổ chức thu nhận hồ sơ, cấp Căn cước cho 100% công dân từ 14 tuổi trở lên	Citizens aged 14 and over issued an ID card	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.1	ratio	citizen_14plus_id_issued	citizen_14plus	>=	100	100 %	\N	\N	\N	ongoing	\N	{"Công an tỉnh"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	\N	Thực hiện thường xuyên
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.1.b	-infinity	phần đầu trên 80% trẻ em dưới 14 tuổi cư trú tại địa bàn được thu nhận hồ sơ, cấp Căn cước	Children under 14 issued an ID card	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.1	ratio	child_under14_id_issued	child_under14	>	80	trên 80 %	\N	\N	\N	ongoing	\N	{"Công an tỉnh"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	\N	Thực hiện thường xuyên
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.2	-infinity	Tăng cường công tác tuyên truyền, hướng dẫn người dân đăng ký, kích hoạt tài khoản định danh điện tử cho công dân từ 14 tuổi trở lên trên địa bàn tỉnh, đạt trên 85%	Citizens aged 14 and over with an activated electronic identification (VNeID) account	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.2	ratio	citizen_14plus_vneid_active	citizen_14plus	>	85	trên 85 %	\N	\N	\N	ongoing	\N	{"Công an tỉnh"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	\N	Thực hiện thường xuyên
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.3.a	-infinity	phấn đấu 100% doanh nghiệp, hợp tác xã trên địa bàn có tài khoản định danh điện tử	Enterprises and cooperatives with an electronic identification account	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.3	ratio	enterprise_eid	enterprise_total	>=	100	100 %	\N	\N	\N	due	2025-08-18	{"Công an tỉnh"}	{"Sở Nội vụ","Sở Tài Chính","Thuế tỉnh Thái Nguyên","Các sở, ngành có liên quan","UBND các xã, phường và các doanh nghiệp, hợp tác xã..."}	\N	Trước ngày 19/8/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.3.b	-infinity	phấn đấu 100% cơ quan, tổ chức khác trên địa bàn có tài khoản định danh điện tử	Other agencies and organisations with an electronic identification account	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.3	ratio	organization_eid	organization_total	>=	100	100 %	\N	\N	\N	due	2025-08-18	{"Công an tỉnh"}	{"Sở Nội vụ","Sở Tài Chính","Thuế tỉnh Thái Nguyên","Các sở, ngành có liên quan","UBND các xã, phường và các doanh nghiệp, hợp tác xã..."}	\N	Trước ngày 19/8/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.4	-infinity	Phấn đấu 100% các bệnh viện trên tỉnh triển khai Bệnh án điện tử	Hospitals running electronic medical records	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.4	ratio	hospital_emr	hospital_total	>=	100	100 %	\N	\N	\N	due	2025-08-18	{"Sở Y tế"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	\N	Trước ngày 19/8/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.5.a	-infinity	Phấn đấu 100% người dân tham gia bảo hiểm y tế, có tài khoản định danh điện tử mức 2 và điện thoại thông minh được tích hợp Sổ sức khỏe điện tử trên ứng dụng VNeID	Insured people with a level-2 electronic identity and a smartphone whose electronic health book is integrated in VNeID	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.5	ratio	ehealthbook_integrated	ehealthbook_eligible	>=	100	100 %	\N	\N	\N	due	2025-08-18	{"Sở Y tế"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	\N	Trước ngày 19/8/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.5.b	-infinity	Phấn đấu đến cuối năm 2025 có 100% các cơ sở y tế (công lập và tư nhân) có tỷ lệ người dân sử dụng Sổ sức khỏe điện tử tham gia khám, chữa bệnh đạt tối thiểu 50%	Health facilities where at least 50 % of visits use the electronic health book	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.5	share	checkup_ehealthbook	checkup_total	>=	100	100 % cơ sở y tế đạt tối thiểu 50 %	health_facility	>=	50	due	2025-12-31	{"Sở Y tế"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	\N	Phấn đấu đến cuối năm 2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.6	-infinity	Triển khai tích hợp các loại giấy tờ đang quản lý, đẩy mạnh làm giàu dữ liệu, sẵn sàng mở rộng và tích hợp các tiện ích mới trên ứng dụng VNeID như xác định tình trạng hôn nhân, thông báo thi hành án dân sự, thông tin về ngân hàng, viễn thông, y tế, giáo dục...	Integrate managed documents and new services (marital status, civil judgment notices, banking, telecom, health, education data) into VNeID	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.6	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-08-31	{"Công an tỉnh"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	task_5_6_done	Tháng 8/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.7	-infinity	phần đầu 50% dân số trưởng thành có chữ ký số công cộng	Adults holding a public digital signature	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.7	ratio	adult_digital_signature	adult_population	>=	50	50 %	\N	\N	\N	due	2025-08-18	{"Sở Khoa học và Công nghệ"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường","Các đơn vị viễn thông (VNPT; mobifone; Viettel)"}	\N	Trước ngày 19/8/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	5.9	-infinity	Triển khai giải pháp định danh địa điểm, đánh số nhà theo Thông tư số 08 của Bộ trưởng Bộ Xây dựng	Deploy location identification and house numbering under Circular 08 of the Minister of Construction	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.9	task	\N	\N	\N	\N	\N	\N	\N	\N	due	2025-07-31	{"Sở Xây dựng"}	{"Các sở, ngành, đoàn thể","UBND các xã, phường"}	task_5_9_done	Tháng 7/2025
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	7.5	-infinity	Triển khai các giải pháp nhằm đảm bảo tỷ lệ phủ sóng mạng 5G đạt ít nhất 50% số lượng trạm phát sóng 4G hiện nay theo chỉ đạo của các bộ, ngành	5G coverage: 5G base stations as a share of today's 4G base stations	KH 05/KH-UBND (14/7/2025), Phụ lục, mục 7.5	ratio	bts_5g	bts_4g	>=	50	ít nhất 50 %	\N	\N	\N	due	2025-11-30	{"Sở Khoa học và Công nghệ"}	{"Các sở, ngành, địa phương liên quan"}	\N	Tháng 11/2025
\.


--
-- Data for Name: indicator_value; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.indicator_value (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator, denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi, gap_count, completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id) FROM stdin;
3.2.c	01840	report_month	2025-01-15	2025-02-14	2025-02	26	38	68.4211	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	12	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01840	month	2025-02-01	2025-02-28	2025-02	9475	10756	88.0904	>	80	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01843	month	2025-02-01	2025-02-28	2025-02	4646	6470	71.8083	>	80	\N	breach	\N	\N	531	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01843	month	2025-02-01	2025-02-28	2025-02	260	287	90.5923	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	27	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01849	ytd	2025-01-01	2025-02-28	2025-02	13419	18017	74.4797	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	4598	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01840	ytd	2025-01-01	2025-02-28	2025-02	223	318	70.1258	>	80	\N	breach	\N	\N	32	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01849	ytd	2025-01-01	2025-02-28	2025-02	61	66	92.4242	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	5	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01843	month	2025-02-01	2025-02-28	2025-02	152	162	93.8272	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	10	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01849	month	2025-02-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01849	ytd	2025-01-01	2025-02-28	2025-02	311	351	88.6040	>	80	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01843	ytd	2025-01-01	2025-02-28	2025-02	82	213	38.4977	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	25	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01840	month	2025-02-01	2025-02-28	2025-02	223	318	70.1258	>	80	\N	breach	\N	\N	32	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01843	month	2025-02-01	2025-02-28	2025-02	209	221	94.5701	>=	100	\N	breach	\N	\N	12	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01840	month	2025-02-01	2025-02-28	2025-02	258	286	90.2098	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	28	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01840	month	2025-02-01	2025-02-28	2025-02	153	165	92.7273	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	12	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01849	ytd	2025-01-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01843	month	2025-02-01	2025-02-28	2025-02	11	31	35.4839	>=	50	2025-11-30	at_risk	due 2025-11-30	hạn 30/11/2025	5	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01849	month	2025-02-01	2025-02-28	2025-02	6829	9629	70.9212	>	80	\N	breach	\N	\N	875	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01840	month	2025-02-01	2025-02-28	2025-02	194	238	81.5126	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	21	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01843	report_month	2025-01-15	2025-02-14	2025-02	121	138	87.6812	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	4	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01849	ytd	2025-01-01	2025-02-28	2025-02	79	96	82.2917	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	17	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01849	month	2025-02-01	2025-02-28	2025-02	95	219	43.3790	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	15	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01849	ytd	2025-01-01	2025-02-28	2025-02	154	164	93.9024	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	10	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01840	month	2025-02-01	2025-02-28	2025-02	9	29	31.0345	>=	50	2025-11-30	at_risk	due 2025-11-30	hạn 30/11/2025	6	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01840	ytd	2025-01-01	2025-02-28	2025-02	9475	10756	88.0904	>	80	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01840	ytd	2025-01-01	2025-02-28	2025-02	34	67	50.7463	>=	50	2025-12-31	on_track	due 2025-12-31	hạn 31/12/2025	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01843	month	2025-02-01	2025-02-28	2025-02	4021	6083	66.1023	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	2062	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01840	month	2025-02-01	2025-02-28	2025-02	7901	21382	36.9516	>=	50	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	2790	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01840	ytd	2025-01-01	2025-02-28	2025-02	220	237	92.8270	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	17	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01840	month	2025-02-01	2025-02-28	2025-02	241	259	93.0502	>=	100	\N	breach	\N	\N	18	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01849	report_month	2025-01-15	2025-02-14	2025-02	162	182	89.0110	>	80	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01849	ytd	2025-01-01	2025-02-28	2025-02	9	27	33.3333	>=	50	2025-11-30	at_risk	due 2025-11-30	hạn 30/11/2025	5	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01843	ytd	2025-01-01	2025-02-28	2025-02	9230	26518	34.8065	>=	50	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	4029	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01843	month	2025-02-01	2025-02-28	2025-02	82	213	38.4977	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	25	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01843	ytd	2025-01-01	2025-02-28	2025-02	266	285	93.3333	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	19	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01843	ytd	2025-01-01	2025-02-28	2025-02	4021	6083	66.1023	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	2062	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01843	report_month	2025-01-15	2025-02-14	2025-02	112	118	94.9153	>=	100	\N	breach	\N	\N	6	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01843	ytd	2025-01-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01840	ytd	2025-01-01	2025-02-28	2025-02	7811	12012	65.0266	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	4201	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01840	month	2025-02-01	2025-02-28	2025-02	7811	12012	65.0266	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	4201	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01840	report_month	2025-01-15	2025-02-14	2025-02	38	110	34.5455	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	17	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	01840	month	2025-02-01	2025-02-28	2025-02	54	77	70.1299	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	23	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01843	month	2025-02-01	2025-02-28	2025-02	266	285	93.3333	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	19	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01840	month	2025-02-01	2025-02-28	2025-02	34	67	50.7463	>=	50	2025-12-31	on_track	due 2025-12-31	hạn 31/12/2025	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01849	month	2025-02-01	2025-02-28	2025-02	154	164	93.9024	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	10	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01840	ytd	2025-01-01	2025-02-28	2025-02	241	259	93.0502	>=	100	\N	breach	\N	\N	18	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01840	ytd	2025-01-01	2025-02-28	2025-02	7901	21382	36.9516	>=	50	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	2790	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01849	month	2025-02-01	2025-02-28	2025-02	8242	17058	48.3175	>=	50	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	287	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01840	month	2025-02-01	2025-02-28	2025-02	45	53	84.9057	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	8	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01843	ytd	2025-01-01	2025-02-28	2025-02	36104	36731	98.2930	>=	100	\N	breach	\N	\N	627	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01843	ytd	2025-01-01	2025-02-28	2025-02	32413	36731	88.2443	>	85	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01849	month	2025-02-01	2025-02-28	2025-02	13419	18017	74.4797	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	4598	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01843	month	2025-02-01	2025-02-28	2025-02	55	64	85.9375	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	9	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01843	month	2025-02-01	2025-02-28	2025-02	238	273	87.1795	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	8	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01843	ytd	2025-01-01	2025-02-28	2025-02	228	316	72.1519	>	80	\N	breach	\N	\N	25	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01840	report_month	2025-01-15	2025-02-14	2025-02	117	167	70.0599	>	80	\N	breach	\N	\N	17	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01843	ytd	2025-01-01	2025-02-28	2025-02	260	287	90.5923	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	27	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01843	ytd	2025-01-01	2025-02-28	2025-02	40	79	50.6329	>=	50	2025-12-31	on_track	due 2025-12-31	hạn 31/12/2025	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01849	ytd	2025-01-01	2025-02-28	2025-02	34031	34214	99.4651	>=	100	\N	breach	\N	\N	183	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01849	ytd	2025-01-01	2025-02-28	2025-02	28350	34214	82.8608	>	85	\N	breach	\N	\N	732	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01849	ytd	2025-01-01	2025-02-28	2025-02	6829	9629	70.9212	>	80	\N	breach	\N	\N	875	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01849	report_month	2025-01-15	2025-02-14	2025-02	105	118	88.9831	>=	100	\N	breach	\N	\N	13	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01840	month	2025-02-01	2025-02-28	2025-02	220	237	92.8270	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	17	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01843	ytd	2025-01-01	2025-02-28	2025-02	4646	6470	71.8083	>	80	\N	breach	\N	\N	531	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	01843	month	2025-02-01	2025-02-28	2025-02	48	64	75.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	16	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01840	ytd	2025-01-01	2025-02-28	2025-02	1	2	50.0000	>=	100	\N	breach	\N	\N	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01840	ytd	2025-01-01	2025-02-28	2025-02	9	29	31.0345	>=	50	2025-11-30	at_risk	due 2025-11-30	hạn 30/11/2025	6	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01840	ytd	2025-01-01	2025-02-28	2025-02	258	286	90.2098	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	28	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01849	ytd	2025-01-01	2025-02-28	2025-02	8242	17058	48.3175	>=	50	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	287	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01843	report_month	2025-01-15	2025-02-14	2025-02	39	104	37.5000	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	13	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01849	month	2025-02-01	2025-02-28	2025-02	214	234	91.4530	>=	100	\N	breach	\N	\N	20	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01840	month	2025-02-01	2025-02-28	2025-02	36743	37026	99.2357	>=	100	\N	breach	\N	\N	283	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01840	month	2025-02-01	2025-02-28	2025-02	29210	37026	78.8905	>	85	\N	breach	\N	\N	2263	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	01849	report_month	2025-01-15	2025-02-14	2025-02	21	30	70.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	9	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01849	month	2025-02-01	2025-02-28	2025-02	253	275	92.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	22	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01840	ytd	2025-01-01	2025-02-28	2025-02	36743	37026	99.2357	>=	100	\N	breach	\N	\N	283	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01840	ytd	2025-01-01	2025-02-28	2025-02	29210	37026	78.8905	>	85	\N	breach	\N	\N	2263	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01840	report_month	2025-01-15	2025-02-14	2025-02	120	133	90.2256	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	13	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01849	month	2025-02-01	2025-02-28	2025-02	61	66	92.4242	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	5	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01849	ytd	2025-01-01	2025-02-28	2025-02	95	219	43.3790	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	15	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	01849	month	2025-02-01	2025-02-28	2025-02	50	67	74.6269	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	17	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01849	month	2025-02-01	2025-02-28	2025-02	311	351	88.6040	>	80	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01843	month	2025-02-01	2025-02-28	2025-02	32413	36731	88.2443	>	85	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01843	month	2025-02-01	2025-02-28	2025-02	36104	36731	98.2930	>=	100	\N	breach	\N	\N	627	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01843	report_month	2025-01-15	2025-02-14	2025-02	122	134	91.0448	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	12	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	01849	ytd	2025-01-01	2025-02-28	2025-02	50	67	74.6269	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	17	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01843	report_month	2025-01-15	2025-02-14	2025-02	107	149	71.8121	>	80	\N	breach	\N	\N	13	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01843	month	2025-02-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01849	month	2025-02-01	2025-02-28	2025-02	79	96	82.2917	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	17	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	01843	report_month	2025-01-15	2025-02-14	2025-02	24	31	77.4194	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	7	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01840	ytd	2025-01-01	2025-02-28	2025-02	153	165	92.7273	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	12	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01849	report_month	2025-01-15	2025-02-14	2025-02	46	105	43.8095	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	7	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	01843	month	2025-02-01	2025-02-28	2025-02	228	316	72.1519	>	80	\N	breach	\N	\N	25	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01849	ytd	2025-01-01	2025-02-28	2025-02	47	94	50.0000	>=	50	2025-12-31	on_track	due 2025-12-31	hạn 31/12/2025	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01849	month	2025-02-01	2025-02-28	2025-02	9	27	33.3333	>=	50	2025-11-30	at_risk	due 2025-11-30	hạn 30/11/2025	5	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01843	ytd	2025-01-01	2025-02-28	2025-02	11	31	35.4839	>=	50	2025-11-30	at_risk	due 2025-11-30	hạn 30/11/2025	5	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01843	ytd	2025-01-01	2025-02-28	2025-02	238	273	87.1795	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	8	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01849	ytd	2025-01-01	2025-02-28	2025-02	253	275	92.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	22	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01840	ytd	2025-01-01	2025-02-28	2025-02	45	53	84.9057	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	8	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01843	ytd	2025-01-01	2025-02-28	2025-02	209	221	94.5701	>=	100	\N	breach	\N	\N	12	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01843	ytd	2025-01-01	2025-02-28	2025-02	152	162	93.8272	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	10	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01849	month	2025-02-01	2025-02-28	2025-02	47	94	50.0000	>=	50	2025-12-31	on_track	due 2025-12-31	hạn 31/12/2025	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01840	report_month	2025-01-15	2025-02-14	2025-02	96	119	80.6723	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	12	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	01843	ytd	2025-01-01	2025-02-28	2025-02	48	64	75.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	16	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01843	month	2025-02-01	2025-02-28	2025-02	9230	26518	34.8065	>=	50	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	4029	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01840	ytd	2025-01-01	2025-02-28	2025-02	81	233	34.7639	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	36	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01849	ytd	2025-01-01	2025-02-28	2025-02	214	234	91.4530	>=	100	\N	breach	\N	\N	20	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	01840	report_month	2025-01-15	2025-02-14	2025-02	113	120	94.1667	>=	100	\N	breach	\N	\N	7	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01849	month	2025-02-01	2025-02-28	2025-02	28350	34214	82.8608	>	85	\N	breach	\N	\N	732	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01849	month	2025-02-01	2025-02-28	2025-02	34031	34214	99.4651	>=	100	\N	breach	\N	\N	183	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	01849	report_month	2025-01-15	2025-02-14	2025-02	119	132	90.1515	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	13	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01840	month	2025-02-01	2025-02-28	2025-02	1	2	50.0000	>=	100	\N	breach	\N	\N	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01843	ytd	2025-01-01	2025-02-28	2025-02	55	64	85.9375	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	9	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	01840	ytd	2025-01-01	2025-02-28	2025-02	54	77	70.1299	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	23	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01840	ytd	2025-01-01	2025-02-28	2025-02	194	238	81.5126	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	21	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	01840	month	2025-02-01	2025-02-28	2025-02	81	233	34.7639	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	36	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01843	month	2025-02-01	2025-02-28	2025-02	40	79	50.6329	>=	50	2025-12-31	on_track	due 2025-12-31	hạn 31/12/2025	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01843	month	2025-02-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01843	ytd	2025-01-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01849	ytd	2025-01-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01849	month	2025-02-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01843	ytd	2025-01-01	2025-02-28	2025-02	505	558	90.5018	>=	95	\N	breach	\N	\N	26	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01843	report_month	2025-01-15	2025-02-14	2025-02	264	289	91.3495	>=	95	\N	breach	\N	\N	11	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01843	month	2025-02-01	2025-02-28	2025-02	505	558	90.5018	>=	95	\N	breach	\N	\N	26	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01849	month	2025-02-01	2025-02-28	2025-02	499	550	90.7273	>=	95	\N	breach	\N	\N	24	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01849	report_month	2025-01-15	2025-02-14	2025-02	285	312	91.3462	>=	95	\N	breach	\N	\N	12	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01849	ytd	2025-01-01	2025-02-28	2025-02	499	550	90.7273	>=	95	\N	breach	\N	\N	24	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01840	ytd	2025-01-01	2025-02-28	2025-02	0	1	0.0000	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	19	ytd	2025-01-01	2025-02-28	2025-02	25251	36112	69.9241	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	10861	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01840	month	2025-02-01	2025-02-28	2025-02	0	1	0.0000	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01840	month	2025-02-01	2025-02-28	2025-02	1162	1254	92.6635	>=	95	\N	breach	\N	\N	30	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01840	report_month	2025-01-15	2025-02-14	2025-02	609	655	92.9771	>=	95	\N	breach	\N	\N	14	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	01840	ytd	2025-01-01	2025-02-28	2025-02	1162	1254	92.6635	>=	95	\N	breach	\N	\N	30	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01840	ytd	2025-01-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01840	month	2025-02-01	2025-02-28	2025-02	1	1	100.0000	>=	100	\N	met	\N	\N	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	19	month	2025-02-01	2025-02-28	2025-02	161	183	87.9781	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	22	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	19	ytd	2025-01-01	2025-02-28	2025-02	3	4	75.0000	>=	100	\N	breach	\N	\N	1	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	19	report_month	2025-01-15	2025-02-14	2025-02	1158	1256	92.1975	>=	95	\N	breach	\N	\N	36	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	19	month	2025-02-01	2025-02-28	2025-02	459	491	93.4827	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	32	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	19	month	2025-02-01	2025-02-28	2025-02	25373	64958	39.0606	>=	50	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	7106	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	19	month	2025-02-01	2025-02-28	2025-02	2166	2362	91.7019	>=	95	\N	breach	\N	\N	78	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	19	month	2025-02-01	2025-02-28	2025-02	3	4	75.0000	>=	100	\N	breach	\N	\N	1	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	19	ytd	2025-01-01	2025-02-28	2025-02	161	183	87.9781	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	22	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	19	ytd	2025-01-01	2025-02-28	2025-02	459	491	93.4827	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	32	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	19	ytd	2025-01-01	2025-02-28	2025-02	25373	64958	39.0606	>=	50	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	7106	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.1	19	ytd	2025-01-01	2025-02-28	2025-02	2166	2362	91.7019	>=	95	\N	breach	\N	\N	78	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	19	ytd	2025-01-01	2025-02-28	2025-02	762	985	77.3604	>	80	\N	breach	\N	\N	27	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	19	month	2025-02-01	2025-02-28	2025-02	664	714	92.9972	>=	100	\N	breach	\N	\N	50	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	19	report_month	2025-01-15	2025-02-14	2025-02	330	356	92.6966	>=	100	\N	breach	\N	\N	26	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	19	ytd	2025-01-01	2025-02-28	2025-02	0	1	0.0000	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	1	33.33	3	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	19	report_month	2025-01-15	2025-02-14	2025-02	386	498	77.5100	>	80	\N	breach	\N	\N	13	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.1	19	month	2025-02-01	2025-02-28	2025-02	762	985	77.3604	>	80	\N	breach	\N	\N	27	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.6	19	ytd	2025-01-01	2025-02-28	2025-02	664	714	92.9972	>=	100	\N	breach	\N	\N	50	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	19	month	2025-02-01	2025-02-28	2025-02	0	1	0.0000	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	1	33.33	3	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	19	month	2025-02-01	2025-02-28	2025-02	89973	107971	83.3307	>	85	\N	breach	\N	\N	1803	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	19	month	2025-02-01	2025-02-28	2025-02	106878	107971	98.9877	>=	100	\N	breach	\N	\N	1093	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	19	ytd	2025-01-01	2025-02-28	2025-02	3	3	100.0000	>=	100	\N	met	\N	\N	0	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	19	ytd	2025-01-01	2025-02-28	2025-02	432	511	84.5401	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	28	66.67	3	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	19	ytd	2025-01-01	2025-02-28	2025-02	89973	107971	83.3307	>	85	\N	breach	\N	\N	1803	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	19	ytd	2025-01-01	2025-02-28	2025-02	106878	107971	98.9877	>=	100	\N	breach	\N	\N	1093	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	19	month	2025-02-01	2025-02-28	2025-02	3	3	100.0000	>=	100	\N	met	\N	\N	0	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	19	report_month	2025-01-15	2025-02-14	2025-02	217	257	84.4358	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	15	66.67	3	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	19	month	2025-02-01	2025-02-28	2025-02	432	511	84.5401	>=	90	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	28	66.67	3	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	19	month	2025-02-01	2025-02-28	2025-02	565	618	91.4239	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	53	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	19	month	2025-02-01	2025-02-28	2025-02	25251	36112	69.9241	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	10861	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	19	ytd	2025-01-01	2025-02-28	2025-02	565	618	91.4239	>=	100	2025-08-18	at_risk	due 2025-08-18	hạn 18/08/2025	53	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	19	month	2025-02-01	2025-02-28	2025-02	29	87	33.3333	>=	50	2025-11-30	at_risk	due 2025-11-30	hạn 30/11/2025	15	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	19	ytd	2025-01-01	2025-02-28	2025-02	152	208	73.0769	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	56	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	19	ytd	2025-01-01	2025-02-28	2025-02	771	848	90.9198	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	77	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	19	ytd	2025-01-01	2025-02-28	2025-02	20950	26855	78.0115	>	80	\N	breach	\N	\N	535	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	19	month	2025-02-01	2025-02-28	2025-02	152	208	73.0769	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	56	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.c	19	report_month	2025-01-15	2025-02-14	2025-02	71	99	71.7172	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	28	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	19	ytd	2025-01-01	2025-02-28	2025-02	29	87	33.3333	>=	50	2025-11-30	at_risk	due 2025-11-30	hạn 30/11/2025	15	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	19	report_month	2025-01-15	2025-02-14	2025-02	361	399	90.4762	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	38	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	19	month	2025-02-01	2025-02-28	2025-02	20950	26855	78.0115	>	80	\N	breach	\N	\N	535	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.a	19	month	2025-02-01	2025-02-28	2025-02	771	848	90.9198	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	77	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	19	ytd	2025-01-01	2025-02-28	2025-02	258	665	38.7970	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	75	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	19	month	2025-02-01	2025-02-28	2025-02	121	240	50.4167	>=	50	2025-12-31	on_track	due 2025-12-31	hạn 31/12/2025	0	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	19	report_month	2025-01-15	2025-02-14	2025-02	123	319	38.5580	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	37	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	19	ytd	2025-01-01	2025-02-28	2025-02	121	240	50.4167	>=	50	2025-12-31	on_track	due 2025-12-31	hạn 31/12/2025	0	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.b	19	month	2025-02-01	2025-02-28	2025-02	258	665	38.7970	>=	50	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	75	100.00	3	3	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of petrol_station_auto_einvoice nor petrol_station_total	không có số liệu petrol_station_auto_einvoice và petrol_station_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of organization_eid nor organization_total	không có số liệu organization_eid và organization_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of enterprise_eid nor enterprise_total	không có số liệu enterprise_eid và enterprise_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-11-30	no_data	no counts of bts_5g nor bts_4g	không có số liệu bts_5g và bts_4g	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-12-31	no_data	no counts of tthc_full_online_eid nor tthc_eligible_online	không có số liệu tthc_full_online_eid và tthc_eligible_online	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-08-18	no_data	no counts of adult_digital_signature nor adult_population	không có số liệu adult_digital_signature và adult_population	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01840	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>	80	\N	no_data	no counts of child_under14_id_issued nor child_under14	không có số liệu child_under14_id_issued và child_under14	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>	85	\N	no_data	no counts of citizen_14plus_vneid_active nor citizen_14plus	không có số liệu citizen_14plus_vneid_active và citizen_14plus	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of citizen_14plus_id_issued nor citizen_14plus	không có số liệu citizen_14plus_id_issued và citizen_14plus	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of health_facility_cashless nor health_facility_total	không có số liệu health_facility_cashless và health_facility_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01840	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of ehealthbook_integrated nor ehealthbook_eligible	không có số liệu ehealthbook_integrated và ehealthbook_eligible	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	19	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>	85	\N	no_data	no counts of citizen_14plus_vneid_active nor citizen_14plus	không có số liệu citizen_14plus_vneid_active và citizen_14plus	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of citizen_14plus_id_issued nor citizen_14plus	không có số liệu citizen_14plus_id_issued và citizen_14plus	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of ehealthbook_integrated nor ehealthbook_eligible	không có số liệu ehealthbook_integrated và ehealthbook_eligible	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01849	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	90	2025-12-31	no_data	no counts of satisfaction_satisfied nor satisfaction_responses	không có số liệu satisfaction_satisfied và satisfaction_responses	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	19	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of petrol_station_auto_einvoice nor petrol_station_total	không có số liệu petrol_station_auto_einvoice và petrol_station_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of hospital_emr nor hospital_total	không có số liệu hospital_emr và hospital_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01849	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	90	2025-12-31	no_data	no counts of satisfaction_satisfied nor satisfaction_responses	không có số liệu satisfaction_satisfied và satisfaction_responses	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.2.d	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	90	2025-12-31	no_data	no counts of satisfaction_satisfied nor satisfaction_responses	không có số liệu satisfaction_satisfied và satisfaction_responses	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of enterprise_eid nor enterprise_total	không có số liệu enterprise_eid và enterprise_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of health_facility_cashless nor health_facility_total	không có số liệu health_facility_cashless và health_facility_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>	85	\N	no_data	no counts of citizen_14plus_vneid_active nor citizen_14plus	không có số liệu citizen_14plus_vneid_active và citizen_14plus	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of citizen_14plus_id_issued nor citizen_14plus	không có số liệu citizen_14plus_id_issued và citizen_14plus	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01849	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01849	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of hospital_emr nor hospital_total	không có số liệu hospital_emr và hospital_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01849	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of petrol_station_auto_einvoice nor petrol_station_total	không có số liệu petrol_station_auto_einvoice và petrol_station_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of organization_eid nor organization_total	không có số liệu organization_eid và organization_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-12-31	no_data	no counts of tthc_full_online_eid nor tthc_eligible_online	không có số liệu tthc_full_online_eid và tthc_eligible_online	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01849	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of hospital_emr nor hospital_total	không có số liệu hospital_emr và hospital_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-08-18	no_data	no counts of adult_digital_signature nor adult_population	không có số liệu adult_digital_signature và adult_population	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of hospital_emr nor hospital_total	không có số liệu hospital_emr và hospital_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of organization_eid nor organization_total	không có số liệu organization_eid và organization_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01843	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of hospital_emr nor hospital_total	không có số liệu hospital_emr và hospital_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-08-18	no_data	no counts of adult_digital_signature nor adult_population	không có số liệu adult_digital_signature và adult_population	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01843	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of hospital_emr nor hospital_total	không có số liệu hospital_emr và hospital_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-12-31	no_data	no counts of form_standardized nor form_total	không có số liệu form_standardized và form_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of enterprise_eid nor enterprise_total	không có số liệu enterprise_eid và enterprise_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-12-31	no_data	no counts of tthc_full_online_eid nor tthc_eligible_online	không có số liệu tthc_full_online_eid và tthc_eligible_online	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01843	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of health_facility_cashless nor health_facility_total	không có số liệu health_facility_cashless và health_facility_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01843	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of hospital_emr nor hospital_total	không có số liệu hospital_emr và hospital_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of ehealthbook_integrated nor ehealthbook_eligible	không có số liệu ehealthbook_integrated và ehealthbook_eligible	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01840	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-12-31	no_data	no counts of form_standardized nor form_total	không có số liệu form_standardized và form_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.4	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of hospital_emr nor hospital_total	không có số liệu hospital_emr và hospital_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01840	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.3	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	70	\N	no_data	no counts of pension_payment_cashless nor pension_payment_total	không có số liệu pension_payment_cashless và pension_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	19	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.5	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-12-31	no_data	no counts of tthc_full_online_eid nor tthc_eligible_online	không có số liệu tthc_full_online_eid và tthc_eligible_online	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-11-30	no_data	no counts of bts_5g nor bts_4g	không có số liệu bts_5g và bts_4g	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-12-31	no_data	no counts of form_standardized nor form_total	không có số liệu form_standardized và form_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.7	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-08-18	no_data	no counts of adult_digital_signature nor adult_population	không có số liệu adult_digital_signature và adult_population	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.b	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of organization_eid nor organization_total	không có số liệu organization_eid và organization_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	19	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.1	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of health_facility_cashless nor health_facility_total	không có số liệu health_facility_cashless và health_facility_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>	80	\N	no_data	no counts of child_under14_id_issued nor child_under14	không có số liệu child_under14_id_issued và child_under14	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.7	19	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-12-31	no_data	no counts of form_standardized nor form_total	không có số liệu form_standardized và form_total	\N	0.00	3	0	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.3.a	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of enterprise_eid nor enterprise_total	không có số liệu enterprise_eid và enterprise_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-11-30	no_data	no counts of bts_5g nor bts_4g	không có số liệu bts_5g và bts_4g	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01849	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01849	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.a	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	2025-08-18	no_data	no counts of ehealthbook_integrated nor ehealthbook_eligible	không có số liệu ehealthbook_integrated và ehealthbook_eligible	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01849	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>	80	\N	no_data	no counts of child_under14_id_issued nor child_under14	không có số liệu child_under14_id_issued và child_under14	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01843	ytd	2025-01-01	2025-02-28	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.a	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of citizen_14plus_id_issued nor citizen_14plus	không có số liệu citizen_14plus_id_issued và citizen_14plus	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.2	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>	85	\N	no_data	no counts of citizen_14plus_vneid_active nor citizen_14plus	không có số liệu citizen_14plus_vneid_active và citizen_14plus	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.1.b	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>	80	\N	no_data	no counts of child_under14_id_issued nor child_under14	không có số liệu child_under14_id_issued và child_under14	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01843	month	2025-02-01	2025-02-28	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
7.5	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	50	2025-11-30	no_data	no counts of bts_5g nor bts_4g	không có số liệu bts_5g và bts_4g	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.2	01843	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	80	\N	no_data	no counts of social_payment_cashless nor social_payment_total	không có số liệu social_payment_cashless và social_payment_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.5	01840	report_month	2025-01-15	2025-02-14	2025-02	\N	\N	\N	>=	100	\N	no_data	no counts of petrol_station_auto_einvoice nor petrol_station_total	không có số liệu petrol_station_auto_einvoice và petrol_station_total	\N	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01849	ytd	2025-01-01	2025-02-28	2025-02	0	2	0.0000	>=	100	\N	breach	\N	\N	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01843	ytd	2025-01-01	2025-02-28	2025-02	0	1	0.0000	>=	100	\N	breach	\N	\N	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01840	ytd	2025-01-01	2025-02-28	2025-02	0	2	0.0000	>=	100	\N	breach	\N	\N	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	19	ytd	2025-01-01	2025-02-28	2025-02	0	5	0.0000	>=	100	\N	breach	\N	\N	5	100.00	5	5	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01849	report_month	2025-01-15	2025-02-14	2025-02	0	1	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01843	report_month	2025-01-15	2025-02-14	2025-02	0	1	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01840	report_month	2025-01-15	2025-02-14	2025-02	0	2	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	19	report_month	2025-01-15	2025-02-14	2025-02	0	4	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	4	100.00	4	4	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01849	report_month	2025-01-15	2025-02-14	2025-02	0	2	0.0000	>=	100	\N	breach	\N	\N	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01843	report_month	2025-01-15	2025-02-14	2025-02	0	1	0.0000	>=	100	\N	breach	\N	\N	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01840	report_month	2025-01-15	2025-02-14	2025-02	0	2	0.0000	>=	100	\N	breach	\N	\N	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	19	report_month	2025-01-15	2025-02-14	2025-02	0	5	0.0000	>=	100	\N	breach	\N	\N	5	100.00	5	5	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01849	month	2025-02-01	2025-02-28	2025-02	0	2	0.0000	>=	100	\N	breach	\N	\N	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01843	month	2025-02-01	2025-02-28	2025-02	0	1	0.0000	>=	100	\N	breach	\N	\N	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	01840	month	2025-02-01	2025-02-28	2025-02	0	2	0.0000	>=	100	\N	breach	\N	\N	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
4.2.4	19	month	2025-02-01	2025-02-28	2025-02	0	5	0.0000	>=	100	\N	breach	\N	\N	5	100.00	5	5	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01849	month	2025-02-01	2025-02-28	2025-02	0	1	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01843	month	2025-02-01	2025-02-28	2025-02	0	1	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01840	month	2025-02-01	2025-02-28	2025-02	0	2	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	19	month	2025-02-01	2025-02-28	2025-02	0	4	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	4	100.00	4	4	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01849	ytd	2025-01-01	2025-02-28	2025-02	0	1	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01843	ytd	2025-01-01	2025-02-28	2025-02	0	1	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	1	100.00	1	1	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	01840	ytd	2025-01-01	2025-02-28	2025-02	0	2	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	2	100.00	2	2	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.5.b	19	ytd	2025-01-01	2025-02-28	2025-02	0	4	0.0000	>=	100	2025-12-31	at_risk	due 2025-12-31	hạn 31/12/2025	4	100.00	4	4	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
1.1	19	month	2025-02-01	2025-02-28	2025-02	1	1	100	\N	\N	2025-07-17	met	done on 2025-02-20	hoàn thành ngày 20/02/2025	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
1.1	19	report_month	2025-01-15	2025-02-14	2025-02	0	1	0	\N	\N	2025-07-17	at_risk	no status reported yet; due 2025-07-17	chưa có báo cáo trạng thái; hạn 17/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
1.1	19	ytd	2025-01-01	2025-02-28	2025-02	1	1	100	\N	\N	2025-07-17	met	done on 2025-02-20	hoàn thành ngày 20/02/2025	0	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
1.2	19	report_month	2025-01-15	2025-02-14	2025-02	0	1	0	\N	\N	2025-07-14	at_risk	not done yet; due 2025-07-14	chưa hoàn thành; hạn 14/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
1.2	19	month	2025-02-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-07-14	at_risk	not done yet; due 2025-07-14	chưa hoàn thành; hạn 14/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
1.2	19	ytd	2025-01-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-07-14	at_risk	not done yet; due 2025-07-14	chưa hoàn thành; hạn 14/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.9	19	report_month	2025-01-15	2025-02-14	2025-02	0	1	0	\N	\N	2025-07-31	at_risk	no status reported yet; due 2025-07-31	chưa có báo cáo trạng thái; hạn 31/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.9	19	ytd	2025-01-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-07-31	at_risk	no status reported yet; due 2025-07-31	chưa có báo cáo trạng thái; hạn 31/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.9	19	month	2025-02-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-07-31	at_risk	no status reported yet; due 2025-07-31	chưa có báo cáo trạng thái; hạn 31/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
2.3	19	month	2025-02-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-07-31	at_risk	no status reported yet; due 2025-07-31	chưa có báo cáo trạng thái; hạn 31/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
2.3	19	ytd	2025-01-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-07-31	at_risk	no status reported yet; due 2025-07-31	chưa có báo cáo trạng thái; hạn 31/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
2.3	19	report_month	2025-01-15	2025-02-14	2025-02	0	1	0	\N	\N	2025-07-31	at_risk	no status reported yet; due 2025-07-31	chưa có báo cáo trạng thái; hạn 31/07/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.4	19	report_month	2025-01-15	2025-02-14	2025-02	0	1	0	\N	\N	2025-09-30	at_risk	no status reported yet; due 2025-09-30	chưa có báo cáo trạng thái; hạn 30/09/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.4	19	ytd	2025-01-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-09-30	at_risk	no status reported yet; due 2025-09-30	chưa có báo cáo trạng thái; hạn 30/09/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
3.4	19	month	2025-02-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-09-30	at_risk	no status reported yet; due 2025-09-30	chưa có báo cáo trạng thái; hạn 30/09/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.6	19	month	2025-02-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-08-31	at_risk	no status reported yet; due 2025-08-31	chưa có báo cáo trạng thái; hạn 31/08/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.6	19	report_month	2025-01-15	2025-02-14	2025-02	0	1	0	\N	\N	2025-08-31	at_risk	no status reported yet; due 2025-08-31	chưa có báo cáo trạng thái; hạn 31/08/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
5.6	19	ytd	2025-01-01	2025-02-28	2025-02	0	1	0	\N	\N	2025-08-31	at_risk	no status reported yet; due 2025-08-31	chưa có báo cáo trạng thái; hạn 31/08/2025	1	\N	\N	\N	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	2026-12-02 03:06:25.98638+07	1
\.


--
-- Data for Name: indicator_value_history; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.indicator_value_history (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator, denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi, gap_count, completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id, valid_to) FROM stdin;
\.


--
-- Data for Name: metric; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.metric (code, name_vi, name_en, temporal, catalog_version) FROM stdin;
dvc_essential_online	Số hồ sơ dịch vụ công thiết yếu của Đề án 06 được tiếp nhận, giải quyết trực tuyến	Essential Project 06 public service dossiers received and handled online	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
dvc_essential_total	Tổng số hồ sơ dịch vụ công thiết yếu của Đề án 06 được tiếp nhận, giải quyết	Essential Project 06 public service dossiers received and handled (all channels)	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
tthc_result_electronic	Số kết quả giải quyết thủ tục hành chính được cấp dưới dạng điện tử	Administrative procedure results issued electronically	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
tthc_result_total	Tổng số kết quả giải quyết thủ tục hành chính được cấp	Administrative procedure results issued (all forms)	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
tthc_data_reused	Số hồ sơ khai thác, sử dụng lại thông tin, dữ liệu đã số hóa	Dossiers that reused digitised information and data	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
tthc_data_reusable	Số hồ sơ có thông tin, dữ liệu đã số hóa có thể sử dụng lại	Dossiers whose information and data were digitised and reusable	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
feedback_ontime	Số phản ánh, kiến nghị được xử lý đúng hạn	Feedback and petitions handled on time	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
feedback_due	Số phản ánh, kiến nghị đến hạn xử lý	Feedback and petitions due for handling	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
satisfaction_satisfied	Số lượt đánh giá hài lòng trong tiếp nhận, giải quyết thủ tục hành chính	Satisfied ratings of the reception and handling of administrative procedures	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
satisfaction_responses	Tổng số lượt đánh giá mức độ hài lòng	Satisfaction ratings received	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
tthc_full_online_eid	Số thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình và được định danh, xác thực điện tử	Eligible administrative procedures offered fully online with electronic identification	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
tthc_eligible_online	Số thủ tục hành chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình	Administrative procedures eligible to be offered fully online	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
result_individual_archived	Số kết quả giải quyết thủ tục hành chính của cá nhân được lưu trữ điện tử	Administrative procedure results of individuals archived electronically	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
result_individual_issued	Số kết quả giải quyết thủ tục hành chính của cá nhân đã cấp	Administrative procedure results issued to individuals	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
form_standardized	Số mẫu đơn, tờ khai được chuẩn hóa từ dữ liệu gốc của Cơ sở dữ liệu quốc gia về dân cư	Forms standardised on the National Population Database	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
form_total	Tổng số mẫu đơn, tờ khai có thông tin công dân	Forms carrying citizen information	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
checkup_chip_id	Số lượt khám chữa bệnh sử dụng thẻ Căn cước/CCCD gắn chip hoặc VNeID	Medical visits using the chip ID card or VNeID	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
checkup_total	Tổng số lượt khám chữa bệnh	Medical visits	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
health_facility_cashless	Số đơn vị khám chữa bệnh triển khai thanh toán không dùng tiền mặt	Health care providers accepting cashless payment	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
health_facility_total	Tổng số đơn vị khám chữa bệnh	Health care providers	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
social_payment_cashless	Số khoản chi trả an sinh xã hội không dùng tiền mặt	Social security payments made without cash	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
social_payment_total	Tổng số khoản chi trả an sinh xã hội	Social security payments	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
pension_payment_cashless	Số khoản chi trả lương hưu, trợ cấp xã hội không dùng tiền mặt	Pension and social allowance payments made without cash	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
pension_payment_total	Tổng số khoản chi trả lương hưu, trợ cấp xã hội	Pension and social allowance payments	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
school_fee_cashless	Số khoản thu học phí và các khoản phí khác không dùng tiền mặt	Tuition and other fee collections made without cash	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
school_fee_total	Tổng số khoản thu học phí và các khoản phí khác	Tuition and other fee collections	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
petrol_station_auto_einvoice	Số cửa hàng bán lẻ xăng dầu áp dụng giải pháp kết nối tự động hóa đơn điện tử	Petrol retail stations connected for automatic e-invoicing	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
petrol_station_total	Tổng số cửa hàng bán lẻ xăng dầu	Petrol retail stations	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
citizen_14plus_id_issued	Số công dân từ 14 tuổi trở lên đã được cấp Căn cước	Citizens aged 14 and over issued an ID card	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
citizen_14plus	Số công dân từ 14 tuổi trở lên	Citizens aged 14 and over	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
child_under14_id_issued	Số trẻ em dưới 14 tuổi đã được cấp Căn cước	Children under 14 issued an ID card	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
child_under14	Số trẻ em dưới 14 tuổi cư trú tại địa bàn	Resident children under 14	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
citizen_14plus_vneid_active	Số công dân từ 14 tuổi trở lên đã kích hoạt tài khoản định danh điện tử	Citizens aged 14 and over with an activated VNeID account	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
enterprise_eid	Số doanh nghiệp, hợp tác xã có tài khoản định danh điện tử	Enterprises and cooperatives with an electronic identification account	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
enterprise_total	Tổng số doanh nghiệp, hợp tác xã trên địa bàn	Enterprises and cooperatives	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
organization_eid	Số cơ quan, tổ chức khác có tài khoản định danh điện tử	Other agencies and organisations with an electronic identification account	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
organization_total	Tổng số cơ quan, tổ chức khác trên địa bàn	Other agencies and organisations	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
hospital_emr	Số bệnh viện triển khai bệnh án điện tử	Hospitals running electronic medical records	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
hospital_total	Tổng số bệnh viện	Hospitals	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
ehealthbook_integrated	Số người dân được tích hợp Sổ sức khỏe điện tử trên ứng dụng VNeID	People whose electronic health book is integrated in VNeID	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
ehealthbook_eligible	Số người dân tham gia bảo hiểm y tế, có tài khoản định danh điện tử mức 2 và điện thoại thông minh	Insured people with a level-2 electronic identity and a smartphone	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
checkup_ehealthbook	Số lượt khám chữa bệnh sử dụng Sổ sức khỏe điện tử	Medical visits using the electronic health book	flow	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
adult_digital_signature	Số người trưởng thành có chữ ký số công cộng	Adults holding a public digital signature	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
adult_population	Dân số trưởng thành	Adult population	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
bts_5g	Số trạm phát sóng 5G	5G base stations	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
bts_4g	Số trạm phát sóng 4G hiện nay	4G base stations today	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
task_1_1_done	Nhiệm vụ 1.1 đã hoàn thành (Kiện toàn Tổ Công tác): 1 = đã hoàn thành, 0 = chưa	Task 1.1 done (working group consolidated): 1 = done, 0 = not yet	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
task_1_2_done	Nhiệm vụ 1.2 đã hoàn thành (Ban hành Kế hoạch triển khai Đề án 06 năm 2025): 1 = đã hoàn thành, 0 = chưa	Task 1.2 done (2025 Project 06 plan issued): 1 = done, 0 = not yet	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
task_2_3_done	Nhiệm vụ 2.3 đã hoàn thành (Trình chính sách thu phí 0 đồng): 1 = đã hoàn thành, 0 = chưa	Task 2.3 done (zero-fee policy proposed): 1 = done, 0 = not yet	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
task_3_4_done	Nhiệm vụ 3.4 đã hoàn thành (Rà soát, tái cấu trúc quy trình thủ tục hành chính): 1 = đã hoàn thành, 0 = chưa	Task 3.4 done (procedures re-engineered): 1 = done, 0 = not yet	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
task_5_6_done	Nhiệm vụ 5.6 đã hoàn thành (Tích hợp giấy tờ, tiện ích mới trên VNeID): 1 = đã hoàn thành, 0 = chưa	Task 5.6 done (documents and services integrated in VNeID): 1 = done, 0 = not yet	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
task_5_9_done	Nhiệm vụ 5.9 đã hoàn thành (Định danh địa điểm, đánh số nhà): 1 = đã hoàn thành, 0 = chưa	Task 5.9 done (locations identified and houses numbered): 1 = done, 0 = not yet	stock	697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb
\.


--
-- Data for Name: metric_half; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.metric_half (metric, half, unit_code, value, last_day, has_month, first_day, first_done) FROM stdin;
form_standardized	2025-02-15	01843	40	2025-02-28	f	\N	\N
tthc_eligible_online	2025-02-15	01840	165	2025-02-28	f	\N	\N
tthc_data_reused	2025-02-01	01840	38	2025-02-14	f	\N	\N
tthc_result_total	2025-02-15	01849	143	2025-02-28	f	\N	\N
bts_4g	2025-02-15	01840	29	2025-02-28	f	\N	\N
form_total	2025-02-15	01840	67	2025-02-28	f	\N	\N
tthc_result_total	2025-02-01	01840	133	2025-02-14	f	\N	\N
school_fee_cashless	2025-02-01	01849-TH1	16	2025-02-14	f	\N	\N
health_facility_total	2025-02-15	01849	1	2025-02-28	f	\N	\N
result_individual_archived	2025-02-15	01849	109	2025-02-28	f	\N	\N
result_individual_archived	2025-02-01	01843	112	2025-02-14	f	\N	\N
enterprise_total	2025-02-15	01840	237	2025-02-28	f	\N	\N
tthc_result_total	2025-02-15	01840	153	2025-02-28	f	\N	\N
citizen_14plus_id_issued	2025-02-15	01843	36104	2025-02-28	f	\N	\N
tthc_data_reusable	2025-02-15	01840	123	2025-02-28	f	\N	\N
tthc_result_total	2025-02-15	01843	153	2025-02-28	f	\N	\N
hospital_total	2025-02-15	01840-BV1	1	2025-02-28	f	\N	\N
satisfaction_satisfied	2025-02-01	01843	121	2025-02-14	f	\N	\N
satisfaction_satisfied	2025-02-15	01840	98	2025-02-28	f	\N	\N
feedback_ontime	2025-02-15	01843	24	2025-02-28	f	\N	\N
school_fee_cashless	2025-02-15	01843-TH1	24	2025-02-28	f	\N	\N
feedback_due	2025-02-01	01849	30	2025-02-14	f	\N	\N
ehealthbook_eligible	2025-02-15	01849	18017	2025-02-28	f	\N	\N
checkup_ehealthbook	2025-02-15	01849-TYT	94	2025-02-28	f	\N	\N
organization_total	2025-02-15	01840	53	2025-02-28	f	\N	\N
tthc_data_reusable	2025-02-15	01843	109	2025-02-28	f	\N	\N
hospital_emr	2025-02-15	01840-BV1	0	2025-02-28	f	\N	\N
child_under14	2025-02-15	01840	10756	2025-02-28	f	\N	\N
petrol_station_total	2025-02-15	01843-XD1	1	2025-02-28	f	\N	\N
dvc_essential_total	2025-02-01	01840	167	2025-02-14	f	\N	\N
organization_total	2025-02-15	01843	64	2025-02-28	f	\N	\N
school_fee_total	2025-02-15	01849-TH1	19	2025-02-28	f	\N	\N
school_fee_cashless	2025-02-15	01849-THCS1	12	2025-02-28	f	\N	\N
checkup_total	2025-02-15	01840-TYT	327	2025-02-28	f	\N	\N
tthc_result_electronic	2025-02-01	01849	119	2025-02-14	f	\N	\N
enterprise_total	2025-02-15	01849	96	2025-02-28	f	\N	\N
checkup_chip_id	2025-02-01	01840-TYT	253	2025-02-14	f	\N	\N
dvc_essential_total	2025-02-01	01849	182	2025-02-14	f	\N	\N
checkup_total	2025-02-15	01843-TYT	269	2025-02-28	f	\N	\N
citizen_14plus_id_issued	2025-02-15	01849	34031	2025-02-28	f	\N	\N
satisfaction_responses	2025-02-01	01840	119	2025-02-14	f	\N	\N
ehealthbook_eligible	2025-02-15	01843	6083	2025-02-28	f	\N	\N
citizen_14plus	2025-02-15	01849	34214	2025-02-28	f	\N	\N
tthc_data_reusable	2025-02-01	01840	110	2025-02-14	f	\N	\N
feedback_ontime	2025-02-01	01843	24	2025-02-14	f	\N	\N
result_individual_issued	2025-02-15	01843	103	2025-02-28	f	\N	\N
result_individual_archived	2025-02-01	01849	105	2025-02-14	f	\N	\N
tthc_data_reused	2025-02-15	01849	49	2025-02-28	f	\N	\N
form_standardized	2025-02-15	01849	47	2025-02-28	f	\N	\N
school_fee_cashless	2025-02-15	01840-THCS1	13	2025-02-28	f	\N	\N
citizen_14plus_id_issued	2025-02-15	01840	36743	2025-02-28	f	\N	\N
result_individual_archived	2025-02-01	01840	113	2025-02-14	f	\N	\N
checkup_ehealthbook	2025-02-01	01843-TYT	96	2025-02-14	f	\N	\N
result_individual_issued	2025-02-01	01840	120	2025-02-14	f	\N	\N
checkup_total	2025-02-15	01849-TYT	238	2025-02-28	f	\N	\N
school_fee_cashless	2025-02-01	01840-THCS1	19	2025-02-14	f	\N	\N
school_fee_total	2025-02-01	01840-THCS1	27	2025-02-14	f	\N	\N
bts_5g	2025-02-15	01840	9	2025-02-28	f	\N	\N
adult_digital_signature	2025-02-15	01843	9230	2025-02-28	f	\N	\N
citizen_14plus	2025-02-15	01843	36731	2025-02-28	f	\N	\N
school_fee_total	2025-02-01	01843-TH1	31	2025-02-14	f	\N	\N
satisfaction_satisfied	2025-02-15	01843	117	2025-02-28	f	\N	\N
enterprise_eid	2025-02-15	01843	266	2025-02-28	f	\N	\N
citizen_14plus	2025-02-15	01840	37026	2025-02-28	f	\N	\N
checkup_chip_id	2025-02-15	01840-TYT	287	2025-02-28	f	\N	\N
checkup_chip_id	2025-02-15	01843-TYT	241	2025-02-28	f	\N	\N
feedback_due	2025-02-01	01843	31	2025-02-14	f	\N	\N
dvc_essential_online	2025-02-15	01843	121	2025-02-28	f	\N	\N
adult_population	2025-02-15	01843	26518	2025-02-28	f	\N	\N
child_under14_id_issued	2025-02-15	01840	9475	2025-02-28	f	\N	\N
school_fee_cashless	2025-02-01	01840-TH1	11	2025-02-14	f	\N	\N
dvc_essential_total	2025-02-15	01843	167	2025-02-28	f	\N	\N
adult_population	2025-02-15	01840	21382	2025-02-28	f	\N	\N
checkup_total	2025-02-15	01840-BV1-KCB	272	2025-02-28	f	\N	\N
feedback_ontime	2025-02-01	01840	26	2025-02-14	f	\N	\N
child_under14_id_issued	2025-02-15	01849	6829	2025-02-28	f	\N	\N
ehealthbook_integrated	2025-02-15	01849	13419	2025-02-28	f	\N	\N
checkup_ehealthbook	2025-02-15	01840-BV1-KCB	84	2025-02-28	f	\N	\N
dvc_essential_online	2025-02-01	01843	107	2025-02-14	f	\N	\N
bts_4g	2025-02-15	01849	27	2025-02-28	f	\N	\N
feedback_due	2025-02-01	01840	38	2025-02-14	f	\N	\N
tthc_result_electronic	2025-02-15	01840	138	2025-02-28	f	\N	\N
petrol_station_total	2025-02-15	01849-XD1	1	2025-02-28	f	\N	\N
enterprise_eid	2025-02-15	01840	220	2025-02-28	f	\N	\N
adult_population	2025-02-15	01849	17058	2025-02-28	f	\N	\N
dvc_essential_online	2025-02-15	01849	149	2025-02-28	f	\N	\N
tthc_data_reused	2025-02-01	01843	39	2025-02-14	f	\N	\N
feedback_ontime	2025-02-15	01840	28	2025-02-28	f	\N	\N
organization_eid	2025-02-15	01849	61	2025-02-28	f	\N	\N
citizen_14plus_vneid_active	2025-02-15	01843	32413	2025-02-28	f	\N	\N
organization_eid	2025-02-15	01843	55	2025-02-28	f	\N	\N
feedback_ontime	2025-02-15	01849	29	2025-02-28	f	\N	\N
checkup_ehealthbook	2025-02-01	01849-TYT	116	2025-02-14	f	\N	\N
tthc_data_reused	2025-02-01	01849	46	2025-02-14	f	\N	\N
school_fee_total	2025-02-15	01849-THCS1	22	2025-02-28	f	\N	\N
result_individual_issued	2025-02-15	01840	139	2025-02-28	f	\N	\N
school_fee_cashless	2025-02-01	01843-TH1	22	2025-02-14	f	\N	\N
tthc_eligible_online	2025-02-15	01849	164	2025-02-28	f	\N	\N
school_fee_total	2025-02-01	01840-TH1	14	2025-02-14	f	\N	\N
child_under14	2025-02-15	01849	9629	2025-02-28	f	\N	\N
satisfaction_satisfied	2025-02-01	01840	96	2025-02-14	f	\N	\N
enterprise_total	2025-02-15	01843	285	2025-02-28	f	\N	\N
tthc_data_reused	2025-02-15	01843	43	2025-02-28	f	\N	\N
citizen_14plus_vneid_active	2025-02-15	01840	29210	2025-02-28	f	\N	\N
adult_digital_signature	2025-02-15	01840	7901	2025-02-28	f	\N	\N
school_fee_cashless	2025-02-15	01849-TH1	12	2025-02-28	f	\N	\N
tthc_result_total	2025-02-01	01843	134	2025-02-14	f	\N	\N
checkup_chip_id	2025-02-01	01840-BV1-KCB	356	2025-02-14	f	\N	\N
tthc_data_reusable	2025-02-15	01849	114	2025-02-28	f	\N	\N
bts_4g	2025-02-15	01843	31	2025-02-28	f	\N	\N
tthc_data_reused	2025-02-15	01840	43	2025-02-28	f	\N	\N
school_fee_total	2025-02-15	01843-TH1	32	2025-02-28	f	\N	\N
child_under14_id_issued	2025-02-15	01843	4646	2025-02-28	f	\N	\N
checkup_chip_id	2025-02-01	01849-TYT	285	2025-02-14	f	\N	\N
school_fee_cashless	2025-02-01	01849-THCS1	19	2025-02-14	f	\N	\N
tthc_eligible_online	2025-02-15	01843	162	2025-02-28	f	\N	\N
tthc_full_online_eid	2025-02-15	01840	153	2025-02-28	f	\N	\N
tthc_result_electronic	2025-02-01	01840	120	2025-02-14	f	\N	\N
result_individual_issued	2025-02-01	01843	118	2025-02-14	f	\N	\N
citizen_14plus_vneid_active	2025-02-15	01849	28350	2025-02-28	f	\N	\N
organization_total	2025-02-15	01849	66	2025-02-28	f	\N	\N
feedback_ontime	2025-02-01	01849	21	2025-02-14	f	\N	\N
organization_eid	2025-02-15	01840	45	2025-02-28	f	\N	\N
checkup_total	2025-02-01	01840-BV1-KCB	368	2025-02-14	f	\N	\N
school_fee_total	2025-02-15	01840-THCS1	19	2025-02-28	f	\N	\N
form_standardized	2025-02-15	01840	34	2025-02-28	f	\N	\N
health_facility_total	2025-02-15	01840	2	2025-02-28	f	\N	\N
feedback_due	2025-02-15	01849	37	2025-02-28	f	\N	\N
satisfaction_responses	2025-02-15	01840	119	2025-02-28	f	\N	\N
dvc_essential_online	2025-02-01	01849	162	2025-02-14	f	\N	\N
task_1_2_done	2025-02-01	19	0	2025-02-10	f	2025-02-10	\N
health_facility_cashless	2025-02-15	01840	1	2025-02-28	f	\N	\N
dvc_essential_online	2025-02-15	01840	106	2025-02-28	f	\N	\N
result_individual_archived	2025-02-15	01843	97	2025-02-28	f	\N	\N
checkup_ehealthbook	2025-02-01	01840-TYT	104	2025-02-14	f	\N	\N
child_under14	2025-02-15	01843	6470	2025-02-28	f	\N	\N
tthc_result_electronic	2025-02-15	01843	138	2025-02-28	f	\N	\N
result_individual_issued	2025-02-15	01849	116	2025-02-28	f	\N	\N
feedback_due	2025-02-15	01843	33	2025-02-28	f	\N	\N
bts_5g	2025-02-15	01849	9	2025-02-28	f	\N	\N
ehealthbook_eligible	2025-02-15	01840	12012	2025-02-28	f	\N	\N
petrol_station_total	2025-02-15	01840-XD1	1	2025-02-28	f	\N	\N
checkup_ehealthbook	2025-02-15	01843-TYT	93	2025-02-28	f	\N	\N
tthc_result_electronic	2025-02-01	01843	122	2025-02-14	f	\N	\N
dvc_essential_total	2025-02-01	01843	149	2025-02-14	f	\N	\N
tthc_result_electronic	2025-02-15	01849	134	2025-02-28	f	\N	\N
tthc_result_total	2025-02-01	01849	132	2025-02-14	f	\N	\N
school_fee_total	2025-02-01	01849-TH1	25	2025-02-14	f	\N	\N
petrol_station_auto_einvoice	2025-02-15	01849-XD1	1	2025-02-28	f	\N	\N
ehealthbook_integrated	2025-02-15	01843	4021	2025-02-28	f	\N	\N
form_total	2025-02-15	01849	94	2025-02-28	f	\N	\N
adult_digital_signature	2025-02-15	01849	8242	2025-02-28	f	\N	\N
school_fee_total	2025-02-15	01840-TH1	28	2025-02-28	f	\N	\N
satisfaction_responses	2025-02-15	01843	135	2025-02-28	f	\N	\N
satisfaction_responses	2025-02-01	01843	138	2025-02-14	f	\N	\N
health_facility_cashless	2025-02-15	01849	1	2025-02-28	f	\N	\N
feedback_due	2025-02-15	01840	39	2025-02-28	f	\N	\N
enterprise_eid	2025-02-15	01849	79	2025-02-28	f	\N	\N
school_fee_total	2025-02-01	01849-THCS1	33	2025-02-14	f	\N	\N
dvc_essential_total	2025-02-15	01849	169	2025-02-28	f	\N	\N
task_1_1_done	2025-02-15	19	1	2025-02-20	f	2025-02-20	2025-02-20
tthc_data_reusable	2025-02-01	01849	105	2025-02-14	f	\N	\N
checkup_chip_id	2025-02-01	01843-TYT	264	2025-02-14	f	\N	\N
checkup_chip_id	2025-02-15	01849-TYT	214	2025-02-28	f	\N	\N
checkup_chip_id	2025-02-15	01840-BV1-KCB	266	2025-02-28	f	\N	\N
petrol_station_auto_einvoice	2025-02-15	01840-XD1	1	2025-02-28	f	\N	\N
checkup_ehealthbook	2025-02-15	01840-TYT	118	2025-02-28	f	\N	\N
tthc_data_reusable	2025-02-01	01843	104	2025-02-14	f	\N	\N
ehealthbook_integrated	2025-02-15	01840	7811	2025-02-28	f	\N	\N
checkup_total	2025-02-01	01840-TYT	287	2025-02-14	f	\N	\N
result_individual_archived	2025-02-15	01840	128	2025-02-28	f	\N	\N
petrol_station_auto_einvoice	2025-02-15	01843-XD1	1	2025-02-28	f	\N	\N
dvc_essential_online	2025-02-01	01840	117	2025-02-14	f	\N	\N
health_facility_total	2025-02-15	01843	1	2025-02-28	f	\N	\N
form_total	2025-02-15	01843	79	2025-02-28	f	\N	\N
dvc_essential_total	2025-02-15	01840	151	2025-02-28	f	\N	\N
school_fee_cashless	2025-02-15	01840-TH1	24	2025-02-28	f	\N	\N
health_facility_cashless	2025-02-15	01843	1	2025-02-28	f	\N	\N
checkup_total	2025-02-01	01843-TYT	289	2025-02-14	f	\N	\N
tthc_full_online_eid	2025-02-15	01843	152	2025-02-28	f	\N	\N
checkup_total	2025-02-01	01849-TYT	312	2025-02-14	f	\N	\N
result_individual_issued	2025-02-01	01849	118	2025-02-14	f	\N	\N
tthc_full_online_eid	2025-02-15	01849	154	2025-02-28	f	\N	\N
checkup_ehealthbook	2025-02-01	01840-BV1-KCB	118	2025-02-14	f	\N	\N
bts_5g	2025-02-15	01843	11	2025-02-28	f	\N	\N
\.


--
-- Data for Name: metric_history; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.metric_history (catalog_version, code, name_vi, name_en, temporal) FROM stdin;
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	dvc_essential_online	Số hồ sơ dịch vụ công thiết yếu của Đề án 06 được tiếp nhận, giải quyết trực tuyến	Essential Project 06 public service dossiers received and handled online	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	dvc_essential_total	Tổng số hồ sơ dịch vụ công thiết yếu của Đề án 06 được tiếp nhận, giải quyết	Essential Project 06 public service dossiers received and handled (all channels)	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	tthc_result_electronic	Số kết quả giải quyết thủ tục hành chính được cấp dưới dạng điện tử	Administrative procedure results issued electronically	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	tthc_result_total	Tổng số kết quả giải quyết thủ tục hành chính được cấp	Administrative procedure results issued (all forms)	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	tthc_data_reused	Số hồ sơ khai thác, sử dụng lại thông tin, dữ liệu đã số hóa	Dossiers that reused digitised information and data	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	tthc_data_reusable	Số hồ sơ có thông tin, dữ liệu đã số hóa có thể sử dụng lại	Dossiers whose information and data were digitised and reusable	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	feedback_ontime	Số phản ánh, kiến nghị được xử lý đúng hạn	Feedback and petitions handled on time	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	feedback_due	Số phản ánh, kiến nghị đến hạn xử lý	Feedback and petitions due for handling	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	satisfaction_satisfied	Số lượt đánh giá hài lòng trong tiếp nhận, giải quyết thủ tục hành chính	Satisfied ratings of the reception and handling of administrative procedures	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	satisfaction_responses	Tổng số lượt đánh giá mức độ hài lòng	Satisfaction ratings received	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	tthc_full_online_eid	Số thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình và được định danh, xác thực điện tử	Eligible administrative procedures offered fully online with electronic identification	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	tthc_eligible_online	Số thủ tục hành chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình	Administrative procedures eligible to be offered fully online	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	result_individual_archived	Số kết quả giải quyết thủ tục hành chính của cá nhân được lưu trữ điện tử	Administrative procedure results of individuals archived electronically	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	result_individual_issued	Số kết quả giải quyết thủ tục hành chính của cá nhân đã cấp	Administrative procedure results issued to individuals	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	form_standardized	Số mẫu đơn, tờ khai được chuẩn hóa từ dữ liệu gốc của Cơ sở dữ liệu quốc gia về dân cư	Forms standardised on the National Population Database	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	form_total	Tổng số mẫu đơn, tờ khai có thông tin công dân	Forms carrying citizen information	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	checkup_chip_id	Số lượt khám chữa bệnh sử dụng thẻ Căn cước/CCCD gắn chip hoặc VNeID	Medical visits using the chip ID card or VNeID	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	checkup_total	Tổng số lượt khám chữa bệnh	Medical visits	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	health_facility_cashless	Số đơn vị khám chữa bệnh triển khai thanh toán không dùng tiền mặt	Health care providers accepting cashless payment	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	health_facility_total	Tổng số đơn vị khám chữa bệnh	Health care providers	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	social_payment_cashless	Số khoản chi trả an sinh xã hội không dùng tiền mặt	Social security payments made without cash	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	social_payment_total	Tổng số khoản chi trả an sinh xã hội	Social security payments	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	pension_payment_cashless	Số khoản chi trả lương hưu, trợ cấp xã hội không dùng tiền mặt	Pension and social allowance payments made without cash	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	pension_payment_total	Tổng số khoản chi trả lương hưu, trợ cấp xã hội	Pension and social allowance payments	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	school_fee_cashless	Số khoản thu học phí và các khoản phí khác không dùng tiền mặt	Tuition and other fee collections made without cash	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	school_fee_total	Tổng số khoản thu học phí và các khoản phí khác	Tuition and other fee collections	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	petrol_station_auto_einvoice	Số cửa hàng bán lẻ xăng dầu áp dụng giải pháp kết nối tự động hóa đơn điện tử	Petrol retail stations connected for automatic e-invoicing	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	petrol_station_total	Tổng số cửa hàng bán lẻ xăng dầu	Petrol retail stations	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	citizen_14plus_id_issued	Số công dân từ 14 tuổi trở lên đã được cấp Căn cước	Citizens aged 14 and over issued an ID card	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	citizen_14plus	Số công dân từ 14 tuổi trở lên	Citizens aged 14 and over	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	child_under14_id_issued	Số trẻ em dưới 14 tuổi đã được cấp Căn cước	Children under 14 issued an ID card	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	child_under14	Số trẻ em dưới 14 tuổi cư trú tại địa bàn	Resident children under 14	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	citizen_14plus_vneid_active	Số công dân từ 14 tuổi trở lên đã kích hoạt tài khoản định danh điện tử	Citizens aged 14 and over with an activated VNeID account	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	enterprise_eid	Số doanh nghiệp, hợp tác xã có tài khoản định danh điện tử	Enterprises and cooperatives with an electronic identification account	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	enterprise_total	Tổng số doanh nghiệp, hợp tác xã trên địa bàn	Enterprises and cooperatives	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	organization_eid	Số cơ quan, tổ chức khác có tài khoản định danh điện tử	Other agencies and organisations with an electronic identification account	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	organization_total	Tổng số cơ quan, tổ chức khác trên địa bàn	Other agencies and organisations	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	hospital_emr	Số bệnh viện triển khai bệnh án điện tử	Hospitals running electronic medical records	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	hospital_total	Tổng số bệnh viện	Hospitals	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	ehealthbook_integrated	Số người dân được tích hợp Sổ sức khỏe điện tử trên ứng dụng VNeID	People whose electronic health book is integrated in VNeID	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	ehealthbook_eligible	Số người dân tham gia bảo hiểm y tế, có tài khoản định danh điện tử mức 2 và điện thoại thông minh	Insured people with a level-2 electronic identity and a smartphone	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	checkup_ehealthbook	Số lượt khám chữa bệnh sử dụng Sổ sức khỏe điện tử	Medical visits using the electronic health book	flow
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	adult_digital_signature	Số người trưởng thành có chữ ký số công cộng	Adults holding a public digital signature	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	adult_population	Dân số trưởng thành	Adult population	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	bts_5g	Số trạm phát sóng 5G	5G base stations	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	bts_4g	Số trạm phát sóng 4G hiện nay	4G base stations today	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_1_1_done	Nhiệm vụ 1.1 đã hoàn thành (Kiện toàn Tổ Công tác): 1 = đã hoàn thành, 0 = chưa	Task 1.1 done (working group consolidated): 1 = done, 0 = not yet	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_1_2_done	Nhiệm vụ 1.2 đã hoàn thành (Ban hành Kế hoạch triển khai Đề án 06 năm 2025): 1 = đã hoàn thành, 0 = chưa	Task 1.2 done (2025 Project 06 plan issued): 1 = done, 0 = not yet	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_2_3_done	Nhiệm vụ 2.3 đã hoàn thành (Trình chính sách thu phí 0 đồng): 1 = đã hoàn thành, 0 = chưa	Task 2.3 done (zero-fee policy proposed): 1 = done, 0 = not yet	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_3_4_done	Nhiệm vụ 3.4 đã hoàn thành (Rà soát, tái cấu trúc quy trình thủ tục hành chính): 1 = đã hoàn thành, 0 = chưa	Task 3.4 done (procedures re-engineered): 1 = done, 0 = not yet	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_5_6_done	Nhiệm vụ 5.6 đã hoàn thành (Tích hợp giấy tờ, tiện ích mới trên VNeID): 1 = đã hoàn thành, 0 = chưa	Task 5.6 done (documents and services integrated in VNeID): 1 = done, 0 = not yet	stock
697101241c1b6fe7a67262b18c95a8cfb4dcb5d3241c30ad26c65961d5cd51fb	task_5_9_done	Nhiệm vụ 5.9 đã hoàn thành (Định danh địa điểm, đánh số nhà): 1 = đã hoàn thành, 0 = chưa	Task 5.9 done (locations identified and houses numbered): 1 = done, 0 = not yet	stock
\.


--
-- Data for Name: observation_202502_1; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.observation_202502_1 (metric, unit_code, period_start, grain, value, submission_id, line_no, valid_from) FROM stdin;
dvc_essential_online	01840	2025-02-01	day	6	1	2	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-01	day	10	1	3	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-02	day	11	1	4	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-02	day	16	1	5	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-03	day	11	1	6	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-03	day	16	1	7	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-04	day	11	1	8	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-04	day	15	1	9	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-05	day	10	1	10	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-05	day	14	1	11	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-06	day	5	1	12	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-06	day	8	1	13	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-07	day	9	1	14	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-07	day	12	1	15	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-08	day	6	1	16	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-08	day	9	1	17	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-09	day	9	1	18	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-09	day	12	1	19	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-10	day	4	1	20	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-10	day	6	1	21	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-11	day	13	1	22	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-11	day	17	1	23	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-12	day	10	1	24	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-12	day	14	1	25	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-13	day	5	1	26	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-13	day	6	1	27	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-14	day	7	1	28	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-14	day	12	1	29	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-15	day	6	1	30	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-15	day	10	1	31	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-16	day	7	1	32	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-16	day	9	1	33	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-17	day	12	1	34	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-17	day	17	1	35	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-18	day	5	1	36	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-18	day	7	1	37	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-19	day	5	1	38	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-19	day	8	1	39	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-20	day	10	1	40	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-20	day	13	1	41	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-21	day	6	1	42	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-21	day	8	1	43	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-22	day	7	1	44	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-22	day	9	1	45	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-23	day	5	1	46	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-23	day	8	1	47	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-24	day	9	1	48	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-24	day	14	1	49	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-25	day	7	1	50	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-25	day	11	1	51	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-26	day	6	1	52	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-26	day	10	1	53	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-27	day	12	1	54	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-27	day	15	1	55	2026-12-02 03:06:25.601734+07
dvc_essential_online	01840	2025-02-28	day	9	1	56	2026-12-02 03:06:25.601734+07
dvc_essential_total	01840	2025-02-28	day	12	1	57	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-01	day	12	1	58	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-01	day	12	1	59	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-02	day	9	1	60	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-02	day	11	1	61	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-03	day	6	1	62	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-03	day	6	1	63	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-04	day	4	1	64	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-04	day	5	1	65	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-05	day	9	1	66	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-05	day	10	1	67	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-06	day	5	1	68	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-06	day	6	1	69	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-07	day	11	1	70	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-07	day	12	1	71	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-08	day	12	1	72	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-08	day	12	1	73	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-09	day	7	1	74	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-09	day	7	1	75	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-10	day	8	1	76	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-10	day	10	1	77	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-11	day	12	1	78	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-11	day	13	1	79	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-12	day	6	1	80	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-12	day	7	1	81	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-13	day	10	1	82	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-13	day	12	1	83	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-14	day	9	1	84	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-14	day	10	1	85	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-15	day	10	1	86	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-15	day	11	1	87	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-16	day	11	1	88	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-16	day	13	1	89	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-17	day	6	1	90	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-17	day	6	1	91	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-18	day	11	1	92	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-18	day	11	1	93	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-19	day	7	1	94	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-19	day	8	1	95	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-20	day	12	1	96	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-20	day	14	1	97	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-21	day	10	1	98	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-21	day	12	1	99	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-22	day	12	1	100	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-22	day	13	1	101	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-23	day	13	1	102	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-23	day	14	1	103	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-24	day	5	1	104	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-24	day	6	1	105	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-25	day	11	1	106	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-25	day	12	1	107	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-26	day	9	1	108	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-26	day	11	1	109	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-27	day	10	1	110	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-27	day	10	1	111	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01840	2025-02-28	day	11	1	112	2026-12-02 03:06:25.601734+07
tthc_result_total	01840	2025-02-28	day	12	1	113	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-01	day	5	1	114	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-01	day	11	1	115	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-02	day	3	1	116	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-02	day	8	1	117	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-03	day	4	1	118	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-03	day	11	1	119	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-04	day	2	1	120	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-04	day	7	1	121	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-05	day	2	1	122	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-05	day	6	1	123	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-06	day	3	1	124	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-06	day	10	1	125	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-07	day	4	1	126	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-07	day	10	1	127	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-08	day	0	1	128	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-08	day	4	1	129	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-09	day	1	1	130	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-09	day	4	1	131	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-10	day	1	1	132	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-10	day	7	1	133	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-11	day	3	1	134	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-11	day	7	1	135	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-12	day	4	1	136	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-12	day	10	1	137	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-13	day	2	1	138	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-13	day	4	1	139	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-14	day	4	1	140	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-14	day	11	1	141	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-15	day	2	1	142	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-15	day	8	1	143	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-16	day	2	1	144	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-16	day	9	1	145	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-17	day	4	1	146	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-17	day	11	1	147	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-18	day	4	1	148	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-18	day	9	1	149	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-19	day	4	1	150	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-19	day	10	1	151	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-20	day	4	1	152	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-20	day	8	1	153	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-21	day	1	1	154	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-21	day	6	1	155	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-22	day	2	1	156	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-22	day	7	1	157	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-23	day	5	1	158	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-23	day	11	1	159	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-24	day	1	1	160	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-24	day	5	1	161	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-25	day	4	1	162	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-25	day	10	1	163	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-26	day	3	1	164	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-26	day	9	1	165	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-27	day	3	1	166	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-27	day	9	1	167	2026-12-02 03:06:25.601734+07
tthc_data_reused	01840	2025-02-28	day	4	1	168	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01840	2025-02-28	day	11	1	169	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-01	day	2	1	170	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-01	day	3	1	171	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-02	day	1	1	172	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-02	day	2	1	173	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-03	day	1	1	174	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-03	day	2	1	175	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-04	day	3	1	176	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-04	day	3	1	177	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-05	day	4	1	178	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-05	day	4	1	179	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-06	day	2	1	180	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-06	day	3	1	181	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-07	day	3	1	182	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-07	day	4	1	183	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-08	day	1	1	184	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-08	day	2	1	185	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-09	day	0	1	186	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-09	day	2	1	187	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-10	day	1	1	188	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-10	day	2	1	189	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-11	day	2	1	190	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-11	day	3	1	191	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-12	day	4	1	192	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-12	day	4	1	193	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-13	day	1	1	194	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-13	day	2	1	195	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-14	day	1	1	196	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-14	day	2	1	197	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-15	day	1	1	198	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-15	day	2	1	199	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-16	day	2	1	200	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-16	day	3	1	201	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-17	day	3	1	202	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-17	day	3	1	203	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-18	day	2	1	204	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-18	day	2	1	205	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-19	day	1	1	206	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-19	day	2	1	207	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-20	day	1	1	208	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-20	day	2	1	209	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-21	day	1	1	210	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-21	day	2	1	211	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-22	day	2	1	212	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-22	day	2	1	213	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-23	day	3	1	214	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-23	day	4	1	215	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-24	day	1	1	216	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-24	day	2	1	217	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-25	day	3	1	218	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-25	day	4	1	219	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-26	day	2	1	220	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-26	day	4	1	221	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-27	day	3	1	222	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-27	day	4	1	223	2026-12-02 03:06:25.601734+07
feedback_ontime	01840	2025-02-28	day	3	1	224	2026-12-02 03:06:25.601734+07
feedback_due	01840	2025-02-28	day	3	1	225	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-01	day	6	1	226	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-01	day	9	1	227	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-02	day	6	1	228	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-02	day	7	1	229	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-03	day	7	1	230	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-03	day	8	1	231	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-04	day	8	1	232	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-04	day	11	1	233	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-05	day	5	1	234	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-05	day	6	1	235	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-06	day	8	1	236	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-06	day	9	1	237	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-07	day	5	1	238	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-07	day	5	1	239	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-08	day	10	1	240	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-08	day	12	1	241	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-09	day	8	1	242	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-09	day	9	1	243	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-10	day	5	1	244	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-10	day	6	1	245	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-11	day	6	1	246	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-11	day	9	1	247	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-12	day	7	1	248	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-12	day	9	1	249	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-13	day	6	1	250	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-13	day	8	1	251	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-14	day	9	1	252	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-14	day	11	1	253	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-15	day	8	1	254	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-15	day	9	1	255	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-16	day	7	1	256	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-16	day	8	1	257	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-17	day	9	1	258	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-17	day	11	1	259	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-18	day	4	1	260	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-18	day	7	1	261	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-19	day	5	1	262	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-19	day	7	1	263	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-20	day	9	1	264	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-20	day	11	1	265	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-21	day	5	1	266	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-21	day	5	1	267	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-22	day	7	1	268	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-22	day	9	1	269	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-23	day	9	1	270	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-23	day	10	1	271	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-24	day	4	1	272	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-24	day	5	1	273	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-25	day	9	1	274	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-25	day	10	1	275	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-26	day	4	1	276	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-26	day	6	1	277	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-27	day	10	1	278	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-27	day	12	1	279	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01840	2025-02-28	day	8	1	280	2026-12-02 03:06:25.601734+07
satisfaction_responses	01840	2025-02-28	day	9	1	281	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-01	day	12	1	282	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-01	day	12	1	283	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-02	day	12	1	284	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-02	day	13	1	285	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-03	day	9	1	286	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-03	day	11	1	287	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-04	day	12	1	288	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-04	day	12	1	289	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-05	day	5	1	290	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-05	day	5	1	291	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-06	day	7	1	292	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-06	day	7	1	293	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-07	day	4	1	294	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-07	day	5	1	295	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-08	day	7	1	296	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-08	day	8	1	297	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-09	day	7	1	298	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-09	day	7	1	299	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-10	day	7	1	300	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-10	day	8	1	301	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-11	day	6	1	302	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-11	day	6	1	303	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-12	day	5	1	304	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-12	day	6	1	305	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-13	day	11	1	306	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-13	day	11	1	307	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-14	day	9	1	308	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-14	day	9	1	309	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-15	day	12	1	310	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-15	day	12	1	311	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-16	day	7	1	312	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-16	day	7	1	313	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-17	day	8	1	314	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-17	day	9	1	315	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-18	day	11	1	316	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-18	day	12	1	317	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-19	day	5	1	318	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-19	day	7	1	319	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-20	day	13	1	320	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-20	day	13	1	321	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-21	day	9	1	322	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-21	day	10	1	323	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-22	day	8	1	324	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-22	day	9	1	325	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-23	day	7	1	326	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-23	day	8	1	327	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-24	day	9	1	328	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-24	day	10	1	329	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-25	day	10	1	330	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-25	day	11	1	331	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-26	day	12	1	332	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-26	day	12	1	333	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-27	day	11	1	334	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-27	day	12	1	335	2026-12-02 03:06:25.601734+07
result_individual_archived	01840	2025-02-28	day	6	1	336	2026-12-02 03:06:25.601734+07
result_individual_issued	01840	2025-02-28	day	7	1	337	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-01	day	7	1	338	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-01	day	9	1	339	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-02	day	4	1	340	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-02	day	7	1	341	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-03	day	11	1	342	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-03	day	14	1	343	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-04	day	12	1	344	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-04	day	17	1	345	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-05	day	3	1	346	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-05	day	6	1	347	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-06	day	6	1	348	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-06	day	8	1	349	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-07	day	11	1	350	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-07	day	14	1	351	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-08	day	9	1	352	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-08	day	13	1	353	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-09	day	6	1	354	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-09	day	9	1	355	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-12	day	12	1	360	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-12	day	17	1	361	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-13	day	6	1	362	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-13	day	8	1	363	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-14	day	6	1	364	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-14	day	8	1	365	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-15	day	7	1	366	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-15	day	9	1	367	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-16	day	8	1	368	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-16	day	10	1	369	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-17	day	7	1	370	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-17	day	11	1	371	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-18	day	13	1	372	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-18	day	17	1	373	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-19	day	8	1	374	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-19	day	12	1	375	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-20	day	7	1	376	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-20	day	9	1	377	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-21	day	8	1	378	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-21	day	11	1	379	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-22	day	9	1	380	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-22	day	12	1	381	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-23	day	5	1	382	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-23	day	7	1	383	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-24	day	6	1	384	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-24	day	10	1	385	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-25	day	8	1	386	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-25	day	11	1	387	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-26	day	9	1	388	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-26	day	14	1	389	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-27	day	13	1	390	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-27	day	17	1	391	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-28	day	13	1	392	2026-12-02 03:06:25.601734+07
dvc_essential_total	01843	2025-02-28	day	17	1	393	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-01	day	5	1	394	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-01	day	6	1	395	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-02	day	6	1	396	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-02	day	7	1	397	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-03	day	13	1	398	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-03	day	14	1	399	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-04	day	13	1	400	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-04	day	14	1	401	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-05	day	6	1	402	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-05	day	7	1	403	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-06	day	12	1	404	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-06	day	13	1	405	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-07	day	5	1	406	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-07	day	6	1	407	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-08	day	5	1	408	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-08	day	5	1	409	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-09	day	9	1	410	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-09	day	10	1	411	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-10	day	10	1	412	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-10	day	11	1	413	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-11	day	10	1	414	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-11	day	11	1	415	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-12	day	12	1	416	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-12	day	13	1	417	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-13	day	11	1	418	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-13	day	12	1	419	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-14	day	5	1	420	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-14	day	5	1	421	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-15	day	10	1	422	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-15	day	11	1	423	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-16	day	8	1	424	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-16	day	9	1	425	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-17	day	11	1	426	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-17	day	11	1	427	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-18	day	11	1	428	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-18	day	12	1	429	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-19	day	8	1	430	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-19	day	10	1	431	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-20	day	10	1	432	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-20	day	11	1	433	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-21	day	11	1	434	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-21	day	13	1	435	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-22	day	13	1	436	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-22	day	14	1	437	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-23	day	10	1	438	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-23	day	10	1	439	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-24	day	11	1	440	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-24	day	13	1	441	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-25	day	13	1	442	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-25	day	14	1	443	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-26	day	6	1	444	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-26	day	6	1	445	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-27	day	7	1	446	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-27	day	9	1	447	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01843	2025-02-28	day	9	1	448	2026-12-02 03:06:25.601734+07
tthc_result_total	01843	2025-02-28	day	10	1	449	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-01	day	4	1	450	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-01	day	9	1	451	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-02	day	4	1	452	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-02	day	8	1	453	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-03	day	3	1	454	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-03	day	8	1	455	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-04	day	3	1	456	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-04	day	8	1	457	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-05	day	2	1	458	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-05	day	6	1	459	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-06	day	2	1	460	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-06	day	8	1	461	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-07	day	2	1	462	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-07	day	8	1	463	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-08	day	3	1	464	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-08	day	9	1	465	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-09	day	5	1	466	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-09	day	10	1	467	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-10	day	3	1	468	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-10	day	6	1	469	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-11	day	1	1	470	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-11	day	4	1	471	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-12	day	2	1	472	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-12	day	7	1	473	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-13	day	3	1	474	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-13	day	7	1	475	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-14	day	2	1	476	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-14	day	6	1	477	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-15	day	3	1	478	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-15	day	7	1	479	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-16	day	3	1	480	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-16	day	10	1	481	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-17	day	4	1	482	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-17	day	9	1	483	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-18	day	4	1	484	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-18	day	11	1	485	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-19	day	2	1	486	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-19	day	6	1	487	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-20	day	3	1	488	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-20	day	8	1	489	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-21	day	4	1	490	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-21	day	9	1	491	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-22	day	1	1	492	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-22	day	4	1	493	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-23	day	1	1	494	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-23	day	6	1	495	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-24	day	5	1	496	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-24	day	11	1	497	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-25	day	4	1	498	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-25	day	9	1	499	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-26	day	2	1	500	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-26	day	4	1	501	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-27	day	3	1	502	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-27	day	6	1	503	2026-12-02 03:06:25.601734+07
tthc_data_reused	01843	2025-02-28	day	4	1	504	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01843	2025-02-28	day	9	1	505	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-01	day	1	1	506	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-01	day	2	1	507	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-02	day	1	1	508	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-02	day	1	1	509	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-03	day	3	1	510	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-03	day	3	1	511	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-04	day	3	1	512	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-04	day	4	1	513	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-05	day	0	1	514	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-05	day	1	1	515	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-06	day	2	1	516	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-06	day	2	1	517	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-07	day	1	1	518	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-07	day	2	1	519	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-08	day	1	1	520	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-08	day	2	1	521	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-09	day	3	1	522	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-09	day	3	1	523	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-10	day	2	1	524	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-10	day	3	1	525	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-11	day	3	1	526	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-11	day	3	1	527	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-12	day	2	1	528	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-12	day	2	1	529	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-13	day	1	1	530	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-13	day	1	1	531	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-14	day	1	1	532	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-14	day	2	1	533	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-15	day	0	1	534	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-15	day	1	1	535	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-16	day	2	1	536	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-16	day	3	1	537	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-17	day	3	1	538	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-17	day	3	1	539	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-18	day	1	1	540	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-18	day	2	1	541	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-19	day	3	1	542	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-19	day	4	1	543	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-20	day	3	1	544	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-20	day	3	1	545	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-21	day	0	1	546	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-21	day	1	1	547	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-22	day	2	1	548	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-22	day	2	1	549	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-23	day	2	1	550	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-23	day	2	1	551	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-24	day	0	1	552	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-24	day	1	1	553	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-25	day	1	1	554	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-25	day	2	1	555	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-26	day	3	1	556	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-26	day	4	1	557	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-27	day	1	1	558	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-27	day	2	1	559	2026-12-02 03:06:25.601734+07
feedback_ontime	01843	2025-02-28	day	3	1	560	2026-12-02 03:06:25.601734+07
feedback_due	01843	2025-02-28	day	3	1	561	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-01	day	5	1	562	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-01	day	5	1	563	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-02	day	8	1	564	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-02	day	10	1	565	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-03	day	9	1	566	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-03	day	10	1	567	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-04	day	10	1	568	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-04	day	11	1	569	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-05	day	9	1	570	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-05	day	11	1	571	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-06	day	7	1	572	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-06	day	8	1	573	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-07	day	8	1	574	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-07	day	9	1	575	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-08	day	8	1	576	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-08	day	8	1	577	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-09	day	8	1	578	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-09	day	10	1	579	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-10	day	9	1	580	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-10	day	11	1	581	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-11	day	11	1	582	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-11	day	13	1	583	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-12	day	8	1	584	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-12	day	10	1	585	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-13	day	11	1	586	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-13	day	12	1	587	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-14	day	10	1	588	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-14	day	10	1	589	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-15	day	8	1	590	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-15	day	10	1	591	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-16	day	8	1	592	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-16	day	10	1	593	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-17	day	8	1	594	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-17	day	9	1	595	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-18	day	10	1	596	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-18	day	11	1	597	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-19	day	7	1	598	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-19	day	8	1	599	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-20	day	5	1	600	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-20	day	6	1	601	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-21	day	12	1	602	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-21	day	13	1	603	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-22	day	5	1	604	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-22	day	6	1	605	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-23	day	10	1	606	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-23	day	11	1	607	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-24	day	11	1	608	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-24	day	12	1	609	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-25	day	9	1	610	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-25	day	11	1	611	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-26	day	8	1	612	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-26	day	10	1	613	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-27	day	7	1	614	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-27	day	8	1	615	2026-12-02 03:06:25.601734+07
satisfaction_satisfied	01843	2025-02-28	day	9	1	616	2026-12-02 03:06:25.601734+07
satisfaction_responses	01843	2025-02-28	day	10	1	617	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-01	day	13	1	618	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-01	day	13	1	619	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-02	day	7	1	620	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-02	day	8	1	621	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-03	day	8	1	622	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-03	day	8	1	623	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-04	day	4	1	624	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-04	day	5	1	625	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-05	day	8	1	626	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-05	day	9	1	627	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-06	day	4	1	628	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-06	day	4	1	629	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-07	day	12	1	630	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-07	day	12	1	631	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-08	day	6	1	632	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-08	day	6	1	633	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-09	day	8	1	634	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-09	day	9	1	635	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-10	day	7	1	636	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-10	day	8	1	637	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-11	day	9	1	638	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-11	day	9	1	639	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-12	day	5	1	640	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-12	day	5	1	641	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-13	day	9	1	642	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-13	day	10	1	643	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-14	day	12	1	644	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-14	day	12	1	645	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-15	day	8	1	646	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-15	day	8	1	647	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-16	day	5	1	648	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-16	day	5	1	649	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-17	day	7	1	650	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-17	day	8	1	651	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-18	day	6	1	652	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-18	day	6	1	653	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-19	day	6	1	654	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-19	day	6	1	655	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-20	day	8	1	656	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-20	day	9	1	657	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-21	day	5	1	658	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-21	day	6	1	659	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-22	day	11	1	660	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-22	day	12	1	661	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-23	day	9	1	662	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-23	day	9	1	663	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-24	day	6	1	664	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-24	day	6	1	665	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-25	day	3	1	666	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-25	day	4	1	667	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-26	day	6	1	668	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-26	day	7	1	669	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-27	day	9	1	670	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-27	day	9	1	671	2026-12-02 03:06:25.601734+07
result_individual_archived	01843	2025-02-28	day	8	1	672	2026-12-02 03:06:25.601734+07
result_individual_issued	01843	2025-02-28	day	8	1	673	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-01	day	6	1	674	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-01	day	7	1	675	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-02	day	15	1	676	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-02	day	16	1	677	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-03	day	8	1	678	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-03	day	10	1	679	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-04	day	11	1	680	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-04	day	13	1	681	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-05	day	10	1	682	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-05	day	12	1	683	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-06	day	11	1	684	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-06	day	12	1	685	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-07	day	14	1	686	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-07	day	16	1	687	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-08	day	9	1	688	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-08	day	11	1	689	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-09	day	11	1	690	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-09	day	11	1	691	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-10	day	8	1	692	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-10	day	10	1	693	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-11	day	13	1	694	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-11	day	15	1	695	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-12	day	16	1	696	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-12	day	17	1	697	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-13	day	14	1	698	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-13	day	15	1	699	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-14	day	16	1	700	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-14	day	17	1	701	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-15	day	15	1	702	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-15	day	17	1	703	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-16	day	7	1	704	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-16	day	8	1	705	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-17	day	16	1	706	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-17	day	17	1	707	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-18	day	6	1	708	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-18	day	8	1	709	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-19	day	13	1	710	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-19	day	14	1	711	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-20	day	9	1	712	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-20	day	11	1	713	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-21	day	13	1	714	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-21	day	16	1	715	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-22	day	14	1	716	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-22	day	16	1	717	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-23	day	7	1	718	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-23	day	7	1	719	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-24	day	8	1	720	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-24	day	10	1	721	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-25	day	14	1	722	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-25	day	15	1	723	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-26	day	11	1	724	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-26	day	13	1	725	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-27	day	9	1	726	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-27	day	10	1	727	2026-12-02 03:06:25.601734+07
dvc_essential_online	01849	2025-02-28	day	7	1	728	2026-12-02 03:06:25.601734+07
dvc_essential_total	01849	2025-02-28	day	7	1	729	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-01	day	12	1	730	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-01	day	14	1	731	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-02	day	13	1	732	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-02	day	14	1	733	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-03	day	6	1	734	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-03	day	6	1	735	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-04	day	4	1	736	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-04	day	5	1	737	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-05	day	5	1	738	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-05	day	6	1	739	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-06	day	13	1	740	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-06	day	14	1	741	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-07	day	5	1	742	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-07	day	5	1	743	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-08	day	11	1	744	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-08	day	11	1	745	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-09	day	7	1	746	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-09	day	8	1	747	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-10	day	11	1	748	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-10	day	13	1	749	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-11	day	9	1	750	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-11	day	11	1	751	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-12	day	8	1	752	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-12	day	8	1	753	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-13	day	11	1	754	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-13	day	12	1	755	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-14	day	4	1	756	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-14	day	5	1	757	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-15	day	9	1	758	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-15	day	9	1	759	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-16	day	10	1	760	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-16	day	10	1	761	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-17	day	13	1	762	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-17	day	14	1	763	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-18	day	11	1	764	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-18	day	12	1	765	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-19	day	8	1	766	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-19	day	9	1	767	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-20	day	10	1	768	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-20	day	11	1	769	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-21	day	7	1	770	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-21	day	7	1	771	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-22	day	11	1	772	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-22	day	11	1	773	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-23	day	7	1	774	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-23	day	8	1	775	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-24	day	9	1	776	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-24	day	10	1	777	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-25	day	9	1	778	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-25	day	10	1	779	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-26	day	5	1	780	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-26	day	5	1	781	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-27	day	13	1	782	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-27	day	14	1	783	2026-12-02 03:06:25.601734+07
tthc_result_electronic	01849	2025-02-28	day	12	1	784	2026-12-02 03:06:25.601734+07
tthc_result_total	01849	2025-02-28	day	13	1	785	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-01	day	3	1	786	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-01	day	7	1	787	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-02	day	5	1	788	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-02	day	10	1	789	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-03	day	2	1	790	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-03	day	4	1	791	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-04	day	3	1	792	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-04	day	5	1	793	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-05	day	5	1	794	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-05	day	11	1	795	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-06	day	4	1	796	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-06	day	9	1	797	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-07	day	2	1	798	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-07	day	7	1	799	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-08	day	2	1	800	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-08	day	4	1	801	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-09	day	1	1	802	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-09	day	4	1	803	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-10	day	5	1	804	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-10	day	10	1	805	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-11	day	5	1	806	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-11	day	9	1	807	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-12	day	2	1	808	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-12	day	7	1	809	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-13	day	3	1	810	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-13	day	7	1	811	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-14	day	4	1	812	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-14	day	11	1	813	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-15	day	4	1	814	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-15	day	10	1	815	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-16	day	3	1	816	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-16	day	6	1	817	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-17	day	3	1	818	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-17	day	7	1	819	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-18	day	2	1	820	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-18	day	6	1	821	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-19	day	2	1	822	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-19	day	5	1	823	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-20	day	5	1	824	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-20	day	11	1	825	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-21	day	4	1	826	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-21	day	10	1	827	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-22	day	5	1	828	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-22	day	11	1	829	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-23	day	4	1	830	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-23	day	10	1	831	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-24	day	3	1	832	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-24	day	6	1	833	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-25	day	3	1	834	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-25	day	6	1	835	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-26	day	1	1	836	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-26	day	6	1	837	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-27	day	5	1	838	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-27	day	10	1	839	2026-12-02 03:06:25.601734+07
tthc_data_reused	01849	2025-02-28	day	5	1	840	2026-12-02 03:06:25.601734+07
tthc_data_reusable	01849	2025-02-28	day	10	1	841	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-01	day	3	1	842	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-01	day	3	1	843	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-02	day	1	1	844	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-02	day	1	1	845	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-03	day	1	1	846	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-03	day	3	1	847	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-04	day	2	1	848	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-04	day	2	1	849	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-05	day	0	1	850	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-05	day	1	1	851	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-06	day	2	1	852	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-06	day	3	1	853	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-07	day	2	1	854	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-07	day	3	1	855	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-08	day	1	1	856	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-08	day	1	1	857	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-09	day	1	1	858	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-09	day	2	1	859	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-10	day	1	1	860	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-10	day	2	1	861	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-11	day	2	1	862	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-11	day	3	1	863	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-12	day	0	1	864	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-12	day	1	1	865	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-13	day	3	1	866	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-13	day	3	1	867	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-14	day	2	1	868	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-14	day	2	1	869	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-15	day	2	1	870	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-15	day	2	1	871	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-16	day	2	1	872	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-16	day	3	1	873	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-17	day	1	1	874	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-17	day	2	1	875	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-18	day	1	1	876	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-18	day	2	1	877	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-19	day	2	1	878	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-19	day	2	1	879	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-20	day	3	1	880	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-20	day	3	1	881	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-21	day	4	1	882	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-21	day	4	1	883	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-22	day	2	1	884	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-22	day	2	1	885	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-23	day	2	1	886	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-23	day	3	1	887	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-24	day	1	1	888	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-24	day	2	1	889	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-25	day	4	1	890	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-25	day	4	1	891	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-26	day	3	1	892	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-26	day	3	1	893	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-27	day	1	1	894	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-27	day	2	1	895	2026-12-02 03:06:25.601734+07
feedback_ontime	01849	2025-02-28	day	1	1	896	2026-12-02 03:06:25.601734+07
feedback_due	01849	2025-02-28	day	3	1	897	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-01	day	10	1	898	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-01	day	11	1	899	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-02	day	10	1	900	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-02	day	11	1	901	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-03	day	9	1	902	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-03	day	9	1	903	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-04	day	4	1	904	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-04	day	6	1	905	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-05	day	8	1	906	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-05	day	9	1	907	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-06	day	7	1	908	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-06	day	9	1	909	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-07	day	8	1	910	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-07	day	9	1	911	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-08	day	3	1	912	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-08	day	4	1	913	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-09	day	9	1	914	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-09	day	11	1	915	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-10	day	6	1	916	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-10	day	6	1	917	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-11	day	5	1	918	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-11	day	5	1	919	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-12	day	10	1	920	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-12	day	11	1	921	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-13	day	11	1	922	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-13	day	12	1	923	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-14	day	5	1	924	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-14	day	5	1	925	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-15	day	6	1	926	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-15	day	6	1	927	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-16	day	7	1	928	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-16	day	7	1	929	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-17	day	8	1	930	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-17	day	10	1	931	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-18	day	11	1	932	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-18	day	12	1	933	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-19	day	9	1	934	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-19	day	9	1	935	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-20	day	12	1	936	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-20	day	13	1	937	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-21	day	8	1	938	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-21	day	8	1	939	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-22	day	9	1	940	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-22	day	9	1	941	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-23	day	7	1	942	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-23	day	8	1	943	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-24	day	6	1	944	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-24	day	6	1	945	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-25	day	6	1	946	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-25	day	6	1	947	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-26	day	3	1	948	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-26	day	4	1	949	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-27	day	11	1	950	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-27	day	11	1	951	2026-12-02 03:06:25.601734+07
result_individual_archived	01849	2025-02-28	day	6	1	952	2026-12-02 03:06:25.601734+07
result_individual_issued	01849	2025-02-28	day	7	1	953	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-01	day	28	1	954	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-01	day	12	1	955	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-01	day	31	1	956	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-02	day	19	1	957	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-02	day	8	1	958	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-02	day	21	1	959	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-03	day	10	1	960	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-03	day	5	1	961	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-03	day	13	1	962	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-04	day	16	1	963	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-04	day	7	1	964	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-04	day	17	1	965	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-05	day	9	1	966	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-05	day	5	1	967	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-05	day	11	1	968	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-06	day	16	1	969	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-06	day	6	1	970	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-06	day	18	1	971	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-07	day	16	1	972	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-07	day	5	1	973	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-07	day	18	1	974	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-08	day	12	1	975	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-08	day	4	1	976	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-08	day	14	1	977	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-09	day	31	1	978	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-09	day	13	1	979	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-09	day	34	1	980	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-10	day	14	1	981	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-10	day	6	1	982	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-10	day	17	1	983	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-11	day	10	1	984	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-11	day	5	1	985	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-11	day	12	1	986	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-12	day	31	1	987	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-12	day	12	1	988	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-12	day	34	1	989	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-13	day	24	1	990	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-13	day	9	1	991	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-13	day	27	1	992	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-14	day	17	1	993	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-14	day	7	1	994	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-14	day	20	1	995	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-15	day	22	1	996	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-15	day	8	1	997	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-15	day	24	1	998	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-16	day	18	1	999	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-16	day	7	1	1000	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-16	day	21	1	1001	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-17	day	23	1	1002	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-17	day	10	1	1003	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-17	day	26	1	1004	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-18	day	12	1	1005	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-18	day	5	1	1006	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-18	day	14	1	1007	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-19	day	23	1	1008	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-19	day	9	1	1009	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-19	day	27	1	1010	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-20	day	19	1	1011	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-20	day	9	1	1012	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-20	day	23	1	1013	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-21	day	15	1	1014	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-21	day	5	1	1015	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-21	day	18	1	1016	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-22	day	29	1	1017	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-22	day	13	1	1018	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-22	day	33	1	1019	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-23	day	20	1	1020	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-23	day	8	1	1021	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-23	day	23	1	1022	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-24	day	26	1	1023	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-24	day	11	1	1024	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-24	day	28	1	1025	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-25	day	10	1	1026	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-25	day	5	1	1027	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-25	day	12	1	1028	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-26	day	26	1	1029	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-26	day	11	1	1030	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-26	day	30	1	1031	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-27	day	29	1	1032	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-27	day	11	1	1033	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-27	day	32	1	1034	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-TYT	2025-02-28	day	15	1	1035	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-TYT	2025-02-28	day	6	1	1036	2026-12-02 03:06:25.601734+07
checkup_total	01840-TYT	2025-02-28	day	16	1	1037	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-01	day	27	1	1038	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-01	day	10	1	1039	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-01	day	28	1	1040	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-02	day	31	1	1041	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-02	day	10	1	1042	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-02	day	32	1	1043	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-03	day	27	1	1044	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-03	day	9	1	1045	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-03	day	29	1	1046	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-04	day	31	1	1047	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-04	day	11	1	1048	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-04	day	32	1	1049	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-05	day	9	1	1050	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-05	day	3	1	1051	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-05	day	10	1	1052	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-06	day	26	1	1053	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-06	day	8	1	1054	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-06	day	27	1	1055	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-07	day	14	1	1056	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-07	day	4	1	1057	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-07	day	14	1	1058	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-08	day	24	1	1059	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-08	day	8	1	1060	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-08	day	24	1	1061	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-09	day	31	1	1062	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-09	day	10	1	1063	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-09	day	32	1	1064	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-10	day	32	1	1065	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-10	day	11	1	1066	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-10	day	33	1	1067	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-11	day	18	1	1068	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-11	day	6	1	1069	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-11	day	18	1	1070	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-12	day	30	1	1071	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-12	day	9	1	1072	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-12	day	31	1	1073	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-13	day	32	1	1074	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-13	day	11	1	1075	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-13	day	32	1	1076	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-14	day	24	1	1077	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-14	day	8	1	1078	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-14	day	26	1	1079	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-15	day	32	1	1080	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-15	day	11	1	1081	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-15	day	34	1	1082	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-16	day	15	1	1083	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-16	day	4	1	1084	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-16	day	16	1	1085	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-17	day	10	1	1086	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-17	day	2	1	1087	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-17	day	10	1	1088	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-18	day	10	1	1089	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-18	day	3	1	1090	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-18	day	10	1	1091	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-19	day	12	1	1092	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-19	day	3	1	1093	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-19	day	12	1	1094	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-20	day	19	1	1095	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-20	day	6	1	1096	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-20	day	19	1	1097	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-21	day	18	1	1098	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-21	day	5	1	1099	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-21	day	18	1	1100	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-22	day	25	1	1101	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-22	day	8	1	1102	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-22	day	25	1	1103	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-23	day	19	1	1104	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-23	day	7	1	1105	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-23	day	19	1	1106	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-24	day	10	1	1107	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-24	day	3	1	1108	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-24	day	11	1	1109	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-25	day	19	1	1110	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-25	day	6	1	1111	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-25	day	19	1	1112	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-26	day	27	1	1113	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-26	day	8	1	1114	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-26	day	28	1	1115	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-27	day	28	1	1116	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-27	day	10	1	1117	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-27	day	29	1	1118	2026-12-02 03:06:25.601734+07
checkup_chip_id	01840-BV1-KCB	2025-02-28	day	22	1	1119	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01840-BV1-KCB	2025-02-28	day	8	1	1120	2026-12-02 03:06:25.601734+07
checkup_total	01840-BV1-KCB	2025-02-28	day	22	1	1121	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-01	day	16	1	1122	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-01	day	5	1	1123	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-01	day	17	1	1124	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-02	day	14	1	1125	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-02	day	5	1	1126	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-02	day	16	1	1127	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-03	day	18	1	1128	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-03	day	6	1	1129	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-03	day	20	1	1130	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-04	day	11	1	1131	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-04	day	4	1	1132	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-04	day	11	1	1133	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-05	day	9	1	1134	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-05	day	4	1	1135	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-05	day	11	1	1136	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-06	day	28	1	1137	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-06	day	9	1	1138	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-06	day	29	1	1139	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-07	day	14	1	1140	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-07	day	5	1	1141	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-07	day	16	1	1142	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-08	day	27	1	1143	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-08	day	10	1	1144	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-08	day	30	1	1145	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-09	day	21	1	1146	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-09	day	8	1	1147	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-09	day	23	1	1148	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-10	day	23	1	1149	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-10	day	9	1	1150	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-10	day	26	1	1151	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-11	day	23	1	1152	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-11	day	9	1	1153	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-11	day	26	1	1154	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-12	day	11	1	1155	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-12	day	3	1	1156	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-12	day	11	1	1157	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-13	day	17	1	1158	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-13	day	6	1	1159	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-13	day	19	1	1160	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-14	day	32	1	1161	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-14	day	13	1	1162	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-14	day	34	1	1163	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-15	day	23	1	1164	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-15	day	9	1	1165	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-15	day	25	1	1166	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-16	day	10	1	1167	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-16	day	4	1	1168	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-16	day	12	1	1169	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-17	day	18	1	1170	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-17	day	6	1	1171	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-17	day	20	1	1172	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-18	day	18	1	1173	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-18	day	7	1	1174	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-18	day	19	1	1175	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-19	day	28	1	1176	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-19	day	10	1	1177	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-19	day	30	1	1178	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-20	day	11	1	1179	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-20	day	4	1	1180	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-20	day	13	1	1181	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-21	day	8	1	1182	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-21	day	4	1	1183	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-21	day	10	1	1184	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-22	day	19	1	1185	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-22	day	7	1	1186	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-22	day	21	1	1187	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-23	day	15	1	1188	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-23	day	6	1	1189	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-23	day	17	1	1190	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-24	day	26	1	1191	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-24	day	10	1	1192	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-24	day	29	1	1193	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-25	day	9	1	1194	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-25	day	4	1	1195	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-25	day	11	1	1196	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-26	day	20	1	1197	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-26	day	7	1	1198	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-26	day	22	1	1199	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-27	day	27	1	1200	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-27	day	11	1	1201	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-27	day	30	1	1202	2026-12-02 03:06:25.601734+07
checkup_chip_id	01843-TYT	2025-02-28	day	9	1	1203	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01843-TYT	2025-02-28	day	4	1	1204	2026-12-02 03:06:25.601734+07
checkup_total	01843-TYT	2025-02-28	day	10	1	1205	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-01	day	19	1	1206	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-01	day	8	1	1207	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-01	day	21	1	1208	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-02	day	9	1	1209	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-02	day	3	1	1210	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-02	day	10	1	1211	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-03	day	16	1	1212	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-03	day	7	1	1213	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-03	day	18	1	1214	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-04	day	25	1	1215	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-04	day	12	1	1216	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-04	day	27	1	1217	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-05	day	10	1	1218	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-05	day	4	1	1219	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-05	day	12	1	1220	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-06	day	31	1	1221	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-06	day	12	1	1222	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-06	day	33	1	1223	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-07	day	26	1	1224	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-07	day	10	1	1225	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-07	day	28	1	1226	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-08	day	16	1	1227	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-08	day	7	1	1228	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-08	day	18	1	1229	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-09	day	30	1	1230	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-09	day	12	1	1231	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-09	day	33	1	1232	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-10	day	28	1	1233	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-10	day	11	1	1234	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-10	day	30	1	1235	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-11	day	15	1	1236	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-11	day	6	1	1237	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-11	day	16	1	1238	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-12	day	19	1	1239	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-12	day	8	1	1240	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-12	day	21	1	1241	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-13	day	29	1	1242	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-13	day	12	1	1243	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-13	day	32	1	1244	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-14	day	12	1	1245	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-14	day	4	1	1246	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-14	day	13	1	1247	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-15	day	13	1	1248	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-15	day	5	1	1249	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-15	day	14	1	1250	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-16	day	17	1	1251	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-16	day	8	1	1252	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-16	day	20	1	1253	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-17	day	20	1	1254	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-17	day	9	1	1255	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-17	day	21	1	1256	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-18	day	9	1	1257	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-18	day	4	1	1258	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-18	day	11	1	1259	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-19	day	11	1	1260	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-19	day	5	1	1261	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-19	day	11	1	1262	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-20	day	14	1	1263	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-20	day	7	1	1264	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-20	day	15	1	1265	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-21	day	22	1	1266	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-21	day	9	1	1267	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-21	day	25	1	1268	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-22	day	13	1	1269	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-22	day	6	1	1270	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-22	day	14	1	1271	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-23	day	21	1	1272	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-23	day	9	1	1273	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-23	day	23	1	1274	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-24	day	13	1	1275	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-24	day	6	1	1276	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-24	day	15	1	1277	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-25	day	16	1	1278	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-25	day	7	1	1279	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-25	day	18	1	1280	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-26	day	22	1	1281	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-26	day	10	1	1282	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-26	day	25	1	1283	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-27	day	12	1	1284	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-27	day	4	1	1285	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-27	day	14	1	1286	2026-12-02 03:06:25.601734+07
checkup_chip_id	01849-TYT	2025-02-28	day	11	1	1287	2026-12-02 03:06:25.601734+07
checkup_ehealthbook	01849-TYT	2025-02-28	day	5	1	1288	2026-12-02 03:06:25.601734+07
checkup_total	01849-TYT	2025-02-28	day	12	1	1289	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-03	day	2	1	1290	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-03	day	3	1	1291	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-04	day	1	1	1292	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-04	day	1	1	1293	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-05	day	2	1	1294	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-05	day	2	1	1295	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-06	day	0	1	1296	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-06	day	0	1	1297	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-07	day	3	1	1298	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-07	day	3	1	1299	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-10	day	0	1	1300	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-10	day	0	1	1301	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-11	day	0	1	1302	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-11	day	0	1	1303	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-12	day	0	1	1304	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-12	day	0	1	1305	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-13	day	2	1	1306	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-13	day	3	1	1307	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-14	day	1	1	1308	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-14	day	2	1	1309	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-17	day	2	1	1310	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-17	day	3	1	1311	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-18	day	4	1	1312	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-18	day	4	1	1313	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-19	day	4	1	1314	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-19	day	4	1	1315	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-20	day	0	1	1316	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-20	day	0	1	1317	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-21	day	3	1	1318	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-21	day	4	1	1319	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-24	day	4	1	1320	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-24	day	5	1	1321	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-25	day	1	1	1322	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-25	day	1	1	1323	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-26	day	2	1	1324	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-26	day	2	1	1325	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-27	day	2	1	1326	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-27	day	2	1	1327	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-TH1	2025-02-28	day	2	1	1328	2026-12-02 03:06:25.601734+07
school_fee_total	01840-TH1	2025-02-28	day	3	1	1329	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-03	day	3	1	1330	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-03	day	3	1	1331	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-04	day	1	1	1332	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-04	day	2	1	1333	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-05	day	3	1	1334	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-05	day	5	1	1335	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-06	day	4	1	1336	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-06	day	4	1	1337	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-07	day	3	1	1338	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-07	day	5	1	1339	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-10	day	0	1	1340	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-10	day	0	1	1341	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-11	day	3	1	1342	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-11	day	5	1	1343	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-12	day	2	1	1344	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-12	day	2	1	1345	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-13	day	0	1	1346	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-13	day	0	1	1347	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-14	day	0	1	1348	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-14	day	1	1	1349	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-17	day	0	1	1350	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-17	day	1	1	1351	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-18	day	2	1	1352	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-18	day	2	1	1353	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-19	day	4	1	1354	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-19	day	4	1	1355	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-20	day	0	1	1356	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-20	day	0	1	1357	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-21	day	1	1	1358	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-21	day	2	1	1359	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-24	day	3	1	1360	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-24	day	4	1	1361	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-25	day	3	1	1362	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-25	day	4	1	1363	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-26	day	0	1	1364	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-26	day	1	1	1365	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-27	day	0	1	1366	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-27	day	1	1	1367	2026-12-02 03:06:25.601734+07
school_fee_cashless	01840-THCS1	2025-02-28	day	0	1	1368	2026-12-02 03:06:25.601734+07
school_fee_total	01840-THCS1	2025-02-28	day	0	1	1369	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-03	day	4	1	1370	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-03	day	5	1	1371	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-04	day	5	1	1372	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-04	day	5	1	1373	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-05	day	1	1	1374	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-05	day	3	1	1375	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-06	day	0	1	1376	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-06	day	0	1	1377	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-07	day	1	1	1378	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-07	day	2	1	1379	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-10	day	0	1	1380	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-10	day	0	1	1381	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-11	day	3	1	1382	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-11	day	5	1	1383	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-12	day	4	1	1384	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-12	day	5	1	1385	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-13	day	1	1	1386	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-13	day	3	1	1387	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-14	day	3	1	1388	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-14	day	3	1	1389	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-17	day	0	1	1390	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-17	day	0	1	1391	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-18	day	2	1	1392	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-18	day	3	1	1393	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-19	day	5	1	1394	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-19	day	5	1	1395	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-20	day	3	1	1396	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-20	day	5	1	1397	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-21	day	2	1	1398	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-21	day	3	1	1399	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-24	day	2	1	1400	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-24	day	4	1	1401	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-25	day	1	1	1402	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-25	day	2	1	1403	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-26	day	4	1	1404	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-26	day	4	1	1405	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-27	day	4	1	1406	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-27	day	5	1	1407	2026-12-02 03:06:25.601734+07
school_fee_cashless	01843-TH1	2025-02-28	day	1	1	1408	2026-12-02 03:06:25.601734+07
school_fee_total	01843-TH1	2025-02-28	day	1	1	1409	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-03	day	3	1	1410	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-03	day	3	1	1411	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-04	day	0	1	1412	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-04	day	1	1	1413	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-05	day	1	1	1414	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-05	day	1	1	1415	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-06	day	0	1	1416	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-06	day	0	1	1417	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-07	day	3	1	1418	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-07	day	5	1	1419	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-10	day	3	1	1420	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-10	day	4	1	1421	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-11	day	1	1	1422	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-11	day	3	1	1423	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-12	day	1	1	1424	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-12	day	2	1	1425	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-13	day	1	1	1426	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-13	day	2	1	1427	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-14	day	3	1	1428	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-14	day	4	1	1429	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-17	day	3	1	1430	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-17	day	5	1	1431	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-18	day	0	1	1432	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-18	day	1	1	1433	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-19	day	0	1	1434	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-19	day	1	1	1435	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-20	day	1	1	1436	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-20	day	1	1	1437	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-21	day	2	1	1438	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-21	day	2	1	1439	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-24	day	1	1	1440	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-24	day	3	1	1441	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-25	day	0	1	1442	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-25	day	1	1	1443	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-26	day	1	1	1444	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-26	day	1	1	1445	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-27	day	2	1	1446	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-27	day	2	1	1447	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-TH1	2025-02-28	day	2	1	1448	2026-12-02 03:06:25.601734+07
school_fee_total	01849-TH1	2025-02-28	day	2	1	1449	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-03	day	0	1	1450	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-03	day	2	1	1451	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-04	day	1	1	1452	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-04	day	2	1	1453	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-05	day	3	1	1454	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-05	day	5	1	1455	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-06	day	2	1	1456	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-06	day	3	1	1457	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-07	day	2	1	1458	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-07	day	4	1	1459	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-10	day	0	1	1460	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-10	day	2	1	1461	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-11	day	3	1	1462	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-11	day	4	1	1463	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-12	day	1	1	1464	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-12	day	1	1	1465	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-13	day	3	1	1466	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-13	day	5	1	1467	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-14	day	4	1	1468	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-14	day	5	1	1469	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-17	day	2	1	1470	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-17	day	2	1	1471	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-18	day	0	1	1472	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-18	day	1	1	1473	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-19	day	2	1	1474	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-19	day	4	1	1475	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-20	day	2	1	1476	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-20	day	2	1	1477	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-21	day	0	1	1478	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-21	day	1	1	1479	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-24	day	1	1	1480	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-24	day	1	1	1481	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-25	day	2	1	1482	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-25	day	3	1	1483	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-26	day	1	1	1484	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-26	day	2	1	1485	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-27	day	1	1	1486	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-27	day	3	1	1487	2026-12-02 03:06:25.601734+07
school_fee_cashless	01849-THCS1	2025-02-28	day	1	1	1488	2026-12-02 03:06:25.601734+07
school_fee_total	01849-THCS1	2025-02-28	day	3	1	1489	2026-12-02 03:06:25.601734+07
citizen_14plus_id_issued	01840	2025-02-28	day	36743	1	1490	2026-12-02 03:06:25.601734+07
citizen_14plus	01840	2025-02-28	day	37026	1	1491	2026-12-02 03:06:25.601734+07
child_under14_id_issued	01840	2025-02-28	day	9475	1	1492	2026-12-02 03:06:25.601734+07
child_under14	01840	2025-02-28	day	10756	1	1493	2026-12-02 03:06:25.601734+07
citizen_14plus_vneid_active	01840	2025-02-28	day	29210	1	1494	2026-12-02 03:06:25.601734+07
enterprise_eid	01840	2025-02-28	day	220	1	1495	2026-12-02 03:06:25.601734+07
enterprise_total	01840	2025-02-28	day	237	1	1496	2026-12-02 03:06:25.601734+07
organization_eid	01840	2025-02-28	day	45	1	1497	2026-12-02 03:06:25.601734+07
organization_total	01840	2025-02-28	day	53	1	1498	2026-12-02 03:06:25.601734+07
ehealthbook_integrated	01840	2025-02-28	day	7811	1	1499	2026-12-02 03:06:25.601734+07
ehealthbook_eligible	01840	2025-02-28	day	12012	1	1500	2026-12-02 03:06:25.601734+07
adult_digital_signature	01840	2025-02-28	day	7901	1	1501	2026-12-02 03:06:25.601734+07
adult_population	01840	2025-02-28	day	21382	1	1502	2026-12-02 03:06:25.601734+07
bts_5g	01840	2025-02-28	day	9	1	1503	2026-12-02 03:06:25.601734+07
bts_4g	01840	2025-02-28	day	29	1	1504	2026-12-02 03:06:25.601734+07
tthc_full_online_eid	01840	2025-02-28	day	153	1	1505	2026-12-02 03:06:25.601734+07
tthc_eligible_online	01840	2025-02-28	day	165	1	1506	2026-12-02 03:06:25.601734+07
form_standardized	01840	2025-02-28	day	34	1	1507	2026-12-02 03:06:25.601734+07
form_total	01840	2025-02-28	day	67	1	1508	2026-12-02 03:06:25.601734+07
health_facility_cashless	01840	2025-02-28	day	1	1	1509	2026-12-02 03:06:25.601734+07
health_facility_total	01840	2025-02-28	day	2	1	1510	2026-12-02 03:06:25.601734+07
citizen_14plus_id_issued	01843	2025-02-28	day	36104	1	1511	2026-12-02 03:06:25.601734+07
citizen_14plus	01843	2025-02-28	day	36731	1	1512	2026-12-02 03:06:25.601734+07
child_under14_id_issued	01843	2025-02-28	day	4646	1	1513	2026-12-02 03:06:25.601734+07
child_under14	01843	2025-02-28	day	6470	1	1514	2026-12-02 03:06:25.601734+07
citizen_14plus_vneid_active	01843	2025-02-28	day	32413	1	1515	2026-12-02 03:06:25.601734+07
enterprise_eid	01843	2025-02-28	day	266	1	1516	2026-12-02 03:06:25.601734+07
enterprise_total	01843	2025-02-28	day	285	1	1517	2026-12-02 03:06:25.601734+07
organization_eid	01843	2025-02-28	day	55	1	1518	2026-12-02 03:06:25.601734+07
organization_total	01843	2025-02-28	day	64	1	1519	2026-12-02 03:06:25.601734+07
ehealthbook_integrated	01843	2025-02-28	day	4021	1	1520	2026-12-02 03:06:25.601734+07
ehealthbook_eligible	01843	2025-02-28	day	6083	1	1521	2026-12-02 03:06:25.601734+07
adult_digital_signature	01843	2025-02-28	day	9230	1	1522	2026-12-02 03:06:25.601734+07
adult_population	01843	2025-02-28	day	26518	1	1523	2026-12-02 03:06:25.601734+07
bts_5g	01843	2025-02-28	day	11	1	1524	2026-12-02 03:06:25.601734+07
bts_4g	01843	2025-02-28	day	31	1	1525	2026-12-02 03:06:25.601734+07
tthc_full_online_eid	01843	2025-02-28	day	152	1	1526	2026-12-02 03:06:25.601734+07
tthc_eligible_online	01843	2025-02-28	day	162	1	1527	2026-12-02 03:06:25.601734+07
form_standardized	01843	2025-02-28	day	40	1	1528	2026-12-02 03:06:25.601734+07
form_total	01843	2025-02-28	day	79	1	1529	2026-12-02 03:06:25.601734+07
health_facility_cashless	01843	2025-02-28	day	1	1	1530	2026-12-02 03:06:25.601734+07
health_facility_total	01843	2025-02-28	day	1	1	1531	2026-12-02 03:06:25.601734+07
citizen_14plus_id_issued	01849	2025-02-28	day	34031	1	1532	2026-12-02 03:06:25.601734+07
citizen_14plus	01849	2025-02-28	day	34214	1	1533	2026-12-02 03:06:25.601734+07
child_under14_id_issued	01849	2025-02-28	day	6829	1	1534	2026-12-02 03:06:25.601734+07
child_under14	01849	2025-02-28	day	9629	1	1535	2026-12-02 03:06:25.601734+07
citizen_14plus_vneid_active	01849	2025-02-28	day	28350	1	1536	2026-12-02 03:06:25.601734+07
enterprise_eid	01849	2025-02-28	day	79	1	1537	2026-12-02 03:06:25.601734+07
enterprise_total	01849	2025-02-28	day	96	1	1538	2026-12-02 03:06:25.601734+07
organization_eid	01849	2025-02-28	day	61	1	1539	2026-12-02 03:06:25.601734+07
organization_total	01849	2025-02-28	day	66	1	1540	2026-12-02 03:06:25.601734+07
ehealthbook_integrated	01849	2025-02-28	day	13419	1	1541	2026-12-02 03:06:25.601734+07
ehealthbook_eligible	01849	2025-02-28	day	18017	1	1542	2026-12-02 03:06:25.601734+07
adult_digital_signature	01849	2025-02-28	day	8242	1	1543	2026-12-02 03:06:25.601734+07
adult_population	01849	2025-02-28	day	17058	1	1544	2026-12-02 03:06:25.601734+07
bts_5g	01849	2025-02-28	day	9	1	1545	2026-12-02 03:06:25.601734+07
bts_4g	01849	2025-02-28	day	27	1	1546	2026-12-02 03:06:25.601734+07
tthc_full_online_eid	01849	2025-02-28	day	154	1	1547	2026-12-02 03:06:25.601734+07
tthc_eligible_online	01849	2025-02-28	day	164	1	1548	2026-12-02 03:06:25.601734+07
form_standardized	01849	2025-02-28	day	47	1	1549	2026-12-02 03:06:25.601734+07
form_total	01849	2025-02-28	day	94	1	1550	2026-12-02 03:06:25.601734+07
health_facility_cashless	01849	2025-02-28	day	1	1	1551	2026-12-02 03:06:25.601734+07
health_facility_total	01849	2025-02-28	day	1	1	1552	2026-12-02 03:06:25.601734+07
hospital_emr	01840-BV1	2025-02-28	day	0	1	1553	2026-12-02 03:06:25.601734+07
hospital_total	01840-BV1	2025-02-28	day	1	1	1554	2026-12-02 03:06:25.601734+07
petrol_station_auto_einvoice	01840-XD1	2025-02-28	day	1	1	1555	2026-12-02 03:06:25.601734+07
petrol_station_total	01840-XD1	2025-02-28	day	1	1	1556	2026-12-02 03:06:25.601734+07
petrol_station_auto_einvoice	01843-XD1	2025-02-28	day	1	1	1557	2026-12-02 03:06:25.601734+07
petrol_station_total	01843-XD1	2025-02-28	day	1	1	1558	2026-12-02 03:06:25.601734+07
petrol_station_auto_einvoice	01849-XD1	2025-02-28	day	1	1	1559	2026-12-02 03:06:25.601734+07
petrol_station_total	01849-XD1	2025-02-28	day	1	1	1560	2026-12-02 03:06:25.601734+07
task_1_1_done	19	2025-02-20	day	1	1	1561	2026-12-02 03:06:25.601734+07
task_1_2_done	19	2025-02-10	day	0	1	1562	2026-12-02 03:06:25.601734+07
dvc_essential_online	01843	2025-02-10	day	7	2	2	2026-12-02 03:06:25.82053+07
dvc_essential_online	01843	2025-02-11	day	7	2	4	2026-12-02 03:06:25.82053+07
dvc_essential_total	01843	2025-02-10	day	11	2	3	2026-12-02 03:06:25.82053+07
dvc_essential_total	01843	2025-02-11	day	8	2	5	2026-12-02 03:06:25.82053+07
\.


--
-- Data for Name: observation_default; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.observation_default (metric, unit_code, period_start, grain, value, submission_id, line_no, valid_from) FROM stdin;
\.


--
-- Data for Name: observation_month; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.observation_month (metric, month) FROM stdin;
dvc_essential_online	2025-02-01
dvc_essential_total	2025-02-01
tthc_result_electronic	2025-02-01
tthc_result_total	2025-02-01
tthc_data_reused	2025-02-01
tthc_data_reusable	2025-02-01
feedback_ontime	2025-02-01
feedback_due	2025-02-01
satisfaction_satisfied	2025-02-01
satisfaction_responses	2025-02-01
result_individual_archived	2025-02-01
result_individual_issued	2025-02-01
checkup_chip_id	2025-02-01
checkup_ehealthbook	2025-02-01
checkup_total	2025-02-01
school_fee_cashless	2025-02-01
school_fee_total	2025-02-01
citizen_14plus_id_issued	2025-02-01
citizen_14plus	2025-02-01
child_under14_id_issued	2025-02-01
child_under14	2025-02-01
citizen_14plus_vneid_active	2025-02-01
enterprise_eid	2025-02-01
enterprise_total	2025-02-01
organization_eid	2025-02-01
organization_total	2025-02-01
ehealthbook_integrated	2025-02-01
ehealthbook_eligible	2025-02-01
adult_digital_signature	2025-02-01
adult_population	2025-02-01
bts_5g	2025-02-01
bts_4g	2025-02-01
tthc_full_online_eid	2025-02-01
tthc_eligible_online	2025-02-01
form_standardized	2025-02-01
form_total	2025-02-01
health_facility_cashless	2025-02-01
health_facility_total	2025-02-01
hospital_emr	2025-02-01
hospital_total	2025-02-01
petrol_station_auto_einvoice	2025-02-01
petrol_station_total	2025-02-01
task_1_1_done	2025-02-01
task_1_2_done	2025-02-01
\.


--
-- Data for Name: observation_superseded; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.observation_superseded (metric, unit_code, period_start, grain, value, submission_id, line_no, valid_from, valid_to) FROM stdin;
dvc_essential_online	01843	2025-02-10	day	6	1	356	2026-12-02 03:06:25.601734+07	2026-12-02 03:06:25.82053+07
dvc_essential_total	01843	2025-02-10	day	10	1	357	2026-12-02 03:06:25.601734+07	2026-12-02 03:06:25.82053+07
dvc_essential_online	01843	2025-02-11	day	6	1	358	2026-12-02 03:06:25.601734+07	2026-12-02 03:06:25.82053+07
dvc_essential_total	01843	2025-02-11	day	7	1	359	2026-12-02 03:06:25.601734+07	2026-12-02 03:06:25.82053+07
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.outbox (id, run_id, receiver, channel, idempotency_key, payload, subject, body_text, created_at, attempts, delivered_at) FROM stdin;
\.


--
-- Data for Name: outbox_event; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.outbox_event (outbox_id, event_id) FROM stdin;
\.


--
-- Data for Name: rejected_row; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.rejected_row (submission_id, line_no, column_name, reason, raw) FROM stdin;
\.


--
-- Data for Name: run; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.run (id, started_at, finished_at, status, pid, host, inbox, stages, error) FROM stdin;
\.


--
-- Data for Name: schema_migration; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.schema_migration (version, name, sha256, applied_at) FROM stdin;
1	001_base.sql	0a7d84804ebf23d523faaff9f1410ec7bbb25af7a0f257dcc5c228a35200ff05	2026-12-02 03:06:24.870204+07
2	002_catalog.sql	85ed35c86068af08f4e83ee9b283be396163d3a1dfb88c92e4d70f332c88202c	2026-12-02 03:06:24.873053+07
3	003_observation.sql	f74f9912e3b1db8d7144a90621d98571b9dc8e2e3ff71c23fa8793d052c1a09b	2026-12-02 03:06:24.902115+07
4	004_ingest.sql	22baf2474c559cdd70592c8dd23978bc43bb095906b295e0a088dd0308d88bad	2026-12-02 03:06:24.931815+07
5	005_compute.sql	70ca8cbfc7b33bd884a3a01992c1aeb7f71eabe6ef98243b55e8a78415e94525	2026-12-02 03:06:24.936224+07
6	006_alerts.sql	5cb5f1460a44cc3ac9ba773f060ccc5678cfafc5a35ef5b127dcf21d2f692ad2	2026-12-02 03:06:24.997484+07
7	007_run.sql	37f1398dc267f50f0c4cd1ff52cb59789a73ec05424fe0d01a80e0579eccf92b	2026-12-02 03:06:25.024789+07
8	008_security.sql	4e8e7a16ed81670f22389a050bb15b713d382c37bcd4e672f3f751c21bb2024c	2026-12-02 03:06:25.033462+07
9	009_observation_partitions.sql	35931d567c239e7039bd928199f34af5456a64c64d0770568254b37f2de951c8	2026-12-02 03:06:25.040146+07
10	010_observation_key.sql	285f37e2b0c9eef80ee32f4b0948644b24a5143aac77c0352ef7e70a356af9fd	2026-12-02 03:06:25.069825+07
11	011_compute_delta.sql	cc64ca71f4ad9be9a3ae2465d7e971e878860dfb8e7eba463dec39682ef0eb1d	2026-12-02 03:06:25.103245+07
12	012_alerts_speed.sql	d6933a9301802b94da4bde2bf1352020123b6aa9343fd31db7c896fdef23af9f	2026-12-02 03:06:25.126091+07
\.


--
-- Data for Name: submission; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.submission (id, file_name, sha256, received_at, status, rows_accepted, rows_rejected, agency, reason) FROM stdin;
1	month.csv	351d7a9a02cd02d02bb63e70bc6e939a7a629c19d77d5b8828628fd55438d856	2026-12-02 03:06:25.601734+07	accepted	1561	0	\N	\N
2	revision.csv	b8d02d6a94c68e8506b276c6eea9640dbbe331680a5155eec7dfc3f538f48d3c	2026-12-02 03:06:25.82053+07	accepted	4	0	\N	\N
\.


--
-- Data for Name: unit; Type: TABLE DATA; Schema: kpi; Owner: -
--

COPY kpi.unit (code, name, kind, parent_code, updated_at) FROM stdin;
19	Tỉnh Thái Nguyên	province	\N	2026-12-02 03:06:25.420785+07
01840	Phường Đức Xuân	phuong	19	2026-12-02 03:06:25.420785+07
01843	Phường Bắc Kạn	phuong	19	2026-12-02 03:06:25.420785+07
01849	Xã Phong Quang	xa	19	2026-12-02 03:06:25.420785+07
01840-TYT	Trạm Y tế Đức Xuân	health_facility	01840	2026-12-02 03:06:25.420785+07
01840-TH1	Trường Tiểu học Đức Xuân	school	01840	2026-12-02 03:06:25.420785+07
01840-THCS1	Trường THCS Đức Xuân	school	01840	2026-12-02 03:06:25.420785+07
01840-XD1	Cửa hàng xăng dầu Đức Xuân	petrol_station	01840	2026-12-02 03:06:25.420785+07
01840-BV1	Bệnh viện đa khoa Đức Xuân	hospital	01840	2026-12-02 03:06:25.420785+07
01840-BV1-KCB	Phòng khám Bệnh viện Đức Xuân	health_facility	01840	2026-12-02 03:06:25.420785+07
01843-TYT	Trạm Y tế Bắc Kạn	health_facility	01843	2026-12-02 03:06:25.420785+07
01843-TH1	Trường Tiểu học Bắc Kạn	school	01843	2026-12-02 03:06:25.420785+07
01843-XD1	Cửa hàng xăng dầu Bắc Kạn	petrol_station	01843	2026-12-02 03:06:25.420785+07
01849-TYT	Trạm Y tế Phong Quang	health_facility	01849	2026-12-02 03:06:25.420785+07
01849-TH1	Trường Tiểu học Phong Quang	school	01849	2026-12-02 03:06:25.420785+07
01849-THCS1	Trường THCS Phong Quang	school	01849	2026-12-02 03:06:25.420785+07
01849-XD1	Cửa hàng xăng dầu Phong Quang	petrol_station	01849	2026-12-02 03:06:25.420785+07
\.


--
-- Name: alert_event_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.alert_event_id_seq', 1, false);


--
-- Name: alert_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.alert_id_seq', 1, false);


--
-- Name: alert_run_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.alert_run_id_seq', 1, false);


--
-- Name: compute_delta_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.compute_delta_id_seq', 1, false);


--
-- Name: compute_run_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.compute_run_id_seq', 1, true);


--
-- Name: delivery_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.delivery_id_seq', 1, false);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.outbox_id_seq', 1, false);


--
-- Name: run_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.run_id_seq', 1, false);


--
-- Name: submission_id_seq; Type: SEQUENCE SET; Schema: kpi; Owner: -
--

SELECT pg_catalog.setval('kpi.submission_id_seq', 2, true);


--
-- Name: alert_event alert_event_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.alert_event
    ADD CONSTRAINT alert_event_pkey PRIMARY KEY (id);


--
-- Name: alert alert_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.alert
    ADD CONSTRAINT alert_pkey PRIMARY KEY (id);


--
-- Name: alert_run alert_run_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.alert_run
    ADD CONSTRAINT alert_run_pkey PRIMARY KEY (id);


--
-- Name: analyst_scope analyst_scope_role_name_unit_code_key; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.analyst_scope
    ADD CONSTRAINT analyst_scope_role_name_unit_code_key UNIQUE NULLS NOT DISTINCT (role_name, unit_code);


--
-- Name: catalog_load catalog_load_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.catalog_load
    ADD CONSTRAINT catalog_load_pkey PRIMARY KEY (catalog_version);


--
-- Name: compute_delta compute_delta_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.compute_delta
    ADD CONSTRAINT compute_delta_pkey PRIMARY KEY (id);


--
-- Name: compute_run compute_run_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.compute_run
    ADD CONSTRAINT compute_run_pkey PRIMARY KEY (id);


--
-- Name: data_quality_finding data_quality_finding_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.data_quality_finding
    ADD CONSTRAINT data_quality_finding_pkey PRIMARY KEY (metric, unit_code, period_kind, period_end);


--
-- Name: delivery delivery_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.delivery
    ADD CONSTRAINT delivery_pkey PRIMARY KEY (id);


--
-- Name: indicator_history indicator_history_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.indicator_history
    ADD CONSTRAINT indicator_history_pkey PRIMARY KEY (catalog_version, id, effective_from);


--
-- Name: indicator indicator_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.indicator
    ADD CONSTRAINT indicator_pkey PRIMARY KEY (id, effective_from);


--
-- Name: indicator_value indicator_value_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.indicator_value
    ADD CONSTRAINT indicator_value_pkey PRIMARY KEY (indicator_id, unit_code, period_kind, period_end);


--
-- Name: metric_half metric_half_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.metric_half
    ADD CONSTRAINT metric_half_pkey PRIMARY KEY (metric, half, unit_code);


--
-- Name: metric_history metric_history_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.metric_history
    ADD CONSTRAINT metric_history_pkey PRIMARY KEY (catalog_version, code);


--
-- Name: metric metric_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.metric
    ADD CONSTRAINT metric_pkey PRIMARY KEY (code);


--
-- Name: observation observation_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.observation
    ADD CONSTRAINT observation_pkey PRIMARY KEY (period_start, unit_code, metric, grain);


--
-- Name: observation_202502_1 observation_202502_1_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.observation_202502_1
    ADD CONSTRAINT observation_202502_1_pkey PRIMARY KEY (period_start, unit_code, metric, grain);


--
-- Name: observation_default observation_default_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.observation_default
    ADD CONSTRAINT observation_default_pkey PRIMARY KEY (period_start, unit_code, metric, grain);


--
-- Name: observation_month observation_month_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.observation_month
    ADD CONSTRAINT observation_month_pkey PRIMARY KEY (metric, month);


--
-- Name: outbox_event outbox_event_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.outbox_event
    ADD CONSTRAINT outbox_event_pkey PRIMARY KEY (outbox_id, event_id);


--
-- Name: outbox outbox_idempotency_key_key; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.outbox
    ADD CONSTRAINT outbox_idempotency_key_key UNIQUE (idempotency_key);


--
-- Name: outbox outbox_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);


--
-- Name: run run_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.run
    ADD CONSTRAINT run_pkey PRIMARY KEY (id);


--
-- Name: schema_migration schema_migration_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.schema_migration
    ADD CONSTRAINT schema_migration_pkey PRIMARY KEY (version);


--
-- Name: submission submission_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.submission
    ADD CONSTRAINT submission_pkey PRIMARY KEY (id);


--
-- Name: unit unit_pkey; Type: CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.unit
    ADD CONSTRAINT unit_pkey PRIMARY KEY (code);


--
-- Name: alert_event_alert_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX alert_event_alert_idx ON kpi.alert_event USING btree (alert_id, period_start, id);


--
-- Name: alert_event_run_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX alert_event_run_idx ON kpi.alert_event USING btree (run_id);


--
-- Name: alert_firing_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE UNIQUE INDEX alert_firing_idx ON kpi.alert USING btree (fingerprint) WHERE (state = 'firing'::text);


--
-- Name: alert_key_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX alert_key_idx ON kpi.alert USING btree (indicator_id, period_kind, unit_code);


--
-- Name: compute_dirty_pending_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX compute_dirty_pending_idx ON kpi.compute_dirty USING btree (month) WHERE (run_id IS NULL);


--
-- Name: delivery_outbox_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX delivery_outbox_idx ON kpi.delivery USING btree (outbox_id, attempt);


--
-- Name: indicator_value_history_key_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX indicator_value_history_key_idx ON kpi.indicator_value_history USING btree (indicator_id, unit_code, period_kind, period_end);


--
-- Name: indicator_value_period_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX indicator_value_period_idx ON kpi.indicator_value USING btree (period_kind, period_end);


--
-- Name: indicator_value_unit_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX indicator_value_unit_idx ON kpi.indicator_value USING btree (unit_code);


--
-- Name: observation_superseded_key_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX observation_superseded_key_idx ON kpi.observation_superseded USING btree (unit_code, metric, period_start, grain);


--
-- Name: outbox_pending_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX outbox_pending_idx ON kpi.outbox USING btree (id) WHERE (delivered_at IS NULL);


--
-- Name: rejected_row_submission_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX rejected_row_submission_idx ON kpi.rejected_row USING btree (submission_id, line_no);


--
-- Name: submission_received_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX submission_received_idx ON kpi.submission USING btree (received_at);


--
-- Name: submission_sha256_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE UNIQUE INDEX submission_sha256_idx ON kpi.submission USING btree (sha256) WHERE (status <> 'rejected'::text);


--
-- Name: unit_parent_idx; Type: INDEX; Schema: kpi; Owner: -
--

CREATE INDEX unit_parent_idx ON kpi.unit USING btree (parent_code);


--
-- Name: observation_202502_1_pkey; Type: INDEX ATTACH; Schema: kpi; Owner: -
--

ALTER INDEX kpi.observation_pkey ATTACH PARTITION kpi.observation_202502_1_pkey;


--
-- Name: observation_default_pkey; Type: INDEX ATTACH; Schema: kpi; Owner: -
--

ALTER INDEX kpi.observation_pkey ATTACH PARTITION kpi.observation_default_pkey;


--
-- Name: observation observation_dirty_delete; Type: TRIGGER; Schema: kpi; Owner: -
--

CREATE TRIGGER observation_dirty_delete AFTER DELETE ON kpi.observation REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_observation();


--
-- Name: observation observation_dirty_insert; Type: TRIGGER; Schema: kpi; Owner: -
--

CREATE TRIGGER observation_dirty_insert AFTER INSERT ON kpi.observation REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_insert();


--
-- Name: observation observation_dirty_update; Type: TRIGGER; Schema: kpi; Owner: -
--

CREATE TRIGGER observation_dirty_update AFTER UPDATE ON kpi.observation REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_observation();


--
-- Name: unit unit_dirty_insert; Type: TRIGGER; Schema: kpi; Owner: -
--

CREATE TRIGGER unit_dirty_insert AFTER INSERT ON kpi.unit REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_unit();


--
-- Name: unit unit_dirty_update; Type: TRIGGER; Schema: kpi; Owner: -
--

CREATE TRIGGER unit_dirty_update AFTER UPDATE ON kpi.unit REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_unit();


--
-- Name: alert_event alert_event_alert_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.alert_event
    ADD CONSTRAINT alert_event_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES kpi.alert(id);


--
-- Name: alert_event alert_event_run_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.alert_event
    ADD CONSTRAINT alert_event_run_id_fkey FOREIGN KEY (run_id) REFERENCES kpi.alert_run(id);


--
-- Name: alert alert_unit_code_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.alert
    ADD CONSTRAINT alert_unit_code_fkey FOREIGN KEY (unit_code) REFERENCES kpi.unit(code);


--
-- Name: analyst_scope analyst_scope_unit_code_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.analyst_scope
    ADD CONSTRAINT analyst_scope_unit_code_fkey FOREIGN KEY (unit_code) REFERENCES kpi.unit(code);


--
-- Name: compute_dirty compute_dirty_run_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.compute_dirty
    ADD CONSTRAINT compute_dirty_run_id_fkey FOREIGN KEY (run_id) REFERENCES kpi.compute_run(id);


--
-- Name: data_quality_finding data_quality_finding_first_run_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.data_quality_finding
    ADD CONSTRAINT data_quality_finding_first_run_id_fkey FOREIGN KEY (first_run_id) REFERENCES kpi.compute_run(id);


--
-- Name: data_quality_finding data_quality_finding_last_run_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.data_quality_finding
    ADD CONSTRAINT data_quality_finding_last_run_id_fkey FOREIGN KEY (last_run_id) REFERENCES kpi.compute_run(id);


--
-- Name: delivery delivery_outbox_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.delivery
    ADD CONSTRAINT delivery_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES kpi.outbox(id);


--
-- Name: indicator indicator_denominator_metric_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.indicator
    ADD CONSTRAINT indicator_denominator_metric_fkey FOREIGN KEY (denominator_metric) REFERENCES kpi.metric(code);


--
-- Name: indicator indicator_numerator_metric_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.indicator
    ADD CONSTRAINT indicator_numerator_metric_fkey FOREIGN KEY (numerator_metric) REFERENCES kpi.metric(code);


--
-- Name: indicator indicator_status_metric_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.indicator
    ADD CONSTRAINT indicator_status_metric_fkey FOREIGN KEY (status_metric) REFERENCES kpi.metric(code);


--
-- Name: outbox_event outbox_event_event_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.outbox_event
    ADD CONSTRAINT outbox_event_event_id_fkey FOREIGN KEY (event_id) REFERENCES kpi.alert_event(id);


--
-- Name: outbox_event outbox_event_outbox_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.outbox_event
    ADD CONSTRAINT outbox_event_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES kpi.outbox(id);


--
-- Name: outbox outbox_run_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.outbox
    ADD CONSTRAINT outbox_run_id_fkey FOREIGN KEY (run_id) REFERENCES kpi.alert_run(id);


--
-- Name: rejected_row rejected_row_submission_id_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.rejected_row
    ADD CONSTRAINT rejected_row_submission_id_fkey FOREIGN KEY (submission_id) REFERENCES kpi.submission(id);


--
-- Name: unit unit_parent_code_fkey; Type: FK CONSTRAINT; Schema: kpi; Owner: -
--

ALTER TABLE ONLY kpi.unit
    ADD CONSTRAINT unit_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES kpi.unit(code);


--
-- PostgreSQL database dump complete
--

\unrestrict RaCpJP8xqqj4ljdwG49er4WQC7ENksa7a5xg4EeRAZrucqacgCxvNtEvH6aUHbL

