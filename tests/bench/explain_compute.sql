-- tests/bench/explain_compute.sql — where a full computation spends its time:
-- every statement of kpi.compute (its steps and nested ones included) that takes over
-- 60 ms goes to the server log with its plan and row counts (auto_explain),
-- then the computation is rolled back. Needs a superuser (LOAD), e.g. the
-- embedded server's own account:
--   psql "$(build/kpi db url)" -f tests/bench/explain_compute.sql
--   grep -E 'duration|Query Text' "$KPI_HOME/postgres.log"
-- For an incremental run, change true to false below.
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 60;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_analyze = on;
SET auto_explain.log_timing = off;
BEGIN;
SELECT * FROM kpi.compute(NULL, NULL, true);
ROLLBACK;
