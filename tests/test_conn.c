/*
 * test_conn.c — unit tests of engine/db/conn.c: which database kpi picks and
 * that passwords never leak when a connection string is shown.
 */
#include "db/conn.h"

#include "testlib.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

START_TEST(redact_hides_password_in_keyword_form)
{
    char *s = conn_redact("host=db.example user=an password=s3cret dbname=kpi");
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_null(strstr(s, "s3cret"));
    ck_assert_ptr_nonnull(strstr(s, "password='***'"));
    ck_assert_ptr_nonnull(strstr(s, "host='db.example'"));
    free(s);
}
END_TEST

START_TEST(redact_hides_password_in_uri_form)
{
    char *s = conn_redact("postgresql://an:s3cret@localhost:5433/kpi?sslmode=disable");
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_null(strstr(s, "s3cret"));
    ck_assert_ptr_nonnull(strstr(s, "port='5433'"));
    ck_assert_ptr_nonnull(strstr(s, "dbname='kpi'"));
    free(s);
}
END_TEST

START_TEST(redact_quotes_values_for_libpq)
{
    char *s = conn_redact("host='/tmp/it''s here' dbname=kpi");
    ck_assert_ptr_null(s); /* '' is not libpq quoting: the input does not parse */
    s = conn_redact("host='/tmp/it\\'s here' dbname=kpi");
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(strstr(s, "host='/tmp/it\\'s here'"));
    ck_assert_ptr_nonnull(strstr(s, "dbname='kpi'"));
    free(s);
}
END_TEST

START_TEST(redact_rejects_garbage)
{
    ck_assert_ptr_null(conn_redact("host='unterminated"));
}
END_TEST

START_TEST(resolve_prefers_option_then_environment)
{
    char buf[256];
    bool embedded = true;
    setenv("KPI_DB", "dbname=from_env", 1);
    ck_assert_int_eq(conn_resolve("dbname=from_opt", NULL, false, buf, sizeof buf, &embedded), 0);
    ck_assert_str_eq(buf, "dbname=from_opt");
    ck_assert(!embedded);
    ck_assert_int_eq(conn_resolve(NULL, NULL, false, buf, sizeof buf, &embedded), 0);
    ck_assert_str_eq(buf, "dbname=from_env");
    ck_assert(!embedded);
    unsetenv("KPI_DB");
}
END_TEST

START_TEST(sqlstate_of_nothing_is_empty)
{
    ck_assert_str_eq(conn_sqlstate(NULL), "");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("conn");
    TCase *tc = tcase_create("conn");
    tcase_add_test(tc, redact_hides_password_in_keyword_form);
    tcase_add_test(tc, redact_hides_password_in_uri_form);
    tcase_add_test(tc, redact_quotes_values_for_libpq);
    tcase_add_test(tc, redact_rejects_garbage);
    tcase_add_test(tc, resolve_prefers_option_then_environment);
    tcase_add_test(tc, sqlstate_of_nothing_is_empty);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
