-- 017_metric_reported_by: which kinds of unit send each count (issue 17, item 4).
-- A metric of hospitals is expected from the hospitals below a cell, not from
-- every commune: completeness, missing-data alerts, the forms kpi template
-- writes and the expected submissions all read kpi.metric.reported_by, the
-- kinds as the unit registry writes them (kpi.unit.kind). NULL: the catalog
-- does not say (a catalog loaded before this migration, until the next
-- kpi migrate loads it; the communes and wards below a cell, as before).

ALTER TABLE kpi.metric ADD COLUMN reported_by text[];
ALTER TABLE kpi.metric_history ADD COLUMN reported_by text[];
COMMENT ON COLUMN kpi.metric.reported_by IS
  'the kinds of unit that send this count (kpi.unit.kind), e.g. {xa,phuong,dac_khu} or {hospital}';
