/*
 * builtin/migrate.c — `kpi migrate`: apply the schema migrations compiled
 * into this binary, then load the indicator catalog into the database.
 */
#include "builtin.h"
#include "catalog/catalog.h"
#include "db/conn.h"
#include "common/log.h"
#include "db/migrate.h"
#include "common/status.h"

#include <limits.h>
#include <stdio.h>

static const struct command_doc migrate_doc = {
    .name = "migrate",
    .synopsis = "kpi migrate [--status]",
    .description =
        "Apply the schema migrations this kpi carries (sql/NNN_name.sql), each in its own\n"
        "transaction, and record them in kpi.schema_migration. A no-op when the database is up\n"
        "to date; refuses when the database is newer than this kpi.\n\n"
        "Then load the indicator catalog (--catalog DIR, else $KPI_CATALOG, else the shipped one)\n"
        "into kpi.metric and kpi.indicator: new rows are added, changed rows updated, nothing is\n"
        "deleted; every change is reported and the load recorded in kpi.catalog_load. A catalog\n"
        "with problems is not loaded (exit 3; 'kpi catalog check' lists them).\n",
};

/* Print the catalog version of the database and of DIR. */
static enum kpi_status catalog_status(PGconn *conn, const char *dir)
{
    char loaded[HASH_HEX_LEN];
    struct catalog *cat;
    if (catalog_loaded_version(conn, loaded) != 0 || catalog_load(dir, &cat) != 0)
        return KPI_ERROR;
    printf("database catalog version %.12s; %s has %.12s%s\n", loaded[0] ? loaded : "(none)", dir,
           cat->version, cat->n_problems ? " (with problems)" : "");
    catalog_free(cat);
    return KPI_OK;
}

enum kpi_status cmd_migrate(int argc, char **argv)
{
    bool status_only = false;
    struct kpi_option options[] = {
        OPT_BOOL("status", 0, &status_only,
                 "only print the schema and catalog versions of the database and of this kpi"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &migrate_doc, options, &args, &done))
        return done;
    if (args < argc)
        return builtin_usage_error("migrate", "unexpected argument '%s'", argv[args]);

    PGconn *conn;
    char dir[PATH_MAX];
    int rc = KPI_ERROR, applied = 0, definitions = 0, version = 0;
    if (catalog_dir(kpi_opts.catalog, dir, sizeof dir) != 0)
        return KPI_ERROR;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    if (status_only) {
        if (migrate_version(conn, &version) != KPI_OK)
            goto done;
        printf("database schema version %d; this kpi carries up to %d\n", version,
               migrate_latest());
        rc = catalog_status(conn, dir);
        goto done;
    }
    if (migrate_run(conn, &applied, &definitions, &version) != KPI_OK)
        goto done;
    if (applied == 0 && definitions == 0)
        printf("schema up to date at version %d; nothing to do\n", version);
    else if (applied == 0)
        printf("applied %d definition%s; schema at version %d\n", definitions,
               definitions == 1 ? "" : "s", version);
    else if (definitions == 0)
        printf("applied %d migration%s; schema now at version %d\n", applied,
               applied == 1 ? "" : "s", version);
    else
        printf("applied %d migration%s and %d definition%s; schema now at version %d\n", applied,
               applied == 1 ? "" : "s", definitions, definitions == 1 ? "" : "s", version);
    fflush(stdout);
    rc = catalog_sync(conn, dir, stdout, NULL);
done:
    PQfinish(conn);
    return rc;
}
