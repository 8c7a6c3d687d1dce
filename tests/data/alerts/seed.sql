-- tests/data/alerts/seed.sql — the catalog rows and units the alert tests
-- need (the shapes of sql/002_catalog.sql and sql/003_observation.sql).
INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version, noun_vi, noun_en) VALUES
  ('dvc_essential_online', 'Số hồ sơ trực tuyến', 'Online dossiers', 'flow', 'test',
   'hồ sơ trực tuyến', 'online dossiers'),
  ('dvc_essential_total', 'hồ sơ', 'dossiers', 'flow', 'test', 'hồ sơ', 'dossiers'),
  ('checkup_chip_id', 'Số lượt khám dùng thẻ Căn cước/VNeID', 'Check-ups with the chip ID card or VNeID', 'flow', 'test',
   'lượt khám dùng thẻ Căn cước/VNeID', 'check-ups with the chip ID card or VNeID'),
  ('checkup_total', 'lượt khám', 'check-ups', 'flow', 'test', 'lượt khám', 'check-ups'),
  ('tthc_result_electronic', 'Số kết quả TTHC điện tử', 'Electronic results', 'flow', 'test',
   'kết quả TTHC điện tử', 'electronic results'),
  ('tthc_result_total', 'kết quả TTHC', 'results', 'flow', 'test', 'kết quả TTHC', 'results');

INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, numerator_metric,
                           denominator_metric, comparator, target_pct, target_text_vi, cadence,
                           due_date, lead_units, support_units, catalog_version) VALUES
  ('3.1', 'Tiếp nhận, giải quyết trực tuyến dịch vụ công thiết yếu Đề án 06',
   'Essential public services of Project 06 handled online', 'KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.1', 'ratio',
   'dvc_essential_online', 'dvc_essential_total', '>', 80, 'trên 80 %', 'monthly_ytd', NULL,
   ARRAY['Các sở, ban, ngành', 'UBND các xã, phường'],
   ARRAY['Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)'], 'test'),
  ('4.1', 'Khám chữa bệnh sử dụng thẻ Căn cước/CCCD/VNeID',
   'Medical visits using the chip ID card or VNeID', 'Phụ lục, mục 4.1', 'ratio',
   'checkup_chip_id', 'checkup_total', '>=', 95, 'từ 95 % trở lên', 'ongoing', NULL,
   ARRAY['Sở Y tế'], ARRAY['UBND các xã, phường'], 'test'),
  ('3.2.a', 'Cấp kết quả giải quyết TTHC điện tử', 'Electronic results of procedures',
   'Phụ lục, mục 3.2.a', 'ratio', 'tthc_result_electronic', 'tthc_result_total', '>=', 100,
   '100 %', 'due', '2025-12-31', ARRAY['Các sở, ban, ngành', 'UBND các xã, phường'],
   ARRAY['Văn phòng UBND tỉnh (TT PVHCC)'], 'test');

INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES
  ('19', 'Tỉnh Thái Nguyên', 'province', NULL);
INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES
  ('01840', 'Phường Đức Xuân', 'phuong', '19'),
  ('01843', 'Phường Bắc Kạn', 'phuong', '19'),
  ('01849', 'Xã Phong Quang', 'xa', '19');
