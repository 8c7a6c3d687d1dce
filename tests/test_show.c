/*
 * test_show.c — `kpi show`: the table for people (Vietnamese and English
 * number formats, alignment by display width, breaches marked, no colour
 * off a terminal) and the CSV and JSON for scripts ('.' decimals, exact).
 */
#include "db/migrate.h"
#include "common/status.h"
#include "testlib.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char db[4096];

/* March 2025: A 1204 of 1497 essential services online (80.4275 %, met);
 * B 100 of 1000 (10 %, a breach: 801 - 100 = 701 more); the province
 * 1304 of 2497 (130400 / 2497 = 52.22267, stored as 52.2227 %; floor(80 * 2497 / 100) + 1 = 1998,
 * 694 more). */
static void setup(void)
{
    snprintf(db, sizeof db, "%s", testlib_db_new());
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    char *sql = testlib_read_file(testlib_path("tests/data/compute_world.sql"));
    testlib_exec(conn, sql);
    free(sql);
    testlib_exec(conn, "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, "
                       "value, submission_id, line_no) VALUES "
                       "('dvc_essential_online', 'A', '2025-03-01', 'month', 1204, 1, 2), "
                       "('dvc_essential_total', 'A', '2025-03-01', 'month', 1497, 1, 3), "
                       "('dvc_essential_online', 'B', '2025-03-01', 'month', 100, 1, 4), "
                       "('dvc_essential_total', 'B', '2025-03-01', 'month', 1000, 1, 5)");
    PQfinish(conn);
    const char *args[] = {"--db", db, "compute", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, args), KPI_OK);
}

static char *show(int want, const char *a1, const char *a2, const char *a3, const char *a4)
{
    const char *args[] = {"--db", db, "show", a1, a2, a3, a4, NULL};
    char *out = NULL, *err = NULL;
    int st = testlib_kpi(&out, &err, NULL, args);
    ck_assert_msg(st == want, "exit %d, stderr: %s", st, err);
    free(err);
    return out;
}

/* The line of OUT that contains NEEDLE (static copy). */
static const char *line_with(const char *out, const char *needle)
{
    static char line[1024];
    const char *p = strstr(out, needle);
    ck_assert_msg(p != NULL, "'%s' not in:\n%s", needle, out);
    while (p > out && p[-1] != '\n')
        p--;
    size_t n = strcspn(p, "\n");
    ck_assert_uint_lt(n, sizeof line);
    memcpy(line, p, n);
    line[n] = '\0';
    return line;
}

/* Columns of a line: code points, not bytes (no combining marks here). */
static size_t columns(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

START_TEST(table_is_vietnamese_by_default)
{
    setup();
    char *out = show(KPI_OK, "3.1", "--unit", "all", "--period=2025-03");
    const char *a = line_with(out, "Xã Ân");
    ck_assert_msg(strstr(a, "1.204") && strstr(a, "1.497") && strstr(a, "80,4 %") &&
                      strstr(a, "✓ đạt") && strstr(a, "trên 80 %"),
                  "%s", a);
    const char *b = line_with(out, "Phường Bình");
    /* 80 % of 1000 is 800, strictly above: 801 - 100 = 701 more (compute_world has no nouns:
     * the count alone) */
    ck_assert_msg(strstr(b, "✗ không đạt") && strstr(b, "10,0 %") && strstr(b, "cần thêm 701"),
                  "%s", b);
    const char *p = line_with(out, "Tỉnh Thử");
    ck_assert_msg(strstr(p, "1.304") && strstr(p, "2.497") && strstr(p, "52,2 %") &&
                      strstr(p, "cần thêm 694") && strstr(p, "66,6 %"),
                  "%s", p);
    ck_assert_msg(strstr(out, "\033[") == NULL, "colour off a terminal");
    /* the reasons, in Vietnamese, below the table */
    ck_assert_msg(strstr(line_with(out, "3.1 Xã Đông:"),
                         "không có số liệu dvc_essential_online và dvc_essential_total"),
                  "%s", out);
    /* the province first, then communes in Vietnamese order: Phường Bình, Xã Ân, Xã Đông */
    ck_assert_ptr_nonnull(strstr(out, "Xã Đông"));
    ck_assert(strstr(out, "Tỉnh Thử") < strstr(out, "Phường Bình"));
    ck_assert(strstr(out, "Phường Bình") < strstr(out, "Xã Ân"));
    ck_assert(strstr(out, "Xã Ân") < strstr(out, "Xã Đông"));
    free(out);
}
END_TEST

START_TEST(table_columns_align_by_display_width)
{
    setup();
    char *out = show(KPI_OK, "--unit", "all", "--lang", "vi");
    ck_assert_ptr_nonnull(strstr(out, "Kỳ: tháng 2025-03 (01/03/2025 → 31/03/2025)"));
    ck_assert_ptr_nonnull(strstr(line_with(out, "5.3.a "), "từ 100 % trở lên"));
    /* the deadline once per indicator below the table: the inclusive last day */
    ck_assert_ptr_nonnull(strstr(line_with(out, "  5.3.a "), "hạn cuối 18/08/2025"));
    /* every line of the table (header, rule, rows) is as wide as the header */
    const char *header = strstr(out, "ID ");
    ck_assert_ptr_nonnull(header);
    size_t width = columns(header, strcspn(header, "\n"));
    int rows = 0;
    for (const char *p = header; *p && *p != '\n'; p += strcspn(p, "\n") + 1, rows++)
        ck_assert_uint_eq(columns(p, strcspn(p, "\n")), width);
    /* header, rule, 5 indicators × 4 units, and task 1.1 for the province only */
    ck_assert_int_eq(rows, 2 + 5 * 4 + 1);
    free(out);
}
END_TEST

START_TEST(table_in_english)
{
    setup();
    char *out = show(KPI_OK, "3.1", "--unit", "all", "--lang=en");
    const char *a = line_with(out, "Xã Ân");
    /* English percentages have no space (numfmt.h): 80.4275 cut to 80.4% */
    ck_assert_msg(strstr(a, "1,204") && strstr(a, "80.4%") && strstr(a, "met"), "%s", a);
    ck_assert_ptr_nonnull(strstr(line_with(out, "Phường Bình"), "✗ breach"));
    ck_assert_ptr_nonnull(strstr(line_with(out, "Phường Bình"), "701 more needed"));
    ck_assert_ptr_nonnull(
        strstr(line_with(out, "3.1 Xã Đông:"), "no counts of dvc_essential_online"));
    free(out);
}
END_TEST

START_TEST(csv_is_exact_and_stable)
{
    setup();
    char *out = show(KPI_OK, "3.1", "--unit", "A", "--format=csv");
    ck_assert_str_eq(out, "indicator_id,indicator_name_vi,indicator_name_en,unit_code,unit_name,"
                          "period_kind,period_label,period_start,period_end,numerator,"
                          "denominator,ratio_pct,comparator,target_pct,due_date,status,reason,"
                          "reason_vi,gap_count,completeness_pct,catalog_version,late_days,"
                          "short_name_vi,short_name_en,value_text,target_text,gap_text,"
                          "deadline_text,status_text,status_class\n"
                          "3.1,Tỷ lệ DVC thiết yếu trực tuyến,essential services online,A,Xã "
                          "Ân,month,2025-03,2025-03-01,2025-03-31,1204,1497,80.4275,>,80,,met,,,"
                          "0,,v1,,,,\"80,4 %\",trên 80 %,,—,đạt,met\n");
    free(out);
}
END_TEST

START_TEST(json_has_exact_numbers)
{
    setup();
    char *out = show(KPI_OK, "--unit", "all", "--format", "json");
    cJSON *arr = cJSON_Parse(out);
    ck_assert_ptr_nonnull(arr);
    ck_assert_int_eq(cJSON_GetArraySize(arr), 5 * 4 + 1);
    ck_assert_msg(strstr(out, "\"ratio_pct\":\t52.2227") != NULL, "no exact ratio");
    ck_assert_msg(strstr(out, "\"numerator\":\t1304") != NULL, "no numerator");
    cJSON *first = cJSON_GetArrayItem(arr, 0);
    ck_assert_str_eq(cJSON_GetObjectItem(first, "indicator_id")->valuestring, "1.1");
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(first, "comparator")));
    cJSON_Delete(arr);
    free(out);
}
END_TEST

START_TEST(usage_errors)
{
    char *out = show(KPI_USAGE, "--format", "xml", NULL, NULL);
    free(out);
    out = show(KPI_USAGE, "--kind", "week", NULL, NULL);
    free(out);
    out = show(KPI_USAGE, "--period", "2025-3", NULL, NULL);
    free(out);
    out = show(KPI_OK, "--help", NULL, NULL, NULL);
    ck_assert_ptr_nonnull(strstr(out, "usage: kpi show"));
    free(out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("show");
    TCase *tc = tcase_create("show");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, table_is_vietnamese_by_default);
    tcase_add_test(tc, table_columns_align_by_display_width);
    tcase_add_test(tc, table_in_english);
    tcase_add_test(tc, csv_is_exact_and_stable);
    tcase_add_test(tc, json_has_exact_numbers);
    tcase_add_test(tc, usage_errors);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
