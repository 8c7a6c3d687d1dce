-- 018_withdrawals: withdrawals of submissions and of single counts, and what a
-- file's receipt tells (issue 20, items 4 and 5). Correct after the baseline
-- and after an upgrade: every column is nullable, the new table empty.
--  - kpi.submission: when, by whom and why a whole submission was withdrawn
--    (`kpi submission withdraw ID --reason TEXT`); and, for the files kpi
--    ingest loads from now on, how many of its accepted rows were new,
--    revised or unchanged (NULL for earlier files: only loading knows them).
--  - kpi.observation_withdrawal: every count a file withdrew with the value
--    `rút` or `withdraw` (one row per key and file), kept so that a
--    withdrawal of that file itself brings the count back
--    (sql/definitions/observation/submission_withdraw.sql says which value
--    becomes current).

ALTER TABLE kpi.submission
  ADD COLUMN IF NOT EXISTS withdrawn_at timestamptz,
  ADD COLUMN IF NOT EXISTS withdrawn_by text,
  ADD COLUMN IF NOT EXISTS withdrawn_reason text,
  ADD COLUMN IF NOT EXISTS rows_new bigint,
  ADD COLUMN IF NOT EXISTS rows_revised bigint,
  ADD COLUMN IF NOT EXISTS rows_unchanged bigint,
  ADD COLUMN IF NOT EXISTS rows_withdrawn bigint;
ALTER TABLE kpi.submission
  ADD CONSTRAINT submission_withdrawn_check
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)
           AND (withdrawn_at IS NULL) = (withdrawn_reason IS NULL));
COMMENT ON COLUMN kpi.submission.withdrawn_at IS
  'when the whole submission was withdrawn (kpi submission withdraw): its counts stopped being '
  'current then; NULL = not withdrawn';
COMMENT ON COLUMN kpi.submission.rows_withdrawn IS
  'rows of the file that withdrew a count (value rút or withdraw)';

CREATE TABLE kpi.observation_withdrawal (
  metric        text COLLATE "C" NOT NULL,
  unit_code     text COLLATE "C" NOT NULL,
  period_start  date NOT NULL,
  grain         text COLLATE "C" NOT NULL CHECK (grain IN ('day', 'month')),
  submission_id bigint NOT NULL REFERENCES kpi.submission (id),
  line_no       bigint NOT NULL,
  withdrawn_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, metric, unit_code, period_start, grain)
);
CREATE INDEX observation_withdrawal_key_idx
  ON kpi.observation_withdrawal (unit_code, metric, period_start, grain);
COMMENT ON TABLE kpi.observation_withdrawal IS
  'counts a submission file withdrew (value rút or withdraw): from withdrawn_at the key had no '
  'current value, until a later file sent one';

-- `kpi roles setup` gives a new table its owner, grants and row-level
-- security; where it already ran, the nightly (kpi_writer) may read and
-- write the table from this migration on
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kpi_writer') THEN
    GRANT SELECT, INSERT, UPDATE ON kpi.observation_withdrawal TO kpi_writer;
  END IF;
END $$;
