/*
 * test_numfmt.c — engine/common/numfmt.c: Vietnamese and English counts and
 * percentages from exact decimal text, rounding on the digits.
 */
#include "common/numfmt.h"
#include "testlib.h"

#include <check.h>
#include <stdint.h>

static char buf[64];

static const char *pct(const char *text, int decimals, enum numfmt_lang lang)
{
    ck_assert_int_eq(numfmt_pct(buf, sizeof buf, text, decimals, lang), 0);
    return buf;
}

static const char *dec(const char *text, int decimals, enum numfmt_lang lang)
{
    ck_assert_int_eq(numfmt_decimal(buf, sizeof buf, text, decimals, lang), 0);
    return buf;
}

static const char *count(int64_t v, enum numfmt_lang lang)
{
    ck_assert_int_eq(numfmt_count(buf, sizeof buf, v, lang), 0);
    return buf;
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
}
END_TEST

START_TEST(rounding_is_half_away_from_zero_on_the_digits)
{
    /* 80.05 is not exact in binary floating point: a double would give 80.0 */
    ck_assert_str_eq(pct("80.05", 1, NUMFMT_VI), "80,1 %");
    ck_assert_str_eq(pct("80.04999999999999999999", 1, NUMFMT_VI), "80 %");
    ck_assert_str_eq(pct("99.96", 1, NUMFMT_VI), "100 %");
    ck_assert_str_eq(dec("999999.95", 1, NUMFMT_VI), "1.000.000");
    ck_assert_str_eq(dec("-2.05", 1, NUMFMT_VI), "-2,1");
    ck_assert_str_eq(dec("-0.04", 1, NUMFMT_VI), "0");
    ck_assert_str_eq(dec("-0.05", 1, NUMFMT_EN), "-0.1");
    ck_assert_str_eq(dec("2.5", 0, NUMFMT_VI), "3");
    ck_assert_str_eq(dec("0.123456", 3, NUMFMT_EN), "0.123");
    ck_assert_str_eq(dec("+7.10", 2, NUMFMT_VI), "7,1");
    ck_assert_str_eq(dec("007.5", 1, NUMFMT_VI), "7,5");
    ck_assert_str_eq(dec(".5", 1, NUMFMT_VI), "0,5");
    ck_assert_str_eq(dec("12.", 1, NUMFMT_VI), "12");
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

START_TEST(bad_text_and_short_buffers_are_refused)
{
    static const char *const bad[] = {"",    "-",  ".",  "1e5",   "NaN", "Infinity",
                                      "1,5", " 1", "1 ", "1.2.3", "--1", "0x10"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        buf[0] = 'x';
        ck_assert_msg(numfmt_decimal(buf, sizeof buf, bad[i], 1, NUMFMT_VI) == -1, "'%s'", bad[i]);
        ck_assert_str_eq(buf, "");
    }
    ck_assert_int_eq(numfmt_decimal(buf, sizeof buf, NULL, 1, NUMFMT_VI), -1);
    ck_assert_int_eq(numfmt_decimal(buf, sizeof buf, "1", -1, NUMFMT_VI), -1);
    char small[7];
    ck_assert_int_eq(numfmt_count(small, sizeof small, 12345, NUMFMT_VI), 0);
    ck_assert_str_eq(small, "12.345");
    ck_assert_int_eq(numfmt_count(small, sizeof small, 123456, NUMFMT_VI), -1);
    ck_assert_str_eq(small, "");
    ck_assert_int_eq(numfmt_pct(small, sizeof small, "80.4", 1, NUMFMT_VI), 0);
    ck_assert_str_eq(small, "80,4 %");
    ck_assert_int_eq(numfmt_pct(small, sizeof small, "100.4", 1, NUMFMT_VI), -1);
    ck_assert_str_eq(small, "");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("numfmt");
    TCase *tc = tcase_create("numfmt");
    tcase_add_test(tc, percent_vietnamese_and_english);
    tcase_add_test(tc, rounding_is_half_away_from_zero_on_the_digits);
    tcase_add_test(tc, counts_grouped_by_thousands);
    tcase_add_test(tc, bad_text_and_short_buffers_are_refused);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
