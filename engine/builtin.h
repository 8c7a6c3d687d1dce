/*
 * builtin.h — the subcommands of kpi, one C file each under builtin/.
 *
 * Adding a command (the recipe):
 *   1. Write builtin/VERB.c with `enum kpi_status cmd_VERB(int argc, char **argv)`.
 *      argv[0] is the verb itself. At its top: a `static const struct
 *      command_doc doc` (name, synopsis lines, description, the table of
 *      sub-subcommands if any, an epilogue such as the exit status) and a
 *      table `struct kpi_option options[]` with one row per option
 *      (OPT_BOOL, OPT_STRING, OPT_MONTH, OPT_INTEGER, OPT_CALLBACK ...: the
 *      long name, a short letter or 0, where the value goes, the help line),
 *      ended by OPT_END(); then
 *          int first;
 *          enum kpi_status done;
 *          if (!parse_options(argc, argv, &doc, options, &first, &done))
 *              return done;
 *      and argv[first..argc) are the operands. `--help` is printed from the
 *      table (builtin/parse-options.h): never write a usage string by hand.
 *      Checks that need more than one option report with
 *      builtin_usage_error(), so that errors read alike.
 *   2. Declare cmd_VERB below and add a row to the table in kpi.c (name,
 *      one-line summary shown by `kpi --help`, function).
 *   3. List builtin/VERB.c in engine/meson.build.
 *   4. Return a status of status.h; kpi exits with it. Report problems with
 *      log_error() in the PostgreSQL message style (lower case, no period).
 *   5. Write its man page docs/man/kpi-VERB.1.scd (every option and
 *      sub-subcommand of --help, and no other: tests/test_docs_help.c checks
 *      both ways), list it in docs/man/meson.build, and name it in the
 *      COMMANDS and SEE ALSO of docs/man/kpi.1.scd.
 *
 * Options shared by every command (--db, --home, --catalog) are taken out of
 * argv by kpi.c before the command runs, wherever they stand, and are found
 * in kpi_opts (their rows are kpi.c's kpi_own_options).
 */
#ifndef KPI_BUILTIN_H
#define KPI_BUILTIN_H

#include "builtin/parse-options.h"

struct kpi_options {
    const char *db;      /* --db CONNINFO, else NULL ($KPI_DB or the embedded cluster) */
    const char *home;    /* --home DIR, else NULL ($KPI_HOME or ./.kpi) */
    const char *catalog; /* --catalog DIR, else NULL ($KPI_CATALOG or the shipped one) */
};

extern struct kpi_options kpi_opts;

enum kpi_status cmd_alerts(int argc, char **argv);
enum kpi_status cmd_catalog(int argc, char **argv);
enum kpi_status cmd_compute(int argc, char **argv);
enum kpi_status cmd_db(int argc, char **argv);
enum kpi_status cmd_finding(int argc, char **argv);
enum kpi_status cmd_ingest(int argc, char **argv);
enum kpi_status cmd_migrate(int argc, char **argv);
enum kpi_status cmd_report(int argc, char **argv);
enum kpi_status cmd_roles(int argc, char **argv);
enum kpi_status cmd_run(int argc, char **argv);
enum kpi_status cmd_runs(int argc, char **argv);
enum kpi_status cmd_show(int argc, char **argv);
enum kpi_status cmd_submission(int argc, char **argv);
enum kpi_status cmd_template(int argc, char **argv);
enum kpi_status cmd_units(int argc, char **argv);

#endif
