-- 021_deadline: every target judged as the plan means it (issue 17, items 1-3):
--  - a cell of period kind 'deadline' per unit and for the province for every target with a
--    due date: its window from 1 January of the due date's year to the due date inclusive;
--    before the due date it is counted so far (counted_to, the last day holding counts) and
--    projected to the due date at the pace of the window so far (projected_pct, and the count
--    still needed each month to meet the target, needed_per_month);
--  - a metric whose counts arrive as month totals (month_in_report_month) has them counted in
--    the reporting window holding the larger part of their month (calendar month M-1 in
--    report month M, 15/M-1 to 14/M); a cell that counts them says which months
--    (months_from .. months_to: "số liệu cả tháng 11/2025").
-- Correct after the baseline and after an upgrade: the new columns are nullable or default
-- false; the history keeps the value's columns in the same order (added after valid_to and
-- late_days, named in every insert).

ALTER TABLE kpi.indicator_value DROP CONSTRAINT indicator_value_period_kind_check;
ALTER TABLE kpi.indicator_value ADD CONSTRAINT indicator_value_period_kind_check
  CHECK (period_kind IN ('month', 'ytd', 'quarter', 'half', 'year', 'report_month',
                         'report_quarter', 'report_half', 'report_9m', 'report_year',
                         'deadline'));

ALTER TABLE kpi.indicator_value
  ADD COLUMN counted_to date,
  ADD COLUMN projected_pct numeric CHECK (projected_pct BETWEEN 0 AND 100),
  ADD COLUMN needed_per_month bigint CHECK (needed_per_month >= 0),
  ADD COLUMN months_from date,
  ADD COLUMN months_to date;
ALTER TABLE kpi.indicator_value_history
  ADD COLUMN counted_to date,
  ADD COLUMN projected_pct numeric,
  ADD COLUMN needed_per_month bigint,
  ADD COLUMN months_from date,
  ADD COLUMN months_to date;
COMMENT ON COLUMN kpi.indicator_value.counted_to IS
  'a deadline cell: the last day its window is counted to (the due date once it has passed)';
COMMENT ON COLUMN kpi.indicator_value.projected_pct IS
  'a deadline cell before its due date: the ratio at the due date at the pace of the window '
  'so far (flows scaled by the days of the window over the days counted; stocks as they are)';
COMMENT ON COLUMN kpi.indicator_value.needed_per_month IS
  'a deadline cell before its due date: the numerator''s count still needed per month '
  '(of 365/12 days) to meet the target by the due date';
COMMENT ON COLUMN kpi.indicator_value.months_from IS
  'a window cut inside months that counts month totals whole (metric month_in_report_month): '
  'the first of those months (its 1st)';
COMMENT ON COLUMN kpi.indicator_value.months_to IS
  'the last of those months (its 1st)';

ALTER TABLE kpi.metric ADD COLUMN month_in_report_month boolean NOT NULL DEFAULT false;
ALTER TABLE kpi.metric_history ADD COLUMN month_in_report_month boolean;
COMMENT ON COLUMN kpi.metric.month_in_report_month IS
  'counts arrive as month totals that belong to the reporting window holding the larger part '
  'of their month (calendar month M-1 in report month M, 15/M-1 to 14/M)';
