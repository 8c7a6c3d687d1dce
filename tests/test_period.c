/*
 * test_period.c — engine/common/period.c: months and period kinds as written on the
 * command line.
 */
#include "common/period.h"

#include <check.h>
#include <stdlib.h>

START_TEST(month_is_parsed_to_its_first_day)
{
    char out[PERIOD_DATE_LEN];
    ck_assert_int_eq(period_parse_month("2025-03", out), 0);
    ck_assert_str_eq(out, "2025-03-01");
    ck_assert_int_eq(period_parse_month("2025-12", out), 0);
    ck_assert_str_eq(out, "2025-12-01");
}
END_TEST

START_TEST(non_months_are_refused)
{
    char out[PERIOD_DATE_LEN] = "untouched";
    const char *bad[] = {"2025-13", "2025-00", "2025-3",  "2025-03-01", "25-03",
                         "2025/03", "",        "abcd-ef", "1899-12",    "2025-031"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(period_parse_month(bad[i], out) == KPI_REJECTED, "'%s' was accepted", bad[i]);
    ck_assert_int_eq(period_parse_month(NULL, out), KPI_REJECTED);
    ck_assert_str_eq(out, "untouched");
}
END_TEST

START_TEST(period_kinds_are_known)
{
    ck_assert(period_kind_valid("month"));
    ck_assert(period_kind_valid("ytd"));
    ck_assert(period_kind_valid("report_9m"));
    ck_assert(period_kind_valid("report_year"));
    ck_assert(!period_kind_valid("week"));
    ck_assert(!period_kind_valid("Month"));
    ck_assert(!period_kind_valid(""));
    ck_assert(!period_kind_valid(NULL));
    /* ten kinds, calendar first: the list kpi show --kind and kpi report --kind accept */
    size_t n = 0;
    while (period_kinds[n].name != NULL)
        n++;
    ck_assert_uint_eq(n, 10);
    ck_assert_str_eq(period_kinds[0].name, "month");
    ck_assert_str_eq(period_kinds[9].name, "report_year");
}
END_TEST

START_TEST(period_kinds_have_vietnamese_names)
{
    ck_assert_str_eq(period_kind_label("month", true), "tháng");
    ck_assert_str_eq(period_kind_label("ytd", true), "lũy kế từ đầu năm");
    ck_assert_str_eq(period_kind_label("report_9m", true), "kỳ báo cáo 9 tháng");
    /* English: the kind itself, as kpi show prints it */
    ck_assert_str_eq(period_kind_label("report_9m", false), "report_9m");
    ck_assert_str_eq(period_kind_label("week", true), "week");
    for (size_t i = 0; period_kinds[i].name != NULL; i++)
        ck_assert_ptr_nonnull(period_kinds[i].label_vi);
}
END_TEST

START_TEST(days_in_month_by_the_gregorian_calendar)
{
    ck_assert_int_eq(period_days_in_month(2025, 1), 31);
    ck_assert_int_eq(period_days_in_month(2025, 4), 30);
    ck_assert_int_eq(period_days_in_month(2025, 12), 31);
    /* February: 2024 divisible by 4 (29), 2025 not (28), 1900 by 100 but not 400 (28),
     * 2000 by 400 (29) */
    ck_assert_int_eq(period_days_in_month(2024, 2), 29);
    ck_assert_int_eq(period_days_in_month(2025, 2), 28);
    ck_assert_int_eq(period_days_in_month(1900, 2), 28);
    ck_assert_int_eq(period_days_in_month(2000, 2), 29);
    ck_assert_int_eq(period_days_in_month(2025, 0), 0);
    ck_assert_int_eq(period_days_in_month(2025, 13), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("period");
    TCase *tc = tcase_create("period");
    tcase_add_test(tc, month_is_parsed_to_its_first_day);
    tcase_add_test(tc, non_months_are_refused);
    tcase_add_test(tc, period_kinds_are_known);
    tcase_add_test(tc, period_kinds_have_vietnamese_names);
    tcase_add_test(tc, days_in_month_by_the_gregorian_calendar);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
