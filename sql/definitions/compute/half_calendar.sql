-- compute/half_calendar: kpi.half_calendar(), the day calendar of the time layer.

-- The day calendar of the time layer: each day's half month and month, and
-- the packing base of a stock's last value: (day - 2000-01-01) << 47, to
-- which a value below 2^47 is added, so that max() picks the latest day.
CREATE OR REPLACE FUNCTION kpi.half_calendar(p_from date, p_to date)
RETURNS TABLE (day date, half date, month date, pk bigint)
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT d::date, kpi.half_of(d::date), date_trunc('month', d)::date,
         (d::date - DATE '2000-01-01')::bigint << 47
    FROM generate_series(p_from, p_to, interval '1 day') AS d
$$;

