/*
 * kpi.c — the kpi command: its options (--db, --home, --catalog, --version),
 * the table of subcommands that `kpi --help` lists, and dispatch (see
 * builtin.h for the recipe of a subcommand, builtin/parse-options.h for the
 * tables).
 */
#include "builtin.h"

#include "common/log.h"
#include "common/status.h"

#include <stdio.h>
#include <string.h>

struct kpi_options kpi_opts;

static const struct command_row commands[] = {
    {"alerts", "evaluate threshold-breach alerts; deliver, list them", cmd_alerts},
    {"catalog", "check the indicator catalog, or list it as a table", cmd_catalog},
    {"compute", "compute the indicator time series (incremental; --full for all)", cmd_compute},
    {"db", "manage the embedded PostgreSQL (start, stop, status, url, psql)", cmd_db},
    {"finding", "list the data-quality findings; confirm an implausible value", cmd_finding},
    {"ingest", "load agency submission files (CSV) into the database", cmd_ingest},
    {"migrate", "bring the database schema (and catalog) up to date", cmd_migrate},
    {"roles", "create the least-privilege roles; grant them; scope analysts", cmd_roles},
    {"report", "write the leaders' report of a period (HTML, PDF or Excel)", cmd_report},
    {"run", "the nightly batch: migrate, ingest, compute, alerts, deliver, report", cmd_run},
    {"runs", "list the recent nightly runs and their stages", cmd_runs},
    {"show", "print the indicator table (table, csv, json or xlsx)", cmd_show},
    {"submission", "list, show or withdraw the files kpi ingest received", cmd_submission},
    {"template", "write the Excel form a unit fills for a month (.xlsx)", cmd_template},
    {"units", "load or list the registry of organisation units", cmd_units},
    {NULL, NULL, NULL},
};

static const struct command_doc kpi_doc = {
    .name = NULL,
    .synopsis = "kpi [--db CONNINFO] [--home DIR] [--catalog DIR] COMMAND [ARGS]\n"
                "kpi --help | --version | COMMAND --help | help COMMAND",
    .description =
        "kpi computes the Project 06 indicators of Thái Nguyên province (KH 05/KH-UBND)\n"
        "from agency submissions, judges them against the plan's targets and alerts leaders.\n",
    .commands = commands,
    .options_heading = "options (--db, --home, --catalog before or after COMMAND):",
};

static bool want_version;

/* The options of kpi itself; the string ones are taken wherever they stand. */
static const struct kpi_option kpi_own_options[] = {
    OPT_STRING("db", 0, &kpi_opts.db, "CONNINFO",
               "a libpq connection string or URI (default: $KPI_DB, else the embedded "
               "PostgreSQL under KPI_HOME)"),
    OPT_STRING("home", 0, &kpi_opts.home, "DIR",
               "KPI_HOME, where the embedded PostgreSQL lives (default: $KPI_HOME, else ./.kpi)"),
    OPT_STRING("catalog", 0, &kpi_opts.catalog, "DIR",
               "the indicator catalog (default: $KPI_CATALOG, else the shipped one)"),
    OPT_BOOL("version", 0, &want_version, "print the version of kpi and exit"),
    OPT_END(),
};

int main(int argc, char **argv)
{
    if (parse_options_anywhere(&argc, argv, kpi_own_options) != KPI_OK)
        return KPI_USAGE;
    if (argc < 2) {
        usage_with_options(&kpi_doc, kpi_own_options, stderr);
        return KPI_USAGE;
    }
    const char *verb = argv[1];
    if (verb[0] == '-') {
        /* kpi's own options stand alone: only argv[1] is looked at */
        char *own[] = {argv[0], argv[1], NULL};
        int first;
        enum kpi_status done;
        if (!parse_options(2, own, &kpi_doc, kpi_own_options, &first, &done))
            return done;
        verb = want_version ? "version" : argv[1];
    }
    if (strcmp(verb, "help") == 0) {
        if (argc > 2) {
            char *help_argv[] = {argv[2], "--help", NULL};
            for (const struct command_row *c = commands; c->name; c++)
                if (strcmp(c->name, argv[2]) == 0)
                    return c->fn(2, help_argv);
        }
        usage_with_options(&kpi_doc, kpi_own_options, stdout);
        return KPI_OK;
    }
    if (strcmp(verb, "version") == 0) {
        printf("kpi %s\n", KPI_VERSION);
        return KPI_OK;
    }
    for (const struct command_row *c = commands; c->name; c++)
        if (strcmp(c->name, verb) == 0)
            return c->fn(argc - 1, argv + 1);
    fprintf(stderr, "kpi: '%s' is not a kpi command\nhint: try 'kpi --help'\n", verb);
    return KPI_USAGE;
}
