-- 019_delivery_failures: deliveries that fail say so, and every firing told gets its
-- resolution (issue 21, items 1, 2 and 5):
--  - a notification is pending (delivered_at and failed_at NULL), delivered, or failed:
--    a permanent refusal (HTTP 4xx other than 408 and 429) at once, a transient one (5xx,
--    network) once it has been tried give_up_after_attempts times; failure says why (the
--    status and the first KiB of the answer). `kpi alerts retry` clears failed_at and
--    attempts (attempts counts since the last re-queue; kpi.delivery keeps every try);
--  - kpi.delivery keeps the first KiB of each answer that was not a success (response);
--  - channel 'alertmanager': Alertmanager's API v2 (POST /api/v2/alerts);
--  - kpi.outbox_alert: which alerts each notification told (firing or resolved), so that
--    an alert that resolves is told to every receiver that got it firing, even after its
--    route was removed. Filled here from the events of the notifications written before.
ALTER TABLE kpi.outbox
  ADD COLUMN failed_at timestamptz,
  ADD COLUMN failure text,
  ADD CONSTRAINT outbox_delivered_or_failed CHECK (delivered_at IS NULL OR failed_at IS NULL),
  DROP CONSTRAINT outbox_channel_check,
  ADD CONSTRAINT outbox_channel_check CHECK (channel IN ('webhook', 'email', 'alertmanager'));
COMMENT ON COLUMN kpi.outbox.failed_at IS
  'when delivery gave up (a permanent refusal, or the attempts exhausted); NULL: not failed';
COMMENT ON COLUMN kpi.outbox.failure IS
  'why it failed: the receiver, the HTTP status or error, and the first KiB of the answer';
DROP INDEX kpi.outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON kpi.outbox (id) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_failed_idx ON kpi.outbox (receiver) WHERE failed_at IS NOT NULL;

ALTER TABLE kpi.delivery ADD COLUMN response text;
COMMENT ON COLUMN kpi.delivery.response IS
  'the first KiB of the answer of an attempt that did not succeed (HTTP), else NULL';

CREATE TABLE kpi.outbox_alert (
  outbox_id bigint NOT NULL REFERENCES kpi.outbox (id),
  alert_id  bigint NOT NULL REFERENCES kpi.alert (id),
  PRIMARY KEY (outbox_id, alert_id)
);
CREATE INDEX outbox_alert_alert_idx ON kpi.outbox_alert (alert_id);
COMMENT ON TABLE kpi.outbox_alert IS
  'which alerts each notification told; a resolution goes to every receiver told the alert';
INSERT INTO kpi.outbox_alert (outbox_id, alert_id)
SELECT DISTINCT oe.outbox_id, e.alert_id
  FROM kpi.outbox_event oe JOIN kpi.alert_event e ON e.id = oe.event_id;
