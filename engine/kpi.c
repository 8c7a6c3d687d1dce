/*
 * kpi.c — the kpi command: global options, the table of subcommands, and
 * dispatch (see builtin.h for the recipe of a subcommand).
 */
#include "builtin.h"

#include "common/log.h"
#include "common/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct kpi_options kpi_opts;

struct cmd_struct {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
};

static const struct cmd_struct commands[] = {
    {"alerts", cmd_alerts, "evaluate threshold-breach alerts; deliver, list them"},
    {"catalog", cmd_catalog, "check the indicator catalog, or list it as a table"},
    {"compute", cmd_compute, "compute the indicator time series (incremental; --full for all)"},
    {"db", cmd_db, "manage the embedded PostgreSQL (start, stop, status, url, psql)"},
    {"ingest", cmd_ingest, "load agency submission files (CSV) into the database"},
    {"migrate", cmd_migrate, "bring the database schema (and catalog) up to date"},
    {"roles", cmd_roles, "create the least-privilege roles; grant them; scope analysts"},
    {"report", cmd_report, "write the leaders' HTML report of a period"},
    {"run", cmd_run, "the nightly batch: migrate, ingest, compute, alerts, deliver, report"},
    {"runs", cmd_runs, "list the recent nightly runs and their stages"},
    {"show", cmd_show, "print the indicator table (table, csv or json)"},
    {"units", cmd_units, "load or list the registry of organisation units"},
};

static void print_usage(FILE *out)
{
    fputs("usage: kpi [--db CONNINFO] [--home DIR] [--catalog DIR] COMMAND [ARGS]\n"
          "       kpi --help | --version | COMMAND --help\n\n"
          "kpi computes the Project 06 indicators of Thái Nguyên province (KH 05/KH-UBND)\n"
          "from agency submissions, judges them against the plan's targets and alerts leaders.\n\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\noptions (before or after COMMAND):\n"
          "  --db CONNINFO   a libpq connection string or URI (default: $KPI_DB, else the\n"
          "                  embedded PostgreSQL under KPI_HOME)\n"
          "  --home DIR      KPI_HOME, where the embedded PostgreSQL lives (default: $KPI_HOME,\n"
          "                  else ./.kpi)\n"
          "  --catalog DIR   the indicator catalog (default: $KPI_CATALOG, else the shipped one)\n",
          out);
}

int builtin_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "kpi %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nhint: try 'kpi %s --help'\n", cmd);
    return KPI_USAGE;
}

int builtin_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
                   bool *reset)
{
    char spec[64];
    if (*reset) {
        optind = 0; /* glibc: re-initialise */
        *reset = false;
    }
    opterr = 0;
    snprintf(spec, sizeof spec, ":%s", shortopts);
    int c = getopt_long(argc, argv, spec, longopts, NULL);
    if (c == '?') {
        const char *bad = argv[optind - 1];
        if (optopt != 0 && strncmp(bad, "--", 2) != 0)
            builtin_usage_error(argv[0], "unknown option '-%c'", optopt);
        else
            builtin_usage_error(argv[0], "unknown option '%s'", bad);
        return '?';
    }
    if (c == ':') {
        builtin_usage_error(argv[0], "option '%s' needs a value", argv[optind - 1]);
        return '?';
    }
    return c;
}

/*
 * Take the shared options out of argv, wherever they stand before "--".
 * Returns the new argc, or -1 after a usage error.
 */
static int take_global_options(int argc, char **argv)
{
    static const struct {
        const char *name;
        const char **slot;
    } globals[] = {
        {"--db", &kpi_opts.db},
        {"--home", &kpi_opts.home},
        {"--catalog", &kpi_opts.catalog},
    };
    int out = 1;
    for (int i = 1; i < argc; i++) {
        bool taken = false;
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc)
                argv[out++] = argv[i++];
            break;
        }
        for (size_t g = 0; g < sizeof globals / sizeof globals[0] && !taken; g++) {
            size_t n = strlen(globals[g].name);
            if (strncmp(argv[i], globals[g].name, n) != 0)
                continue;
            if (argv[i][n] == '=') {
                *globals[g].slot = argv[i] + n + 1;
                taken = true;
            } else if (argv[i][n] == '\0') {
                if (i + 1 >= argc) {
                    fprintf(stderr, "kpi: option '%s' needs a value\nhint: try 'kpi --help'\n",
                            globals[g].name);
                    return -1;
                }
                *globals[g].slot = argv[++i];
                taken = true;
            }
        }
        if (!taken)
            argv[out++] = argv[i];
    }
    argv[out] = NULL;
    return out;
}

int main(int argc, char **argv)
{
    argc = take_global_options(argc, argv);
    if (argc < 0)
        return KPI_USAGE;
    if (argc < 2) {
        print_usage(stderr);
        return KPI_USAGE;
    }
    const char *verb = argv[1];
    if (strcmp(verb, "--help") == 0 || strcmp(verb, "-h") == 0 || strcmp(verb, "help") == 0) {
        if (argc > 2 && strcmp(verb, "help") == 0) {
            char *help_argv[] = {argv[2], "--help", NULL};
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (strcmp(commands[i].name, argv[2]) == 0)
                    return commands[i].fn(2, help_argv);
        }
        print_usage(stdout);
        return KPI_OK;
    }
    if (strcmp(verb, "--version") == 0 || strcmp(verb, "version") == 0) {
        printf("kpi %s\n", KPI_VERSION);
        return KPI_OK;
    }
    if (verb[0] == '-') {
        fprintf(stderr, "kpi: unknown option '%s'\nhint: try 'kpi --help'\n", verb);
        return KPI_USAGE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, verb) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "kpi: '%s' is not a kpi command\nhint: try 'kpi --help'\n", verb);
    return KPI_USAGE;
}
