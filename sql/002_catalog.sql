-- 002_catalog: the indicator catalog as analysts join on it. Filled by
-- `kpi migrate` from indicators/*.json (engine/catalog.c); never edited by hand.

CREATE TABLE kpi.metric (
  code            text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_vi         text NOT NULL,
  name_en         text NOT NULL,
  temporal        text NOT NULL CHECK (temporal IN ('flow', 'stock')),
  catalog_version text NOT NULL
);
COMMENT ON TABLE kpi.metric IS
  'metric codes agencies report (the data contract); temporal: flow = summed over time, stock = last value';

CREATE TABLE kpi.indicator (
  id                 text NOT NULL,
  effective_from     date NOT NULL DEFAULT '-infinity',
  name_vi            text NOT NULL,
  name_en            text NOT NULL,
  plan_ref           text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('ratio', 'share', 'task')),
  numerator_metric   text REFERENCES kpi.metric (code),
  denominator_metric text REFERENCES kpi.metric (code),
  comparator         text CHECK (comparator IN ('>', '>=')),
  target_pct         numeric CHECK (target_pct BETWEEN 0 AND 100),
  target_text_vi     text,
  facility_kind      text,
  inner_comparator   text CHECK (inner_comparator IN ('>', '>=')),
  inner_target_pct   numeric CHECK (inner_target_pct BETWEEN 0 AND 100),
  cadence            text NOT NULL CHECK (cadence IN ('monthly_ytd', 'ongoing', 'due')),
  due_date           date,
  lead_units         text[] NOT NULL DEFAULT '{}',
  support_units      text[] NOT NULL DEFAULT '{}',
  catalog_version    text NOT NULL,
  status_metric      text REFERENCES kpi.metric (code),
  deadline_text_vi   text,
  PRIMARY KEY (id, effective_from),
  CHECK (kind = 'task' OR (numerator_metric IS NOT NULL AND denominator_metric IS NOT NULL
                           AND comparator IS NOT NULL AND target_pct IS NOT NULL)),
  CHECK (kind <> 'share' OR (facility_kind IS NOT NULL AND inner_comparator IS NOT NULL
                             AND inner_target_pct IS NOT NULL)),
  CHECK ((cadence = 'due') = (due_date IS NOT NULL)),
  CHECK ((kind = 'task') = (status_metric IS NOT NULL)),
  CHECK (kind <> 'task' OR cadence = 'due')
);
COMMENT ON TABLE kpi.indicator IS
  'the plan''s measurable targets (KH 05/KH-UBND appendix); one row per id and effective_from';
COMMENT ON COLUMN kpi.indicator.catalog_version IS
  'the catalog version loaded last that holds this row; an older one: the row left the catalog';
COMMENT ON COLUMN kpi.indicator.status_metric IS
  'kind task: the metric the lead unit reports as 1 when the task is done';
COMMENT ON COLUMN kpi.indicator.deadline_text_vi IS
  'the deadline as the plan words it (Thời gian hoàn thành), e.g. Trước ngày 19/8/2025';

CREATE TABLE kpi.catalog_load (
  catalog_version text PRIMARY KEY,
  loaded_at       timestamptz NOT NULL DEFAULT now(),
  source_dir      text NOT NULL,
  indicators      integer NOT NULL,
  metrics         integer NOT NULL
);
COMMENT ON TABLE kpi.catalog_load IS 'every catalog version kpi migrate has loaded, and when';

-- Every version of every row, keyed by the catalog version that held it, so
-- that a value computed with an older catalog can be explained by its target.
CREATE TABLE kpi.metric_history (
  catalog_version text NOT NULL,
  code            text NOT NULL,
  name_vi         text NOT NULL,
  name_en         text NOT NULL,
  temporal        text NOT NULL,
  PRIMARY KEY (catalog_version, code)
);
COMMENT ON TABLE kpi.metric_history IS 'kpi.metric as each catalog version declared it';

CREATE TABLE kpi.indicator_history (
  catalog_version    text NOT NULL,
  id                 text NOT NULL,
  effective_from     date NOT NULL,
  name_vi            text NOT NULL,
  name_en            text NOT NULL,
  plan_ref           text NOT NULL,
  kind               text NOT NULL,
  numerator_metric   text,
  denominator_metric text,
  comparator         text,
  target_pct         numeric,
  target_text_vi     text,
  facility_kind      text,
  inner_comparator   text,
  inner_target_pct   numeric,
  cadence            text NOT NULL,
  due_date           date,
  lead_units         text[] NOT NULL,
  support_units      text[] NOT NULL,
  status_metric      text,
  deadline_text_vi   text,
  PRIMARY KEY (catalog_version, id, effective_from)
);
COMMENT ON TABLE kpi.indicator_history IS 'kpi.indicator as each catalog version defined it';
COMMENT ON COLUMN kpi.catalog_load.loaded_at IS
  'when this version last became the loaded one (a catalog reverted to an older version moves it)';
