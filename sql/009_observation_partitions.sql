-- 009_observation_partitions: kpi.observation becomes a table partitioned by
-- ranges of months of period_start, with the same columns, key, checks,
-- triggers and view, so that `kpi ingest` can load a file that brings only
-- new months without maintaining the 4-column text key row by row: it COPYs
-- the rows into kpi.observation_load (no index), builds the key index once,
-- sorted, and attaches the table as the partition of those months
-- (kpi.observation_load_attach). Measured on a national month (5.2 million
-- rows): the key maintained per row cost most of the ingest (README,
-- Benchmarks).
--
-- The table as it stood becomes the partition of the months it holds (no row
-- is copied); kpi.observation_default takes rows of months no partition
-- covers (a correction file for an older month, rows inserted by hand).

ALTER TABLE kpi.observation RENAME TO observation_until_009;
ALTER INDEX kpi.observation_pkey RENAME TO observation_until_009_pkey;
DROP TRIGGER observation_dirty_insert ON kpi.observation_until_009;
DROP TRIGGER observation_dirty_update ON kpi.observation_until_009;
DROP TRIGGER observation_dirty_delete ON kpi.observation_until_009;

CREATE TABLE kpi.observation (
  metric        text NOT NULL,
  unit_code     text NOT NULL,
  period_start  date NOT NULL,
  grain         text NOT NULL CONSTRAINT observation_grain_check CHECK (grain IN ('day', 'month')),
  value         bigint NOT NULL CONSTRAINT observation_value_check CHECK (value >= 0),
  submission_id bigint NOT NULL,
  line_no       bigint NOT NULL,
  valid_from    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (metric, unit_code, period_start, grain),
  -- the names of 003's checks, which a partition must carry
  CONSTRAINT observation_check CHECK (grain = 'day' OR extract(day FROM period_start) = 1)
) PARTITION BY RANGE (period_start);
COMMENT ON TABLE kpi.observation IS
  'current value of each count; period_start is the day, or the first day of the month (grain month); '
  'partitioned by ranges of months (kpi ingest attaches one partition per file of new months)';

CREATE TABLE kpi.observation_default PARTITION OF kpi.observation DEFAULT;

CREATE OR REPLACE VIEW kpi.observation_history AS
  SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,
         valid_from, NULL::timestamptz AS valid_to
    FROM kpi.observation
  UNION ALL
  SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,
         valid_from, valid_to
    FROM kpi.observation_superseded;


DO $$
DECLARE
  lo date;
  hi date;
BEGIN
  SELECT date_trunc('month', min(period_start))::date,
         (date_trunc('month', max(period_start)) + interval '1 month')::date
    INTO lo, hi FROM kpi.observation_until_009;
  IF lo IS NULL THEN
    DROP TABLE kpi.observation_until_009; -- empty: nothing is lost
  ELSE
    EXECUTE format('ALTER TABLE kpi.observation ATTACH PARTITION kpi.observation_until_009'
                   ' FOR VALUES FROM (%L) TO (%L)', lo, hi);
  END IF;
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

-- kpi ingest's fast path, step 1: an empty table shaped like kpi.observation
-- (columns, defaults, checks; no index), for the COPY of a file's good rows.
-- Inside the file's transaction, which holds the ingest lock.
-- SECURITY DEFINER (owned by kpi_owner once `kpi roles setup` ran): the
-- nightly run's kpi_writer may not create tables; the caller gets INSERT on
-- this one table for its COPY, revoked before the table is attached.
CREATE FUNCTION kpi.observation_load_begin() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  CREATE TABLE kpi.observation_load
    (LIKE kpi.observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
  EXECUTE format('GRANT INSERT ON kpi.observation_load TO %I', session_user);
END $$;

-- Step 2, after the COPY of a file whose months (of any metric, as p_months
-- lists them; NULL or empty when no row was good) were all new: build the
-- key index (a key twice in the file fails here with unique_violation, and
-- the caller takes its slow path), then attach the table as the partition
-- of those months, named after them and the submission, and queue its keys
-- for kpi compute. When those months overlap a partition (another metric of
-- the same month is already there) or rows of kpi.observation_default, the
-- rows are inserted instead (the triggers queue them). Returns 'attached',
-- 'inserted' or 'empty'. Sorts and hashes in memory: one ingest at a time.
CREATE FUNCTION kpi.observation_load_attach(p_submission bigint, p_months date[])
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
SET maintenance_work_mem = '1GB' -- the key index sorted in memory
SET work_mem = '256MB'           -- the compute queue's keys hashed in memory
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
  part := format('observation_%s_%s', to_char(lo, 'YYYYMM'), p_submission);
  EXECUTE format('REVOKE ALL ON kpi.observation_load FROM %I', session_user);
  EXECUTE format('ALTER TABLE kpi.observation_load ADD PRIMARY KEY'
                 ' (metric, unit_code, period_start, grain)');
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
  EXECUTE format('INSERT INTO kpi.compute_dirty (metric, unit_code, month)'
                 ' SELECT DISTINCT metric, unit_code, date_trunc(''month'', period_start)::date'
                 '   FROM kpi.%I', part);
  RETURN 'attached';
END $$;

-- kpi.setup_roles() (008) skips relations with an internal dependency, meant
-- for owned sequences and the like; a partitioned table's key column depends
-- internally on its own table, so kpi.observation would keep its old owner
-- and kpi_owner's views could not read it. Count only whole-object
-- dependencies (objsubid 0): the same function otherwise.
DO $$
DECLARE
  def text := pg_get_functiondef('kpi.setup_roles()'::regprocedure);
  old text := 'AND d.objid = c.oid AND d.deptype IN (''a'', ''i''))';
BEGIN
  IF position(old IN def) = 0 THEN
    RAISE EXCEPTION 'kpi.setup_roles() is not the one of 008_security.sql';
  END IF;
  EXECUTE replace(def, old, 'AND d.objid = c.oid AND d.objsubid = 0 AND d.deptype IN (''a'', ''i''))');
END $$;
