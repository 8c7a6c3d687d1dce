/*
 * test_conn.c — unit tests of engine/db/conn.c: which database kpi picks (and
 * that with none configured it creates none), that passwords never leak when
 * a connection string is shown, and that `kpi db psql` hands psql its
 * password in the environment, never on its command line (which ps shows).
 */
#include "db/conn.h"

#include "testlib.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

START_TEST(resolve_without_database_creates_nothing)
{
    char buf[256], home[PATH_MAX];
    snprintf(home, sizeof home, "%s/never", testlib_tmpdir());
    unsetenv("KPI_DB");
    ck_assert_int_eq(conn_resolve(NULL, home, true, buf, sizeof buf, NULL), KPI_ERROR);
    ck_assert_int_eq(conn_resolve(NULL, home, false, buf, sizeof buf, NULL), KPI_ERROR);
    ck_assert_int_ne(access(home, F_OK), 0);
}
END_TEST

START_TEST(split_password_moves_it_out_of_the_conninfo)
{
    char *pw;
    char *s = conn_split_password("postgresql://an:s3cret@db.example:5433/kpi", &pw);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(pw, "s3cret");
    ck_assert_ptr_null(strstr(s, "s3cret"));
    ck_assert_ptr_null(strstr(s, "password"));
    ck_assert_ptr_nonnull(strstr(s, "user='an'"));
    ck_assert_ptr_nonnull(strstr(s, "port='5433'"));
    free(s);
    free(pw);
    s = conn_split_password("host=/tmp dbname=kpi", &pw);
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_null(pw);
    free(s);
}
END_TEST

/*
 * `kpi db psql` with a password in --db (and in KPI_DB, as a URI) runs a
 * psql (a stand-in first on PATH that writes down its argv and
 * $PGPASSWORD): the password is in PGPASSWORD and nowhere in argv.
 */
START_TEST(psql_gets_the_password_by_environment_not_argv)
{
    const char *dir = testlib_tmpdir();
    char psql[PATH_MAX], argv_file[PATH_MAX], pw_file[PATH_MAX], script[3 * PATH_MAX];
    snprintf(psql, sizeof psql, "%s/psql", dir);
    snprintf(argv_file, sizeof argv_file, "%s/argv", dir);
    snprintf(pw_file, sizeof pw_file, "%s/pw", dir);
    snprintf(
        script, sizeof script,
        "#!/bin/sh\nprintf '%%s\\n' \"$0\" \"$@\" > '%s'\nprintf '%%s' \"$PGPASSWORD\" > '%s'\n",
        argv_file, pw_file);
    testlib_write_file(psql, script, strlen(script));
    ck_assert_int_eq(chmod(psql, 0755), 0);
    char path[8192];
    snprintf(path, sizeof path, "PATH=%s:%s", dir, getenv("PATH"));

    const char *env[] = {path, "PGPASSWORD=", "KPI_DB=", NULL};
    const char *args[] = {"--db", "host=127.0.0.1 dbname=kpi user=an password=s3cret-opt",
                          "db",   "psql",
                          "-c",   "SELECT 1",
                          NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, args), 0);
    char *argv = testlib_read_file(argv_file), *pw = testlib_read_file(pw_file);
    ck_assert_msg(strstr(argv, "s3cret") == NULL, "%s", argv);
    ck_assert_ptr_nonnull(strstr(argv, "host='127.0.0.1'"));
    ck_assert_ptr_nonnull(strstr(argv, "\n-c\nSELECT 1\n"));
    ck_assert_str_eq(pw, "s3cret-opt");
    free(argv);
    free(pw);

    const char *env_uri[] = {path, "PGPASSWORD=", "KPI_DB=postgresql://an:s3cret-env@db/kpi", NULL};
    const char *args_env[] = {"db", "psql", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env_uri, args_env), 0);
    argv = testlib_read_file(argv_file);
    pw = testlib_read_file(pw_file);
    ck_assert_msg(strstr(argv, "s3cret") == NULL, "%s", argv);
    ck_assert_str_eq(pw, "s3cret-env");
    free(argv);
    free(pw);
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
    tcase_add_test(tc, resolve_without_database_creates_nothing);
    tcase_add_test(tc, split_password_moves_it_out_of_the_conninfo);
    tcase_add_test(tc, psql_gets_the_password_by_environment_not_argv);
    tcase_add_test(tc, sqlstate_of_nothing_is_empty);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
