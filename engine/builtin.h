/*
 * builtin.h — the subcommands of kpi, one C file each under builtin/.
 *
 * Adding a command (the recipe):
 *   1. Write builtin/VERB.c with `int cmd_VERB(int argc, char **argv)`.
 *      argv[0] is the verb itself; parse options with builtin_getopt() so that
 *      errors read alike; `--help` prints the usage on stdout and returns 0.
 *   2. Declare cmd_VERB below and add a row to the table in kpi.c (name,
 *      function, one-line summary shown by `kpi --help`).
 *   3. List builtin/VERB.c in engine/meson.build.
 *   4. Return a status of status.h; kpi exits with it. Report problems with
 *      log_error() in the PostgreSQL message style (lower case, no period).
 *
 * Options shared by every command (--db, --home, --catalog) are taken out of
 * argv by kpi.c before the command runs, wherever they stand, and are found
 * in kpi_opts.
 */
#ifndef KPI_BUILTIN_H
#define KPI_BUILTIN_H

#include <getopt.h>
#include <stdbool.h>

struct kpi_options {
    const char *db;      /* --db CONNINFO, else NULL ($KPI_DB or the embedded cluster) */
    const char *home;    /* --home DIR, else NULL ($KPI_HOME or ./.kpi) */
    const char *catalog; /* --catalog DIR, else NULL ($KPI_CATALOG or the shipped one) */
};

extern struct kpi_options kpi_opts;

/*
 * builtin_getopt: getopt_long for a subcommand, with kpi's error messages.
 * Returns the option, -1 at the end, or '?' after printing
 * "kpi CMD: unknown option ..." and a usage hint (the caller then returns
 * KPI_USAGE). Call with *reset = true for the first call of a command.
 */
int builtin_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
                   bool *reset);

/* builtin_usage_error: print "kpi CMD: MESSAGE" and the hint; returns KPI_USAGE. */
int builtin_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

int cmd_alerts(int argc, char **argv);
int cmd_catalog(int argc, char **argv);
int cmd_compute(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_roles(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_runs(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_units(int argc, char **argv);

#endif
