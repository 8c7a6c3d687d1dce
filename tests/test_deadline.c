/*
 * test_deadline.c — the deadline verdict of kpi.compute (issue 17, items 1-3;
 * sql/definitions/compute/compute_deadline*.sql, compute_range.sql,
 * compute_own_values.sql) against a real PostgreSQL, on the small world of
 * tests/data/compute_world.sql: a flow target judged on its window (a month
 * met while the year breaches), a stock judged on the due day's value, a
 * projection to the due date, and month totals in two reporting months; each
 * expectation with its hand computation beside it.
 */
#include "compute/compute.h"
#include "db/migrate.h"
#include "common/status.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The world with its catalog, and the targets these cases add: 3.2.b
 * (flows, at least 50 %, due 31/12/2025) and 3.5 (a flow of procedures put
 * online over a stock of procedures, at least 80 %, due 31/12/2025). */
static PGconn *world(void)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    char *sql = testlib_read_file(testlib_path("tests/data/compute_world.sql"));
    testlib_exec(conn, sql);
    free(sql);
    testlib_exec(
        conn,
        "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) VALUES "
        "('tthc_data_reused', 'Dữ liệu sử dụng lại', 'reused', 'flow', 'v1'), "
        "('tthc_data_reusable', 'Dữ liệu có thể sử dụng lại', 'reusable', 'flow', 'v1'), "
        "('proc_online', 'Thủ tục đưa lên trực tuyến', 'procedures online', 'flow', 'v1'), "
        "('proc_all', 'Thủ tục đủ điều kiện', 'procedures', 'stock', 'v1'), "
        "('social_payment_cashless', 'Chi trả không tiền mặt', 'cashless', 'flow', 'v1'), "
        "('social_payment_total', 'Chi trả', 'payments', 'flow', 'v1');"
        "UPDATE kpi.metric SET month_in_report_month = true WHERE code LIKE 'social_payment_%';"
        "INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, numerator_metric, "
        "denominator_metric, comparator, target_pct, cadence, due_date, catalog_version) VALUES "
        "('3.2.b', 'Sử dụng lại dữ liệu', 'reuse', 'III.2', 'ratio', 'tthc_data_reused', "
        " 'tthc_data_reusable', '>=', 50, 'due', '2025-12-31', 'v1'), "
        "('3.5', 'Thủ tục trực tuyến', 'online', 'III.5', 'ratio', 'proc_online', 'proc_all', "
        " '>=', 80, 'due', '2025-12-31', 'v1'), "
        "('4.2.2', 'Chi trả không tiền mặt', 'cashless', 'IV.2.2', 'ratio', "
        " 'social_payment_cashless', 'social_payment_total', '>=', 80, 'monthly_ytd', NULL, "
        " 'v1')");
    return conn;
}

static void obs(PGconn *conn, const char *metric, const char *unit, const char *day,
                const char *grain, long long value)
{
    static int line;
    char v[32], l[32];
    snprintf(v, sizeof v, "%lld", value);
    snprintf(l, sizeof l, "%d", ++line);
    const char *p[] = {metric, unit, day, grain, v, l};
    PGresult *res = PQexecParams(conn,
                                 "INSERT INTO kpi.observation (metric, unit_code, period_start, "
                                 "grain, value, submission_id, line_no) "
                                 "VALUES ($1, $2, $3, $4, $5, 1, $6)",
                                 6, NULL, p, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK, "%s", PQerrorMessage(conn));
    PQclear(res);
}

static void compute(PGconn *conn)
{
    struct compute_opts o = {NULL, NULL, false};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &o, &r), KPI_OK);
}

/* "numerator|denominator|ratio_pct|status|gap_count|counted_to|projected_pct|
 * needed_per_month|months_from..months_to" of one cell, NULL as "-". */
static char *cell(PGconn *conn, const char *id, const char *unit, const char *kind,
                  const char *label)
{
    const char *p[] = {id, unit, kind, label};
    PGresult *res = PQexecParams(
        conn,
        "SELECT concat_ws('|', coalesce(numerator::text, '-'), coalesce(denominator::text, '-'), "
        "coalesce(ratio_pct::text, '-'), status, coalesce(gap_count::text, '-'), "
        "coalesce(counted_to::text, '-'), coalesce(projected_pct::text, '-'), "
        "coalesce(needed_per_month::text, '-'), "
        "coalesce(months_from::text || '..' || months_to::text, '-')) "
        "FROM kpi.indicator_value WHERE indicator_id = $1 AND unit_code = $2 "
        "AND period_kind = $3 AND period_label = $4",
        4, NULL, p, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s", PQerrorMessage(conn));
    ck_assert_msg(PQntuples(res) == 1, "no cell %s %s %s %s", id, unit, kind, label);
    char *v = strdup(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

#define ASSERT_CELL(conn, id, unit, kind, label, expect)                                           \
    do {                                                                                           \
        char *got_ = cell(conn, id, unit, kind, label);                                            \
        ck_assert_str_eq(got_, expect);                                                            \
        free(got_);                                                                                \
    } while (0)

/* 3.2.b, "tối thiểu 50 %" in 2025: commune A reuses 40 of 100 each month from
 * January to November (on the 10th) and 60 of 100 in December (on the 20th);
 * a count of 0 on 31/12 makes the data reach the due date. December alone:
 * 60/100 = 60 % >= 50 %, met. The deadline window 1/1 → 31/12:
 * (11 × 40 + 60) / (12 × 100) = 500/1200 = 41,6667 %, a breach; 50 % of 1200
 * is 600, so 100 more were needed. The province (A alone reporting) the same. */
START_TEST(flow_deadline_month_met_year_breach)
{
    PGconn *conn = world();
    char day[16];
    for (int m = 1; m <= 11; m++) {
        snprintf(day, sizeof day, "2025-%02d-10", m);
        obs(conn, "tthc_data_reused", "A", day, "day", 40);
        obs(conn, "tthc_data_reusable", "A", day, "day", 100);
    }
    obs(conn, "tthc_data_reused", "A", "2025-12-20", "day", 60);
    obs(conn, "tthc_data_reusable", "A", "2025-12-20", "day", 100);
    obs(conn, "tthc_data_reused", "A", "2025-12-31", "day", 0);
    compute(conn);
    ASSERT_CELL(conn, "3.2.b", "A", "month", "2025-12", "60|100|60.0000|met|0|-|-|-|-");
    ASSERT_CELL(conn, "3.2.b", "A", "deadline", "2025-12-31",
                "500|1200|41.6667|breach|100|2025-12-31|-|-|-");
    ASSERT_CELL(conn, "3.2.b", "P", "deadline", "2025-12-31",
                "500|1200|41.6667|breach|100|2025-12-31|-|-|-");
    PQfinish(conn);
}
END_TEST

/* A's 5.3.a counts of August 2025 (stock_deadline_on_the_due_day): 90 of 100 on 16/8, 100 of
 * 100 on 25/8. */
static void enterprises_august(PGconn *conn)
{
    obs(conn, "enterprise_eid", "A", "2025-08-16", "day", 90);
    obs(conn, "enterprise_total", "A", "2025-08-16", "day", 100);
    obs(conn, "enterprise_eid", "A", "2025-08-25", "day", 100);
    obs(conn, "enterprise_total", "A", "2025-08-25", "day", 100);
}

/* COLUMN (late_days, run_id) of A's 5.3.a month cell of LABEL ("2025-08"); the caller frees. */
static char *month_cell(PGconn *conn, const char *column, const char *label)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT %s FROM kpi.indicator_value WHERE indicator_id = '5.3.a' AND unit_code = "
             "'A' AND period_kind = 'month' AND period_label = '%s'",
             column, label);
    return testlib_value(conn, sql);
}

/* 5.3.a (enterprises with an eID account, a stock, 100 %, "Trước ngày
 * 19/8/2025": due 18/8): A counts 90 of 100 on 16/8 and 100 of 100 on 25/8,
 * in the same half month (15/8 → 31/8). The deadline cell takes the last value
 * on or before 18/8: 90/100 = 90 %, a breach, 10 enterprises short; the month
 * of August takes 31/8's: 100 %, met after the due date. */
START_TEST(stock_deadline_on_the_due_day)
{
    PGconn *conn = world();
    enterprises_august(conn);
    compute(conn);
    ASSERT_CELL(conn, "5.3.a", "A", "deadline", "2025-08-18",
                "90|100|90.0000|breach|10|2025-08-18|-|-|-");
    ASSERT_CELL(conn, "5.3.a", "A", "month", "2025-08", "100|100|100.0000|met|0|-|-|-|-");
    /* met late: August's month cell is met at its end, 31/8 − 18/8 = 13 days after the due
     * date the deadline breached: "hoàn thành muộn 13 ngày" */
    char *late = month_cell(conn, "late_days", "2025-08");
    ck_assert_str_eq(late, "13");
    free(late);
    PQfinish(conn);
}
END_TEST

/* Met late, counted from a month stored before: after stock_deadline_on_the_due_day's
 * August (met on 31/8, 13 days after the breached 18/8), a night brings A's 100 of 100 on
 * 10/9. September's month cell is met too, and the first period of its kind met after the
 * due date is still the stored August, not recomputed this night: 31/8 - 18/8 = 13 days
 * (September's own end would say 30/9 - 18/8 = 43). */
START_TEST(met_late_counted_from_a_stored_month)
{
    PGconn *conn = world();
    enterprises_august(conn);
    compute(conn);
    char *run = month_cell(conn, "run_id", "2025-08");
    obs(conn, "enterprise_eid", "A", "2025-09-10", "day", 100);
    obs(conn, "enterprise_total", "A", "2025-09-10", "day", 100);
    compute(conn);
    ASSERT_CELL(conn, "5.3.a", "A", "month", "2025-09", "100|100|100.0000|met|0|-|-|-|-");
    /* August was not computed again: its cell is still the first run's */
    char *again = month_cell(conn, "run_id", "2025-08");
    ck_assert_str_eq(again, run);
    char *late = month_cell(conn, "late_days", "2025-09");
    ck_assert_str_eq(late, "13");
    free(late);
    free(again);
    free(run);
    PQfinish(conn);
}
END_TEST

/* 3.5 (at least 80 % of 1000 procedures, due 31/12/2025): A counts the stock
 * of 1000 on 1/1 and puts 100 procedures online on 1/2 and 200 on 30/6; the
 * data reach 30/6. Counted so far: E = 181 days (31 + 28 + 31 + 30 + 31 + 30)
 * of T = 365: 300/1000 = 30 %. At this pace the flow reaches
 * 300 × 365 / 181 by 31/12: 300 × 365 × 100 / (1000 × 181) = 60,4972 %, below
 * 80 %: at risk. 80 % of 1000 is 800: 500 more are needed in the L = 184 days
 * left, ceil(500 × 365 / (12 × 184)) = ceil(182500 / 2208) = 83 a month. */
START_TEST(projection_to_the_due_date)
{
    PGconn *conn = world();
    obs(conn, "proc_all", "A", "2025-01-01", "day", 1000);
    obs(conn, "proc_online", "A", "2025-02-01", "day", 100);
    obs(conn, "proc_online", "A", "2025-06-30", "day", 200);
    compute(conn);
    ASSERT_CELL(conn, "3.5", "A", "deadline", "2025-12-31",
                "300|1000|30.0000|at_risk|500|2025-06-30|60.4972|83|-");
    /* 700 online by 30/6: 700 × 365 / 181 ≈ 1411 of 1000, projected 100 %
     * (at most), on track; 800 − 700 = 100 more, ceil(100 × 365 / 2208) = 17 */
    obs(conn, "proc_online", "B", "2025-06-30", "day", 700);
    obs(conn, "proc_all", "B", "2025-01-01", "day", 1000);
    compute(conn);
    ASSERT_CELL(conn, "3.5", "B", "deadline", "2025-12-31",
                "700|1000|70.0000|on_track|100|2025-06-30|100|17|-");
    PQfinish(conn);
}
END_TEST

/* 4.2.2 (payments reported as month totals, month_in_report_month): A
 * reports October 85 of 100 and November 70 of 100. Report month 2025-11
 * (15/10 → 14/11) holds the larger part of October: 85/100 = 85 % >= 80 %,
 * met, "số liệu cả tháng 10"; report month 2025-12 (15/11 → 14/12) November:
 * 70/100, a breach, 80 − 70 = 10 short. The calendar month of November is
 * whole: 70/100, not marked. Without the flag every cut window lacks. */
START_TEST(month_totals_in_two_reporting_months)
{
    PGconn *conn = world();
    obs(conn, "social_payment_cashless", "A", "2025-10-01", "month", 85);
    obs(conn, "social_payment_total", "A", "2025-10-01", "month", 100);
    obs(conn, "social_payment_cashless", "A", "2025-11-01", "month", 70);
    obs(conn, "social_payment_total", "A", "2025-11-01", "month", 100);
    compute(conn);
    ASSERT_CELL(conn, "4.2.2", "A", "report_month", "2025-11",
                "85|100|85.0000|met|0|-|-|-|2025-10-01..2025-10-01");
    ASSERT_CELL(conn, "4.2.2", "A", "report_month", "2025-12",
                "70|100|70.0000|breach|10|-|-|-|2025-11-01..2025-11-01");
    ASSERT_CELL(conn, "4.2.2", "A", "month", "2025-11", "70|100|70.0000|breach|10|-|-|-|-");
    /* report quarter Q4 (15/9 → 14/12) holds October's and November's 15th:
     * 155/200 = 77,5 %, 160 − 155 = 5 short; it holds September's 15th too (no count) */
    ASSERT_CELL(conn, "4.2.2", "A", "report_quarter", "2025-Q4",
                "155|200|77.5000|breach|5|-|-|-|2025-09-01..2025-11-01");
    testlib_exec(conn, "UPDATE kpi.metric SET month_in_report_month = false");
    struct compute_opts o = {NULL, NULL, true};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &o, &r), KPI_OK);
    ASSERT_CELL(conn, "4.2.2", "A", "report_month", "2025-11", "-|-|-|no_data|-|-|-|-|-");
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("deadline");
    TCase *tc = tcase_create("deadline");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, flow_deadline_month_met_year_breach);
    tcase_add_test(tc, stock_deadline_on_the_due_day);
    tcase_add_test(tc, met_late_counted_from_a_stored_month);
    tcase_add_test(tc, projection_to_the_due_date);
    tcase_add_test(tc, month_totals_in_two_reporting_months);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
