-- 007_run: the log of nightly runs (`kpi run`, engine/runlog.c). One row per
-- run; a run that died shows as failed once the next run starts.

CREATE TABLE kpi.run (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  status      text NOT NULL DEFAULT 'running'
              CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'interrupted')),
  pid         integer,
  host        text,
  inbox       text,
  stages      jsonb NOT NULL DEFAULT '[]',
  error       text,
  CHECK ((status = 'running') = (finished_at IS NULL))
);
COMMENT ON TABLE kpi.run IS
  'nightly runs: status, per-stage counts and durations in stages (a JSON array), the error of a failed run';
COMMENT ON COLUMN kpi.run.stages IS
  'one object per stage in order: {"stage", "started_at", "seconds", "status", "counts": {...}}';

CREATE VIEW kpi.run_stage AS
  SELECT r.id AS run_id, s.ord, s.elem ->> 'stage' AS stage, s.elem ->> 'status' AS status,
         (s.elem ->> 'started_at')::timestamptz AS started_at,
         (s.elem ->> 'seconds')::numeric AS seconds, s.elem -> 'counts' AS counts
    FROM kpi.run r, jsonb_array_elements(r.stages) WITH ORDINALITY AS s (elem, ord);
COMMENT ON VIEW kpi.run_stage IS 'kpi.run.stages, one row per stage of each run';
