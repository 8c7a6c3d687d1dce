/*
 * builtin/units.c — `kpi units load FILE`, `kpi units crosswalk load FILE`,
 * `kpi units list [--kind KIND] [--on DAY]` and `kpi units history CODE`: the
 * dated unit registry (engine/ingest/units.c).
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
     "code,name,kind,parent_code and optionally valid_from,valid_to (YYYY-MM-DD, inclusive; "
     "empty: open-ended) (the province has kind 'province' and no parent; "
     "communes and wards: xa, phuong, dac_khu; facilities: hospital, school, ...); codes "
     "are text: 05443 keeps its leading zero; a row ending before today is an earlier "
     "meaning of its code, a row starting after the registered meaning gives the code a new "
     "one; one transaction: any problem (printed FILE:LINE: message) and nothing is loaded "
     "(exit 3); units are never deleted",
     NULL},
    {"crosswalk load",
     "load the national crosswalk of 1/7/2025 (shared/reference/units_2025_crosswalk.csv "
     "as it is; its header names the columns; an optional weight column gives the share "
     "of a partial unit's population that moved): the old communes, districts and "
     "provinces (valid until the day before --on, 2025-07-01 by default) and who took "
     "them; rows whose new unit is not registered are skipped; loading again changes "
     "nothing",
     NULL},
    {"list", "print today's map (or that of --on DAY) as CSV on stdout, ordered by code", NULL},
    {"history", "print every meaning of CODE, oldest first, with who took it (CSV)", NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc units_doc = {
    .name = "units",
    .synopsis = "kpi units load FILE\n"
                "kpi units crosswalk load [--on DAY] FILE\n"
                "kpi units list [--kind KIND] [--on DAY]\n"
                "kpi units history CODE",
    .commands = units_commands,
    .epilogue = "Example: kpi units load fixtures/units_thai_nguyen.csv\n"
                "         kpi units crosswalk load fixtures/units_2025_crosswalk_19.csv\n",
};

/* Report a load's result; the exit status. */
static enum kpi_status loaded(const char *path, const struct units_result *res, bool cross)
{
    if (res->problems > 0) {
        log_error("%s: %lld problem%s; nothing loaded", path, res->problems,
                  res->problems == 1 ? "" : "s");
        return KPI_REJECTED;
    }
    if (cross)
        log_info("%s: %lld rows: %lld new, %lld updated; %lld skipped (new unit not registered)",
                 path, res->rows, res->inserted, res->updated, res->skipped);
    else
        log_info("%s: %lld units: %lld new, %lld updated, %lld unchanged", path, res->rows,
                 res->inserted, res->updated, res->rows - res->inserted - res->updated);
    return KPI_OK;
}

enum kpi_status cmd_units(int argc, char **argv)
{
    const char *kind = NULL, *on = NULL;
    enum kpi_status rc = KPI_ERROR;
    struct kpi_option options[] = {
        OPT_STRING("kind", 0, &kind, "KIND", "list: only the units of KIND (e.g. xa, phuong)"),
        OPT_STRING("on", 0, &on, "DAY",
                   "list: the map of DAY (YYYY-MM-DD); crosswalk load: the day of the change"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &units_doc, options, &args, &done))
        return done;
    if (args >= argc)
        return builtin_usage_error("units", "say 'load FILE', 'crosswalk load FILE', 'list' or "
                                            "'history CODE'");
    const char *verb = argv[args];
    bool load = strcmp(verb, "load") == 0, list = strcmp(verb, "list") == 0;
    bool history = strcmp(verb, "history") == 0, cross = strcmp(verb, "crosswalk") == 0;
    if (!load && !list && !history && !cross)
        return builtin_usage_error("units", "unknown subcommand '%s'", verb);
    if (load && (args + 2 != argc || kind != NULL || on != NULL))
        return builtin_usage_error("units", "usage: kpi units load FILE");
    if (cross && (args + 3 != argc || strcmp(argv[args + 1], "load") != 0 || kind != NULL))
        return builtin_usage_error("units", "usage: kpi units crosswalk load [--on DAY] FILE");
    if (history && (args + 2 != argc || kind != NULL || on != NULL))
        return builtin_usage_error("units", "usage: kpi units history CODE");
    if (list && args + 1 != argc)
        return builtin_usage_error("units", "unexpected argument '%s'", argv[args + 1]);

    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    struct units_result res;
    int found = 0;
    if (list) {
        rc = units_list(conn, kind, on, stdout) == 0 ? KPI_OK : KPI_ERROR;
    } else if (history) {
        if (units_history(conn, argv[args + 1], stdout, &found) == 0)
            rc = found > 0 ? KPI_OK : KPI_REJECTED;
        if (found == 0 && rc == KPI_REJECTED)
            log_error("unit \"%s\" is not registered on any day", argv[args + 1]);
    } else if (load) {
        if (units_load(conn, argv[args + 1], &res) == 0)
            rc = loaded(argv[args + 1], &res, false);
    } else if (units_crosswalk_load(conn, argv[args + 2], on, &res) == 0) {
        rc = loaded(argv[args + 2], &res, true);
    }
    PQfinish(conn);
    return rc;
}
