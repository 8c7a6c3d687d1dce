/*
 * test_expected.c — expected submissions (issue 21, item 3) against a real
 * PostgreSQL: a catalog with schedule.json loaded by `kpi migrate`, the view
 * kpi.expected_submission (received, late, missing; as a scoped analyst
 * login too), and the KpiReportMissing alert of `kpi alerts`, raised for the
 * communes that did not send and resolved when they send.
 */
#include "alertlib.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A catalog of one indicator (3.1) and its two metrics, sent by the communes and wards,
 * and schedule.json: they send both every day, by 08:00 the next day (Vietnam time), from
 * 1 September 2025; the last 3 days are listed; their lead unit is the communes' own.
 */
static const char *catalog(void)
{
    static char dir[4200];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    char path[4300];
    static const char metrics[] =
        "{\"dvc_essential_online\": {\"name_vi\": \"Hồ sơ trực tuyến\", \"name_en\": \"Online\","
        "  \"noun_vi\": \"hồ sơ trực tuyến\", \"noun_en\": \"online dossiers\","
        "  \"temporal\": \"flow\", \"reported_by\": [\"xa\", \"phuong\"]},"
        " \"dvc_essential_total\": {\"name_vi\": \"Hồ sơ\", \"name_en\": \"Dossiers\","
        "  \"noun_vi\": \"hồ sơ\", \"noun_en\": \"dossiers\", \"temporal\": \"flow\","
        "  \"reported_by\": [\"xa\", \"phuong\"]}}";
    static const char indicator[] =
        "{\"id\": \"3.1\", \"name_vi\": \"Tiếp nhận, giải quyết trực tuyến dịch vụ công "
        "thiết yếu\", \"name_en\": \"Essential services online\", \"short_name_vi\": \"DVC "
        "thiết yếu trực tuyến\", \"short_name_en\": \"Essential services online\","
        " \"plan_ref\": \"Phụ lục, mục 3.1\", \"kind\": \"ratio\","
        " \"numerator\": \"dvc_essential_online\", \"denominator\": \"dvc_essential_total\","
        " \"comparator\": \">\", \"target_pct\": \"80\", \"target_text_vi\": \"trên 80 %\","
        " \"cadence\": \"monthly_ytd\", \"deadline_text_vi\": \"Hằng tháng\","
        " \"deadline_text_en\": \"Monthly\", \"lead_units\": [\"UBND các xã, phường\"],"
        " \"support_units\": [\"Văn phòng UBND tỉnh\"]}";
    static const char schedule[] =
        "{\"time_zone\": \"Asia/Ho_Chi_Minh\", \"schedules\": [{\"name\": \"communes_daily\","
        " \"sender_vi\": \"UBND xã, phường\", \"unit_kinds\": [\"xa\", \"phuong\"],"
        " \"cadence\": \"daily\", \"due\": {\"days\": 1, \"time\": \"08:00\"},"
        " \"lookback\": 3, \"since\": \"2025-09-01\"}]}";
    snprintf(path, sizeof path, "%s/metrics.json", dir);
    testlib_write_file(path, metrics, strlen(metrics));
    snprintf(path, sizeof path, "%s/3.1.json", dir);
    testlib_write_file(path, indicator, strlen(indicator));
    snprintf(path, sizeof path, "%s/schedule.json", dir);
    testlib_write_file(path, schedule, strlen(schedule));
    return dir;
}

/* Both metrics of UNIT for DAY, received at AT. */
static void sent(PGconn *conn, const char *unit, const char *day, const char *at)
{
    const char *p[] = {unit, day, at};
    PGresult *res = PQexecParams(
        conn,
        "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, value, "
        "submission_id, line_no, valid_from) SELECT m, $1, $2::date, 'day', 10, 1, 2, "
        "$3::timestamptz FROM unnest(ARRAY['dvc_essential_online', 'dvc_essential_total']) m",
        3, NULL, p, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK, "%s", PQerrorMessage(conn));
    PQclear(res);
}

static void assert_value(PGconn *conn, const char *sql, const char *expect)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL, "no row: %s", sql);
    ck_assert_msg(strcmp(v, expect) == 0, "%s\n got %s\nwant %s", sql, v, expect);
    free(v);
}

/* The province P, the commune A (xa), the ward B (phuong) and a school under A. */
static PGconn *world(const char **ci)
{
    *ci = testlib_db_new();
    char *out = NULL, *err = NULL;
    int st = alertlib_kpi(*ci, &out, &err, NULL, "--catalog", catalog(), "migrate", NULL);
    ck_assert_msg(st == 0, "%s", err);
    free(out);
    free(err);
    PGconn *conn = testlib_connect(*ci);
    testlib_exec(conn, "INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES "
                       "('P', 'Tỉnh Thử', 'province', NULL), ('A', 'Xã Ân', 'xa', 'P'), "
                       "('B', 'Phường Bình', 'phuong', 'P'), "
                       "('A-TH1', 'Trường Ân', 'school', 'A');"
                       "INSERT INTO kpi.submission (file_name, sha256, status) "
                       "VALUES ('a.csv', 'a1', 'accepted')");
    return conn;
}

/* The statuses of the view at NOW, "unit metric day status", in order. */
static const char statuses[] =
    "SELECT string_agg(unit_code || ' ' || left(metric, 15) || ' ' || "
    "to_char(period_start, 'MM-DD') || ' ' || status, ', ' ORDER BY unit_code, metric, "
    "period_start) FROM kpi.expected_submission";

/*
 * At 09:00 on 4 September (Vietnam time) the days due are the 1st (by 08:00 on the 2nd),
 * the 2nd and the 3rd (by 08:00 on the 4th); the 4th is not due yet. A sent the 1st at
 * 07:00 on the 2nd (received), the 2nd at 09:00 on the 3rd (an hour late) and not the 3rd
 * (missing); B sent nothing; the school is no sender of this schedule.
 */
START_TEST(the_view_lists_received_late_and_missing)
{
    const char *ci;
    PGconn *conn = world(&ci);
    assert_value(conn,
                 "SELECT sender_vi || ' ' || due_after || ' ' || lookback "
                 "FROM kpi.submission_schedule",
                 "UBND xã, phường 1 day 08:00:00 3");
    sent(conn, "A", "2025-09-01", "2025-09-02 07:00+07");
    sent(conn, "A", "2025-09-02", "2025-09-03 09:00+07");
    testlib_exec(conn, "SET kpi.now = '2025-09-04 09:00+07'");
    assert_value(conn, statuses,
                 "A dvc_essential_o 09-01 received, A dvc_essential_o 09-02 late, "
                 "A dvc_essential_o 09-03 missing, A dvc_essential_t 09-01 received, "
                 "A dvc_essential_t 09-02 late, A dvc_essential_t 09-03 missing, "
                 "B dvc_essential_o 09-01 missing, B dvc_essential_o 09-02 missing, "
                 "B dvc_essential_o 09-03 missing, B dvc_essential_t 09-01 missing, "
                 "B dvc_essential_t 09-02 missing, B dvc_essential_t 09-03 missing");
    /* the due time of the 3rd: 08:00 on the 4th in Vietnam is 01:00 UTC */
    assert_value(conn,
                 "SELECT DISTINCT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') "
                 "FROM kpi.expected_submission WHERE period_start = '2025-09-03'",
                 "2025-09-04 01:00");

    /* an analyst scoped to A sees A's rows only */
    char *out = NULL, *err = NULL;
    const char *admin = testlib_admin_conninfo(ci);
    char admin_ci[4200];
    snprintf(admin_ci, sizeof admin_ci, "%s", admin);
    PGconn *su = testlib_connect(admin_ci);
    testlib_exec(su, "DROP ROLE IF EXISTS kpi_test_expected_a;"
                     "CREATE ROLE kpi_test_expected_a LOGIN PASSWORD '" TESTLIB_LOGIN_PASSWORD "'");
    int st = alertlib_kpi(admin_ci, &out, &err, NULL, "roles", "setup", NULL);
    ck_assert_msg(st == 0, "%s", err);
    free(out);
    free(err);
    st = alertlib_kpi(admin_ci, &out, &err, NULL, "roles", "grant", "kpi_analyst",
                      "kpi_test_expected_a", NULL);
    ck_assert_msg(st == 0, "%s", err);
    free(out);
    free(err);
    st = alertlib_kpi(admin_ci, &out, &err, NULL, "roles", "scope", "kpi_test_expected_a", "A",
                      NULL);
    ck_assert_msg(st == 0, "%s", err);
    free(out);
    free(err);
    char analyst_ci[4400];
    snprintf(analyst_ci, sizeof analyst_ci,
             "%s user=kpi_test_expected_a password=" TESTLIB_LOGIN_PASSWORD, admin_ci);
    PGconn *an = testlib_connect(analyst_ci);
    testlib_exec(an, "SET kpi.now = '2025-09-04 09:00+07'");
    assert_value(an,
                 "SELECT string_agg(DISTINCT unit_code, ',') || ' ' || count(*) || ' ' || "
                 "count(*) FILTER (WHERE status = 'missing') FROM kpi.expected_submission",
                 "A 6 2");
    PQfinish(an);
    testlib_exec(su, "DROP OWNED BY kpi_test_expected_a; DROP ROLE kpi_test_expected_a");
    PQfinish(su);
    PQfinish(conn);
}
END_TEST

/*
 * KpiReportMissing: to the lead unit's route that names it, never to the leaders'. At 09:00
 * on the 4th, A owes the 3rd (one day) and B the 1st to the 3rd (three days: critical from
 * escalate_after_periods = 3): one alert per unit and metric. A sends the 3rd at 10:00
 * (late, but sent): at 11:00 A's two alerts resolve, B's stay.
 */
START_TEST(missing_report_alert_raised_and_resolved)
{
    const char *ci;
    PGconn *conn = world(&ci);
    sent(conn, "A", "2025-09-01", "2025-09-02 07:00+07");
    sent(conn, "A", "2025-09-02", "2025-09-03 07:00+07");
    const char *routes = alertlib_file(
        "routes.json",
        "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": {\"url\": "
        "\"http://127.0.0.1:9/h\"}},"
        " {\"name\": \"chu-tri\", \"webhook\": {\"url\": \"http://127.0.0.1:9/h\"}}],"
        " \"routes\": [{\"receiver\": \"leaders\", \"units\": \"all\"},"
        "  {\"receiver\": \"chu-tri\", \"units\": \"all\", \"lead_units\": [\"UBND các xã, "
        "phường\"], \"alertnames\": [\"KpiReportMissing\"]}],"
        " \"escalate_after_periods\": 3}");
    char *out = NULL, *err = NULL;
    int st = alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                          "2025-09-04 09:00+07", NULL);
    ck_assert_msg(st == 0, "%s", err);
    free(out);
    free(err);
    assert_value(conn,
                 "SELECT string_agg(concat_ws(' ', alertname, unit_code, left(indicator_id, 15), "
                 "period_kind, to_char(first_period, 'MM-DD'), to_char(last_period, 'MM-DD'), "
                 "consecutive_periods, severity, state), ', ' ORDER BY unit_code, indicator_id) "
                 "FROM kpi.alert",
                 "KpiReportMissing A dvc_essential_o day 09-03 09-03 1 warning firing, "
                 "KpiReportMissing A dvc_essential_t day 09-03 09-03 1 warning firing, "
                 "KpiReportMissing B dvc_essential_o day 09-01 09-03 3 critical firing, "
                 "KpiReportMissing B dvc_essential_t day 09-01 09-03 3 critical firing");
    /* one notification, the lead unit's, naming who has not sent what for which days */
    assert_value(conn, "SELECT string_agg(receiver, ',') FROM kpi.outbox", "chu-tri");
    char *body = testlib_value(conn, "SELECT body_text FROM kpi.outbox");
    ck_assert_msg(strstr(body,
                         "Báo cáo chưa gửi — Phường Bình: chưa gửi số liệu «Hồ sơ» "
                         "(dvc_essential_total) từ 01/09/2025 đến 03/09/2025 (3 kỳ).") != NULL,
                  "%s", body);
    ck_assert_msg(strstr(body, "Xã Ân: chưa gửi số liệu «Hồ sơ trực tuyến» "
                               "(dvc_essential_online) kỳ 03/09/2025.") != NULL,
                  "%s", body);
    free(body);

    sent(conn, "A", "2025-09-03", "2025-09-04 10:00+07");
    st = alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                      "2025-09-04 11:00+07", NULL);
    ck_assert_msg(st == 0, "%s", err);
    free(out);
    free(err);
    assert_value(conn,
                 "SELECT string_agg(unit_code || ' ' || state, ', ' ORDER BY unit_code, "
                 "indicator_id) FROM kpi.alert",
                 "A resolved, A resolved, B firing, B firing");
    assert_value(conn,
                 "SELECT string_agg(o.receiver || ' ' || e.event || ' ' || a.unit_code, ', ' "
                 "ORDER BY a.indicator_id) FROM kpi.outbox o JOIN kpi.outbox_event oe "
                 "ON oe.outbox_id = o.id JOIN kpi.alert_event e ON e.id = oe.event_id "
                 "JOIN kpi.alert a ON a.id = e.alert_id WHERE o.run_id = "
                 "(SELECT max(id) FROM kpi.alert_run)",
                 "chu-tri resolve A, chu-tri resolve A");
    body = testlib_value(conn, "SELECT body_text FROM kpi.outbox ORDER BY id DESC LIMIT 1");
    ck_assert_msg(strstr(body, "Xã Ân: đã gửi số liệu «Hồ sơ» (dvc_essential_total) còn "
                               "thiếu.") != NULL,
                  "%s", body);
    free(body);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("expected");
    TCase *tc = tcase_create("expected");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, the_view_lists_received_late_and_missing);
    tcase_add_test(tc, missing_report_alert_raised_and_resolved);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
