/*
 * test_kpi.c — the kpi command line (engine/kpi.c, builtin/migrate.c):
 * help, version, usage errors, and `kpi migrate` through KPI_DB.
 */
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

START_TEST(help_and_version_exit_zero)
{
    char *out;
    const char *help[] = {"--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, help), 0);
    ck_assert_ptr_nonnull(strstr(out, "migrate"));
    ck_assert_ptr_nonnull(strstr(out, "db"));
    free(out);
    const char *version[] = {"--version", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, version), 0);
    ck_assert_int_eq(strncmp(out, "kpi ", 4), 0);
    free(out);
    const char *cmd_help[] = {"migrate", "--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, cmd_help), 0);
    ck_assert_ptr_nonnull(strstr(out, "usage: kpi migrate"));
    free(out);
    const char *db_help[] = {"db", "--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, db_help), 0);
    ck_assert_ptr_nonnull(strstr(out, "usage: kpi db"));
    free(out);
}
END_TEST

START_TEST(unknown_command_is_a_usage_error)
{
    char *err;
    const char *args[] = {"frobnicate", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, args), 2);
    ck_assert_ptr_nonnull(strstr(err, "'frobnicate' is not a kpi command"));
    ck_assert_ptr_nonnull(strstr(err, "kpi --help"));
    ck_assert_int_eq(count_lines(err), 2);
    free(err);
}
END_TEST

START_TEST(unknown_option_is_a_usage_error)
{
    char *err;
    const char *args[] = {"migrate", "--frob", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, args), 2);
    ck_assert_ptr_nonnull(strstr(err, "kpi migrate: unknown option '--frob'"));
    ck_assert_ptr_nonnull(strstr(err, "kpi migrate --help"));
    free(err);
    const char *top[] = {"--frob", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, top), 2);
    ck_assert_ptr_nonnull(strstr(err, "unknown option '--frob'"));
    free(err);
    const char *missing[] = {"migrate", "--db", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, missing), 2);
    ck_assert_ptr_nonnull(strstr(err, "'--db' needs a value"));
    free(err);
}
END_TEST

START_TEST(migrate_twice_through_kpi_db)
{
    const char *db = testlib_db_new();
    char envvar[4200];
    snprintf(envvar, sizeof envvar, "KPI_DB=%s", db);
    const char *env[] = {envvar, NULL};
    const char *args[] = {"migrate", NULL};
    char *out;
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, args), 0);
    ck_assert_ptr_nonnull(strstr(out, "applied"));
    free(out);
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, args), 0);
    ck_assert_ptr_nonnull(strstr(out, "nothing to do"));
    free(out);
    PGconn *conn = testlib_connect(db);
    char *v = testlib_value(conn, "SELECT min(version) FROM kpi.schema_migration");
    ck_assert_str_eq(v, "12"); /* the baseline, sql/migrations/012_baseline.sql */
    free(v);
    PQfinish(conn);
}
END_TEST

START_TEST(db_option_wins_over_environment_and_may_follow_the_command)
{
    const char *db = testlib_db_new();
    const char *env[] = {"KPI_DB=host=/nonexistent dbname=nothing", NULL};
    const char *args[] = {"migrate", "--db", db, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, args), 0);
}
END_TEST

START_TEST(connection_error_redacts_password)
{
    char *err;
    const char *args[] = {"--db", "host=/nonexistent dbname=x password=hunter2", "migrate", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, args), 1);
    ck_assert_ptr_null(strstr(err, "hunter2"));
    ck_assert_ptr_nonnull(strstr(err, "could not connect"));
    free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("kpi");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, help_and_version_exit_zero);
    tcase_add_test(tc, unknown_command_is_a_usage_error);
    tcase_add_test(tc, unknown_option_is_a_usage_error);
    tcase_add_test(tc, migrate_twice_through_kpi_db);
    tcase_add_test(tc, db_option_wins_over_environment_and_may_follow_the_command);
    tcase_add_test(tc, connection_error_redacts_password);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
