-- 023_plans: plan after plan (issue 18). The catalog holds one or more plans, each a folder
-- indicators/<plan id>/ with its plan.json and items; a period is judged by the plan in
-- force on its last day (kpi.plan_at), the same in compute, kpi show, the report and alerts:
--  - kpi.plan: every plan loaded, with its document and the days it is in force;
--  - kpi.indicator: plan_id (the key is now plan, item, effective_from: the same number in
--    two plans is two rows), series (the series key "<plan>/<item>" where it starts: an item
--    that "continues" one of an earlier plan shares its series and alert key; NULL: its own,
--    kpi.series_key), in_catalog (false once its file left the catalog; nothing is deleted);
--    catalog_version is now the item's own version (a changed target re-stamps only its
--    cells); indicator_history has plan_id and series too;
--  - kpi.indicator_value and its history, kpi.alert: plan_id, the plan that judged the cell;
--  - status 'no_target': a period outside every plan is not judged (its reason says why).
-- plan_id '' is an item outside any plan folder (rows inserted by hand, a catalog not yet
-- split into plans): in force on every day, as before this migration.
-- An upgraded database holds one plan, KH 05/KH-UBND of 2025 (indicators/kh05-2025/): its rows
-- are given that plan (the value and alert rows by the column's first default, without a
-- rewrite of the table), and its alerts' fingerprints the series key "kh05-2025/<item>"
-- (kpi.alert_fingerprint over it, computed here as that function does). The next kpi migrate
-- loads plan.json over the kpi.plan row inserted here.

CREATE TABLE kpi.plan (
  id              text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  document_number text NOT NULL,
  document_date   date NOT NULL,
  appendix_number text,
  appendix_date   date,
  title_vi        text NOT NULL,
  title_en        text NOT NULL,
  valid_from      date NOT NULL,
  valid_to        date NOT NULL,
  province        text NOT NULL,
  note            text,
  plan_version    text NOT NULL,
  in_catalog      boolean NOT NULL DEFAULT true,
  CHECK (valid_from <= valid_to)
);
COMMENT ON TABLE kpi.plan IS
  'every plan loaded (indicators/<id>/plan.json): a period is judged by the plan in force on '
  'its last day (kpi.plan_at)';
COMMENT ON COLUMN kpi.plan.appendix_number IS
  'the number the appendix itself cites, when it differs from the document''s';

ALTER TABLE kpi.indicator
  ADD COLUMN plan_id text NOT NULL DEFAULT 'kh05-2025',
  ADD COLUMN series text,
  ADD COLUMN in_catalog boolean NOT NULL DEFAULT true;
ALTER TABLE kpi.indicator ALTER COLUMN plan_id SET DEFAULT '';
ALTER TABLE kpi.indicator DROP CONSTRAINT indicator_pkey,
  ADD PRIMARY KEY (plan_id, id, effective_from);
COMMENT ON COLUMN kpi.indicator.plan_id IS
  'the plan holding the item (kpi.plan); '''' outside any plan: in force on every day';
COMMENT ON COLUMN kpi.indicator.series IS
  'the series key "<plan>/<item>" the item continues (one series, one alert key across plans); '
  'NULL: its own series, kpi.series_key(plan_id, id)';
COMMENT ON COLUMN kpi.indicator.catalog_version IS
  'the item''s own version (its file, its plan, the kinds of its metrics): a changed item '
  're-stamps only its cells';
COMMENT ON COLUMN kpi.indicator.in_catalog IS
  'false once its file left the catalog (kept: nothing is deleted; no longer computed)';

ALTER TABLE kpi.indicator_history
  ADD COLUMN plan_id text NOT NULL DEFAULT 'kh05-2025',
  ADD COLUMN series text;
ALTER TABLE kpi.indicator_history ALTER COLUMN plan_id SET DEFAULT '';

ALTER TABLE kpi.indicator_value ADD COLUMN plan_id text NOT NULL DEFAULT 'kh05-2025';
ALTER TABLE kpi.indicator_value ALTER COLUMN plan_id SET DEFAULT '';
ALTER TABLE kpi.indicator_value_history ADD COLUMN plan_id text NOT NULL DEFAULT 'kh05-2025';
ALTER TABLE kpi.indicator_value_history ALTER COLUMN plan_id SET DEFAULT '';
COMMENT ON COLUMN kpi.indicator_value.plan_id IS
  'the plan that judged the cell: the one in force on its last day ('''' outside plans)';

ALTER TABLE kpi.alert ADD COLUMN plan_id text NOT NULL DEFAULT 'kh05-2025';
ALTER TABLE kpi.alert ALTER COLUMN plan_id SET DEFAULT '';
COMMENT ON COLUMN kpi.alert.plan_id IS
  'the plan whose target the alert''s last cell was judged on; the key (fingerprint) is the '
  'series, which an item continued across plans keeps';

ALTER TABLE kpi.indicator_value DROP CONSTRAINT indicator_value_status_check,
  ADD CONSTRAINT indicator_value_status_check
    CHECK (status IN ('met', 'breach', 'on_track', 'at_risk', 'no_data', 'invalid', 'monitor',
                      'no_target'));
COMMENT ON COLUMN kpi.indicator_value.status IS
  'met, breach, on_track, at_risk (judged); no_data, invalid (not judged, see reason); monitor '
  '(a monitored series: shown, never judged nor alerted); no_target (no plan in force on the '
  'period''s last day)';

-- an upgraded database: the one plan it held
INSERT INTO kpi.plan (id, document_number, document_date, appendix_number, appendix_date,
                      title_vi, title_en, valid_from, valid_to, province, plan_version)
SELECT 'kh05-2025', '05/KH-UBND', '2025-07-14', '06/KH-UBND', '2025-07-07',
       'Kế hoạch triển khai các nhiệm vụ Đề án 06 trên địa bàn tỉnh Thái Nguyên năm 2025',
       'Plan for the tasks of Project 06 in Thái Nguyên province in 2025',
       '2025-01-01', '2025-12-31', 'Thái Nguyên', ''
 WHERE EXISTS (SELECT 1 FROM kpi.indicator);
UPDATE kpi.alert
   SET fingerprint = left(encode(sha256(convert_to(concat_ws('|', kind, 'kh05-2025/' || indicator_id,
                                                             unit_code, period_kind), 'UTF8')),
                                 'hex'), 16)
 WHERE kind IN ('status', 'data');

-- kpi.indicator_at(id, day) now takes the period's last day (its parameter renamed; the
-- definition, catalog/indicator_at.sql, creates it again after the migrations)
DROP FUNCTION IF EXISTS kpi.indicator_at(text, date);
