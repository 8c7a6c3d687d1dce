-- alerts/alert_outbox_store: kpi.alert_outbox_store(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_outbox_store: one notification of run P_RUN for P_RECEIVER into
-- kpi.outbox (channel 'webhook', 'email' or 'alertmanager', the idempotency key,
-- the JSON payload, the subject and the plain text), the alert events it carries
-- (P_EVENTS, duplicates counted once) into kpi.outbox_event, and the alerts it
-- tells (P_ALERTS, firing or resolved, duplicates counted once) into
-- kpi.outbox_alert: kpi.alert_route tells each of them its resolution later.
-- Returns the kpi.outbox id. Fails (nothing written) on a second row of the same key.
-- The function of the older signature (without P_ALERTS) is dropped first.
DROP FUNCTION IF EXISTS kpi.alert_outbox_store(bigint, text, text, text, jsonb, text, text,
                                               bigint[]);
CREATE OR REPLACE FUNCTION kpi.alert_outbox_store(p_run bigint, p_receiver text,
                                                  p_channel text, p_idempotency_key text,
                                                  p_payload jsonb, p_subject text,
                                                  p_body_text text, p_events bigint[],
                                                  p_alerts bigint[])
  RETURNS bigint LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id bigint;
BEGIN
  INSERT INTO kpi.outbox (run_id, receiver, channel, idempotency_key, payload, subject,
                          body_text)
  VALUES (p_run, p_receiver, p_channel, p_idempotency_key, p_payload, p_subject, p_body_text)
  RETURNING id INTO v_id;
  INSERT INTO kpi.outbox_event (outbox_id, event_id)
  SELECT DISTINCT v_id, unnest(p_events);
  INSERT INTO kpi.outbox_alert (outbox_id, alert_id)
  SELECT DISTINCT v_id, unnest(p_alerts);
  RETURN v_id;
END
$$;
