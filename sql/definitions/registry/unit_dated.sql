-- registry/unit_dated: the view kpi.unit_dated, the dated map (issue 19): every
-- meaning of every unit code, today's (kpi.unit) and earlier ones (kpi.unit_past),
-- with its interval. Read by the ingest (engine/ingest/codes.c: a row's unit on
-- the map of its period), kpi units list/history, the expected submissions.

CREATE OR REPLACE VIEW kpi.unit_dated AS
SELECT code, coalesce(valid_from, '-infinity'::date) AS valid_from,
       coalesce(valid_to, 'infinity'::date) AS valid_to, name, kind, parent_code,
       true AS current
  FROM kpi.unit
UNION ALL
SELECT code, coalesce(valid_from, '-infinity'::date), valid_to, name, kind, parent_code, false
  FROM kpi.unit_past;
COMMENT ON VIEW kpi.unit_dated IS
  'every meaning of every unit code with its interval (valid_from..valid_to inclusive, '
  'infinite when open); current: the unit is on today''s map (kpi.unit)';
