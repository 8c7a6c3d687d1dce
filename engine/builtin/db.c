/*
 * builtin/db.c — `kpi db start|stop|status|url|psql`: the embedded PostgreSQL
 * under KPI_HOME, as operators and analysts see it.
 */
#include "builtin.h"
#include "db/conn.h"
#include "common/log.h"
#include "db/pgcluster.h"
#include "common/proc.h"
#include "common/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct command_row db_commands[] = {
    {"start",
     "create the embedded PostgreSQL under KPI_HOME on first use and start it (a no-op "
     "when it runs); runs as the postgres account when kpi runs as root",
     NULL},
    {"stop", "stop it (a no-op when it is stopped)", NULL},
    {"status", "say whether it runs; exit 0 when it runs, 3 when it does not", NULL},
    {"url",
     "print the connection string (libpq conninfo) for psql or any tool; with --db or "
     "KPI_DB, that one, its password redacted",
     NULL},
    {"psql",
     "open psql on the kpi database (starting the embedded server if needed); "
     "PSQL-ARGS go to psql",
     NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc db_doc = {
    .name = "db",
    .synopsis = "kpi db start|stop|status|url|psql [PSQL-ARGS...]",
    .commands = db_commands,
};

static bool external_db(void)
{
    const char *env = getenv("KPI_DB");
    return (kpi_opts.db && *kpi_opts.db) || (env && *env);
}

static enum kpi_status db_start(void)
{
    struct pgcluster c;
    bool was_running;
    if (pgcluster_open(&c, kpi_opts.home) != 0 || pgcluster_start(&c, &was_running) != 0)
        return KPI_ERROR;
    printf("%s: %s\n", was_running ? "already running" : "started", c.datadir);
    return KPI_OK;
}

static enum kpi_status db_stop(void)
{
    struct pgcluster c;
    bool was_running;
    if (pgcluster_open(&c, kpi_opts.home) != 0 || pgcluster_stop(&c, &was_running) != 0)
        return KPI_ERROR;
    printf("%s: %s\n", was_running ? "stopped" : "not running", c.datadir);
    return KPI_OK;
}

static enum kpi_status db_status(void)
{
    if (external_db()) {
        PGconn *conn;
        if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
            return KPI_ERROR;
        printf("reachable: PostgreSQL %d, database \"%s\"\n", PQserverVersion(conn), PQdb(conn));
        PQfinish(conn);
        return KPI_OK;
    }
    struct pgcluster c;
    bool running;
    long pid;
    if (pgcluster_open(&c, kpi_opts.home) != 0 || pgcluster_status(&c, &running, &pid) != 0)
        return KPI_ERROR;
    if (running)
        printf("running (pid %ld): data %s, socket %s, log %s\n", pid, c.datadir, c.sockdir,
               c.logfile);
    else
        printf("stopped: %s\n", c.datadir);
    return running ? KPI_OK : KPI_REJECTED;
}

static enum kpi_status db_url(void)
{
    char ci[8192];
    bool embedded;
    if (conn_resolve(kpi_opts.db, kpi_opts.home, false, ci, sizeof ci, &embedded) != 0)
        return KPI_ERROR;
    char *safe = conn_redact(ci);
    if (safe == NULL) {
        log_error("could not parse the connection string");
        return KPI_ERROR;
    }
    puts(safe);
    free(safe);
    if (embedded) {
        struct pgcluster c;
        bool running;
        long pid;
        if (pgcluster_open(&c, kpi_opts.home) == 0 && pgcluster_status(&c, &running, &pid) == 0 &&
            !running)
            log_warn("the embedded PostgreSQL is not running; start it with 'kpi db start'");
    }
    return KPI_OK;
}

static enum kpi_status db_psql(int argc, char **argv)
{
    char ci[8192];
    if (conn_resolve(kpi_opts.db, kpi_opts.home, true, ci, sizeof ci, NULL) != 0)
        return KPI_ERROR;
    char **args = calloc((size_t)argc + 3, sizeof *args);
    if (args == NULL)
        return KPI_ERROR;
    args[0] = "psql";
    args[1] = ci;
    for (int i = 0; i < argc; i++)
        args[i + 2] = argv[i];
    proc_exec(args);
    free(args);
    return KPI_ERROR;
}

enum kpi_status cmd_db(int argc, char **argv)
{
    /* no options: the arguments after psql are psql's own */
    if (argc < 2) {
        usage_with_options(&db_doc, NULL, stderr);
        return KPI_USAGE;
    }
    const char *sub = argv[1];
    if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
        usage_with_options(&db_doc, NULL, stdout);
        return KPI_OK;
    }
    if (strcmp(sub, "psql") == 0)
        return db_psql(argc - 2, argv + 2);
    if (argc > 2)
        return builtin_usage_error("db", "unexpected argument '%s'", argv[2]);
    if (strcmp(sub, "url") == 0)
        return db_url();
    if (strcmp(sub, "status") == 0)
        return db_status();
    if ((strcmp(sub, "start") == 0 || strcmp(sub, "stop") == 0) && external_db())
        return builtin_usage_error("db",
                                   "'db %s' manages the embedded PostgreSQL; unset KPI_DB "
                                   "and --db to use it",
                                   sub);
    if (strcmp(sub, "start") == 0)
        return db_start();
    if (strcmp(sub, "stop") == 0)
        return db_stop();
    return builtin_usage_error("db", "unknown subcommand '%s'", sub);
}
