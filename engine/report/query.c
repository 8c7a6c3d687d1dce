/*
 * report/query.c — the queries of the leaders' report (see query.h): the
 * SQL text, its parameters, and the errors when a query fails. Nothing here
 * writes HTML.
 */
#include "report/query.h"

#include "common/log.h"
#include "common/sqlstate.h"
#include "common/status.h"
#include "db/conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sort key of an indicator id: its dotted parts padded, so that 3.2.a < 3.10. */
#define ID_ORDER(col)                                                                              \
    "(SELECT array_agg(lpad(p, 4, '0') COLLATE \"C\" ORDER BY o) "                                 \
    "FROM unnest(string_to_array(" col ", '.')) WITH ORDINALITY AS u (p, o))"

/* The catalog as it stood at the end of the period, AT "END, (PLAN)" (the parameters of the
 * period's last day and of the plan, e.g. "$4, ($5)"): one row per indicator id,
 * of the plan PLAN (--plan), else of the plan judging the period (kpi.catalog_at; issue 18),
 * with its series and whether it continues an item of an earlier plan (then, and only then,
 * the year-on-year comparison). */
#define CATALOG_AT(at)                                                                             \
    "SELECT c.*, kpi.series_key(c.plan_id, c.id, c.series) AS series_key, "                        \
    "kpi.series_key(c.plan_id, c.id, c.series) <> kpi.series_key(c.plan_id, c.id, NULL) "          \
    "AS continues "                                                                                \
    "FROM kpi.catalog_at(" at ") c"

/* The series of each item of every plan (kpi.series_key): a value belongs to the series of the
 * row of its plan and item. */
#define SERIES_OF                                                                                  \
    ", ser AS (SELECT DISTINCT plan_id, id, kpi.series_key(plan_id, id, series) AS series "        \
    "FROM kpi.indicator) "

/* Run a query with text parameters; NULL (logged with WHAT) unless it returned rows. */
static PGresult *query(const struct report_scope *r, const char *sql, int n,
                       const char *const *params, const char *what)
{
    PGresult *res = PQexecParams(r->conn, sql, n, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) == PGRES_TUPLES_OK)
        return res;
    const char *state = conn_sqlstate(res);
    if (sqlstate_is(state, SQLSTATE_UNDEFINED_TABLE) ||
        sqlstate_is(state, SQLSTATE_UNDEFINED_FUNCTION))
        log_error("could not read %s: %s\nhint: run 'kpi migrate' and 'kpi compute' first", what,
                  conn_errmsg(r->conn));
    else
        log_error("could not read %s: %s", what, conn_errmsg(r->conn));
    PQclear(res);
    return NULL;
}

/* query() with the report's period as $1 unit, $2 kind, $3 start, $4 end. */
static PGresult *query_period(const struct report_scope *r, const char *sql, const char *what)
{
    const char *params[4] = {r->unit, r->kind, r->start, r->end};
    return query(r, sql, 4, params, what);
}

/* query_period() and $5 the plan asked for (--plan; NULL: the one judging the period). */
static PGresult *query_period_plan(const struct report_scope *r, const char *sql, const char *what)
{
    const char *params[5] = {r->unit, r->kind, r->start, r->end, r->plan};
    return query(r, sql, 5, params, what);
}

enum kpi_status report_query_unit(struct report_scope *r, const char *wanted)
{
    static const char by_code[] = "SELECT code, name FROM kpi.unit WHERE code = $1";
    static const char province[] = "SELECT code, name FROM kpi.unit WHERE kind = 'province' "
                                   "ORDER BY code = '19' DESC, code LIMIT 1";
    const char *params[1] = {wanted};
    PGresult *res = wanted ? query(r, by_code, 1, params, "the unit registry")
                           : query(r, province, 0, NULL, "the unit registry");
    if (res == NULL)
        return KPI_ERROR;
    if (PQntuples(res) == 0) {
        if (wanted)
            log_error("unit \"%s\" is not in the registry\nhint: see kpi.unit, or load the units "
                      "first",
                      wanted);
        else
            log_error("the registry has no province\nhint: load the units first, or give --unit");
        PQclear(res);
        return KPI_USAGE;
    }
    snprintf(r->unit, sizeof r->unit, "%s", PQgetvalue(res, 0, 0));
    r->unit_name = strdup(PQgetvalue(res, 0, 1));
    PQclear(res);
    return r->unit_name ? KPI_OK : KPI_ERROR;
}

enum kpi_status report_query_period(struct report_scope *r)
{
    static const char sql[] =
        "WITH ref AS (SELECT CASE WHEN $2 LIKE 'report\\_%' THEN to_date($3 || '-14', "
        "'YYYY-MM-DD') ELSE (to_date($3 || '-01', 'YYYY-MM-DD') + interval '1 month' - "
        "interval '1 day')::date END AS d) "
        "SELECT v.period_start, v.period_end FROM kpi.indicator_value v, ref "
        "WHERE v.unit_code = $1 AND v.period_kind = $2 AND v.period_start <= ref.d "
        "AND v.period_end >= ref.d ORDER BY v.period_end, v.period_start DESC LIMIT 1";
    const char *params[3] = {r->unit, r->kind, r->period};
    PGresult *res = query(r, sql, 3, params, "kpi.indicator_value");
    if (res == NULL)
        return KPI_ERROR;
    if (PQntuples(res) == 0) {
        log_error("no computed values for %s %s of unit %s\nhint: run 'kpi compute' for that "
                  "period first",
                  r->kind, r->period, r->unit);
        PQclear(res);
        return KPI_REJECTED;
    }
    snprintf(r->start, sizeof r->start, "%s", PQgetvalue(res, 0, 0));
    snprintf(r->end, sizeof r->end, "%s", PQgetvalue(res, 0, 1));
    PQclear(res);
    return KPI_OK;
}

PGresult *report_query_headline(const struct report_scope *r)
{
    static const char sql[] = "WITH ind AS (" CATALOG_AT(
        "$4, ($5)") ") " SERIES_OF
                    "SELECT i.id, i.name_vi, i.kind, i.target_text_vi, i.comparator, i.target_pct, "
                    "v.ratio_pct, v.numerator, v.denominator, v.status, v.reason, v.gap_count, "
                    "v.completeness_pct, CASE WHEN v.status IN ('met', 'breach', 'on_track', "
                    "'at_risk') AND v.period_kind = $2 "
                    "THEN v.ratio_pct - p.ratio_pct END, "
                    "array_to_string(i.lead_units, '; '), i.due_date, p.period_end, "
                    "i.short_name_vi, i.inner_comparator, trim_scale(i.inner_target_pct)::text, "
                    "CASE WHEN i.kind = 'share' THEN i.facility_noun_vi ELSE m.noun_vi END, "
                    "i.deadline_text_vi, v.late_days, v.reason_vi, i.note, v.period_end, "
                    "v.period_kind, v.period_start, v.counted_to, v.projected_pct, "
                    "v.needed_per_month, v.months_from, v.months_to, "
                    /* how the plan judges it (issue 17): phấn đấu, a fixed denominator, the
                     * units of a task not done yet */
                    "i.aspirational, i.denominator_baseline, "
                    "(SELECT string_agg(coalesce(u.name, q.unit_code), ', ' ORDER BY u.name "
                    "COLLATE \"vi-VN-x-icu\") FROM kpi.indicator_value q JOIN kpi.unit u ON "
                    "u.code = q.unit_code WHERE i.kind = 'task' AND i.assigned_to <> 'province' "
                    "AND q.indicator_id = i.id AND q.plan_id = i.plan_id AND u.parent_code = $1 "
                    "AND q.period_kind = $2 "
                    "AND q.period_end = $4::date AND q.status <> 'met'), "
                    "v.suspect, "
                    "CASE WHEN i.assigned_to <> 'province' AND (SELECT kind FROM kpi.unit "
                    "WHERE code = $1) = 'province' THEN i.assigned_to END, "
                    "y.ratio_pct, y.period_end "
                    "FROM ind i "
                    "LEFT JOIN kpi.metric m ON m.code = i.numerator_metric "
                    /* the figure the plan judges: a target due on a date, its deadline
                     * window once it has started (the final verdict after the due date);
                     * every other, the period's cell */
                    "LEFT JOIN LATERAL (SELECT q.* FROM kpi.indicator_value q "
                    "WHERE q.indicator_id = i.id AND q.plan_id = i.plan_id AND q.unit_code = $1 "
                    "AND ((q.period_kind = $2 AND q.period_start = $3::date "
                    "AND q.period_end = $4::date) OR (i.kind <> 'task' "
                    "AND q.period_kind = 'deadline' AND q.period_end = i.due_date "
                    "AND q.period_start <= $4::date)) "
                    "ORDER BY q.period_kind = 'deadline' DESC LIMIT 1) v ON true "
                    /* the previous judged period of the same series (issue 18: never that
                     * of another plan's item reusing the number) */
                    "LEFT JOIN LATERAL (SELECT q.ratio_pct, q.period_end FROM kpi.indicator_value "
                    "q JOIN ser s ON s.plan_id = q.plan_id AND s.id = q.indicator_id "
                    "WHERE s.series = i.series_key AND q.unit_code = $1 AND q.period_kind = $2 "
                    "AND q.period_end < $3::date AND q.ratio_pct IS NOT NULL "
                    "AND q.status IN ('met', 'breach', 'on_track', 'at_risk') "
                    "ORDER BY q.period_end DESC LIMIT 1) p ON true "
                    /* cùng kỳ năm trước (issue 18): the same period a year before, judged,
                     * only where the item continues one of an earlier plan */
                    "LEFT JOIN LATERAL (SELECT q.ratio_pct, q.period_end FROM kpi.indicator_value "
                    "q JOIN ser s ON s.plan_id = q.plan_id AND s.id = q.indicator_id "
                    "WHERE i.continues AND s.series = i.series_key AND q.unit_code = $1 "
                    "AND q.period_kind = $2 AND q.period_end = ($4::date - interval '1 "
                    "year')::date "
                    "AND q.status IN ('met', 'breach', 'on_track', 'at_risk') LIMIT 1) y ON true "
                    "ORDER BY " ID_ORDER("i.id") ", i.id";
    return query_period_plan(r, sql, "the indicators");
}

PGresult *report_query_series(const struct report_scope *r)
{
    /* by series (issue 18): an item's chart holds the values of the item it continues, never
     * those of another plan's item reusing its number */
    static const char sql[] = "WITH ind AS (" CATALOG_AT(
        "$3, ($4)") ") " SERIES_OF "SELECT indicator_id, period_end, "
                    "CASE WHEN status IN ('met', 'breach', 'on_track', 'at_risk') THEN ratio_pct "
                    "END, status "
                    "FROM (SELECT i.id AS indicator_id, v.period_end, v.status, v.ratio_pct, "
                    "row_number() OVER (PARTITION BY i.id ORDER BY v.period_end DESC) AS rn "
                    "FROM kpi.indicator_value v JOIN ser s ON s.plan_id = v.plan_id "
                    "AND s.id = v.indicator_id JOIN ind i ON i.series_key = s.series "
                    "WHERE v.unit_code = $1 AND v.period_kind = $2 AND v.period_end <= $3::date) s "
                    "WHERE rn <= 12 ORDER BY indicator_id, period_end";
    const char *params[4] = {r->unit, r->kind, r->end, r->plan};
    return query(r, sql, 4, params, "the series");
}

PGresult *report_query_ranking(const struct report_scope *r, const char *id)
{
    static const char sql[] =
        "SELECT u.name, v.ratio_pct, v.status, "
        "(SELECT count(*) FROM kpi.unit c WHERE c.parent_code = $1) "
        "FROM kpi.indicator_value v JOIN kpi.unit u ON u.code = v.unit_code "
        "WHERE u.parent_code = $1 AND v.indicator_id = $2 AND v.period_kind = $3 "
        "AND v.period_start = $4::date AND v.period_end = $5::date AND v.ratio_pct IS NOT NULL "
        "AND v.status IN ('met', 'breach', 'on_track', 'at_risk') "
        "ORDER BY v.ratio_pct DESC, u.name COLLATE \"vi-VN-x-icu\", u.code";
    const char *params[5] = {r->unit, id, r->kind, r->start, r->end};
    return query(r, sql, 5, params, "the ranking");
}

PGresult *report_query_missing(const struct report_scope *r)
{
    /* the cells without data of the unit and the units under it, grouped by
     * indicator and reason; indicators whose same units miss data for the same
     * reason are one row (e.g. "4.2.2, 4.2.3") */
    static const char sql[] = "WITH ind AS (" CATALOG_AT(
        "$4, ($5)") "), "
                    "cells AS (SELECT v.indicator_id, v.unit_code, coalesce(u.name, v.unit_code) "
                    "AS name, "
                    "coalesce(v.reason_vi, '') AS reason FROM kpi.indicator_value v "
                    "LEFT JOIN kpi.unit u ON u.code = v.unit_code "
                    "WHERE v.period_kind = $2 AND v.period_start = $3::date AND v.period_end = "
                    "$4::date "
                    "AND v.status = 'no_data' AND (v.unit_code = $1 OR u.parent_code = $1) "
                    /* a unit that expects no reporter (a commune without a hospital) */
                    "AND coalesce(v.units_expected, 1) > 0), "
                    "per AS (SELECT indicator_id, reason, count(*) AS cells, "
                    "string_agg(name, ', ' ORDER BY unit_code <> $1, name COLLATE \"vi-VN-x-icu\", "
                    "unit_code) AS units FROM cells GROUP BY indicator_id, reason) "
                    "SELECT string_agg(p.indicator_id, ', ' ORDER BY "
                    "string_to_array(p.indicator_id, '.') "
                    "COLLATE \"C\"), coalesce(array_to_string(i.lead_units, '; '), ''), p.reason, "
                    "p.cells, p.units, (SELECT count(*) FROM kpi.unit c WHERE c.code = $1 OR "
                    "c.parent_code = $1) "
                    "FROM per p LEFT JOIN ind i ON i.id = p.indicator_id "
                    "GROUP BY 2, p.reason, p.cells, p.units "
                    "ORDER BY p.cells DESC, 1";
    return query_period_plan(r, sql, "the missing data");
}

PGresult *report_query_tasks(const struct report_scope *r)
{
    static const char sql[] = "WITH ind AS (" CATALOG_AT(
        "$3, ($4)") ") "
                    "SELECT i.id, i.name_vi, i.due_date, array_to_string(i.lead_units, '; '), "
                    "v.status, "
                    "v.reason, i.due_date < $3::date, i.short_name_vi, i.kind, i.deadline_text_vi, "
                    "v.late_days, v.reason_vi, v.period_end, i.note, i.comparator, "
                    "i.target_pct, i.target_text_vi, v.ratio_pct, v.numerator, v.denominator, "
                    "CASE WHEN i.assigned_to <> 'province' AND (SELECT kind FROM kpi.unit "
                    "WHERE code = $1) = 'province' THEN i.assigned_to END "
                    "FROM ind i LEFT JOIN LATERAL (SELECT q.status, q.reason, q.late_days, "
                    "q.reason_vi, q.period_end, q.ratio_pct, q.numerator, q.denominator "
                    "FROM kpi.indicator_value q "
                    "WHERE q.indicator_id = i.id AND q.plan_id = i.plan_id AND q.unit_code = $1 "
                    "AND q.period_end <= $3::date "
                    "ORDER BY q.period_kind = $2 DESC, q.period_end DESC LIMIT 1) v ON true "
                    "WHERE i.kind = 'task' "
                    "ORDER BY i.due_date NULLS LAST, " ID_ORDER("i.id") ", i.id";
    const char *params[4] = {r->unit, r->kind, r->end, r->plan};
    return query(r, sql, 4, params, "the dated tasks");
}

PGresult *report_query_footer(const struct report_scope *r)
{
    /* the compute run that stored the values (kpi.indicator_value.run_id is a
     * kpi.compute_run), finished before any report is written, even one the
     * nightly run writes while it still runs */
    static const char sql[] =
        /* one catalog version, as it is; several (a version per item, issue 18): how many,
         * and a digest of them that tells two reports' catalogs apart */
        "SELECT max(v.run_id), CASE WHEN count(DISTINCT v.catalog_version) <= 1 "
        "THEN max(v.catalog_version) ELSE count(DISTINCT v.catalog_version) || ' phiên bản "
        "(tóm tắt ' || left(md5(string_agg(DISTINCT v.catalog_version, ',' ORDER BY "
        "v.catalog_version)), 12) || ')' END, "
        "to_char(max(v.computed_at), 'DD/MM/YYYY HH24:MI'), to_char(now(), 'DD/MM/YYYY HH24:MI'), "
        "(SELECT to_char(finished_at, 'DD/MM/YYYY HH24:MI') FROM kpi.compute_run "
        "WHERE id = max(v.run_id)) "
        "FROM kpi.indicator_value v WHERE v.unit_code = $1 AND v.period_kind = $2 "
        "AND v.period_start = $3::date AND v.period_end = $4::date";
    return query_period(r, sql, "the run and catalog of the values");
}
