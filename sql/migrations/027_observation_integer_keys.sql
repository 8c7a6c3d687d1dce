-- 027_observation_integer_keys: the counts keyed by integers (issue 22, item 4: ingest
-- near COPY on any server). kpi.observation's rows move to kpi.observation_data, whose
-- metric and unit are small integers (kpi.metric_key, kpi.unit_key: one per code ever
-- counted, never renumbered); kpi.observation becomes a view of the same columns as the
-- table had (sql/definitions/observation/observation.sql: codes joined back, writable by
-- INSTEAD OF triggers), so that analysts, reports and hand-written SQL read it as before.
-- Why: a national month's key index (6.2 million keys) sorted dates and two text codes;
-- with integers the index is 186 MB instead of 319 MB and its build and WAL about half
-- (docs/benchmarks.md, session 13).
--  - every partition of kpi.observation (the months kpi ingest attached, the default one)
--    is made again under kpi.observation_data with the same name and bounds, as kpi ingest
--    makes one (LIKE the parent, its rows, its key, ATTACH), and the old one dropped;
--  - the view kpi.observation_history (over the old table) is dropped here and made again
--    by its definition (its record in kpi.schema_definition removed, so it is re-applied);
--  - the old table goes, with its triggers (re-created on kpi.observation_data by their
--    definitions).
-- Correct after the baseline (only the empty default partition) and after an upgrade.

CREATE TABLE kpi.metric_key (
  id   smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text COLLATE "C" NOT NULL UNIQUE
);
COMMENT ON TABLE kpi.metric_key IS
  'the number of each metric code kpi.observation_data holds (never renumbered)';
CREATE TABLE kpi.unit_key (
  id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text COLLATE "C" NOT NULL UNIQUE
);
COMMENT ON TABLE kpi.unit_key IS
  'the number of each unit code kpi.observation_data holds (never renumbered)';
INSERT INTO kpi.metric_key (code)
SELECT metric FROM kpi.observation UNION SELECT metric FROM kpi.observation_superseded
 UNION SELECT metric FROM kpi.observation_withdrawal ORDER BY 1;
INSERT INTO kpi.unit_key (code)
SELECT unit_code FROM kpi.observation UNION SELECT unit_code FROM kpi.observation_superseded
 UNION SELECT unit_code FROM kpi.observation_withdrawal ORDER BY 1;

CREATE TABLE kpi.observation_data (
  metric_id     smallint NOT NULL,
  unit_id       integer NOT NULL,
  period_start  date NOT NULL,
  grain         text COLLATE "C" NOT NULL
                CONSTRAINT observation_data_grain_check CHECK (grain IN ('day', 'month')),
  value         bigint NOT NULL CONSTRAINT observation_data_value_check CHECK (value >= 0),
  submission_id bigint NOT NULL,
  line_no       bigint NOT NULL,
  valid_from    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT observation_data_pkey PRIMARY KEY (period_start, unit_id, metric_id, grain),
  CONSTRAINT observation_data_check CHECK (grain = 'day' OR extract(day FROM period_start) = 1)
) PARTITION BY RANGE (period_start);
COMMENT ON TABLE kpi.observation_data IS
  'current value of each count, by the numbers of its metric (kpi.metric_key) and unit '
  '(kpi.unit_key); read it as kpi.observation; partitioned by ranges of months '
  '(kpi ingest attaches one partition per file of new months)';

DROP VIEW IF EXISTS kpi.observation_history;
DELETE FROM kpi.schema_definition WHERE name = 'observation/observation_history.sql';

DO $$
DECLARE
  p record;
BEGIN
  -- the ranges first, the default partition last (attaching a range scans the default)
  FOR p IN SELECT c.relname AS name, pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound
             FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'kpi.observation'::regclass
            ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.relname
  LOOP
    EXECUTE format('ALTER TABLE kpi.observation DETACH PARTITION kpi.%I', p.name);
    EXECUTE format('ALTER TABLE kpi.%I RENAME TO observation_027_old', p.name);
    EXECUTE format('CREATE TABLE kpi.%I (LIKE kpi.observation_data INCLUDING DEFAULTS'
                   ' INCLUDING CONSTRAINTS)', p.name);
    EXECUTE format('INSERT INTO kpi.%I SELECT m.id, u.id, o.period_start, o.grain, o.value,'
                   ' o.submission_id, o.line_no, o.valid_from FROM kpi.observation_027_old o'
                   ' JOIN kpi.metric_key m ON m.code = o.metric'
                   ' JOIN kpi.unit_key u ON u.code = o.unit_code'
                   ' ORDER BY o.period_start, u.id, m.id, o.grain', p.name);
    DROP TABLE kpi.observation_027_old;  -- (and its key, whose name the new one takes)
    EXECUTE format('ALTER TABLE kpi.%I ADD PRIMARY KEY (period_start, unit_id, metric_id, grain)',
                   p.name);
    EXECUTE format('ALTER TABLE kpi.observation_data ATTACH PARTITION kpi.%I %s', p.name, p.bound);
  END LOOP;
END $$;

DROP TABLE kpi.observation;
