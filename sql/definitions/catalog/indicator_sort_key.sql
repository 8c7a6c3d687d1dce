-- catalog/indicator_sort_key: kpi.indicator_sort_key(), the order of indicator ids.

-- Sort key of an indicator id: "3.2.a" < "3.10" < "4.1".
CREATE OR REPLACE FUNCTION kpi.indicator_sort_key(p_id text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT string_agg(CASE WHEN part ~ '^[0-9]+$' THEN lpad(part, 6, '0') ELSE part END, '.'
                    ORDER BY ord)
    FROM unnest(string_to_array(p_id, '.')) WITH ORDINALITY AS t(part, ord)
$$;

