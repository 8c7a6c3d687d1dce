-- 006_alerts: threshold-breach alerts (engine/alerts.c) and their delivery
-- (engine/deliver.c). `kpi alerts` evaluates kpi.indicator_value (issue 5)
-- and writes the alert state, its events and the outbox in one transaction;
-- `kpi alerts deliver` sends the outbox and logs every attempt. Nothing is
-- deleted: resolved alerts stay, delivered notifications stay.

-- One row per evaluation (`kpi alerts`), with the instant it judged at.
CREATE TABLE kpi.alert_run (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  evaluated_at  timestamptz NOT NULL,
  routes_sha256 text NOT NULL,
  settings      jsonb NOT NULL
);
COMMENT ON TABLE kpi.alert_run IS
  'one row per `kpi alerts` evaluation; evaluated_at is its "now" (--now in tests)';

-- An alert is keyed by (kind, indicator, unit, period kind): kind 'status'
-- is the breach / at-risk alert, kind 'data' the data-missing one. At most one
-- firing row per fingerprint; a key that fires again after resolving opens a
-- new row.
CREATE TABLE kpi.alert (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fingerprint         text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('status', 'data')),
  alertname           text NOT NULL
                      CHECK (alertname IN ('KpiBreach', 'KpiAtRisk', 'KpiDataMissing')),
  indicator_id        text NOT NULL,
  unit_code           text NOT NULL REFERENCES kpi.unit (code),
  period_kind         text NOT NULL,
  state               text NOT NULL CHECK (state IN ('firing', 'resolved')),
  severity            text NOT NULL CHECK (severity IN ('warning', 'critical')),
  first_period        date NOT NULL,
  last_period         date NOT NULL,
  last_period_end     date NOT NULL,
  consecutive_periods integer NOT NULL CHECK (consecutive_periods > 0),
  status              text NOT NULL,
  ratio_pct           numeric,
  target_pct          numeric,
  comparator          text,
  gap_count           bigint,
  completeness_pct    numeric,
  lead_units          text[] NOT NULL DEFAULT '{}',
  opened_at           timestamptz NOT NULL,
  resolved_at         timestamptz,
  last_notified_at    timestamptz NOT NULL,
  CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE UNIQUE INDEX alert_firing_idx ON kpi.alert (fingerprint) WHERE state = 'firing';
CREATE INDEX alert_key_idx ON kpi.alert (indicator_id, period_kind, unit_code);
COMMENT ON TABLE kpi.alert IS
  'alerts on indicator cells: first_period..last_period are the consecutive breached periods';

CREATE TABLE kpi.alert_event (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id            bigint NOT NULL REFERENCES kpi.alert (id),
  run_id              bigint NOT NULL REFERENCES kpi.alert_run (id),
  event               text NOT NULL
                      CHECK (event IN ('fire', 'reminder', 'escalate', 'resolve', 'restate')),
  at                  timestamptz NOT NULL,
  period_start        date NOT NULL,
  period_end          date NOT NULL,
  status              text NOT NULL,
  previous_status     text,
  severity            text NOT NULL,
  consecutive_periods integer NOT NULL,
  ratio_pct           numeric,
  gap_count           bigint,
  completeness_pct    numeric,
  CHECK ((event = 'restate') = (previous_status IS NOT NULL))
);
CREATE INDEX alert_event_alert_idx ON kpi.alert_event (alert_id, period_start, id);
CREATE INDEX alert_event_run_idx ON kpi.alert_event (run_id);
COMMENT ON TABLE kpi.alert_event IS
  'every fire, reminder, escalation, resolve and restatement, with the period and status it told';

-- The outbox: one notification (a digest) per receiver and run.
CREATE TABLE kpi.outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id          bigint NOT NULL REFERENCES kpi.alert_run (id),
  receiver        text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('webhook', 'email')),
  idempotency_key text NOT NULL UNIQUE,
  payload         jsonb NOT NULL,
  subject         text NOT NULL,
  body_text       text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        integer NOT NULL DEFAULT 0,
  delivered_at    timestamptz
);
CREATE INDEX outbox_pending_idx ON kpi.outbox (id) WHERE delivered_at IS NULL;
COMMENT ON TABLE kpi.outbox IS
  'notifications written with the alert state; delivered_at NULL = still to send (never dropped)';

CREATE TABLE kpi.outbox_event (
  outbox_id bigint NOT NULL REFERENCES kpi.outbox (id),
  event_id  bigint NOT NULL REFERENCES kpi.alert_event (id),
  PRIMARY KEY (outbox_id, event_id)
);
COMMENT ON TABLE kpi.outbox_event IS 'which alert events each notification carries';

CREATE TABLE kpi.delivery (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  outbox_id   bigint NOT NULL REFERENCES kpi.outbox (id),
  attempt     integer NOT NULL,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  target      text NOT NULL,
  ok          boolean NOT NULL,
  http_status integer,
  error       text
);
CREATE INDEX delivery_outbox_idx ON kpi.delivery (outbox_id, attempt);
COMMENT ON TABLE kpi.delivery IS
  'every delivery attempt of `kpi alerts deliver`; target never carries a secret';

-- The stable identity of an alert key.
CREATE FUNCTION kpi.alert_fingerprint(kind text, indicator_id text, unit_code text,
                                      period_kind text)
  RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT left(encode(sha256(convert_to(concat_ws('|', kind, indicator_id, unit_code,
                                                 period_kind), 'UTF8')), 'hex'), 16)
$$;

-- Does ROUTE (a normalised route of the routes file, see engine/routes.c)
-- match this alert? A NULL alertname or severity matches any.
CREATE FUNCTION kpi.alert_route_matches(route jsonb, indicator_id text, unit_code text,
                                        unit_kind text, period_kind text,
                                        lead_units text[], alertname text, severity text)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (route -> 'indicators' ? '*' OR route -> 'indicators' ? indicator_id)
     AND CASE route ->> 'units'
           WHEN 'all' THEN true
           WHEN 'province' THEN unit_kind = 'province'
           ELSE route -> 'unit_codes' ? unit_code
         END
     AND route -> 'period_kinds' ? period_kind
     AND (jsonb_typeof(route -> 'lead_units') IS DISTINCT FROM 'array'
          OR route -> 'lead_units' ?| lead_units)
     AND (alertname IS NULL OR route -> 'alertnames' ? alertname)
     AND (severity IS NULL
          OR array_position(ARRAY['warning', 'critical'], severity)
             >= array_position(ARRAY['warning', 'critical'], route ->> 'min_severity'))
$$;
