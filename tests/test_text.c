/*
 * test_text.c — engine/common/text.c: the display width of UTF-8 text and
 * cutting it to a width, for aligned terminal tables.
 */
#include "common/text.h"
#include "testlib.h"

#include <check.h>
#include <string.h>

START_TEST(width_counts_columns_not_bytes)
{
    ck_assert_uint_eq(text_width(""), 0);
    ck_assert_uint_eq(text_width("Chỉ tiêu"), 8); /* precomposed: 8 code points, 11 bytes */
    ck_assert_uint_eq(strlen("Chỉ tiêu"), 11);
    /* decomposed: "i" + U+0309 (hook above) takes one column */
    ck_assert_uint_eq(text_width("Chi\xcc\x89"), 3);
    ck_assert_uint_eq(text_width("✗ KHÔNG ĐẠT"), 11);
    ck_assert_uint_eq(text_width("─"), 1);
    /* East Asian wide: two columns each */
    ck_assert_uint_eq(text_width("越南"), 4);
}
END_TEST

START_TEST(width_of_a_word_inside_a_text)
{
    /* "tiêu" of "Chỉ tiêu đạt": bytes 6..10 ("Chỉ " is 6 bytes, ê 2), 4 columns */
    const char *s = "Chỉ tiêu đạt";
    ck_assert_uint_eq(text_width_n(s + 6, strlen("tiêu")), 4);
    ck_assert_uint_eq(text_width_n(s, 0), 0);
    /* the whole text: as text_width */
    ck_assert_uint_eq(text_width_n(s, strlen(s)), text_width(s));
    /* "越" (3 bytes) cut after 2 bytes: one column, whatever its 2 bytes would decode to */
    ck_assert_uint_eq(text_width_n("越南", 2), 1);
    /* "\xf0\x91\x84" (a 4-byte sequence cut short) would decode to U+1104, a wide jamo */
    ck_assert_uint_eq(text_width("\xf0\x91\x84"), 1);
}
END_TEST

START_TEST(cut_to_a_width_with_an_ellipsis)
{
    char buf[64];
    text_cut(buf, sizeof buf, "Xã Tân Cương", 24);
    ck_assert_str_eq(buf, "Xã Tân Cương"); /* 12 columns: fits */
    /* 12 columns into 8: 7 of them, then "…" */
    text_cut(buf, sizeof buf, "Xã Tân Cương", 8);
    ck_assert_str_eq(buf, "Xã Tân …");
    ck_assert_uint_eq(text_width(buf), 8);
    /* a combining mark stays with its letter: "Chỉ ab" (decomposed) is 6 columns; into 4,
     * "Chi" + hook (3 columns) then "…" */
    text_cut(buf, sizeof buf, "Chi\xcc\x89 ab", 4);
    ck_assert_str_eq(buf, "Chi\xcc\x89…");
    /* a wide character that does not fit is left out whole */
    text_cut(buf, sizeof buf, "a越南", 3);
    ck_assert_str_eq(buf, "a…");
    /* a small buffer is never overrun nor split inside a sequence */
    char small[8];
    text_cut(small, sizeof small, "ĐĐĐĐĐĐĐĐ", 5);
    ck_assert_str_eq(small, "ĐĐ…"); /* 2 + 2 + 3 bytes + NUL fill 8; a third Đ would not fit */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, width_counts_columns_not_bytes);
    tcase_add_test(tc, width_of_a_word_inside_a_text);
    tcase_add_test(tc, cut_to_a_width_with_an_ellipsis);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
