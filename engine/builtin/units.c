/*
 * builtin/units.c — `kpi units load FILE` and `kpi units list [--kind KIND]`:
 * the unit registry (engine/ingest/units.c).
 */
#include "builtin.h"
#include "db/conn.h"
#include "common/log.h"
#include "common/status.h"
#include "ingest/units.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: kpi units load FILE\n"
    "       kpi units list [--kind KIND]\n\n"
    "load: add or update the organisation units of FILE, a CSV with the header\n"
    "      code,name,kind,parent_code (the province has kind 'province' and no parent;\n"
    "      communes and wards: xa, phuong, dac_khu; facilities: hospital, school, ...).\n"
    "      Codes are text: 05443 keeps its leading zero. One transaction: any problem\n"
    "      (printed FILE:LINE: message) and nothing is loaded (exit 3). Units are never\n"
    "      deleted. Example: kpi units load fixtures/units_thai_nguyen.csv\n"
    "list: print the registry as CSV on stdout, ordered by code\n";

int cmd_units(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},
        {"kind", required_argument, NULL, 'k'},
        {NULL, 0, NULL, 0},
    };
    bool reset = true;
    const char *kind = NULL;
    int c, rc = KPI_ERROR;
    while ((c = builtin_getopt(argc, argv, "h", opts, &reset)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return KPI_OK;
        case 'k':
            kind = optarg;
            break;
        default:
            return KPI_USAGE;
        }
    }
    if (optind >= argc)
        return builtin_usage_error("units", "say 'load FILE' or 'list'");
    const char *verb = argv[optind];
    bool load = strcmp(verb, "load") == 0;
    if (!load && strcmp(verb, "list") != 0)
        return builtin_usage_error("units", "unknown subcommand '%s'", verb);
    if (load && (optind + 2 != argc || kind != NULL))
        return builtin_usage_error("units", "usage: kpi units load FILE");
    if (!load && optind + 1 != argc)
        return builtin_usage_error("units", "unexpected argument '%s'", argv[optind + 1]);

    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    if (!load) {
        rc = units_list(conn, kind, stdout) == 0 ? KPI_OK : KPI_ERROR;
        goto done;
    }
    struct units_result res;
    const char *path = argv[optind + 1];
    if (units_load(conn, path, &res) != 0)
        goto done;
    if (res.problems > 0) {
        log_error("%s: %lld problem%s; no unit loaded", path, res.problems,
                  res.problems == 1 ? "" : "s");
        rc = KPI_REJECTED;
        goto done;
    }
    log_info("%s: %lld units: %lld new, %lld updated, %lld unchanged", path, res.rows, res.inserted,
             res.updated, res.rows - res.inserted - res.updated);
    rc = KPI_OK;
done:
    PQfinish(conn);
    return rc;
}
