-- compute/compute_time_layer: kpi.compute_time_layer(), step 2 of kpi.compute:
-- kpi.metric_half brought up to date (temp tables t_day, t_add, t_key,
-- t_add_half; t_latest, each metric's latest month before), and the run's
-- share of kpi.compute_delta (delta_upto).

CREATE OR REPLACE FUNCTION kpi.compute_time_layer(p_run bigint, p_from date, p_to date,
                                                  p_full boolean, p_first boolean)
RETURNS void
LANGUAGE plpgsql
-- a hash aggregate, even when a partition attached by kpi ingest has no
-- statistics yet (the planner would sort millions of rows on disk)
SET enable_sort = off
AS $$
#variable_conflict use_column
DECLARE
  v_win_lo date;
  v_win_hi date;
  v_delta_from bigint;
  v_delta_to bigint;
  v_key_lo date;
  v_key_hi date;
  v_cal_lo date;
  v_cal_hi date;
  v_status text[];
  v_status_id smallint[];
  -- the aggregation of the counts of a source (%1$s: kpi.observation_data, by
  -- number, or t_add, by code) into half months, for the rows its WHERE clause
  -- (%2$s) selects; $1, $2 the bounds of that clause, $3 the status metrics of
  -- tasks (whose first day and first done day task cells read) by code, $4 by
  -- number. %4$s..%9$s say how the source names metric and unit: its columns
  -- (%4$s, %5$s), the joins from the aggregated keys a.k_metric, a.k_unit to
  -- their codes (%6$s), the status test (%7$s) and the codes (%8$s, %9$s). By
  -- number, the codes are joined to the aggregates, not to the counts (a join
  -- per count cost a national month 4 s)
  v_half_agg text := $q$
    SELECT %8$s AS metric, a.half, %9$s AS unit_code, m.temporal,
           CASE WHEN a.month_value IS NOT NULL THEN a.month_value
                WHEN m.temporal = 'flow' THEN a.total
                WHEN a.big IS NULL OR a.spk >> 47 > a.big[1] THEN a.spk & 140737488355327
                ELSE a.big[2] END AS value,
           DATE '2000-01-01' + greatest(a.spk >> 47, a.big[1])::int AS last_day,
           a.month_value IS NOT NULL AS has_month, a.first_day, a.first_done
      FROM (SELECT o.%4$s AS k_metric, coalesce(d.half, kpi.half_of(o.period_start)) AS half,
                   o.%5$s AS k_unit,
                   max(o.value) FILTER (WHERE o.grain = 'month') AS month_value,
                   sum(o.value) AS total,
                   max(coalesce(d.pk, (o.period_start - DATE '2000-01-01')::bigint << 47)
                       + o.value) FILTER (WHERE o.value < 140737488355328) AS spk,
                   max(ARRAY[o.period_start - DATE '2000-01-01', o.value])
                     FILTER (WHERE o.value >= 140737488355328) AS big,
                   min(o.period_start) FILTER (WHERE %7$s) AS first_day,
                   min(o.period_start) FILTER (WHERE %7$s AND o.value >= 1) AS first_done
              FROM %1$s o LEFT JOIN t_day d ON d.day = o.period_start
             WHERE %2$s
             GROUP BY 1, 2, 3) a
      %6$s
      JOIN kpi.metric m ON m.code = %8$s$q$;
  -- the source's naming, by number (kpi.observation_data) and by code (t_add):
  -- the arguments %4$s..%9$s of v_half_agg
  v_by_id text[] := ARRAY['metric_id', 'unit_id',
                          'JOIN kpi.metric_key mk ON mk.id = a.k_metric'
                          ' JOIN kpi.unit_key uk ON uk.id = a.k_unit',
                          'o.metric_id = ANY ($4)', 'mk.code', 'uk.code'];
  v_by_code text[] := ARRAY['metric', 'unit_code', '', 'o.metric = ANY ($3)', 'a.k_metric',
                            'a.k_unit'];
  -- that aggregation of kpi.observation_data into kpi.metric_half; %3$s: the
  -- upsert below, or nothing (a plain insert when the window holds no half); in the
  -- order of its key, so that each page of the key is written once (a national
  -- month's 411,804 halves: 2.2 s in the order of the hash, 1.4 s sorted)
  v_half_sql text := 'INSERT INTO kpi.metric_half AS mh (metric, half, unit_code, value,'
                     ' last_day, has_month, first_day, first_done) SELECT metric, half,'
                     ' unit_code, value, last_day, has_month, first_day, first_done FROM ('
                     || v_half_agg || ') h ORDER BY metric, half, unit_code %3$s';
  v_half_upsert text := $q$
    ON CONFLICT (metric, half, unit_code) DO UPDATE
      SET value = excluded.value, last_day = excluded.last_day,
          has_month = excluded.has_month, first_day = excluded.first_day,
          first_done = excluded.first_done
      WHERE (mh.value, mh.last_day, mh.has_month, mh.first_day, mh.first_done)
            IS DISTINCT FROM (excluded.value, excluded.last_day, excluded.has_month,
                              excluded.first_day, excluded.first_done)$q$;
BEGIN
  -- p_full: rebuilt from the counts of the window. Then what changed since
  -- the last run: keys re-aggregated from kpi.observation (revisions,
  -- month-level rows, new partitions, changes outside a full run's window),
  -- and inserted day rows added to their half (flows summed, a stock's value replaced when its day is the
  -- latest). A month holds either day rows or one month row of a metric
  -- (kpi ingest keeps them apart); should both exist, the month row wins.
  -- each metric's latest month holding a value before the run (t_latest): a month
  -- that stops or starts being the latest is judged again (kpi.compute_scope;
  -- kpi.quality_findings does not judge low values in the latest month)
  CREATE TEMP TABLE t_latest ON COMMIT DROP AS
  SELECT m.code AS metric,
         (SELECT date_trunc('month', max(h.half))::date
            FROM kpi.metric_half h WHERE h.metric = m.code) AS before
    FROM kpi.metric m;
  SELECT array_agg(DISTINCT status_metric) INTO v_status
    FROM kpi.indicator WHERE status_metric IS NOT NULL;
  v_status := coalesce(v_status, '{}');
  SELECT coalesce(array_agg(k.id), '{}') INTO v_status_id
    FROM kpi.metric_key k WHERE k.code = ANY (v_status);
  -- the calendar of the days holding counts (a day outside it, e.g. of a row
  -- deleted since, takes kpi.half_of: the joins below fall back to it); the
  -- whole century was 36,500 rows built and analysed by every run
  SELECT min(o.period_start), max(o.period_start) INTO v_cal_lo, v_cal_hi
    FROM kpi.observation_data o;
  CREATE TEMP TABLE t_day ON COMMIT DROP AS
  SELECT * FROM kpi.half_calendar(coalesce(v_cal_lo, DATE '2000-01-01'),
                                  coalesce(v_cal_hi, DATE '2000-01-01'));
  ANALYZE t_day;
  -- (the first run rebuilds every count: task cells read first days from it)
  v_win_lo := CASE WHEN p_full AND p_from IS NOT NULL AND NOT p_first
                   THEN date_trunc('month', p_from) - interval '12 months' END;
  v_win_hi := CASE WHEN p_full AND p_to IS NOT NULL AND NOT p_first
                   THEN date_trunc('month', p_to) + interval '1 month' END;
  IF p_full THEN
    EXECUTE format(v_half_sql, VARIADIC ARRAY[
                   'kpi.observation_data', '(o.period_start >= $1 OR $1 IS NULL)'
                                           ' AND (o.period_start < $2 OR $2 IS NULL)',
                   CASE WHEN EXISTS (SELECT 1 FROM kpi.metric_half h
                                      WHERE (h.half >= v_win_lo OR v_win_lo IS NULL)
                                        AND (h.half < v_win_hi OR v_win_hi IS NULL))
                        THEN v_half_upsert ELSE '' END] || v_by_id)
      USING v_win_lo, v_win_hi, v_status, v_status_id;
  END IF;

  -- the rows queued since the last run; kpi ingest holds the ingest key
  -- while it queues, and waiting for it here makes every id up to the last
  -- one committed
  PERFORM pg_advisory_xact_lock(7040105, 4);
  SELECT coalesce(max(r.delta_upto), 0) INTO v_delta_from
    FROM kpi.compute_run r WHERE r.finished_at IS NOT NULL;
  SELECT coalesce(max(x.id), v_delta_from) INTO v_delta_to FROM kpi.compute_delta x;
  UPDATE kpi.compute_run SET delta_upto = v_delta_to WHERE id = p_run;
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
    -- the keys by number (a code without one has no count)
    CREATE TEMP TABLE t_key_id ON COMMIT DROP AS
    SELECT u.id AS unit_id, m.id AS metric_id, k.month
      FROM t_key k JOIN kpi.unit_key u ON u.code = k.unit_code
      LEFT JOIN kpi.metric_key m ON m.code = k.metric
     WHERE k.metric IS NULL OR m.id IS NOT NULL;
    ANALYZE t_key_id;
    EXECUTE format(v_half_sql, VARIADIC ARRAY[
                   'kpi.observation_data', 'o.period_start >= $1 AND o.period_start < $2'
                     ' AND EXISTS (SELECT 1 FROM t_key_id k'
                     '  WHERE k.unit_id = o.unit_id AND k.month = coalesce(d.month, date_trunc(''month'', o.period_start)::date)'
                     '    AND (k.metric_id IS NULL OR k.metric_id = o.metric_id))',
                   v_half_upsert] || v_by_id)
      USING v_key_lo, v_key_hi, v_status, v_status_id;
  END IF;

  -- inserted day rows into their half: flows add, stocks take the latest
  -- day; one aggregate, then an update of the halves that exist (a join)
  -- and an insert of the others
  EXECUTE format('CREATE TEMP TABLE t_add_half ON COMMIT DROP AS ' || v_half_agg, VARIADIC ARRAY[
                 't_add',
                 'NOT EXISTS (SELECT 1 FROM t_key k WHERE k.unit_code = o.unit_code'
                 ' AND k.month = o.month AND (k.metric IS NULL OR k.metric = o.metric))',
                 ''] || v_by_code)
    USING NULL::date, NULL::date, v_status, v_status_id;
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

  -- the later steps join kpi.metric_half: plan them over its new rows (without
  -- this, an incremental night took 1.5 times as long: benchmarks.md), as its
  -- owner (kpi.compute_analyze: the nightly run is kpi_writer)
  PERFORM kpi.compute_analyze('metric_half');
END $$;
