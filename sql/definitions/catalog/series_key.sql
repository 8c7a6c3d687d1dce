-- catalog/series_key: kpi.series_key(), the series an item's cells belong to (issue 18).

-- The series key of an item: its series column (the item it continues, "<plan>/<item>"),
-- else "<plan>/<item>" of its own, else the item alone outside plans (plan ''). Trends and
-- alert keys follow it: an item continued across plans keeps one series; the same number
-- in two plans without "continues" is two.
CREATE OR REPLACE FUNCTION kpi.series_key(p_plan text, p_id text, p_series text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(p_series, CASE WHEN p_plan = '' THEN p_id ELSE p_plan || '/' || p_id END)
$$;
