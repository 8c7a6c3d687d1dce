/*
 * test_population.c — who a cell is about, as the plan means it (issue 17, items 4-9), against
 * a real PostgreSQL on the small world of tests/data/compute_world.sql (province P, communes
 * A, B, C; C reports nothing unless a case says so): completeness over the units that report
 * a metric (kpi.compute_completeness), a share over two facility kinds, a denominator fixed at
 * a day, a task of every commune, a monitored series, and the severity of an aspirational
 * target's alert. Each expectation has its hand computation beside it.
 */
#include "compute/compute.h"
#include "db/migrate.h"
#include "common/status.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The small world, migrated, with two hospitals (A-BV1 under A, B-BV1 under B). */
static PGconn *world(void)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    char *sql = testlib_read_file(testlib_path("tests/data/compute_world.sql"));
    testlib_exec(conn, sql);
    free(sql);
    testlib_exec(conn, "INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES "
                       "('A-BV1', 'Bệnh viện Ân', 'hospital', 'A'), "
                       "('B-BV1', 'Bệnh viện Bình', 'hospital', 'B')");
    return conn;
}

/* Counts as kpi ingest stores them: ROWS is "(metric, unit, day, grain, value)" tuples. */
static void counts(PGconn *conn, const char *rows)
{
    char sql[4096];
    snprintf(sql, sizeof sql,
             "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, value, "
             "submission_id, line_no) SELECT m, u, d::date, g, v, 1, row_number() OVER () "
             "FROM (VALUES %s) AS t(m, u, d, g, v)",
             rows);
    testlib_exec(conn, sql);
}

static void compute(PGconn *conn)
{
    struct compute_opts o = {NULL, NULL, true};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &o, &r), KPI_OK);
}

/* "numerator|denominator|ratio_pct|status|gap|completeness|expected|reporting", NULL "-". */
static char *cell(PGconn *conn, const char *id, const char *unit, const char *month)
{
    const char *p[] = {id, unit, month};
    PGresult *res = PQexecParams(
        conn,
        "SELECT concat_ws('|', coalesce(numerator::text, '-'), coalesce(denominator::text, '-'), "
        "coalesce(ratio_pct::text, '-'), status, coalesce(gap_count::text, '-'), "
        "coalesce(completeness_pct::text, '-'), coalesce(units_expected::text, '-'), "
        "coalesce(units_reporting::text, '-')) FROM kpi.indicator_value "
        "WHERE indicator_id = $1 AND unit_code = $2 AND period_kind = 'month' "
        "AND period_label = $3",
        3, NULL, p, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s", PQerrorMessage(conn));
    ck_assert_msg(PQntuples(res) == 1, "no cell %s %s %s", id, unit, month);
    char *v = strdup(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

#define ASSERT_CELL(conn, id, unit, month, expect)                                                 \
    do {                                                                                           \
        char *got_ = cell(conn, id, unit, month);                                                  \
        ck_assert_str_eq(got_, expect);                                                            \
        free(got_);                                                                                \
    } while (0)

static void assert_value(PGconn *conn, const char *sql, const char *want)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, want) == 0, "%s: \"%s\", expected \"%s\"", sql,
                  v ? v : "(no row)", want);
    free(v);
}

/* 5.4: hospitals report; a commune without one expects nothing. */
START_TEST(completeness_of_a_hospital_metric_counts_hospitals)
{
    PGconn *conn = world();
    testlib_exec(
        conn, "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version, "
              "reported_by) VALUES "
              "('hospital_emr', 'BV có BAĐT', 'hospitals with EMR', 'stock', 'v1', '{hospital}'), "
              "('hospital_total', 'Bệnh viện', 'hospitals', 'stock', 'v1', '{hospital}');"
              "INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, "
              "numerator_metric, denominator_metric, comparator, target_pct, cadence, "
              "catalog_version, aspirational) VALUES ('5.4', 'BAĐT', 'EMR', 'V.4', 'ratio', "
              "'hospital_emr', 'hospital_total', '>=', 100, 'ongoing', 'v1', true)");
    counts(conn, "('hospital_emr', 'A-BV1', '2025-08-31', 'day', 1), "
                 "('hospital_total', 'A-BV1', '2025-08-31', 'day', 1), "
                 "('hospital_emr', 'B-BV1', '2025-08-31', 'day', 0), "
                 "('hospital_total', 'B-BV1', '2025-08-31', 'day', 1)");
    compute(conn);
    /* 1 of 2 hospitals: 50 %, 1 more needed; both hospitals reported: 2/2 = 100 % complete
     * (read over communes it was 2 of 3 communes, 66,67 %: C has no hospital) */
    ASSERT_CELL(conn, "5.4", "P", "2025-08", "1|2|50.0000|breach|1|100.00|2|2");
    /* A: its hospital, 1/1 */
    ASSERT_CELL(conn, "5.4", "A", "2025-08", "1|1|100.0000|met|0|100.00|1|1");
    /* C: no hospital: nothing expected, no completeness, and not in the missing data */
    ASSERT_CELL(conn, "5.4", "C", "2025-08", "-|-|-|no_data|-|-|0|0");
    PQfinish(conn);
}
END_TEST

/* 5.5.b: health stations and hospitals, one by one, against 50 %. */
START_TEST(share_over_two_facility_kinds)
{
    PGconn *conn = world();
    testlib_exec(conn,
                 "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) "
                 "VALUES ('checkup_ehealthbook', 'Lượt khám dùng SSKĐT', 'e-book', 'flow', 'v1');"
                 "INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, "
                 "numerator_metric, denominator_metric, comparator, target_pct, facility_kind, "
                 "inner_comparator, inner_target_pct, cadence, catalog_version) VALUES "
                 "('5.5.b', 'SSKĐT', 'e-book', 'V.5', 'share', 'checkup_ehealthbook', "
                 "'checkup_total', '>=', 100, 'health_facility,hospital', '>=', 50, 'ongoing', "
                 "'v1')");
    counts(conn, "('checkup_ehealthbook', 'A-TYT', '2025-10-05', 'day', 60), "
                 "('checkup_total', 'A-TYT', '2025-10-05', 'day', 100), "
                 "('checkup_ehealthbook', 'B-TYT', '2025-10-05', 'day', 40), "
                 "('checkup_total', 'B-TYT', '2025-10-05', 'day', 100), "
                 "('checkup_ehealthbook', 'A-BV1', '2025-10-05', 'day', 50), "
                 "('checkup_total', 'A-BV1', '2025-10-05', 'day', 100)");
    compute(conn);
    /* registered: A-TYT, B-TYT, A-BV1, B-BV1 = 4; meeting >= 50 %: A-TYT (60 %) and A-BV1
     * (50 %) = 2; 2/4 = 50 %, 2 more needed; reported 3 of 4 = 75 % complete (one kind only
     * would be 1/2 stations) */
    ASSERT_CELL(conn, "5.5.b", "P", "2025-10", "2|4|50.0000|breach|2|75.00|4|3");
    /* A: its station and its hospital both meet: 2/2 */
    ASSERT_CELL(conn, "5.5.b", "A", "2025-10", "2|2|100.0000|met|0|100.00|2|2");
    PQfinish(conn);
}
END_TEST

/* 7.5: "50 % số lượng trạm phát sóng 4G hiện nay": 5G over 4G, 4G fixed at 14/7/2025. */
static void item_7_5(PGconn *conn)
{
    testlib_exec(conn, "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) "
                       "VALUES ('bts_5g', 'Trạm 5G', '5G', 'stock', 'v1'), "
                       "('bts_4g', 'Trạm 4G', '4G', 'stock', 'v1');"
                       "INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, "
                       "numerator_metric, denominator_metric, comparator, target_pct, cadence, "
                       "catalog_version, denominator_baseline) VALUES ('7.5', '5G', '5G', 'VII.5', "
                       "'ratio', 'bts_5g', 'bts_4g', '>=', 50, 'ongoing', 'v1', '2025-07-14')");
}

/* 7.5: "50 % số lượng trạm phát sóng 4G hiện nay": 4G fixed at 14/7/2025, per unit. */
START_TEST(denominator_fixed_at_the_plans_date)
{
    PGconn *conn = world();
    item_7_5(conn);
    counts(conn, "('bts_4g', 'A', '2025-06-30', 'day', 90), "
                 "('bts_4g', 'A', '2025-07-10', 'day', 100), "
                 "('bts_4g', 'A', '2025-11-30', 'day', 160), "
                 "('bts_5g', 'A', '2025-11-30', 'day', 60), "
                 "('bts_4g', 'B', '2025-07-14', 'day', 40), "
                 "('bts_4g', 'B', '2025-11-30', 'day', 50), "
                 "('bts_5g', 'B', '2025-11-30', 'day', 25), "
                 "('bts_4g', 'C', '2025-07-01', 'month', 10), "
                 "('bts_5g', 'C', '2025-11-30', 'day', 5)");
    compute(conn);
    /* A: 4G on 10/7 (the last on or before 14/7) = 100; 60/100 = 60 %, met (today's 160
     * would give 37,5 %, a breach) */
    ASSERT_CELL(conn, "7.5", "A", "2025-11", "60|100|60.0000|met|0|-|-|-");
    /* B: 4G on 14/7 itself counts: 40; 25/40 = 62,5 % */
    ASSERT_CELL(conn, "7.5", "B", "2025-11", "25|40|62.5000|met|0|-|-|-");
    /* C: a July month-level count stands for 31/7, after the day: no baseline */
    char *why = testlib_value(conn, "SELECT reason FROM kpi.indicator_value WHERE indicator_id = "
                                    "'7.5' AND unit_code = 'C' AND period_label = '2025-11' "
                                    "AND period_kind = 'month'");
    ck_assert_msg(strstr(why, "bts_4g (fixed at 2025-07-14)") != NULL, "%s", why);
    free(why);
    /* P: 60 + 25 + 5 = 90 over 100 + 40 = 140: 64,2857 %; the same baseline in January */
    ASSERT_CELL(conn, "7.5", "P", "2025-11", "90|140|64.2857|met|0|66.67|3|2");
    assert_value(conn,
                 "SELECT denominator FROM kpi.indicator_value WHERE indicator_id = '7.5' "
                 "AND unit_code = 'P' AND period_kind = 'month' AND period_label = '2025-07'",
                 "140");
    /* nothing is found wrong with a total that is not one: no finding on bts_4g@… */
    assert_value(conn, "SELECT count(*) FROM kpi.data_quality_finding WHERE metric LIKE '%@%'",
                 "0");
    PQfinish(conn);
}
END_TEST

/* The same 7.5 where the last 4G count before 14/7 is months earlier (kpi.compute_own_values
 * reads the 45 days before the day first, then further back only for the codes kpi.metric_half
 * shows holding an earlier half): A counted on 20/3 and again after the day; B sent a March
 * month-level count (ended by 14/7: it counts) and a July one (it does not); a night then adds a
 * December 5G count of A, computed incrementally. */
START_TEST(denominator_fixed_long_before_is_read_back)
{
    PGconn *conn = world();
    item_7_5(conn);
    counts(conn, "('bts_4g', 'A', '2025-03-20', 'day', 70), "
                 "('bts_4g', 'A', '2025-10-01', 'day', 150), "
                 "('bts_5g', 'A', '2025-11-30', 'day', 42), "
                 "('bts_4g', 'B', '2025-03-01', 'month', 30), "
                 "('bts_4g', 'B', '2025-07-01', 'month', 35), "
                 "('bts_5g', 'B', '2025-11-30', 'day', 12)");
    compute(conn);
    const char *q = "SELECT concat_ws('|', numerator, denominator, ratio_pct) FROM "
                    "kpi.indicator_value WHERE indicator_id = '7.5' AND unit_code = '%s' AND "
                    "period_kind = 'month' AND period_label = '%s'";
    char sql[512];
    /* A: 4G on 20/3 = 70 (116 days before the day; 150 on 1/10 is after it): 42/70 = 60 % */
    snprintf(sql, sizeof sql, q, "A", "2025-11");
    assert_value(conn, sql, "42|70|60.0000");
    /* B: March's month-level 30 (July's 35 ends on 31/7, after the day): 12/30 = 40 % */
    snprintf(sql, sizeof sql, q, "B", "2025-11");
    assert_value(conn, sql, "12|30|40.0000");
    /* P: 42 + 12 = 54 over 70 + 30 = 100: 54 % */
    snprintf(sql, sizeof sql, q, "P", "2025-11");
    assert_value(conn, sql, "54|100|54.0000");
    /* a night: A's 5G on 1/12 = 45; the incremental run reads the same baseline: 45/70 =
     * 64,2857 % */
    counts(conn, "('bts_5g', 'A', '2025-12-01', 'day', 45)");
    struct compute_opts inc = {NULL, NULL, false};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &inc, &r), KPI_OK);
    ck_assert(!r.full);
    snprintf(sql, sizeof sql, q, "A", "2025-12");
    assert_value(conn, sql, "45|70|64.2857");
    PQfinish(conn);
}
END_TEST

/* 1.2: every commune must do it, by 14/7/2025; A on 10/7, B late on 20/7, C never. */
START_TEST(task_done_by_two_of_three_communes)
{
    PGconn *conn = world();
    testlib_exec(conn,
                 "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) "
                 "VALUES ('task_1_2_done', 'Nhiệm vụ 1.2', 'task 1.2', 'stock', 'v1');"
                 "INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, cadence, "
                 "due_date, catalog_version, status_metric, assigned_to) VALUES ('1.2', "
                 "'Ban hành Kế hoạch', 'plan issued', 'I.2', 'task', 'due', '2025-07-14', 'v1', "
                 "'task_1_2_done', 'communes')");
    counts(conn, "('task_1_2_done', 'A', '2025-07-10', 'day', 1), "
                 "('task_1_2_done', 'B', '2025-07-20', 'day', 1)");
    compute(conn);
    /* P: 2 of 3 communes done: 66,6667 %, one lagging; 2 of 3 reported a status; past due */
    ASSERT_CELL(conn, "1.2", "P", "2025-07", "2|3|66.6667|breach|1|66.67|3|2");
    assert_value(conn,
                 "SELECT reason_vi FROM kpi.indicator_value WHERE indicator_id = '1.2' AND "
                 "unit_code = 'P' AND period_kind = 'month' AND period_label = '2025-07'",
                 "quá hạn: 2/3 đơn vị được giao hoàn thành đến 14/07/2025");
    /* each commune its own cell: A done, B done 20/7 - 14/7 = 6 days late, C breached */
    ASSERT_CELL(conn, "1.2", "A", "2025-07", "1|1|100|met|0|-|-|-");
    ASSERT_CELL(conn, "1.2", "C", "2025-07", "0|1|0|breach|1|-|-|-");
    assert_value(conn,
                 "SELECT status || ' ' || late_days FROM kpi.indicator_value WHERE "
                 "indicator_id = '1.2' AND unit_code = 'B' AND period_label = '2025-07' "
                 "AND period_kind = 'month'",
                 "met 6");
    PQfinish(conn);
}
END_TEST

/* 4.4: a monitored series: its rate is shown, it is never judged and never alerts. */
START_TEST(monitored_series_never_alerts)
{
    PGconn *conn = world();
    testlib_exec(conn, "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) "
                       "VALUES ('lodging_notice_asm', 'Lưu trú qua ASM', 'ASM', 'flow', 'v1'), "
                       "('lodging_notice_total', 'Lưu trú', 'lodging', 'flow', 'v1');"
                       "INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, "
                       "numerator_metric, denominator_metric, cadence, catalog_version) VALUES "
                       "('4.4', 'ASM', 'ASM', 'IV.4', 'monitor', 'lodging_notice_asm', "
                       "'lodging_notice_total', 'ongoing', 'v1')");
    counts(conn, "('lodging_notice_asm', 'A', '2025-03-05', 'day', 3), "
                 "('lodging_notice_total', 'A', '2025-03-05', 'day', 40)");
    compute(conn);
    /* A: 3/40 = 7,5 %, shown, no gap: there is no target */
    ASSERT_CELL(conn, "4.4", "A", "2025-03", "3|40|7.5000|monitor|-|-|-|-");
    /* C: nothing reported: monitor still, with why */
    assert_value(conn,
                 "SELECT status || ': ' || reason_vi FROM kpi.indicator_value WHERE "
                 "indicator_id = '4.4' AND unit_code = 'C' AND period_label = '2025-03' AND "
                 "period_kind = 'month'",
                 "monitor: theo dõi: không có số liệu lodging_notice_asm");
    /* the alert evaluation's cells (kpi.alert_cells) and wants hold none of it, even at a
     * completeness floor of 100 % and escalating at once */
    testlib_exec(conn, "BEGIN; SELECT kpi.alert_cells('[{\"period_kinds\": [\"month\"]}]', "
                       "'2026-01-15', 100, 30); SELECT kpi.alert_wants(1)");
    assert_value(conn, "SELECT count(*) FROM alert_cell WHERE indicator_id = '4.4'", "0");
    assert_value(conn, "SELECT count(*) FROM alert_want WHERE indicator_id = '4.4'", "0");
    testlib_exec(conn, "COMMIT");
    PQfinish(conn);
}
END_TEST

/* 5.3.a ("phấn đấu 100 % doanh nghiệp") against 5.2 (binding): both breached. */
START_TEST(aspirational_target_alerts_at_most_warning)
{
    PGconn *conn = world();
    testlib_exec(conn, "UPDATE kpi.indicator SET aspirational = true WHERE id = '5.3.a'");
    counts(conn, "('citizen_14plus', 'A', '2025-09-30', 'day', 100), "
                 "('citizen_14plus_vneid_active', 'A', '2025-09-30', 'day', 50), "
                 "('enterprise_eid', 'A', '2025-09-30', 'day', 5), "
                 "('enterprise_total', 'A', '2025-09-30', 'day', 10)");
    compute(conn);
    /* 5.2: 50/100 is not above 85 %; 5.3.a: 5/10 = 50 % < 100 %, after its due date 18/8 */
    ASSERT_CELL(conn, "5.2", "A", "2025-09", "50|100|50.0000|breach|36|-|-|-");
    ASSERT_CELL(conn, "5.3.a", "A", "2025-09", "5|10|50.0000|breach|5|-|-|-");
    /* escalating after 1 period: the binding target is critical, the aspirational one a
     * warning, for the breach and for the data-missing alert alike */
    testlib_exec(conn, "BEGIN; SELECT kpi.alert_cells('[{\"period_kinds\": [\"month\"]}]', "
                       "'2025-10-15', 100, 30); SELECT kpi.alert_wants(1)");
    assert_value(conn,
                 "SELECT string_agg(DISTINCT severity, ',') FROM alert_want WHERE "
                 "indicator_id = '5.2' AND unit_code = 'A' AND want = 'firing'",
                 "critical");
    assert_value(conn,
                 "SELECT string_agg(DISTINCT severity, ',') FROM alert_want WHERE "
                 "indicator_id = '5.3.a' AND want = 'firing'",
                 "warning");
    testlib_exec(conn, "COMMIT");
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("population");
    TCase *tc = tcase_create("population");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, completeness_of_a_hospital_metric_counts_hospitals);
    tcase_add_test(tc, share_over_two_facility_kinds);
    tcase_add_test(tc, denominator_fixed_at_the_plans_date);
    tcase_add_test(tc, denominator_fixed_long_before_is_read_back);
    tcase_add_test(tc, task_done_by_two_of_three_communes);
    tcase_add_test(tc, monitored_series_never_alerts);
    tcase_add_test(tc, aspirational_target_alerts_at_most_warning);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
