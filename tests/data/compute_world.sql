-- tests/data/compute_world.sql — a small world for test_compute and test_show:
-- province P with communes A, B, C (C never reports), facilities under A and
-- B, a catalog of six indicators (one of each shape) and one submission.
-- Numbers are chosen by each test case; see tests/test_compute.c.
INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES
  ('P', 'Tỉnh Thử', 'province', NULL),
  ('A', 'Xã Ân', 'xa', 'P'),
  ('B', 'Phường Bình', 'phuong', 'P'),
  ('C', 'Xã Đông', 'xa', 'P'),
  ('A-TH1', 'Trường Tiểu học Ân 1', 'school', 'A'),
  ('A-TH2', 'Trường Tiểu học Ân 2', 'school', 'A'),
  ('A-TH3', 'Trường Tiểu học Ân 3', 'school', 'A'),
  ('B-TH1', 'Trường Tiểu học Bình', 'school', 'B'),
  ('A-TYT', 'Trạm Y tế Ân', 'health_facility', 'A'),
  ('B-TYT', 'Trạm Y tế Bình', 'health_facility', 'B');

INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) VALUES
  ('dvc_essential_online', 'Hồ sơ DVC thiết yếu trực tuyến', 'essential online', 'flow', 'v1'),
  ('dvc_essential_total', 'Hồ sơ DVC thiết yếu', 'essential total', 'flow', 'v1'),
  ('checkup_chip_id', 'Lượt khám dùng CCCD', 'checkups with chip id', 'flow', 'v1'),
  ('checkup_total', 'Lượt khám', 'checkups', 'flow', 'v1'),
  ('citizen_14plus', 'Công dân từ 14 tuổi', 'citizens 14+', 'stock', 'v1'),
  ('citizen_14plus_vneid_active', 'Tài khoản VNeID kích hoạt', 'active VNeID', 'stock', 'v1'),
  ('enterprise_eid', 'Doanh nghiệp có TK định danh', 'enterprises with eID', 'stock', 'v1'),
  ('enterprise_total', 'Doanh nghiệp', 'enterprises', 'stock', 'v1'),
  ('school_fee_cashless', 'Học phí không tiền mặt', 'cashless fees', 'flow', 'v1'),
  ('school_fee_total', 'Học phí', 'fees', 'flow', 'v1'),
  ('task_1_1_done', 'Nhiệm vụ 1.1 hoàn thành', 'task 1.1 done', 'stock', 'v1');

INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, numerator_metric,
  denominator_metric, comparator, target_pct, facility_kind, inner_comparator, inner_target_pct,
  cadence, due_date, catalog_version, status_metric) VALUES
  ('3.1', 'Tỷ lệ DVC thiết yếu trực tuyến', 'essential services online', 'III.1', 'ratio',
   'dvc_essential_online', 'dvc_essential_total', '>', 80, NULL, NULL, NULL, 'monthly_ytd', NULL, 'v1', NULL),
  ('4.1', 'Tỷ lệ khám chữa bệnh dùng CCCD', 'checkups with chip id', 'IV.1', 'ratio',
   'checkup_chip_id', 'checkup_total', '>=', 95, NULL, NULL, NULL, 'ongoing', NULL, 'v1', NULL),
  ('5.2', 'Tỷ lệ kích hoạt VNeID', 'VNeID activated', 'V.2', 'ratio',
   'citizen_14plus_vneid_active', 'citizen_14plus', '>', 85, NULL, NULL, NULL, 'ongoing', NULL, 'v1', NULL),
  ('5.3.a', 'Doanh nghiệp có tài khoản định danh', 'enterprises with eID', 'V.3.a', 'ratio',
   'enterprise_eid', 'enterprise_total', '>=', 100, NULL, NULL, NULL, 'due', '2025-08-18', 'v1', NULL),
  ('4.2.4', 'Trường học thu học phí không dùng tiền mặt', 'schools cashless fees', 'IV.2.4',
   'share', 'school_fee_cashless', 'school_fee_total', '>=', 100, 'school', '>=', 85, 'ongoing',
   NULL, 'v1', NULL),
  ('1.1', 'Nhiệm vụ 1.1', 'task 1.1', 'I.1', 'task', NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, 'due', '2025-07-17', 'v1', 'task_1_1_done');

INSERT INTO kpi.submission (file_name, sha256, status) VALUES ('world.csv', 'w1', 'accepted');
