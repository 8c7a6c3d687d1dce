-- 015_rejected_rows_unstored: the bounded cost of a submission's bad rows
-- (issue 23). `kpi ingest` keeps the first 1,000 rejected rows of a file in
-- kpi.rejected_row (their raw text cut at the field limit, 4 KiB by
-- default) and only counts the rest, here. Correct after the baseline and
-- after an upgrade: every earlier submission kept all its rows (0).

ALTER TABLE kpi.submission
  ADD COLUMN IF NOT EXISTS rows_rejected_unstored bigint NOT NULL DEFAULT 0
    CHECK (rows_rejected_unstored >= 0 AND rows_rejected_unstored <= rows_rejected);
COMMENT ON COLUMN kpi.submission.rows_rejected_unstored IS
  'rejected rows counted in rows_rejected but not kept in kpi.rejected_row: a file keeps its '
  'first 1,000 rejected rows there, the rest only counted here';
