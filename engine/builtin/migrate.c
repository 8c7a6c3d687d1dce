/*
 * builtin/migrate.c — `kpi migrate`: apply the schema migrations compiled
 * into this binary.
 */
#include "builtin.h"
#include "conn.h"
#include "migrate.h"
#include "status.h"

#include <stdio.h>

static const char usage[] =
    "usage: kpi migrate [--status]\n\n"
    "Apply the schema migrations this kpi carries (sql/NNN_name.sql), each in its own\n"
    "transaction, and record them in kpi.schema_migration. A no-op when the database is up\n"
    "to date; refuses when the database is newer than this kpi.\n\n"
    "  --status   only print the schema version of the database and of this kpi\n";

int cmd_migrate(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},
        {"status", no_argument, NULL, 's'},
        {NULL, 0, NULL, 0},
    };
    bool reset = true, status_only = false;
    int c;
    while ((c = builtin_getopt(argc, argv, "h", opts, &reset)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return KPI_OK;
        case 's':
            status_only = true;
            break;
        default:
            return KPI_USAGE;
        }
    }
    if (optind < argc)
        return builtin_usage_error("migrate", "unexpected argument '%s'", argv[optind]);

    PGconn *conn;
    int rc = KPI_ERROR, applied = 0, version = 0;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    if (status_only) {
        if (migrate_version(conn, &version) != 0)
            goto done;
        printf("database schema version %d; this kpi carries up to %d\n", version,
               migrate_latest());
        rc = KPI_OK;
        goto done;
    }
    if (migrate_run(conn, &applied, &version) != 0)
        goto done;
    if (applied == 0)
        printf("schema up to date at version %d; nothing to do\n", version);
    else
        printf("applied %d migration%s; schema now at version %d\n", applied,
               applied == 1 ? "" : "s", version);
    rc = KPI_OK;
done:
    PQfinish(conn);
    return rc;
}
