-- observation/submission_fall_back: kpi.submission_fall_back(), what becomes
-- current for counts whose value was withdrawn (by a withdrawal of a whole
-- submission, kpi.submission_withdraw).

-- For every key (metric, unit, period, grain) of the temporary table
-- pg_temp.withdraw_key (the caller's, of the current transaction), the value
-- a database that never had the withdrawn submissions would hold: the
-- latest event of the key among those of submissions not withdrawn
-- (kpi.submission.withdrawn_at NULL), where an event is a version the key
-- had (kpi.observation_history, at its valid_from) or the withdrawal of the
-- key by a file (kpi.observation_withdrawal, at its withdrawn_at; at the
-- same instant the withdrawal comes after the values). A version is current
-- again from now on, a copy with its submission, line and value
-- (valid_from now()); a withdrawal, or no event at all, leaves the key
-- without a current value. The versions current until now move to
-- kpi.observation_superseded (valid_to now()): nothing is lost, and
-- kpi.observation_history keeps what was current when.
-- The computation follows: the keys' (metric, unit, month) are queued in
-- kpi.compute_dirty and their half months dropped from kpi.metric_half (a
-- derived table: kpi compute rebuilds them from kpi.observation; a half that
-- lost its only count would otherwise keep it). Returns how many keys have a
-- value current again. Called by SECURITY DEFINER functions only (it deletes,
-- which kpi_writer may not); executable by nobody else.
CREATE OR REPLACE FUNCTION kpi.submission_fall_back() RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  CREATE TEMP TABLE withdraw_back ON COMMIT DROP AS
  SELECT DISTINCT ON (k.metric, k.unit_code, k.period_start, k.grain)
         k.metric, k.unit_code, k.period_start, k.grain, e.value, e.submission_id, e.line_no,
         e.withdrawal
    FROM pg_temp.withdraw_key k
    JOIN (SELECT h.metric, h.unit_code, h.period_start, h.grain, h.value, h.submission_id,
                 h.line_no, h.valid_from AS at, false AS withdrawal
            FROM kpi.observation_history h
          UNION ALL
          SELECT w.metric, w.unit_code, w.period_start, w.grain, NULL, w.submission_id,
                 w.line_no, w.withdrawn_at, true
            FROM kpi.observation_withdrawal w) e
      ON e.metric = k.metric AND e.unit_code = k.unit_code AND e.period_start = k.period_start
     AND e.grain = k.grain
    JOIN kpi.submission s ON s.id = e.submission_id AND s.withdrawn_at IS NULL
   ORDER BY k.metric, k.unit_code, k.period_start, k.grain, e.at DESC, e.withdrawal DESC;

  INSERT INTO kpi.observation_superseded (metric, unit_code, period_start, grain, value,
                                          submission_id, line_no, valid_from, valid_to)
  SELECT o.metric, o.unit_code, o.period_start, o.grain, o.value, o.submission_id, o.line_no,
         o.valid_from, pg_catalog.now()
    FROM kpi.observation o JOIN pg_temp.withdraw_key k USING (metric, unit_code, period_start, grain);
  DELETE FROM kpi.observation_data o
   USING pg_temp.withdraw_key k, kpi.metric_key m, kpi.unit_key u
   WHERE m.code = k.metric AND u.code = k.unit_code AND o.metric_id = m.id
     AND o.unit_id = u.id AND o.period_start = k.period_start AND o.grain = k.grain;
  INSERT INTO kpi.metric_key (code)
  SELECT DISTINCT b.metric FROM withdraw_back b WHERE NOT b.withdrawal
  ON CONFLICT (code) DO NOTHING;
  INSERT INTO kpi.unit_key (code)
  SELECT DISTINCT b.unit_code FROM withdraw_back b WHERE NOT b.withdrawal
  ON CONFLICT (code) DO NOTHING;
  INSERT INTO kpi.observation_data (metric_id, unit_id, period_start, grain, value,
                                    submission_id, line_no)
  SELECT m.id, u.id, b.period_start, b.grain, b.value, b.submission_id, b.line_no
    FROM withdraw_back b
    JOIN kpi.metric_key m ON m.code = b.metric
    JOIN kpi.unit_key u ON u.code = b.unit_code
   WHERE NOT b.withdrawal;
  GET DIAGNOSTICS n = ROW_COUNT;

  INSERT INTO kpi.compute_dirty (metric, unit_code, month)
  SELECT DISTINCT k.metric, k.unit_code, pg_catalog.date_trunc('month', k.period_start)::date
    FROM pg_temp.withdraw_key k;
  DELETE FROM kpi.metric_half h
   USING (SELECT DISTINCT k.metric, k.unit_code,
                 pg_catalog.date_trunc('month', k.period_start)::date AS month
            FROM pg_temp.withdraw_key k) m
   WHERE h.metric = m.metric AND h.unit_code = m.unit_code AND h.half >= m.month
     AND h.half < (m.month + interval '1 month')::date;
  DROP TABLE withdraw_back;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION kpi.submission_fall_back() FROM PUBLIC;
