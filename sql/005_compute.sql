-- 005_compute: the computed indicator time series (engine/compute.c runs
-- kpi.compute_run). Owns the period calendar, the half-month layer of counts,
-- the queue of changed inputs, kpi.indicator_value and its history, the
-- data-quality findings, and the analysts' views and functions.
--
-- Reading guide:
--   kpi.period_windows()          the calendar and reporting periods
--   kpi.compute_dirty             what changed since the last computation (filled by triggers)
--   kpi.metric_half               one value per (metric, unit, half month): the time layer
--   kpi.compute_run()             the computation itself, set-based, one transaction
--   kpi.indicator_value(_history) the result, and every value it replaced
--   kpi.indicator_series, kpi.indicator_latest, kpi.indicator_series_asof(), kpi.indicator_lineage()

-- ---------------------------------------------------------------------------
-- Periods
-- ---------------------------------------------------------------------------

-- Every period that ends in a month of [p_from, p_to] (both taken as months).
-- Calendar: month, ytd (1 January to the end of the month), quarter, half,
-- year. Reporting (Decree 09/2019/NĐ-CP as provinces apply it, cut at the
-- 15th): report_month (15th of the previous month to the 14th),
-- report_quarter, report_half (H1: 15 Dec to 14 Jun; H2: 15 Jun to 14 Dec),
-- report_9m (15 Dec to 14 Sep), report_year (15 Dec to 14 Dec).
-- period_end is inclusive; period_label names the period for people.
CREATE FUNCTION kpi.period_windows(p_from date, p_to date)
RETURNS TABLE (period_kind text, period_start date, period_end date, period_label text,
               cut boolean)
LANGUAGE sql IMMUTABLE STRICT AS $$
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
COMMENT ON FUNCTION kpi.period_windows(date, date) IS
  'calendar and reporting periods ending in the months p_from..p_to; cut = window cut at the 15th';

-- ---------------------------------------------------------------------------
-- What changed: a queue filled by statement triggers, claimed by compute runs
-- ---------------------------------------------------------------------------

CREATE TABLE kpi.compute_run (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  mode           text NOT NULL CHECK (mode IN ('full', 'incremental')),
  from_month     date,
  to_month       date,
  cells_in_scope bigint NOT NULL DEFAULT 0,
  cells_changed  bigint NOT NULL DEFAULT 0,
  findings       bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE kpi.compute_run IS 'every kpi compute run: range, mode, how many cells it recomputed and changed';

CREATE TABLE kpi.compute_dirty (
  metric    text,          -- NULL: every metric (a unit registry change)
  unit_code text NOT NULL,
  month     date,          -- NULL: every month
  queued_at timestamptz NOT NULL DEFAULT now(),
  run_id    bigint REFERENCES kpi.compute_run (id)  -- the run that took it into account
);
CREATE INDEX compute_dirty_pending_idx ON kpi.compute_dirty (month) WHERE run_id IS NULL;
COMMENT ON TABLE kpi.compute_dirty IS
  'inputs changed since they were last computed (new or revised counts, unit registry changes); '
  'run_id NULL = pending';

CREATE FUNCTION kpi.compute_mark_observation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT DISTINCT metric, unit_code, date_trunc('month', period_start)::date FROM changed;
  RETURN NULL;
END $$;

CREATE TRIGGER observation_dirty_insert AFTER INSERT ON kpi.observation
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_observation();
CREATE TRIGGER observation_dirty_update AFTER UPDATE ON kpi.observation
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_observation();
CREATE TRIGGER observation_dirty_delete AFTER DELETE ON kpi.observation
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION kpi.compute_mark_observation();

CREATE FUNCTION kpi.compute_mark_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT DISTINCT NULL::text, code, NULL::date FROM changed;
  RETURN NULL;
END $$;

CREATE TRIGGER unit_dirty_insert AFTER INSERT ON kpi.unit
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_unit();
CREATE TRIGGER unit_dirty_update AFTER UPDATE ON kpi.unit
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kpi.compute_mark_unit();

-- Counts loaded before this migration are pending too.
INSERT INTO kpi.compute_dirty (metric, unit_code, month)
SELECT DISTINCT metric, unit_code, date_trunc('month', period_start)::date FROM kpi.observation;

-- ---------------------------------------------------------------------------
-- The time layer: one value per metric, unit and half month
-- ---------------------------------------------------------------------------

-- Every period kpi computes (calendar months and windows cut at the 15th)
-- is a union of half months (1st..14th, 15th..end), so every period is
-- summed from at most two rows per unit and month instead of one per day.
CREATE TABLE kpi.metric_half (
  metric    text NOT NULL,
  half      date NOT NULL,    -- the 1st or the 15th; a month-level row: the 1st
  unit_code text NOT NULL,
  value     bigint NOT NULL,  -- flow: the total of the half; stock: its last value
  last_day  date NOT NULL,    -- stock: the day of that last value
  has_month boolean NOT NULL, -- a month-level row: covers the whole month
  PRIMARY KEY (metric, half, unit_code)
);
COMMENT ON TABLE kpi.metric_half IS
  'derived from kpi.observation by kpi compute: per half month, flow = sum, stock = last value; '
  'a month-level row stands for the whole month (has_month)';

-- ---------------------------------------------------------------------------
-- The result
-- ---------------------------------------------------------------------------

CREATE TABLE kpi.indicator_value (
  indicator_id     text NOT NULL,
  unit_code        text NOT NULL,
  period_kind      text NOT NULL CHECK (period_kind IN ('month', 'ytd', 'quarter', 'half', 'year',
                     'report_month', 'report_quarter', 'report_half', 'report_9m', 'report_year')),
  period_start     date NOT NULL,
  period_end       date NOT NULL,
  period_label     text NOT NULL,
  numerator        bigint,
  denominator      bigint,
  ratio_pct        numeric,     -- NULL unless the cell is judged (never above 100)
  comparator       text,
  target_pct       numeric,
  due_date         date,
  status           text NOT NULL CHECK (status IN ('met', 'breach', 'on_track', 'at_risk',
                                                   'no_data', 'invalid')),
  reason           text,        -- why a cell is not judged (English)
  reason_vi        text,        -- the same, in Vietnamese
  gap_count        bigint,      -- smallest numerator increase that meets the target
  completeness_pct numeric,     -- province: communes reporting both sides; share: facilities
  units_expected   integer,
  units_reporting  integer,
  catalog_version  text NOT NULL,
  computed_at      timestamptz NOT NULL,
  run_id           bigint NOT NULL REFERENCES kpi.compute_run (id),
  PRIMARY KEY (indicator_id, unit_code, period_kind, period_end),
  CHECK (ratio_pct IS NULL OR ratio_pct BETWEEN 0 AND 100),
  CHECK (status IN ('met', 'breach', 'on_track', 'at_risk') OR reason IS NOT NULL)
);
CREATE INDEX indicator_value_period_idx ON kpi.indicator_value (period_kind, period_end);
CREATE INDEX indicator_value_unit_idx ON kpi.indicator_value (unit_code);
COMMENT ON TABLE kpi.indicator_value IS
  'current value of every indicator, unit and period; computed_at = when this value became current';

CREATE TABLE kpi.indicator_value_history (LIKE kpi.indicator_value);
ALTER TABLE kpi.indicator_value_history ADD COLUMN valid_to timestamptz NOT NULL;
CREATE INDEX indicator_value_history_key_idx
  ON kpi.indicator_value_history (indicator_id, unit_code, period_kind, period_end);
COMMENT ON TABLE kpi.indicator_value_history IS
  'values a later computation replaced: current from computed_at until valid_to';

CREATE TABLE kpi.data_quality_finding (
  metric          text NOT NULL,
  unit_code       text NOT NULL,
  period_kind     text NOT NULL,
  period_start    date NOT NULL,
  period_end      date NOT NULL,
  own_value       bigint NOT NULL, -- what the unit reported itself (used)
  children_sum    bigint NOT NULL, -- the sum of its communes / facilities
  children_count  integer NOT NULL,
  first_run_id    bigint NOT NULL REFERENCES kpi.compute_run (id),
  last_run_id     bigint NOT NULL REFERENCES kpi.compute_run (id),
  resolved_at     timestamptz,     -- set when a later computation finds them equal
  PRIMARY KEY (metric, unit_code, period_kind, period_end)
);
COMMENT ON TABLE kpi.data_quality_finding IS
  'a unit''s own total differs from the sum of its children; the own total is used';

-- ---------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------

-- Sort key of an indicator id: "3.2.a" < "3.10" < "4.1".
CREATE FUNCTION kpi.indicator_sort_key(p_id text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT string_agg(CASE WHEN part ~ '^[0-9]+$' THEN lpad(part, 6, '0') ELSE part END, '.'
                    ORDER BY ord)
    FROM unnest(string_to_array(p_id, '.')) WITH ORDINALITY AS t(part, ord)
$$;

-- The ids of the catalog in force: those of the catalog version loaded last
-- (rows that left the catalog keep an older version), or every id when no
-- catalog load is recorded (rows inserted by hand).
CREATE FUNCTION kpi.indicator_current_ids() RETURNS SETOF text
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT i.id FROM kpi.indicator i
   WHERE NOT EXISTS (SELECT 1 FROM kpi.catalog_load)
      OR i.catalog_version = (SELECT catalog_version FROM kpi.catalog_load
                               ORDER BY loaded_at DESC LIMIT 1)
$$;

-- The catalog row of an indicator that applies to a period starting on p_start.
CREATE FUNCTION kpi.indicator_at(p_id text, p_start date) RETURNS SETOF kpi.indicator
LANGUAGE sql STABLE STRICT AS $$
  SELECT * FROM kpi.indicator
   WHERE id = p_id AND effective_from <= p_start
   ORDER BY effective_from DESC LIMIT 1
$$;

-- ---------------------------------------------------------------------------
-- The computation
-- ---------------------------------------------------------------------------

-- kpi.compute_run: compute (p_full) every cell, or only those whose inputs
-- changed, for the periods ending in the months p_from..p_to (NULL: the
-- months holding data; the first run of a database is always full).
-- Returns the run id, its counts, range and mode. One transaction;
-- callers serialise runs (engine/compute.c takes an advisory lock).
-- Task cells (done once any unit of the province reported the status metric
-- >= 1) read each status metric once per province (its first done day), not
-- once per cell; sums beyond bigint make a cell invalid; gap counts use div().
CREATE FUNCTION kpi.compute_run(p_from date, p_to date, p_full boolean,
                                OUT run_id bigint, OUT cells_in_scope bigint,
                                OUT cells_changed bigint, OUT findings bigint,
                                OUT from_month date, OUT to_month date, OUT mode text)
LANGUAGE plpgsql
SET jit = off         -- compiling these large plans costs seconds and saves nothing
SET work_mem = '256MB' -- hash aggregates in memory: a batch job, one at a time
SET enable_nestloop = on -- restored on exit; turned off below for the scoped temp tables
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
BEGIN
  -- the first computation of a database is a full one
  p_full := p_full OR NOT EXISTS (SELECT 1 FROM kpi.compute_run WHERE finished_at IS NOT NULL);
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

  -- 2. The time layer, refreshed for pending changes (or rebuilt). A month
  -- holds either day rows or one month row of a metric (kpi ingest keeps
  -- them apart); should both exist, the month row wins.
  CREATE TEMP TABLE t_obs (metric text, unit_code text, period_start date, grain text,
                           value bigint) ON COMMIT DROP;
  IF p_full THEN
    INSERT INTO t_obs
    SELECT o.metric, o.unit_code, o.period_start, o.grain, o.value
      FROM kpi.observation o
     WHERE (p_from IS NULL OR o.period_start >= date_trunc('month', p_from) - interval '12 months')
       AND (p_to IS NULL OR o.period_start < date_trunc('month', p_to) + interval '1 month');
  ELSE
    CREATE TEMP TABLE t_key ON COMMIT DROP AS
    SELECT DISTINCT metric, unit_code, month FROM kpi.compute_dirty
     WHERE run_id IS NULL AND metric IS NOT NULL AND month IS NOT NULL;
    ANALYZE t_key;
    INSERT INTO t_obs
    SELECT o.metric, o.unit_code, o.period_start, o.grain, o.value
      FROM t_key k
      JOIN kpi.observation o
        ON o.metric = k.metric AND o.unit_code = k.unit_code
       AND date_trunc('month', o.period_start)::date = k.month;
  END IF;
  INSERT INTO kpi.metric_half AS mh (metric, half, unit_code, value, last_day, has_month)
  SELECT metric, half, unit_code,
         CASE WHEN bool_or(grain = 'month') THEN max(value) FILTER (WHERE grain = 'month')
              WHEN min(temporal) = 'flow' THEN sum(value)
              ELSE (max(ARRAY[period_start - DATE '2000-01-01', value])
                      FILTER (WHERE temporal = 'stock'))[2] END,
         max(period_start), bool_or(grain = 'month')
    FROM (SELECT o.*, m.temporal,
                 CASE WHEN o.grain = 'day' AND extract(day FROM o.period_start) >= 15
                      THEN date_trunc('month', o.period_start)::date + 14
                      ELSE date_trunc('month', o.period_start)::date END AS half
            FROM t_obs o JOIN kpi.metric m ON m.code = o.metric) o
   GROUP BY metric, half, unit_code
  ON CONFLICT (metric, half, unit_code) DO UPDATE
    SET value = excluded.value, last_day = excluded.last_day, has_month = excluded.has_month
    WHERE (mh.value, mh.last_day, mh.has_month)
          IS DISTINCT FROM (excluded.value, excluded.last_day, excluded.has_month);

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
    CREATE TEMP TABLE t_dirty (metric text, unit_code text, month date) ON COMMIT DROP;
    WITH claimed AS (
      UPDATE kpi.compute_dirty d SET run_id = v_run
       WHERE d.run_id IS NULL AND (d.month IS NULL OR d.month BETWEEN v_from AND v_to)
      RETURNING d.metric, d.unit_code, d.month
    )
    INSERT INTO t_dirty
    SELECT metric, unit_code, month FROM claimed
    UNION
    SELECT metric, unit_code, month FROM kpi.compute_dirty
     WHERE run_id IS NULL AND month < v_from;
    -- months never computed before count as changed everywhere
    INSERT INTO t_dirty
    SELECT NULL, u.code, p.m
      FROM generate_series(v_from, v_to, interval '1 month') AS p(m)
      CROSS JOIN (SELECT code FROM t_unit WHERE depth = 0) u
     WHERE NOT EXISTS (SELECT 1 FROM kpi.compute_run r
                        WHERE r.finished_at IS NOT NULL
                          AND p.m BETWEEN r.from_month AND r.to_month);
    INSERT INTO t_scope
    SELECT DISTINCT i.id, u.province, p.period_kind, p.period_end
      FROM t_dirty d
      JOIN t_unit u ON u.code = d.unit_code
      JOIN kpi.indicator i
        ON d.metric IS NULL
        OR d.metric IN (i.numerator_metric, i.denominator_metric, i.status_metric)
      JOIN t_period p
        ON d.month IS NULL
        OR (p.period_start < d.month + interval '1 month' AND p.period_end >= d.month);
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
            FROM t_need n
            JOIN kpi.metric_half h
              ON h.metric = n.metric
             AND h.half BETWEEN n.from_half AND n.period_end
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
    SELECT o.metric, u.province, min(o.period_start) AS first_row,
           min(o.period_start) FILTER (WHERE o.value >= 1) AS first_done
      FROM kpi.observation o JOIN t_unit u ON u.code = o.unit_code
     WHERE o.metric IN (SELECT numerator_metric FROM t_cell_scope WHERE kind = 'task')
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

  INSERT INTO kpi.indicator_value AS v
    (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
     denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
     gap_count,
     completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id)
  SELECT indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
         denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
         gap_count,
         completeness_pct, units_expected, units_reporting, catalog_version, now(), v_run
    FROM t_changed
  ON CONFLICT (indicator_id, unit_code, period_kind, period_end) DO UPDATE
    SET period_start = excluded.period_start, period_label = excluded.period_label,
        numerator = excluded.numerator, denominator = excluded.denominator,
        ratio_pct = excluded.ratio_pct, comparator = excluded.comparator,
        target_pct = excluded.target_pct, due_date = excluded.due_date,
        status = excluded.status, reason = excluded.reason, reason_vi = excluded.reason_vi,
        gap_count = excluded.gap_count,
        completeness_pct = excluded.completeness_pct,
        units_expected = excluded.units_expected, units_reporting = excluded.units_reporting,
        catalog_version = excluded.catalog_version, computed_at = excluded.computed_at,
        run_id = excluded.run_id;

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
COMMENT ON FUNCTION kpi.compute_run(date, date, boolean) IS
  'compute the indicator cells of the periods ending in p_from..p_to: all (p_full) or those '
  'whose inputs changed; see README, "Computing indicators"';

-- ---------------------------------------------------------------------------
-- The analysts' interface
-- ---------------------------------------------------------------------------

CREATE VIEW kpi.indicator_series AS
SELECT v.indicator_id, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en,
       i.kind AS indicator_kind, v.unit_code, u.name AS unit_name, u.kind AS unit_kind,
       u.parent_code AS unit_parent, v.period_kind, v.period_label, v.period_start,
       v.period_end, v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct,
       v.due_date, v.status, v.reason, v.reason_vi, v.gap_count, v.completeness_pct,
       v.units_expected, v.units_reporting, v.catalog_version, v.computed_at, v.run_id
  FROM kpi.indicator_value v
  -- the orders are computed once per unit and per indicator, not once per row
  JOIN (SELECT un.*, row_number() OVER (ORDER BY un.kind <> 'province',
                                       un.name COLLATE "vi-VN-x-icu", un.code) AS unit_order
          FROM kpi.unit un) u ON u.code = v.unit_code
  JOIN (SELECT d.id, kpi.indicator_sort_key(d.id) AS id_order
          FROM (SELECT DISTINCT id FROM kpi.indicator) d
        OFFSET 0) k ON k.id = v.indicator_id  -- OFFSET 0: evaluated per indicator
  CROSS JOIN LATERAL (SELECT c.name_vi, c.name_en, c.kind FROM kpi.indicator c
                       WHERE c.id = v.indicator_id AND c.effective_from <= v.period_start
                       ORDER BY c.effective_from DESC LIMIT 1) i
 ORDER BY k.id_order, u.unit_order, v.period_kind, v.period_end;
COMMENT ON VIEW kpi.indicator_series IS
  'every computed cell with indicator and unit names, ordered by indicator, province first, '
  'unit name (Vietnamese collation), period';

CREATE VIEW kpi.indicator_latest AS
SELECT s.*
  FROM kpi.indicator_series s
 WHERE (s.indicator_id, s.unit_code, s.period_kind, s.period_end) IN
       (SELECT indicator_id, unit_code, period_kind, max(period_end)
          FROM kpi.indicator_value
         WHERE period_end < current_date
         GROUP BY indicator_id, unit_code, period_kind);
COMMENT ON VIEW kpi.indicator_latest IS
  'the latest complete period (ended before today) of each indicator, unit and period kind';

-- The series exactly as it stood at p_at: the values current then.
CREATE FUNCTION kpi.indicator_series_asof(p_at timestamptz)
RETURNS SETOF kpi.indicator_value
LANGUAGE sql STABLE STRICT AS $$
  SELECT * FROM kpi.indicator_value WHERE computed_at <= p_at
  UNION ALL
  SELECT indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
         denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
         gap_count,
         completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id
    FROM kpi.indicator_value_history
   WHERE computed_at <= p_at AND p_at < valid_to
$$;
COMMENT ON FUNCTION kpi.indicator_series_asof(timestamptz) IS
  'kpi.indicator_value as it stood at that instant (late corrections do not rewrite it)';

-- The current counts one cell was computed from: for each side, the
-- observations of the cell's unit and of the units under it inside the
-- window (and month-level rows of a month the window cuts), with the file
-- and line they came from. counted = false for rows the computation set
-- aside (a month-level row of a cut month; days under a month-level row; a
-- unit's children when it reported its own total; earlier values of a stock).
CREATE FUNCTION kpi.indicator_lineage(p_indicator text, p_unit text, p_period_kind text,
                                      p_period_label text)
RETURNS TABLE (side text, metric text, unit_code text, period_start date, grain text,
               value bigint, counted boolean, file_name text, line_no bigint,
               submission_id bigint, received_at timestamptz)
LANGUAGE sql STABLE STRICT AS $$
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
COMMENT ON FUNCTION kpi.indicator_lineage(text, text, text, text) IS
  'the observations (file, line, value) one cell was computed from; counted = used in the sum';
