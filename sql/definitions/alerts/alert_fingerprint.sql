-- alerts/alert_fingerprint: kpi.alert_fingerprint(), the identity of an alert key.

-- The stable identity of an alert key.
CREATE OR REPLACE FUNCTION kpi.alert_fingerprint(kind text, indicator_id text, unit_code text,
                                      period_kind text)
  RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT left(encode(sha256(convert_to(concat_ws('|', kind, indicator_id, unit_code,
                                                 period_kind), 'UTF8')), 'hex'), 16)
$$;

