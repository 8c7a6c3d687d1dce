/*
 * test_period.c — engine/common/period.c: months and period kinds as written on the
 * command line; and that the usage texts and man pages that list the kinds by hand
 * (kpi show, kpi report) name exactly those of period_kinds[], so they cannot drift.
 */
#include "common/period.h"
#include "testlib.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

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
    /* eleven kinds, calendar first, then reporting ones, then the deadline window (issue 17):
     * the list kpi show --kind and kpi report --kind accept */
    size_t n = 0;
    while (period_kinds[n].name != NULL)
        n++;
    ck_assert_uint_eq(n, 11);
    ck_assert_str_eq(period_kinds[0].name, "month");
    ck_assert_str_eq(period_kinds[9].name, "report_year");
    ck_assert_str_eq(period_kinds[10].name, "deadline");
    ck_assert_str_eq(period_kind_label("deadline", true), "đến hạn");
}
END_TEST

START_TEST(period_kinds_have_names_for_people)
{
    ck_assert_str_eq(period_kind_label("month", true), "tháng");
    ck_assert_str_eq(period_kind_label("ytd", true), "lũy kế từ đầu năm");
    ck_assert_str_eq(period_kind_label("report_9m", true), "kỳ báo cáo 9 tháng");
    /* English: its English name, as kpi show --lang en and the English alert texts print it */
    ck_assert_str_eq(period_kind_label("month", false), "month");
    ck_assert_str_eq(period_kind_label("ytd", false), "year to date");
    ck_assert_str_eq(period_kind_label("report_9m", false), "nine-month reporting period");
    /* an unknown kind as given, in either language */
    ck_assert_str_eq(period_kind_label("week", true), "week");
    ck_assert_str_eq(period_kind_label("week", false), "week");
    ck_assert_ptr_null(period_kind_label(NULL, true));
    for (size_t i = 0; period_kinds[i].name != NULL; i++) {
        ck_assert_ptr_nonnull(period_kinds[i].label_vi);
        ck_assert_ptr_nonnull(period_kinds[i].label_en);
        ck_assert_ptr_nonnull(period_kinds[i].unit_vi);
        ck_assert_ptr_nonnull(period_kinds[i].unit_en);
        ck_assert_ptr_nonnull(period_kinds[i].units_en);
    }
}
END_TEST

START_TEST(period_kinds_are_counted_in_their_nouns)
{
    /* "3 quý liên tiếp" / "3 consecutive quarters": a reporting quarter counts as a quarter */
    const struct period_kind *k = period_kind_find("report_quarter");
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k->unit_vi, "quý");
    ck_assert_str_eq(k->unit_en, "quarter");
    ck_assert_str_eq(k->units_en, "quarters");
    /* a year to date moves month by month */
    ck_assert_str_eq(period_kind_find("ytd")->unit_vi, "tháng");
    ck_assert_str_eq(period_kind_find("half")->unit_vi, "kỳ 6 tháng");
    ck_assert_str_eq(period_kind_find("report_9m")->units_en, "nine-month periods");
    ck_assert_ptr_null(period_kind_find("week"));
    ck_assert_ptr_null(period_kind_find(NULL));
}
END_TEST

/*
 * The words of TEXT[0..LEN) ([a-z0-9_]+), "default" and "or" aside, are the
 * kinds of period_kinds[], each once (WHERE names the text in a failure).
 */
static void assert_names_the_kinds(const char *text, size_t len, const char *where)
{
    int seen[32] = {0};
    size_t nkinds = 0;
    while (period_kinds[nkinds].name != NULL)
        nkinds++;
    ck_assert_uint_le(nkinds, 32);
    for (size_t i = 0; i < len;) {
        size_t n = strspn(text + i, "abcdefghijklmnopqrstuvwxyz0123456789_");
        if (n > len - i)
            n = len - i;
        if (n == 0) {
            i++;
            continue;
        }
        char word[64];
        ck_assert_uint_lt(n, sizeof word);
        memcpy(word, text + i, n);
        word[n] = '\0';
        i += n;
        if (strcmp(word, "default") == 0 || strcmp(word, "or") == 0)
            continue;
        size_t k = 0;
        while (k < nkinds && strcmp(period_kinds[k].name, word) != 0)
            k++;
        ck_assert_msg(k < nkinds, "%s: \"%s\" is not a period kind", where, word);
        seen[k]++;
    }
    for (size_t k = 0; k < nkinds; k++)
        ck_assert_msg(seen[k] == 1, "%s: names the kind %s %d times", where, period_kinds[k].name,
                      seen[k]);
}

/* The help of --kind in `kpi VERB --help`, or in docs/man/kpi-VERB.1.scd. */
START_TEST(usage_and_man_pages_name_every_kind)
{
    static const char *const verbs[] = {"show", "report"};
    for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
        char *out, *err, where[64];
        const char *args[] = {verbs[v], "--help", NULL};
        ck_assert_int_eq(testlib_kpi(&out, &err, NULL, args), 0);
        /* "  -k, --kind KIND       report_month (default), …\n<indented continuation>" */
        const char *row = strstr(out, "--kind KIND  "); /* the row, not the synopsis */
        ck_assert_msg(row != NULL, "kpi %s --help has no --kind KIND row: %s", verbs[v], out);
        row += strlen("--kind KIND");
        const char *end = row;
        while (*end && strncmp(end, "\n  -", 4) != 0 && strncmp(end, "\n\n", 2) != 0)
            end++;
        snprintf(where, sizeof where, "kpi %s --help", verbs[v]);
        assert_names_the_kinds(row, (size_t)(end - row), where);
        free(out);
        free(err);

        char page[64];
        snprintf(page, sizeof page, "docs/man/kpi-%s.1.scd", verbs[v]);
        char *man = testlib_read_file(testlib_path(page));
        /* "*--kind* _KIND_\n\t…\n\n" */
        row = strstr(man, "*--kind* _KIND_\n");
        ck_assert_msg(row != NULL, "%s has no *--kind* _KIND_ entry", page);
        row += strlen("*--kind* _KIND_\n");
        end = strstr(row, "\n\n");
        ck_assert_ptr_nonnull(end);
        assert_names_the_kinds(row, (size_t)(end - row), page);
        free(man);
    }
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

/* Day numbers since 1970-01-01, checked against Python's datetime.date differences:
 * 2025-12-31 is day 20453, 1899-12-30 (Excel's day 0) is -25569, 2024-02-29 is 19782; and
 * back to the same date for every day of 1899-12-30 .. 2030-12-31. */
START_TEST(day_numbers_and_back)
{
    ck_assert_int_eq(period_days_from_civil(1970, 1, 1), 0);
    ck_assert_int_eq(period_days_from_civil(2025, 12, 31), 20453);
    ck_assert_int_eq(period_days_from_civil(1899, 12, 30), -25569);
    ck_assert_int_eq(period_days_from_civil(2024, 2, 29), 19782);
    for (long z = -25569; z <= period_days_from_civil(2030, 12, 31); z++) {
        long y, m, d;
        period_civil_from_days(z, &y, &m, &d);
        ck_assert(m >= 1 && m <= 12 && d >= 1 && d <= period_days_in_month((int)y, (int)m));
        ck_assert_int_eq(period_days_from_civil(y, m, d), z);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("period");
    TCase *tc = tcase_create("period");
    tcase_add_test(tc, month_is_parsed_to_its_first_day);
    tcase_add_test(tc, non_months_are_refused);
    tcase_add_test(tc, period_kinds_are_known);
    tcase_add_test(tc, period_kinds_have_names_for_people);
    tcase_add_test(tc, period_kinds_are_counted_in_their_nouns);
    tcase_add_test(tc, days_in_month_by_the_gregorian_calendar);
    tcase_add_test(tc, day_numbers_and_back);
    tcase_add_test(tc, usage_and_man_pages_name_every_kind);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
