/*
 * alerts.c — owns the evaluation of alerts and the composition of their
 * notifications (see alerts.h). The state machine is set-based SQL over
 * kpi.indicator_value in one transaction:
 *
 *   alert_cell   every judged cell of the routed period kinds, classed
 *                bad (breach, or at_risk within the horizon), good (met or
 *                on_track, clearing the hysteresis margin), quiet (neither),
 *                missing (a province cell under the completeness floor);
 *   alert_want   per key, the latest judged cell, its run of consecutive
 *                periods and the severity that run earns;
 *   then restatements, resolves, reminders/escalations and fires, each one
 *   statement writing kpi.alert and kpi.alert_event together.
 *
 * The events of the run are then routed (kpi.alert_route_matches), commune
 * alerts under a firing alert of their province become details of it (inhibition),
 * and each receiver gets one digest in kpi.outbox: an Alertmanager v4 JSON
 * body and a plain-text message, Vietnamese first, English below.
 */
#include "alerts/alerts.h"

#include "db/conn.h"
#include "common/hash.h"
#include "common/log.h"
#include "common/numfmt.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* ---- the evaluation ---------------------------------------------------- */

static const char sql_run[] = "INSERT INTO kpi.alert_run (evaluated_at, routes_sha256, settings) "
                              "VALUES (coalesce($1::timestamptz, now()), $2, $3::jsonb) "
                              "RETURNING id, evaluated_at::text";

/* $1 routes, $2 now, $3 completeness floor, $4 at-risk horizon (days) */
static const char sql_cell[] =
    "CREATE TEMP TABLE alert_cell ON COMMIT DROP AS "
    "WITH r AS (SELECT value AS route FROM jsonb_array_elements($1::jsonb)), "
    "kinds AS (SELECT DISTINCT jsonb_array_elements_text(route -> 'period_kinds') AS k FROM r), "
    "ind AS (SELECT DISTINCT ON (id) id, due_date, lead_units FROM kpi.indicator "
    "         WHERE effective_from <= ($2::timestamptz)::date ORDER BY id, effective_from DESC), "
    "v AS (SELECT DISTINCT ON (v.indicator_id, v.unit_code, v.period_kind, v.period_start) "
    "             v.indicator_id, v.unit_code, v.period_kind, v.period_start, v.period_end, "
    "             v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct, "
    "             v.status, v.gap_count, v.completeness_pct, u.kind AS unit_kind "
    "        FROM kpi.indicator_value v JOIN kpi.unit u ON u.code = v.unit_code "
    "       WHERE v.period_kind IN (SELECT k FROM kinds) "
    "         AND v.status IN ('met', 'breach', 'on_track', 'at_risk') "
    "       ORDER BY v.indicator_id, v.unit_code, v.period_kind, v.period_start, "
    "                v.computed_at DESC), "
    /* The resolve margin depends on the unit code only where a route with a
     * margin lists codes: match once per (indicator, kind, unit kind, listed
     * code or ''), not once per cell. An unlisted code is passed as NULL,
     * which no route's list matches, as the real code would not. */
    "listed AS (SELECT DISTINCT jsonb_array_elements_text(route -> 'unit_codes') AS code "
    "             FROM r WHERE route ? 'resolve_margin_pct'), "
    "mk AS (SELECT DISTINCT u.kind AS unit_kind, l.code FROM kpi.unit u "
    "         LEFT JOIN listed l ON l.code = u.code), "
    "mg AS (SELECT i.id AS indicator_id, k.k AS period_kind, mk.unit_kind, "
    "              coalesce(mk.code, '') AS code, "
    "              (SELECT max((r.route ->> 'resolve_margin_pct')::numeric) FROM r "
    "                WHERE kpi.alert_route_matches(r.route, i.id, mk.code, mk.unit_kind, k.k, "
    "                                              i.lead_units, NULL, NULL)) AS margin "
    "         FROM ind i CROSS JOIN kinds k CROSS JOIN mk) "
    "SELECT v.*, i.lead_units, i.due_date, mg.margin, "
    "  CASE WHEN v.unit_kind = 'province' AND coalesce(v.completeness_pct, 100) < $3::numeric "
    "       THEN 'missing' "
    "       WHEN v.status = 'breach' THEN 'bad' "
    "       WHEN v.status = 'at_risk' THEN "
    "         CASE WHEN i.due_date - ($2::timestamptz)::date <= $4::int THEN 'bad' "
    "              ELSE 'quiet' END "
    "       WHEN mg.margin > 0 AND NOT CASE WHEN v.comparator = '>' "
    "              THEN v.numerator::numeric * 100 > (v.target_pct + mg.margin) * v.denominator "
    "              ELSE v.numerator::numeric * 100 >= (v.target_pct + mg.margin) * v.denominator "
    "            END THEN 'quiet' "
    "       ELSE 'good' END AS class "
    "  FROM v JOIN ind i ON i.id = v.indicator_id "
    "  LEFT JOIN listed l ON l.code = v.unit_code "
    "  LEFT JOIN mg ON mg.indicator_id = v.indicator_id AND mg.period_kind = v.period_kind "
    "   AND mg.unit_kind = v.unit_kind AND mg.code = coalesce(l.code, '')";

/* $1 escalate after N periods */
static const char sql_want[] =
    "CREATE TEMP TABLE alert_want ON COMMIT DROP AS "
    "WITH t AS (SELECT c.*, row_number() OVER w AS rn, first_value(c.class) OVER w AS l_class, "
    "                  first_value(c.status) OVER w AS l_status "
    "             FROM alert_cell c "
    "           WINDOW w AS (PARTITION BY c.indicator_id, c.unit_code, c.period_kind "
    "                        ORDER BY c.period_start DESC)), "
    /* broken: this period or a later one differs from the latest; the run is
     * the periods before the first break, all in the one sort of t */
    "b AS (SELECT t.*, bool_or(t.class <> t.l_class "
    "                          OR (t.class <> 'missing' AND t.status <> t.l_status)) "
    "                    OVER (PARTITION BY t.indicator_id, t.unit_code, t.period_kind "
    "                          ORDER BY t.period_start DESC ROWS UNBOUNDED PRECEDING) AS broken "
    "        FROM t), "
    "latest AS (SELECT * FROM (SELECT b.*, count(*) FILTER (WHERE NOT b.broken) OVER k AS n, "
    "                                 min(b.period_start) FILTER (WHERE NOT b.broken) OVER k "
    "                                   AS first_period "
    "                            FROM b WINDOW k AS (PARTITION BY b.indicator_id, b.unit_code, "
    "                                                             b.period_kind)) x "
    "            WHERE x.rn = 1) "
    "SELECT kpi.alert_fingerprint(k.kind, l.indicator_id, l.unit_code, l.period_kind) "
    "         AS fingerprint, k.kind, l.*, "
    "       CASE WHEN k.kind = 'data' THEN 'KpiDataMissing' "
    "            WHEN l.status = 'at_risk' THEN 'KpiAtRisk' ELSE 'KpiBreach' END AS alertname, "
    "       CASE WHEN (k.kind = 'status' AND l.class = 'bad') "
    "              OR (k.kind = 'data' AND l.class = 'missing') "
    "            THEN 'firing' ELSE 'resolved' END AS want, "
    "       CASE WHEN l.n >= $1::int THEN 'critical' ELSE 'warning' END AS severity "
    "  FROM latest l CROSS JOIN (VALUES ('status'), ('data')) AS k(kind) "
    " WHERE k.kind = 'data' OR l.class IN ('bad', 'good')";

#define EVENT_COLUMNS                                                                              \
    "(alert_id, run_id, event, at, period_start, period_end, status, previous_status, "            \
    "severity, consecutive_periods, ratio_pct, gap_count, completeness_pct) "

/* $1 run, $2 now: a judged period already told flipped sides since */
static const char sql_restate[] =
    "WITH told AS (SELECT DISTINCT ON (a.indicator_id, a.unit_code, a.period_kind, "
    "                                  e.period_start) "
    "                     e.alert_id, a.indicator_id, a.unit_code, a.period_kind, "
    "                     e.period_start, e.status "
    "                FROM kpi.alert_event e JOIN kpi.alert a ON a.id = e.alert_id "
    "               WHERE a.kind = 'status' "
    "               ORDER BY a.indicator_id, a.unit_code, a.period_kind, e.period_start, "
    "                        e.id DESC) "
    "INSERT INTO kpi.alert_event " EVENT_COLUMNS
    "SELECT a.id, $1, 'restate', $2::timestamptz, c.period_start, c.period_end, c.status, "
    "       told.status, a.severity, a.consecutive_periods, c.ratio_pct, c.gap_count, "
    "       c.completeness_pct "
    "  FROM told JOIN kpi.alert a ON a.id = told.alert_id "
    "  JOIN alert_cell c ON c.indicator_id = told.indicator_id AND c.unit_code = told.unit_code "
    "   AND c.period_kind = told.period_kind AND c.period_start = told.period_start "
    " WHERE (told.status IN ('breach', 'at_risk')) <> (c.status IN ('breach', 'at_risk'))";

/* $1 run, $2 now */
static const char sql_resolve[] =
    "WITH upd AS (UPDATE kpi.alert a SET state = 'resolved', resolved_at = $2::timestamptz "
    "               FROM alert_want w "
    "              WHERE w.want = 'resolved' AND a.fingerprint = w.fingerprint "
    "                AND a.state = 'firing' "
    "             RETURNING a.id, a.severity, a.consecutive_periods, w.period_start, "
    "                       w.period_end, w.status, w.ratio_pct, w.gap_count, "
    "                       w.completeness_pct) "
    "INSERT INTO kpi.alert_event " EVENT_COLUMNS
    "SELECT id, $1, 'resolve', $2::timestamptz, period_start, period_end, status, NULL, "
    "       severity, consecutive_periods, ratio_pct, gap_count, completeness_pct FROM upd";

#define SEV_RANK(x) "array_position(ARRAY['warning', 'critical'], " x ")"
#define ESCALATES                                                                                  \
    "(" SEV_RANK("w.severity") " > " SEV_RANK("o.severity") " OR w.alertname <> o.alertname)"
#define REMINDS "$2::timestamptz >= o.last_notified_at + make_interval(days => $3::int)"

/* $1 run, $2 now, $3 repeat interval (days) */
static const char sql_update[] =
    "WITH upd AS (UPDATE kpi.alert a "
    "                SET alertname = w.alertname, severity = w.severity, "
    "                    first_period = w.first_period, last_period = w.period_start, "
    "                    last_period_end = w.period_end, consecutive_periods = w.n, "
    "                    status = w.status, ratio_pct = w.ratio_pct, target_pct = w.target_pct, "
    "                    comparator = w.comparator, gap_count = w.gap_count, "
    "                    completeness_pct = w.completeness_pct, lead_units = w.lead_units, "
    "                    last_notified_at = CASE WHEN " ESCALATES " OR " REMINDS
    "                                       THEN $2::timestamptz ELSE o.last_notified_at END "
    "               FROM alert_want w, kpi.alert o "
    "              WHERE w.want = 'firing' AND a.fingerprint = w.fingerprint "
    "                AND a.state = 'firing' AND o.id = a.id "
    "             RETURNING a.id, a.severity, a.consecutive_periods, w.period_start, "
    "                       w.period_end, w.status, w.ratio_pct, w.gap_count, "
    "                       w.completeness_pct, "
    "                       CASE WHEN " ESCALATES " THEN 'escalate' WHEN " REMINDS
    "                            THEN 'reminder' END AS event) "
    "INSERT INTO kpi.alert_event " EVENT_COLUMNS
    "SELECT id, $1, event, $2::timestamptz, period_start, period_end, status, NULL, severity, "
    "       consecutive_periods, ratio_pct, gap_count, completeness_pct "
    "  FROM upd WHERE event IS NOT NULL";

/* $1 run, $2 now */
static const char sql_fire[] =
    "WITH ins AS (INSERT INTO kpi.alert (fingerprint, kind, alertname, indicator_id, unit_code, "
    "               period_kind, state, severity, first_period, last_period, last_period_end, "
    "               consecutive_periods, status, ratio_pct, target_pct, comparator, gap_count, "
    "               completeness_pct, lead_units, opened_at, last_notified_at) "
    "             SELECT w.fingerprint, w.kind, w.alertname, w.indicator_id, w.unit_code, "
    "                    w.period_kind, 'firing', w.severity, w.first_period, w.period_start, "
    "                    w.period_end, w.n, w.status, w.ratio_pct, w.target_pct, w.comparator, "
    "                    w.gap_count, w.completeness_pct, w.lead_units, $2::timestamptz, "
    "                    $2::timestamptz "
    "               FROM alert_want w "
    "              WHERE w.want = 'firing' AND NOT EXISTS (SELECT 1 FROM kpi.alert a "
    "                     WHERE a.fingerprint = w.fingerprint AND a.state = 'firing') "
    "             RETURNING *), "
    "ev AS (INSERT INTO kpi.alert_event " EVENT_COLUMNS
    "       SELECT id, $1, 'fire', $2::timestamptz, last_period, last_period_end, status, NULL, "
    "              severity, consecutive_periods, ratio_pct, gap_count, completeness_pct "
    "         FROM ins) "
    "SELECT pg_notify('kpi_alert', id::text) FROM ins";

static const char sql_counts[] =
    "SELECT event, count(*) FROM kpi.alert_event WHERE run_id = $1 GROUP BY event";

/* ---- routing and inhibition -------------------------------------------- */

#define ROUTES_CTE "WITH r AS (SELECT value AS route FROM jsonb_array_elements($1::jsonb)) "

/* $1 routes, $2 run: the events of this run each receiver gets */
static const char sql_match[] =
    "CREATE TEMP TABLE alert_match ON COMMIT DROP AS " ROUTES_CTE
    "SELECT DISTINCT r.route ->> 'receiver' AS receiver, e.id AS event_id, e.alert_id, "
    "       a.indicator_id, a.period_kind, u.kind AS unit_kind, a.kind, u.parent_code "
    "  FROM kpi.alert_event e JOIN kpi.alert a ON a.id = e.alert_id "
    "  JOIN kpi.unit u ON u.code = a.unit_code "
    "  JOIN r ON kpi.alert_route_matches(r.route, a.indicator_id, a.unit_code, u.kind, "
    "            a.period_kind, a.lead_units, a.alertname, e.severity) "
    " WHERE e.run_id = $2";

/* $1 routes: the firing province alerts each receiver gets */
static const char sql_parent[] =
    "CREATE TEMP TABLE alert_parent ON COMMIT DROP AS " ROUTES_CTE
    "SELECT DISTINCT r.route ->> 'receiver' AS receiver, a.id AS alert_id, a.indicator_id, "
    "       a.period_kind, a.unit_code AS province "
    "  FROM kpi.alert a JOIN kpi.unit u ON u.code = a.unit_code AND u.kind = 'province' "
    "  JOIN r ON kpi.alert_route_matches(r.route, a.indicator_id, a.unit_code, u.kind, "
    "            a.period_kind, a.lead_units, a.alertname, a.severity) "
    " WHERE a.state = 'firing' AND a.kind = 'status'";

enum {
    C_RECEIVER,
    C_ROLE,
    C_PARENT,
    C_ALERT,
    C_EVENT_ID,
    C_EVENT,
    C_PERIOD_KIND,
    C_PERIOD_START,
    C_PERIOD_END,
    C_STATUS,
    C_PREV_STATUS,
    C_SEVERITY,
    C_CONSECUTIVE,
    C_RATIO,
    C_GAP,
    C_COMPLETENESS,
    C_FINGERPRINT,
    C_ALERTNAME,
    C_INDICATOR,
    C_UNIT,
    C_UNIT_NAME,
    C_STATE,
    C_STARTS,
    C_ENDS,
    C_FIRST_PERIOD,
    C_NAME_VI,
    C_NAME_EN,
    C_PLAN_REF,
    C_TARGET_VI,
    C_COMPARATOR,
    C_TARGET,
    C_LEAD,
    C_SUPPORT,
    C_METRIC_VI,
    C_METRIC_EN,
    C_DUE,
    C_DAYS_LEFT,
};

/*
 * $1 routes, $2 now. role 0: an item of the digest; 1: a firing province
 * alert shown as context for commune details; 2: a detail under parent_id.
 */
static const char sql_items[] = ROUTES_CTE
    ", "
    "inh AS (SELECT m.receiver, m.event_id, m.alert_id, p.alert_id AS parent_id "
    "          FROM alert_match m JOIN alert_parent p ON p.receiver = m.receiver "
    "           AND p.indicator_id = m.indicator_id AND p.period_kind = m.period_kind "
    "           AND p.province = m.parent_code "
    "         WHERE m.unit_kind <> 'province' AND m.kind = 'status'), "
    "shown AS (SELECT p.receiver, p.alert_id, p.indicator_id, p.period_kind, p.province "
    "            FROM alert_parent p "
    "           WHERE EXISTS (SELECT 1 FROM inh WHERE inh.receiver = p.receiver "
    "                           AND inh.parent_id = p.alert_id) "
    "              OR EXISTS (SELECT 1 FROM alert_match m WHERE m.receiver = p.receiver "
    "                           AND m.alert_id = p.alert_id)), "
    /* the communes under each shown province alert, before kpi.alert is
     * joined (its statistics may predate the alerts this run fired) */
    "under AS MATERIALIZED (SELECT s.receiver, s.alert_id, s.indicator_id, s.period_kind, "
    "                              cu.code, cu.kind "
    "                         FROM shown s JOIN kpi.unit cu ON cu.parent_code = s.province "
    "                          AND cu.kind <> 'province'), "
    "rows AS (SELECT m.receiver, 0 AS role, NULL::bigint AS parent_id, m.alert_id, m.event_id "
    "           FROM alert_match m WHERE NOT EXISTS (SELECT 1 FROM inh "
    "                  WHERE inh.receiver = m.receiver AND inh.event_id = m.event_id) "
    "         UNION ALL "
    "         SELECT s.receiver, 1, NULL, s.alert_id, NULL FROM shown s "
    "          WHERE NOT EXISTS (SELECT 1 FROM alert_match m WHERE m.receiver = s.receiver "
    "                              AND m.alert_id = s.alert_id) "
    "         UNION ALL "
    "         SELECT receiver, 2, parent_id, alert_id, event_id FROM inh "
    "         UNION ALL "
    "         SELECT d.receiver, 2, d.alert_id, c.id, NULL "
    "           FROM under d JOIN kpi.alert c ON c.indicator_id = d.indicator_id "
    "            AND c.period_kind = d.period_kind AND c.unit_code = d.code "
    "            AND c.state = 'firing' AND c.kind = 'status' "
    /* not already a detail of the digest: for a commune alert under a shown
     * parent, being in inh is being in alert_match (indexed on alert_id) */
    "          WHERE NOT EXISTS (SELECT 1 FROM alert_match m WHERE m.receiver = d.receiver "
    "                              AND m.alert_id = c.id) "
    "            AND EXISTS (SELECT 1 FROM r WHERE r.route ->> 'receiver' = d.receiver "
    "                   AND kpi.alert_route_matches(r.route, c.indicator_id, c.unit_code, "
    "                         d.kind, c.period_kind, c.lead_units, c.alertname, c.severity))), "
    "ind AS (SELECT DISTINCT ON (id) * FROM kpi.indicator "
    "         WHERE effective_from <= ($2::timestamptz)::date ORDER BY id, effective_from DESC) "
    "SELECT rows.receiver, rows.role, rows.parent_id, a.id, rows.event_id, x.event, "
    "       a.period_kind, x.period_start, x.period_end, x.status, x.previous_status, "
    "       x.severity, x.consecutive_periods, round(x.ratio_pct, 1), x.gap_count, "
    "       round(x.completeness_pct, 1), a.fingerprint, a.alertname, a.indicator_id, "
    "       a.unit_code, u.name, a.state, "
    "       to_char(a.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
    "       coalesce(to_char(a.resolved_at AT TIME ZONE 'UTC', "
    "                        'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), '0001-01-01T00:00:00Z'), "
    "       a.first_period, i.name_vi, i.name_en, i.plan_ref, i.target_text_vi, "
    "       coalesce(i.comparator, a.comparator), "
    "       trim_scale(coalesce(i.target_pct, a.target_pct))::text, "
    "       array_to_string(coalesce(i.lead_units, a.lead_units), '; '), "
    "       array_to_string(i.support_units, '; '), mn.name_vi, mn.name_en, "
    "       to_char(i.due_date, 'DD/MM/YYYY'), i.due_date - ($2::timestamptz)::date "
    "  FROM rows JOIN kpi.alert a ON a.id = rows.alert_id "
    "  JOIN kpi.unit u ON u.code = a.unit_code "
    "  LEFT JOIN ind i ON i.id = a.indicator_id "
    "  LEFT JOIN kpi.metric mn ON mn.code = i.numerator_metric "
    "  CROSS JOIN LATERAL (SELECT e.event, e.period_start, e.period_end, e.status, "
    "                             e.previous_status, e.severity, e.consecutive_periods, "
    "                             e.ratio_pct, e.gap_count, e.completeness_pct "
    "                        FROM kpi.alert_event e WHERE e.id = rows.event_id "
    "                      UNION ALL "
    "                      SELECT 'firing', a.last_period, a.last_period_end, a.status, NULL, "
    "                             a.severity, a.consecutive_periods, a.ratio_pct, a.gap_count, "
    "                             a.completeness_pct "
    "                       WHERE rows.event_id IS NULL) x "
    " ORDER BY rows.receiver, array_to_string(coalesce(i.lead_units, a.lead_units), '; '), "
    "          a.indicator_id, a.period_kind, rows.role = 2, u.kind <> 'province', u.name, "
    "          a.unit_code, rows.event_id";

static const char sql_outbox[] =
    "INSERT INTO kpi.outbox (run_id, receiver, channel, idempotency_key, payload, subject, "
    "                        body_text) "
    "VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id";

static const char sql_outbox_event[] = "INSERT INTO kpi.outbox_event (outbox_id, event_id) "
                                       "SELECT DISTINCT $1::bigint, unnest($2::bigint[])";

/* ---- people's text ----------------------------------------------------- */

void alerts_format_number(const char *num, bool vi, char *buf, size_t len)
{
    enum numfmt_lang lang = vi ? NUMFMT_VI : NUMFMT_EN;
    if (numfmt_decimal(buf, len, num, NUMFMT_ALL, NUMFMT_AS_WRITTEN, lang) != 0 && len > 0)
        snprintf(buf, len, "%s", num);
}

struct text {
    const PGresult *res;
    int row;
    bool vi;
    const char *floor; /* completeness floor, a NUMERIC literal */
};

static const char *val(const struct text *t, int col)
{
    return PQgetisnull(t->res, t->row, col) ? NULL : PQgetvalue(t->res, t->row, col);
}

static bool is(const struct text *t, int col, const char *s)
{
    const char *v = val(t, col);
    return v != NULL && strcmp(v, s) == 0;
}

/* A number of column COL formatted for people, or "?" when NULL. */
static const char *num(const struct text *t, int col, char *buf, size_t len)
{
    const char *v = val(t, col);
    alerts_format_number(v ? v : "?", t->vi, buf, len);
    return buf;
}

static const char *const month_en[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

/* The period of the row as people say it. */
static void period_text(FILE *f, const struct text *t)
{
    const char *kind = val(t, C_PERIOD_KIND), *ps = val(t, C_PERIOD_START),
               *pe = val(t, C_PERIOD_END);
    int y = 0, m = 1, d = 1, ye = 0, me = 1, de = 1;
    sscanf(ps, "%d-%d-%d", &y, &m, &d);
    sscanf(pe, "%d-%d-%d", &ye, &me, &de);
    if (m < 1 || m > 12)
        m = 1;
    if (me < 1 || me > 12)
        me = 1;
    if (strcmp(kind, "month") == 0) {
        if (t->vi)
            fprintf(f, "tháng %02d/%04d", m, y);
        else
            fprintf(f, "%s %04d", month_en[m - 1], y);
    } else if (strcmp(kind, "quarter") == 0) {
        static const char *const roman[] = {"I", "II", "III", "IV"};
        int q = (m - 1) / 3;
        if (t->vi)
            fprintf(f, "quý %s/%04d", roman[q], y);
        else
            fprintf(f, "Q%d %04d", q + 1, y);
    } else if (strcmp(kind, "half") == 0) {
        if (t->vi)
            fprintf(f, "6 tháng %s năm %04d", m <= 6 ? "đầu" : "cuối", y);
        else
            fprintf(f, "H%d %04d", m <= 6 ? 1 : 2, y);
    } else if (strcmp(kind, "year") == 0) {
        fprintf(f, t->vi ? "năm %04d" : "year %04d", y);
    } else if (strcmp(kind, "ytd") == 0) {
        if (t->vi)
            fprintf(f, "lũy kế từ đầu năm đến hết tháng %02d/%04d", me, ye);
        else
            fprintf(f, "year to date to %s %04d", month_en[me - 1], ye);
    } else if (t->vi) {
        fprintf(f, "kỳ báo cáo %02d/%02d/%04d–%02d/%02d/%04d", d, m, y, de, me, ye);
    } else {
        fprintf(f, "reporting period %s to %s", ps, pe);
    }
}

/* How the consecutive periods of a kind are counted: "tháng", "month", "months". */
static void period_unit(const char *kind, const char **vi, const char **one, const char **many)
{
    static const struct {
        const char *kind, *vi, *one, *many;
    } units[] = {
        {"quarter", "quý", "quarter", "quarters"},
        {"report_quarter", "quý", "quarter", "quarters"},
        {"half", "kỳ 6 tháng", "half-year", "half-years"},
        {"report_half", "kỳ 6 tháng", "half-year", "half-years"},
        {"report_9m", "kỳ 9 tháng", "nine-month period", "nine-month periods"},
        {"year", "năm", "year", "years"},
        {"report_year", "năm", "year", "years"},
    };
    *vi = "tháng";
    *one = "month";
    *many = "months";
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(kind, units[i].kind) == 0) {
            *vi = units[i].vi;
            *one = units[i].one;
            *many = units[i].many;
        }
}

static void target_text(FILE *f, const struct text *t)
{
    char n[64];
    if (t->vi && val(t, C_TARGET_VI)) {
        fputs(val(t, C_TARGET_VI), f);
        return;
    }
    num(t, C_TARGET, n, sizeof n);
    if (is(t, C_COMPARATOR, ">"))
        fprintf(f, t->vi ? "trên %s %%" : "above %s %%", n);
    else
        fprintf(f, t->vi ? "từ %s %% trở lên" : "at least %s %%", n);
}

static const char *status_words(const char *status, bool vi)
{
    static const struct {
        const char *status, *vi, *en;
    } words[] = {
        {"met", "đạt", "met"},
        {"breach", "không đạt", "breach"},
        {"on_track", "đúng tiến độ", "on track"},
        {"at_risk", "có nguy cơ không đạt", "at risk"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (status && strcmp(status, words[i].status) == 0)
            return vi ? words[i].vi : words[i].en;
    return status ? status : "?";
}

/* "Chủ trì: …. Phối hợp: …. Nội dung: … (mục …)." */
static void responsibility(FILE *f, const struct text *t)
{
    const char *lead = val(t, C_LEAD), *support = val(t, C_SUPPORT);
    if (lead && *lead)
        fprintf(f, t->vi ? " Chủ trì: %s." : " Lead: %s.", lead);
    if (support && *support)
        fprintf(f, t->vi ? " Phối hợp: %s." : " Support: %s.", support);
    const char *name = val(t, t->vi ? C_NAME_VI : C_NAME_EN);
    if (name) {
        fprintf(f, t->vi ? " Nội dung: %s" : " Target: %s", name);
        if (val(t, C_PLAN_REF))
            fprintf(f, " (%s)", val(t, C_PLAN_REF));
        fputc('.', f);
    }
}

/*
 * The gap clause: "; cần thêm 1.204 hồ sơ …" — nothing when there is no gap.
 * The numerator metric names the counted things: its Vietnamese name without
 * the leading "Số " ("number of"), its English name with a lower-case start.
 */
static void gap_text(FILE *f, const struct text *t)
{
    static const char so[] = "Số ";
    char n[64];
    const char *gap = val(t, C_GAP);
    if (gap == NULL || strcmp(gap, "0") == 0)
        return;
    const char *metric = val(t, t->vi ? C_METRIC_VI : C_METRIC_EN);
    num(t, C_GAP, n, sizeof n);
    if (t->vi) {
        if (metric && strncmp(metric, so, strlen(so)) == 0)
            metric += strlen(so);
        fprintf(f, "; cần thêm %s %s", n, metric ? metric : "đơn vị");
    } else if (metric && metric[0] >= 'A' && metric[0] <= 'Z' && metric[1] >= 'a' &&
               metric[1] <= 'z') {
        fprintf(f, "; %s more %c%s needed", n, metric[0] - 'A' + 'a', metric + 1);
    } else {
        fprintf(f, "; %s more %s needed", n, metric ? metric : "units");
    }
}

/*
 * The one-sentence summary of a row (summary_vi / summary_en), e.g.
 * "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên đạt 76,4 % (mục tiêu:
 * trên 80 %); cần thêm 1.204 hồ sơ trực tuyến; 3 tháng liên tiếp không đạt.
 * Chủ trì: …"
 */
static void summary(FILE *f, const struct text *t)
{
    char pct[64], n[64];
    const char *pu_vi, *pu_one, *pu_many;
    period_unit(val(t, C_PERIOD_KIND), &pu_vi, &pu_one, &pu_many);
    long consecutive = strtol(val(t, C_CONSECUTIVE), NULL, 10);
    const char *unit = val(t, C_UNIT_NAME);
    bool data = is(t, C_ALERTNAME, "KpiDataMissing");
    bool restate = is(t, C_EVENT, "restate");
    bool resolved = is(t, C_EVENT, "resolve");

    if (restate)
        fputs(t->vi ? "Đính chính: " : "Restatement: ", f);
    fprintf(f, t->vi ? "Chỉ tiêu %s — " : "Indicator %s — ", val(t, C_INDICATOR));
    period_text(f, t);
    fprintf(f, " — %s", unit);
    num(t, C_RATIO, pct, sizeof pct);

    if (restate) {
        if (t->vi)
            fprintf(f,
                    ": số liệu đã được điều chỉnh, kết quả đổi từ «%s» thành «%s» "
                    "(nay %s %%, mục tiêu: ",
                    status_words(val(t, C_PREV_STATUS), true), status_words(val(t, C_STATUS), true),
                    pct);
        else
            fprintf(f, ": the figures were revised, from “%s” to “%s” (now %s %%, target: ",
                    status_words(val(t, C_PREV_STATUS), false),
                    status_words(val(t, C_STATUS), false), pct);
        target_text(f, t);
        fputs(").", f);
    } else if (data && resolved) {
        if (t->vi)
            fprintf(f, ": đã đủ số liệu để đánh giá (%s %% đơn vị đã báo cáo).",
                    num(t, C_COMPLETENESS, n, sizeof n));
        else
            fprintf(f, ": enough data to judge again (%s %% of units reported).",
                    num(t, C_COMPLETENESS, n, sizeof n));
    } else if (data) {
        char fl[64];
        alerts_format_number(t->floor, t->vi, fl, sizeof fl);
        if (t->vi)
            fprintf(f,
                    ": chưa đủ số liệu để đánh giá (mới có %s %% đơn vị báo cáo, cần tối "
                    "thiểu %s %%); đề nghị đơn vị chủ trì đôn đốc gửi số liệu.",
                    num(t, C_COMPLETENESS, n, sizeof n), fl);
        else
            fprintf(f,
                    ": not enough data to judge (%s %% of units reported, at least %s %% "
                    "needed); the lead unit should chase the missing reports.",
                    num(t, C_COMPLETENESS, n, sizeof n), fl);
    } else if (resolved) {
        fprintf(f, t->vi ? " đã đạt %s %% (mục tiêu: " : " now at %s %% (target: ", pct);
        target_text(f, t);
        if (t->vi)
            fprintf(f, "); hết cảnh báo sau %ld %s không đạt.", consecutive, pu_vi);
        else
            fprintf(f, "); alert cleared after %ld %s below target.", consecutive,
                    consecutive == 1 ? pu_one : pu_many);
    } else if (is(t, C_STATUS, "at_risk")) {
        fprintf(f, t->vi ? " mới đạt %s %% (mục tiêu: " : " only at %s %% (target: ", pct);
        target_text(f, t);
        if (val(t, C_DUE))
            fprintf(f, t->vi ? ", hạn %s" : ", due %s", val(t, C_DUE));
        fputc(')', f);
        gap_text(f, t);
        if (t->vi)
            fprintf(f, "; có nguy cơ không đạt khi đến hạn (còn %s ngày).",
                    val(t, C_DAYS_LEFT) ? val(t, C_DAYS_LEFT) : "?");
        else
            fprintf(f, "; at risk of missing the deadline (%s days left).",
                    val(t, C_DAYS_LEFT) ? val(t, C_DAYS_LEFT) : "?");
    } else {
        fprintf(f, t->vi ? " đạt %s %% (mục tiêu: " : " at %s %% (target: ", pct);
        target_text(f, t);
        fputc(')', f);
        gap_text(f, t);
        if (t->vi && consecutive > 1)
            fprintf(f, "; %ld %s liên tiếp không đạt.", consecutive, pu_vi);
        else if (t->vi)
            fprintf(f, "; %s đầu tiên không đạt.", pu_vi);
        else if (consecutive > 1)
            fprintf(f, "; %ld consecutive %s below target.", consecutive, pu_many);
        else
            fprintf(f, "; first %s below target.", pu_one);
    }
    responsibility(f, t);
}

/* A detail line under a province alert: "Xã A: 70,0 % (cần thêm 12 …)". */
static void detail(FILE *f, const struct text *t)
{
    char pct[64], n[64];
    fprintf(f, "%s: ", val(t, C_UNIT_NAME));
    if (is(t, C_EVENT, "resolve"))
        fprintf(f, t->vi ? "đã đạt %s %%" : "now at %s %%", num(t, C_RATIO, pct, sizeof pct));
    else if (is(t, C_EVENT, "restate"))
        fprintf(f,
                t->vi ? "đính chính từ «%s» thành «%s» (%s %%)"
                      : "revised from “%s” to “%s” (%s %%)",
                status_words(val(t, C_PREV_STATUS), t->vi), status_words(val(t, C_STATUS), t->vi),
                num(t, C_RATIO, pct, sizeof pct));
    else
        fprintf(f, "%s %%", num(t, C_RATIO, pct, sizeof pct));
    if (!is(t, C_EVENT, "resolve") && val(t, C_GAP) && !is(t, C_GAP, "0"))
        fprintf(f, t->vi ? " (cần thêm %s)" : " (%s more needed)", num(t, C_GAP, n, sizeof n));
    const char *ev = val(t, C_EVENT);
    if (strcmp(ev, "fire") == 0)
        fputs(t->vi ? " — mới" : " — new", f);
}

static const char *event_tag(const char *event, bool vi)
{
    static const struct {
        const char *event, *vi, *en;
    } tags[] = {
        {"fire", "MỚI", "NEW"},
        {"reminder", "NHẮC LẠI", "REMINDER"},
        {"escalate", "NÂNG MỨC", "ESCALATED"},
        {"resolve", "ĐÃ KHẮC PHỤC", "RESOLVED"},
        {"restate", "ĐÍNH CHÍNH", "RESTATED"},
        {"firing", "ĐANG CẢNH BÁO", "STILL FIRING"},
    };
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (strcmp(event, tags[i].event) == 0)
            return vi ? tags[i].vi : tags[i].en;
    return event;
}

/* A malloc'd string written by FN into a memory stream, or NULL. */
static char *render(void (*fn)(FILE *, const struct text *), const struct text *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        return NULL;
    fn(f, t);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* ---- one digest per receiver ------------------------------------------- */

/* A detail row (role 2) of a digest and the alert it sits under. */
struct child {
    long long parent;
    int row;
};

struct digest {
    const PGresult *res;
    int first, last; /* rows [first, last) of one receiver */
    const char *floor;
    const char *run_id;
    const char *now;
    const struct child *kids; /* the detail rows by (parent, row); see index_children */
    int nkids;
};

static int child_cmp(const void *a, const void *b)
{
    const struct child *x = a, *y = b;
    if (x->parent != y->parent)
        return x->parent < y->parent ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

/*
 * The detail rows of D sorted by (parent, row), malloc'd into *out (NULL when
 * none; the caller frees): each item then finds its details by binary search
 * instead of a scan of the whole digest. Returns their count, or -1 (no memory).
 */
static int index_children(const struct digest *d, struct child **out)
{
    int n = 0;
    *out = NULL;
    for (int r = d->first; r < d->last; r++)
        if (strcmp(PQgetvalue(d->res, r, C_ROLE), "2") == 0)
            n++;
    if (n == 0)
        return 0;
    struct child *kids = malloc((size_t)n * sizeof *kids);
    if (kids == NULL)
        return -1;
    int k = 0;
    for (int r = d->first; r < d->last; r++)
        if (strcmp(PQgetvalue(d->res, r, C_ROLE), "2") == 0)
            kids[k++] = (struct child){strtoll(PQgetvalue(d->res, r, C_PARENT), NULL, 10), r};
    qsort(kids, (size_t)n, sizeof *kids, child_cmp);
    *out = kids;
    return n;
}

static void add_string(cJSON *obj, const char *key, const char *v)
{
    if (v != NULL)
        cJSON_AddStringToObject(obj, key, v);
}

/* Keep in COMMON only the string members equal in OBJ (COMMON NULL: copy OBJ). */
static cJSON *intersect(cJSON *common, const cJSON *obj)
{
    if (common == NULL)
        return cJSON_Duplicate(obj, true);
    cJSON *it = common->child;
    while (it != NULL) {
        cJSON *next = it->next;
        const cJSON *o = cJSON_GetObjectItemCaseSensitive(obj, it->string);
        if (o == NULL || strcmp(o->valuestring, it->valuestring) != 0)
            cJSON_DeleteItemFromObjectCaseSensitive(common, it->string);
        it = next;
    }
    return common;
}

/* The Alertmanager alert object of row R, with DETAILS (text, may be NULL). */
static cJSON *am_alert(const struct digest *d, int r, const char *details_vi,
                       const char *details_en)
{
    struct text vi = {d->res, r, true, d->floor}, en = {d->res, r, false, d->floor};
    cJSON *a = cJSON_CreateObject(), *labels = cJSON_CreateObject(), *ann = cJSON_CreateObject();
    char period[32];
    if (a == NULL || labels == NULL || ann == NULL) {
        cJSON_Delete(a);
        cJSON_Delete(labels);
        cJSON_Delete(ann);
        return NULL;
    }
    cJSON_AddStringToObject(a, "status", is(&vi, C_STATE, "resolved") ? "resolved" : "firing");
    add_string(labels, "alertname", val(&vi, C_ALERTNAME));
    add_string(labels, "indicator", val(&vi, C_INDICATOR));
    add_string(labels, "unit", val(&vi, C_UNIT));
    add_string(labels, "period_kind", val(&vi, C_PERIOD_KIND));
    add_string(labels, "severity", val(&vi, C_SEVERITY));
    cJSON_AddItemToObject(a, "labels", labels);
    char *s_vi = render(summary, &vi), *s_en = render(summary, &en);
    add_string(ann, "summary_vi", s_vi);
    add_string(ann, "summary_en", s_en);
    free(s_vi);
    free(s_en);
    snprintf(period, sizeof period, "%s/%s", val(&vi, C_PERIOD_START), val(&vi, C_PERIOD_END));
    add_string(ann, "period", period);
    add_string(ann, "value_pct", val(&vi, C_RATIO));
    char *target = render(target_text, &vi);
    add_string(ann, "target", target);
    free(target);
    add_string(ann, "gap_count", val(&vi, C_GAP));
    add_string(ann, "lead_units", val(&vi, C_LEAD));
    add_string(ann, "support_units", val(&vi, C_SUPPORT));
    add_string(ann, "event", val(&vi, C_EVENT));
    add_string(ann, "status", val(&vi, C_STATUS));
    add_string(ann, "previous_status", val(&vi, C_PREV_STATUS));
    add_string(ann, "consecutive_periods", val(&vi, C_CONSECUTIVE));
    add_string(ann, "first_period", val(&vi, C_FIRST_PERIOD));
    add_string(ann, "completeness_pct", val(&vi, C_COMPLETENESS));
    add_string(ann, "unit_name", val(&vi, C_UNIT_NAME));
    add_string(ann, "indicator_name_vi", val(&vi, C_NAME_VI));
    add_string(ann, "plan_ref", val(&vi, C_PLAN_REF));
    add_string(ann, "details_vi", details_vi);
    add_string(ann, "details_en", details_en);
    cJSON_AddItemToObject(a, "annotations", ann);
    add_string(a, "startsAt", val(&vi, C_STARTS));
    add_string(a, "endsAt", val(&vi, C_ENDS));
    cJSON_AddStringToObject(a, "generatorURL", "");
    add_string(a, "fingerprint", val(&vi, C_FINGERPRINT));
    return a;
}

/* The details (rows of role 2 under PARENT) as text lines, malloc'd; NULL when none. */
static char *details_text(const struct digest *d, const char *parent, bool vi, const char *indent)
{
    char *buf = NULL;
    size_t len = 0;
    int count = 0;
    long long id = strtoll(parent, NULL, 10);
    int lo = 0, hi = d->nkids;
    while (lo < hi) { /* the first detail of PARENT */
        int mid = lo + (hi - lo) / 2;
        if (d->kids[mid].parent < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == d->nkids || d->kids[lo].parent != id)
        return NULL;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        return NULL;
    for (int k = lo; k < d->nkids && d->kids[k].parent == id; k++) {
        struct text t = {d->res, d->kids[k].row, vi, d->floor};
        fprintf(f, "%s%s", count++ ? "\n" : "", indent);
        detail(f, &t);
    }
    fclose(f);
    if (count == 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* The plain-text digest in one language. */
static void digest_text(FILE *f, const struct digest *d, bool vi)
{
    const char *group = NULL;
    if (vi)
        fprintf(f, "Cảnh báo chỉ tiêu Đề án 06 (KH 05/KH-UBND) — lượt đánh giá %s, %s\n", d->run_id,
                d->now);
    else
        fprintf(f, "Project 06 indicator alerts (KH 05/KH-UBND) — evaluation %s, %s\n", d->run_id,
                d->now);
    for (int r = d->first; r < d->last; r++) {
        struct text t = {d->res, r, vi, d->floor};
        if (is(&t, C_ROLE, "2"))
            continue;
        const char *lead = val(&t, C_LEAD) ? val(&t, C_LEAD) : "";
        if (group == NULL || strcmp(group, lead) != 0) {
            fprintf(f, vi ? "\nChủ trì: %s\n" : "\nLead: %s\n", *lead ? lead : "—");
            group = lead;
        }
        fprintf(f, "- [%s, %s] ", event_tag(val(&t, C_EVENT), vi),
                is(&t, C_SEVERITY, "critical") ? (vi ? "mức nghiêm trọng" : "critical")
                                               : (vi ? "mức cảnh báo" : "warning"));
        summary(f, &t);
        fputc('\n', f);
        char *det = details_text(d, val(&t, C_ALERT), vi, "    • ");
        if (det != NULL) {
            fprintf(f, vi ? "  Các xã, phường:\n%s\n" : "  Communes and wards:\n%s\n", det);
            free(det);
        }
    }
}

static int store_digest(PGconn *conn, const struct routes *routes, const struct digest *dg,
                        const struct alerts_options *opt, long *notifications)
{
    struct digest dd = *dg, *d = &dd;
    struct child *kids = NULL;
    const char *receiver = PQgetvalue(d->res, d->first, C_RECEIVER);
    const struct routes_receiver *rcv = routes_receiver(routes, receiver);
    cJSON *payload = cJSON_CreateObject(), *alerts = NULL, *labels = NULL, *anns = NULL;
    char *body = NULL, *json = NULL, *ids = NULL, *subject = NULL;
    size_t body_len = 0, ids_len = 0, subject_len = 0;
    int rc = -1, nitems = 0;
    bool firing = false;
    PGresult *res = NULL;
    if (rcv == NULL || payload == NULL)
        goto fail;
    dd.nkids = index_children(d, &kids);
    dd.kids = kids;
    if (dd.nkids < 0)
        goto fail;

    alerts = cJSON_CreateArray();
    FILE *idf = open_memstream(&ids, &ids_len);
    if (alerts == NULL || idf == NULL)
        goto fail;
    fputc('{', idf);
    int nids = 0;
    for (int r = d->first; r < d->last; r++) {
        struct text t = {d->res, r, true, d->floor};
        if (val(&t, C_EVENT_ID))
            fprintf(idf, "%s%s", nids++ ? "," : "", val(&t, C_EVENT_ID));
        if (is(&t, C_ROLE, "2"))
            continue;
        char *dvi = details_text(d, val(&t, C_ALERT), true, "");
        char *den = details_text(d, val(&t, C_ALERT), false, "");
        cJSON *a = am_alert(d, r, dvi, den);
        free(dvi);
        free(den);
        if (a == NULL) {
            fclose(idf);
            goto fail;
        }
        labels = intersect(labels, cJSON_GetObjectItemCaseSensitive(a, "labels"));
        anns = intersect(anns, cJSON_GetObjectItemCaseSensitive(a, "annotations"));
        firing = firing || !is(&t, C_STATE, "resolved");
        cJSON_AddItemToArray(alerts, a);
        nitems++;
    }
    fputc('}', idf);
    fclose(idf);

    FILE *bf = open_memstream(&body, &body_len);
    if (bf == NULL)
        goto fail;
    digest_text(bf, d, true);
    fputs("\n--- English ---\n\n", bf);
    digest_text(bf, d, false);
    fclose(bf);
    FILE *sf = open_memstream(&subject, &subject_len);
    if (sf == NULL)
        goto fail;
    fprintf(sf, "[KPI Đề án 06] %d cảnh báo chỉ tiêu / %d indicator alert%s — %s", nitems, nitems,
            nitems == 1 ? "" : "s", d->now);
    fclose(sf);

    char group_key[512], key_src[512], key_hex[HASH_HEX_LEN], key[48];
    snprintf(group_key, sizeof group_key, "{}:{receiver=\"%s\",run=\"%s\"}", receiver, d->run_id);
    snprintf(key_src, sizeof key_src, "kpi-outbox\n%s\n%s", d->run_id, receiver);
    if (hash_sha256_hex(key_src, strlen(key_src), key_hex) != 0)
        goto fail;
    snprintf(key, sizeof key, "kpi-%.32s", key_hex);

    cJSON_AddStringToObject(payload, "version", "4");
    cJSON_AddStringToObject(payload, "groupKey", group_key);
    cJSON_AddNumberToObject(payload, "truncatedAlerts", 0);
    cJSON_AddStringToObject(payload, "status", firing ? "firing" : "resolved");
    cJSON_AddStringToObject(payload, "receiver", receiver);
    cJSON_AddItemToObject(payload, "groupLabels", cJSON_CreateObject());
    cJSON_AddItemToObject(payload, "commonLabels", labels ? labels : cJSON_CreateObject());
    labels = NULL;
    cJSON_AddItemToObject(payload, "commonAnnotations", anns ? anns : cJSON_CreateObject());
    anns = NULL;
    cJSON_AddStringToObject(payload, "externalURL", "");
    cJSON_AddItemToObject(payload, "alerts", alerts);
    alerts = NULL;
    cJSON_AddStringToObject(payload, "idempotencyKey", key);
    cJSON_AddStringToObject(payload, "channel", rcv->channel == ROUTES_EMAIL ? "email" : "webhook");
    cJSON_AddStringToObject(payload, "subject", subject);
    cJSON_AddStringToObject(payload, "text", body);
    json = cJSON_PrintUnformatted(payload);
    if (json == NULL)
        goto fail;

    if (opt->dry_run && opt->out != NULL)
        fprintf(opt->out, "%s\n", json);
    const char *params[7] = {
        d->run_id, receiver, rcv->channel == ROUTES_EMAIL ? "email" : "webhook", key, json,
        subject,   body};
    res = PQexecParams(conn, sql_outbox, 7, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not write the outbox: %s", conn_errmsg(conn));
        goto fail;
    }
    const char *eparams[2] = {PQgetvalue(res, 0, 0), ids};
    PGresult *res2 = PQexecParams(conn, sql_outbox_event, 2, NULL, eparams, NULL, NULL, 0);
    bool ok = PQresultStatus(res2) == PGRES_COMMAND_OK;
    PQclear(res2);
    if (!ok) {
        log_error("could not write the outbox: %s", conn_errmsg(conn));
        goto fail;
    }
    (*notifications)++;
    rc = 0;
fail:
    PQclear(res);
    cJSON_Delete(payload);
    cJSON_Delete(alerts);
    cJSON_Delete(labels);
    cJSON_Delete(anns);
    free(json);
    free(body);
    free(ids);
    free(subject);
    free(kids);
    return rc;
}

/* ---- the transaction --------------------------------------------------- */

static int run_sql(PGconn *conn, const char *sql, int n, const char *const *params,
                   const char *what, PGresult **out)
{
    PGresult *res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        log_error("%s: %s", what, conn_errmsg(conn));
        PQclear(res);
        return -1;
    }
    if (out != NULL)
        *out = res;
    else
        PQclear(res);
    return 0;
}

static char *settings_json(const struct routes *routes, const struct alerts_options *opt)
{
    cJSON *s = cJSON_CreateObject();
    if (s == NULL)
        return NULL;
    cJSON_AddStringToObject(s, "routes_file", routes->path);
    cJSON_AddNumberToObject(s, "repeat_interval_days", routes->repeat_interval_days);
    cJSON_AddNumberToObject(s, "escalate_after_periods", routes->escalate_after_periods);
    cJSON_AddRawToObject(s, "completeness_floor_pct", routes->completeness_floor_pct);
    cJSON_AddNumberToObject(s, "at_risk_horizon_days", routes->at_risk_horizon_days);
    cJSON_AddBoolToObject(s, "dry_run", opt->dry_run);
    char *json = cJSON_PrintUnformatted(s);
    cJSON_Delete(s);
    return json;
}

static void count_events(PGresult *res, struct alerts_summary *sum)
{
    for (int r = 0; r < PQntuples(res); r++) {
        const char *ev = PQgetvalue(res, r, 0);
        long n = strtol(PQgetvalue(res, r, 1), NULL, 10);
        if (strcmp(ev, "fire") == 0)
            sum->fired = n;
        else if (strcmp(ev, "reminder") == 0)
            sum->reminded = n;
        else if (strcmp(ev, "escalate") == 0)
            sum->escalated = n;
        else if (strcmp(ev, "resolve") == 0)
            sum->resolved = n;
        else if (strcmp(ev, "restate") == 0)
            sum->restated = n;
    }
}

int alerts_evaluate(PGconn *conn, const struct routes *routes, const struct alerts_options *opt,
                    struct alerts_summary *sum)
{
    PGresult *res = NULL, *items = NULL;
    char *settings = NULL, run_id[32], now[64], horizon[16], escalate[16], repeat[16];
    int rc = -1;
    memset(sum, 0, sizeof *sum);
    snprintf(horizon, sizeof horizon, "%d", routes->at_risk_horizon_days);
    snprintf(escalate, sizeof escalate, "%d", routes->escalate_after_periods);
    snprintf(repeat, sizeof repeat, "%d", routes->repeat_interval_days);

    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0)
        return -1;
    if (run_sql(conn,
                "SELECT to_regclass('kpi.indicator_value') IS NOT NULL, "
                "       to_regprocedure('kpi.alert_analyze()') IS NOT NULL",
                0, NULL, "could not look for kpi.indicator_value", &res) != 0)
        goto fail;
    if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
        log_error("table kpi.indicator_value does not exist; run 'kpi migrate' and "
                  "'kpi compute' first");
        goto fail;
    }
    if (strcmp(PQgetvalue(res, 0, 1), "t") != 0) {
        log_error("function kpi.alert_analyze() does not exist; run 'kpi migrate' first");
        goto fail;
    }
    PQclear(res);
    res = NULL;
    /* one evaluation at a time: the state machine reads what it writes */
    if (conn_command(conn, "SELECT pg_advisory_xact_lock(7021575906133320564)",
                     "could not take the alerts lock") != 0)
        goto fail;
    /* compiling these plans costs seconds and saves nothing on their sizes */
    if (conn_command(conn, "SET LOCAL jit = off", "could not set jit") != 0)
        goto fail;
    settings = settings_json(routes, opt);
    if (settings == NULL) {
        log_error("out of memory");
        goto fail;
    }
    const char *p_run[3] = {opt->now, routes->sha256, settings};
    if (run_sql(conn, sql_run, 3, p_run, "could not record the alert run", &res) != 0)
        goto fail;
    snprintf(run_id, sizeof run_id, "%s", PQgetvalue(res, 0, 0));
    snprintf(now, sizeof now, "%s", PQgetvalue(res, 0, 1));
    sum->run_id = strtoll(run_id, NULL, 10);
    PQclear(res);
    res = NULL;

    const char *p_cell[4] = {routes->routes_json, now, routes->completeness_floor_pct, horizon};
    const char *p_want[1] = {escalate};
    const char *p_ev[3] = {run_id, now, repeat};
    const char *p_match[2] = {routes->routes_json, run_id};
    const char *p_items[2] = {routes->routes_json, now};
    /* the temporary tables get statistics, or the planner guesses nested loops over them */
    if (run_sql(conn, sql_cell, 4, p_cell, "could not read the indicator values", NULL) != 0 ||
        run_sql(conn, "ANALYZE alert_cell (indicator_id, unit_code, period_kind, period_start)", 0,
                NULL, "could not analyze alert_cell", NULL) != 0 ||
        run_sql(conn, sql_want, 1, p_want, "could not evaluate the alerts", NULL) != 0 ||
        run_sql(conn, "ANALYZE alert_want (fingerprint, want)", 0, NULL,
                "could not analyze alert_want", NULL) != 0 ||
        run_sql(conn, sql_restate, 2, p_ev, "could not write restatements", NULL) != 0 ||
        run_sql(conn, sql_resolve, 2, p_ev, "could not resolve alerts", NULL) != 0 ||
        run_sql(conn, sql_update, 3, p_ev, "could not update firing alerts", NULL) != 0 ||
        run_sql(conn, sql_fire, 2, p_ev, "could not fire alerts", NULL) != 0 ||
        run_sql(conn, sql_counts, 1, p_ev, "could not count the alert events", &res) != 0)
        goto fail;
    count_events(res, sum);
    PQclear(res);
    res = NULL;

    /* the routing reads the alerts as this run left them: plan with their statistics */
    if (run_sql(conn, "SELECT kpi.alert_analyze()", 0, NULL, "could not analyze the alerts",
                NULL) != 0 ||
        run_sql(conn, sql_match, 2, p_match, "could not route the alerts", NULL) != 0 ||
        run_sql(conn, sql_parent, 1, p_match, "could not route the alerts", NULL) != 0 ||
        run_sql(conn, "CREATE INDEX ON alert_match (alert_id)", 0, NULL,
                "could not index the routed alerts", NULL) != 0 ||
        run_sql(conn, "ANALYZE alert_match, alert_parent", 0, NULL,
                "could not analyze the routed alerts", NULL) != 0 ||
        run_sql(conn, sql_items, 2, p_items, "could not compose the notifications", &items) != 0)
        goto fail;
    /* the evaluation instant as people read it, in Vietnam */
    char shown[64];
    int y, mo, d, h, mi;
    if (sscanf(now, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) == 5)
        snprintf(shown, sizeof shown, "%02d/%02d/%04d %02d:%02d", d, mo, y, h, mi);
    else
        snprintf(shown, sizeof shown, "%s", now);
    int n = PQntuples(items);
    for (int first = 0; first < n;) {
        int last = first + 1;
        while (last < n && strcmp(PQgetvalue(items, last, C_RECEIVER),
                                  PQgetvalue(items, first, C_RECEIVER)) == 0)
            last++;
        struct digest dg = {items,  first, last, routes->completeness_floor_pct,
                            run_id, shown, NULL, 0};
        if (store_digest(conn, routes, &dg, opt, &sum->notifications) != 0)
            goto fail;
        first = last;
    }
    PQclear(items);
    items = NULL;

    if (conn_command(conn, opt->dry_run ? "ROLLBACK" : "COMMIT",
                     "could not commit the alert run") != 0)
        goto fail;
    free(settings);
    return 0;
fail:
    PQclear(res);
    PQclear(items);
    free(settings);
    PQclear(PQexec(conn, "ROLLBACK"));
    return rc;
}

int alerts_list(PGconn *conn, const char *state, FILE *out)
{
    static const char sql[] =
        "SELECT a.id, a.state, a.severity, a.alertname, a.indicator_id, a.unit_code, "
        "       a.period_kind, to_char(a.first_period, 'YYYY-MM-DD'), "
        "       to_char(a.last_period, 'YYYY-MM-DD'), a.consecutive_periods, "
        "       coalesce(round(a.ratio_pct, 1)::text, ''), coalesce(a.gap_count::text, ''), "
        "       to_char(a.opened_at, 'YYYY-MM-DD HH24:MI'), "
        "       coalesce(to_char(a.resolved_at, 'YYYY-MM-DD HH24:MI'), '') "
        "  FROM kpi.alert a WHERE $1::text IS NULL OR a.state = $1 "
        " ORDER BY a.state, a.indicator_id, a.unit_code, a.period_kind, a.id";
    static const char *const head[] = {"id",      "state", "severity", "alert",   "indicator",
                                       "unit",    "kind",  "first",    "last",    "periods",
                                       "value %", "gap",   "opened",   "resolved"};
    enum { NCOL = sizeof head / sizeof head[0] };
    const char *params[1] = {state};
    PGresult *res = PQexecParams(conn, sql, 1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read the alerts: %s", conn_errmsg(conn));
        PQclear(res);
        return -1;
    }
    int width[NCOL];
    int n = PQntuples(res);
    char cell[64];
    for (int c = 0; c < NCOL; c++) {
        width[c] = (int)strlen(head[c]);
        for (int r = 0; r < n; r++) {
            const char *v = PQgetvalue(res, r, c);
            if (c == 10 || c == 11) {
                alerts_format_number(v, true, cell, sizeof cell);
                v = cell;
            }
            if ((int)strlen(v) > width[c])
                width[c] = (int)strlen(v);
        }
    }
    for (int c = 0; c < NCOL; c++)
        fprintf(out, "%-*s%s", width[c], head[c], c + 1 < NCOL ? "  " : "\n");
    for (int r = 0; r < n; r++)
        for (int c = 0; c < NCOL; c++) {
            const char *v = PQgetvalue(res, r, c);
            if (c == 10 || c == 11) {
                alerts_format_number(v, true, cell, sizeof cell);
                v = cell;
            }
            bool right = c == 0 || (c >= 9 && c <= 11);
            fprintf(out, right ? "%*s%s" : "%-*s%s", width[c], v, c + 1 < NCOL ? "  " : "\n");
        }
    fprintf(out, "(%d alert%s)\n", n, n == 1 ? "" : "s");
    PQclear(res);
    return 0;
}
