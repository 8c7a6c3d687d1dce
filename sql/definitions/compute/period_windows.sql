-- compute/period_windows: kpi.period_windows(), the calendar and reporting
-- periods kpi computes.

-- Every period that ends in a month of [p_from, p_to] (both taken as months).
-- Calendar: month, ytd (1 January to the end of the month), quarter, half,
-- year. Reporting (Decree 09/2019/NĐ-CP as provinces apply it, cut at the
-- 15th): report_month (15th of the previous month to the 14th),
-- report_quarter, report_half (H1: 15 Dec to 14 Jun; H2: 15 Jun to 14 Dec),
-- report_9m (15 Dec to 14 Sep), report_year (15 Dec to 14 Dec).
-- period_end is inclusive; period_label names the period for people.
CREATE OR REPLACE FUNCTION kpi.period_windows(p_from date, p_to date)
RETURNS TABLE (period_kind text, period_start date, period_end date, period_label text,
               cut boolean)
LANGUAGE sql IMMUTABLE STRICT AS $$
  WITH m AS (
    SELECT d::date AS m, extract(month FROM d)::int AS mo,
           (d + interval '1 month - 1 day')::date AS m_end,
           (d + interval '13 days')::date AS r_end
      FROM generate_series(date_trunc('month', p_from), date_trunc('month', p_to),
                           interval '1 month') AS d
  )
  SELECT 'month', m, m_end, to_char(m, 'YYYY-MM'), false FROM m
  UNION ALL
  SELECT 'ytd', date_trunc('year', m)::date, m_end, to_char(m, 'YYYY-MM'), false FROM m
  UNION ALL
  SELECT 'quarter', (m - interval '2 months')::date, m_end, to_char(m, 'YYYY-"Q"Q'), false
    FROM m WHERE mo % 3 = 0
  UNION ALL
  SELECT 'half', (m - interval '5 months')::date, m_end, to_char(m, 'YYYY') || '-H' || mo / 6,
         false
    FROM m WHERE mo % 6 = 0
  UNION ALL
  SELECT 'year', date_trunc('year', m)::date, m_end, to_char(m, 'YYYY'), false
    FROM m WHERE mo = 12
  UNION ALL
  SELECT 'report_month', (m - interval '1 month' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY-MM'), true FROM m
  UNION ALL
  SELECT 'report_quarter', (m - interval '3 months' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY-"Q"Q'), true
    FROM m WHERE mo % 3 = 0
  UNION ALL
  SELECT 'report_half', (m - interval '6 months' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY') || '-H' || mo / 6, true
    FROM m WHERE mo % 6 = 0
  UNION ALL
  SELECT 'report_9m', (m - interval '9 months' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY') || '-9M', true
    FROM m WHERE mo = 9
  UNION ALL
  SELECT 'report_year', (m - interval '12 months' + interval '14 days')::date, r_end,
         to_char(m, 'YYYY'), true
    FROM m WHERE mo = 12
$$;
COMMENT ON FUNCTION kpi.period_windows(date, date) IS
  'calendar and reporting periods ending in the months p_from..p_to; cut = window cut at the 15th';
