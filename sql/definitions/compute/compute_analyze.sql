-- compute/compute_analyze: kpi.compute_analyze(), the statistics of the tables a
-- computation writes, refreshed by the computation itself.

-- kpi.compute plans its later steps (and `kpi alerts`, run right after it by
-- `kpi run`, plans its evaluation) over kpi.metric_half,
-- kpi.data_quality_finding and kpi.indicator_value as the run just left them,
-- before autovacuum can have analysed a row of its writes: the first
-- evaluation after the first national computation, planned over an
-- indicator_value never analysed, nested its loops over the deadline cells
-- (325 s instead of 5 s, docs/benchmarks.md, session 11). ANALYZE needs the
-- table's owner, and the nightly run is kpi_writer (a plain ANALYZE there is
-- skipped with a WARNING): hence a SECURITY DEFINER function that analyses
-- one of those three tables, named by P_TABLE, and nothing else (any other
-- name fails with invalid_parameter_value; the statements are fixed).
CREATE OR REPLACE FUNCTION kpi.compute_analyze(p_table text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  CASE p_table
    WHEN 'metric_half' THEN ANALYZE kpi.metric_half;
    WHEN 'data_quality_finding' THEN ANALYZE kpi.data_quality_finding;
    WHEN 'indicator_value' THEN ANALYZE kpi.indicator_value;
    ELSE RAISE EXCEPTION 'kpi.compute_analyze: "%" is not a table kpi.compute writes', p_table
           USING ERRCODE = 'invalid_parameter_value';
  END CASE;
END
$$;
REVOKE ALL ON FUNCTION kpi.compute_analyze(text) FROM PUBLIC;
COMMENT ON FUNCTION kpi.compute_analyze(text) IS
  'ANALYZE kpi.metric_half, kpi.data_quality_finding or kpi.indicator_value as their owner; '
  'kpi.compute calls it after writing each';
