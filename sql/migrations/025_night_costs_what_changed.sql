-- 025_night_costs_what_changed: what a night needs to do only the work of what changed
-- (issue 22, item 3):
--  - kpi.compute_run.catalog_digest: a digest of the catalog (kpi.indicator, kpi.metric)
--    the run computed with; an incremental run looks for cells of a changed catalog row
--    (a scan of every period of the history) only when the digest differs from the last
--    finished run's;
--  - kpi.alert_run.compute_upto: the last finished kpi.compute_run the evaluation read;
--    the next evaluation with the same routes and settings reads only the keys with a
--    cell stored by a later run (kpi.indicator_value.run_id), plus those it must see
--    every time (firing alerts, cells at risk), not every cell of the history; with
--    kpi.alert_run.inputs_digest, the catalog and units it classed them with (no index
--    on run_id: it would make every update of a cell a non-HOT one).
-- Correct after the baseline and after an upgrade: NULL in both means "not known", and
-- the next run does the whole work, as before.

ALTER TABLE kpi.compute_run ADD COLUMN catalog_digest text;
COMMENT ON COLUMN kpi.compute_run.catalog_digest IS
  'md5 of the catalog rows (kpi.indicator, kpi.metric) the run computed with; NULL: unknown';

ALTER TABLE kpi.alert_run ADD COLUMN compute_upto bigint, ADD COLUMN inputs_digest text;
COMMENT ON COLUMN kpi.alert_run.compute_upto IS
  'the last finished kpi.compute_run whose cells this evaluation read; NULL: unknown';
COMMENT ON COLUMN kpi.alert_run.inputs_digest IS
  'md5 of what classes a cell besides the cell (routes, floor, horizon, kpi.indicator, '
  'kpi.unit); NULL: unknown';

