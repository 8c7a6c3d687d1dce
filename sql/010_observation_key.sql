-- 010_observation_key: the key of kpi.observation in the order and collation
-- that sort fastest, so that `kpi ingest` builds the key index of a national
-- month in a few seconds (engine/csvload.c; README, Benchmarks):
--  - the text key columns (metric, unit_code, grain) of kpi.observation and
--    kpi.observation_superseded get COLLATE "C": the codes are ASCII, so the
--    order is the same as the default collation's, but a byte comparison is
--    several times cheaper than a locale's;
--  - the key becomes (period_start, unit_code, metric, grain): the same
--    columns, day first: a submission lists its days in order, so the sort
--    of the key index meets presorted input, and a night's rows land at the
--    right edge of the index instead of one leaf page per unit and metric
--    (metric first, whose codes share long prefixes, sorted slowest);
--  - kpi.observation_load_attach builds the load table's key with parallel
--    workers, and queues one row per (unit, month) for kpi compute with
--    metric NULL ("every metric of the unit in that month changed") from the
--    units the client saw, instead of a DISTINCT over every row.
-- The view kpi.observation_history reads these columns, and row-level
-- security policies (`kpi roles setup`, 008) read unit_code: both are
-- dropped and recreated identically around the change, with the view's
-- owner and grants.

CREATE TEMP TABLE restore_010 (n serial, stmt text NOT NULL) ON COMMIT DROP;

-- every policy of kpi.observation, its partitions and kpi.observation_superseded
INSERT INTO restore_010 (stmt)
SELECT format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s', p.policyname, p.schemaname,
              p.tablename, p.permissive, p.cmd,
              (SELECT string_agg(quote_ident(r), ', ') FROM unnest(p.roles) AS r))
       || coalesce(' USING (' || p.qual || ')', '')
       || coalesce(' WITH CHECK (' || p.with_check || ')', '')
  FROM pg_policies p
 WHERE format('%I.%I', p.schemaname, p.tablename)::regclass IN
       (SELECT relid FROM pg_partition_tree('kpi.observation')
        UNION ALL SELECT 'kpi.observation_superseded'::regclass)
 ORDER BY p.schemaname, p.tablename, p.policyname;

-- the view's owner (kpi_owner once `kpi roles setup` ran), then its grants
INSERT INTO restore_010 (stmt)
SELECT format('ALTER VIEW kpi.observation_history OWNER TO %I', pg_get_userbyid(c.relowner))
  FROM pg_class c WHERE c.oid = 'kpi.observation_history'::regclass;
INSERT INTO restore_010 (stmt)
SELECT format('GRANT %s ON kpi.observation_history TO %s%s', a.privilege_type,
              CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
              CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
  FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) AS a
 WHERE c.oid = 'kpi.observation_history'::regclass AND a.grantee <> c.relowner;

DO $$
DECLARE
  p record;
BEGIN
  FOR p IN SELECT policyname, schemaname, tablename FROM pg_policies
            WHERE format('%I.%I', schemaname, tablename)::regclass IN
                  (SELECT relid FROM pg_partition_tree('kpi.observation')
                   UNION ALL SELECT 'kpi.observation_superseded'::regclass)
  LOOP
    EXECUTE format('DROP POLICY %I ON %I.%I', p.policyname, p.schemaname, p.tablename);
  END LOOP;
END $$;

DROP VIEW kpi.observation_history;

-- the key: dropped first (the partitions' indexes go with it), rebuilt once
ALTER TABLE kpi.observation DROP CONSTRAINT observation_pkey;
ALTER TABLE kpi.observation
  ALTER COLUMN metric TYPE text COLLATE "C",
  ALTER COLUMN unit_code TYPE text COLLATE "C",
  ALTER COLUMN grain TYPE text COLLATE "C";
ALTER TABLE kpi.observation
  ADD CONSTRAINT observation_pkey PRIMARY KEY (period_start, unit_code, metric, grain);

DROP INDEX kpi.observation_superseded_key_idx;
ALTER TABLE kpi.observation_superseded
  ALTER COLUMN metric TYPE text COLLATE "C",
  ALTER COLUMN unit_code TYPE text COLLATE "C",
  ALTER COLUMN grain TYPE text COLLATE "C";
CREATE INDEX observation_superseded_key_idx
  ON kpi.observation_superseded (unit_code, metric, period_start, grain);

-- the definition and comment of 003 (009 recreated it identically)
CREATE VIEW kpi.observation_history AS
  SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,
         valid_from, NULL::timestamptz AS valid_to
    FROM kpi.observation
  UNION ALL
  SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,
         valid_from, valid_to
    FROM kpi.observation_superseded;
COMMENT ON VIEW kpi.observation_history IS
  'every version of every count: valid_to NULL = current';

DO $$
DECLARE
  s text;
BEGIN
  FOR s IN SELECT stmt FROM restore_010 ORDER BY n LOOP
    EXECUTE s;
  END LOOP;
END $$;

-- kpi ingest's fast path, step 2 (step 1, kpi.observation_load_begin of 009,
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
DROP FUNCTION kpi.observation_load_attach(bigint, date[]);
CREATE FUNCTION kpi.observation_load_attach(p_submission bigint, p_months date[], p_units text[])
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
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

-- the owner of the other steps (kpi_owner once `kpi roles setup` ran)
DO $$
DECLARE
  owner name := (SELECT pg_get_userbyid(proowner) FROM pg_proc
                  WHERE oid = 'kpi.observation_load_begin()'::regprocedure);
BEGIN
  EXECUTE format('ALTER FUNCTION kpi.observation_load_attach(bigint, date[], text[]) OWNER TO %I',
                 owner);
END $$;
