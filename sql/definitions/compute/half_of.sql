-- compute/half_of: kpi.half_of(), the half month of a day.

-- The half month of a day: the 1st (days 1-14) or the 15th (15-end).
CREATE OR REPLACE FUNCTION kpi.half_of(p_day date) RETURNS date
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN extract(day FROM p_day) >= 15 THEN date_trunc('month', p_day)::date + 14
              ELSE date_trunc('month', p_day)::date END
$$;

