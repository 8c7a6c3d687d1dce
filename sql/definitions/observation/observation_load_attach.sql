-- observation/observation_load_attach: kpi.observation_load_attach(), step 2
-- of kpi ingest's fast path (the key, the partition, the compute queue).

-- kpi ingest's fast path, step 2 (step 1, kpi.observation_load_begin,
-- makes the load table LIKE kpi.observation_data: same collations), after the COPY
-- of a file whose months (of any metric, as p_months lists them, repeats
-- allowed; NULL or empty when no row was good) were all new, and whose good
-- rows came from the units p_units (codes): build the key index (a key twice in the
-- file fails here with unique_violation, and the caller takes its slow
-- path), in parallel, then attach the table as the partition of those
-- months (of kpi.observation_data; the range check used to attach it,
-- observation_load_range, step 1's of the first rows' months when it is still there,
-- dropped after), named after them and the submission, and queue (NULL, unit, month)
-- for kpi compute for each unit of p_units and each month of p_months (a unit
-- may lack a month: computing it again changes nothing). When those months
-- overlap a partition (another metric of the same month is already there) or
-- rows of kpi.observation_default, the rows are inserted instead (the
-- triggers queue them). Returns 'attached', 'inserted' or 'empty'. One
-- ingest at a time (the ingest lock).
-- It refuses (nothing attached or inserted) unless the submission was
-- inserted by the current transaction and the table holds step 1's check that
-- every row is of that submission, of a unit of the dated registry
-- (kpi.unit_dated: a code of today's map or an earlier meaning) and of a
-- metric of kpi.metric, by their numbers (kpi.unit_key, kpi.metric_key).
-- SECURITY DEFINER, executable by kpi_writer only (`kpi roles setup`), never
-- by PUBLIC; the INSERT that step 1 granted to the caller is revoked first
-- (unless the caller is the owner itself, who keeps its rights).
CREATE OR REPLACE FUNCTION kpi.observation_load_attach(p_submission bigint, p_months date[], p_units text[])
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
-- the key index sorted by the backend and one worker in runs of 32 MB each (the least
-- PostgreSQL lets a worker have), then merged: 2.2-2.6 s for a national month's 6.2
-- million keys on 2 cores, against 3.6-4.0 s sorted in 1GB of memory by three
-- processes (docs/benchmarks.md, session 15)
SET maintenance_work_mem = '64MB'
SET max_parallel_maintenance_workers = 1
AS $$
DECLARE
  lo date;
  hi date;
  part text;
BEGIN
  PERFORM kpi.submission_require_open(p_submission, 'kpi.observation_load_attach');
  IF session_user <> current_user THEN
    EXECUTE pg_catalog.format('REVOKE ALL ON kpi.observation_load FROM %I', session_user);
  END IF;
  -- every row is of the submission, a unit and a metric: the check step 1 made (its
  -- owner's; the caller may not drop it), tested row by row during the COPY
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c
                  WHERE c.conrelid = 'kpi.observation_load'::pg_catalog.regclass
                    AND c.conname = 'observation_load_known' AND c.convalidated
                    AND pg_catalog.pg_get_constraintdef(c.oid)
                        LIKE pg_catalog.format('CHECK (((submission_id = %s) AND %%', p_submission)) THEN
    RAISE EXCEPTION 'kpi.observation_load_attach: the load table lacks the check of submission % '
                    '(made by kpi.observation_load_begin)', p_submission
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT pg_catalog.min(m), (pg_catalog.max(m) + interval '1 month')::date INTO lo, hi
    FROM pg_catalog.unnest(p_months) AS m;
  IF lo IS NULL THEN
    DROP TABLE kpi.observation_load;
    RETURN 'empty';
  END IF;
  IF p_units IS NULL THEN
    RAISE EXCEPTION 'kpi.observation_load_attach: the units of the file are missing'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  part := pg_catalog.format('observation_%s_%s', pg_catalog.to_char(lo, 'YYYYMM'), p_submission);
  EXECUTE 'ALTER TABLE kpi.observation_load ADD PRIMARY KEY'
          ' (period_start, unit_id, metric_id, grain)';
  -- the range of the partition, checked by a scan, unless step 1's check of the first rows'
  -- months (row by row during the COPY) is still there: then every row is within those
  -- months, which are the file's, and the attach needs no scan
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c
                  WHERE c.conrelid = 'kpi.observation_load'::pg_catalog.regclass
                    AND c.conname = 'observation_load_range') THEN
    EXECUTE pg_catalog.format('ALTER TABLE kpi.observation_load ADD CONSTRAINT'
                   ' observation_load_range CHECK (period_start >= %L AND period_start < %L)',
                   lo, hi);
  END IF;
  BEGIN
    EXECUTE pg_catalog.format('ALTER TABLE kpi.observation_data ATTACH PARTITION kpi.observation_load'
                   ' FOR VALUES FROM (%L) TO (%L)', lo, hi);
  EXCEPTION WHEN invalid_object_definition OR check_violation THEN
    -- overlaps a partition, or kpi.observation_default holds rows of those months
    INSERT INTO kpi.observation_data SELECT * FROM kpi.observation_load;
    DROP TABLE kpi.observation_load;
    RETURN 'inserted';
  END;
  ALTER TABLE kpi.observation_load DROP CONSTRAINT observation_load_range,
    DROP CONSTRAINT observation_load_known;
  EXECUTE pg_catalog.format('ALTER TABLE kpi.observation_load RENAME TO %I', part);
  EXECUTE pg_catalog.format('ALTER INDEX kpi.observation_load_pkey RENAME TO %I', part || '_pkey');
  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT NULL, u.code, m.month
    FROM (SELECT DISTINCT code FROM pg_catalog.unnest(p_units) AS code) AS u
   CROSS JOIN (SELECT DISTINCT pg_catalog.date_trunc('month', d)::date AS month
                 FROM pg_catalog.unnest(p_months) AS d) AS m;
  RETURN 'attached';
END $$;
REVOKE ALL ON FUNCTION kpi.observation_load_attach(bigint, date[], text[]) FROM PUBLIC;
