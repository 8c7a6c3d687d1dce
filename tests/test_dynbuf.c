/*
 * test_dynbuf.c — the growable capped buffer (engine/common/dynbuf.c):
 * appends, formatting, the cap, and the empty state after a failure.
 */
#include "common/dynbuf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

START_TEST(appends_and_formats)
{
    struct dynbuf b;
    dynbuf_init(&b, 1024);
    ck_assert_str_eq(dynbuf_ptr(&b), "");
    ck_assert_int_eq(dynbuf_add(&b, "80,4"), DYNBUF_OK);
    ck_assert_int_eq(dynbuf_addn(&b, " %xyz", 2), DYNBUF_OK);
    ck_assert_int_eq(dynbuf_addf(&b, "|%d|%s", 1204, "ok"), DYNBUF_OK);
    ck_assert_str_eq(dynbuf_ptr(&b), "80,4 %|1204|ok");
    ck_assert_uint_eq(dynbuf_len(&b), strlen("80,4 %|1204|ok"));
    dynbuf_reset(&b);
    ck_assert_str_eq(dynbuf_ptr(&b), "");
    dynbuf_free(&b);
}
END_TEST

START_TEST(grows_past_many_doublings)
{
    struct dynbuf b;
    dynbuf_init(&b, 1 << 20);
    for (int i = 0; i < 10000; i++)
        ck_assert_int_eq(dynbuf_add(&b, "0123456789"), DYNBUF_OK);
    ck_assert_uint_eq(dynbuf_len(&b), 100000);
    ck_assert_int_eq(memcmp(dynbuf_ptr(&b) + 99990, "0123456789", 10), 0);
    char *p = dynbuf_take(&b);
    ck_assert_uint_eq(strlen(p), 100000);
    ck_assert_str_eq(dynbuf_ptr(&b), "");
    free(p);
}
END_TEST

START_TEST(cap_empties_the_buffer)
{
    struct dynbuf b;
    dynbuf_init(&b, 8);
    ck_assert_int_eq(dynbuf_add(&b, "12345678"), DYNBUF_OK); /* exactly the cap */
    ck_assert_int_eq(dynbuf_add(&b, "9"), DYNBUF_TOOBIG);    /* 9 > 8 */
    ck_assert_uint_eq(dynbuf_len(&b), 0);
    ck_assert_str_eq(dynbuf_ptr(&b), "");
    /* known state: usable again under the same cap */
    ck_assert_int_eq(dynbuf_addf(&b, "%s", "abc"), DYNBUF_OK);
    ck_assert_str_eq(dynbuf_ptr(&b), "abc");
    ck_assert_int_eq(dynbuf_addf(&b, "%s", "defghi"), DYNBUF_TOOBIG); /* 3 + 6 > 8 */
    ck_assert_str_eq(dynbuf_ptr(&b), "");
    dynbuf_free(&b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dynbuf");
    TCase *tc = tcase_create("dynbuf");
    tcase_add_test(tc, appends_and_formats);
    tcase_add_test(tc, grows_past_many_doublings);
    tcase_add_test(tc, cap_empties_the_buffer);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
