-- 004_ingest: what `kpi ingest` (engine/csvload.c) needs beyond the contract
-- tables of 003: the months each metric already has values for (so that a
-- file bringing only new months is copied straight into kpi.observation),
-- and lookups for analysts' lineage queries.

-- One row per (metric, month) for which kpi.observation holds at least one
-- value of any unit and grain. Written only by kpi ingest, in the same
-- transaction as the values; never shrinks (nothing is deleted).
CREATE TABLE kpi.observation_month (
  metric text NOT NULL,
  month  date NOT NULL CHECK (extract(day FROM month) = 1),
  PRIMARY KEY (metric, month)
);
COMMENT ON TABLE kpi.observation_month IS
  'months that already hold values, per metric (kpi ingest chooses its loading path with it)';

CREATE INDEX submission_received_idx ON kpi.submission (received_at);

COMMENT ON COLUMN kpi.submission.status IS
  'accepted: every row kept; partial: some rows in kpi.rejected_row; rejected: the whole file refused (reason)';
COMMENT ON COLUMN kpi.rejected_row.line_no IS
  'the line of the file where the row starts (1 = the header)';
COMMENT ON COLUMN kpi.rejected_row.raw IS 'the row''s text as received, without its line break';
