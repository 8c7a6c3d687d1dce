/*
 * list.c — owns `kpi alerts list` (alerts_list, see alerts.h): the alerts
 * of kpi.alert as an aligned table for operators, value, gap, target and
 * deadline in the words every surface prints (common/words.h), columns
 * as wide as their text shows (text_width).
 */
#include "alerts/alerts.h"

#include "common/log.h"
#include "common/numfmt.h"
#include "common/text.h"
#include "common/words.h"
#include "db/conn.h"

#include <string.h>

/* The columns of the query; those after C_DEADLINE are read, not shown. */
enum {
    C_RATIO = 10,
    C_GAP = 11,
    C_TARGET_WORDS = 14,
    C_DEADLINE,
    C_STATUS,
    C_COMPARATOR,
    C_TARGET,
    C_KIND,
    C_TARGET_VI,
    C_INNER_CMP,
    C_INNER_TARGET,
    C_NOUN_VI,
    C_DUE,
    C_DEADLINE_VI,
    C_PERIOD_END,
    C_COUNTED_TO, /* the cell of the alert's last period (kpi.indicator_value) */
    C_PROJECTED,
    C_NEEDED,
    C_MONTHS_FROM,
    C_MONTHS_TO,
    C_LATE,
    C_NUM,
    C_DEN,
    C_ASSIGNED,
};

static const char *get(const PGresult *res, int r, int c)
{
    return PQgetisnull(res, r, c) ? NULL : PQgetvalue(res, r, c);
}

/* Cell C of row R for people into CELL (LEN bytes), or the text itself. */
static const char *cell_text(const PGresult *res, int r, int c, char *cell, size_t len)
{
    struct words_cell w = {
        .kind = get(res, r, C_KIND),
        .status = get(res, r, C_STATUS),
        .ratio_pct = get(res, r, C_RATIO),
        .comparator = get(res, r, C_COMPARATOR),
        .target_pct = get(res, r, C_TARGET),
        .target_text_vi = get(res, r, C_TARGET_VI),
        .inner_comparator = get(res, r, C_INNER_CMP),
        .inner_target_pct = get(res, r, C_INNER_TARGET),
        .gap_count = get(res, r, C_GAP),
        .noun_vi = get(res, r, C_NOUN_VI),
        .due_date = get(res, r, C_DUE),
        .deadline_text_vi = get(res, r, C_DEADLINE_VI),
        .period_end = get(res, r, C_PERIOD_END),
        .period_kind = get(res, r, 6),
        .period_start = get(res, r, 8),
        .counted_to = get(res, r, C_COUNTED_TO),
        .projected_pct = get(res, r, C_PROJECTED),
        .needed_per_month = get(res, r, C_NEEDED),
        .months_from = get(res, r, C_MONTHS_FROM),
        .months_to = get(res, r, C_MONTHS_TO),
        .late_days = get(res, r, C_LATE),
        .numerator = get(res, r, C_NUM),
        .denominator = get(res, r, C_DEN),
        .assigned = get(res, r, C_ASSIGNED),
    };
    switch (c) {
    case C_RATIO:
        words_value(cell, len, &w, NUMFMT_VI);
        return cell;
    case C_GAP:
        words_gap(cell, len, &w, NUMFMT_VI);
        return cell;
    case C_TARGET_WORDS:
        words_target(cell, len, &w, NUMFMT_VI);
        return cell;
    case C_DEADLINE:
        words_deadline(cell, len, &w, NUMFMT_VI);
        return cell;
    default:
        return PQgetvalue(res, r, c);
    }
}

enum kpi_status alerts_list(PGconn *conn, const char *state, FILE *out)
{
    static const char sql[] =
        "SELECT a.id, a.state, a.severity, a.alertname, a.indicator_id, a.unit_code, "
        "       a.period_kind, to_char(a.first_period, 'YYYY-MM-DD'), "
        "       to_char(a.last_period, 'YYYY-MM-DD'), a.consecutive_periods, "
        "       a.ratio_pct, a.gap_count, "
        "       to_char(a.opened_at, 'YYYY-MM-DD HH24:MI'), "
        "       coalesce(to_char(a.resolved_at, 'YYYY-MM-DD HH24:MI'), ''), '', '', "
        "       a.status, coalesce(i.comparator, a.comparator), "
        "       trim_scale(coalesce(i.target_pct, a.target_pct))::text, i.kind, "
        "       i.target_text_vi, i.inner_comparator, trim_scale(i.inner_target_pct)::text, "
        "       CASE WHEN i.kind = 'share' THEN i.facility_noun_vi ELSE m.noun_vi END, "
        "       i.due_date, i.deadline_text_vi, a.last_period_end, cv.counted_to, "
        "       cv.projected_pct, cv.needed_per_month, cv.months_from, cv.months_to, "
        "       cv.late_days, cv.numerator, cv.denominator, "
        "       CASE WHEN i.assigned_to <> 'province' AND u.kind = 'province' "
        "            THEN i.assigned_to END "
        "  FROM kpi.alert a "
        "  LEFT JOIN kpi.unit u ON u.code = a.unit_code "
        "  LEFT JOIN LATERAL kpi.indicator_of(a.plan_id, a.indicator_id, a.last_period_end) i "
        "    ON true "
        "  LEFT JOIN kpi.metric m ON m.code = i.numerator_metric "
        /* the cell of its last period, as last computed: a window's projection, a task's
         * units done */
        "  LEFT JOIN LATERAL (SELECT q.* FROM kpi.indicator_value q "
        "     WHERE q.plan_id = a.plan_id AND q.indicator_id = a.indicator_id "
        "       AND q.unit_code = a.unit_code "
        "       AND q.period_kind = a.period_kind AND q.period_start = a.last_period "
        "       AND q.period_end = a.last_period_end ORDER BY q.computed_at DESC LIMIT 1) cv "
        "    ON true "
        " WHERE $1::text IS NULL OR a.state = $1 "
        " ORDER BY a.state, a.indicator_id, a.unit_code, a.period_kind, a.id";
    static const char *const head[] = {
        "id",   "state",   "severity", "alert", "indicator", "unit",     "kind",   "first",
        "last", "periods", "value",    "gap",   "opened",    "resolved", "target", "deadline"};
    enum { NCOL = sizeof head / sizeof head[0] };
    const char *params[1] = {state};
    PGresult *res = PQexecParams(conn, sql, 1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read the alerts: %s", conn_errmsg(conn));
        PQclear(res);
        return KPI_ERROR;
    }
    size_t width[NCOL];
    int n = PQntuples(res);
    char cell[512];
    for (int c = 0; c < NCOL; c++) {
        width[c] = text_width(head[c]);
        for (int r = 0; r < n; r++) {
            size_t w = text_width(cell_text(res, r, c, cell, sizeof cell));
            if (w > width[c])
                width[c] = w;
        }
    }
    for (int c = 0; c < NCOL; c++)
        fprintf(out, "%s%*s%s", head[c], (int)(width[c] - text_width(head[c])), "",
                c + 1 < NCOL ? "  " : "\n");
    for (int r = 0; r < n; r++)
        for (int c = 0; c < NCOL; c++) {
            const char *v = cell_text(res, r, c, cell, sizeof cell);
            int pad = (int)(width[c] - text_width(v));
            bool right = c == 0 || (c >= 9 && c <= C_RATIO);
            if (right)
                fprintf(out, "%*s%s%s", pad, "", v, c + 1 < NCOL ? "  " : "\n");
            else
                fprintf(out, "%s%*s%s", v, pad, "", c + 1 < NCOL ? "  " : "\n");
        }
    fprintf(out, "(%d alert%s)\n", n, n == 1 ? "" : "s");
    PQclear(res);
    return KPI_OK;
}
