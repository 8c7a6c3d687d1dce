-- tests/bench/cells.sql — every cell's content but the run that wrote it and when
-- (computed_at, run_id), one JSON line per cell in key order, to standard output:
-- what tests/bench/run (incremental = full) and tests/bench/ab (two binaries) put
-- through md5sum to compare two sets of cells (a national history's cells do not
-- fit one text value).
COPY (SELECT (to_jsonb(v) - 'computed_at' - 'run_id')::text
        FROM kpi.indicator_value v
       ORDER BY v.indicator_id, v.unit_code, v.period_kind, v.period_end, v.period_start)
  TO STDOUT;
