/*
 * test_roles.c — `kpi roles` and sql/definitions/security/ against a real
 * PostgreSQL: login roles made members of kpi_owner, kpi_writer and
 * kpi_analyst show what each can and cannot read or write, and the
 * row-level security of analysts scoped to some units (with or without the
 * province totals) through the analyst views, on observations and on the
 * indicator values computed by a writer login.
 */
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *env[2];
static char admin_env[4400]; /* KPI_DB=the superuser's conninfo, for roles setup and grants */
static const char *db;
static char names[5][48]; /* writer, owner, analyst of 01840 + province, of 01843, unscoped */
enum { WRITER, OWNER, A_PROV, A_ONE, A_NONE };

static int kpi(const char *const *args)
{
    return testlib_kpi(NULL, NULL, env, args);
}

/* `kpi ARGS` as the server's superuser: roles are its business, whoever owns the database. */
static int kpi_admin(const char *const *args)
{
    const char *aenv[] = {admin_env, NULL};
    return testlib_kpi(NULL, NULL, aenv, args);
}

/* Connect as ROLE (a login role of the test). */
static PGconn *as(int role)
{
    char conninfo[4400];
    snprintf(conninfo, sizeof conninfo, "%s user=%s password=" TESTLIB_LOGIN_PASSWORD, db,
             names[role]);
    PGconn *conn = PQconnectdb(conninfo);
    ck_assert_msg(PQstatus(conn) == CONNECTION_OK, "%s", PQerrorMessage(conn));
    return conn;
}

/* SQL run as ROLE: its first value ("" for NULL), or "ERROR SQLSTATE". */
static char *run_as(int role, const char *sql)
{
    PGconn *conn = as(role);
    PGresult *res = PQexec(conn, sql);
    char *out;
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_TUPLES_OK && PQntuples(res) > 0)
        out = strdup(PQgetvalue(res, 0, 0));
    else if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        out = strdup("");
    else if (asprintf(&out, "ERROR %s", PQresultErrorField(res, PG_DIAG_SQLSTATE)) < 0)
        out = NULL;
    PQclear(res);
    PQfinish(conn);
    ck_assert_ptr_nonnull(out);
    return out;
}

static void expect(int role, const char *sql, const char *want)
{
    char *got = run_as(role, sql);
    ck_assert_msg(strcmp(got, want) == 0, "as %s: %s\n got: %s\nwant: %s", names[role], sql, got,
                  want);
    free(got);
}

static PGconn *setup(void)
{
    static const char *const kinds[] = {"w", "o", "ap", "a1", "an"};
    db = testlib_db_new();
    PGconn *conn = testlib_fixture(db, &env[0]);
    char path[4200];
    snprintf(path, sizeof path, "%s/data.csv", testlib_tmpdir());
    const char *csv = "period,unit,metric,value\n"
                      "2025-06,19,citizen_14plus,1000\n"
                      "2025-06,01840,citizen_14plus,100\n"
                      "2025-06,01843,citizen_14plus,200\n"
                      "2025-06,01849,citizen_14plus,300\n";
    testlib_write_file(path, csv, strlen(csv));
    const char *ingest[] = {"ingest", path, NULL};
    ck_assert_int_eq(kpi(ingest), 0);
    snprintf(admin_env, sizeof admin_env, "KPI_DB=%s", testlib_admin_conninfo(db));
    PQfinish(conn);
    conn = testlib_connect(admin_env + strlen("KPI_DB="));
    for (int i = 0; i < 5; i++) {
        char sql[512];
        snprintf(names[i], sizeof names[i], "kpi_test_%s_%ld", kinds[i], (long)getpid());
        snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN PASSWORD '" TESTLIB_LOGIN_PASSWORD "'",
                 names[i]);
        testlib_exec(conn, sql);
    }
    return conn;
}

/* Drop the login roles of the test (their privileges live in this database only). */
static void teardown(PGconn *conn)
{
    for (int i = 0; i < 5; i++) {
        char sql[512];
        snprintf(sql, sizeof sql, "DROP OWNED BY %s; DROP ROLE %s", names[i], names[i]);
        testlib_exec(conn, sql);
    }
    PQfinish(conn);
}

/* kpi roles setup (twice), the grants and the scopes of the test's login roles. */
static void grant_all(void)
{
    const char *setup_roles[] = {"roles", "setup", NULL};
    ck_assert_int_eq(kpi_admin(setup_roles), 0);
    ck_assert_int_eq(kpi_admin(setup_roles), 0); /* again: nothing breaks */
    const char *g_w[] = {"roles", "grant", "kpi_writer", names[WRITER], NULL};
    const char *g_o[] = {"roles", "grant", "kpi_owner", names[OWNER], NULL};
    const char *g_a[] = {"roles",      "grant",       "kpi_analyst", names[A_PROV],
                         names[A_ONE], names[A_NONE], NULL};
    ck_assert_int_eq(kpi_admin(g_w), 0);
    ck_assert_int_eq(kpi_admin(g_o), 0);
    ck_assert_int_eq(kpi_admin(g_a), 0);
    const char *g_bad[] = {"roles", "grant", "pg_read_server_files", names[A_ONE], NULL};
    ck_assert_int_eq(kpi_admin(g_bad), 1);
    const char *s_prov[] = {"roles", "scope", names[A_PROV], "--province", "01840", NULL};
    const char *s_one[] = {"roles", "scope", names[A_ONE], "01843", NULL};
    ck_assert_int_eq(kpi_admin(s_prov), 0);
    ck_assert_int_eq(kpi_admin(s_one), 0);
}

START_TEST(each_role_reads_and_writes_what_it_may)
{
    PGconn *conn = setup();
    grant_all();
    const char *units = "SELECT coalesce(string_agg(unit_code, ',' ORDER BY unit_code), '-')"
                        " FROM kpi.observation_history";
    /* analysts: their units through the views, never a table */
    expect(A_PROV, units, "01840,19");
    expect(A_ONE, units, "01843");
    expect(A_NONE, units, "-");
    expect(A_ONE, "SELECT count(*) FROM kpi.observation", "ERROR 42501");
    expect(A_ONE, "SELECT count(*) FROM kpi.submission", "ERROR 42501");
    expect(A_ONE, "SELECT count(*) FROM kpi.analyst_scope", "ERROR 42501");
    expect(A_ONE, "INSERT INTO kpi.unit VALUES ('X1', 'x', 'xa', '19')", "ERROR 42501");
    expect(A_ONE, "UPDATE kpi.observation SET value = 0", "ERROR 42501");
    expect(A_ONE, "SELECT count(*) FROM kpi.run_stage", "0");
    /* the writer: every row, DML, no DDL, no DELETE */
    expect(WRITER, units, "01840,01843,01849,19");
    expect(WRITER, "SELECT count(*) FROM kpi.observation", "4");
    expect(WRITER, "INSERT INTO kpi.unit VALUES ('W1', 'w', 'xa', '19')", "");
    expect(WRITER, "UPDATE kpi.unit SET name = 'w2' WHERE code = 'W1'", "");
    expect(WRITER, "DELETE FROM kpi.observation", "ERROR 42501");
    expect(WRITER, "TRUNCATE kpi.observation_data", "ERROR 42501");
    expect(WRITER, "CREATE TABLE kpi.w (i int)", "ERROR 42501");
    expect(WRITER, "DROP TABLE kpi.observation_month", "ERROR 42501");
    expect(WRITER, "ALTER TABLE kpi.unit ADD COLUMN x int", "ERROR 42501");
    expect(WRITER, "INSERT INTO kpi.analyst_scope VALUES ('x', NULL, true)", "");
    /* the owner: DDL, and every row although row-level security is forced on it */
    expect(OWNER, "CREATE TABLE kpi.o (i int)", "");
    expect(OWNER, "DROP TABLE kpi.o", "");
    expect(OWNER, units, "01840,01843,01849,19");
    expect(OWNER,
           "SELECT relforcerowsecurity::text FROM pg_class"
           " WHERE oid = 'kpi.observation_data'::regclass",
           "true");
    /* the nightly run as a writer login: a new file goes in by COPY */
    char path[4200], env_writer[4400];
    snprintf(path, sizeof path, "%s/more.csv", testlib_tmpdir());
    const char *csv = "period,unit,metric,value\n2025-07,01843,citizen_14plus,201\n";
    testlib_write_file(path, csv, strlen(csv));
    snprintf(env_writer, sizeof env_writer, "KPI_DB=%s user=%s password=" TESTLIB_LOGIN_PASSWORD,
             db, names[WRITER]);
    const char *wenv[] = {env_writer, NULL};
    const char *ingest[] = {"ingest", path, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, wenv, ingest), 0);
    expect(A_ONE,
           "SELECT string_agg(value::text, ',' ORDER BY period_start)"
           " FROM kpi.observation_history",
           "200,201");
    teardown(conn);
}
END_TEST

START_TEST(indicator_values_by_unit_scope)
{
    PGconn *conn = setup();
    char path[4200];
    snprintf(path, sizeof path, "%s/dvc.csv", testlib_tmpdir());
    const char *csv = "period,unit,metric,value\n"
                      "2025-06,01840,dvc_essential_online,81\n"
                      "2025-06,01840,dvc_essential_total,100\n"
                      "2025-06,01843,dvc_essential_online,70\n"
                      "2025-06,01843,dvc_essential_total,100\n";
    testlib_write_file(path, csv, strlen(csv));
    const char *migrate[] = {"migrate", NULL}; /* the catalog */
    ck_assert_int_eq(kpi(migrate), 0);
    const char *ingest[] = {"ingest", path, NULL};
    ck_assert_int_eq(kpi(ingest), 0);
    grant_all();
    /* the nightly computation as a writer login */
    char env_writer[4400];
    snprintf(env_writer, sizeof env_writer, "KPI_DB=%s user=%s password=" TESTLIB_LOGIN_PASSWORD,
             db, names[WRITER]);
    const char *wenv[] = {env_writer, NULL};
    const char *compute[] = {"compute", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, wenv, compute), 0);

    const char *units =
        "SELECT coalesce(string_agg(DISTINCT unit_code, ','), '-')"
        " FROM kpi.indicator_series WHERE indicator_id = '3.1' AND status <> 'no_data'";
    expect(WRITER, units, "01840,01843,19");
    expect(A_PROV, units, "01840,19");
    expect(A_ONE, units, "01843");
    expect(A_NONE, units, "-");
    expect(A_ONE,
           "SELECT string_agg(DISTINCT unit_code || ' ' || status, ',') FROM kpi.indicator_latest"
           " WHERE indicator_id = '3.1' AND period_kind = 'month' AND status <> 'no_data'",
           "01843 breach");
    /* the analyst functions hold the same scope (issue 15): asof and lineage */
    const char *asof = "SELECT coalesce(string_agg(DISTINCT unit_code, ','), '-')"
                       " FROM kpi.indicator_series_asof(now())"
                       " WHERE indicator_id = '3.1' AND status <> 'no_data'";
    const char *lineage_1843 = "SELECT coalesce(string_agg(unit_code || '=' || value, ','"
                               " ORDER BY metric), '-')"
                               " FROM kpi.indicator_lineage('3.1', '01843', 'month', '2025-06')";
    expect(WRITER, asof, "01840,01843,19");
    expect(A_PROV, asof, "01840,19");
    expect(A_ONE, asof, "01843");
    expect(A_NONE, asof, "-");
    expect(A_ONE, lineage_1843, "01843=70,01843=100");
    expect(A_PROV, lineage_1843, "-");
    /* an analyst scoped to every unit (--all) sees them all */
    const char *s_all[] = {"roles", "scope", names[A_NONE], "--all", NULL};
    ck_assert_int_eq(kpi(s_all), 0);
    expect(A_NONE, asof, "01840,01843,19");
    expect(A_NONE, lineage_1843, "01843=70,01843=100");
    expect(A_NONE, units, "01840,01843,19");
    expect(A_ONE, "SELECT count(*) FROM kpi.indicator_value", "ERROR 42501");
    expect(A_PROV, "SELECT count(*) FROM kpi.indicator_value_history", "ERROR 42501");
    expect(OWNER,
           "SELECT relforcerowsecurity::text FROM pg_class"
           " WHERE oid = 'kpi.indicator_value'::regclass",
           "true");
    teardown(conn);
}
END_TEST

START_TEST(usage_errors)
{
    const char *none[] = {"roles", NULL};
    const char *bad[] = {"roles", "frob", NULL};
    const char *grant1[] = {"roles", "grant", "kpi_writer", NULL};
    const char *scope0[] = {"roles", "scope", "someone", NULL};
    env[0] = NULL;
    ck_assert_int_eq(kpi(none), 2);
    ck_assert_int_eq(kpi(bad), 2);
    ck_assert_int_eq(kpi(grant1), 2);
    ck_assert_int_eq(kpi(scope0), 2);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("roles");
    TCase *tc = tcase_create("roles");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, each_role_reads_and_writes_what_it_may);
    tcase_add_test(tc, indicator_values_by_unit_scope);
    tcase_add_test(tc, usage_errors);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
