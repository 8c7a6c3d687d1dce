/*
 * test_deliver.c — engine/alerts/deliver.c through `kpi alerts deliver` against a
 * real HTTP receiver and a real SMTP sink on 127.0.0.1: a receiver that is
 * down keeps the notification pending and gets it exactly once later, HTTP
 * errors are retried with the same idempotency key, e-mail carries the
 * Vietnamese text first, and secrets never show.
 */
#include "alertlib.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *hook_routes(int port)
{
    char text[2048];
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": {\"url\": "
             "\"http://127.0.0.1:%d/hook\", \"token_env\": \"KPI_HOOK_TOKEN\"}}],"
             " \"routes\": [{\"receiver\": \"leaders\", \"units\": \"province\"}],"
             " \"retry_attempts\": 3, \"retry_backoff_ms\": 10}",
             port);
    return strdup(alertlib_file("routes.json", text));
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

static int deliver(const char *ci, const char *routes, const char *token, char **out, char **err)
{
    char env[128];
    snprintf(env, sizeof env, "KPI_HOOK_TOKEN=%s", token ? token : "");
    const char *const envp[] = {env, NULL};
    return alertlib_kpi(ci, out, err, token ? envp : NULL, "alerts", "deliver", "--routes", routes,
                        NULL);
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

int main(void)
{
    Suite *s = suite_create("deliver");
    TCase *tc = tcase_create("deliver");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, receiver_down_then_delivered_exactly_once);
    tcase_add_test(tc, http_errors_are_retried_with_the_same_key);
    tcase_add_test(tc, email_goes_through_smtp_in_vietnamese_first);
    tcase_add_test(tc, secrets_never_show);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
