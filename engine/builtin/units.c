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

static const struct command_row units_commands[] = {
    {"load",
     "add or update the organisation units of FILE, a CSV with the header "
     "code,name,kind,parent_code (the province has kind 'province' and no parent; "
     "communes and wards: xa, phuong, dac_khu; facilities: hospital, school, ...); codes "
     "are text: 05443 keeps its leading zero; one transaction: any problem (printed "
     "FILE:LINE: message) and nothing is loaded (exit 3); units are never deleted",
     NULL},
    {"list", "print the registry as CSV on stdout, ordered by code", NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc units_doc = {
    .name = "units",
    .synopsis = "kpi units load FILE\n"
                "kpi units list [--kind KIND]",
    .commands = units_commands,
    .epilogue = "Example: kpi units load fixtures/units_thai_nguyen.csv\n",
};

enum kpi_status cmd_units(int argc, char **argv)
{
    const char *kind = NULL;
    int rc = KPI_ERROR;
    struct kpi_option options[] = {
        OPT_STRING("kind", 0, &kind, "KIND", "list: only the units of KIND (e.g. xa, phuong)"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &units_doc, options, &args, &done))
        return done;
    if (args >= argc)
        return builtin_usage_error("units", "say 'load FILE' or 'list'");
    const char *verb = argv[args];
    bool load = strcmp(verb, "load") == 0;
    if (!load && strcmp(verb, "list") != 0)
        return builtin_usage_error("units", "unknown subcommand '%s'", verb);
    if (load && (args + 2 != argc || kind != NULL))
        return builtin_usage_error("units", "usage: kpi units load FILE");
    if (!load && args + 1 != argc)
        return builtin_usage_error("units", "unexpected argument '%s'", argv[args + 1]);

    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    if (!load) {
        rc = units_list(conn, kind, stdout) == 0 ? KPI_OK : KPI_ERROR;
        goto done;
    }
    struct units_result res;
    const char *path = argv[args + 1];
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
