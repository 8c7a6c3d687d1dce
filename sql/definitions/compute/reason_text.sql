-- compute/reason_text: the rows of kpi.reason_text, the English and Vietnamese
-- texts of kpi.indicator_value.reason and reason_vi, one per reason code.
--
-- Each text is a format() template. kpi.compute_cells passes every template
-- the same arguments:
--   %1$s the numerator metric (a task: its status metric)
--   %2$s the denominator metric
--   %3$s the numerator (the sum over the window)
--   %4$s the denominator
--   %5$s the facility kind of a share indicator
--   %6$s the due date, YYYY-MM-DD        %7$s the due date, DD/MM/YYYY
--   %8$s the day a task was done, YYYY-MM-DD   %9$s the same, DD/MM/YYYY
-- A code no longer listed here is deleted; a cell needing it fails to store
-- (kpi.indicator_value requires a reason for every status but met, breach,
-- on_track and at_risk).

WITH t (code, en, vi) AS (VALUES
  -- why a ratio or share cell is not judged (status no_data or invalid)
  ('lacking',
   'the window is cut at the 15th and some counts are month-level only; it needs day-level counts',
   'kỳ cắt ngày 15 nhưng có số liệu chỉ theo tháng; cần số liệu theo ngày'),
  ('overflow',
   'the sum of %1$s or %2$s exceeds the bigint range; a submitted count must be wrong: correct it',
   'tổng %1$s hoặc %2$s vượt quá giới hạn bigint; số liệu đã gửi có sai sót, cần sửa'),
  ('none', 'no counts of %1$s nor %2$s', 'không có số liệu %1$s và %2$s'),
  ('no_num', 'no counts of %1$s (numerator)', 'không có số liệu %1$s (tử số)'),
  ('no_den', 'no counts of %2$s (denominator)', 'không có số liệu %2$s (mẫu số)'),
  ('above', 'numerator %3$s (%1$s) above denominator %4$s (%2$s)',
   'tử số %3$s (%1$s) lớn hơn mẫu số %4$s (%2$s)'),
  ('no_facility', 'no registered facility of kind %5$s',
   'không có cơ sở loại %5$s được đăng ký'),
  ('zero_den', 'zero denominator (%2$s)', 'mẫu số bằng 0 (%2$s)'),
  -- a period no plan is in force on (its last day): status no_target (issue 18)
  ('no_plan', 'no plan is in force on the last day of the period: not judged (docs/plans.md)',
   'không có kế hoạch nào có hiệu lực vào ngày cuối kỳ: không đánh giá'),
  ('not_in_plan', 'the plan in force on the last day of the period has no such item: not judged',
   'kế hoạch có hiệu lực vào ngày cuối kỳ không có chỉ tiêu này: không đánh giá'),
  -- a judged cell before its due date (status on_track or at_risk)
  ('due', 'due %6$s', 'hạn %7$s'),
  -- how a task stands
  ('task_done_late', 'done on %8$s, after the due date %6$s', 'hoàn thành ngày %9$s, sau hạn %7$s'),
  ('task_done', 'done on %8$s', 'hoàn thành ngày %9$s'),
  ('task_overdue', 'overdue: not reported done by %6$s',
   'quá hạn: chưa báo cáo hoàn thành đến %7$s'),
  ('task_overdue_no_status', 'overdue: no status reported by %6$s',
   'quá hạn: không có báo cáo trạng thái đến %7$s'),
  ('task_not_done', 'not done yet; due %6$s', 'chưa hoàn thành; hạn %7$s'),
  ('task_no_status', 'no status reported yet; due %6$s', 'chưa có báo cáo trạng thái; hạn %7$s'),
  -- a task of many units, not yet done by all (kpi.compute_population)
  ('task_units', 'done by %3$s of %4$s assigned units; due %6$s',
   'đã hoàn thành %3$s/%4$s đơn vị được giao; hạn %7$s'),
  ('task_units_overdue', 'overdue: done by %3$s of %4$s assigned units by %6$s',
   'quá hạn: %3$s/%4$s đơn vị được giao hoàn thành đến %7$s'),
  -- a monitored series: shown, never judged (kpi.compute_population)
  ('monitor', 'monitored: shown, not judged against a target',
   'theo dõi: hiển thị, không đánh giá theo chỉ tiêu'),
  ('monitor_none', 'monitored: no counts of %1$s', 'theo dõi: không có số liệu %1$s')
), gone AS (
  DELETE FROM kpi.reason_text r WHERE NOT EXISTS (SELECT 1 FROM t WHERE t.code = r.code)
)
INSERT INTO kpi.reason_text AS r (code, en, vi)
SELECT code, en, vi FROM t
ON CONFLICT (code) DO UPDATE SET en = excluded.en, vi = excluded.vi
 WHERE (r.en, r.vi) IS DISTINCT FROM (excluded.en, excluded.vi);
