/*
 * test_production.c — kpi as operators install it (issue 15): a database owned
 * by a plain LOGIN role (no SUPERUSER, no BYPASSRLS) that migrates it, `kpi
 * roles setup` by the superuser, the nightly run as a kpi_writer login (no
 * DDL), a scoped analyst login reading the analyst views and functions, and
 * what a run says and records when the schema is behind or the database out
 * of reach. Every login has a password in its conninfo (the embedded cluster
 * checks them with scram-sha-256).
 */
#include "testlib.h"

#include "db/migrate.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OWNER, WRITER, ANALYST, N_ROLES };
static char names[N_ROLES][64];
static char conninfo[N_ROLES][4300];
static char env_of[N_ROLES][4610];

/* kpi ARGS with KPI_DB the conninfo of ROLE (-1: the superuser's ADMIN); *out, *err as testlib_kpi.
 */
static int kpi_as(int role, const char *admin, char **out, char **err, const char *const *args)
{
    static char env_admin[4700];
    snprintf(env_admin, sizeof env_admin, "KPI_DB=%s", admin);
    const char *env[] = {role < 0 ? env_admin : env_of[role], NULL};
    return testlib_kpi(out, err, env, args);
}

/* The first value of SQL as ROLE ("" for no row or NULL), malloc'd. */
static char *value_as(int role, const char *sql)
{
    PGconn *conn = testlib_connect(conninfo[role]);
    char *v = testlib_value(conn, sql);
    PQfinish(conn);
    return v != NULL ? v : strdup("");
}

/*
 * A new database owned by a plain login role of its own, which migrates it
 * (schema, definitions, catalog) and loads the units, and the writer and
 * analyst logins (not yet members of anything). Returns a superuser
 * connection to it; *admin its superuser conninfo.
 */
static PGconn *plain_database(const char **admin)
{
    static const char *const kinds[N_ROLES] = {"own", "w", "a"};
    static char admin_ci[4200];
    const char *db = testlib_db_new();
    snprintf(admin_ci, sizeof admin_ci, "%s", testlib_admin_conninfo(db));
    *admin = admin_ci;
    PGconn *su = testlib_connect(admin_ci);
    char *dbname = testlib_value(su, "SELECT current_database()");
    for (int i = 0; i < N_ROLES; i++) {
        char sql[512];
        snprintf(names[i], sizeof names[i], "kpi_test_prod_%s_%ld", kinds[i], (long)getpid());
        snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'pw-%s'",
                 names[i], kinds[i]);
        testlib_exec(su, sql);
        snprintf(conninfo[i], sizeof conninfo[i], "%.4150s user=%.63s password=pw-%s", admin_ci,
                 names[i], kinds[i]);
        snprintf(env_of[i], sizeof env_of[i], "KPI_DB=%.4299s", conninfo[i]);
    }
    char sql[512];
    snprintf(sql, sizeof sql, "ALTER DATABASE \"%s\" OWNER TO %s", dbname, names[OWNER]);
    testlib_exec(su, sql);
    free(dbname);
    const char *migrate[] = {"migrate", NULL};
    ck_assert_int_eq(kpi_as(OWNER, admin_ci, NULL, NULL, migrate), 0);
    const char *units[] = {"units", "load", testlib_path("fixtures/units_thai_nguyen.csv"), NULL};
    ck_assert_int_eq(kpi_as(OWNER, admin_ci, NULL, NULL, units), 0);
    return su;
}

/* Drop the logins of the test (their privileges live in this database only). */
static void drop_roles(PGconn *su)
{
    char *dbname = testlib_value(su, "SELECT current_database()");
    char sql[512];
    snprintf(sql, sizeof sql, "ALTER DATABASE \"%s\" OWNER TO CURRENT_USER", dbname);
    testlib_exec(su, sql);
    free(dbname);
    for (int i = 0; i < N_ROLES; i++) {
        snprintf(sql, sizeof sql, "DROP OWNED BY %s; DROP ROLE %s", names[i], names[i]);
        testlib_exec(su, sql);
    }
    PQfinish(su);
}

/* Copy the files of the demo's SRC whose names start with one of PREFIXES into DIR. */
static void to_inbox(const char *src, const char *dir, const char *const *prefixes)
{
    for (size_t i = 0; prefixes[i]; i++) {
        char cmd[9000];
        snprintf(cmd, sizeof cmd, "cp '%s'/%s*.csv '%s'/", src, prefixes[i], dir);
        ck_assert_msg(system(cmd) == 0, "%s", cmd);
    }
}

/*
 * Issue 15's blocker: the plain owner migrates, and a night of two files of
 * the same month goes in (the second one's rows are inserted into the
 * partition of the first: the load table must stay the owner's).
 */
START_TEST(plain_owner_migrates_and_runs)
{
    const char *admin;
    PGconn *su = plain_database(&admin);
    char *v = value_as(OWNER, "SELECT nspowner::regrole::text = current_user::text"
                              " FROM pg_namespace WHERE nspname = 'kpi'");
    ck_assert_str_eq(v, "t");
    free(v);

    char inbox[4200], path[4300];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir()); /* static storage: copied */
    const char *a = "period,unit,metric,value\n"
                    "2025-06,01840,dvc_essential_online,81\n"
                    "2025-06,01840,dvc_essential_total,100\n";
    const char *b = "period,unit,metric,value\n"
                    "2025-06,01843,dvc_essential_online,70\n"
                    "2025-06,01843,dvc_essential_total,100\n";
    snprintf(path, sizeof path, "%s/2025-06_a.csv", inbox);
    testlib_write_file(path, a, strlen(a));
    snprintf(path, sizeof path, "%s/2025-06_b.csv", inbox);
    testlib_write_file(path, b, strlen(b));
    const char *run[] = {"run", "--inbox", inbox, "--date", "2025-07-15", NULL};
    char *out = NULL, *err = NULL;
    int st = kpi_as(OWNER, admin, &out, &err, run);
    ck_assert_msg(st == 0, "exit %d\n%s\n%s", st, out, err);
    ck_assert_ptr_nonnull(strstr(out, " succeeded "));
    free(out);
    free(err);
    /* both files in: the first attached as a partition, the second inserted into it */
    v = value_as(OWNER, "SELECT string_agg(unit_code || '=' || value, ',' ORDER BY unit_code,"
                        " metric) FROM kpi.observation");
    ck_assert_str_eq(v, "01840=81,01840=100,01843=70,01843=100");
    free(v);
    /* 3.1 of 01840 is 81/100 = 81 % */
    v = value_as(OWNER, "SELECT ratio_pct::text FROM kpi.indicator_value WHERE indicator_id = '3.1'"
                        " AND unit_code = '01840' AND period_kind = 'month'");
    ck_assert_str_eq(v, "81.0000");
    free(v);
    drop_roles(su);
}
END_TEST

/*
 * The acceptance test of issue 15: a plain owner migrates; `kpi roles setup`
 * by the superuser; two nights of the demo's inbox (January and February,
 * then March and the revision file) as a kpi_writer login, both succeeded
 * and with no DDL, no WARNING, and the statistics of the tables a night writes
 * (kpi.metric_half, kpi.data_quality_finding, kpi.indicator_value) refreshed
 * by the night itself (kpi.compute_analyze); a scoped analyst sees its unit only through
 * kpi.indicator_series, kpi.indicator_series_asof and kpi.indicator_lineage;
 * a run with the schema one version behind exits 1, says what to run and as
 * whom, and is recorded in kpi.run.
 */
START_TEST(least_privilege_nights_and_scoped_analyst)
{
    const char *admin;
    PGconn *su = plain_database(&admin);
    const char *setup[] = {"roles", "setup", NULL};
    ck_assert_int_eq(kpi_as(-1, admin, NULL, NULL, setup), 0);
    const char *g_w[] = {"roles", "grant", "kpi_writer", names[WRITER], NULL};
    const char *g_a[] = {"roles", "grant", "kpi_analyst", names[ANALYST], NULL};
    const char *scope[] = {"roles", "scope", names[ANALYST], "01840", NULL};
    ck_assert_int_eq(kpi_as(-1, admin, NULL, NULL, g_w), 0);
    ck_assert_int_eq(kpi_as(-1, admin, NULL, NULL, g_a), 0);
    ck_assert_int_eq(kpi_as(-1, admin, NULL, NULL, scope), 0);
    const char *migrate[] = {"migrate", NULL};
    /* the owner still migrates the schema kpi_owner now owns (it is a member) */
    ck_assert_int_eq(kpi_as(OWNER, admin, NULL, NULL, migrate), 0);

    char subs[4200], inbox[4200], cmd[9000];
    snprintf(subs, sizeof subs, "%s", testlib_tmpdir()); /* static storage: copied */
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    snprintf(cmd, sizeof cmd, "python3 '%s' '%s' >/dev/null",
             testlib_path("fixtures/tools/make_submissions.py"), subs);
    ck_assert_int_eq(system(cmd), 0);
    char routes[4200];
    snprintf(routes, sizeof routes, "%s", testlib_path("contrib/routes.example.json"));
    char *defs_before = value_as(OWNER, "SELECT max(applied_at)::text FROM kpi.schema_definition");
    const char *night1[] = {"2025-01_", "2025-02_", NULL};
    const char *night2[] = {"2025-03_", "2026-01-10_revision", NULL};
    const char *const *nights[] = {night1, night2};
    const char *dates[] = {"2025-02-15", "2025-03-16"};
    /* the statistics of what a night writes are the night's own to refresh (autovacuum
     * kept out of these three tables, so that only the night can have analysed them) */
    testlib_exec(su, "ALTER TABLE kpi.metric_half SET (autovacuum_enabled = false);"
                     " ALTER TABLE kpi.data_quality_finding SET (autovacuum_enabled = false);"
                     " ALTER TABLE kpi.indicator_value SET (autovacuum_enabled = false)");
    const char *stats = "SELECT string_agg(c.relname || ' ' || c.reltuples::bigint, ', '"
                        " ORDER BY c.relname) FROM pg_class c"
                        " WHERE c.oid IN ('kpi.metric_half'::regclass,"
                        " 'kpi.data_quality_finding'::regclass, 'kpi.indicator_value'::regclass)";
    char *v = value_as(OWNER, stats);
    ck_assert_str_eq(v, "data_quality_finding -1, indicator_value -1, metric_half -1");
    free(v);
    for (int n = 0; n < 2; n++) {
        to_inbox(subs, inbox, nights[n]);
        const char *run[] = {"run",          "--inbox", inbox,    "--routes", routes,
                             "--no-deliver", "--date",  dates[n], NULL};
        char *out = NULL, *err = NULL;
        int st = kpi_as(WRITER, admin, &out, &err, run);
        ck_assert_msg(st == 0, "night %d: exit %d\n%s\n%s", n + 1, st, out, err);
        ck_assert_msg(strstr(out, " succeeded ") != NULL, "night %d:\n%s", n + 1, out);
        ck_assert_ptr_nonnull(strstr(out, "(0 migrations, 0 definitions applied)"));
        /* no statement of the night was refused or skipped (an ANALYZE by a
         * non-owner is skipped with a WARNING) */
        ck_assert_msg(strstr(err, "WARNING") == NULL, "night %d: stderr:\n%s", n + 1, err);
        free(out);
        free(err);
        if (n == 0) {
            /* the first night analysed what it wrote: an ANALYZE of a table this small
             * reads every page, so reltuples is its count (-1 before: never analysed) */
            v = value_as(OWNER, stats);
            char *want =
                value_as(OWNER, "SELECT 'data_quality_finding ' || (SELECT count(*)"
                                " FROM kpi.data_quality_finding) || ', indicator_value ' || (SELECT"
                                " count(*) FROM kpi.indicator_value) || ', metric_half ' || (SELECT"
                                " count(*) FROM kpi.metric_half)");
            ck_assert_str_eq(v, want);
            free(v);
            free(want);
        }
    }
    v = value_as(OWNER, "SELECT string_agg(status, ',' ORDER BY id) FROM kpi.run");
    ck_assert_str_eq(v, "succeeded,succeeded");
    free(v);
    /* no DDL by the writer: no definition applied again, every relation still kpi_owner's */
    char *defs_after = value_as(OWNER, "SELECT max(applied_at)::text FROM kpi.schema_definition");
    ck_assert_str_eq(defs_after, defs_before);
    free(defs_before);
    free(defs_after);
    v = value_as(OWNER, "SELECT coalesce(string_agg(relname || ' ' || relowner::regrole, ','), '-')"
                        " FROM pg_class WHERE relnamespace = 'kpi'::regnamespace"
                        " AND relowner <> 'kpi_owner'::regrole");
    ck_assert_str_eq(v, "-");
    free(v);
    v = value_as(OWNER, "SELECT count(*) FROM kpi.submission WHERE file_name LIKE '2025-03_%'");
    ck_assert_str_eq(v, "4");
    free(v);

    /* the analyst of 01840: its unit, and every row of it, in each view and function */
    const char *queries[][2] = {
        {"SELECT string_agg(DISTINCT unit_code, ',') || ' ' || count(*)"
         " FROM kpi.indicator_series",
         "SELECT string_agg(DISTINCT unit_code, ',') || ' ' || count(*)"
         " FROM kpi.indicator_series WHERE unit_code = '01840'"},
        {"SELECT string_agg(DISTINCT unit_code, ',') || ' ' || count(*)"
         " FROM kpi.indicator_series_asof(now())",
         "SELECT string_agg(DISTINCT unit_code, ',') || ' ' || count(*)"
         " FROM kpi.indicator_series_asof(now()) WHERE unit_code = '01840'"},
        {"SELECT string_agg(DISTINCT unit_code, ',') || ' ' || count(*)"
         " FROM kpi.indicator_lineage('3.1', '01840', 'month', '2025-02')",
         "SELECT string_agg(DISTINCT unit_code, ',') || ' ' || count(*)"
         " FROM kpi.indicator_lineage('3.1', '01840', 'month', '2025-02')"
         " WHERE unit_code = '01840'"},
        {"SELECT count(*) FROM kpi.indicator_lineage('3.1', '01843', 'month', '2025-02')",
         "SELECT 0"},
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        char *got = value_as(ANALYST, queries[i][0]);
        char *want = value_as(OWNER, queries[i][1]);
        ck_assert_msg(strcmp(got, want) == 0, "%s\n got %s\nwant %s", queries[i][0], got, want);
        ck_assert_msg(strcmp(got, "0") == 0 || strncmp(got, "01840 ", 6) == 0, "%s: %s",
                      queries[i][0], got);
        free(got);
        free(want);
    }
    /* 3.1 of February: 01840's own 28 days of dvc_essential_online and _total */
    v = value_as(ANALYST, "SELECT count(*) FROM kpi.indicator_lineage('3.1', '01840', 'month',"
                          " '2025-02') WHERE counted");
    ck_assert_str_eq(v, "56");
    free(v);

    /* the schema one version behind: exit 1, what to run, recorded as failed */
    char sql[256], msg[256];
    snprintf(sql, sizeof sql,
             "CREATE TABLE public.taken AS SELECT * FROM kpi.schema_migration WHERE version = %d;"
             " DELETE FROM kpi.schema_migration WHERE version = %d",
             migrate_latest(), migrate_latest());
    testlib_exec(su, sql);
    char *behind = testlib_value(su, "SELECT max(version) FROM kpi.schema_migration");
    snprintf(msg, sizeof msg,
             "the schema is at %s, this kpi needs %d: run \"kpi migrate\" as the owner", behind,
             migrate_latest());
    free(behind);
    const char *run[] = {"run", "--inbox", inbox, "--date", "2025-03-17", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(kpi_as(WRITER, admin, &out, &err, run), 1);
    ck_assert_msg(strstr(err, msg) != NULL, "stderr:\n%s", err);
    ck_assert_ptr_nonnull(strstr(out, " failed "));
    free(out);
    free(err);
    v = value_as(OWNER, "SELECT status || ': ' || error FROM kpi.run ORDER BY id DESC LIMIT 1");
    char want[400];
    snprintf(want, sizeof want, "failed: stage migrate: %s", msg);
    ck_assert_str_eq(v, want);
    free(v);
    /* the latest migration's record put back (its changes are all there: a migration is
     * applied once, never again), the owner's check passes, and the writer's night goes on */
    testlib_exec(su,
                 "INSERT INTO kpi.schema_migration TABLE public.taken; DROP TABLE public.taken");
    ck_assert_int_eq(kpi_as(OWNER, admin, NULL, NULL, migrate), 0);
    ck_assert_int_eq(kpi_as(WRITER, admin, NULL, NULL, run), 0);
    drop_roles(su);
}
END_TEST

/* A run that cannot reach its database says so, in text and in the JSON log, and exits 1. */
START_TEST(unreachable_database_is_said)
{
    const char *env[] = {"KPI_DB=host=/nonexistent/kpi-test dbname=kpi user=nobody", NULL};
    const char *text[] = {"run", NULL};
    const char *json[] = {"run", "--log-format", "json", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(testlib_kpi(&out, &err, env, text), 1);
    ck_assert_msg(strstr(err, "could not connect to ") != NULL, "%s", err);
    free(out);
    free(err);
    ck_assert_int_eq(testlib_kpi(&out, &err, env, json), 1);
    ck_assert_msg(strstr(err, "\"level\":\"error\"") != NULL, "%s", err);
    ck_assert_msg(strstr(err, "could not connect to ") != NULL, "%s", err);
    free(out);
    free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("production");
    TCase *tc = tcase_create("production");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, plain_owner_migrates_and_runs);
    tcase_add_test(tc, least_privilege_nights_and_scoped_analyst);
    tcase_add_test(tc, unreachable_database_is_said);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
