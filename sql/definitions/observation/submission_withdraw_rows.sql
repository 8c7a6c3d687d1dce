-- observation/submission_withdraw_rows: kpi.submission_withdraw_rows(), the
-- counts a submission file withdraws with the value rút (or withdraw).

-- kpi ingest, after the values of submission P_SUBMISSION (inserted by the
-- current transaction): P_ROWS holds one line per row rút of the file,
-- "line<TAB>metric<TAB>unit<TAB>YYYY-MM-DD<TAB>day|month" (the row checks
-- passed: known metric and unit, a valid period). Each key is recorded in
-- kpi.observation_withdrawal (once per file, its first line) at now(), and
-- falls back (kpi.submission_fall_back): the withdrawal being its latest
-- event, the key has no current value from now on (its value moves to
-- kpi.observation_superseded) — also when the same file sent a value for it:
-- the withdrawal comes after the file's values. A later withdrawal of this
-- submission (kpi.submission_withdraw) brings the earlier value back.
-- Returns the keys recorded. SECURITY DEFINER (it moves rows out of
-- kpi.observation, which kpi_writer may not delete); it refuses a submission
-- not inserted by the current transaction. Executable by kpi_writer (`kpi
-- roles setup`), never by PUBLIC.
CREATE OR REPLACE FUNCTION kpi.submission_withdraw_rows(p_submission bigint, p_rows text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  PERFORM kpi.submission_require_open(p_submission, 'kpi.submission_withdraw_rows');
  CREATE TEMP TABLE withdraw_key ON COMMIT DROP AS
  SELECT DISTINCT ON (f[2], f[3], f[4]::date, f[5])
         f[2] COLLATE "C" AS metric, f[3] COLLATE "C" AS unit_code, f[4]::date AS period_start,
         f[5] COLLATE "C" AS grain, f[1]::bigint AS line_no
    FROM (SELECT pg_catalog.string_to_array(l, E'\t') AS f
            FROM pg_catalog.unnest(pg_catalog.string_to_array(
                   pg_catalog.rtrim(p_rows, E'\n'), E'\n')) AS l) x
   ORDER BY f[2], f[3], f[4]::date, f[5], f[1]::bigint;
  INSERT INTO kpi.observation_withdrawal (metric, unit_code, period_start, grain, submission_id,
                                          line_no)
  SELECT k.metric, k.unit_code, k.period_start, k.grain, p_submission, k.line_no
    FROM withdraw_key k;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM kpi.submission_fall_back();
  DROP TABLE withdraw_key;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION kpi.submission_withdraw_rows(bigint, text) FROM PUBLIC;
