-- 001_base: the kpi schema itself. kpi migrate creates schema kpi and
-- kpi.schema_migration before it applies any file (see engine/migrate.c).
COMMENT ON SCHEMA kpi IS
  'kpi — Project 06 indicator engine of Thái Nguyên province (KH 05/KH-UBND, 14/7/2025)';
