/*
 * test_withdraw.c — withdrawals (issue 20, item 5): `kpi submission withdraw`
 * run by the nightly's kpi_writer login restores every cell of
 * kpi.indicator_value to exactly what a database that never had the
 * submission computes, while kpi.indicator_series_asof of an instant before
 * the withdrawal still answers the state with it; a row `rút` in a file
 * withdraws one count; `kpi submission list` and `show` tell it.
 */
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The file A: June month values of two communes, and July days of one. */
static const char file_a[] = "period,unit,metric,value\n"
                             "2025-06,01840,dvc_essential_online,81\n"
                             "2025-06,01840,dvc_essential_total,100\n"
                             "2025-06,01843,dvc_essential_online,70\n"
                             "2025-06,01843,dvc_essential_total,100\n"
                             "2025-07-01,01840,dvc_essential_online,40\n"
                             "2025-07-01,01840,dvc_essential_total,50\n"
                             "2025-07-02,01840,dvc_essential_online,45\n"
                             "2025-07-02,01840,dvc_essential_total,50\n";

/*
 * The file S, sent by mistake: it revises 01840's June online count (81 →
 * 95: 3.1 for 01840 in June turns from breach to met), brings a July month
 * value for 01843 (new keys: its July had nothing) and a June value of a
 * third commune, 01849 (new keys), and revises a July day of 01840.
 */
static const char file_s[] = "period,unit,metric,value\n"
                             "2025-06,01840,dvc_essential_online,95\n"
                             "2025-07,01843,dvc_essential_online,90\n"
                             "2025-07,01843,dvc_essential_total,100\n"
                             "2025-06,01849,dvc_essential_online,10\n"
                             "2025-06,01849,dvc_essential_total,10\n"
                             "2025-07-02,01840,dvc_essential_online,50\n";

/* Every cell of kpi.indicator_value but when and by which run it was computed, one per line. */
static const char cells_sql[] =
    "SELECT coalesce(string_agg(c, E'\\n' ORDER BY c), '') FROM (SELECT (to_jsonb(v)"
    " - 'computed_at' - 'run_id')::text AS c FROM kpi.indicator_value v) x";

static char dir[4200];
static char catalog_env[4300]; /* KPI_CATALOG=: indicator 3.1 alone (lean computations) */

static void write_in(const char *name, const char *text, char *path, size_t len)
{
    snprintf(path, len, "%s/%s", dir, name);
    testlib_write_file(path, text, strlen(text));
}

/* kpi ARGS with the environment ENV ("KPI_DB=..."); asserts exit status WANT; stdout malloc'd. */
static char *kpi_ok(const char *env, int want, const char *const *args)
{
    const char *envp[] = {env, catalog_env, NULL};
    char *out = NULL, *err = NULL;
    int st = testlib_kpi(&out, &err, envp, args);
    ck_assert_msg(st == want, "kpi %s %s: exit %d, not %d\n%s\n%s", args[0], args[1] ? args[1] : "",
                  st, want, out, err);
    free(err);
    return out;
}

/* A database migrated (the shipped catalog) with the units; its KPI_DB= in ENV (len 4400). */
static void new_database(char *env, const char **conninfo)
{
    *conninfo = testlib_db_new();
    snprintf(env, 4400, "KPI_DB=%s", *conninfo);
    const char *migrate[] = {"migrate", NULL};
    const char *units[] = {"units", "load", testlib_path("fixtures/units_thai_nguyen.csv"), NULL};
    free(kpi_ok(env, 0, migrate));
    free(kpi_ok(env, 0, units));
}

START_TEST(withdrawal_restores_every_cell)
{
    char env1[4400], env2[4400], envw[4700], a[4300], s[4300], sql[1024];
    const char *ci;
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    /* the catalog: every metric, the one indicator these files feed (3.1: online / total) */
    char cmd[13000];
    snprintf(cmd, sizeof cmd, "mkdir '%s/catalog' && cp '%s' '%s/catalog/'", dir,
             testlib_path("indicators/metrics.json"), dir);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s/catalog/'",
             testlib_path("indicators/kh05-2025/3.1.json"), dir);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(catalog_env, sizeof catalog_env, "KPI_CATALOG=%s/catalog", dir);
    write_in("a.csv", file_a, a, sizeof a);
    write_in("s.csv", file_s, s, sizeof s);

    /* database 2 never had S */
    new_database(env2, &ci);
    PGconn *db2 = testlib_connect(ci);
    const char *ingest_a[] = {"ingest", a, NULL};
    const char *compute[] = {"compute", NULL};
    free(kpi_ok(env2, 0, ingest_a));
    free(kpi_ok(env2, 0, compute));

    /* database 1: the nightly's kpi_writer login ingests A, then S, computes, withdraws S */
    new_database(env1, &ci);
    char admin[4300];
    snprintf(admin, sizeof admin, "%s", testlib_admin_conninfo(ci));
    PGconn *su = testlib_connect(admin);
    char writer[64], envadmin[4400];
    snprintf(writer, sizeof writer, "kpi_test_withdraw_w_%ld", (long)getpid());
    snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'pw-w'",
             writer);
    testlib_exec(su, sql);
    snprintf(envadmin, sizeof envadmin, "KPI_DB=%s", admin);
    const char *setup[] = {"roles", "setup", NULL};
    const char *grant[] = {"roles", "grant", "kpi_writer", writer, NULL};
    free(kpi_ok(envadmin, 0, setup));
    free(kpi_ok(envadmin, 0, grant));
    snprintf(envw, sizeof envw, "KPI_DB=%.4300s user=%s password=pw-w", admin, writer);

    free(kpi_ok(envw, 0, ingest_a));
    const char *ingest_s[] = {"ingest", s, NULL};
    free(kpi_ok(envw, 0, ingest_s));
    free(kpi_ok(envw, 0, compute));
    char *with_s = testlib_value(su, cells_sql);
    char *without_s = testlib_value(db2, cells_sql);
    /* S changed cells: 3.1 of 01840 for June, at least */
    ck_assert_str_ne(with_s, without_s);
    char *sid = testlib_value(su, "SELECT id FROM kpi.submission WHERE file_name = 's.csv'");
    char *before = testlib_value(su, "SELECT clock_timestamp()::text");

    const char *withdraw[] = {"submission", "withdraw", sid, "--reason", "gửi nhầm", NULL};
    free(kpi_ok(envw, 0, withdraw));
    /* withdrawn once only */
    free(kpi_ok(envw, 1, withdraw));
    free(kpi_ok(envw, 0, compute));

    /* every cell as database 2 computes it */
    char *after = testlib_value(su, cells_sql);
    ck_assert_str_eq(after, without_s);
    /* the counts too: 01840's June online count is A's 81 again, of A's line 2 */
    static const char counts_sql[] =
        "SELECT string_agg(c, ' ' ORDER BY c) FROM (SELECT concat_ws(':', metric, unit_code,"
        " period_start, grain, value) AS c FROM kpi.observation) x";
    char *v = testlib_value(su, counts_sql);
    char *v2 = testlib_value(db2, counts_sql);
    ck_assert_str_eq(v, v2);
    free(v);
    free(v2);
    /* nothing deleted: S's six rows are in the history, none current */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FILTER (WHERE valid_to IS NOT NULL) || '/' || count(*)"
             " FROM kpi.observation_history WHERE submission_id = %s",
             sid);
    v = testlib_value(su, sql);
    ck_assert_str_eq(v, "6/6");
    free(v);

    /* as of an instant before the withdrawal: the series with S */
    snprintf(sql, sizeof sql,
             "SELECT coalesce(string_agg(c, E'\\n' ORDER BY c), '') FROM (SELECT (to_jsonb(v)"
             " - 'computed_at' - 'run_id')::text AS c FROM kpi.indicator_series_asof('%s') v) x",
             before);
    v = testlib_value(su, sql);
    ck_assert_str_eq(v, with_s);
    free(v);

    /* what list and show say; the analysts' view tells the withdrawal */
    const char *list[] = {"submission", "list", "--unit", "01849", NULL};
    char *out = kpi_ok(envw, 0, list);
    ck_assert_ptr_nonnull(strstr(out, "s.csv"));
    ck_assert_ptr_null(strstr(out, "a.csv")); /* A brought nothing of 01849 */
    free(out);
    const char *show[] = {"submission", "show", sid, NULL};
    out = kpi_ok(envw, 0, show);
    ck_assert_ptr_nonnull(strstr(out, "withdrawn_reason: gửi nhầm\n"));
    snprintf(sql, sizeof sql, "withdrawn_by: %s\n", writer);
    ck_assert_ptr_nonnull(strstr(out, sql));
    ck_assert_ptr_nonnull(strstr(out, "2,2025-06,01840,dvc_essential_online,95,withdrawn\n"));
    free(out);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM kpi.unit_submission WHERE submission_id = %s"
             " AND withdrawn_reason = 'gửi nhầm' AND rows_current = 0",
             sid);
    v = testlib_value(su, sql);
    ck_assert_str_eq(v, "3"); /* 01840, 01843, 01849 */
    free(v);

    /* a row rút withdraws one count: 01843's June online count (A's 70) has no value */
    char r[4300];
    write_in("r.csv", "period,unit,metric,value\n2025-06,01843,dvc_essential_online,rút\n", r,
             sizeof r);
    const char *ingest_r[] = {"ingest", r, NULL};
    free(kpi_ok(envw, 0, ingest_r));
    v = testlib_value(su, "SELECT count(*) FROM kpi.observation WHERE unit_code = '01843'"
                          " AND metric = 'dvc_essential_online' AND period_start = '2025-06-01'");
    ck_assert_str_eq(v, "0");
    free(v);
    v = testlib_value(su, "SELECT rows_withdrawn || '/' || rows_accepted FROM kpi.submission"
                          " WHERE file_name = 'r.csv'");
    ck_assert_str_eq(v, "1/1");
    free(v);
    /* its history: A's version, current until the withdrawal */
    v = testlib_value(su, "SELECT string_agg(value || ':' || (valid_to IS NOT NULL), ' ')"
                          " FROM kpi.observation_history WHERE unit_code = '01843'"
                          " AND metric = 'dvc_essential_online' AND period_start = '2025-06-01'");
    ck_assert_str_eq(v, "70:true");
    free(v);
    /* withdrawing that file brings A's 70 back: every cell as database 2 again */
    char *rid = testlib_value(su, "SELECT id FROM kpi.submission WHERE file_name = 'r.csv'");
    const char *withdraw_r[] = {"submission", "withdraw", rid, "--reason", "rút nhầm", NULL};
    free(kpi_ok(envw, 0, withdraw_r));
    free(kpi_ok(envw, 0, compute));
    free(after);
    after = testlib_value(su, cells_sql);
    ck_assert_str_eq(after, without_s);
    free(rid);

    free(with_s);
    free(without_s);
    free(after);
    free(sid);
    free(before);
    PQfinish(db2);
    snprintf(sql, sizeof sql, "DROP OWNED BY %s; DROP ROLE %s", writer, writer);
    testlib_exec(su, sql);
    PQfinish(su);
}
END_TEST

static Suite *withdraw_suite(void)
{
    Suite *s = suite_create("withdraw");
    TCase *tc = tcase_create("withdraw");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, withdrawal_restores_every_cell);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return testlib_run(withdraw_suite());
}
