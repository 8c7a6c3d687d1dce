/*
 * list.c — owns `kpi alerts list` (alerts_list, see alerts.h): the alerts
 * of kpi.alert as an aligned table for operators, numbers as people write
 * them.
 */
#include "alerts/alerts.h"

#include "common/log.h"
#include "db/conn.h"

#include <string.h>

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
