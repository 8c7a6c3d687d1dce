/*
 * builtin/alerts.c — `kpi alerts`: evaluate the alerts and fill the outbox,
 * `kpi alerts deliver`: send it, `kpi alerts list`: show the alerts,
 * `kpi alerts check`: validate a routes file, `kpi alerts retry`: re-queue failed
 * notifications.
 */
#include "alerts/alerts.h"
#include "builtin.h"
#include "db/conn.h"
#include "alerts/deliver.h"
#include "common/log.h"
#include "alerts/routes.h"
#include "common/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct command_row alerts_commands[] = {
    {"deliver",
     "send the outbox (webhooks, e-mail); what cannot be sent stays pending for the "
     "next run",
     NULL},
    {"list", "print the alerts (with --state, only those firing or resolved)", NULL},
    {"check", "validate the routes file and say how many receivers and routes it has", NULL},
    {"retry",
     "re-queue the failed notification ID, or with --receiver every failed one of NAME, "
     "after a fix",
     NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc alerts_doc = {
    .name = "alerts",
    .synopsis = "kpi alerts [--routes FILE] [--dry-run] [--now TIMESTAMP]\n"
                "kpi alerts deliver [--routes FILE]\n"
                "kpi alerts list [--state firing|resolved]\n"
                "kpi alerts check [--routes FILE]\n"
                "kpi alerts retry ID | --receiver NAME",
    .description =
        "Evaluate the threshold-breach alerts on kpi.indicator_value: fire, remind after the\n"
        "repeat interval, escalate, resolve, restate revised periods, and raise data-missing\n"
        "alerts; write the alert state and one digest per receiver into the outbox, in one\n"
        "transaction (NOTIFY kpi_alert with the id of each new alert).\n",
    .commands = alerts_commands,
    .epilogue = "exit status: 0 success; 1 failure, or (deliver) a notification failed or is "
                "still\npending; 2 usage; 3 (retry) ID is no failed notification\n",
};

static enum kpi_status load_routes(const char *path, struct routes **out)
{
    if (path == NULL)
        path = getenv("KPI_ROUTES");
    if (path == NULL || *path == '\0')
        return builtin_usage_error("alerts", "no routes file; give --routes FILE or set "
                                             "KPI_ROUTES");
    int n;
    enum kpi_status st = routes_load(path, stderr, out, &n);
    if (st == KPI_ERROR)
        return KPI_ERROR;
    if (st != KPI_OK) {
        log_error("%d problem%s in the routes file \"%s\"; nothing was done", n, n == 1 ? "" : "s",
                  path);
        return KPI_ERROR;
    }
    return KPI_OK;
}

static enum kpi_status run_evaluate(const char *routes_path, const char *now, bool dry_run)
{
    struct routes *routes = NULL;
    PGconn *conn = NULL;
    int rc = load_routes(routes_path, &routes);
    if (rc != KPI_OK)
        return rc;
    rc = KPI_ERROR;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        goto done;
    struct alerts_options opt = {.now = now, .dry_run = dry_run, .out = stdout};
    struct alerts_summary sum;
    if (alerts_evaluate(conn, routes, &opt, &sum) != 0)
        goto done;
    char line[256];
    snprintf(line, sizeof line,
             "alert run %lld%s: %ld fired, %ld reminders, %ld escalated, %ld resolved, "
             "%ld restated; %ld notification%s %s",
             sum.run_id, dry_run ? " (dry run, rolled back)" : "", sum.fired, sum.reminded,
             sum.escalated, sum.resolved, sum.restated, sum.notifications,
             sum.notifications == 1 ? "" : "s", dry_run ? "printed" : "queued for delivery");
    if (dry_run)
        log_info("%s", line);
    else
        printf("%s\n", line);
    rc = KPI_OK;
done:
    PQfinish(conn);
    routes_free(routes);
    return rc;
}

static enum kpi_status run_deliver(const char *routes_path)
{
    struct routes *routes = NULL;
    PGconn *conn = NULL;
    int rc = load_routes(routes_path, &routes);
    if (rc != KPI_OK)
        return rc;
    rc = KPI_ERROR;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        goto done;
    struct deliver_summary sum;
    enum kpi_status st = deliver_run(conn, routes, &sum);
    if (st != KPI_OK) {
        deliver_summary_free(&sum);
        rc = st; /* KPI_LOCKED or KPI_ERROR */
        goto done;
    }
    printf("delivered %ld notification%s; %ld still pending", sum.sent, sum.sent == 1 ? "" : "s",
           sum.pending);
    if (sum.failed > 0)
        printf("; %ld failed ('kpi alerts retry' after a fix)", sum.failed);
    putchar('\n');
    rc = sum.pending == 0 && sum.failed == 0 ? KPI_OK : KPI_ERROR;
    deliver_summary_free(&sum);
done:
    PQfinish(conn);
    routes_free(routes);
    return rc;
}

static enum kpi_status run_list(const char *state)
{
    PGconn *conn = NULL;
    if (state && strcmp(state, "firing") != 0 && strcmp(state, "resolved") != 0)
        return builtin_usage_error("alerts", "--state must be firing or resolved, not '%s'", state);
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    enum kpi_status rc = alerts_list(conn, state, stdout);
    PQfinish(conn);
    return rc;
}

static enum kpi_status run_retry(const char *id_text, const char *receiver)
{
    long long id = 0;
    if ((id_text == NULL) == (receiver == NULL))
        return builtin_usage_error("alerts", "'kpi alerts retry' takes a notification ID or "
                                             "--receiver NAME");
    if (id_text != NULL) {
        char *end;
        id = strtoll(id_text, &end, 10);
        if (*end != '\0' || id <= 0)
            return builtin_usage_error("alerts", "'%s' is not a notification id (kpi.outbox)",
                                       id_text);
    }
    PGconn *conn = NULL;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    long n = 0;
    enum kpi_status rc = deliver_retry(conn, id, receiver, &n);
    if (rc == KPI_OK)
        printf("re-queued %ld failed notification%s%s%s; the next 'kpi alerts deliver' or "
               "'kpi run' sends %s\n",
               n, n == 1 ? "" : "s", receiver ? " of " : "", receiver ? receiver : "",
               n == 1 ? "it" : "them");
    PQfinish(conn);
    return rc;
}

/* What 'kpi alerts check' prints of R: its receivers by kind, its routes. */
static void print_check(const struct routes *r)
{
    size_t am = 0;
    for (size_t i = 0; i < r->nreceivers; i++)
        am += r->receivers[i].channel == ROUTES_ALERTMANAGER;
    printf("%s: %zu receivers", r->path, r->nreceivers);
    if (am > 0)
        printf(" (%zu Alertmanager)", am);
    printf(", %zu routes; valid\n", r->nroutes);
}

enum kpi_status cmd_alerts(int argc, char **argv)
{
    bool dry_run = false;
    const char *routes = NULL, *now = NULL, *state = NULL, *receiver = NULL;
    struct kpi_option options[] = {
        OPT_STRING("routes", 0, &routes, "FILE",
                   "the routing file (default: $KPI_ROUTES); see contrib/routes.example.json"),
        OPT_BOOL("dry-run", 0, &dry_run,
                 "change nothing; print each notification as one JSON object per line"),
        OPT_STRING("now", 0, &now, "TIMESTAMP",
                   "evaluate as of TIMESTAMP (e.g. '2025-10-05 08:00+07') instead of now: the "
                   "repeat interval and the at-risk horizon count from it (for tests and replays)"),
        OPT_STRING("state", 0, &state, "STATE", "list only alerts in STATE (firing or resolved)"),
        OPT_STRING("receiver", 0, &receiver, "NAME",
                   "with retry: every failed notification of receiver NAME"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &alerts_doc, options, &args, &done))
        return done;
    const char *verb = args < argc ? argv[args] : NULL;
    bool retry = verb != NULL && strcmp(verb, "retry") == 0;
    if (verb != NULL && args + (retry ? 2 : 1) < argc)
        return builtin_usage_error("alerts", "unexpected argument '%s'",
                                   argv[args + (retry ? 2 : 1)]);
    if (receiver != NULL && !retry)
        return builtin_usage_error("alerts", "--receiver goes with 'kpi alerts retry'");
    if (retry) {
        if (dry_run || now || state || routes)
            return builtin_usage_error("alerts", "'kpi alerts retry' takes only an ID or "
                                                 "--receiver");
        return run_retry(args + 1 < argc ? argv[args + 1] : NULL, receiver);
    }
    if (verb == NULL) {
        if (state)
            return builtin_usage_error("alerts", "--state goes with 'kpi alerts list'");
        return run_evaluate(routes, now, dry_run);
    }
    if (strcmp(verb, "list") != 0 && (dry_run || now))
        return builtin_usage_error("alerts", "--dry-run and --now go with 'kpi alerts' alone");
    if (strcmp(verb, "deliver") == 0)
        return state ? builtin_usage_error("alerts", "--state goes with 'kpi alerts list'")
                     : run_deliver(routes);
    if (strcmp(verb, "list") == 0) {
        if (dry_run || now || routes)
            return builtin_usage_error("alerts", "'kpi alerts list' takes only --state");
        return run_list(state);
    }
    if (strcmp(verb, "check") == 0) {
        struct routes *r = NULL;
        int rc = load_routes(routes, &r);
        if (rc == KPI_OK)
            print_check(r);
        routes_free(r);
        return rc;
    }
    return builtin_usage_error("alerts", "unknown subcommand '%s'", verb);
}
