/*
 * test_numfmt.c — engine/common/numfmt.c: Vietnamese and English counts and
 * percentages from exact decimal text, cut toward zero (never rounded), and
 * judged percentages kept on the side of their target.
 */
#include "common/numfmt.h"
#include "testlib.h"

#include <check.h>
#include <stdint.h>

static char buf[64];

static const char *pct(const char *text, int decimals, enum numfmt_lang lang)
{
    ck_assert_int_eq(numfmt_pct(buf, sizeof buf, text, decimals, NUMFMT_TRIM, lang), 0);
    return buf;
}

static const char *dec(const char *text, int decimals, enum numfmt_lang lang)
{
    ck_assert_int_eq(numfmt_decimal(buf, sizeof buf, text, decimals, NUMFMT_TRIM, lang), 0);
    return buf;
}

static const char *count(int64_t v, enum numfmt_lang lang)
{
    ck_assert_int_eq(numfmt_count(buf, sizeof buf, v, lang), 0);
    return buf;
}

/* VALUE judged against COMPARATOR TARGET (STATUS may be NULL), 1 decimal, Vietnamese. */
static const char *judged_style(const char *value, const char *comparator, const char *target,
                                const char *status, int decimals, enum numfmt_style style,
                                enum numfmt_lang lang)
{
    struct numfmt_target t = {comparator, target, status};
    ck_assert_int_eq(numfmt_judged_pct(buf, sizeof buf, value, decimals, style, &t, lang), 0);
    return buf;
}

static const char *judged(const char *value, const char *comparator, const char *target,
                          const char *status)
{
    return judged_style(value, comparator, target, status, 1, NUMFMT_TRIM, NUMFMT_VI);
}

START_TEST(percent_vietnamese_and_english)
{
    ck_assert_str_eq(pct("80.40", 1, NUMFMT_VI), "80,4 %");
    ck_assert_str_eq(pct("80.40", 1, NUMFMT_EN), "80.4%");
    ck_assert_str_eq(pct("100.000000", 1, NUMFMT_VI), "100 %");
    ck_assert_str_eq(pct("0", 1, NUMFMT_VI), "0 %");
    ck_assert_str_eq(pct("0.00", 1, NUMFMT_EN), "0%");
    ck_assert_str_eq(pct("95", 1, NUMFMT_VI), "95 %");
    ck_assert_str_eq(pct("1234.5", 1, NUMFMT_VI), "1.234,5 %");
    ck_assert_str_eq(pct("1234.5", 1, NUMFMT_EN), "1,234.5%");
    /* a target is written whole: 99.95 is neither "100 %" nor "99,9 %" */
    ck_assert_str_eq(pct("99.950000", NUMFMT_ALL, NUMFMT_VI), "99,95 %");
    ck_assert_str_eq(pct("80.000000", NUMFMT_ALL, NUMFMT_EN), "80%");
}
END_TEST

START_TEST(digits_are_cut_toward_zero_never_rounded)
{
    /* 80.05 at 1 place: the 5 is cut, not carried (a double would not even hold 80.05) */
    ck_assert_str_eq(pct("80.05", 1, NUMFMT_VI), "80 %");
    ck_assert_str_eq(pct("80.04999999999999999999", 1, NUMFMT_VI), "80 %");
    /* 99.96 at 1 place: 99,9 — rounding would print 100 %, which it is not */
    ck_assert_str_eq(pct("99.96", 1, NUMFMT_VI), "99,9 %");
    ck_assert_str_eq(dec("999999.95", 1, NUMFMT_VI), "999.999,9");
    /* toward zero: -2.05 → -2.0 → "-2"; -0.04 and -0.05 → -0.0, written "0" */
    ck_assert_str_eq(dec("-2.05", 1, NUMFMT_VI), "-2");
    ck_assert_str_eq(dec("-0.04", 1, NUMFMT_VI), "0");
    ck_assert_str_eq(dec("-0.05", 1, NUMFMT_EN), "0");
    ck_assert_str_eq(dec("-0.15", 1, NUMFMT_EN), "-0.1");
    ck_assert_str_eq(dec("2.5", 0, NUMFMT_VI), "2");
    ck_assert_str_eq(dec("0.123456", 3, NUMFMT_EN), "0.123");
    ck_assert_str_eq(dec("+7.10", 2, NUMFMT_VI), "7,1");
    ck_assert_str_eq(dec("007.5", 1, NUMFMT_VI), "7,5");
    ck_assert_str_eq(dec(".5", 1, NUMFMT_VI), "0,5");
    ck_assert_str_eq(dec("12.", 1, NUMFMT_VI), "12");
    ck_assert_str_eq(dec("-1234567.25", NUMFMT_ALL, NUMFMT_VI), "-1.234.567,25");
}
END_TEST

START_TEST(as_written_keeps_the_zeros_the_text_has)
{
    /* kpi show writes ratios as stored, cut to one place: 10.0000 → "10,0 %", 100 → "100 %" */
    ck_assert_int_eq(numfmt_pct(buf, sizeof buf, "10.0000", 1, NUMFMT_AS_WRITTEN, NUMFMT_VI), 0);
    ck_assert_str_eq(buf, "10,0 %");
    ck_assert_int_eq(numfmt_pct(buf, sizeof buf, "100", 1, NUMFMT_AS_WRITTEN, NUMFMT_VI), 0);
    ck_assert_str_eq(buf, "100 %");
    ck_assert_int_eq(numfmt_pct(buf, sizeof buf, "66.67", 1, NUMFMT_AS_WRITTEN, NUMFMT_EN), 0);
    ck_assert_str_eq(buf, "66.6%");
    /* alerts: every digit as the query wrote it */
    ck_assert_int_eq(
        numfmt_decimal(buf, sizeof buf, "1204.50", NUMFMT_ALL, NUMFMT_AS_WRITTEN, NUMFMT_EN), 0);
    ck_assert_str_eq(buf, "1,204.50");
}
END_TEST

START_TEST(counts_grouped_by_thousands)
{
    ck_assert_str_eq(count(1204, NUMFMT_VI), "1.204");
    ck_assert_str_eq(count(1204, NUMFMT_EN), "1,204");
    ck_assert_str_eq(count(0, NUMFMT_VI), "0");
    ck_assert_str_eq(count(999, NUMFMT_VI), "999");
    ck_assert_str_eq(count(1000, NUMFMT_VI), "1.000");
    ck_assert_str_eq(count(-312, NUMFMT_VI), "-312");
    ck_assert_str_eq(count(-1234567, NUMFMT_VI), "-1.234.567");
    ck_assert_str_eq(count(INT64_MAX, NUMFMT_VI), "9.223.372.036.854.775.807");
    ck_assert_str_eq(count(INT64_MIN, NUMFMT_EN), "-9,223,372,036,854,775,808");
    ck_assert_str_eq(dec("123456789012345678901234567890", 0, NUMFMT_VI),
                     "123.456.789.012.345.678.901.234.567.890");
}
END_TEST

START_TEST(a_failing_value_never_reads_as_reaching_its_target)
{
    /* 99.9687 % breach of ">= 100": cut to 99.9, which reads below 100: "99,9 %" (rounding
     * gave "100,0 %" in the alert); no extra place is needed, so none is written */
    ck_assert_str_eq(judged("99.9687", ">=", "100", "breach"), "99,9 %");
    ck_assert_str_eq(judged("99.97", ">=", "100.000000", NULL), "99,9 %");
    /* 79.96 % against "trên 80 %" (> 80): 79.9, below: "79,9 %" (the report rounded to "80 %") */
    ck_assert_str_eq(judged("79.96", ">", "80", "breach"), "79,9 %");
    /* exactly 80.0 against "> 80" is a breach, and "80 %" reads as not above 80: correct */
    ck_assert_str_eq(judged("80.0000", ">", "80.000000", "breach"), "80 %");
    ck_assert_str_eq(judged("80.0000", ">", "80.000000", NULL), "80 %");
    /* a target with places: 99.94 breach of ">= 99.95" cuts to 99.9, below 99.95: fine */
    ck_assert_str_eq(judged("99.94", ">=", "99.95", NULL), "99,9 %");
    /* at risk fails too: 79.99 of "> 80" → 79.9 */
    ck_assert_str_eq(judged("79.99", ">", "80", "at_risk"), "79,9 %");
    /* ratio_pct is round(n * 100 / d, 4): 7999999 / 10000000 = 79.99999 % arrives as
     * "80.0000" with status breach of ">= 80"; every cut of "80.0000" reads 80 (met), so
     * its last place steps down one unit: 79.9999, the exact value truncated */
    ck_assert_str_eq(judged("80.0000", ">=", "80", "breach"), "79,9999 %");
    /* "at most" targets: 5.03 against "<= 5" fails; cut to 5.0 it would read as meeting:
     * one more place, 5.03 */
    ck_assert_str_eq(judged("5.03", "<=", "5", NULL), "5,03 %");
    ck_assert_str_eq(judged("5.0", "<", "5", NULL), "5 %");
}
END_TEST

START_TEST(a_met_value_never_reads_as_failing)
{
    /* 80.4275 met of "> 80": 80.4 > 80 */
    ck_assert_str_eq(judged("80.4275", ">", "80", "met"), "80,4 %");
    /* 80.01 met of "> 80": 80.0 reads as not above 80, so 80.01 */
    ck_assert_str_eq(judged("80.0100", ">", "80", "met"), "80,01 %");
    /* 80.0004 met of "> 80": 80.0, 80.00, 80.000 read 80; 80.0004 at the fourth place */
    ck_assert_str_eq(judged("80.0004", ">", "80", NULL), "80,0004 %");
    /* exactly 80 of ">= 80" meets and reads so */
    ck_assert_str_eq(judged("80.0000", ">=", "80", "met"), "80 %");
    /* a target with places: 99.96 met of ">= 99.95": 99.9 would read below, 99.96 does not */
    ck_assert_str_eq(judged("99.9600", ">=", "99.950000", "met"), "99,96 %");
    /* on track meets */
    ck_assert_str_eq(judged("80.0100", ">", "80", "on_track"), "80,01 %");
    /* "> 80" met that arrived rounded as "80.0000" (80.00003): one unit up, 80.0001 */
    ck_assert_str_eq(judged("80.0000", ">", "80", "met"), "80,0001 %");
    /* 100 % of "100 %" */
    ck_assert_str_eq(judged("100.0000", ">=", "100", "met"), "100 %");
}
END_TEST

START_TEST(judged_widening_stops_at_the_cap_and_keeps_its_style)
{
    /* 80.00000001 met of "> 80" (from text, not from compute): at the cap of 6 places it
     * still reads 80; one unit of the sixth place up: 80.000001 */
    ck_assert_int_eq(NUMFMT_JUDGED_MAX_DECIMALS, 6);
    ck_assert_str_eq(judged("80.00000001", ">", "80", NULL), "80,000001 %");
    /* a status that contradicts the value by more than its rounding: the value, cut */
    ck_assert_str_eq(judged("50.0000", ">=", "80", "met"), "50 %");
    /* as written (kpi show): one place kept, "80,0 %"; widened places are all written */
    ck_assert_str_eq(judged_style("80.0000", ">", "80", "breach", 1, NUMFMT_AS_WRITTEN, NUMFMT_VI),
                     "80,0 %");
    ck_assert_str_eq(judged_style("80.0100", ">", "80", "met", 1, NUMFMT_AS_WRITTEN, NUMFMT_VI),
                     "80,01 %");
    /* English */
    ck_assert_str_eq(judged_style("99.9687", ">=", "100", "breach", 1, NUMFMT_TRIM, NUMFMT_EN),
                     "99.9%");
    ck_assert_str_eq(judged_style("80.0100", ">", "80", "met", 1, NUMFMT_TRIM, NUMFMT_EN),
                     "80.01%");
    /* 0 places: 79.96 of "> 80" → "79 %"; 80.5 of "> 80" → "80" reads as not above: 80.5 */
    ck_assert_str_eq(judged_style("79.96", ">", "80", NULL, 0, NUMFMT_TRIM, NUMFMT_VI), "79 %");
    ck_assert_str_eq(judged_style("80.5", ">", "80", NULL, 0, NUMFMT_TRIM, NUMFMT_VI), "80,5 %");
}
END_TEST

START_TEST(judged_zero_negative_and_huge)
{
    /* 0 of ">= 0" meets: "0 %"; 0 of "> 0" fails: "0 %" (reads as not above 0) */
    ck_assert_str_eq(judged("0", ">=", "0", NULL), "0 %");
    ck_assert_str_eq(judged("0.0000", ">", "0", NULL), "0 %");
    /* -0.05 of ">= 0" fails; cut toward zero to -0.0 it would read 0 (meets): -0.05 */
    ck_assert_str_eq(judged("-0.05", ">=", "0", NULL), "-0,05 %");
    /* -0.05 of ">= -0.1" meets: -0.0 → "0 %" reads at least -0.1 */
    ck_assert_str_eq(judged("-0.05", ">=", "-0.1", NULL), "0 %");
    /* -2.25 of "<= -2.2" meets; cut to -2.2 it reads as meeting too: "-2,2 %" */
    ck_assert_str_eq(judged("-2.25", "<=", "-2.2", NULL), "-2,2 %");
    /* -2.25 of "< -2.2": -2.2 reads as not below -2.2, so -2.25 */
    ck_assert_str_eq(judged("-2.25", "<", "-2.2", NULL), "-2,25 %");
    /* a breach stored as "0.0000" of "> 0" is already on its side */
    ck_assert_str_eq(judged("0.0000", ">", "0", "breach"), "0 %");
    /* a met "> 0" stored as "0.0000": 0.0001, stepping up from zero */
    ck_assert_str_eq(judged("0.0000", ">", "0", "met"), "0,0001 %");
    /* stepping down from zero (an at-most target): a met "< 0" stored as "0.0000" → -0.0001 */
    ck_assert_str_eq(judged("0.0000", "<", "0", "met"), "-0,0001 %");
    /* huge: 123456789.1234 of ">= 80" */
    ck_assert_str_eq(judged("123456789.1234", ">=", "80", NULL), "123.456.789,1 %");
    /* carry through nines: a "> 99.9999" met stored as "99.9999" steps up to 100.0000 */
    ck_assert_str_eq(judged("99.9999", ">", "99.9999", "met"), "100 %");
    ck_assert_str_eq(judged("999.9999", ">", "999.9999", "met"), "1.000 %");
}
END_TEST

START_TEST(not_judged_without_a_target)
{
    struct numfmt_target none = {NULL, NULL, "met"};
    ck_assert_int_eq(numfmt_judged_pct(buf, sizeof buf, "79.96", 1, NUMFMT_TRIM, NULL, NUMFMT_VI),
                     0);
    ck_assert_str_eq(buf, "79,9 %");
    ck_assert_int_eq(numfmt_judged_pct(buf, sizeof buf, "100", 1, NUMFMT_TRIM, &none, NUMFMT_VI),
                     0);
    ck_assert_str_eq(buf, "100 %");
}
END_TEST

START_TEST(bad_text_and_short_buffers_are_refused)
{
    static const char *const bad[] = {"",    "-",  ".",  "1e5",   "NaN", "Infinity",
                                      "1,5", " 1", "1 ", "1.2.3", "--1", "0x10"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        buf[0] = 'x';
        ck_assert_msg(numfmt_decimal(buf, sizeof buf, bad[i], 1, NUMFMT_TRIM, NUMFMT_VI) ==
                          KPI_REJECTED,
                      "'%s'", bad[i]);
        ck_assert_str_eq(buf, "");
    }
    ck_assert_int_eq(numfmt_decimal(buf, sizeof buf, NULL, 1, NUMFMT_TRIM, NUMFMT_VI),
                     KPI_REJECTED);
    ck_assert_int_eq(numfmt_decimal(buf, sizeof buf, "1", -2, NUMFMT_TRIM, NUMFMT_VI),
                     KPI_REJECTED);
    ck_assert_int_eq(numfmt_decimal(buf, sizeof buf, "1", 31, NUMFMT_TRIM, NUMFMT_VI),
                     KPI_REJECTED);
    struct numfmt_target bad_cmp = {"=", "80", NULL}, bad_target = {">", "80%", NULL};
    ck_assert_int_eq(numfmt_judged_pct(buf, sizeof buf, "80", 1, NUMFMT_TRIM, &bad_cmp, NUMFMT_VI),
                     KPI_REJECTED);
    ck_assert_int_eq(
        numfmt_judged_pct(buf, sizeof buf, "80", 1, NUMFMT_TRIM, &bad_target, NUMFMT_VI),
        KPI_REJECTED);
    ck_assert_int_eq(
        numfmt_judged_pct(buf, sizeof buf, "x", 1, NUMFMT_TRIM, &bad_target, NUMFMT_VI),
        KPI_REJECTED);
    char small[7];
    ck_assert_int_eq(numfmt_count(small, sizeof small, 12345, NUMFMT_VI), 0);
    ck_assert_str_eq(small, "12.345");
    ck_assert_int_eq(numfmt_count(small, sizeof small, 123456, NUMFMT_VI), KPI_REJECTED);
    ck_assert_str_eq(small, "");
    ck_assert_int_eq(numfmt_pct(small, sizeof small, "80.4", 1, NUMFMT_TRIM, NUMFMT_VI), 0);
    ck_assert_str_eq(small, "80,4 %");
    ck_assert_int_eq(numfmt_pct(small, sizeof small, "100.4", 1, NUMFMT_TRIM, NUMFMT_VI),
                     KPI_REJECTED);
    ck_assert_str_eq(small, "");
    struct numfmt_target t = {">", "80", "met"};
    ck_assert_int_eq(
        numfmt_judged_pct(small, sizeof small, "80.0100", 1, NUMFMT_TRIM, &t, NUMFMT_VI),
        KPI_REJECTED); /* "80,01 %" needs 8 bytes */
    ck_assert_str_eq(small, "");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("numfmt");
    TCase *tc = tcase_create("numfmt");
    tcase_add_test(tc, percent_vietnamese_and_english);
    tcase_add_test(tc, digits_are_cut_toward_zero_never_rounded);
    tcase_add_test(tc, as_written_keeps_the_zeros_the_text_has);
    tcase_add_test(tc, counts_grouped_by_thousands);
    tcase_add_test(tc, a_failing_value_never_reads_as_reaching_its_target);
    tcase_add_test(tc, a_met_value_never_reads_as_failing);
    tcase_add_test(tc, judged_widening_stops_at_the_cap_and_keeps_its_style);
    tcase_add_test(tc, judged_zero_negative_and_huge);
    tcase_add_test(tc, not_judged_without_a_target);
    tcase_add_test(tc, bad_text_and_short_buffers_are_refused);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
