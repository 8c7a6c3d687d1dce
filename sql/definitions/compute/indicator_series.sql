-- compute/indicator_series: the view kpi.indicator_series, the analysts' main
-- view of the computed cells.

CREATE OR REPLACE VIEW kpi.indicator_series AS
SELECT v.indicator_id, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en,
       i.kind AS indicator_kind, v.unit_code, u.name AS unit_name, u.kind AS unit_kind,
       u.parent_code AS unit_parent, v.period_kind, v.period_label, v.period_start,
       v.period_end, v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct,
       v.due_date, v.status, v.reason, v.reason_vi, v.gap_count, v.completeness_pct,
       v.units_expected, v.units_reporting, v.catalog_version, v.computed_at, v.run_id,
       v.late_days, v.suspect, v.counted_to, v.projected_pct, v.needed_per_month, v.months_from,
       v.months_to, v.plan_id, kpi.series_key(v.plan_id, v.indicator_id, i.series) AS series,
       v.carried_pct, v.estimated
  FROM kpi.indicator_value v
  -- the orders are computed once per unit and per indicator, not once per row
  JOIN (SELECT un.*, row_number() OVER (ORDER BY un.kind <> 'province',
                                       un.name COLLATE "vi-VN-x-icu", un.code) AS unit_order
          FROM kpi.unit un) u ON u.code = v.unit_code
  JOIN (SELECT d.id, kpi.indicator_sort_key(d.id) AS id_order
          FROM (SELECT DISTINCT id FROM kpi.indicator) d
        OFFSET 0) k ON k.id = v.indicator_id  -- OFFSET 0: evaluated per indicator
  -- the row of the plan that judged the cell (issue 18), on the period's last day: what
  -- kpi.indicator_of returns, written out here because analysts read this view and may
  -- read neither kpi.indicator nor kpi.plan themselves (a view reads its relations as its
  -- owner; a function it calls runs as the reader)
  CROSS JOIN LATERAL (SELECT c.name_vi, c.name_en, c.kind, c.series
                        FROM kpi.indicator c
                       WHERE c.id = v.indicator_id
                       ORDER BY c.plan_id = v.plan_id DESC,
                                c.plan_id IS NOT DISTINCT FROM
                                  coalesce((SELECT p.id FROM kpi.plan p
                                             WHERE p.in_catalog
                                               AND v.period_end BETWEEN p.valid_from AND p.valid_to
                                             ORDER BY p.valid_from DESC LIMIT 1),
                                           (SELECT p.id FROM kpi.plan p WHERE p.in_catalog
                                             ORDER BY p.valid_to >= v.period_end,
                                                      CASE WHEN p.valid_to < v.period_end
                                                           THEN v.period_end - p.valid_to
                                                           ELSE p.valid_from - v.period_end END
                                             LIMIT 1)) DESC,
                                c.effective_from <= v.period_end DESC, c.effective_from DESC
                       LIMIT 1) i
 ORDER BY k.id_order, u.unit_order, v.period_kind, v.period_end;
COMMENT ON VIEW kpi.indicator_series IS
  'every computed cell with indicator and unit names, ordered by indicator, province first, '
  'unit name (Vietnamese collation), period; plan_id: the plan that judged it, series: the '
  'series it belongs to across plans (kpi.series_key)';

