-- observation/observation_load_attach: kpi.observation_load_attach(), step 2
-- of kpi ingest's fast path (the key, the partition, the compute queue).

-- kpi ingest's fast path, step 2 (step 1, kpi.observation_load_begin,
-- makes the load table LIKE kpi.observation: same collations), after the COPY
-- of a file whose months (of any metric, as p_months lists them, repeats
-- allowed; NULL or empty when no row was good) were all new, and whose good
-- rows came from the units p_units: build the key index (a key twice in the
-- file fails here with unique_violation, and the caller takes its slow
-- path), in parallel, then attach the table as the partition of those
-- months, named after them and the submission, and queue (NULL, unit, month)
-- for kpi compute for each unit of p_units and each month of p_months (a unit
-- may lack a month: computing it again changes nothing). When those months
-- overlap a partition (another metric of the same month is already there) or
-- rows of kpi.observation_default, the rows are inserted instead (the
-- triggers queue them). Returns 'attached', 'inserted' or 'empty'. Sorts in
-- memory: one ingest at a time.
CREATE OR REPLACE FUNCTION kpi.observation_load_attach(p_submission bigint, p_months date[], p_units text[])
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET maintenance_work_mem = '1GB'         -- the key index sorted in memory
SET max_parallel_maintenance_workers = 2 -- by the backend and two workers
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

