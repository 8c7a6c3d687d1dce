/*
 * builtin/run.c — `kpi run`: the nightly batch. Under the run lock:
 * migrate (schema and catalog) → ingest the inbox (archiving each file) →
 * incremental compute → evaluate alerts → deliver notifications → write the
 * reports due today → a summary. Every stage is logged in kpi.run with its
 * counts and duration; a run that died is recovered by the next one.
 */
#include "alerts/alerts.h"
#include "builtin.h"
#include "catalog/catalog.h"
#include "common/hash.h"
#include "compute/compute.h"
#include "db/conn.h"
#include "alerts/deliver.h"
#include "ingest/inbox.h"
#include "common/interrupt.h"
#include "common/log.h"
#include "db/migrate.h"
#include "report/report.h"
#include "alerts/routes.h"
#include "run/runlog.h"
#include "common/status.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const struct command_doc run_doc = {
    .name = "run",
    .synopsis = "kpi run [--inbox DIR] [--routes FILE] [--deliver | --no-deliver]\n"
                "        [--report-dir DIR] [--date YYYY-MM-DD] [--wait[=SECONDS]]\n"
                "        [--log-format text|json]",
    .description =
        "The nightly batch: migrate the schema and load the catalog, ingest every *.csv of the\n"
        "inbox in name order (moving each to DIR/processed/ or DIR/rejected/), compute the\n"
        "indicators incrementally, evaluate alerts, deliver notifications, write the reports due\n"
        "today, and print a summary. Each stage is logged in kpi.run ('kpi runs' lists them).\n"
        "Only one run at a time; a run that died is marked failed by the next, which redoes its\n"
        "work. Safe to re-run.\n",
    .epilogue =
        "exit status: 0 success; 3 success, but some rows or files were rejected, or a\n"
        "notification failed or is still pending after its retries ('kpi runs' says which\n"
        "receiver and why); 4 another run holds the lock; 1 failure (the stage in progress\n"
        "rolled back; the next run completes it); 2 usage\n",
};

struct run_args {
    const char *inbox, *routes, *report_dir, *date;
    bool deliver;
    int wait; /* < 0: no wait; 0: for ever; N: seconds */
};

struct run_state {
    PGconn *conn;
    int64_t id;
    struct timespec t0;
    char t0_iso[32];
    const char *stage;
    bool rejected;    /* some input rejected: the run is partial */
    bool undelivered; /* a notification failed, or is pending after its retries: partial */
    long long alerts_fired, alerts_resolved, sent, pending;
    FILE *summary; /* the text summary, printed at the end */
};

static double elapsed(const struct timespec *since)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - since->tv_sec) + (double)(now.tv_nsec - since->tv_nsec) / 1e9;
}

static void stage_begin(struct run_state *rs, const char *stage)
{
    rs->stage = stage;
    log_set_stage(stage);
    clock_gettime(CLOCK_MONOTONIC, &rs->t0);
    log_timestamp(rs->t0_iso);
}

/* Record the stage that just ended; takes COUNTS (may be NULL). */
static enum kpi_status stage_end(struct run_state *rs, const char *status, cJSON *counts,
                                 const char *line)
{
    double secs = elapsed(&rs->t0);
    int rc = KPI_OK;
    if (rs->id > 0)
        rc = runlog_stage(rs->conn, rs->id, rs->stage, status, rs->t0_iso, secs, counts);
    log_counts(counts, "%s: %s (%.2f s)", rs->stage, line, secs);
    fprintf(rs->summary, "  %-8s %8.2f s  %s%s\n", rs->stage, secs, line,
            strcmp(status, "ok") == 0       ? ""
            : strcmp(status, "failed") == 0 ? "  [failed]"
                                            : "");
    cJSON_Delete(counts);
    return rc;
}

/* The boolean SQL returns (one row, one column) into *out. KPI_OK, or KPI_ERROR ("could not WHAT").
 */
static enum kpi_status query_bool(PGconn *conn, const char *sql, const char *what, bool *out)
{
    PGresult *res = conn_exec(conn, sql, 0, NULL, what);
    if (res == NULL)
        return KPI_ERROR;
    *out = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    return KPI_OK;
}

/*
 * Whether the session may migrate: it owns schema kpi (or is a member of its
 * owner, or a superuser), or, before the schema exists, may create schemas in
 * the database. Into *may. Returns KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status may_migrate(PGconn *conn, bool *may)
{
    return query_bool(
        conn,
        "SELECT COALESCE((SELECT pg_catalog.pg_has_role(current_user, n.nspowner, 'USAGE')"
        "                   FROM pg_catalog.pg_namespace n WHERE n.nspname = 'kpi'),"
        "                pg_catalog.has_database_privilege(pg_catalog.current_database(),"
        "                                                  'CREATE'))",
        "could not read the privileges of the session", may);
}

/*
 * Whether the database holds the catalog of DIR as loaded last (a catalog with
 * problems never counts as loaded): *current. Returns KPI_OK, or KPI_ERROR
 * (logged). LOADED and MINE receive the two versions ("" when none).
 */
static enum kpi_status catalog_current(PGconn *conn, const char *dir, bool *current,
                                       char loaded[HASH_HEX_LEN], char mine[HASH_HEX_LEN])
{
    struct catalog *cat;
    *current = false;
    mine[0] = '\0';
    if (catalog_loaded_version(conn, loaded) != KPI_OK || catalog_load(dir, &cat) != KPI_OK)
        return KPI_ERROR;
    snprintf(mine, HASH_HEX_LEN, "%s", cat->version);
    *current = cat->n_problems == 0 && strcmp(loaded, cat->version) == 0;
    catalog_free(cat);
    return KPI_OK;
}

/*
 * The migrate stage. A database at this kpi's schema, definitions and
 * catalog is only read (no lock, no DDL, nothing written: a kpi_writer
 * login's nightly). Otherwise a session that may migrate (the owner, a
 * superuser) migrates and loads the catalog; any other fails, saying what
 * to run and as whom.
 */
static enum kpi_status stage_migrate(struct run_state *rs)
{
    int applied = 0, definitions = 0, version = 0, changed = 0, stale = 0;
    const char *first_stale = NULL;
    char dir[PATH_MAX], line[160], loaded[HASH_HEX_LEN] = "", mine[HASH_HEX_LEN] = "";
    bool cat_ok = false, may = false;
    stage_begin(rs, "migrate");
    if (catalog_dir(kpi_opts.catalog, dir, sizeof dir) != 0)
        return KPI_ERROR;
    enum kpi_status schema = migrate_check(rs->conn, &version, &stale, &first_stale);
    if (schema == KPI_ERROR)
        return KPI_ERROR;
    if (schema == KPI_OK && catalog_current(rs->conn, dir, &cat_ok, loaded, mine) != KPI_OK)
        return KPI_ERROR;
    if (schema != KPI_OK || !cat_ok) {
        if (may_migrate(rs->conn, &may) != KPI_OK)
            return KPI_ERROR;
        if (!may && schema != KPI_OK) {
            if (version == 0)
                log_error("the database has no kpi schema, this kpi needs %d: run \"kpi migrate\" "
                          "as the owner",
                          migrate_latest());
            else if (version < migrate_latest())
                log_error("the schema is at %d, this kpi needs %d: run \"kpi migrate\" as the "
                          "owner",
                          version, migrate_latest());
            else
                log_error("%d definition%s of schema kpi (%s%s) differ%s from this kpi's: run "
                          "\"kpi migrate\" as the owner",
                          stale, stale == 1 ? "" : "s", first_stale ? first_stale : "?",
                          stale > 1 ? " and others" : "", stale == 1 ? "s" : "");
            return KPI_ERROR;
        }
        if (!may) {
            log_error("the catalog of the database is %.12s, this kpi's (%s) is %.12s: run "
                      "\"kpi migrate\" as the owner",
                      loaded[0] ? loaded : "(none)", dir, mine);
            return KPI_ERROR;
        }
        if (migrate_run(rs->conn, &applied, &definitions, &version) != KPI_OK)
            return KPI_ERROR;
        int rc = catalog_sync(rs->conn, dir, NULL, &changed);
        if (rc != KPI_OK)
            return rc == KPI_REJECTED ? KPI_ERROR : rc;
    }
    cJSON *c = cJSON_CreateObject();
    cJSON_AddNumberToObject(c, "migrations_applied", applied);
    cJSON_AddNumberToObject(c, "definitions_applied", definitions);
    cJSON_AddNumberToObject(c, "schema_version", version);
    cJSON_AddNumberToObject(c, "catalog_changes", changed);
    snprintf(line, sizeof line,
             "schema version %d (%d migrations, %d definitions applied), catalog changes %d",
             version, applied, definitions, changed);
    return stage_end(rs, "ok", c, line);
}

static enum kpi_status stage_ingest(struct run_state *rs, const struct run_args *a)
{
    struct codes *sets = NULL;
    struct inbox in = {.conn = rs->conn, .archive = a->inbox, .opt = {.max_messages = 100}};
    /* receipts beside the archived files, e-mailed to the routes' agencies (a routes file
     * with problems sends none: the alerts stage reports them) */
    struct receipt_options receipts = {0};
    struct routes *routes = NULL;
    char line[256];
    int rc = KPI_ERROR;
    stage_begin(rs, "ingest");
    if (a->inbox == NULL)
        return stage_end(rs, "skipped", NULL, "no inbox (--inbox or KPI_INBOX)");
    if (inbox_prepare_archive(a->inbox) != 0 || codes_load(rs->conn, &sets) != 0)
        goto done;
    in.sets = sets;
    if (a->routes != NULL) {
        char *problems = NULL;
        size_t len = 0;
        int n;
        FILE *sink = open_memstream(&problems, &len);
        if (sink != NULL && routes_load(a->routes, sink, &routes, &n) == KPI_OK)
            receipts.routes = routes;
        if (sink != NULL)
            fclose(sink);
        free(problems);
    }
    in.receipts = &receipts;
    rc = inbox_ingest_path(&in, a->inbox) == 0 ? KPI_OK : KPI_ERROR;
done:
    codes_free(sets);
    routes_free(routes);
    const struct inbox_totals *t = &in.totals;
    cJSON *c = cJSON_CreateObject();
    cJSON_AddNumberToObject(c, "files_accepted", (double)t->files_accepted);
    cJSON_AddNumberToObject(c, "files_partial", (double)t->files_partial);
    cJSON_AddNumberToObject(c, "files_rejected", (double)t->files_rejected);
    cJSON_AddNumberToObject(c, "files_already", (double)t->files_already);
    cJSON_AddNumberToObject(c, "rows_accepted", (double)t->rows_accepted);
    cJSON_AddNumberToObject(c, "rows_rejected", (double)t->rows_rejected);
    cJSON_AddNumberToObject(c, "rows_new", (double)t->rows_new);
    cJSON_AddNumberToObject(c, "rows_revised", (double)t->rows_revised);
    snprintf(line, sizeof line,
             "files %ld accepted, %ld partly, %ld rejected, %ld already in; rows %lld accepted "
             "(%lld revised), %lld rejected",
             t->files_accepted, t->files_partial, t->files_rejected, t->files_already,
             t->rows_accepted, t->rows_revised, t->rows_rejected);
    rs->rejected = inbox_rejected_any(t);
    int st = stage_end(rs, rc != KPI_OK ? "failed" : rs->rejected ? "partial" : "ok", c, line);
    return rc != KPI_OK ? rc : st;
}

static enum kpi_status stage_compute(struct run_state *rs)
{
    struct compute_opts opts = {0};
    struct compute_result res;
    char line[256];
    stage_begin(rs, "compute");
    enum kpi_status rc = compute_run(rs->conn, &opts, &res);
    if (rc != KPI_OK)
        return rc;
    cJSON *c = cJSON_CreateObject();
    cJSON_AddNumberToObject(c, "cells_recomputed", (double)res.cells_in_scope);
    cJSON_AddNumberToObject(c, "cells_changed", (double)res.cells_changed);
    cJSON_AddNumberToObject(c, "findings", (double)res.findings);
    cJSON_AddBoolToObject(c, "full", res.full);
    cJSON_AddNumberToObject(c, "compute_run_id", (double)res.run_id);
    snprintf(line, sizeof line, "%s: %lld cells recomputed, %lld changed, %lld data findings",
             res.full ? "full" : "incremental", res.cells_in_scope, res.cells_changed,
             res.findings);
    return stage_end(rs, "ok", c, line);
}

static enum kpi_status stage_alerts(struct run_state *rs, const struct run_args *a,
                                    struct routes **routes)
{
    struct alerts_summary sum = {0};
    struct alerts_options opt = {.out = stdout};
    char line[256], now[48];
    if (a->date != NULL) {
        /* a run for another day (a backfill) judges alerts at the end of that day */
        snprintf(now, sizeof now, "%.10s 23:59:59+07", a->date);
        opt.now = now;
    }
    stage_begin(rs, "alerts");
    if (a->routes == NULL)
        return stage_end(rs, "skipped", NULL, "no routes (--routes or KPI_ROUTES)");
    int problems;
    if (routes_load(a->routes, stderr, routes, &problems) != KPI_OK) {
        log_error("the routes file \"%s\" has problems (see above); correct it and run again",
                  a->routes);
        return KPI_ERROR;
    }
    if (alerts_evaluate(rs->conn, *routes, &opt, &sum) != 0)
        return KPI_ERROR;
    rs->alerts_fired = sum.fired;
    rs->alerts_resolved = sum.resolved;
    cJSON *c = cJSON_CreateObject();
    cJSON_AddNumberToObject(c, "fired", sum.fired);
    cJSON_AddNumberToObject(c, "reminded", sum.reminded);
    cJSON_AddNumberToObject(c, "escalated", sum.escalated);
    cJSON_AddNumberToObject(c, "resolved", sum.resolved);
    cJSON_AddNumberToObject(c, "restated", sum.restated);
    cJSON_AddNumberToObject(c, "notifications", sum.notifications);
    snprintf(line, sizeof line,
             "%ld fired, %ld reminded, %ld escalated, %ld resolved, %ld restated; %ld "
             "notifications queued",
             sum.fired, sum.reminded, sum.escalated, sum.resolved, sum.restated, sum.notifications);
    return stage_end(rs, "ok", c, line);
}

static enum kpi_status stage_deliver(struct run_state *rs, const struct run_args *a,
                                     const struct routes *routes)
{
    struct deliver_summary sum = {0};
    char line[128];
    stage_begin(rs, "deliver");
    if (routes == NULL)
        return stage_end(rs, "skipped", NULL, "no routes");
    if (!a->deliver)
        return stage_end(rs, "skipped", NULL, "--no-deliver: notifications left pending");
    enum kpi_status rc = deliver_run(rs->conn, routes, &sum);
    if (rc == KPI_ERROR) {
        deliver_summary_free(&sum);
        return KPI_ERROR;
    }
    rs->sent = sum.sent;
    rs->pending = sum.pending;
    cJSON *c = cJSON_CreateObject();
    cJSON_AddNumberToObject(c, "sent", sum.sent);
    cJSON_AddNumberToObject(c, "pending", sum.pending);
    cJSON_AddNumberToObject(c, "failed", sum.failed);
    /* which receiver, and why (kpi runs prints them; the JSON log carries them) */
    cJSON *problems = cJSON_AddArrayToObject(c, "undelivered");
    for (size_t i = 0; problems != NULL && i < sum.nproblems; i++) {
        const struct deliver_problem *p = &sum.problems[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "notification", (double)p->outbox_id);
        cJSON_AddStringToObject(o, "receiver", p->receiver);
        cJSON_AddStringToObject(o, "state", p->failed ? "failed" : "pending");
        cJSON_AddStringToObject(o, "error", p->why);
        cJSON_AddItemToArray(problems, o);
    }
    snprintf(line, sizeof line, "%ld sent, %ld pending, %ld failed%s", sum.sent, sum.pending,
             sum.failed, rc == KPI_LOCKED ? " (another delivery was in progress)" : "");
    for (size_t i = 0; i < sum.nproblems; i++)
        log_warn("notification %lld to %s %s: %s", sum.problems[i].outbox_id,
                 sum.problems[i].receiver, sum.problems[i].failed ? "failed" : "is still pending",
                 sum.problems[i].why);
    /* a receiver that is down does not fail the run (the notifications wait for the next),
     * but the run says so: partial, exit 3 */
    rs->undelivered = sum.pending > 0 || sum.failed > 0;
    deliver_summary_free(&sum);
    return stage_end(rs, rs->undelivered ? "partial" : "ok", c, line);
}

static enum kpi_status stage_report(struct run_state *rs, const struct run_args *a,
                                    const char *date)
{
    int written = 0;
    char line[PATH_MAX + 64];
    stage_begin(rs, "report");
    if (a->report_dir == NULL)
        return stage_end(rs, "skipped", NULL, "no report folder (--report-dir or KPI_REPORT_DIR)");
    if (mkdir(a->report_dir, 0755) != 0 && errno != EEXIST) {
        log_error("could not create directory \"%s\": %s", a->report_dir, strerror(errno));
        return KPI_ERROR;
    }
    int rc = report_write_due(rs->conn, date, a->report_dir, &written);
    if (rc != KPI_OK && rc != KPI_REJECTED)
        return KPI_ERROR;
    cJSON *c = cJSON_CreateObject();
    cJSON_AddNumberToObject(c, "reports_written", written);
    snprintf(line, sizeof line, "%d report%s written to %s (date %s)%s", written,
             written == 1 ? "" : "s", a->report_dir, date,
             rc == KPI_REJECTED ? "; a report due had no computed values yet" : "");
    /* data not in yet is not a failure of the run: the report waits for it */
    return stage_end(rs, rc == KPI_OK ? "ok" : "partial", c, line);
}

/* Whether the database has kpi.run (a schema kpi ever migrated): *exists. KPI_OK or KPI_ERROR. */
static enum kpi_status run_table_exists(PGconn *conn, bool *exists)
{
    return query_bool(conn, "SELECT pg_catalog.to_regclass('kpi.run') IS NOT NULL",
                      "could not look for kpi.run", exists);
}

/* Today in Vietnam, from the server's clock, unless --date says otherwise. */
static enum kpi_status run_date(PGconn *conn, const char *given, char out[16])
{
    const char *params[] = {given};
    PGresult *res = PQexecParams(
        conn, "SELECT coalesce($1::date, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)", 1, NULL,
        params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("invalid --date \"%s\": %s", given ? given : "", conn_errmsg(conn));
        PQclear(res);
        return KPI_ERROR;
    }
    snprintf(out, 16, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
    return KPI_OK;
}

/* The callback of --wait[=SECONDS]: opt->value is the int of run_args. */
static enum kpi_status wait_option(const struct kpi_option *opt, const char *arg)
{
    int *wait = opt->value;
    *wait = 0;
    if (arg != NULL) {
        char *end;
        long v = strtol(arg, &end, 10);
        if (*end != '\0' || v <= 0 || v > 86400) {
            builtin_usage_error("run", "--wait takes seconds from 1 to 86400, not \"%s\"", arg);
            return KPI_USAGE;
        }
        *wait = (int)v;
    }
    return KPI_OK;
}

/* The callback of --log-format text|json. */
static enum kpi_status log_format_option(const struct kpi_option *opt, const char *arg)
{
    if (strcmp(arg, "json") != 0 && strcmp(arg, "text") != 0) {
        builtin_usage_error("run", "--log-format is text or json, not \"%s\"", arg);
        return KPI_USAGE;
    }
    log_set_json(strcmp(arg, "json") == 0);
    return KPI_OK;
}

/*
 * Fill A from the command line. True to go on; false when the command is
 * finished, with *done KPI_OK after --help or KPI_USAGE (as parse_options).
 */
static bool parse_args(int argc, char **argv, struct run_args *a, enum kpi_status *done)
{
    *a = (struct run_args){.inbox = getenv("KPI_INBOX"),
                           .routes = getenv("KPI_ROUTES"),
                           .report_dir = getenv("KPI_REPORT_DIR"),
                           .deliver = true,
                           .wait = -1};
    struct kpi_option options[] = {
        OPT_STRING("inbox", 0, &a->inbox, "DIR",
                   "where agencies drop their files (default $KPI_INBOX; none: no ingest)"),
        OPT_STRING("routes", 0, &a->routes, "FILE",
                   "the alert routes (default $KPI_ROUTES; none: no alerts)"),
        OPT_SET_BOOL("deliver", 0, &a->deliver, true,
                     "send the notifications after evaluating them (the default)"),
        OPT_SET_BOOL("no-deliver", 0, &a->deliver, false,
                     "leave them pending in the outbox ('kpi alerts deliver' sends them)"),
        OPT_STRING("report-dir", 0, &a->report_dir, "DIR",
                   "where reports are written on reporting dates: the 15th, and the quarterly, "
                   "6-month, 9-month and annual ones on theirs (default $KPI_REPORT_DIR; none: no "
                   "reports)"),
        OPT_STRING("date", 0, &a->date, "DATE",
                   "the day the run counts as, for reports and alert timing (default today in "
                   "Vietnam); a backfill of back files sets it"),
        OPT_CALLBACK_OPTARG("wait", 0, &a->wait, "SECONDS", wait_option,
                            "wait for a run in progress (for ever, or SECONDS) instead of exit 4"),
        OPT_CALLBACK("log-format", 0, NULL, "FMT", log_format_option,
                     "text lines (default) or json: one JSON object per line on stderr"),
        OPT_END(),
    };
    int args;
    if (!parse_options(argc, argv, &run_doc, options, &args, done))
        return false;
    if (args < argc) {
        *done = builtin_usage_error("run", "unexpected argument '%s'", argv[args]);
        return false;
    }
    if (a->inbox != NULL && *a->inbox == '\0')
        a->inbox = NULL;
    if (a->routes != NULL && *a->routes == '\0')
        a->routes = NULL;
    if (a->report_dir != NULL && *a->report_dir == '\0')
        a->report_dir = NULL;
    return true;
}

enum kpi_status cmd_run(int argc, char **argv)
{
    struct run_args a;
    struct run_state rs = {0};
    struct routes *routes = NULL;
    struct timespec start;
    char date[16], *summary_text = NULL;
    size_t summary_len = 0;
    enum kpi_status done;
    if (!parse_args(argc, argv, &a, &done))
        return done;
    int rc = KPI_OK;
    clock_gettime(CLOCK_MONOTONIC, &start);
    rs.summary = open_memstream(&summary_text, &summary_len);
    if (rs.summary == NULL) {
        log_error("out of memory");
        return KPI_ERROR;
    }
    rc = KPI_ERROR;
    if (conn_open(kpi_opts.db, kpi_opts.home, &rs.conn) != 0)
        goto done;
    if (interrupt_install(rs.conn) != 0)
        goto done;

    struct runlog_holder holder;
    log_set_stage("lock");
    rc = runlog_lock(rs.conn, a.wait, &holder);
    if (rc == KPI_LOCKED) {
        if (holder.id > 0)
            log_error("another run (id %" PRId64 ", started %s) is in progress; try again later "
                      "or use --wait",
                      holder.id, holder.started);
        else
            log_error("another run is in progress; try again later or use --wait");
        goto done;
    }
    if (rc != KPI_OK)
        goto done;

    /*
     * The run is recorded before its first stage, so that a run failing at the
     * version check shows in kpi.run too; only a database without kpi.run (never
     * migrated) is migrated first, and the run recorded after.
     */
    bool recorded_first;
    rc = run_table_exists(rs.conn, &recorded_first);
    if (rc == KPI_OK && recorded_first) {
        rc = runlog_recover(rs.conn, NULL);
        if (rc == KPI_OK)
            rc = runlog_begin(rs.conn, a.inbox, &rs.id);
        if (rc == KPI_OK)
            rc = stage_migrate(&rs);
    } else if (rc == KPI_OK) {
        rc = stage_migrate(&rs);
        if (rc == KPI_OK)
            rc = runlog_recover(rs.conn, NULL);
        if (rc == KPI_OK)
            rc = runlog_begin(rs.conn, a.inbox, &rs.id);
        if (rc == KPI_OK) {
            /* the migrate stage ran before the run had a row: record it now */
            rs.stage = "migrate";
            runlog_stage(rs.conn, rs.id, "migrate", "ok", rs.t0_iso, elapsed(&rs.t0), NULL);
        }
    }
    if (rc == KPI_OK)
        rc = run_date(rs.conn, a.date, date);
    if (rc == KPI_OK)
        rc = stage_ingest(&rs, &a);
    if (rc == KPI_OK && !interrupt_requested(NULL))
        rc = stage_compute(&rs);
    if (rc == KPI_OK && !interrupt_requested(NULL))
        rc = stage_alerts(&rs, &a, &routes);
    if (rc == KPI_OK && !interrupt_requested(NULL))
        rc = stage_deliver(&rs, &a, routes);
    if (rc == KPI_OK && !interrupt_requested(NULL))
        rc = stage_report(&rs, &a, date);

    int signo = 0;
    bool interrupted = interrupt_requested(&signo);
    interrupt_watch(NULL);
    if (rs.id > 0) {
        const char *status = interrupted                     ? "interrupted"
                             : rc != KPI_OK                  ? "failed"
                             : rs.rejected || rs.undelivered ? "partial"
                                                             : "succeeded";
        char error[1200] = "";
        if (interrupted)
            snprintf(error, sizeof error, "interrupted by signal %d during stage %s", signo,
                     rs.stage ? rs.stage : "?");
        else if (rc != KPI_OK)
            snprintf(error, sizeof error, "stage %s: %s", rs.stage ? rs.stage : "?",
                     log_last_error());
        if (rc != KPI_OK || interrupted) {
            /* the failed statement may have left a transaction open: end it first */
            if (PQtransactionStatus(rs.conn) != PQTRANS_IDLE)
                conn_command(rs.conn, "ROLLBACK", "could not roll back");
            runlog_stage(rs.conn, rs.id, rs.stage ? rs.stage : "?", "failed", rs.t0_iso,
                         elapsed(&rs.t0), NULL);
            fprintf(rs.summary, "  %-8s %8.2f s  %s\n", rs.stage ? rs.stage : "?", elapsed(&rs.t0),
                    interrupted ? "[interrupted]" : "[failed]");
        }
        runlog_finish(rs.conn, rs.id, status, error[0] ? error : NULL);
        log_set_stage(NULL);
        fflush(rs.summary);
        printf("run %" PRId64 " %s in %.2f s\n%s", rs.id, status, elapsed(&start),
               summary_text ? summary_text : "");
        if (interrupted)
            rc = KPI_ERROR;
        else if (rc == KPI_OK && (rs.rejected || rs.undelivered))
            rc = KPI_REJECTED;
    }
    runlog_unlock(rs.conn);
done:
    fclose(rs.summary);
    free(summary_text);
    routes_free(routes);
    PQfinish(rs.conn);
    return rc;
}
