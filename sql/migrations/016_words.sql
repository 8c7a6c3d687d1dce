-- 016_words: what people read about a cell, in the catalog's own words (issue 16):
--  - every metric names what one of its counts is (noun_vi, noun_en: the noun of a gap,
--    "cần thêm 746 công dân được cấp Căn cước");
--  - every indicator has a short name for tables, subjects and chart titles
--    (short_name_vi, short_name_en; the plan's sentence stays in name_vi), a share the
--    noun of the facilities its gap counts (facility_noun_vi, facility_noun_en), the
--    deadline in English as the plan words it (deadline_text_en) and the catalog's note
--    (a typo of the plan is shown with its correction);
--  - a cell met after its due date says by how many days (late_days), in
--    kpi.indicator_value and its history (before valid_to: the history keeps the value's
--    columns first, in the same order).
-- Correct after the baseline and after an upgrade: the columns are nullable (a catalog
-- loaded before this migration has none of them until the next kpi migrate loads it).

ALTER TABLE kpi.metric ADD COLUMN noun_vi text, ADD COLUMN noun_en text;
ALTER TABLE kpi.metric_history ADD COLUMN noun_vi text, ADD COLUMN noun_en text;
COMMENT ON COLUMN kpi.metric.noun_vi IS
  'what one count is, as a gap names it: cần thêm 746 <noun_vi>';

ALTER TABLE kpi.indicator
  ADD COLUMN short_name_vi text, ADD COLUMN short_name_en text,
  ADD COLUMN facility_noun_vi text, ADD COLUMN facility_noun_en text,
  ADD COLUMN deadline_text_en text, ADD COLUMN note text;
ALTER TABLE kpi.indicator_history
  ADD COLUMN short_name_vi text, ADD COLUMN short_name_en text,
  ADD COLUMN facility_noun_vi text, ADD COLUMN facility_noun_en text,
  ADD COLUMN deadline_text_en text, ADD COLUMN note text;
COMMENT ON COLUMN kpi.indicator.short_name_vi IS
  'the name in tables, subjects and chart titles (at most 60 characters; kpi catalog check)';
COMMENT ON COLUMN kpi.indicator.note IS
  'the catalog''s note, e.g. the correction of a typo of the plan quoted in name_vi';

ALTER TABLE kpi.indicator_value ADD COLUMN late_days integer CHECK (late_days > 0);
ALTER TABLE kpi.indicator_value_history ADD COLUMN late_days integer;
COMMENT ON COLUMN kpi.indicator_value.late_days IS
  'a cell met after its due date (a task done late): the days after it; NULL otherwise';
