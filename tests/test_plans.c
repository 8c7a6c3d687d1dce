/*
 * test_plans.c — plan after plan (issue 18): the catalog of two plans, the 2025 plan
 * (indicators/kh05-2025/) and the synthetic test plan of tests/data/plans/test-2026/ (a test
 * plan, not a real document: in force 1/1/2026 to 31/12/2026; 3.1 continues kh05-2025/3.1
 * with its threshold raised from "trên 80 %" to "trên 85 %"; 5.9 reuses the number of a
 * 2025 task for another target), loaded into a real PostgreSQL and run through kpi migrate,
 * ingest, compute, show, report and alerts. Each expectation has its hand computation beside
 * it.
 *
 * The counts (three communes of tests/data/migrate/units.csv, the same each; the province
 * is their sum): dvc_essential_online / dvc_essential_total on
 *   10/9/2025  82 / 100    20/12/2025  83 / 100    10/1/2026  84 / 100.
 */
#include "catalog/catalog.h"
#include "common/status.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const communes[] = {"01840", "01843", "01849"};

/* A new catalog directory: the shipped one (metrics, schedule, kh05-2025/), and the test plan
 * when WITH_TEST_PLAN. Static storage. */
static const char *catalog_copy(bool with_test_plan)
{
    static char dir[4096];
    char cmd[16384];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    snprintf(cmd, sizeof cmd, "cp -r '%s/metrics.json' '%s/schedule.json' '%s/kh05-2025' '%s/'",
             testlib_path("indicators"), testlib_path("indicators"), testlib_path("indicators"),
             dir);
    ck_assert_int_eq(system(cmd), 0);
    if (with_test_plan) {
        snprintf(cmd, sizeof cmd, "cp -r '%s' '%s/'", testlib_path("tests/data/plans/test-2026"),
                 dir);
        ck_assert_int_eq(system(cmd), 0);
    }
    return dir;
}

/* Run `kpi --db DB ARGS...` (at most 12, NULL-terminated), expecting exit status WANT; its
 * stdout (malloc'd). */
#define kpi(db, want, ...) kpi_args(db, want, (const char *[]){__VA_ARGS__, NULL})
static char *kpi_args(const char *db, int want, const char **a)
{
    const char *env[] = {"KPI_CATALOG=", NULL};
    const char *args[15] = {"--db", db};
    for (size_t i = 0; i < 12 && a[i] != NULL; i++)
        args[i + 2] = a[i];
    const char *a1 = a[0], *a2 = a[0] ? a[1] : NULL;
    char *out = NULL, *err = NULL;
    int rc = testlib_kpi(&out, &err, env, args);
    ck_assert_msg(rc == want, "kpi %s %s: exit %d: %s", a1, a2 ? a2 : "", rc, err);
    free(err);
    return out;
}

/* The value of SQL (one row, one column), compared with WANT. */
static void assert_value(PGconn *conn, const char *sql, const char *want)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, want) == 0, "%s: \"%s\", expected \"%s\"", sql,
                  v ? v : "(no row)", want);
    free(v);
}

/* "plan|numerator|denominator|ratio|status|target|gap" of one cell. */
#define CELL(id, unit, kind, label)                                                                \
    "SELECT plan_id || '|' || coalesce(numerator::text, '-') || '|' || "                           \
    "coalesce(denominator::text, '-') || '|' || coalesce(ratio_pct::text, '-') || '|' || status "  \
    "|| '|' || coalesce(trim_scale(target_pct)::text, '-') || '|' || "                             \
    "coalesce(gap_count::text, '-') FROM kpi.indicator_series WHERE indicator_id = '" id "' "      \
    "AND unit_code = '" unit "' AND period_kind = '" kind "' AND period_label = '" label "'"

/* Ingest the counts of DAY (YYYY-MM-DD) of the ratio NUM / DEN: N / D for each commune, or
 * for UNIT only. */
static void ingest_ratio(const char *db, const char *num, const char *den, const char *day, int n_,
                         int d, const char *unit)
{
    char csv[2048], path[4096];
    size_t n = (size_t)snprintf(csv, sizeof csv, "period,unit,metric,value\n");
    for (size_t i = 0; i < 3; i++) {
        if (unit != NULL && strcmp(unit, communes[i]) != 0)
            continue;
        n += (size_t)snprintf(csv + n, sizeof csv - n, "%s,%s,%s,%d\n%s,%s,%s,%d\n", day,
                              communes[i], num, n_, day, communes[i], den, d);
    }
    snprintf(path, sizeof path, "%s/%s-%s%s%s.csv", testlib_tmpdir(), num, day, unit ? "-" : "",
             unit ? unit : "");
    testlib_write_file(path, csv, n);
    free(kpi(db, KPI_OK, "ingest", path, NULL, NULL, NULL, NULL, NULL));
}

/* Ingest the counts of DAY (YYYY-MM-DD) of 3.1: ONLINE / TOTAL for each commune, or for UNIT
 * only. */
static void ingest(const char *db, const char *day, int online, int total, const char *unit)
{
    ingest_ratio(db, "dvc_essential_online", "dvc_essential_total", day, online, total, unit);
}

/* The catalog of both plans as read: plans in order, series across plans, a version per
 * item; a plan overlapping another and a "continues" naming no item are refused. */
START_TEST(catalog_of_two_plans)
{
    struct catalog *cat = NULL;
    ck_assert_int_eq(catalog_load(catalog_copy(true), &cat), KPI_OK);
    for (size_t i = 0; i < cat->n_problems; i++)
        fprintf(stderr, "%s: %s: %s\n", cat->problems[i].file, cat->problems[i].path,
                cat->problems[i].message);
    ck_assert_uint_eq(cat->n_problems, 0);
    /* 38 items of 2025 and the test plan's 2, the plans by their first day */
    ck_assert_uint_eq(cat->n_indicators, 40);
    ck_assert_uint_eq(cat->n_plans, 2);
    ck_assert_str_eq(cat->plans[0].id, "kh05-2025");
    ck_assert_str_eq(cat->plans[0].appendix_number, "06/KH-UBND"); /* the appendix's own */
    ck_assert_str_eq(cat->plans[1].id, "test-2026");
    const struct catalog_indicator *a31 = NULL, *b31 = NULL, *a59 = NULL, *b59 = NULL;
    for (size_t i = 0; i < cat->n_indicators; i++) {
        const struct catalog_indicator *d = &cat->indicators[i];
        bool b = strcmp(d->plan, "test-2026") == 0;
        if (strcmp(d->id, "3.1") == 0)
            *(b ? &b31 : &a31) = d;
        if (strcmp(d->id, "5.9") == 0)
            *(b ? &b59 : &a59) = d;
    }
    ck_assert(a31 && b31 && a59 && b59);
    /* "continues": one series; the reused number without it: two */
    ck_assert_str_eq(a31->series, "kh05-2025/3.1");
    ck_assert_str_eq(b31->series, "kh05-2025/3.1");
    ck_assert_str_eq(a59->series, "kh05-2025/5.9");
    ck_assert_str_eq(b59->series, "test-2026/5.9");
    ck_assert_str_ne(a31->version, b31->version);
    catalog_free(cat);

    /* a plan whose days overlap the 2025 plan's, and a continues naming no item */
    const char *dir = catalog_copy(true);
    char cmd[16384];
    snprintf(cmd, sizeof cmd,
             "sed -i 's/\"2026-01-01\"/\"2025-12-01\"/' '%s/test-2026/plan.json' && "
             "sed -i 's|kh05-2025/3.1|kh05-2025/3.99|' '%s/test-2026/3.1.json'",
             dir, dir);
    ck_assert_int_eq(system(cmd), 0);
    ck_assert_int_eq(catalog_load(dir, &cat), KPI_OK);
    ck_assert_uint_eq(cat->n_problems, 2);
    ck_assert_str_eq(cat->problems[0].file, "test-2026");
    ck_assert_ptr_nonnull(strstr(cat->problems[0].message, "while plan kh05-2025 is in force "
                                                           "until 2025-12-31"));
    ck_assert_str_eq(cat->problems[1].file, "test-2026/3.1.json");
    ck_assert_str_eq(cat->problems[1].path, "/continues");
    catalog_free(cat);
}
END_TEST

/* A snapshot of the 2025 plan's cells of 2025 periods, every column (computed_at and run_id
 * too: a cell rewritten with the same numbers is touched). */
/* "true" when the 2025 plan has cells of 2026 and every one is not judged, saying the plan in
 * force there lacks the item. */
#define KH05_CELLS_OF_2026_NOT_IN_PLAN                                                             \
    "SELECT (count(*) > 0 AND count(*) = count(*) FILTER (WHERE status = 'no_target' "             \
    "AND reason_vi LIKE 'kế hoạch có hiệu lực vào ngày cuối kỳ "                    \
    "không có chỉ tiêu này%'))::text FROM kpi.indicator_value "                              \
    "WHERE plan_id = 'kh05-2025' AND period_end > '2025-12-31'"

#define CELLS_2025                                                                                 \
    "SELECT * FROM kpi.indicator_value WHERE plan_id = 'kh05-2025' AND period_end <= '2025-12-31'"

START_TEST(each_period_judged_by_the_plan_in_force_on_its_last_day)
{
    const char *db = testlib_db_new();
    PGconn *conn = testlib_connect(db);
    char cat1[4096], cat2[4096];
    snprintf(cat1, sizeof cat1, "%s", catalog_copy(false));
    snprintf(cat2, sizeof cat2, "%s", catalog_copy(true));
    free(kpi(db, KPI_OK, "--catalog", cat1, "migrate", NULL, NULL, NULL, NULL));
    free(kpi(db, KPI_OK, "units", "load", testlib_path("tests/data/migrate/units.csv"), NULL, NULL,
             NULL, NULL));
    ingest(db, "2025-01-10", 79, 100, NULL);
    ingest(db, "2025-09-10", 82, 100, NULL);
    ingest(db, "2025-12-20", 83, 100, NULL);
    ingest(db, "2026-01-10", 84, 100, NULL);
    free(kpi(db, KPI_OK, "compute", NULL, NULL, NULL, NULL, NULL, NULL));

    /* before the test plan: no plan is in force on 14/01/2026, the last day of the reporting
     * month 2026-01, so its cell is not judged (the 2025 plan's item gives it, no_target);
     * its counts are still summed: 3 × (83 + 84) = 501 of 3 × 200 = 600 */
    assert_value(conn, CELL("3.1", "19", "report_month", "2026-01"),
                 "kh05-2025|501|600|-|no_target|80|-");
    assert_value(conn,
                 "SELECT reason_vi FROM kpi.indicator_value WHERE indicator_id = '3.1' AND "
                 "unit_code = '19' AND period_kind = 'report_month' AND period_end = '2026-01-14'",
                 "không có kế hoạch nào có hiệu lực vào ngày cuối kỳ: không đánh giá");
    testlib_exec(conn, "CREATE TABLE public.before AS " CELLS_2025);
    assert_value(conn, "SELECT (count(*) > 100)::text FROM public.before", "true");

    /* the test plan loaded: only it is added, nothing of 2025 changes */
    char *out = kpi(db, KPI_OK, "--catalog", cat2, "migrate", NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(strstr(out, "added plan test-2026 (in force 2026-01-01 → 2026-12-31)"));
    ck_assert_ptr_nonnull(strstr(out, "added 2 indicators: test-2026/3.1 test-2026/5.9"));
    ck_assert_ptr_null(strstr(out, "changed indicator"));
    free(out);
    free(kpi(db, KPI_OK, "compute", NULL, NULL, NULL, NULL, NULL, NULL));
    /* no 2025 cell touched: the same rows, every column, before and after */
    assert_value(conn,
                 "SELECT count(*) FROM ((TABLE public.before EXCEPT " CELLS_2025
                 ") UNION ALL (" CELLS_2025 " EXCEPT TABLE public.before)) d",
                 "0");

    /* 2025 periods by the 2025 plan: September, 3 × 82 = 246 of 300 = 82 % > 80 %: met */
    assert_value(conn, CELL("3.1", "19", "month", "2025-09"), "kh05-2025|246|300|82.0000|met|80|0");
    /* December 2025, 249 of 300 = 83 % > 80 % */
    assert_value(conn, CELL("3.1", "19", "month", "2025-12"), "kh05-2025|249|300|83.0000|met|80|0");
    /* 2026 periods by the test plan: January, 252 of 300 = 84 %, not above 85 %: breach; the
     * smallest count above: 85 × 300 / 100 = 255, so 256, gap 256 − 252 = 4 */
    assert_value(conn, CELL("3.1", "19", "month", "2026-01"),
                 "test-2026|252|300|84.0000|breach|85|4");
    /* the reporting month 2026-01, 15/12/2025 → 14/01/2026, by the test plan (its last day):
     * 501 of 600 = 83.5 %, above 85 % needs 511 (85 × 600 / 100 = 510), gap 10 */
    assert_value(conn, CELL("3.1", "19", "report_month", "2026-01"),
                 "test-2026|501|600|83.5000|breach|85|10");
    /* a commune: 167 of 200 = 83.5 %; above 85 % needs 171 (170 + 1), gap 4 */
    assert_value(conn, CELL("3.1", "01840", "report_month", "2026-01"),
                 "test-2026|167|200|83.5000|breach|85|4");
    /* the 2025 plan's targets are not judged in 2026: its cells there (computed before the
     * test plan was loaded) stay not judged, and say the plan in force lacks the item */
    assert_value(conn, KH05_CELLS_OF_2026_NOT_IN_PLAN, "true");
    /* the reused number: two series, kh05-2025/5.9 (a task, 2025) and test-2026/5.9 (a ratio
     * of 2026: 252 of 300 = 84 % ≥ 80 %, met) */
    assert_value(conn,
                 "SELECT string_agg(DISTINCT series, ',') FROM kpi.indicator_series "
                 "WHERE indicator_id = '5.9'",
                 "kh05-2025/5.9,test-2026/5.9");
    assert_value(conn, CELL("5.9", "19", "month", "2026-01"), "test-2026|252|300|84.0000|met|80|0");
    /* the continued item: one series over both years */
    assert_value(conn,
                 "SELECT string_agg(DISTINCT series, ',') FROM kpi.indicator_series "
                 "WHERE indicator_id = '3.1'",
                 "kh05-2025/3.1");

    /* kpi show, table and JSON: the test plan's target and verdict */
    out = kpi(db, KPI_OK, "show", "3.1", "--period", "2026-01", "--kind", "report_month", NULL);
    ck_assert_msg(strstr(out, "trên 85 %") != NULL && strstr(out, "không đạt") != NULL, "%s", out);
    ck_assert_msg(strstr(out, "83,5 %") != NULL, "%s", out);
    free(out);
    out = kpi(db, KPI_OK, "show", "3.1", "--period", "2026-01", "--kind", "report_month",
              "--format", "json");
    ck_assert_msg(strstr(out, "\"plan_id\":\t\"test-2026\"") != NULL, "%s", out);
    ck_assert_msg(strstr(out, "\"target_pct\":\t85,") != NULL, "%s", out);
    ck_assert_msg(strstr(out, "\"status\":\t\"breach\"") != NULL, "%s", out);
    free(out);
    /* --plan: the 2025 plan judged no cell of that period */
    out = kpi(db, KPI_OK, "show", "3.1", "--period", "2026-01", "--kind", "report_month", "--plan",
              "kh05-2025", "--format", "json");
    ck_assert_msg(strstr(out, "test-2026") == NULL && strstr(out, "kh05-2025") == NULL, "%s", out);
    free(out);

    /* the report of the reporting month 2026-01: the test plan's items and targets */
    char html[8192];
    snprintf(html, sizeof html, "%s/report.html", testlib_tmpdir());
    free(kpi(db, KPI_OK, "report", "--period", "2026-01", "--out", html, NULL, NULL));
    char *page = testlib_read_file(html);
    ck_assert_msg(strstr(page, "trên 85 %") != NULL, "no test plan target in the report");
    ck_assert_msg(strstr(page, "Chỉ tiêu thử 5.9") != NULL, "no test plan item in the report");
    /* 1.1, a task of the 2025 plan, is not reported as overdue in 2026 */
    ck_assert_msg(strstr(page, "Kiện toàn Tổ Công tác") == NULL, "a 2025 task in 2026's report");
    /* cùng kỳ năm trước: the reporting month 2025-01 (15/12/2024 → 14/01/2025) of the same
     * series, judged by the 2025 plan: 3 × 79 = 237 of 300 = 79 %; only 3.1 continues an
     * item, so only its row says it (test-2026/5.9 reuses a number: no comparison) */
    ck_assert_msg(strstr(page, "cùng kỳ năm trước: 79 %") != NULL, "no year-on-year of 3.1");
    const char *first = strstr(page, "cùng kỳ năm trước");
    ck_assert_msg(strstr(first + 1, "cùng kỳ năm trước") == NULL, "a second year-on-year");
    /* the footer names the catalog by its versions (one per item): how many the period's
     * cells were computed with and a digest, not every hash */
    char *versions = testlib_value(
        conn, "SELECT count(DISTINCT catalog_version) || ' phiên bản (tóm tắt ' || "
              "left(md5(string_agg(DISTINCT catalog_version, ',' ORDER BY catalog_version)), 12) "
              "|| ')' FROM kpi.indicator_value WHERE unit_code = '19' AND period_kind = "
              "'report_month' AND period_end = '2026-01-14'");
    char want[256];
    snprintf(want, sizeof want, "<b id=\"catalog-version\">%s</b>", versions);
    ck_assert_msg(strstr(page, want) != NULL, "no %s in the footer", want);
    ck_assert_msg(versions[0] != '1' || versions[1] != ' ', "one version only: %s", versions);
    free(versions);
    free(page);

    /* alerts: the breach of the reporting month judged by the test plan, keyed by the series
     * (the one key across years: kh05-2025/3.1) */
    char routes[8192];
    snprintf(routes, sizeof routes, "%s/routes.json", testlib_tmpdir());
    const char *r = "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": {\"url\": "
                    "\"http://127.0.0.1:9/hook\"}}], \"routes\": [{\"receiver\": \"leaders\", "
                    "\"units\": \"province\", \"indicators\": [\"3.1\"], "
                    "\"period_kinds\": [\"report_month\"]}]}";
    testlib_write_file(routes, r, strlen(r));
    free(kpi(db, KPI_OK, "alerts", "--routes", routes, "--now", "2026-01-20 08:00+07", NULL, NULL));
    assert_value(conn,
                 "SELECT plan_id || '|' || status || '|' || trim_scale(target_pct) || '|' || "
                 "(fingerprint = kpi.alert_fingerprint('status', 'kh05-2025/3.1', '19', "
                 "'report_month'))::text FROM kpi.alert WHERE indicator_id = '3.1' AND kind = "
                 "'status' AND unit_code = '19' "
                 "AND state = 'firing'",
                 "test-2026|breach|85|true");
    char *body = testlib_value(conn, "SELECT string_agg(body_text, ' ') FROM kpi.outbox");
    ck_assert_msg(body != NULL && strstr(body, "trên 85 %") != NULL, "%s", body);
    free(body);

    /* a late correction to September 2025 (01840: 81 instead of 82) after the test plan is
     * loaded: recomputed under the 2025 plan, 81 % > 80 %: met (under the test plan's 85 % it
     * would be a breach); the province 245 of 300 = 81.6667 % */
    ingest(db, "2025-09-10", 81, 100, "01840");
    free(kpi(db, KPI_OK, "compute", NULL, NULL, NULL, NULL, NULL, NULL));
    assert_value(conn, CELL("3.1", "01840", "month", "2025-09"),
                 "kh05-2025|81|100|81.0000|met|80|0");
    assert_value(conn, CELL("3.1", "19", "month", "2025-09"), "kh05-2025|245|300|81.6667|met|80|0");
    /* a night inside the computed months with the same catalog: the last two runs share
     * their digest (plans included) and months, so kpi.compute_store looks for stale cells
     * among those the run wrote only; the night's cells are written and the 2025 plan's
     * cells of 2026 (which no night rewrites) still say the plan in force lacks the item */
    ingest(db, "2026-01-12", 85, 100, NULL);
    free(kpi(db, KPI_OK, "compute", NULL, NULL, NULL, NULL, NULL, NULL));
    assert_value(conn,
                 "SELECT (count(DISTINCT catalog_digest) = 1 AND min(from_month) = max(from_month) "
                 "AND min(to_month) = max(to_month))::text FROM (SELECT * FROM kpi.compute_run "
                 "ORDER BY id DESC LIMIT 2) r",
                 "true");
    /* the night's cells written: January 2026, 3 × (84 + 85) = 507 of 600 = 84.5 %; above
     * 85 % needs 511, gap 4 */
    assert_value(conn, CELL("3.1", "19", "month", "2026-01"),
                 "test-2026|507|600|84.5000|breach|85|4");
    assert_value(conn, KH05_CELLS_OF_2026_NOT_IN_PLAN, "true");

    /* a night with counts of an item the test plan lacks (3.6, of the 2025 plan only): its
     * periods of 2026 have no catalog row (kpi.indicator_at), so the night computes none of
     * its cells there and rewrites none; they still say the plan in force lacks the item,
     * and the night archived no version of its own (kpi.indicator_value_history) */
    ingest_ratio(db, "result_individual_archived", "result_individual_issued", "2026-01-13", 40, 50,
                 NULL);
    free(kpi(db, KPI_OK, "compute", NULL, NULL, NULL, NULL, NULL, NULL));
    assert_value(conn,
                 "SELECT count(*) FILTER (WHERE run_id = (SELECT max(id) FROM kpi.compute_run)) "
                 "|| '/' || count(*) FROM kpi.indicator_value WHERE indicator_id = '3.6' AND "
                 "period_end > '2025-12-31' AND unit_code = '19'",
                 "0/3");
    assert_value(conn, CELL("3.6", "19", "month", "2026-01"), "kh05-2025|-|-|-|no_target|100|-");
    assert_value(conn, KH05_CELLS_OF_2026_NOT_IN_PLAN, "true");
    assert_value(conn,
                 "SELECT count(*) FROM kpi.indicator_value_history "
                 "WHERE run_id = (SELECT max(id) FROM kpi.compute_run)",
                 "0");
    PQfinish(conn);
}
END_TEST

static Suite *plans_suite(void)
{
    Suite *s = suite_create("plans");
    TCase *files = tcase_create("files");
    tcase_add_test(files, catalog_of_two_plans);
    suite_add_tcase(s, files);
    TCase *db = tcase_create("db");
    tcase_set_timeout(db, 300);
    tcase_add_test(db, each_period_judged_by_the_plan_in_force_on_its_last_day);
    suite_add_tcase(s, db);
    return s;
}

int main(void)
{
    return testlib_run(plans_suite());
}
