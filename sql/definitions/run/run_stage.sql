-- run/run_stage: the view kpi.run_stage, the stages of the nightly runs as rows.

CREATE OR REPLACE VIEW kpi.run_stage AS
  SELECT r.id AS run_id, s.ord, s.elem ->> 'stage' AS stage, s.elem ->> 'status' AS status,
         (s.elem ->> 'started_at')::timestamptz AS started_at,
         (s.elem ->> 'seconds')::numeric AS seconds, s.elem -> 'counts' AS counts
    FROM kpi.run r, jsonb_array_elements(r.stages) WITH ORDINALITY AS s (elem, ord);
COMMENT ON VIEW kpi.run_stage IS 'kpi.run.stages, one row per stage of each run';
