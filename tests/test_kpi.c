/*
 * test_kpi.c — the kpi command line (engine/kpi.c, builtin/migrate.c):
 * help, version, usage errors, the option tables of builtin/parse-options.h,
 * and `kpi migrate` through KPI_DB.
 */
#include "db/migrate.h"
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

/* The tables of builtin/parse-options.h: one row parses an option and prints its help line. */
START_TEST(options_parse_and_print_from_one_table)
{
    char *out, *again, *err;
    const char *help[] = {"compute", "--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, help), 0);
    ck_assert_ptr_nonnull(
        strstr(out, "usage: kpi compute [--from YYYY-MM] [--to YYYY-MM] [--full]\n"));
    ck_assert_ptr_nonnull(strstr(out, "\noptions:\n  --from YYYY-MM  first month"));
    ck_assert_ptr_nonnull(strstr(out, "\n  --full          recompute every cell of the range\n"));
    const char *help_verb[] = {"help", "compute", NULL};
    ck_assert_int_eq(testlib_kpi(&again, NULL, NULL, help_verb), 0);
    ck_assert_str_eq(again, out);
    free(again);
    free(out);
    /* a short name and a long one of the same row */
    const char *short_bad[] = {"runs", "-n", "0", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, short_bad), 2);
    ck_assert_str_eq(err, "kpi runs: --limit takes a number from 1 to 100000, not \"0\"\n"
                          "hint: try 'kpi runs --help'\n");
    free(err);
    const char *long_bad[] = {"runs", "--limit=100001", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, long_bad), 2);
    ck_assert_ptr_nonnull(strstr(err, "not \"100001\""));
    free(err);
    const char *no_value[] = {"report", "-p", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, no_value), 2);
    ck_assert_str_eq(err, "kpi report: option '-p' needs a value\nhint: try 'kpi report --help'\n");
    free(err);
    const char *short_unknown[] = {"migrate", "-x", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, short_unknown), 2);
    ck_assert_str_eq(err, "kpi migrate: unknown option '-x'\nhint: try 'kpi migrate --help'\n");
    free(err);
    /* a month row checks its month */
    const char *month[] = {"compute", "--to=2025-9", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, month), 2);
    ck_assert_ptr_nonnull(strstr(err, "kpi compute: '2025-9' is not a month; write YYYY-MM"));
    free(err);
    /* kpi's own table: -h is --help, the commands and the global options listed */
    const char *h[] = {"-h", NULL}, *top[] = {"--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, h), 0);
    ck_assert_int_eq(testlib_kpi(&again, NULL, NULL, top), 0);
    ck_assert_str_eq(out, again);
    /* the names padded to the longest one, whichever it is */
    ck_assert_ptr_nonnull(strstr(out, "\ncommands:\n  alerts "));
    ck_assert_ptr_nonnull(strstr(out, "   evaluate threshold-breach alerts"));
    ck_assert_ptr_nonnull(strstr(out, "\n  --db CONNINFO  a libpq connection string"));
    ck_assert_ptr_nonnull(strstr(out, "\n  --version      print the version"));
    free(again);
    free(out);
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
    /* a fresh database: every migration and every definition the binary carries */
    char expect[128];
    snprintf(expect, sizeof expect,
             "applied %zu migrations and %zu definitions; schema now at version %d\n",
             migrate_files_len, migrate_definitions_len, migrate_latest());
    ck_assert_msg(strncmp(out, expect, strlen(expect)) == 0, "got: %s", out);
    free(out);
    /* the second applies nothing: 0 migrations, 0 definitions */
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, args), 0);
    snprintf(expect, sizeof expect, "schema up to date at version %d; nothing to do\n",
             migrate_latest());
    ck_assert_msg(strncmp(out, expect, strlen(expect)) == 0, "got: %s", out);
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
    tcase_add_test(tc, options_parse_and_print_from_one_table);
    tcase_add_test(tc, migrate_twice_through_kpi_db);
    tcase_add_test(tc, db_option_wins_over_environment_and_may_follow_the_command);
    tcase_add_test(tc, connection_error_redacts_password);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
