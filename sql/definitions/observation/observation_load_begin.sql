-- observation/observation_load_begin: kpi.observation_load_begin(), step 1 of
-- kpi ingest's fast path (the load table, the numbers of the codes).

-- kpi ingest's fast path, step 1: an empty table kpi.observation_load shaped
-- like kpi.observation_data (columns, defaults, checks; no index), for the COPY of
-- the good rows of the file of submission P_SUBMISSION (a check,
-- observation_load_known, refuses any row of another submission or of a number
-- no code of the registry or the catalog has; another, observation_load_range,
-- any row outside the days P_FROM (included) .. P_TO (excluded), when both are
-- given: the months of the file's first rows, so that step 2 attaches the table
-- without a scan; kpi.observation_load_widen drops it when a row of another
-- month comes); and the numbers the
-- rows give their metric and unit (kpi.metric_key, kpi.unit_key): UNIT_IDS
-- those of P_UNITS, METRIC_IDS those of P_METRICS, in their order (the codes
-- the client checks rows against), a code numbered when new -- only a code of
-- the dated registry (kpi.unit_dated) or of kpi.metric; NULL for any other.
-- The table is per transaction: the submission must have been inserted by
-- the current transaction (an analyst, who may insert no submission, never
-- gets here; nor does a call outside a file's transaction); the function
-- takes the ingest lock (the one kpi ingest holds for the file), so no other
-- transaction uses the table meanwhile, and drops a table of that name that
-- a transaction which never attached it left committed: nobody can squat the
-- name and make the next new month fail. Step 2
-- (kpi.observation_load_attach) renames or drops it in the same transaction.
-- SECURITY DEFINER (owned by kpi_owner once `kpi roles setup` ran): the
-- nightly run's kpi_writer may not create tables; the caller gets INSERT on
-- this one table for its COPY, revoked before the table is attached.
-- Executable by kpi_writer only (`kpi roles setup`), never by PUBLIC.
DROP FUNCTION IF EXISTS kpi.observation_load_begin();
DROP FUNCTION IF EXISTS kpi.observation_load_begin(bigint);
DROP FUNCTION IF EXISTS kpi.observation_load_begin(bigint, text[], text[]);
CREATE OR REPLACE FUNCTION kpi.observation_load_begin(p_submission bigint, p_units text[],
                                                      p_metrics text[], p_from date, p_to date,
                                                      OUT unit_ids integer[],
                                                      OUT metric_ids smallint[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t regclass;
  v_units text;   -- the runs of unit numbers of the dated registry, as a condition
  v_metrics text; -- the same of metric numbers of kpi.metric
BEGIN
  PERFORM kpi.submission_require_open(p_submission, 'kpi.observation_load_begin');
  PERFORM pg_catalog.pg_advisory_xact_lock(7040105, 4); -- the ingest lock (engine/ingest/load.c)
  t := pg_catalog.to_regclass('kpi.observation_load');
  IF t IS NOT NULL THEN
    IF (SELECT c.relispartition FROM pg_catalog.pg_class c WHERE c.oid = t) THEN
      RAISE EXCEPTION 'kpi.observation_load is a partition of kpi.observation: rename it'
        USING ERRCODE = 'object_in_use';
    END IF;
    DROP TABLE kpi.observation_load;  -- left by a transaction that never attached it
  END IF;
  CREATE TABLE kpi.observation_load
    (LIKE kpi.observation_data INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
  IF session_user <> current_user THEN
    EXECUTE pg_catalog.format('GRANT INSERT ON kpi.observation_load TO %I', session_user);
  END IF;
  INSERT INTO kpi.unit_key (code)
  SELECT DISTINCT c.code FROM pg_catalog.unnest(p_units) AS c(code)
   WHERE c.code IN (SELECT d.code FROM kpi.unit_dated d)
     AND NOT EXISTS (SELECT 1 FROM kpi.unit_key k WHERE k.code = c.code)
  ON CONFLICT (code) DO NOTHING;
  INSERT INTO kpi.metric_key (code)
  SELECT DISTINCT c.code FROM pg_catalog.unnest(p_metrics) AS c(code)
   WHERE c.code IN (SELECT m.code FROM kpi.metric m)
     AND NOT EXISTS (SELECT 1 FROM kpi.metric_key k WHERE k.code = c.code)
  ON CONFLICT (code) DO NOTHING;
  SELECT pg_catalog.array_agg(k.id ORDER BY c.n) INTO unit_ids
    FROM pg_catalog.unnest(p_units) WITH ORDINALITY AS c(code, n)
    LEFT JOIN (SELECT k.id, k.code FROM kpi.unit_key k
                WHERE k.code IN (SELECT d.code FROM kpi.unit_dated d)) k ON k.code = c.code;
  SELECT pg_catalog.array_agg(k.id ORDER BY c.n) INTO metric_ids
    FROM pg_catalog.unnest(p_metrics) WITH ORDINALITY AS c(code, n)
    LEFT JOIN (SELECT k.id, k.code FROM kpi.metric_key k
                WHERE k.code IN (SELECT m.code FROM kpi.metric m)) k ON k.code = c.code;
  -- what step 2 would otherwise check by a scan of the table, checked row by row during
  -- the COPY (a scan cost a national month 1.7 s): every row of this submission, of a
  -- unit number of the dated registry and a metric number of kpi.metric, as runs of
  -- consecutive numbers (one run unless hand-written SQL numbered other codes)
  SELECT coalesce(pg_catalog.string_agg(pg_catalog.format('unit_id BETWEEN %s AND %s', lo, hi),
                                        ' OR ' ORDER BY lo) FILTER (WHERE col = 'unit'), 'false'),
         coalesce(pg_catalog.string_agg(pg_catalog.format('metric_id BETWEEN %s AND %s', lo, hi),
                                        ' OR ' ORDER BY lo) FILTER (WHERE col = 'metric'), 'false')
    INTO v_units, v_metrics
    FROM (SELECT col, pg_catalog.min(id) AS lo, pg_catalog.max(id) AS hi
            FROM (SELECT col, id, id - pg_catalog.row_number() OVER (PARTITION BY col ORDER BY id) AS run
                    FROM (SELECT 'unit' AS col, k.id FROM kpi.unit_key k
                           WHERE k.code IN (SELECT d.code FROM kpi.unit_dated d)
                          UNION ALL
                          SELECT 'metric', k.id FROM kpi.metric_key k
                           WHERE k.code IN (SELECT m.code FROM kpi.metric m)) n) n
           GROUP BY col, run) r;
  EXECUTE pg_catalog.format('ALTER TABLE kpi.observation_load ADD CONSTRAINT observation_load_known'
                            ' CHECK (submission_id = %s AND (%s) AND (%s))',
                            p_submission, v_units, v_metrics);
  -- the months of the first rows, checked row by row during the COPY as well: the range
  -- step 2 would otherwise check by a scan before the attach (0.4 s for a national month)
  IF p_from IS NOT NULL AND p_to IS NOT NULL THEN
    EXECUTE pg_catalog.format('ALTER TABLE kpi.observation_load ADD CONSTRAINT'
                              ' observation_load_range CHECK (period_start >= %L'
                              ' AND period_start < %L)', p_from, p_to);
  END IF;
END $$;
REVOKE ALL ON FUNCTION kpi.observation_load_begin(bigint, text[], text[], date, date) FROM PUBLIC;
