-- analyst/unit_submission: the view kpi.unit_submission, the files that
-- brought rows of the units the reader sees.

-- One row per file (submission) and unit: how many of the counts it brought
-- for that unit are current, how many a later file replaced, and how many of
-- its rows of that unit were rejected (kpi.unit_rejected_row). The counts
-- come through kpi.observation_history and kpi.unit_rejected_row, so the
-- reader's scope holds: a scoped analyst sees the files of its own units
-- only, and of each only its own units' rows. A withdrawn file (`kpi
-- submission withdraw`) says when, by whom and why (NULL: not withdrawn);
-- its counts are then superseded (rows_superseded).
CREATE OR REPLACE VIEW kpi.unit_submission AS
SELECT s.id AS submission_id, s.file_name, s.received_at, s.status AS file_status,
       COALESCE(o.unit_code, j.unit_code) AS unit_code,
       COALESCE(o.rows_current, 0) AS rows_current,
       COALESCE(o.rows_superseded, 0) AS rows_superseded,
       COALESCE(j.rows_rejected, 0) AS rows_rejected,
       s.withdrawn_at, s.withdrawn_by, s.withdrawn_reason
  FROM (SELECT h.submission_id, h.unit_code,
               pg_catalog.count(*) FILTER (WHERE h.valid_to IS NULL) AS rows_current,
               pg_catalog.count(*) FILTER (WHERE h.valid_to IS NOT NULL) AS rows_superseded
          FROM kpi.observation_history h
         GROUP BY h.submission_id, h.unit_code) o
  FULL JOIN (SELECT r.submission_id, r.unit_code COLLATE "C" AS unit_code,
                    pg_catalog.count(*) AS rows_rejected
               FROM kpi.unit_rejected_row r
              WHERE r.unit_code IS NOT NULL
              GROUP BY r.submission_id, r.unit_code) j
    ON j.submission_id = o.submission_id AND j.unit_code = o.unit_code
  JOIN kpi.submission s ON s.id = COALESCE(o.submission_id, j.submission_id);
COMMENT ON VIEW kpi.unit_submission IS
  'per file and unit the reader sees: its current, replaced and rejected rows of that unit, '
  'and its withdrawal';
