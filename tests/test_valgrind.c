/*
 * test_valgrind.c — the ingest and compute paths of the kpi binary under
 * Valgrind memcheck (suite 'valgrind', normal build only): `kpi migrate`,
 * `kpi units load`, `kpi ingest` of good, partly bad, revised and rejected
 * files (fast and slow paths), `kpi compute --full` and an incremental
 * `kpi compute`.
 * Each run must end with zero memcheck errors and no definitely lost block
 * (--errors-for-leak-kinds=definite turns such a leak into an error, and
 * --error-exitcode=99 makes any error the exit status).
 */
#include "testlib.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char env_db[4200];
static const char *env[2];
static char log_path[PATH_MAX];

/* Make KPI_BIN a script that runs the real binary under memcheck. */
static void wrap_kpi(void)
{
    static char script[PATH_MAX], real[PATH_MAX];
    if (script[0] != '\0')
        return;
    snprintf(real, sizeof real, "%s", getenv("KPI_BIN"));
    const char *dir = testlib_tmpdir();
    snprintf(script, sizeof script, "%s/kpi-memcheck", dir);
    snprintf(log_path, sizeof log_path, "%s/memcheck.log", dir);
    char text[4 * PATH_MAX];
    int n = snprintf(text, sizeof text,
                     "#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full"
                     " --errors-for-leak-kinds=definite --show-leak-kinds=definite"
                     " --log-file='%s' '%s' \"$@\"\n",
                     log_path, real);
    testlib_write_file(script, text, (size_t)n);
    ck_assert_int_eq(chmod(script, 0755), 0);
    setenv("KPI_BIN", script, 1);
}

/* kpi ARGS under memcheck: its exit status, which must be WANT. */
static void memcheck(int want, const char *const *args)
{
    char *err = NULL;
    int st = testlib_kpi(NULL, &err, env, args);
    char *log = testlib_read_file(log_path);
    ck_assert_msg(st == want, "kpi %s %s: exit %d, want %d (99: memcheck errors)\n%s\n%s", args[0],
                  args[1] ? args[1] : "", st, want, err, log);
    ck_assert_msg(strstr(log, "definitely lost") == NULL && strstr(log, "Invalid") == NULL,
                  "memcheck:\n%s", log);
    free(log);
    free(err);
}

START_TEST(ingest_under_memcheck)
{
    const char *db = testlib_db_new();
    snprintf(env_db, sizeof env_db, "KPI_DB=%s", db);
    env[0] = env_db;
    env[1] = NULL;
    wrap_kpi();
    const char *migrate[] = {"migrate", NULL};
    memcheck(0, migrate);
    const char *units[] = {"units", "load", testlib_path("fixtures/units_thai_nguyen.csv"), NULL};
    memcheck(0, units);
    PGconn *conn = testlib_connect(db);
    testlib_exec(conn, "INSERT INTO kpi.metric VALUES"
                       " ('dvc_essential_online', 'x', 'x', 'flow', 'test'),"
                       " ('dvc_essential_total', 'x', 'x', 'flow', 'test'),"
                       " ('citizen_14plus', 'x', 'x', 'stock', 'test')"
                       " ON CONFLICT DO NOTHING");
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", testlib_path("tests/data/ingest"));
    char good[PATH_MAX + 32], bad[PATH_MAX + 32], rev1[PATH_MAX + 32], rev2[PATH_MAX + 32],
        utf8[PATH_MAX + 32], conflict[PATH_MAX + 32];
    snprintf(good, sizeof good, "%s/good.csv", dir);
    snprintf(bad, sizeof bad, "%s/rows_bad.csv", dir);
    snprintf(rev1, sizeof rev1, "%s/revision_1.csv", dir);
    snprintf(rev2, sizeof rev2, "%s/revision_2.csv", dir);
    snprintf(utf8, sizeof utf8, "%s/invalid_utf8.csv", dir);
    snprintf(conflict, sizeof conflict, "%s/conflict.csv", dir);
    const char *ok[] = {"ingest", good, rev1, NULL};
    memcheck(0, ok);
    const char *full[] = {"compute", "--full", NULL};
    memcheck(0, full);
    char *cells = testlib_value(conn, "SELECT count(*) > 0 FROM kpi.indicator_value");
    ck_assert_str_eq(cells, "t");
    free(cells);
    /* a revision (slow path), a conflict, a file rejected whole; then incremental compute */
    const char *mixed[] = {"ingest", rev2, conflict, utf8, NULL};
    memcheck(3, mixed);
    const char *incremental[] = {"compute", NULL};
    memcheck(0, incremental);
    /* rejected rows of every kind (not computed: its INT64_MAX citizen count overflows
       the province sum, see the README's known problems) */
    const char *bad_rows[] = {"ingest", bad, NULL};
    memcheck(3, bad_rows);
    char *n = testlib_value(conn, "SELECT count(*) FROM kpi.submission");
    ck_assert_str_eq(n, "6");
    free(n);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("valgrind");
    TCase *tc = tcase_create("valgrind");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, ingest_under_memcheck);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
