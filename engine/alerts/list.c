/*
 * list.c — owns `kpi alerts list` (alerts_list, see alerts.h): the alerts
 * of kpi.alert as an aligned table for operators, numbers as people write
 * them (the ratio judged against its target as kpi show prints it), columns
 * as wide as their text shows (text_width).
 */
#include "alerts/alerts.h"

#include "common/log.h"
#include "common/numfmt.h"
#include "common/text.h"
#include "db/conn.h"

#include <string.h>

/* The columns of the query; those after C_RESOLVED are read, not shown. */
enum {
    C_RATIO = 10,
    C_GAP = 11,
    C_RESOLVED = 13,
    C_STATUS,
    C_COMPARATOR,
    C_TARGET,
};

/* Cell C of row R for people into CELL (LEN bytes), or the text itself. */
static const char *cell_text(const PGresult *res, int r, int c, char *cell, size_t len)
{
    const char *v = PQgetvalue(res, r, c);
    if (c == C_RATIO && !PQgetisnull(res, r, c)) {
        struct numfmt_target t = {PQgetvalue(res, r, C_COMPARATOR), PQgetvalue(res, r, C_TARGET),
                                  PQgetvalue(res, r, C_STATUS)};
        if (PQgetisnull(res, r, C_TARGET) || PQgetisnull(res, r, C_COMPARATOR))
            t.pct = t.comparator = NULL;
        if (numfmt_judged_pct(cell, len, v, 1, NUMFMT_AS_WRITTEN, &t, NUMFMT_VI) == 0)
            return cell;
    } else if (c == C_GAP && !PQgetisnull(res, r, c)) {
        alerts_format_number(v, true, cell, len);
        return cell;
    }
    return v;
}

enum kpi_status alerts_list(PGconn *conn, const char *state, FILE *out)
{
    static const char sql[] =
        "SELECT a.id, a.state, a.severity, a.alertname, a.indicator_id, a.unit_code, "
        "       a.period_kind, to_char(a.first_period, 'YYYY-MM-DD'), "
        "       to_char(a.last_period, 'YYYY-MM-DD'), a.consecutive_periods, "
        "       a.ratio_pct, a.gap_count, "
        "       to_char(a.opened_at, 'YYYY-MM-DD HH24:MI'), "
        "       coalesce(to_char(a.resolved_at, 'YYYY-MM-DD HH24:MI'), ''), "
        "       a.status, a.comparator, a.target_pct::text "
        "  FROM kpi.alert a WHERE $1::text IS NULL OR a.state = $1 "
        " ORDER BY a.state, a.indicator_id, a.unit_code, a.period_kind, a.id";
    static const char *const head[] = {"id",    "state", "severity", "alert",   "indicator",
                                       "unit",  "kind",  "first",    "last",    "periods",
                                       "value", "gap",   "opened",   "resolved"};
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
    char cell[64];
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
            bool right = c == 0 || (c >= 9 && c <= C_GAP);
            if (right)
                fprintf(out, "%*s%s%s", pad, "", v, c + 1 < NCOL ? "  " : "\n");
            else
                fprintf(out, "%s%*s%s", v, pad, "", c + 1 < NCOL ? "  " : "\n");
        }
    fprintf(out, "(%d alert%s)\n", n, n == 1 ? "" : "s");
    PQclear(res);
    return KPI_OK;
}
