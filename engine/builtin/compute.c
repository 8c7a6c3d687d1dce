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

static const struct command_doc compute_doc = {
    .name = "compute",
    .synopsis = "kpi compute [--from YYYY-MM] [--to YYYY-MM] [--full]",
    .description =
        "Compute every indicator of the catalog for every commune, ward and province, for the\n"
        "calendar periods (month, ytd, quarter, half, year) and the reporting periods\n"
        "(report_month, report_quarter, report_half, report_9m, report_year) ending in the\n"
        "months asked for, judge each against its target, and store the results in\n"
        "kpi.indicator_value (replaced values go to kpi.indicator_value_history).\n\n"
        "By default only the cells whose inputs changed since the last computation (new or\n"
        "revised counts, unit registry or catalog changes) are recomputed; the first run of a\n"
        "database computes everything.\n",
};

enum kpi_status cmd_compute(int argc, char **argv)
{
    char from[PERIOD_DATE_LEN] = "", to[PERIOD_DATE_LEN] = "";
    struct compute_opts co = {NULL, NULL, false};
    struct kpi_option options[] = {
        OPT_MONTH("from", 0, from, "first month (default: the first month holding data)"),
        OPT_MONTH("to", 0, to, "last month (default: the last month holding data)"),
        OPT_BOOL("full", 0, &co.full, "recompute every cell of the range"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &compute_doc, options, &args, &done))
        return done;
    if (args < argc)
        return builtin_usage_error("compute", "unexpected argument '%s'", argv[args]);
    co.from = from[0] ? from : NULL;
    co.to = to[0] ? to : NULL;
    if (co.from && co.to && strcmp(from, to) > 0)
        return builtin_usage_error("compute", "--from %.7s is after --to %.7s", from, to);

    PGconn *conn;
    struct compute_result r;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    enum kpi_status rc = compute_run(conn, &co, &r);
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
