/*
 * builtin/compute.c — `kpi compute`: compute the indicator time series
 * (incremental by default, --full for everything) and say what changed.
 */
#include "builtin.h"
#include "compute/compute.h"
#include "db/conn.h"
#include "common/period.h"
#include "common/status.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: kpi compute [--from YYYY-MM] [--to YYYY-MM] [--full]\n\n"
    "Compute every indicator of the catalog for every commune, ward and province, for the\n"
    "calendar periods (month, ytd, quarter, half, year) and the reporting periods\n"
    "(report_month, report_quarter, report_half, report_9m, report_year) ending in the\n"
    "months asked for, judge each against its target, and store the results in\n"
    "kpi.indicator_value (replaced values go to kpi.indicator_value_history).\n\n"
    "By default only the cells whose inputs changed since the last computation (new or\n"
    "revised counts, unit registry or catalog changes) are recomputed; the first run of a\n"
    "database computes everything.\n\n"
    "  --from YYYY-MM   first month (default: the first month holding data)\n"
    "  --to YYYY-MM     last month (default: the last month holding data)\n"
    "  --full           recompute every cell of the range\n";

int cmd_compute(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"full", no_argument, NULL, 'F'},
        {NULL, 0, NULL, 0},
    };
    char from[PERIOD_DATE_LEN], to[PERIOD_DATE_LEN];
    struct compute_opts co = {NULL, NULL, false};
    bool reset = true;
    int c;
    while ((c = builtin_getopt(argc, argv, "h", opts, &reset)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return KPI_OK;
        case 'f':
        case 't': {
            char *month = c == 'f' ? from : to;
            if (period_parse_month(optarg, month) != 0)
                return builtin_usage_error("compute", "'%s' is not a month; write YYYY-MM", optarg);
            if (c == 'f')
                co.from = from;
            else
                co.to = to;
            break;
        }
        case 'F':
            co.full = true;
            break;
        default:
            return KPI_USAGE;
        }
    }
    if (optind < argc)
        return builtin_usage_error("compute", "unexpected argument '%s'", argv[optind]);
    if (co.from && co.to && strcmp(from, to) > 0)
        return builtin_usage_error("compute", "--from %.7s is after --to %.7s", from, to);

    PGconn *conn;
    struct compute_result r;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    int rc = compute_run(conn, &co, &r);
    PQfinish(conn);
    if (rc != KPI_OK)
        return rc;
    if (r.from_month[0] == '\0') {
        printf("no counts to compute from; nothing to do\n");
        return KPI_OK;
    }
    printf("run %lld (%s), %.7s..%.7s: %lld cells computed, %lld changed, %lld data-quality "
           "finding%s\n",
           r.run_id, r.full ? "full" : "incremental", r.from_month, r.to_month, r.cells_in_scope,
           r.cells_changed, r.findings, r.findings == 1 ? "" : "s");
    return KPI_OK;
}
