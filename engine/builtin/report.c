/*
 * builtin/report.c — `kpi report`: write the leaders' HTML report of one
 * period (engine/report/report.c).
 */
#include "builtin.h"
#include "db/conn.h"
#include "report/report.h"
#include "common/status.h"

#include <stdio.h>

static const char usage[] =
    "usage: kpi report --period YYYY-MM [--kind KIND] [--unit CODE] --out FILE.html\n\n"
    "Write the leaders' report of one period as a single self-contained HTML file (inline CSS\n"
    "and SVG charts, no network access, prints on A4), in Vietnamese: every indicator against\n"
    "its target, 12-period charts, the ranking of communes and wards, missing data, dated\n"
    "tasks, and the run id, catalog version and data cut-off. Reads what kpi compute stored.\n\n"
    "  --period YYYY-MM  the month of the report (reporting kinds: the window closing on\n"
    "                    the 14th of that month; calendar kinds: the period holding its last day)\n"
    "  --kind KIND       report_month (default), report_quarter, report_half, report_9m,\n"
    "                    report_year, month, quarter, half, year or ytd\n"
    "  --unit CODE       the unit reported on (default: the province)\n"
    "  --out FILE        where to write it (replaced atomically)\n";

int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},       {"period", required_argument, NULL, 'p'},
        {"kind", required_argument, NULL, 'k'}, {"unit", required_argument, NULL, 'u'},
        {"out", required_argument, NULL, 'o'},  {NULL, 0, NULL, 0},
    };
    struct report_options ro = {0};
    const char *out = NULL;
    bool reset = true;
    int c;
    while ((c = builtin_getopt(argc, argv, "hp:k:u:o:", opts, &reset)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return KPI_OK;
        case 'p':
            ro.period = optarg;
            break;
        case 'k':
            ro.kind = optarg;
            break;
        case 'u':
            ro.unit = optarg;
            break;
        case 'o':
            out = optarg;
            break;
        default:
            return KPI_USAGE;
        }
    }
    if (optind < argc)
        return builtin_usage_error("report", "unexpected argument '%s'", argv[optind]);
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
