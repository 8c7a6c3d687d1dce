/*
 * builtin/report.c — `kpi report`: write the leaders' HTML report of one
 * period (engine/report/report.c).
 */
#include "builtin.h"
#include "db/conn.h"
#include "report/report.h"
#include "common/status.h"

#include <stdio.h>

static const struct command_doc report_doc = {
    .name = "report",
    .synopsis = "kpi report --period YYYY-MM [--kind KIND] [--unit CODE] --out FILE.html",
    .description =
        "Write the leaders' report of one period as a single self-contained HTML file (inline CSS\n"
        "and SVG charts, no network access, prints on A4), in Vietnamese: every indicator against\n"
        "its target, 12-period charts, the ranking of communes and wards, missing data, dated\n"
        "tasks, and the run id, catalog version and data cut-off. Reads what kpi compute stored.\n",
};

enum kpi_status cmd_report(int argc, char **argv)
{
    struct report_options ro = {0};
    const char *out = NULL;
    struct kpi_option options[] = {
        OPT_STRING("period", 'p', &ro.period, "YYYY-MM",
                   "the month of the report (reporting kinds: the window closing on the 14th of "
                   "that month; calendar kinds: the period holding its last day)"),
        OPT_STRING("kind", 'k', &ro.kind, "KIND",
                   "report_month (default), report_quarter, report_half, report_9m, report_year, "
                   "month, quarter, half, year, ytd or deadline"),
        OPT_STRING("unit", 'u', &ro.unit, "CODE", "the unit reported on (default: the province)"),
        OPT_STRING("out", 'o', &out, "FILE", "where to write it (replaced atomically)"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &report_doc, options, &args, &done))
        return done;
    if (args < argc)
        return builtin_usage_error("report", "unexpected argument '%s'", argv[args]);
    if (ro.period == NULL)
        return builtin_usage_error("report", "--period YYYY-MM is required");
    if (out == NULL || *out == '\0')
        return builtin_usage_error("report", "--out FILE is required");
    if (ro.kind != NULL && !report_kind_valid(ro.kind))
        return builtin_usage_error("report", "unknown --kind '%s'", ro.kind);

    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    int rc = report_write(conn, &ro, out);
    if (rc == KPI_REJECTED)
        rc = KPI_ERROR; /* nothing to report: the command failed to do what was asked */
    PQfinish(conn);
    if (rc == KPI_OK)
        printf("wrote %s\n", out);
    return rc;
}
