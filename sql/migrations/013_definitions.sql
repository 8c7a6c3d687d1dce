-- 013_definitions: what the move of every function, view and trigger into
-- sql/definitions/ (kpi 0.2) changes in the schema. Correct after the
-- baseline (a fresh database) and after the released 001..012 (an upgraded
-- one): every drop is IF EXISTS.
--  - The computation is kpi.compute(p_from, p_to, p_full), which calls named
--    steps (sql/definitions/compute/); the function kpi.compute_run of
--    005/011 goes, so that no table and function share a name (the table
--    kpi.compute_run stays).
--  - The reason texts of the cells a computation does not judge, in English
--    and Vietnamese, live in kpi.reason_text (filled by
--    sql/definitions/compute/reason_text.sql), not inside the statement.

DROP FUNCTION IF EXISTS kpi.compute_run(date, date, boolean);

CREATE TABLE kpi.reason_text (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  en   text NOT NULL,
  vi   text NOT NULL
);
COMMENT ON TABLE kpi.reason_text IS
  'why a cell is not judged (or how a task stands), per reason code: format() templates of '
  'kpi.indicator_value.reason (en) and reason_vi (vi); see sql/definitions/compute/reason_text.sql';

-- `kpi roles setup` gives a new table its owner and grants; on a database
-- where it already ran, the nightly run (kpi_writer) reads the texts from the
-- first computation after this migration on
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kpi_writer') THEN
    GRANT SELECT, INSERT, UPDATE ON kpi.reason_text TO kpi_writer;
  END IF;
END $$;
