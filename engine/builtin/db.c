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

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct command_row db_commands[] = {
    {"start",
     "create the embedded PostgreSQL under KPI_HOME on first use and start it (a no-op "
     "when it runs); runs as the postgres account when kpi runs as root; the only "
     "command that creates or starts it",
     NULL},
    {"stop", "stop it (a no-op when it is stopped)", NULL},
    {"status",
     "say whether it runs; exit 0 when it runs, 3 when it does not (or was never "
     "created), 1 when it runs but is not accessible to you",
     NULL},
    {"url",
     "print the connection string (libpq conninfo) for psql or any tool; with --db or "
     "KPI_DB, that one, its password redacted",
     NULL},
    {"psql",
     "open psql on the kpi database (the password, if any, in psql's environment, "
     "never on its command line); PSQL-ARGS go to psql",
     NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc db_doc = {
    .name = "db",
    .synopsis = "kpi db start [--listen ADDRESS:PORT]\n"
                "kpi db stop|status|url\n"
                "kpi db psql [PSQL-ARGS...]",
    .commands = db_commands,
};

static bool external_db(void)
{
    const char *env = getenv("KPI_DB");
    return (kpi_opts.db && *kpi_opts.db) || (env && *env);
}

static enum kpi_status db_start(const char *listen)
{
    struct pgcluster c;
    bool was_running;
    if (pgcluster_open(&c, kpi_opts.home) != 0 || pgcluster_start(&c, listen, &was_running) != 0)
        return KPI_ERROR;
    printf("%s: %s\n", was_running ? "already running" : "started", c.datadir);
    if (listen != NULL && !was_running)
        printf("listening on %s (scram-sha-256 passwords only)\n", listen);
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
    enum pgcluster_state state;
    char sock[PATH_MAX];
    if (pgcluster_open(&c, kpi_opts.home) != 0)
        return KPI_ERROR;
    pgcluster_probe(&c, &state, sock);
    switch (state) {
    case PGCLUSTER_ABSENT:
        printf("stopped, never created: %s (\"kpi db start\" creates it)\n", c.home);
        return KPI_REJECTED;
    case PGCLUSTER_HIDDEN:
        printf("not accessible to you (uid %ld): %s; whether it runs cannot be told\n",
               (long)geteuid(), c.home);
        return KPI_ERROR;
    case PGCLUSTER_DENIED:
        printf("running, but not accessible to you (uid %ld): socket %s\n", (long)geteuid(), sock);
        return KPI_ERROR;
    case PGCLUSTER_STOPPED:
    case PGCLUSTER_RUNNING:
        break;
    }
    if (access(c.datadir, R_OK | X_OK) != 0) {
        /* another user whose connection the socket accepts: no pid to show */
        if (state == PGCLUSTER_RUNNING)
            printf("running: socket %s\n", sock);
        else
            printf("stopped: %s\n", c.datadir);
        return state == PGCLUSTER_RUNNING ? KPI_OK : KPI_REJECTED;
    }
    bool running;
    long pid;
    if (pgcluster_status(&c, &running, &pid) != 0)
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
        enum pgcluster_state state;
        if (pgcluster_open(&c, kpi_opts.home) == 0) {
            pgcluster_probe(&c, &state, NULL);
            if (state == PGCLUSTER_STOPPED)
                log_warn("the embedded PostgreSQL is not running; start it with 'kpi db start'");
        }
    }
    return KPI_OK;
}

static enum kpi_status db_psql(int argc, char **argv)
{
    char ci[8192], *password;
    if (conn_resolve(kpi_opts.db, kpi_opts.home, true, ci, sizeof ci, NULL) != 0)
        return KPI_ERROR;
    /* a password never goes on psql's command line, which ps shows to everyone */
    char *plain = conn_split_password(ci, &password);
    if (plain == NULL) {
        log_error("could not parse the connection string");
        return KPI_ERROR;
    }
    if (password != NULL && setenv("PGPASSWORD", password, 1) != 0) {
        log_error("could not set PGPASSWORD");
        return KPI_ERROR;
    }
    free(password);
    char **args = calloc((size_t)argc + 3, sizeof *args);
    if (args == NULL)
        return KPI_ERROR;
    args[0] = "psql";
    args[1] = plain;
    for (int i = 0; i < argc; i++)
        args[i + 2] = argv[i];
    proc_exec(args);
    free(args);
    free(plain);
    return KPI_ERROR;
}

enum kpi_status cmd_db(int argc, char **argv)
{
    /* the arguments after psql are psql's own */
    if (argc >= 2 && strcmp(argv[1], "psql") == 0)
        return db_psql(argc - 2, argv + 2);
    const char *listen = NULL;
    struct kpi_option options[] = {
        OPT_STRING("listen", 0, &listen, "ADDRESS:PORT",
                   "start: also listen on TCP there (e.g. 0.0.0.0:5433), scram-sha-256 "
                   "passwords only; off by default"),
        OPT_END(),
    };
    int first;
    enum kpi_status done;
    if (!parse_options(argc, argv, &db_doc, options, &first, &done))
        return done;
    if (first >= argc)
        return builtin_usage_error("db", "say 'start', 'stop', 'status', 'url' or 'psql'");
    const char *sub = argv[first];
    if (first + 1 < argc)
        return builtin_usage_error("db", "unexpected argument '%s'", argv[first + 1]);
    if (listen != NULL && strcmp(sub, "start") != 0)
        return builtin_usage_error("db", "--listen goes with 'db start'");
    if (listen != NULL) {
        char addr[256];
        int port;
        if (pgcluster_parse_listen(listen, addr, sizeof addr, &port) != 0)
            return builtin_usage_error("db",
                                       "--listen '%s': expected ADDRESS:PORT (e.g. "
                                       "0.0.0.0:5433, [::1]:5433, *:5433)",
                                       listen);
    }
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
        return db_start(listen);
    if (strcmp(sub, "stop") == 0)
        return db_stop();
    return builtin_usage_error("db", "unknown subcommand '%s'", sub);
}
