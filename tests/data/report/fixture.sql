-- tests/data/report/fixture.sql — hand-made data of the leaders' report
-- tests (tests/test_report.c, tests/test_report_browser.c) and of
-- docs/report.png: Thái Nguyên (19) and 24 of its communes and wards, 18
-- indicators of the plan, 13 monthly reporting periods (15th → 14th) of
-- province values, and commune values of the headline indicators for the
-- report of September 2025 (15/08/2025 → 14/09/2025).
-- Needs the schema of kpi migrate and kpi.indicator_value.

INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES
  ('19', 'Tỉnh Thái Nguyên', 'province', NULL);
INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES
  ('01840', 'Phường Đức Xuân', 'phuong', '19'), ('01843', 'Phường Bắc Kạn', 'phuong', '19'),
  ('01849', 'Xã Phong Quang', 'xa', '19'),      ('01864', 'Xã Bằng Thành', 'xa', '19'),
  ('01879', 'Xã Cao Minh', 'xa', '19'),         ('01882', 'Xã Nghiên Loan', 'xa', '19'),
  ('01894', 'Xã Phúc Lộc', 'xa', '19'),         ('01906', 'Xã Ba Bể', 'xa', '19'),
  ('01912', 'Xã Chợ Rã', 'xa', '19'),           ('01921', 'Xã Thượng Minh', 'xa', '19'),
  ('01933', 'Xã Đồng Phúc', 'xa', '19'),        ('01936', 'Xã Nà Phặc', 'xa', '19'),
  ('01942', 'Xã Bằng Vân', 'xa', '19'),         ('01954', 'Xã Ngân Sơn', 'xa', '19'),
  ('01957', 'Xã Thượng Quan', 'xa', '19'),      ('01960', 'Xã Hiệp Lực', 'xa', '19'),
  ('01969', 'Xã Phủ Thông', 'xa', '19'),        ('01981', 'Xã Vĩnh Thông', 'xa', '19'),
  ('02008', 'Xã Cẩm Giàng', 'xa', '19'),        ('02014', 'Xã Bạch Thông', 'xa', '19'),
  ('02020', 'Xã Chợ Đồn', 'xa', '19'),          ('02026', 'Xã Nam Cường', 'xa', '19'),
  ('05443', 'Phường Phan Đình Phùng', 'phuong', '19'), ('02044', 'Xã Yên Thịnh', 'xa', '19');

INSERT INTO kpi.catalog_load (catalog_version, source_dir, indicators, metrics)
  VALUES ('test-2025.1', 'tests/data/report', 18, 3);
INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) VALUES
  ('m_num', 'tử số', 'numerator', 'flow', 'test-2025.1'),
  ('m_den', 'mẫu số', 'denominator', 'flow', 'test-2025.1'),
  ('m_done', 'đã hoàn thành', 'done', 'stock', 'test-2025.1');

-- The ratio indicators (with their plan wording) and the dated tasks.
INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, numerator_metric,
                           denominator_metric, comparator, target_pct, target_text_vi,
                           facility_kind, inner_comparator, inner_target_pct, cadence, due_date,
                           lead_units, status_metric, catalog_version)
SELECT id, name_vi, name_en, 'KH 05/KH-UBND, phụ lục, mục ' || id, kind,
       CASE WHEN kind <> 'task' THEN 'm_num' END, CASE WHEN kind <> 'task' THEN 'm_den' END,
       comparator, target_pct, target_text_vi,
       CASE WHEN kind = 'share' THEN 'school' END, CASE WHEN kind = 'share' THEN '>=' END,
       CASE WHEN kind = 'share' THEN 85 END,
       CASE WHEN due_date IS NOT NULL THEN 'due' ELSE 'monthly_ytd' END, due_date, lead_units,
       CASE WHEN kind = 'task' THEN 'm_done' END, 'test-2025.1'
  FROM (VALUES
  ('3.1', 'Tiếp nhận, giải quyết trực tuyến dịch vụ công thiết yếu', 'Essential public services online', 'ratio', '>', 80, 'đạt trên 80%', NULL::date, '{"Các sở, ban, ngành","UBND các xã, phường"}'::text[]),
  ('3.2.a', 'Cấp kết quả giải quyết TTHC điện tử', 'Electronic results of procedures', 'ratio', '>=', 100, 'đạt 100%', DATE '2025-12-31', '{"Các sở, ban, ngành","UBND các xã, phường"}'),
  ('3.6', 'Kết quả giải quyết TTHC của cá nhân được lưu trữ điện tử', 'Results archived electronically', 'ratio', '>=', 100, '100%', NULL, '{"Các sở, ban, ngành","UBND các xã, phường"}'),
  ('4.1', 'Khám chữa bệnh sử dụng thẻ Căn cước/CCCD/VNeID', 'Medical visits with chip ID or VNeID', 'ratio', '>=', 95, 'đạt từ 95% trở lên', NULL, '{"Sở Y tế"}'),
  ('4.2.1', 'Đơn vị khám chữa bệnh thanh toán không dùng tiền mặt', 'Health facilities taking cashless payments', 'ratio', '>=', 100, '100%', NULL, '{"UBND các xã, phường"}'),
  ('4.2.2', 'Chi trả an sinh xã hội không dùng tiền mặt', 'Cashless social payments', 'ratio', '>=', 80, 'đạt từ 80% trở lên', NULL, '{"UBND các xã, phường"}'),
  ('4.2.3', 'Chi trả lương hưu, trợ cấp xã hội không dùng tiền mặt', 'Cashless pensions', 'ratio', '>=', 70, 'đạt từ 70% trở lên', NULL, '{"UBND các xã, phường"}'),
  ('4.2.4', 'Trường học thu học phí không dùng tiền mặt đạt 85% trở lên', 'Schools collecting fees cashless', 'share', '>=', 100, '100% trường học', NULL, '{"Sở Giáo dục và Đào tạo","UBND các xã, phường"}'),
  ('5.1.a', 'Cấp Căn cước cho công dân từ 14 tuổi trở lên', 'ID cards for citizens 14+', 'ratio', '>=', 100, '100%', NULL, '{"Công an tỉnh"}'),
  ('5.1.b', 'Trẻ em dưới 14 tuổi được cấp Căn cước', 'ID cards for children under 14', 'ratio', '>', 80, 'phấn đấu trên 80%', NULL, '{"Công an tỉnh"}'),
  ('5.2', 'Kích hoạt tài khoản định danh điện tử công dân từ 14 tuổi trở lên', 'Activated electronic ID accounts', 'ratio', '>', 85, 'đạt trên 85%', NULL, '{"Công an tỉnh"}'),
  ('5.3.a', 'Doanh nghiệp, hợp tác xã có tài khoản định danh điện tử', 'Enterprises with electronic ID', 'ratio', '>=', 100, '100%', DATE '2025-08-18', '{"Công an tỉnh"}'),
  ('5.4', 'Bệnh viện triển khai bệnh án điện tử', 'Hospitals with electronic medical records', 'ratio', '>=', 100, '100%', DATE '2025-08-18', '{"Sở Y tế"}'),
  ('7.5', 'Phủ sóng 5G so với số trạm 4G', '5G coverage of 4G stations', 'ratio', '>=', 50, 'ít nhất 50%', DATE '2025-11-30', '{"Sở Khoa học và Công nghệ"}'),
  ('1.1', 'Ban hành kế hoạch triển khai của các sở, ngành, địa phương', 'Implementation plans issued', 'task', NULL, NULL, NULL, DATE '2025-07-17', '{"Các sở, ban, ngành","UBND các xã, phường"}'),
  ('3.4', 'Rà soát, cắt giảm thủ tục hành chính có dữ liệu dân cư', 'Review of procedures', 'task', NULL, NULL, NULL, DATE '2025-09-30', '{"Văn phòng UBND tỉnh"}'),
  ('5.6', 'Làm sạch dữ liệu hộ tịch', 'Civil-status data cleaned', 'task', NULL, NULL, NULL, DATE '2025-08-31', '{"Sở Tư pháp"}'),
  ('5.9', 'Triển khai ví điện tử cho người dân', 'Citizen e-wallets', 'task', NULL, NULL, NULL, DATE '2025-07-31', '{"Công an tỉnh"}')
  ) AS t (id, name_vi, name_en, kind, comparator, target_pct, target_text_vi, due_date, lead_units);

INSERT INTO kpi.run (status, finished_at, pid, host) VALUES ('succeeded', now(), 1, 'test');
INSERT INTO kpi.compute_run (mode, finished_at) VALUES ('full', now());

-- The report of September 2025, province: hand-checked numbers.
--   3.1   11 890 / 15 000 = 79,27 % vs > 80: breach; gap 12 001 - 11 890 = 111
--   4.1   19 000 / 20 000 = 95 % vs >= 95: met (exactly on the target)
--   5.2   812 345 / 1 000 000 = 81,23 % vs > 85: breach; gap 850 001 - 812 345 = 37 656
--   4.2.2 8 123 / 10 000 = 81,23 % vs >= 80: met
--   4.2.3 6 900 / 10 000 = 69 % vs >= 70: breach; gap 100
--   4.2.4 37 / 40 schools = 92,5 % vs >= 100: breach; gap 3
--   5.1.a 1 050 000 / 1 060 000 = 99,06 %: breach; gap 10 000
--   5.1.b 250 000 / 300 000 = 83,33 % vs > 80: met
--   3.2.a 9 800 / 10 000 = 98 %, due 31/12/2025: at_risk
--   7.5   1 300 / 2 400 = 54,17 %, due 30/11/2025: on_track
--   5.3.a 4 100 / 4 100 = 100 %: met;  5.4 11 / 12 = 91,67 %: breach, gap 1
--   3.6   no_data;  4.2.1 120 / 118: invalid;  task 1.1 met, 5.9 breach, 3.4 and 5.6 no row
INSERT INTO kpi.indicator_value (indicator_id, unit_code, period_kind, period_start, period_end,
                                 period_label, numerator, denominator, ratio_pct, comparator, target_pct,
                                 status, reason, reason_vi, gap_count, completeness_pct,
                                 catalog_version, computed_at, run_id)
SELECT c.id, '19', 'report_month', DATE '2025-08-15', DATE '2025-09-14', '2025-09', c.num, c.den,
       CASE WHEN c.status NOT IN ('no_data', 'invalid') THEN round(c.num * 100.0 / c.den, 10) END,
       i.comparator, i.target_pct, c.status, c.reason, c.reason, c.gap, c.complete, 'test-2025.1',
       TIMESTAMPTZ '2025-09-15 02:05:00+07', (SELECT max(id) FROM kpi.compute_run)
  FROM (VALUES
    ('3.1', 11890, 15000, 'breach', NULL, 111, 95.83),
    ('4.1', 19000, 20000, 'met', NULL, 0, 100),
    ('5.2', 812345, 1000000, 'breach', NULL, 37656, 100),
    ('4.2.2', 8123, 10000, 'met', NULL, 0, 100),
    ('4.2.3', 6900, 10000, 'breach', NULL, 100, 100),
    ('4.2.4', 37, 40, 'breach', NULL, 3, 95),
    ('5.1.a', 1050000, 1060000, 'breach', NULL, 10000, 100),
    ('5.1.b', 250000, 300000, 'met', NULL, 0, 100),
    ('3.2.a', 9800, 10000, 'at_risk', 'chưa đến hạn 31/12/2025, chưa đạt mục tiêu', 200, 100),
    ('7.5', 1300, 2400, 'on_track', 'chưa đến hạn 30/11/2025, đã đạt mục tiêu', 0, 100),
    ('5.3.a', 4100, 4100, 'met', NULL, 0, 100),
    ('5.4', 11, 12, 'breach', NULL, 1, 100),
    ('3.6', NULL, NULL, 'no_data', 'thiếu mẫu số result_individual_issued', NULL, 0),
    ('4.2.1', 120, 118, 'invalid', 'tử số lớn hơn mẫu số (120 > 118)', NULL, 100),
    ('1.1', NULL, NULL, 'met', 'đã ban hành đủ kế hoạch', NULL, NULL),
    ('5.9', NULL, NULL, 'breach', 'chưa triển khai', NULL, NULL)
  ) AS c (id, num, den, status, reason, gap, complete)
  JOIN kpi.indicator i ON i.id = c.id;

-- Twelve earlier monthly reporting periods of the province, rising linearly
-- towards the September values (status judged exactly, as kpi compute does).
INSERT INTO kpi.indicator_value (indicator_id, unit_code, period_kind, period_start, period_end,
                                 period_label, numerator, denominator, ratio_pct, comparator, target_pct,
                                 status, reason, gap_count, completeness_pct, catalog_version,
                                 computed_at, run_id)
SELECT h.id, '19', 'report_month', h.pstart, h.pend, to_char(h.pend, 'YYYY-MM'), h.num, h.den,
       round(h.num * 100.0 / h.den, 10), i.comparator, i.target_pct,
       CASE WHEN h.meets AND (i.due_date IS NULL OR h.pend >= i.due_date) THEN 'met'
            WHEN i.due_date IS NULL OR h.pend >= i.due_date THEN 'breach'
            WHEN h.meets THEN 'on_track' ELSE 'at_risk' END,
       NULL, NULL, 100, 'test-2025.1', TIMESTAMPTZ '2025-09-15 02:05:00+07',
       (SELECT max(id) FROM kpi.compute_run)
  FROM (SELECT s.id, s.den, s.num, p.pstart, p.pend,
               CASE WHEN ind.comparator = '>' THEN s.num * 100 > ind.target_pct * s.den
                    ELSE s.num * 100 >= ind.target_pct * s.den END AS meets
          FROM (SELECT b.id, b.den, k,
                       round(b.den * (b.first_pct + (b.last_pct - b.first_pct) * k / 11.0) / 100)::bigint AS num
                  FROM (VALUES ('3.1', 15000, 62.0, 79.0), ('4.1', 20000, 80.0, 96.5),
                               ('5.2', 1000000, 55.0, 80.5), ('4.2.2', 10000, 60.0, 82.0),
                               ('4.2.3', 10000, 50.0, 68.0), ('4.2.4', 40, 50.0, 90.0),
                               ('5.1.a', 1060000, 92.0, 99.0), ('5.1.b', 300000, 40.0, 81.0),
                               ('3.2.a', 10000, 70.0, 97.0), ('7.5', 2400, 20.0, 52.0),
                               ('5.3.a', 4100, 60.0, 99.0), ('5.4', 12, 50.0, 91.0),
                               ('3.6', 5000, 85.0, 97.0), ('4.2.1', 118, 70.0, 98.0))
                       AS b (id, den, first_pct, last_pct),
                       generate_series(0, 11) AS k) s
          JOIN kpi.indicator ind ON ind.id = s.id
          CROSS JOIN LATERAL (SELECT (DATE '2024-08-15' + make_interval(months => s.k))::date AS pstart,
                                     (DATE '2024-09-14' + make_interval(months => s.k))::date AS pend) p
       ) h
  JOIN kpi.indicator i ON i.id = h.id;

-- Communes and wards in the report of September 2025, headline indicators:
-- ratios spread between 55 % and 99 %; Xã Ba Bể (01906) has no data on 3.1
-- and Xã Chợ Rã (01912) an invalid 4.1.
INSERT INTO kpi.indicator_value (indicator_id, unit_code, period_kind, period_start, period_end,
                                 period_label, numerator, denominator, ratio_pct, comparator, target_pct,
                                 status, reason, gap_count, completeness_pct, catalog_version,
                                 computed_at, run_id)
SELECT c.id, c.code, 'report_month', DATE '2025-08-15', DATE '2025-09-14', '2025-09',
       CASE WHEN c.state = 'no_data' THEN NULL WHEN c.state = 'invalid' THEN c.den + 7 ELSE c.num END,
       CASE WHEN c.state = 'no_data' THEN NULL ELSE c.den END,
       CASE WHEN c.state IS NULL THEN round(c.num * 100.0 / c.den, 10) END,
       i.comparator, i.target_pct,
       coalesce(c.state, CASE WHEN (i.comparator = '>' AND c.num * 100 > i.target_pct * c.den)
                                OR (i.comparator = '>=' AND c.num * 100 >= i.target_pct * c.den)
                              THEN 'met' ELSE 'breach' END),
       CASE c.state WHEN 'no_data' THEN 'chưa báo cáo dvc_essential_total'
                    WHEN 'invalid' THEN 'tử số lớn hơn mẫu số' END,
       NULL, NULL, 'test-2025.1', TIMESTAMPTZ '2025-09-15 02:05:00+07', (SELECT max(id) FROM kpi.compute_run)
  FROM (SELECT u.code, x.id, 400 + 13 * u.n AS den,
               ((400 + 13 * u.n) * (55 + (u.n * 37 + x.o * 11) % 45) / 100)::bigint AS num,
               CASE WHEN u.code = '01906' AND x.id = '3.1' THEN 'no_data'
                    WHEN u.code = '01912' AND x.id = '4.1' THEN 'invalid' END AS state
          FROM (SELECT code, row_number() OVER (ORDER BY code) AS n FROM kpi.unit
                 WHERE parent_code = '19') u,
               (VALUES ('3.1', 1), ('4.1', 2), ('5.2', 3), ('4.2.2', 4)) AS x (id, o)) c
  JOIN kpi.indicator i ON i.id = c.id;

-- The reasons as kpi compute stores them: reason_vi for people (the report
-- prints it), reason in English for operators (never printed in the report).
UPDATE kpi.indicator_value SET reason_vi = reason, reason = 'English: ' || reason
 WHERE reason IS NOT NULL;
