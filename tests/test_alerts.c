/*
 * test_alerts.c — engine/alerts/ through `kpi alerts` against a real
 * PostgreSQL and a real HTTP receiver on 127.0.0.1: fire, no repeat,
 * reminder after the interval, escalation, resolve, restatement, the
 * completeness floor, inhibition, at-risk horizon, hysteresis, NOTIFY,
 * --dry-run. Time is moved with `kpi alerts --now`.
 */
#include "alerts/alerts.h"
#include "alertlib.h"
#include "testlib.h"

#include <cjson/cJSON.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const hook_env[] = {"KPI_HOOK_TOKEN=tok-alerts-test", NULL};

/* A routes file: receivers "leaders" (province) and "chu-tri" (lead unit) on two ports. */
static char *routes_file(int leaders_port, int lead_port, const char *extra_route_keys)
{
    char text[4096];
    snprintf(text, sizeof text,
             "{\"receivers\": ["
             " {\"name\": \"leaders\", \"webhook\": {\"url\": \"http://127.0.0.1:%d/hook\","
             "  \"token_env\": \"KPI_HOOK_TOKEN\"}},"
             " {\"name\": \"chu-tri\", \"webhook\": {\"url\": \"http://127.0.0.1:%d/hook\"}}],"
             " \"routes\": ["
             " {\"receiver\": \"leaders\", \"units\": \"province\", \"indicators\": [\"*\"],"
             "  \"period_kinds\": [\"month\"], \"min_severity\": \"warning\"%s},"
             " {\"receiver\": \"chu-tri\", \"units\": \"province\", \"indicators\": [\"3.1\"],"
             "  \"lead_units\": [\"Các sở, ban, ngành\"], \"alertnames\": [\"KpiDataMissing\"]}],"
             " \"repeat_interval_days\": 7, \"escalate_after_periods\": 3,"
             " \"completeness_floor_pct\": 90, \"retry_attempts\": 2, \"retry_backoff_ms\": 10}",
             leaders_port, lead_port, extra_route_keys);
    return strdup(alertlib_file("routes.json", text));
}

static void evaluate(const char *ci, const char *routes, const char *now)
{
    char *out, *err;
    int st = alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now", now, NULL);
    ck_assert_msg(st == 0, "kpi alerts --now %s: %s", now, err);
    free(out);
    free(err);
}

static void deliver(const char *ci, const char *routes)
{
    char *out, *err;
    int st = alertlib_kpi(ci, &out, &err, hook_env, "alerts", "deliver", "--routes", routes, NULL);
    ck_assert_msg(st == 0, "kpi alerts deliver: %s", err);
    free(out);
    free(err);
}

/* The events so far, as "event:severity:YYYY-MM" in order. */
static char *events(PGconn *conn)
{
    char *v = testlib_value(conn, "SELECT string_agg(e.event || ':' || e.severity || ':' || "
                                  "to_char(e.period_start, 'YYYY-MM'), ',' ORDER BY e.id) "
                                  "FROM kpi.alert_event e");
    return v ? v : strdup("");
}

static void assert_events(PGconn *conn, const char *expect)
{
    char *got = events(conn);
    ck_assert_str_eq(got, expect);
    free(got);
}

/* The Nth request (0-based) the sink recorded, malloc'd. */
static char *request(const struct sink *s, int n)
{
    char *log = sink_read(s), *p = log;
    for (int i = 0; i < n && p; i++) {
        p = strstr(p, "\n=== END\n");
        p = p ? p + 9 : NULL;
    }
    ck_assert_ptr_nonnull(p);
    char *end = strstr(p, "\n=== END\n");
    ck_assert_ptr_nonnull(end);
    char *r = strndup(p, (size_t)(end - p));
    free(log);
    return r;
}

static int requests(const struct sink *s)
{
    char *log = sink_read(s);
    int n = sink_count(log, "\n=== END\n");
    free(log);
    return n;
}

START_TEST(numbers_for_people)
{
    char buf[64];
    alerts_format_number("1204", true, buf, sizeof buf);
    ck_assert_str_eq(buf, "1.204");
    alerts_format_number("1204", false, buf, sizeof buf);
    ck_assert_str_eq(buf, "1,204");
    alerts_format_number("76.4", true, buf, sizeof buf);
    ck_assert_str_eq(buf, "76,4");
    alerts_format_number("-1234567.25", true, buf, sizeof buf);
    ck_assert_str_eq(buf, "-1.234.567,25");
    alerts_format_number("-1234567.25", false, buf, sizeof buf);
    ck_assert_str_eq(buf, "-1,234,567.25");
    alerts_format_number("100", true, buf, sizeof buf);
    ck_assert_str_eq(buf, "100");
    alerts_format_number("1e5", true, buf, sizeof buf);
    ck_assert_str_eq(buf, "1e5");
}
END_TEST

START_TEST(fire_no_repeat_reminder_escalate_resolve)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink hook;
    sink_http_start(&hook, 0, 200);
    char *routes = routes_file(hook.port, sink_free_port(), "");

    /* July breached (76.0 %): one alert fires, severity warning */
    alertlib_cell(conn, "3.1", "19", "2025-07", 760, 1000, "breach", "41", "100");
    evaluate(ci, routes, "2025-08-05 08:00+07");
    assert_events(conn, "fire:warning:2025-07");
    deliver(ci, routes);
    ck_assert_int_eq(requests(&hook), 1);
    char *r0 = request(&hook, 0);
    ck_assert_ptr_nonnull(strstr(r0, "POST /hook HTTP/1.1"));
    ck_assert_ptr_nonnull(strstr(r0, "Authorization: Bearer tok-alerts-test"));
    ck_assert_ptr_nonnull(strstr(r0, "Idempotency-Key: kpi-"));
    ck_assert_ptr_nonnull(strstr(r0, "\"alertname\": \"KpiBreach\""));
    ck_assert_ptr_nonnull(strstr(r0, "\"version\": \"4\""));
    ck_assert_ptr_nonnull(strstr(r0, "\"unit\": \"19\""));
    ck_assert_ptr_nonnull(strstr(r0, "\"gap_count\": \"41\""));
    ck_assert_ptr_nonnull(strstr(r0, "\"target\": \"trên 80 %\""));

    /* the next day, nothing new: no repeat, nothing queued, nothing sent */
    evaluate(ci, routes, "2025-08-06 08:00+07");
    assert_events(conn, "fire:warning:2025-07");
    deliver(ci, routes);
    ck_assert_int_eq(requests(&hook), 1);

    /* seven days after the last message: one reminder, then quiet again */
    evaluate(ci, routes, "2025-08-12 09:00+07");
    assert_events(conn, "fire:warning:2025-07,reminder:warning:2025-07");
    evaluate(ci, routes, "2025-08-13 09:00+07");
    assert_events(conn, "fire:warning:2025-07,reminder:warning:2025-07");
    deliver(ci, routes);
    ck_assert_int_eq(requests(&hook), 2);

    /* August and September breached too: 3 periods in a row escalate to critical */
    alertlib_cell(conn, "3.1", "19", "2025-08", 780, 1000, "breach", "21", "100");
    /* 80 % of 33,400 is 26,720, a breach of "trên 80 %": 26,721 - 25,517 = 1,204 */
    alertlib_cell(conn, "3.1", "19", "2025-09", 25517, 33400, "breach", "1204", "100");
    evaluate(ci, routes, "2025-10-05 08:00+07");
    assert_events(conn, "fire:warning:2025-07,reminder:warning:2025-07,"
                        "escalate:critical:2025-09");
    char *v = testlib_value(conn, "SELECT state || ' ' || severity || ' ' || "
                                  "consecutive_periods || ' ' || first_period || ' ' || "
                                  "last_period FROM kpi.alert");
    ck_assert_str_eq(v, "firing critical 3 2025-07-01 2025-09-01");
    free(v);
    deliver(ci, routes);
    ck_assert_int_eq(requests(&hook), 3);
    char *r2 = request(&hook, 2);
    ck_assert_ptr_nonnull(strstr(r2, "\"severity\": \"critical\""));
    /* 25,517 / 33,400 = 76.39820…%, stored 76.3982: cut (never rounded) to "76,3 %", as kpi
       show prints the same cell; English as the English kpi show: "76.3%", "above 80%" */
    ck_assert_ptr_nonnull(
        strstr(r2, "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên đạt 76,3 % (mục tiêu: trên "
                   "80 %); cần thêm 1.204 hồ sơ trực tuyến; 3 tháng liên tiếp không đạt. Chủ "
                   "trì: Các sở, ban, ngành; UBND các xã, phường."));
    ck_assert_ptr_nonnull(
        strstr(r2, "Indicator 3.1 — September 2025 — Tỉnh Thái Nguyên at 76.3% (target: above "
                   "80%); 1,204 more online dossiers needed; 3 consecutive months below target."));

    /* October met: the alert resolves, one message */
    alertlib_cell(conn, "3.1", "19", "2025-10", 27000, 33400, "met", NULL, "100");
    evaluate(ci, routes, "2025-11-05 08:00+07");
    assert_events(conn, "fire:warning:2025-07,reminder:warning:2025-07,"
                        "escalate:critical:2025-09,resolve:critical:2025-10");
    v = testlib_value(conn, "SELECT state || ' ' || resolved_at FROM kpi.alert");
    ck_assert_str_eq(v, "resolved 2025-11-05 08:00:00+07");
    free(v);
    deliver(ci, routes);
    ck_assert_int_eq(requests(&hook), 4);
    char *r3 = request(&hook, 3);
    ck_assert_ptr_nonnull(strstr(r3, "\"status\": \"resolved\""));
    ck_assert_ptr_nonnull(strstr(r3, "\"endsAt\": \"2025-11-05T01:00:00Z\""));
    ck_assert_ptr_nonnull(strstr(r3, "Tỉnh Thái Nguyên đã đạt 80,8 %"));

    /* four notifications, four distinct idempotency keys */
    v = testlib_value(conn, "SELECT count(DISTINCT idempotency_key) || '/' || count(*) "
                            "FROM kpi.outbox WHERE delivered_at IS NOT NULL");
    ck_assert_str_eq(v, "4/4");
    free(v);
    sink_stop(&hook);
    free(r0);
    free(r2);
    free(r3);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(revisions_of_alerted_periods_are_restated)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink hook;
    sink_http_start(&hook, 0, 200);
    char *routes = routes_file(hook.port, sink_free_port(), "");

    alertlib_cell(conn, "3.1", "19", "2025-07", 760, 1000, "breach", "41", "100");
    evaluate(ci, routes, "2025-08-05 08:00+07");
    alertlib_cell(conn, "3.1", "19", "2025-08", 850, 1000, "met", NULL, "100");
    evaluate(ci, routes, "2025-09-05 08:00+07");
    assert_events(conn, "fire:warning:2025-07,resolve:warning:2025-08");

    /* a late correction: July was in fact met (breach -> met) */
    alertlib_cell(conn, "3.1", "19", "2025-07", 810, 1000, "met", NULL, "100");
    evaluate(ci, routes, "2025-09-06 08:00+07");
    assert_events(conn, "fire:warning:2025-07,resolve:warning:2025-08,restate:warning:2025-07");
    char *v = testlib_value(conn, "SELECT previous_status || '->' || status FROM "
                                  "kpi.alert_event WHERE event = 'restate'");
    ck_assert_str_eq(v, "breach->met");
    free(v);

    /* told once: the next run says nothing more */
    evaluate(ci, routes, "2025-09-07 08:00+07");
    assert_events(conn, "fire:warning:2025-07,resolve:warning:2025-08,restate:warning:2025-07");

    /* August, which resolved the alert, is corrected to a breach (met -> breach) */
    alertlib_cell(conn, "3.1", "19", "2025-08", 790, 1000, "breach", "11", "100");
    evaluate(ci, routes, "2025-09-08 08:00+07");
    assert_events(conn, "fire:warning:2025-07,resolve:warning:2025-08,restate:warning:2025-07,"
                        "restate:warning:2025-08,fire:warning:2025-08");

    deliver(ci, routes);
    ck_assert_int_eq(requests(&hook), 4);
    char *r2 = request(&hook, 2);
    ck_assert_ptr_nonnull(
        strstr(r2, "Đính chính: Chỉ tiêu 3.1 — tháng 07/2025 — Tỉnh Thái Nguyên: số liệu đã "
                   "được điều chỉnh, kết quả đổi từ «không đạt» thành «đạt» (nay 81,0 %"));
    ck_assert_ptr_nonnull(strstr(r2, "\"event\": \"restate\""));
    char *r3 = request(&hook, 3);
    ck_assert_ptr_nonnull(strstr(r3, "từ «đạt» thành «không đạt»"));
    ck_assert_ptr_nonnull(strstr(r3, "\"event\": \"fire\""));
    sink_stop(&hook);
    free(r2);
    free(r3);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(new_alert_is_notified_with_its_id)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = routes_file(sink_free_port(), sink_free_port(), "");
    testlib_exec(conn, "LISTEN kpi_alert");
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "100");

    /* a dry run notifies nobody */
    char *out, *err;
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                                  "2025-10-05 08:00+07", "--dry-run", NULL),
                     0);
    free(out);
    free(err);
    testlib_exec(conn, "SELECT 1"); /* a round trip collects pending notifications */
    PGnotify *none = PQnotifies(conn);
    ck_assert_ptr_null(none);

    evaluate(ci, routes, "2025-10-05 08:00+07");
    testlib_exec(conn, "SELECT 1"); /* a round trip collects pending notifications */
    PGnotify *n = PQnotifies(conn);
    ck_assert_ptr_nonnull(n);
    ck_assert_str_eq(n->relname, "kpi_alert");
    char *id = testlib_value(conn, "SELECT id FROM kpi.alert");
    ck_assert_str_eq(n->extra, id);
    PQfreemem(n);
    ck_assert_ptr_null(PQnotifies(conn));
    free(id);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(low_completeness_alerts_the_lead_unit_not_the_leaders)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    struct sink leaders, lead;
    sink_http_start(&leaders, 0, 200);
    sink_http_start(&lead, 0, 200);
    char *routes = routes_file(leaders.port, lead.port, "");

    /* a "breach" built on 60 % of the communes cannot be judged */
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "60.0");
    evaluate(ci, routes, "2025-10-05 08:00+07");
    deliver(ci, routes);
    ck_assert_int_eq(requests(&leaders), 0);
    ck_assert_int_eq(requests(&lead), 1);
    char *v = testlib_value(conn, "SELECT string_agg(alertname || ' ' || state, ',') "
                                  "FROM kpi.alert");
    ck_assert_str_eq(v, "KpiDataMissing firing");
    free(v);
    char *r = request(&lead, 0);
    ck_assert_ptr_nonnull(strstr(r, "\"alertname\": \"KpiDataMissing\""));
    ck_assert_ptr_nonnull(strstr(r, "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên: chưa đủ số "
                                    "liệu để đánh giá (mới có 60,0 % đơn vị báo cáo, cần tối "
                                    "thiểu 90 %)"));
    ck_assert_ptr_null(strstr(r, "KpiBreach"));
    free(r);

    /* October complete enough (95 %): the breach reaches the leaders, data-missing resolves */
    alertlib_cell(conn, "3.1", "19", "2025-10", 700, 1000, "breach", "101", "95.0");
    evaluate(ci, routes, "2025-11-05 08:00+07");
    deliver(ci, routes);
    ck_assert_int_eq(requests(&leaders), 1);
    ck_assert_int_eq(requests(&lead), 2);
    r = request(&leaders, 0);
    ck_assert_ptr_nonnull(strstr(r, "\"alertname\": \"KpiBreach\""));
    free(r);
    r = request(&lead, 1);
    ck_assert_ptr_nonnull(strstr(r, "\"status\": \"resolved\""));
    ck_assert_ptr_nonnull(strstr(r, "đã đủ số liệu để đánh giá (95,0 % đơn vị đã báo cáo)"));
    free(r);
    sink_stop(&leaders);
    sink_stop(&lead);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(commune_alerts_are_details_of_the_province_digest)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = strdup(alertlib_file(
        "routes.json",
        "{\"receivers\": [{\"name\": \"so\", \"webhook\": {\"url\": \"http://127.0.0.1:9/h\"}}],"
        " \"routes\": [{\"receiver\": \"so\", \"units\": \"all\", \"indicators\": [\"3.1\"]}]}"));
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "100");
    alertlib_cell(conn, "3.1", "01840", "2025-09", 60, 100, "breach", "21", NULL);
    alertlib_cell(conn, "3.1", "01843", "2025-09", 70, 100, "breach", "11", NULL);
    alertlib_cell(conn, "3.1", "01849", "2025-09", 90, 100, "met", NULL, NULL);

    char *out, *err;
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                                  "2025-10-05 08:00+07", "--dry-run", NULL),
                     0);
    /* one digest: one JSON object on one line */
    ck_assert_int_eq(sink_count(out, "\n"), 1);
    cJSON *doc = cJSON_Parse(out);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(cJSON_GetObjectItem(doc, "receiver")->valuestring, "so");
    cJSON *alerts = cJSON_GetObjectItem(doc, "alerts");
    ck_assert_int_eq(cJSON_GetArraySize(alerts), 1);
    cJSON *a = cJSON_GetArrayItem(alerts, 0);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(a, "labels"), "unit")->valuestring,
                     "19");
    const char *details =
        cJSON_GetObjectItem(cJSON_GetObjectItem(a, "annotations"), "details_vi")->valuestring;
    ck_assert_ptr_nonnull(
        strstr(details, "Phường Đức Xuân: 60,0 % (cần thêm 21 hồ sơ trực tuyến) — mới"));
    ck_assert_ptr_nonnull(
        strstr(details, "Phường Bắc Kạn: 70,0 % (cần thêm 11 hồ sơ trực tuyến) — mới"));
    ck_assert_ptr_null(strstr(details, "Xã Phong Quang"));
    ck_assert_str_eq(cJSON_GetObjectItem(doc, "status")->valuestring, "firing");
    cJSON_Delete(doc);
    free(out);
    free(err);

    /* the dry run changed nothing */
    char *v = testlib_value(conn, "SELECT (SELECT count(*) FROM kpi.alert) + "
                                  "(SELECT count(*) FROM kpi.alert_event) + "
                                  "(SELECT count(*) FROM kpi.outbox) + "
                                  "(SELECT count(*) FROM kpi.alert_run)");
    ck_assert_str_eq(v, "0");
    free(v);

    evaluate(ci, routes, "2025-10-05 08:00+07");
    v = testlib_value(conn, "SELECT string_agg(unit_code, ',' ORDER BY unit_code) FROM kpi.alert "
                            "WHERE state = 'firing'");
    ck_assert_str_eq(v, "01840,01843,19");
    free(v);
    v = testlib_value(conn, "SELECT count(*) || ' ' || (SELECT count(*) FROM kpi.outbox_event) "
                            "FROM kpi.outbox");
    ck_assert_str_eq(v, "1 3");
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(at_risk_fires_within_the_horizon_of_the_due_date)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = routes_file(sink_free_port(), sink_free_port(), "");
    /* 3.2.a is due 2025-12-31; September is at 90 %, not yet 100 % */
    alertlib_cell(conn, "3.2.a", "19", "2025-09", 900, 1000, "at_risk", "100", "100");
    evaluate(ci, routes, "2025-10-05 08:00+07"); /* 87 days left: outside 30 */
    assert_events(conn, "");
    evaluate(ci, routes, "2025-12-05 08:00+07"); /* 26 days left */
    assert_events(conn, "fire:warning:2025-09");
    char *v = testlib_value(conn, "SELECT alertname FROM kpi.alert");
    ck_assert_str_eq(v, "KpiAtRisk");
    free(v);
    v = testlib_value(conn, "SELECT body_text FROM kpi.outbox");
    /* the digest groups its items under their lead units */
    ck_assert_ptr_nonnull(strstr(v, "\nChủ trì: Các sở, ban, ngành; UBND các xã, phường\n- [MỚI, "
                                    "mức cảnh báo] Chỉ tiêu 3.2.a"));
    ck_assert_ptr_nonnull(strstr(v, "Chỉ tiêu 3.2.a — tháng 09/2025 — Tỉnh Thái Nguyên mới đạt "
                                    "90,0 % (mục tiêu: 100 %); cần thêm 100 kết quả TTHC điện "
                                    "tử; có nguy cơ không đạt khi đến hạn (còn 26 ngày). Thời "
                                    "hạn: hạn cuối 31/12/2025."));
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * The figure the plan judges (issue 17): 3.2.a ("100 %", due 31/12/2025) is alerted on its
 * deadline window, not its months. September alone (900 / 1 000 = 90 %) fires a month breach
 * on 05/10; once the window's cell exists (01/01 → 30/11: 9 800 / 10 000 = 98 %, 10 000 −
 * 9 800 = 200 short, projected by compute to 98,5 % at the due date, 100 a month still
 * needed) the night of 05/12 (31/12 − 05/12 = 26 days left, inside the 30-day horizon) resolves
 * the month alert as superseded and fires the window's, worded as the report words it.
 */
START_TEST(dated_target_alerts_on_its_deadline_window_with_its_projection)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = routes_file(sink_free_port(), sink_free_port(), "");
    alertlib_cell(conn, "3.2.a", "19", "2025-09", 900, 1000, "breach", "100", "100");
    evaluate(ci, routes, "2025-10-05 08:00+07");
    assert_events(conn, "fire:warning:2025-09");
    testlib_exec(conn, "INSERT INTO kpi.indicator_value (indicator_id, unit_code, period_kind, "
                       "period_start, period_end, period_label, numerator, denominator, ratio_pct, "
                       "comparator, target_pct, due_date, status, gap_count, completeness_pct, "
                       "catalog_version, computed_at, run_id, counted_to, projected_pct, "
                       "needed_per_month) VALUES ('3.2.a', '19', 'deadline', '2025-01-01', "
                       "'2025-12-31', '2025-12-31', 9800, 10000, 98.0000, '>=', 100, '2025-12-31', "
                       "'at_risk', 200, 100, 'test', now(), 1, '2025-11-30', 98.5000, 100)");
    alertlib_cell(conn, "3.2.a", "19", "2025-11", 1000, 1000, "met", "0", "100");
    evaluate(ci, routes, "2025-12-05 08:00+07");
    /* the month alert resolved (superseded, at its latest month), the window's fired: one
     * period, from 01/01/2025 */
    assert_events(conn, "fire:warning:2025-09,resolve:warning:2025-11,fire:warning:2025-01");
    char *v = testlib_value(conn, "SELECT period_kind || ' ' || alertname FROM kpi.alert "
                                  "WHERE state = 'firing'");
    ck_assert_str_eq(v, "deadline KpiAtRisk");
    free(v);
    v = testlib_value(conn, "SELECT body_text FROM kpi.outbox ORDER BY id DESC LIMIT 1");
    ck_assert_msg(strstr(v, "Chỉ tiêu 3.2.a — lũy kế 01/01–30/11/2025 — Tỉnh Thái Nguyên mới "
                            "đạt 98,0 % (mục tiêu: 100 %); cần thêm 200 kết quả TTHC điện tử "
                            "(theo tốc độ hiện tại đạt 98,5 % vào 31/12/2025; cần thêm 100 mỗi "
                            "tháng); có nguy cơ không đạt khi đến hạn (còn 26 ngày).") != NULL,
                  "%s", v);
    ck_assert_msg(strstr(v, "Chỉ tiêu 3.2.a — tháng 11/2025 — Tỉnh Thái Nguyên: hết cảnh báo "
                            "theo tháng; chỉ tiêu nay được đánh giá theo lũy kế đến hạn.") != NULL,
                  "%s", v);
    ck_assert_msg(strstr(v, "đạt 100,0 %") == NULL, "a superseded month told as met:\n%s", v);
    free(v);
    /* kpi alerts list: the same value and gap, with the projection */
    char *out, *err;
    ck_assert_int_eq(
        alertlib_kpi(ci, &out, &err, NULL, "alerts", "list", "--state", "firing", NULL), 0);
    ck_assert_msg(strstr(out, "  deadline  ") != NULL && strstr(out, "  98,0 %  ") != NULL &&
                      strstr(out, "cần thêm 200 kết quả TTHC điện tử (theo tốc độ hiện tại đạt "
                                  "98,5 % vào 31/12/2025; cần thêm 100 mỗi tháng)") != NULL,
                  "%s", out);
    free(out);
    free(err);
    /* 01/01/2026: the window is final, 9 950 / 10 000 = 99,5 %, a breach: critical at once */
    testlib_exec(conn, "UPDATE kpi.indicator_value SET numerator = 9950, ratio_pct = 99.5000, "
                       "status = 'breach', gap_count = 50, counted_to = '2025-12-31', "
                       "projected_pct = NULL, needed_per_month = NULL, computed_at = now() "
                       "WHERE period_kind = 'deadline'");
    evaluate(ci, routes, "2026-01-05 08:00+07");
    v = testlib_value(conn, "SELECT alertname || ' ' || severity FROM kpi.alert "
                            "WHERE state = 'firing'");
    ck_assert_str_eq(v, "KpiBreach critical");
    free(v);
    v = testlib_value(conn, "SELECT body_text FROM kpi.outbox ORDER BY id DESC LIMIT 1");
    ck_assert_msg(strstr(v, "Chỉ tiêu 3.2.a — kết quả cuối cùng 01/01–31/12/2025 — Tỉnh Thái "
                            "Nguyên đạt 99,5 % (mục tiêu: 100 %); cần thêm 50 kết quả TTHC điện "
                            "tử; không đạt khi đến hạn.") != NULL,
                  "%s", v);
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * A task every commune must do (issue 17 item 7): 1.2 of the seed's three communes, two done
 * (Phường Bắc Kạn, Phường Đức Xuân), Xã Phong Quang not, past its due date: the province cell
 * reads 2/3 xã, phường and the lead unit's alert names the one lagging commune (3 − 2 = 1).
 */
START_TEST(task_of_every_commune_names_the_lagging_ones)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = routes_file(sink_free_port(), sink_free_port(), "");
    testlib_exec(conn,
                 "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) "
                 "VALUES ('task_1_2_done', 'Nhiệm vụ 1.2', 'task 1.2', 'stock', 'test');"
                 "INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, cadence, "
                 "due_date, catalog_version, status_metric, assigned_to, deadline_text_vi, "
                 "lead_units) VALUES ('1.2', 'Ban hành Kế hoạch', 'plan issued', 'I.2', 'task', "
                 "'due', '2025-07-14', 'test', 'task_1_2_done', 'communes', 'Trước 15/7/2025', "
                 "'{\"UBND các xã, phường\"}')");
    static const char *const cells[][4] = {
        {"19", "2", "3", "breach"},
        {"01840", "1", "1", "met"},
        {"01843", "1", "1", "met"},
        {"01849", "0", "1", "breach"},
    };
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        const char *params[4] = {cells[i][0], cells[i][1], cells[i][2], cells[i][3]};
        PGresult *res = PQexecParams(
            conn,
            "INSERT INTO kpi.indicator_value (indicator_id, unit_code, period_kind, "
            "period_start, period_end, period_label, numerator, denominator, ratio_pct, "
            "due_date, status, gap_count, catalog_version, computed_at, run_id) VALUES ('1.2', "
            "$1, 'month', '2025-08-01', '2025-08-31', '2025-08', $2::bigint, $3::bigint, "
            "round($2::numeric * 100 / $3::bigint, 4), '2025-07-14', $4, $3::bigint - "
            "$2::bigint, 'test', now(), 1)",
            4, NULL, params, NULL, NULL, 0);
        ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK, "%s", PQerrorMessage(conn));
        PQclear(res);
    }
    evaluate(ci, routes, "2025-09-05 08:00+07");
    char *v = testlib_value(conn, "SELECT body_text FROM kpi.outbox ORDER BY id LIMIT 1");
    /* 31/08 − 14/07 = 48 days overdue */
    ck_assert_msg(strstr(v, "Nhiệm vụ 1.2 — tháng 08/2025 — Tỉnh Thái Nguyên: 2/3 xã, phường; "
                            "chưa hoàn thành, quá hạn 48 ngày (hạn 14/07/2025). Chưa hoàn thành "
                            "(1): Xã Phong Quang.") != NULL,
                  "%s", v);
    free(v);
    char *out, *err;
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "list", NULL), 0);
    ck_assert_msg(strstr(out, "  2/3 xã, phường  ") != NULL, "%s", out);
    free(out);
    free(err);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(hysteresis_margin_holds_the_alert_until_cleared)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = routes_file(sink_free_port(), sink_free_port(), ", \"resolve_margin_pct\": 2");
    alertlib_cell(conn, "3.1", "19", "2025-09", 790, 1000, "breach", "11", "100");
    evaluate(ci, routes, "2025-10-05 08:00+07");
    /* 80.5 % meets "trên 80 %" but not by 2 points: still firing, no message */
    alertlib_cell(conn, "3.1", "19", "2025-10", 805, 1000, "met", NULL, "100");
    evaluate(ci, routes, "2025-11-05 08:00+07");
    assert_events(conn, "fire:warning:2025-09");
    /* 82.0 % is not above 80 + 2 either (strict); 82.1 % is */
    alertlib_cell(conn, "3.1", "19", "2025-11", 820, 1000, "met", NULL, "100");
    evaluate(ci, routes, "2025-12-01 08:00+07");
    assert_events(conn, "fire:warning:2025-09");
    alertlib_cell(conn, "3.1", "19", "2025-11", 821, 1000, "met", NULL, "100");
    evaluate(ci, routes, "2025-12-02 08:00+07");
    assert_events(conn, "fire:warning:2025-09,resolve:warning:2025-11");
    free(routes);
    PQfinish(conn);
}
END_TEST

/* A route listing unit codes lends its margin to those units only. */
START_TEST(margin_of_a_route_listing_units_binds_those_units)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char text[2048];
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": "
             "  {\"url\": \"http://127.0.0.1:%d/hook\"}}],"
             " \"routes\": ["
             " {\"receiver\": \"leaders\", \"units\": [\"01840\"], \"indicators\": [\"3.1\"],"
             "  \"resolve_margin_pct\": 5},"
             " {\"receiver\": \"leaders\", \"units\": \"all\", \"indicators\": [\"3.1\"],"
             "  \"resolve_margin_pct\": 1}],"
             " \"completeness_floor_pct\": 90}",
             sink_free_port());
    char *routes = strdup(alertlib_file("routes-listed.json", text));
    alertlib_cell(conn, "3.1", "01840", "2025-09", 700, 1000, "breach", "101", NULL);
    alertlib_cell(conn, "3.1", "01843", "2025-09", 700, 1000, "breach", "101", NULL);
    evaluate(ci, routes, "2025-10-05 08:00+07");
    /* 83 % is above 80 + 1 (every unit) but not above 80 + 5 (the listed unit) */
    alertlib_cell(conn, "3.1", "01840", "2025-10", 830, 1000, "met", NULL, NULL);
    alertlib_cell(conn, "3.1", "01843", "2025-10", 830, 1000, "met", NULL, NULL);
    evaluate(ci, routes, "2025-11-05 08:00+07");
    char *v = testlib_value(conn, "SELECT string_agg(unit_code || ':' || state, ',' "
                                  "ORDER BY unit_code) FROM kpi.alert");
    ck_assert_str_eq(v, "01840:firing,01843:resolved");
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

START_TEST(list_and_check_commands)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = routes_file(sink_free_port(), sink_free_port(), "");
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "100");
    evaluate(ci, routes, "2025-10-05 08:00+07");
    char *out, *err;
    ck_assert_int_eq(
        alertlib_kpi(ci, &out, &err, NULL, "alerts", "list", "--state", "firing", NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "KpiBreach"));
    ck_assert_ptr_nonnull(strstr(out, "70,0"));
    ck_assert_ptr_nonnull(strstr(out, "(1 alert)"));
    free(out);
    free(err);
    ck_assert_int_eq(
        alertlib_kpi(ci, &out, &err, NULL, "alerts", "list", "--state", "resolved", NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "(0 alerts)"));
    free(out);
    free(err);
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "check", "--routes",
                                  testlib_path("tests/data/routes/bad.json"), NULL),
                     1);
    ck_assert_ptr_nonnull(strstr(err, "bad.json: /routes/0/receiver: no receiver is called"));
    ck_assert_ptr_nonnull(strstr(err, "14 problems in the routes file"));
    free(out);
    free(err);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * A reporting period is named as kpi show names its kind (period_kinds[]):
 * report_quarter 2025-Q1, 15/12/2024–14/03/2025, is "kỳ báo cáo quý …" /
 * "quarterly reporting period …", and counted in quarters.
 */
START_TEST(reporting_period_is_named_by_its_kind)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    const char *routes = alertlib_file(
        "routes.json", "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": {\"url\": "
                       "\"http://127.0.0.1:9/hook\"}}], \"routes\": [{\"receiver\": \"leaders\", "
                       "\"units\": \"province\", \"period_kinds\": [\"report_quarter\"]}]}");
    /* 700 / 1,000 = 70 %, a breach of "trên 80 %"; moved to the reporting quarter */
    alertlib_cell(conn, "3.1", "19", "2025-03", 700, 1000, "breach", "101", "100");
    testlib_exec(conn, "UPDATE kpi.indicator_value SET period_kind = 'report_quarter', "
                       "period_start = '2024-12-15', period_end = '2025-03-14'");
    evaluate(ci, routes, "2025-03-20 08:00+07");
    assert_events(conn, "fire:warning:2024-12");
    char *v = testlib_value(conn, "SELECT body_text FROM kpi.outbox");
    ck_assert_msg(strstr(v, "Chỉ tiêu 3.1 — kỳ báo cáo quý 15/12/2024–14/03/2025 — Tỉnh Thái "
                            "Nguyên đạt 70,0 % (mục tiêu: trên 80 %); cần thêm 101 hồ sơ trực "
                            "tuyến; quý đầu tiên không đạt.") != NULL,
                  "%s", v);
    /* the receiver's one language: no English in the text, the English summary in the payload */
    ck_assert_ptr_null(strstr(v, "Indicator"));
    free(v);
    v = testlib_value(conn,
                      "SELECT payload #>> '{alerts,0,annotations,summary_en}' FROM kpi.outbox");
    ck_assert_msg(strstr(v, "Indicator 3.1 — quarterly reporting period 2024-12-15 to 2025-03-14 "
                            "— Tỉnh Thái Nguyên at 70.0% (target: above 80%); 101 more online "
                            "dossiers needed; first quarter below target.") != NULL,
                  "%s", v);
    free(v);
    PQfinish(conn);
}
END_TEST

/*
 * The same cell reads the same on every surface: a breach of 3.2.a ("≥ 100 %")
 * at 999,687 / 1,000,000 = 99.9687 % exactly is cut, never rounded, to
 * "99,9 %" (rounded it would read "100,0 %" beside "không đạt") in the
 * notification's text (the digest, the webhook's summaries), in `kpi alerts
 * list` and in `kpi show`; the English ones as the English kpi show, "99.9%".
 */
START_TEST(judged_ratio_reads_as_kpi_show_prints_it)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = routes_file(sink_free_port(), sink_free_port(), "");
    /* gap: 1,000,000 - 999,687 = 313 */
    alertlib_cell(conn, "3.2.a", "19", "2025-09", 999687, 1000000, "breach", "313", "100");
    evaluate(ci, routes, "2025-10-05 08:00+07");
    assert_events(conn, "fire:warning:2025-09");

    char *v = testlib_value(conn, "SELECT ratio_pct::text FROM kpi.indicator_value");
    ck_assert_str_eq(v, "99.9687");
    free(v);
    v = testlib_value(conn, "SELECT body_text FROM kpi.outbox");
    ck_assert_ptr_nonnull(strstr(v, "Chỉ tiêu 3.2.a — tháng 09/2025 — Tỉnh Thái Nguyên đạt "
                                    "99,9 % (mục tiêu: 100 %"));
    ck_assert_ptr_null(strstr(v, "Indicator")); /* the receiver's one language */
    ck_assert_ptr_null(strstr(v, "100,0"));
    ck_assert_ptr_null(strstr(v, "100.0"));
    free(v);
    v = testlib_value(conn, "SELECT payload::text FROM kpi.outbox");
    ck_assert_ptr_nonnull(strstr(v, "Tỉnh Thái Nguyên đạt 99,9 % (mục tiêu: 100 %"));
    ck_assert_ptr_nonnull(strstr(v, "Tỉnh Thái Nguyên at 99.9% (target: at least 100%"));
    /* the machine field carries the exact stored text */
    ck_assert_ptr_nonnull(strstr(v, "\"value_pct\": \"99.9687\""));
    free(v);

    char *out, *err;
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "list", NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "  99,9 %  cần thêm 313 kết quả TTHC điện tử  "));
    ck_assert_ptr_null(strstr(out, "100,0"));
    free(out);
    free(err);
    ck_assert_int_eq(
        alertlib_kpi(ci, &out, &err, NULL, "show", "3.2.a", "--period", "2025-09", NULL), 0);
    ck_assert_msg(strstr(out, " 99,9 % ") != NULL, "kpi show: %s", out);
    ck_assert_ptr_null(strstr(out, "100,0"));
    free(out);
    free(err);
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "show", "3.2.a", "--period", "2025-09",
                                  "--lang", "en", NULL),
                     0);
    ck_assert_msg(strstr(out, " 99.9% ") != NULL, "kpi show --lang en: %s", out);
    free(out);
    free(err);
    free(routes);
    PQfinish(conn);
}
END_TEST

/*
 * The evaluation runs with the rights of whoever calls it: its SQL functions
 * (sql/definitions/alerts/) are SECURITY INVOKER with a fixed search_path,
 * the one SECURITY DEFINER of the alerts being kpi.alert_analyze (012); and
 * the nightly run's role, a member of kpi_writer only, evaluates: a breach of
 * September 2025 (70.0 %) fires one alert and writes one notification.
 */
START_TEST(nightly_writer_evaluates_with_its_own_rights)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *routes = routes_file(sink_free_port(), sink_free_port(), "");
    char *v = testlib_value(conn, "SELECT string_agg(p.proname, ',' ORDER BY p.proname) "
                                  "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                                  "WHERE n.nspname = 'kpi' AND p.proname LIKE 'alert%' "
                                  "AND p.prosecdef");
    ck_assert_str_eq(v, "alert_analyze");
    free(v);
    v = testlib_value(conn, "SELECT string_agg(p.proname, ',' ORDER BY p.proname) "
                            "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                            "WHERE n.nspname = 'kpi' AND p.proname IN ('alert_run_open', "
                            "'alert_cells', 'alert_wants', 'alert_restate', 'alert_resolve', "
                            "'alert_update_firing', 'alert_fire', 'alert_evaluate', "
                            "'alert_route', 'alert_items', 'alert_outbox_store') "
                            "AND 'search_path=pg_catalog, pg_temp' = ANY (p.proconfig)");
    ck_assert_str_eq(v, "alert_cells,alert_evaluate,alert_fire,alert_items,alert_outbox_store,"
                        "alert_resolve,alert_restate,alert_route,alert_run_open,"
                        "alert_update_firing,alert_wants");
    free(v);

    char role[64], sql[256], writer_ci[4400], admin_ci[4400];
    snprintf(role, sizeof role, "kpi_test_alerts_w_%ld", (long)getpid());
    snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN PASSWORD '" TESTLIB_LOGIN_PASSWORD "'", role);
    /* roles are the superuser's business, whoever owns the database */
    snprintf(admin_ci, sizeof admin_ci, "%s", testlib_admin_conninfo(ci));
    PGconn *admin = testlib_connect(admin_ci);
    testlib_exec(admin, sql);
    ck_assert_int_eq(alertlib_kpi(admin_ci, NULL, NULL, NULL, "roles", "setup", NULL), 0);
    ck_assert_int_eq(
        alertlib_kpi(admin_ci, NULL, NULL, NULL, "roles", "grant", "kpi_writer", role, NULL), 0);
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "100");
    snprintf(writer_ci, sizeof writer_ci, "%s user=%s password=" TESTLIB_LOGIN_PASSWORD, ci, role);
    evaluate(writer_ci, routes, "2025-10-05 08:00+07");
    assert_events(conn, "fire:warning:2025-09");
    v = testlib_value(conn, "SELECT count(*) || ' ' || string_agg(receiver, ',') FROM kpi.outbox");
    ck_assert_str_eq(v, "1 leaders");
    free(v);

    snprintf(sql, sizeof sql, "DROP OWNED BY %s; DROP ROLE %s", role, role);
    testlib_exec(admin, sql);
    PQfinish(admin);
    free(routes);
    PQfinish(conn);
}
END_TEST

/* String member KEY of the JSON object at PATH (slash-separated, array indexes as numbers). */
static const char *json_at(const cJSON *doc, const char *path)
{
    char buf[256], *save = NULL;
    snprintf(buf, sizeof buf, "%s", path);
    const cJSON *v = doc;
    for (char *k = strtok_r(buf, "/", &save); k && v; k = strtok_r(NULL, "/", &save))
        v = cJSON_IsArray(v) ? cJSON_GetArrayItem(v, atoi(k))
                             : cJSON_GetObjectItemCaseSensitive(v, k);
    ck_assert_msg(cJSON_IsString(v), "no string at %s", path);
    return v->valuestring;
}

/*
 * Alertmanager's conventions: every alert carries `summary` and `description`
 * in the receiver's language (the Vietnamese receiver's equal summary_vi, the
 * English one's summary_en; the description starts with the summary); the
 * groupKey is the route's (its receiver), the same on the night the alert
 * fires and on the night of its reminder seven days later, two evaluations
 * with two run ids; externalURL and generatorURL are the routes file's,
 * {indicator} and {unit} filled in.
 */
START_TEST(webhook_payload_follows_alertmanager_conventions)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    const char *routes = alertlib_file(
        "routes.json",
        "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": {\"url\": "
        "\"http://127.0.0.1:9/h\"}},"
        " {\"name\": \"donors\", \"lang\": \"en\", \"webhook\": {\"url\": "
        "\"http://127.0.0.1:9/e\"}}],"
        " \"routes\": [{\"receiver\": \"leaders\", \"units\": \"province\"},"
        " {\"receiver\": \"donors\", \"units\": \"province\"}],"
        " \"external_url\": \"https://kpi.example.vn/bao-cao\","
        " \"generator_url\": \"https://kpi.example.vn/chi-tieu/{indicator}?don-vi={unit}\"}");
    /* 700 / 1,000 = 70 %, a breach of "trên 80 %" */
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "100");
    evaluate(ci, routes, "2025-10-05 08:00+07");
    evaluate(ci, routes, "2025-10-12 09:00+07"); /* 7 days on: the reminder */
    assert_events(conn, "fire:warning:2025-09,reminder:warning:2025-09");
    PGresult *res = PQexec(conn, "SELECT receiver, run_id, payload::text FROM kpi.outbox "
                                 "ORDER BY receiver, id");
    ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
    ck_assert_int_eq(PQntuples(res), 4); /* donors ×2, leaders ×2 */
    for (int i = 0; i < 4; i++) {
        cJSON *doc = cJSON_Parse(PQgetvalue(res, i, 2));
        ck_assert_ptr_nonnull(doc);
        bool en = strcmp(PQgetvalue(res, i, 0), "donors") == 0;
        char key[64];
        snprintf(key, sizeof key, "{}/{receiver=\"%s\"}:{}", PQgetvalue(res, i, 0));
        ck_assert_str_eq(json_at(doc, "groupKey"), key);
        ck_assert_str_eq(json_at(doc, "externalURL"), "https://kpi.example.vn/bao-cao");
        ck_assert_str_eq(json_at(doc, "alerts/0/generatorURL"),
                         "https://kpi.example.vn/chi-tieu/3.1?don-vi=19");
        const char *summary = json_at(doc, "alerts/0/annotations/summary");
        ck_assert_str_eq(summary, json_at(doc, en ? "alerts/0/annotations/summary_en"
                                                  : "alerts/0/annotations/summary_vi"));
        ck_assert_ptr_nonnull(strstr(summary, en ? "Indicator 3.1 — September 2025 — Tỉnh Thái "
                                                   "Nguyên at 70.0% (target: above 80%)"
                                                 : "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái "
                                                   "Nguyên đạt 70,0 % (mục tiêu: trên 80 %)"));
        const char *description = json_at(doc, "alerts/0/annotations/description");
        ck_assert_int_eq(strncmp(description, summary, strlen(summary)), 0);
        /* the common annotations of a one-alert digest are the alert's */
        ck_assert_str_eq(json_at(doc, "commonAnnotations/summary"), summary);
        /* the text in that language only */
        const char *text = json_at(doc, "text");
        ck_assert_ptr_null(strstr(text, en ? "Chỉ tiêu" : "Indicator"));
        ck_assert_str_eq(json_at(doc, "lang"), en ? "en" : "vi");
        cJSON_Delete(doc);
    }
    /* two nights, two runs, one group */
    ck_assert_str_ne(PQgetvalue(res, 0, 1), PQgetvalue(res, 1, 1));
    PQclear(res);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("alerts");
    TCase *tc = tcase_create("alerts");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, numbers_for_people);
    tcase_add_test(tc, fire_no_repeat_reminder_escalate_resolve);
    tcase_add_test(tc, revisions_of_alerted_periods_are_restated);
    tcase_add_test(tc, new_alert_is_notified_with_its_id);
    tcase_add_test(tc, low_completeness_alerts_the_lead_unit_not_the_leaders);
    tcase_add_test(tc, commune_alerts_are_details_of_the_province_digest);
    tcase_add_test(tc, at_risk_fires_within_the_horizon_of_the_due_date);
    tcase_add_test(tc, dated_target_alerts_on_its_deadline_window_with_its_projection);
    tcase_add_test(tc, task_of_every_commune_names_the_lagging_ones);
    tcase_add_test(tc, hysteresis_margin_holds_the_alert_until_cleared);
    tcase_add_test(tc, margin_of_a_route_listing_units_binds_those_units);
    tcase_add_test(tc, list_and_check_commands);
    tcase_add_test(tc, judged_ratio_reads_as_kpi_show_prints_it);
    tcase_add_test(tc, reporting_period_is_named_by_its_kind);
    tcase_add_test(tc, nightly_writer_evaluates_with_its_own_rights);
    tcase_add_test(tc, webhook_payload_follows_alertmanager_conventions);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
