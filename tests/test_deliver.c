/*
 * test_deliver.c — engine/alerts/deliver.c through `kpi alerts deliver` against a
 * real HTTP receiver and a real SMTP sink on 127.0.0.1: a receiver that is
 * down keeps the notification pending and gets it exactly once later, HTTP
 * errors are retried with the same idempotency key, e-mail carries the
 * Vietnamese text first, and secrets never show. The faults of issue 23:
 * SMTP credentials never go in clear (Debian's aiosmtpd without TLS), URL
 * secrets are redacted in kpi.delivery and the logs, SIGTERM stops a hung
 * delivery within 5 s, a receiver that hangs costs one timeout a run, and
 * a 2xx whose body is cut counts as delivered, once. Failures that surface
 * (issue 21): a 4xx fails at once with its answer kept (kpi run exits 3, kpi
 * runs says why, kpi alerts retry re-queues), a 503 then 200 is delivered once,
 * a receiver down fails after its attempts; and every receiver told an alert
 * firing is told its resolution, after it was down or its route was removed.
 */
#include "alertlib.h"
#include "testlib.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * A routes file: receiver "leaders" a webhook at URL (with the bearer token
 * of $KPI_HOOK_TOKEN), for every indicator of the province; 3 tries 10 ms
 * apart; SETTINGS (may be "") more top-level keys, each with its leading
 * comma. Its path, malloc'd.
 */
static char *url_routes(const char *url, const char *settings)
{
    char text[4096];
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": {\"url\": \"%s\", "
             "\"token_env\": \"KPI_HOOK_TOKEN\"}}],"
             " \"routes\": [{\"receiver\": \"leaders\", \"units\": \"province\"}],"
             " \"retry_attempts\": 3, \"retry_backoff_ms\": 10%s}",
             url, settings);
    return strdup(alertlib_file("routes.json", text));
}

static char *hook_routes(int port)
{
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hook", port);
    return url_routes(url, "");
}

/* One breach of 3.1 at the province, evaluated: one pending notification. */
static void one_breach(PGconn *conn, const char *ci, const char *routes)
{
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "100");
    char *out, *err;
    int st = alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                          "2025-10-05 08:00+07", NULL);
    ck_assert_msg(st == 0, "%s", err);
    free(out);
    free(err);
}

/*
 * A new database with one pending notification (one_breach) for a webhook
 * receiver S, started on any free port answering 200 as ANSWER says; *ci
 * and *routes (malloc'd) as the tests use them.
 */
static PGconn *breach_for(struct sink *s, enum sink_answer answer, const char **ci, char **routes)
{
    PGconn *conn = alertlib_db(ci);
    sink_http_start_as(s, 0, 200, answer);
    *routes = hook_routes(s->port);
    one_breach(conn, *ci, *routes);
    return conn;
}

static int deliver(const char *ci, const char *routes, const char *token, char **out, char **err)
{
    char env[128];
    snprintf(env, sizeof env, "KPI_HOOK_TOKEN=%s", token ? token : "");
    const char *const envp[] = {env, NULL};
    return alertlib_kpi(ci, out, err, token ? envp : NULL, "alerts", "deliver", "--routes", routes,
                        NULL);
}

/* `kpi alerts deliver` (token "tok") exits STATUS and prints OUT (NULL: not checked). */
static void expect_deliver(const char *ci, const char *routes, int status, const char *out)
{
    char *o, *e;
    int st = deliver(ci, routes, "tok", &o, &e);
    ck_assert_msg(st == status, "deliver exited %d, not %d: %s", st, status, e);
    if (out != NULL)
        ck_assert_str_eq(o, out);
    free(o);
    free(e);
}

static int requests(const struct sink *s)
{
    char *log = sink_read(s);
    int n = sink_count(log, "\n=== END\n");
    free(log);
    return n;
}

START_TEST(receiver_down_then_delivered_exactly_once)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    int port = sink_free_port();
    char *routes = hook_routes(port);
    one_breach(conn, ci, routes);

    /* nobody listens: three attempts, each logged, the notification stays */
    char *out, *err;
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 1);
    ck_assert_str_eq(out, "delivered 0 notifications; 1 still pending\n");
    free(out);
    free(err);
    char *v = testlib_value(conn, "SELECT count(*) FILTER (WHERE NOT ok AND error <> '') || ' ' || "
                                  "string_agg(attempt::text, ',' ORDER BY id) FROM kpi.delivery");
    ck_assert_str_eq(v, "3 1,2,3");
    free(v);
    v = testlib_value(conn, "SELECT (delivered_at IS NULL) || ' ' || attempts FROM kpi.outbox");
    ck_assert_str_eq(v, "true 3");
    free(v);

    /* the receiver is back: delivered once, with the outbox's idempotency key */
    struct sink hook;
    sink_http_start(&hook, port, 200);
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 0);
    ck_assert_str_eq(out, "delivered 1 notification; 0 still pending\n");
    free(out);
    free(err);
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 0);
    ck_assert_str_eq(out, "delivered 0 notifications; 0 still pending\n");
    free(out);
    free(err);
    ck_assert_int_eq(requests(&hook), 1);
    char *key = testlib_value(conn, "SELECT 'Idempotency-Key: ' || idempotency_key || E'\\r\\n' "
                                    "FROM kpi.outbox");
    char *log = sink_read(&hook);
    ck_assert_int_eq(sink_count(log, key), 1);
    v = testlib_value(conn, "SELECT string_agg(ok::text || coalesce(':' || http_status, ''), "
                            "',' ORDER BY id) FROM kpi.delivery");
    ck_assert_str_eq(v, "false,false,false,true:200");
    free(v);
    sink_stop(&hook);
    free(log);
    free(key);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(http_errors_are_retried_with_the_same_key)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink failing;
    sink_http_start(&failing, 0, 503);
    char *routes = hook_routes(failing.port);
    one_breach(conn, ci, routes);
    char *out, *err;
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 1);
    ck_assert_ptr_nonnull(strstr(err, "the receiver answered HTTP 503"));
    free(out);
    free(err);
    sink_stop(&failing);
    char *key = testlib_value(conn, "SELECT 'Idempotency-Key: ' || idempotency_key || E'\\r\\n' "
                                    "FROM kpi.outbox");
    char *log = sink_read(&failing);
    ck_assert_int_eq(sink_count(log, "POST /hook"), 3);
    ck_assert_int_eq(sink_count(log, key), 3);
    free(log);
    char *v = testlib_value(conn, "SELECT string_agg(http_status::text, ',' ORDER BY id) "
                                  "FROM kpi.delivery");
    ck_assert_str_eq(v, "503,503,503");
    free(v);

    struct sink good;
    sink_http_start(&good, failing.port, 200);
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 0);
    free(out);
    free(err);
    log = sink_read(&good);
    ck_assert_int_eq(sink_count(log, key), 1);
    sink_stop(&good);
    free(log);
    free(key);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(email_goes_through_smtp_in_vietnamese_first)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink smtp;
    sink_smtp_start(&smtp, 0);
    char text[2048];
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"so-y-te\", \"email\": {\"to\": "
             "[\"so-y-te@example.org\", \"vp@example.org\"], \"from\": \"kpi@example.org\", "
             "\"smtp_url\": \"smtp://127.0.0.1:%d\"}}],"
             " \"routes\": [{\"receiver\": \"so-y-te\", \"units\": \"all\", \"indicators\": "
             "[\"4.1\", \"5.4\"], \"lead_units\": [\"Sở Y tế\"]}]}",
             smtp.port);
    char *routes = strdup(alertlib_file("routes.json", text));
    /* 95 % of 10,000 is 9,500: 500 more check-ups with the chip ID card are needed */
    alertlib_cell(conn, "4.1", "19", "2025-09", 9000, 10000, "breach", "500", "100");
    char *out, *err;
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                                  "2025-10-05 08:00+07", NULL),
                     0);
    free(out);
    free(err);
    ck_assert_int_eq(deliver(ci, routes, NULL, &out, &err), 0);
    free(out);
    free(err);
    char *log = sink_read(&smtp);
    ck_assert_int_eq(sink_count(log, "\n=== END\n"), 1);
    ck_assert_ptr_nonnull(strstr(log, "MAIL FROM:<kpi@example.org>"));
    ck_assert_ptr_nonnull(strstr(log, "RCPT TO:<so-y-te@example.org>"));
    ck_assert_ptr_nonnull(strstr(log, "RCPT TO:<vp@example.org>"));
    ck_assert_ptr_nonnull(strstr(log, "Subject: =?UTF-8?B?"));
    ck_assert_ptr_nonnull(strstr(log, "Content-Type: text/plain; charset=UTF-8"));
    const char *vi = strstr(log, "Chỉ tiêu 4.1 — tháng 09/2025 — Tỉnh Thái Nguyên đạt 90,0 % "
                                 "(mục tiêu: từ 95 % trở lên); cần thêm 500 lượt khám dùng thẻ "
                                 "Căn cước/VNeID; tháng đầu tiên không đạt. Chủ trì: Sở Y tế.");
    /* one language per receiver: Vietnamese by default, no English below it (tests/test_mail.c) */
    ck_assert_ptr_nonnull(vi);
    ck_assert_ptr_null(strstr(log, "Indicator 4.1"));
    char *v = testlib_value(conn, "SELECT ok::text || ' ' || target FROM kpi.delivery");
    char expect[128];
    snprintf(expect, sizeof expect, "true smtp://127.0.0.1:%d", smtp.port);
    ck_assert_str_eq(v, expect);
    free(v);
    sink_stop(&smtp);
    free(log);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(secrets_never_show)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    int port = sink_free_port();
    char *routes = hook_routes(port);
    one_breach(conn, ci, routes);

    /* the token's variable is not set: pending, said so, nothing sent */
    char *out, *err;
    ck_assert_int_eq(deliver(ci, routes, NULL, &out, &err), 1);
    ck_assert_ptr_nonnull(strstr(err, "environment variable KPI_HOOK_TOKEN is not set"));
    free(out);
    free(err);

    /* set, receiver down: the token shows nowhere */
    ck_assert_int_eq(deliver(ci, routes, "sekret-xyz-42", &out, &err), 1);
    ck_assert_ptr_null(strstr(out, "sekret-xyz-42"));
    ck_assert_ptr_null(strstr(err, "sekret-xyz-42"));
    free(out);
    free(err);
    char *v = testlib_value(conn, "SELECT count(*) FROM kpi.delivery d, kpi.outbox o "
                                  "WHERE d::text LIKE '%sekret%' OR o::text LIKE '%sekret%'");
    ck_assert_str_eq(v, "0");
    free(v);
    v = testlib_value(conn, "SELECT count(*) FROM kpi.delivery");
    ck_assert_str_eq(v, "4");
    free(v);

    /* and the receiver does get it, as a bearer token */
    struct sink hook;
    sink_http_start(&hook, port, 200);
    ck_assert_int_eq(deliver(ci, routes, "sekret-xyz-42", &out, &err), 0);
    ck_assert_ptr_null(strstr(err, "sekret-xyz-42"));
    free(out);
    free(err);
    char *log = sink_read(&hook);
    ck_assert_ptr_nonnull(strstr(log, "Authorization: Bearer sekret-xyz-42\r\n"));
    sink_stop(&hook);
    free(log);
    free(routes);
    PQfinish(conn);
}
END_TEST

/* Seconds on the monotonic clock. */
static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Wait until S has recorded N requests (at most 60 s). */
static void wait_requests(const struct sink *s, int n)
{
    for (int i = 0; i < 600 && requests(s) < n; i++)
        usleep(100000);
    ck_assert_int_ge(requests(s), n);
}

/*
 * An e-mail receiver at the aiosmtpd of tests/servers/smtp_auth.py: no TLS,
 * AUTH offered anyway. With credentials (user "kpi", the password of
 * $KPI_SMTP_PASSWORD) the delivery must refuse: no STARTTLS, so no AUTH —
 * neither the command nor the password reaches the server — and the
 * notification stays pending. Without credentials, plain SMTP still works
 * (a relay on the loopback, as docs/alerts.md describes).
 */
START_TEST(smtp_credentials_never_go_in_clear)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink smtp;
    sink_aiosmtpd_start(&smtp);
    char text[2048];
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"leaders\", \"email\": {\"to\": "
             "[\"vp@example.org\"], \"from\": \"kpi@example.org\", \"smtp_url\": "
             "\"smtp://127.0.0.1:%d\", \"username\": \"kpi\", \"password_env\": "
             "\"KPI_SMTP_PASSWORD\"}}],"
             " \"routes\": [{\"receiver\": \"leaders\", \"units\": \"province\"}],"
             " \"retry_attempts\": 2, \"retry_backoff_ms\": 10}",
             smtp.port);
    char *routes = strdup(alertlib_file("routes.json", text));
    one_breach(conn, ci, routes);
    const char *const env[] = {"KPI_SMTP_PASSWORD=smtp-s3cret-77", NULL};
    char *out, *err;
    ck_assert_int_eq(
        alertlib_kpi(ci, &out, &err, env, "alerts", "deliver", "--routes", routes, NULL), 1);
    ck_assert_str_eq(out, "delivered 0 notifications; 1 still pending\n");
    ck_assert_msg(strstr(err, "the SMTP server does not offer STARTTLS") != NULL, "%s", err);
    ck_assert_ptr_null(strstr(err, "smtp-s3cret-77"));
    free(out);
    free(err);
    char *log = sink_read(&smtp);
    ck_assert_msg(strstr(log, "AUTH") == NULL && strstr(log, "CREDENTIALS") == NULL &&
                      strstr(log, "smtp-s3cret-77") == NULL,
                  "the server saw:\n%s", log);
    ck_assert_int_eq(sink_count(log, "=== END"), 0);
    free(log);
    char *v = testlib_value(conn, "SELECT count(*) || ' ' || bool_or(ok) || ' ' || "
                                  "bool_and(error LIKE '%does not offer STARTTLS%') "
                                  "FROM kpi.delivery");
    ck_assert_str_eq(v, "2 false true");
    free(v);
    v = testlib_value(conn, "SELECT (delivered_at IS NULL)::text FROM kpi.outbox");
    ck_assert_str_eq(v, "true");
    free(v);

    /* the same server without credentials: plain SMTP, delivered, no AUTH */
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"leaders\", \"email\": {\"to\": "
             "[\"vp@example.org\"], \"from\": \"kpi@example.org\", \"smtp_url\": "
             "\"smtp://127.0.0.1:%d\"}}],"
             " \"routes\": [{\"receiver\": \"leaders\", \"units\": \"province\"}]}",
             smtp.port);
    char *plain = strdup(alertlib_file("routes.json", text));
    ck_assert_int_eq(
        alertlib_kpi(ci, &out, &err, NULL, "alerts", "deliver", "--routes", plain, NULL), 0);
    ck_assert_str_eq(out, "delivered 1 notification; 0 still pending\n");
    free(out);
    free(err);
    log = sink_read(&smtp);
    ck_assert_int_eq(sink_count(log, "=== END"), 1);
    ck_assert_ptr_null(strstr(log, "AUTH"));
    free(log);
    sink_stop(&smtp);
    free(plain);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * A webhook URL with a password in its user-info and a token in its query:
 * kpi.delivery.target and every log line show https://…@host/path?… — the
 * secrets are in no table and no line, whether the receiver is down or
 * answers (the receiver itself does get the query).
 */
START_TEST(url_secrets_are_redacted)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    int port = sink_free_port();
    char url[256], shown[256];
    snprintf(url, sizeof url, "http://hook:ui-s3cret@127.0.0.1:%d/hook?token=q-s3cret#f-s3cret",
             port);
    snprintf(shown, sizeof shown, "http://…@127.0.0.1:%d/hook?…", port);
    char *routes = url_routes(url, "");
    one_breach(conn, ci, routes);

    /* down: three failed attempts, each logged */
    char *out, *err;
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 1);
    ck_assert_msg(strstr(err, "s3cret") == NULL, "%s", err);
    ck_assert_ptr_null(strstr(out, "s3cret"));
    free(out);
    free(err);
    /* up: delivered, and the log line names the target */
    struct sink hook;
    sink_http_start(&hook, port, 200);
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 0);
    ck_assert_msg(strstr(err, shown) != NULL, "no \"%s\" in:\n%s", shown, err);
    ck_assert_msg(strstr(err, "s3cret") == NULL, "%s", err);
    free(out);
    free(err);
    char *log = sink_read(&hook);
    ck_assert_ptr_nonnull(strstr(log, "POST /hook?token=q-s3cret HTTP/1.1"));
    free(log);
    sink_stop(&hook);

    char *v = testlib_value(conn, "SELECT string_agg(DISTINCT target, ' ') FROM kpi.delivery");
    ck_assert_str_eq(v, shown);
    free(v);
    v = testlib_value(conn, "SELECT count(*) FROM kpi.delivery");
    ck_assert_str_eq(v, "4");
    free(v);
    /* nowhere in the alert tables, nor in any row of the run log */
    v = testlib_value(conn, "SELECT (SELECT count(*) FROM kpi.delivery d WHERE d::text LIKE "
                            "'%s3cret%') + (SELECT count(*) FROM kpi.outbox o WHERE o::text "
                            "LIKE '%s3cret%') + (SELECT count(*) FROM kpi.alert_run a WHERE "
                            "a::text LIKE '%s3cret%')");
    ck_assert_str_eq(v, "0");
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * SIGTERM while `kpi run` waits on a receiver that never answers (the time
 * limit is the default 30 s, three tries): the run ends within 5 s, marked
 * interrupted, and the notification stays pending. A generous bound for a
 * loaded machine: the progress callback hears the signal within a second.
 */
START_TEST(sigterm_stops_a_hung_delivery_within_5_s)
{
    const char *ci;
    char *routes;
    struct sink hang;
    PGconn *conn = breach_for(&hang, SINK_HANG, &ci, &routes);
    const char *dir = testlib_tmpdir();
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char o[4096], e[4096];
        snprintf(o, sizeof o, "%s/out", dir);
        snprintf(e, sizeof e, "%s/err", dir);
        signal(SIGTERM, SIG_DFL); /* not Check's handler: kpi installs its own */
        if (!freopen(o, "w", stdout) || !freopen(e, "w", stderr) ||
            setenv("KPI_HOOK_TOKEN", "tok", 1) != 0)
            _exit(127);
        const char *bin = getenv("KPI_BIN");
        execl(bin, bin, "--db", ci, "run", "--routes", routes, "--date", "2025-10-05",
              (char *)NULL);
        _exit(127);
    }
    wait_requests(&hang, 1); /* the run is in its deliver stage, waiting */
    double t0 = now_s();
    ck_assert_int_eq(kill(pid, SIGTERM), 0);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    double took = now_s() - t0;
    ck_assert_msg(took < 5.0, "kpi run took %.1f s to stop after SIGTERM", took);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 1, "status %d", st);
    sink_stop(&hang);
    char *v = testlib_value(conn, "SELECT count(*) FILTER (WHERE delivered_at IS NULL) || '/' || "
                                  "count(*) FROM kpi.outbox");
    ck_assert_str_eq(v, "1/1");
    free(v);
    v = testlib_value(conn, "SELECT status || ' ' || (error LIKE 'interrupted by signal 15 during "
                            "stage deliver%') FROM kpi.run");
    ck_assert_str_eq(v, "interrupted true");
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

/* Queue a notification for each of 3.1, 4.1 and 3.2.a at the province: three runs, three digests.
 */
static void three_notifications(PGconn *conn, const char *ci, const char *routes)
{
    static const char *const ind[] = {"3.1", "4.1", "3.2.a"};
    static const char *const when[] = {"2025-10-05 08:00+07", "2025-10-06 08:00+07",
                                       "2025-10-07 08:00+07"};
    for (int i = 0; i < 3; i++) {
        alertlib_cell(conn, ind[i], "19", "2025-09", 700, 1000, "breach", "300", "100");
        char *out, *err;
        ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                                      when[i], NULL),
                         0);
        free(out);
        free(err);
    }
    char *v = testlib_value(conn, "SELECT count(*) FROM kpi.outbox WHERE delivered_at IS NULL");
    ck_assert_str_eq(v, "3");
    free(v);
}

/*
 * A receiver that hangs, three notifications for it, a time limit of 1 s and
 * 3 tries each: one attempt times out and the other two notifications wait
 * for the next run untried — one timeout in all, not 3 × 3 (9 s and more).
 * The next run, the receiver healthy, delivers all three, each once.
 */
START_TEST(a_hung_receiver_costs_one_timeout_a_run)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink hang;
    sink_http_start_as(&hang, 0, 200, SINK_HANG);
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hook", hang.port);
    char *routes = url_routes(url, ", \"delivery_timeout_ms\": 1000");
    three_notifications(conn, ci, routes);
    char *out, *err;
    double t0 = now_s();
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 1);
    double took = now_s() - t0;
    ck_assert_str_eq(out, "delivered 0 notifications; 3 still pending\n");
    ck_assert_msg(sink_count(err, "timed out; its notifications wait for the next run") == 1, "%s",
                  err);
    free(out);
    free(err);
    ck_assert_msg(took < 5.0, "one timeout of 1 s took %.1f s", took);
    ck_assert_int_eq(requests(&hang), 1);
    sink_stop(&hang);
    char *v = testlib_value(conn, "SELECT count(*) || ' ' || bool_or(ok) || ' ' || "
                                  "bool_and(error LIKE '%timed out%') FROM kpi.delivery");
    ck_assert_str_eq(v, "1 false true");
    free(v);
    v = testlib_value(conn, "SELECT count(*) FROM kpi.outbox WHERE delivered_at IS NULL");
    ck_assert_str_eq(v, "3");
    free(v);

    struct sink good;
    sink_http_start(&good, hang.port, 200);
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 0);
    ck_assert_str_eq(out, "delivered 3 notifications; 0 still pending\n");
    free(out);
    free(err);
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 0);
    ck_assert_str_eq(out, "delivered 0 notifications; 0 still pending\n");
    free(out);
    free(err);
    char *log = sink_read(&good);
    ck_assert_int_eq(sink_count(log, "\n=== END\n"), 3);
    PGresult *res = PQexec(conn, "SELECT 'Idempotency-Key: ' || idempotency_key || E'\\r\\n' "
                                 "FROM kpi.outbox");
    ck_assert_int_eq(PQntuples(res), 3);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(sink_count(log, PQgetvalue(res, i, 0)), 1);
    PQclear(res);
    free(log);
    sink_stop(&good);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * The receiver answers "200" and closes 10 bytes into a body it announced
 * as 1000: it took the notification. Recorded delivered (HTTP 200) after one
 * request, and never sent again.
 */
START_TEST(a_2xx_with_a_cut_body_counts_as_delivered)
{
    const char *ci;
    char *routes;
    struct sink cut;
    PGconn *conn = breach_for(&cut, SINK_CUT, &ci, &routes);
    char *out, *err;
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 0);
    ck_assert_str_eq(out, "delivered 1 notification; 0 still pending\n");
    free(out);
    free(err);
    ck_assert_int_eq(deliver(ci, routes, "tok", &out, &err), 0);
    ck_assert_str_eq(out, "delivered 0 notifications; 0 still pending\n");
    free(out);
    free(err);
    ck_assert_int_eq(requests(&cut), 1);
    sink_stop(&cut);
    char *v = testlib_value(conn, "SELECT string_agg(ok || ':' || http_status, ',') || ' ' || "
                                  "(SELECT (delivered_at IS NOT NULL) || ' ' || attempts "
                                  "FROM kpi.outbox) FROM kpi.delivery");
    ck_assert_str_eq(v, "true:200 true 1");
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * Alertmanager's answer to a body it cannot read: HTTP 400 with its reason. A
 * refusal is the same on every try: the notification is failed after one request
 * (not three, not again the next night), with the status and the answer kept;
 * `kpi run` ends partial with exit 3, and `kpi runs` and the JSON log say which
 * receiver and why. After a fix, `kpi alerts retry --receiver` re-queues it and
 * the next delivery sends it; a retry of a delivered one is refused (exit 3).
 */
START_TEST(a_4xx_fails_at_once_and_kpi_run_exits_3)
{
    static const char answer[] = "{\"code\":400,\"message\":\"cannot unmarshal object into Go "
                                 "value of type models.PostableAlerts\"}";
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink bad;
    const int statuses[] = {400};
    sink_http_start_seq(&bad, 0, statuses, 1, answer);
    char *routes = hook_routes(bad.port);
    one_breach(conn, ci, routes);
    char *out, *err;
    const char *const env[] = {"KPI_HOOK_TOKEN=tok", NULL};
    int st = alertlib_kpi(ci, &out, &err, env, "run", "--routes", routes, "--date", "2025-10-05",
                          "--log-format", "json", NULL);
    ck_assert_msg(st == 3, "kpi run exited %d: %s", st, err);
    ck_assert_msg(strstr(out, "partial") != NULL, "%s", out);
    /* the JSON log names the receiver and the reason */
    ck_assert_msg(strstr(err, "\"receiver\":\"leaders\"") != NULL &&
                      strstr(err, "\"state\":\"failed\"") != NULL,
                  "%s", err);
    free(out);
    free(err);
    ck_assert_int_eq(requests(&bad), 1);
    char *v =
        testlib_value(conn, "SELECT (failed_at IS NOT NULL) || ' ' || attempts || ' ' || "
                            "(failure LIKE 'the receiver answered HTTP 400: {\"code\":400,%') "
                            "|| ' ' || (failure LIKE '%(a refusal: not tried again)') "
                            "FROM kpi.outbox WHERE id = 1");
    ck_assert_str_eq(v, "true 1 true true");
    free(v);
    v = testlib_value(conn, "SELECT http_status || ' ' || response FROM kpi.delivery");
    char expect[256];
    snprintf(expect, sizeof expect, "400 %s", answer);
    ck_assert_str_eq(v, expect);
    free(v);
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "runs", NULL), 0);
    ck_assert_msg(strstr(out, "undelivered: notification 1 to leaders failed: the receiver "
                              "answered HTTP 400: {\"code\":400,") != NULL,
                  "%s", out);
    free(out);
    free(err);

    /* failed is not pending: the next delivery does not try it */
    expect_deliver(ci, routes, 0, NULL);
    ck_assert_int_eq(requests(&bad), 1);
    sink_stop(&bad);

    /* fixed: re-queued, then delivered once */
    ck_assert_int_eq(
        alertlib_kpi(ci, &out, &err, NULL, "alerts", "retry", "--receiver", "leaders", NULL), 0);
    ck_assert_msg(strstr(out, "re-queued 1 failed notification of leaders") != NULL, "%s", out);
    free(out);
    free(err);
    struct sink good;
    sink_http_start(&good, bad.port, 200);
    expect_deliver(ci, routes, 0, "delivered 1 notification; 0 still pending\n");
    ck_assert_int_eq(requests(&good), 1);
    sink_stop(&good);
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "retry", "1", NULL), 3);
    ck_assert_msg(strstr(err, "notification 1 is delivered, not failed") != NULL, "%s", err);
    free(out);
    free(err);
    free(routes);
    PQfinish(conn);
}
END_TEST

/* 503, then 200: the second try of the same run delivers it, once. */
START_TEST(a_503_then_200_is_delivered_once)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink flaky;
    const int statuses[] = {503, 200};
    sink_http_start_seq(&flaky, 0, statuses, 2, "busy");
    char *routes = hook_routes(flaky.port);
    one_breach(conn, ci, routes);
    expect_deliver(ci, routes, 0, "delivered 1 notification; 0 still pending\n");
    expect_deliver(ci, routes, 0, "delivered 0 notifications; 0 still pending\n");
    ck_assert_int_eq(requests(&flaky), 2);
    sink_stop(&flaky);
    char *v =
        testlib_value(conn, "SELECT string_agg(http_status || ':' || coalesce(response, '-'), "
                            "',' ORDER BY id) || ' ' || (SELECT (delivered_at IS NOT NULL) "
                            "|| ' ' || (failed_at IS NULL) FROM kpi.outbox) FROM kpi.delivery");
    ck_assert_str_eq(v, "503:busy,200:- true true");
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

/* A receiver that stays down: failed once it was tried give_up_after_attempts times in all. */
START_TEST(a_receiver_down_fails_after_its_attempts)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hook", sink_free_port());
    /* 3 tries a run, 4 in all: 3 the first night, 1 the second, then failed */
    char *routes = url_routes(url, ", \"give_up_after_attempts\": 4");
    one_breach(conn, ci, routes);
    expect_deliver(ci, routes, 1, "delivered 0 notifications; 1 still pending\n");
    expect_deliver(ci, routes, 1,
                   "delivered 0 notifications; 0 still pending; 1 failed ('kpi alerts "
                   "retry' after a fix)\n");
    char *v = testlib_value(conn, "SELECT attempts || ' ' || (failure LIKE '%(gave up after 4 "
                                  "attempts)') || ' ' || (SELECT count(*) FROM kpi.delivery) "
                                  "FROM kpi.outbox");
    ck_assert_str_eq(v, "4 true 4");
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

/* How many requests the sink S received that tell an alert of indicator 3.1 "resolved" (their
 * webhook JSON). */
static int resolutions(const struct sink *s)
{
    char *log = sink_read(s);
    int n = 0;
    for (char *req = log, *end; (end = strstr(req, "\n=== END\n")) != NULL; req = end + 9) {
        *end = '\0';
        const char *body = strstr(req, "\r\n\r\n");
        cJSON *doc = body ? cJSON_Parse(body + 4) : NULL;
        const cJSON *a;
        bool told = false;
        cJSON_ArrayForEach(a, cJSON_GetObjectItem(doc, "alerts"))
        {
            const char *st = cJSON_GetStringValue(cJSON_GetObjectItem(a, "status"));
            const char *ind = cJSON_GetStringValue(
                cJSON_GetObjectItem(cJSON_GetObjectItem(a, "labels"), "indicator"));
            told = told || (st && ind && strcmp(st, "resolved") == 0 && strcmp(ind, "3.1") == 0);
        }
        n += told;
        cJSON_Delete(doc);
    }
    free(log);
    return n;
}

/* 3.1 corrected to 90 % and evaluated the next day with ROUTES. */
static void correct(PGconn *conn, const char *ci, const char *routes)
{
    alertlib_cell(conn, "3.1", "19", "2025-09", 900, 1000, "met", NULL, "100");
    char *out, *err;
    int st = alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                          "2025-10-06 08:00+07", NULL);
    ck_assert_msg(st == 0, "%s", err);
    free(out);
    free(err);
}

/*
 * The firing went out; the receiver is down when the alert resolves: the
 * resolution waits, and is delivered when it is back.
 */
START_TEST(a_resolution_reaches_a_receiver_that_was_down)
{
    const char *ci;
    char *routes;
    struct sink hook;
    PGconn *conn = breach_for(&hook, SINK_ANSWER, &ci, &routes);
    expect_deliver(ci, routes, 0, NULL);
    sink_stop(&hook);
    correct(conn, ci, routes);
    expect_deliver(ci, routes, 1, "delivered 0 notifications; 1 still pending\n");
    struct sink back;
    sink_http_start(&back, hook.port, 200);
    expect_deliver(ci, routes, 0, "delivered 1 notification; 0 still pending\n");
    ck_assert_int_eq(resolutions(&back), 1);
    sink_stop(&back);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * The firing went to "leaders"; then the routes file drops its route (the
 * receiver stays defined, another takes 4.1 only). When 3.1 resolves, no route
 * takes it, yet "leaders", which was told it firing, is told the resolution;
 * a new breach of 3.2.a, which no route takes, goes nowhere.
 */
START_TEST(a_resolution_reaches_the_receiver_after_its_route_was_removed)
{
    const char *ci;
    char *routes;
    struct sink hook;
    PGconn *conn = breach_for(&hook, SINK_ANSWER, &ci, &routes);
    expect_deliver(ci, routes, 0, NULL);
    char text[1024];
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": {\"url\": "
             "\"http://127.0.0.1:%d/hook\", \"token_env\": \"KPI_HOOK_TOKEN\"}}],"
             " \"routes\": [{\"receiver\": \"leaders\", \"units\": \"province\", "
             "\"indicators\": [\"4.1\"]}], \"retry_backoff_ms\": 10}",
             hook.port);
    char *later = strdup(alertlib_file("later.json", text));
    alertlib_cell(conn, "3.2.a", "19", "2025-09", 500, 1000, "breach", "500", "100");
    correct(conn, ci, later);
    expect_deliver(ci, later, 0, "delivered 1 notification; 0 still pending\n");
    ck_assert_int_eq(resolutions(&hook), 1);
    char *log = sink_read(&hook);
    ck_assert_ptr_null(strstr(log, "\"indicator\":\"3.2.a\""));
    free(log);
    sink_stop(&hook);
    free(later);
    free(routes);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("deliver");
    TCase *tc = tcase_create("deliver");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, receiver_down_then_delivered_exactly_once);
    tcase_add_test(tc, http_errors_are_retried_with_the_same_key);
    tcase_add_test(tc, email_goes_through_smtp_in_vietnamese_first);
    tcase_add_test(tc, secrets_never_show);
    tcase_add_test(tc, smtp_credentials_never_go_in_clear);
    tcase_add_test(tc, url_secrets_are_redacted);
    tcase_add_test(tc, sigterm_stops_a_hung_delivery_within_5_s);
    tcase_add_test(tc, a_hung_receiver_costs_one_timeout_a_run);
    tcase_add_test(tc, a_2xx_with_a_cut_body_counts_as_delivered);
    tcase_add_test(tc, a_4xx_fails_at_once_and_kpi_run_exits_3);
    tcase_add_test(tc, a_503_then_200_is_delivered_once);
    tcase_add_test(tc, a_receiver_down_fails_after_its_attempts);
    tcase_add_test(tc, a_resolution_reaches_a_receiver_that_was_down);
    tcase_add_test(tc, a_resolution_reaches_the_receiver_after_its_route_was_removed);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
