/*
 * test_pgcluster.c — the embedded PostgreSQL (engine/db/pgcluster.c) through
 * `kpi db`: a fresh KPI_HOME, start, idempotent start, migrate, status, url,
 * stop — as whatever user runs the tests (root included).
 */
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int kpi_home(const char *home, char **out, const char *verb, const char *sub)
{
    const char *args[] = {"--home", home, verb, sub, NULL};
    const char *env[] = {"KPI_DB=", NULL};
    return testlib_kpi(out, NULL, env, args);
}

START_TEST(lifecycle_under_fresh_home)
{
    const char *tmp = testlib_tmpdir();
    char home[4096];
    snprintf(home, sizeof home, "%s/home", tmp);
    char *out;

    ck_assert_int_eq(kpi_home(home, &out, "db", "status"), 3);
    ck_assert_ptr_nonnull(strstr(out, "stopped"));
    free(out);

    ck_assert_int_eq(kpi_home(home, &out, "db", "start"), 0);
    ck_assert_ptr_nonnull(strstr(out, "started"));
    free(out);
    ck_assert_int_eq(kpi_home(home, &out, "db", "start"), 0);
    ck_assert_ptr_nonnull(strstr(out, "already running"));
    free(out);

    ck_assert_int_eq(kpi_home(home, &out, "migrate", NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "applied"));
    free(out);

    ck_assert_int_eq(kpi_home(home, &out, "db", "status"), 0);
    ck_assert_ptr_nonnull(strstr(out, "running (pid "));
    free(out);

    ck_assert_int_eq(kpi_home(home, &out, "db", "url"), 0);
    out[strcspn(out, "\n")] = '\0';
    ck_assert_ptr_nonnull(strstr(out, home));
    /* the printed conninfo works for libpq and for psql itself */
    PGconn *conn = testlib_connect(out);
    char *v = testlib_value(conn, "SELECT count(*) FROM kpi.schema_migration");
    ck_assert_int_gt(atoi(v), 0);
    free(v);
    PQfinish(conn);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "psql \"%s\" -XAtqc 'SELECT 42' | grep -qx 42", out);
    ck_assert_int_eq(system(cmd), 0);
    free(out);

    ck_assert_int_eq(kpi_home(home, &out, "db", "stop"), 0);
    ck_assert_ptr_nonnull(strstr(out, "stopped"));
    free(out);
    ck_assert_int_eq(kpi_home(home, &out, "db", "stop"), 0);
    ck_assert_ptr_nonnull(strstr(out, "not running"));
    free(out);
    ck_assert_int_eq(kpi_home(home, &out, "db", "status"), 3);
    free(out);

    /* a command needing the database starts the stopped cluster by itself */
    ck_assert_int_eq(kpi_home(home, &out, "migrate", NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "nothing to do"));
    free(out);
    ck_assert_int_eq(kpi_home(home, &out, "db", "stop"), 0);
    free(out);
}
END_TEST

START_TEST(start_refuses_with_external_database)
{
    char *err;
    const char *args[] = {"--db", "dbname=x", "db", "start", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, args), 2);
    ck_assert_ptr_nonnull(strstr(err, "embedded"));
    free(err);
}
END_TEST

START_TEST(url_redacts_external_password)
{
    char *out;
    const char *args[] = {"--db", "postgresql://u:topsecret@127.0.0.1/kpi", "db", "url", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, args), 0);
    ck_assert_ptr_null(strstr(out, "topsecret"));
    ck_assert_ptr_nonnull(strstr(out, "password='***'"));
    free(out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pgcluster");
    TCase *tc = tcase_create("pgcluster");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, lifecycle_under_fresh_home);
    tcase_add_test(tc, start_refuses_with_external_database);
    tcase_add_test(tc, url_redacts_external_password);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
