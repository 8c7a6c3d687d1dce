-- 022_judge_as_planned: the catalog says how the plan judges each target (issue 17,
-- items 5-9; indicators/README.md quotes the plan's words for each):
--  - kind 'monitor': a series computed and shown, never judged (4.4, 5.8, 10.1, the
--    province-wide rate of 4.2.4): no comparator nor target, the denominator optional; its
--    cells have status 'monitor' (with a reason, as every cell not judged);
--  - aspirational: the plan says "phấn đấu" (5.1.b, 5.3, 5.4, 5.5, 5.7): alerts at most
--    warning, the report marks it;
--  - denominator_baseline: the denominator is fixed at its value on that day (7.5 "số lượng
--    trạm phát sóng 4G hiện nay": the plan's date, 14/7/2025);
--  - assigned_to / assigned_units: who must do a task ('province', 'communes': every
--    commune and ward, 'listed': the units of assigned_units); each assigned unit has a cell;
--  - a share's facility_kind may list several kinds, written "health_facility,hospital"
--    (5.5.b "các cơ sở y tế (công lập và tư nhân)"), so the column stays text.
-- Correct after the baseline and after an upgrade: the new columns have defaults (a
-- catalog loaded before this migration keeps its meaning until the next kpi migrate).

ALTER TABLE kpi.indicator DROP CONSTRAINT indicator_kind_check,
  ADD CONSTRAINT indicator_kind_check CHECK (kind IN ('ratio', 'share', 'task', 'monitor'));
-- a ratio or share has both sides, a comparator and a target; a monitor its numerator
ALTER TABLE kpi.indicator DROP CONSTRAINT indicator_check,
  ADD CONSTRAINT indicator_check
    CHECK (kind = 'task'
           OR (kind = 'monitor' AND numerator_metric IS NOT NULL AND comparator IS NULL
               AND target_pct IS NULL)
           OR (numerator_metric IS NOT NULL AND denominator_metric IS NOT NULL
               AND comparator IS NOT NULL AND target_pct IS NOT NULL));

ALTER TABLE kpi.indicator
  ADD COLUMN aspirational boolean NOT NULL DEFAULT false,
  ADD COLUMN denominator_baseline date,
  ADD COLUMN assigned_to text NOT NULL DEFAULT 'province'
    CHECK (assigned_to IN ('province', 'communes', 'listed')),
  ADD COLUMN assigned_units text[] NOT NULL DEFAULT '{}',
  ADD CHECK (denominator_baseline IS NULL OR kind = 'ratio'),
  ADD CHECK ((assigned_to = 'listed') = (cardinality(assigned_units) > 0)),
  ADD CHECK (assigned_to = 'province' OR kind = 'task');
ALTER TABLE kpi.indicator_history
  ADD COLUMN aspirational boolean NOT NULL DEFAULT false,
  ADD COLUMN denominator_baseline date,
  ADD COLUMN assigned_to text NOT NULL DEFAULT 'province',
  ADD COLUMN assigned_units text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN kpi.indicator.aspirational IS
  'the plan words the target "phấn đấu" (strive for): its alerts are at most warning';
COMMENT ON COLUMN kpi.indicator.denominator_baseline IS
  'ratio: the denominator is each unit''s last value on or before this day, in every period';
COMMENT ON COLUMN kpi.indicator.assigned_to IS
  'task: who must do it: the province, every commune and ward, or the listed assigned_units; '
  'the province cell is done when every assigned unit is';
COMMENT ON COLUMN kpi.indicator.facility_kind IS
  'share: the unit kinds judged one by one, comma-separated (school; health_facility,hospital)';

ALTER TABLE kpi.indicator_value DROP CONSTRAINT indicator_value_status_check,
  ADD CONSTRAINT indicator_value_status_check
    CHECK (status IN ('met', 'breach', 'on_track', 'at_risk', 'no_data', 'invalid', 'monitor'));
COMMENT ON COLUMN kpi.indicator_value.status IS
  'met, breach, on_track, at_risk (judged); no_data, invalid (not judged, see reason); monitor '
  '(a monitored series: shown, never judged nor alerted)';
