/*
 * test_security.c — the database as an attacker with an analyst login sees it
 * (issue 23, docs/security.md), against a real PostgreSQL: an analyst scoped
 * to commune 01840 sees exactly its unit's rows in every view and function of
 * schema kpi, with every trick of the issue (a temporary view named pg_roles,
 * the load functions, a squatted load table, NOTIFY kpi_alert, asking
 * kpi.rls_unit_visible about another analyst's scope); it may create nothing
 * anywhere and write nothing: INSERT, UPDATE, DELETE and COPY on every table
 * and view and a call of every function of schema kpi all fail, and the data
 * is the same afterwards. Also the ACL of every function of schema kpi, and
 * the checks of the load functions themselves (a writer's misuse).
 */
#include "testlib.h"

#include "common/dynbuf.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { ANALYST, OTHER, WRITER, N_ROLES };
static char names[N_ROLES][64];
static char conninfo[N_ROLES][4300];
static const char *db;
static const char *env[2];

static PGconn *as(int role)
{
    return testlib_connect(conninfo[role]);
}

/* SQL on CONN: its first value ("" for no row or NULL), or "ERROR SQLSTATE"; malloc'd. */
static char *try_sql(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    char *out;
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_TUPLES_OK && PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
        out = strdup(PQgetvalue(res, 0, 0));
    else if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        out = strdup("");
    else if (st == PGRES_COPY_IN) {
        PQputCopyEnd(conn, "cancelled by the test");
        PQclear(res);
        while ((res = PQgetResult(conn)) != NULL)
            PQclear(res);
        out = strdup("COPY STARTED");
    } else if (asprintf(&out, "ERROR %s", PQresultErrorField(res, PG_DIAG_SQLSTATE)) < 0)
        out = NULL;
    PQclear(res);
    ck_assert_ptr_nonnull(out);
    return out;
}

static void expect_on(PGconn *conn, const char *sql, const char *want)
{
    char *got = try_sql(conn, sql);
    ck_assert_msg(strcmp(got, want) == 0, "%s\n got: %s\nwant: %s", sql, got, want);
    free(got);
}

static void expect_as(int role, const char *sql, const char *want)
{
    PGconn *conn = as(role);
    expect_on(conn, sql, want);
    PQfinish(conn);
}

/*
 * The fixture: the catalog, counts of 3.1 for 01840 and 01843 (June 2025,
 * both 70/100: breaches), a rejected row of each, the computation and its
 * alerts; `kpi roles setup`; ANALYST scoped to 01840, OTHER to 01843, a
 * WRITER. Returns a superuser connection.
 */
static PGconn *setup(void)
{
    static const char *const kinds[N_ROLES] = {"a", "b", "w"};
    static char admin_env[4300];
    db = testlib_db_new();
    PQfinish(testlib_fixture(db, &env[0]));
    /* roles are the superuser's, whoever owns the database (KPI_TEST_OWNER=plain) */
    snprintf(admin_env, sizeof admin_env, "KPI_DB=%s", testlib_admin_conninfo(db));
    const char *admin[] = {admin_env, NULL};
    PGconn *su = testlib_connect(admin_env + strlen("KPI_DB="));
    const char *migrate[] = {"migrate", NULL}; /* the catalog */
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, migrate), 0);
    char path[4300];
    snprintf(path, sizeof path, "%s/2025-06_dvc.csv", testlib_tmpdir());
    const char *csv = "period,unit,metric,value\n"
                      "2025-06,01840,dvc_essential_online,70\n"
                      "2025-06,01840,dvc_essential_total,100\n"
                      "2025-06,01843,dvc_essential_online,70\n"
                      "2025-06,01843,dvc_essential_total,100\n"
                      "2025-06,01840,dvc_essential_total,abc\n"
                      "2025-06,01843,dvc_essential_total,xyz\n";
    testlib_write_file(path, csv, strlen(csv));
    const char *ingest[] = {"ingest", path, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, ingest), 3); /* two rows rejected */
    const char *compute[] = {"compute", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, compute), 0);
    const char *alerts[] = {"alerts",
                            "--routes",
                            testlib_path("contrib/routes.example.json"),
                            "--now",
                            "2025-07-20 08:00+07",
                            NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, alerts), 0);
    const char *roles[] = {"roles", "setup", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, admin, roles), 0);
    for (int i = 0; i < N_ROLES; i++) {
        char sql[512];
        snprintf(names[i], sizeof names[i], "kpi_test_sec_%s_%ld", kinds[i], (long)getpid());
        snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN PASSWORD 'pw-%s'", names[i], kinds[i]);
        testlib_exec(su, sql);
        snprintf(conninfo[i], sizeof conninfo[i], "%.4150s user=%.63s password=pw-%s", db, names[i],
                 kinds[i]);
    }
    const char *g_a[] = {"roles", "grant", "kpi_analyst", names[ANALYST], names[OTHER], NULL};
    const char *g_w[] = {"roles", "grant", "kpi_writer", names[WRITER], NULL};
    const char *s_a[] = {"roles", "scope", names[ANALYST], "01840", NULL};
    const char *s_b[] = {"roles", "scope", names[OTHER], "01843", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, admin, g_a), 0);
    ck_assert_int_eq(testlib_kpi(NULL, NULL, admin, g_w), 0);
    ck_assert_int_eq(testlib_kpi(NULL, NULL, admin, s_a), 0);
    ck_assert_int_eq(testlib_kpi(NULL, NULL, admin, s_b), 0);
    /* the fixture holds rows of both units everywhere the test looks */
    char *v = testlib_value(su, "SELECT (SELECT count(DISTINCT unit_code) FROM kpi.alert"
                                "  WHERE unit_code IN ('01840', '01843')) || ' ' ||"
                                " (SELECT count(*) FROM kpi.rejected_row)");
    ck_assert_str_eq(v, "2 2");
    free(v);
    return su;
}

static void teardown(PGconn *su)
{
    for (int i = 0; i < N_ROLES; i++) {
        char sql[512];
        snprintf(sql, sizeof sql, "DROP OWNED BY %s; DROP ROLE %s", names[i], names[i]);
        testlib_exec(su, sql);
    }
    PQfinish(su);
}

/* The rows of SQL (tab-separated fields, one line per row) on CONN, malloc'd. */
static char *rows_of(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s: %s", sql, PQerrorMessage(conn));
    struct dynbuf b;
    dynbuf_init(&b, 1 << 26);
    for (int r = 0; r < PQntuples(res); r++)
        for (int c = 0; c < PQnfields(res); c++)
            dynbuf_addf(&b, "%s%c", PQgetvalue(res, r, c), c + 1 < PQnfields(res) ? '\t' : '\n');
    PQclear(res);
    char *out = dynbuf_take(&b);
    ck_assert_ptr_nonnull(out);
    return out;
}

/*
 * Every view of schema kpi with a unit_code column (but kpi.observation, which
 * stands for a table and is no analyst's: test_roles.c), and the analyst
 * functions: as ANALYST, the rows are exactly the superuser's rows of 01840.
 */
static void sees_exactly_its_unit(PGconn *su, PGconn *analyst)
{
    char *views = rows_of(su, "SELECT c.relname FROM pg_class c JOIN pg_attribute a"
                              " ON a.attrelid = c.oid AND a.attname = 'unit_code'"
                              " WHERE c.relnamespace = 'kpi'::regnamespace AND c.relkind = 'v'"
                              " AND c.relname <> 'observation' ORDER BY 1");
    int n_views = 0;
    struct dynbuf q;
    dynbuf_init(&q, 1 << 20);
    for (char *name = strtok(views, "\n"); name; name = strtok(NULL, "\n")) {
        dynbuf_addf(&q, "%sSELECT '%s' AS v, t.unit_code::text AS u, t::text AS r FROM kpi.%s t",
                    n_views ? " UNION ALL " : "", name, name);
        n_views++;
    }
    ck_assert_int_ge(n_views, 6); /* observation_history, indicator_series/latest, unit_* */
    dynbuf_add(&q, " UNION ALL SELECT 'asof', t.unit_code, t::text"
                   "  FROM kpi.indicator_series_asof(now()) t"
                   " UNION ALL SELECT 'lineage', t.unit_code, t::text"
                   "  FROM kpi.indicator_lineage('3.1', '01840', 'month', '2025-06') t"
                   " UNION ALL SELECT 'lineage 01843', t.unit_code, t::text"
                   "  FROM kpi.indicator_lineage('3.1', '01843', 'month', '2025-06') t");
    char all[1 << 16], mine[1 << 16];
    snprintf(all, sizeof all, "SELECT v || ' ' || u || ' ' || r FROM (%s) x ORDER BY 1",
             dynbuf_ptr(&q));
    /* the superuser's rows of 01840 */
    snprintf(mine, sizeof mine,
             "SELECT v || ' ' || u || ' ' || r FROM (%s) x WHERE u = '01840' ORDER BY 1",
             dynbuf_ptr(&q));
    char *got = rows_of(analyst, all), *want = rows_of(su, mine);
    ck_assert_msg(strcmp(got, want) == 0, "the analyst of 01840 sees:\n%s\nits rows are:\n%s", got,
                  want);
    /* and it does see something of each kind */
    static const char *const kinds[] = {"indicator_series ",
                                        "indicator_latest ",
                                        "observation_history ",
                                        "unit_alert ",
                                        "unit_submission ",
                                        "unit_rejected_row ",
                                        "asof ",
                                        "lineage "};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        ck_assert_msg(strstr(got, kinds[i]) != NULL, "no row of %s:\n%s", kinds[i], got);
    ck_assert_ptr_null(strstr(got, "lineage 01843"));
    free(got);
    free(want);
    free(views);
    dynbuf_free(&q);
}

START_TEST(scoped_analyst_sees_its_unit_only)
{
    PGconn *su = setup();
    PGconn *analyst = as(ANALYST);
    sees_exactly_its_unit(su, analyst);
    /* issue 23's trick: a temporary view shadowing pg_roles. No TEMP for analysts... */
    expect_on(analyst,
              "CREATE TEMP VIEW pg_roles AS SELECT rolname, oid, true AS rolsuper,"
              " true AS rolbypassrls FROM pg_catalog.pg_roles",
              "ERROR 42501");
    PQfinish(analyst);
    /* ...and were it granted, the helpers never read the caller's temporary schema */
    char sql[512], *dbname = testlib_value(su, "SELECT quote_ident(current_database())");
    snprintf(sql, sizeof sql, "GRANT TEMPORARY ON DATABASE %s TO %s", dbname, names[ANALYST]);
    testlib_exec(su, sql);
    analyst = as(ANALYST);
    expect_on(analyst,
              "CREATE TEMP VIEW pg_roles AS SELECT rolname, oid, true AS rolsuper,"
              " true AS rolbypassrls FROM pg_catalog.pg_roles",
              "");
    expect_on(analyst,
              "CREATE TEMP TABLE analyst_scope AS SELECT current_user::name AS role_name,"
              " NULL::text AS unit_code, true AS province_totals",
              "");
    expect_on(analyst, "SET search_path = pg_temp, kpi, pg_catalog", "");
    sees_exactly_its_unit(su, analyst);
    PQfinish(analyst);
    snprintf(sql, sizeof sql, "REVOKE TEMPORARY ON DATABASE %s FROM %s", dbname, names[ANALYST]);
    testlib_exec(su, sql);
    free(dbname);

    /* kpi.rls_unit_visible answers about the caller only, never about another analyst */
    char q[512];
    snprintf(q, sizeof q, "SELECT kpi.rls_unit_visible('01843', '%s')::text", names[OTHER]);
    expect_as(ANALYST, q, "false");
    snprintf(q, sizeof q, "SELECT kpi.rls_unit_visible('01840', '%s')::text", names[OTHER]);
    expect_as(ANALYST, q, "false");
    snprintf(q, sizeof q, "SELECT kpi.rls_unit_visible('01843', '%s')::text", names[OTHER]);
    expect_as(OTHER, q, "true");
    snprintf(q, sizeof q, "SELECT kpi.rls_unit_visible('01840', '%s')::text", names[ANALYST]);
    expect_as(ANALYST, q, "true");
    teardown(su);
}
END_TEST

/* A fingerprint of every row of every table of schema kpi (md5 per table). */
static char *data_fingerprint(PGconn *su)
{
    char *tables = rows_of(su, "SELECT c.relname FROM pg_class c"
                               " WHERE c.relnamespace = 'kpi'::regnamespace"
                               " AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1");
    struct dynbuf q;
    dynbuf_init(&q, 1 << 20);
    int n = 0;
    for (char *t = strtok(tables, "\n"); t; t = strtok(NULL, "\n"), n++)
        dynbuf_addf(&q,
                    "%sSELECT '%s' || ' ' || count(*) || ' ' ||"
                    " coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-')"
                    " FROM kpi.%s t",
                    n ? " UNION ALL " : "", t, t);
    dynbuf_addf(&q, " UNION ALL SELECT 'relations ' || count(*) FROM pg_class"
                    " WHERE relnamespace = 'kpi'::regnamespace");
    char *fp = rows_of(su, dynbuf_ptr(&q));
    dynbuf_free(&q);
    free(tables);
    return fp;
}

/* The analyst can create nothing and write nothing, anywhere, by any means. */
START_TEST(scoped_analyst_writes_nothing)
{
    PGconn *su = setup();
    char *before = data_fingerprint(su);
    PGconn *a = as(ANALYST);
    /* CREATE: nowhere */
    expect_on(a, "CREATE TEMP TABLE t (i int)", "ERROR 42501");
    expect_on(a, "CREATE TABLE public.t (i int)", "ERROR 42501");
    expect_on(a, "CREATE TABLE kpi.t (i int)", "ERROR 42501");
    expect_on(a, "CREATE SCHEMA t", "ERROR 42501");
    expect_on(a, "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
              "ERROR 42501");

    /* every table and view: INSERT, UPDATE, DELETE, COPY */
    char *rels = rows_of(su, "SELECT c.relname, (SELECT a.attname FROM pg_attribute a"
                             "  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
                             "  AND a.attidentity = '' AND a.attgenerated = ''"
                             /* a view's column of an identity last */
                             "  ORDER BY a.attname LIKE '%id', a.attnum LIMIT 1)"
                             " FROM pg_class c WHERE c.relnamespace = 'kpi'::regnamespace"
                             " AND c.relkind IN ('r', 'p', 'v') ORDER BY 1");
    int n_rels = 0;
    for (char *line = strtok(rels, "\n"); line; line = strtok(NULL, "\n"), n_rels++) {
        char *tab = strchr(line, '\t');
        ck_assert_ptr_nonnull(tab);
        *tab = '\0';
        const char *rel = line, *col = tab + 1;
        char sql[4][512];
        snprintf(sql[0], sizeof sql[0], "INSERT INTO kpi.%s DEFAULT VALUES", rel);
        snprintf(sql[1], sizeof sql[1], "UPDATE kpi.%s SET %s = %s", rel, col, col);
        snprintf(sql[2], sizeof sql[2], "DELETE FROM kpi.%s", rel);
        snprintf(sql[3], sizeof sql[3], "COPY kpi.%s FROM STDIN", rel);
        for (int k = 0; k < 4; k++) {
            char *got = try_sql(a, sql[k]);
            /* 42501: permission denied; 42809: COPY FROM a view; 55000: a view that cannot
             * be written at all */
            ck_assert_msg(strcmp(got, "ERROR 42501") == 0 || strcmp(got, "ERROR 42809") == 0 ||
                              strcmp(got, "ERROR 55000") == 0,
                          "%s: %s", sql[k], got);
            free(got);
        }
    }
    ck_assert_int_ge(n_rels, 30);
    free(rels);

    /*
     * every function of schema kpi, with NULL arguments: only the analysts' six may run; any
     * other is refused (42501), or is a STRICT one the planner folded to NULL unrun
     */
    char *calls = rows_of(su, "SELECT p.proname, p.proisstrict,"
                              " 'SELECT kpi.' || quote_ident(p.proname) || '('"
                              " || coalesce((SELECT string_agg('NULL::' || format_type(t, NULL),"
                              " ', ' ORDER BY o) FROM unnest(p.proargtypes::oid[])"
                              " WITH ORDINALITY AS x(t, o)), '') || ')'"
                              " FROM pg_proc p WHERE p.pronamespace = 'kpi'::regnamespace"
                              " ORDER BY 1");
    static const char *const analysts[] = {"indicator_lineage",  "indicator_series_asof",
                                           "indicator_sort_key", "rls_sees_all",
                                           "rls_unit_visible",   "series_key"};
    int n_fn = 0;
    for (char *line = strtok(calls, "\n"); line; line = strtok(NULL, "\n"), n_fn++) {
        char *strict = strchr(line, '\t');
        *strict++ = '\0';
        char *call = strchr(strict, '\t');
        *call++ = '\0';
        bool mine = false;
        for (size_t i = 0; i < sizeof analysts / sizeof analysts[0]; i++)
            mine = mine || strcmp(line, analysts[i]) == 0;
        char *got = try_sql(a, call);
        ck_assert_msg(mine || strcmp(got, "ERROR 42501") == 0 ||
                          (strcmp(strict, "t") == 0 && strcmp(got, "") == 0),
                      "%s: %s", call, got);
        free(got);
    }
    ck_assert_int_ge(n_fn, 40);
    free(calls);
    char who[256];
    snprintf(who, sizeof who,
             "SELECT string_agg(p.proname, ' ' ORDER BY p.proname) FROM pg_proc p"
             " WHERE p.pronamespace = 'kpi'::regnamespace"
             " AND has_function_privilege('%s', p.oid, 'EXECUTE')",
             names[ANALYST]);
    char *may = testlib_value(su, who);
    ck_assert_str_eq(may, "indicator_lineage indicator_series_asof indicator_sort_key "
                          "rls_sees_all rls_unit_visible series_key");
    free(may);

    /* the load functions: not the analyst's (the 5,000,000 for 01843, NOT_A_UNIT) */
    expect_on(a, "SELECT kpi.observation_load_begin(1, '{}', '{}', NULL, NULL)", "ERROR 42501");
    expect_on(a, "SELECT kpi.observation_load_widen(1)", "ERROR 42501");
    expect_on(a, "SELECT kpi.observation_load_attach(1, '{2025-07-01}', '{01843}')", "ERROR 42501");
    /* NOTIFY needs no privilege in PostgreSQL: a listener verifies the payload (docs/security.md)
     */
    PGconn *listener = testlib_connect(db);
    testlib_exec(listener, "LISTEN kpi_alert");
    expect_on(a, "NOTIFY kpi_alert, '999999'", "");
    PQfinish(a);
    PGnotify *n = NULL;
    for (int i = 0; i < 50 && n == NULL; i++) {
        PQconsumeInput(listener);
        n = PQnotifies(listener);
        if (n == NULL)
            usleep(100 * 1000);
    }
    ck_assert_ptr_nonnull(n);
    char verify[512];
    snprintf(verify, sizeof verify,
             "SELECT count(*) FROM kpi.alert a WHERE a.id::text = '%s' AND EXISTS (SELECT 1"
             " FROM kpi.alert_event e WHERE e.alert_id = a.id AND e.event = 'fire')",
             n->extra);
    expect_on(listener, verify, "0"); /* the faked id names no alert: ignored */
    PQfreemem(n);
    PQfinish(listener);

    char *after = data_fingerprint(su);
    ck_assert_str_eq(after, before);
    free(before);
    free(after);
    teardown(su);
}
END_TEST

/*
 * The ACL of every function of schema kpi after `kpi roles setup`: none
 * executable by PUBLIC; each SECURITY DEFINER function by the roles that
 * need it only; and before any setup (a fresh migration) no SECURITY
 * DEFINER function is executable by PUBLIC either.
 */
START_TEST(function_privileges)
{
    const char *fresh = testlib_db_new();
    PGconn *conn = testlib_connect(fresh);
    const char *m[] = {"migrate", NULL};
    char envf[4400];
    snprintf(envf, sizeof envf, "KPI_DB=%s", fresh);
    const char *e[] = {envf, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, e, m), 0);
    const char *public_exec = "SELECT coalesce(string_agg(p.proname, ',' ORDER BY p.proname), '-')"
                              " FROM pg_proc p WHERE p.pronamespace = 'kpi'::regnamespace"
                              " AND has_function_privilege('public', p.oid, 'EXECUTE')";
    char *v = testlib_value(conn, public_exec);
    ck_assert_str_eq(v, "-");
    free(v);
    PQfinish(conn);

    PGconn *su = setup();
    v = testlib_value(su, public_exec);
    ck_assert_str_eq(v, "-");
    free(v);
    /* the grantees of each SECURITY DEFINER function, the owner aside */
    v = testlib_value(su, "SELECT string_agg(p.proname || ':' || (SELECT coalesce(string_agg("
                          "  a.grantee::regrole::text, '+' ORDER BY a.grantee::regrole::text), '-')"
                          "  FROM aclexplode(p.proacl) a WHERE a.grantee <> p.proowner),"
                          " ' ' ORDER BY p.proname)"
                          " FROM pg_proc p WHERE p.pronamespace = 'kpi'::regnamespace"
                          " AND p.prosecdef");
    ck_assert_str_eq(v, "alert_analyze:kpi_writer "
                        "compute_analyze:kpi_writer "
                        "indicator_lineage:kpi_analyst+kpi_writer "
                        "indicator_series_asof:kpi_analyst+kpi_writer "
                        "observation_load_attach:kpi_writer "
                        "observation_load_begin:kpi_writer "
                        "observation_load_widen:kpi_writer "
                        "rls_unit_visible:kpi_analyst+kpi_writer "
                        "submission_withdraw:kpi_writer "
                        "submission_withdraw_rows:kpi_writer");
    free(v);
    /* every function: owner kpi_owner, an ACL, and no PUBLIC entry; setup_roles, grant_role:
     * nobody's */
    v = testlib_value(su, "SELECT count(*) || ' ' || count(*) FILTER (WHERE p.proacl IS NULL"
                          " OR p.proowner <> 'kpi_owner'::regrole"
                          " OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0))"
                          " FROM pg_proc p WHERE p.pronamespace = 'kpi'::regnamespace");
    ck_assert_msg(strcmp(strchr(v, ' '), " 0") == 0, "functions, of them wrong: %s", v);
    free(v);
    v = testlib_value(su, "SELECT string_agg(p.proname || ':' || array_to_string(p.proacl, ','),"
                          " ' ' ORDER BY p.proname) FROM pg_proc p"
                          " WHERE p.pronamespace = 'kpi'::regnamespace"
                          " AND p.proname IN ('setup_roles', 'grant_role')");
    ck_assert_str_eq(v, "grant_role:kpi_owner=X/kpi_owner setup_roles:kpi_owner=X/kpi_owner");
    free(v);
    teardown(su);
}
END_TEST

/*
 * The load functions check their caller's transaction even for a writer: a
 * submission committed earlier, rows of an unknown unit or of another
 * submission are refused; a load table a transaction left behind does not
 * stop the next new month.
 */
START_TEST(load_functions_check_their_transaction)
{
    PGconn *su = setup();
    PGconn *w = as(WRITER);
    const char *new_sub = "INSERT INTO kpi.submission (file_name, sha256, status)"
                          " VALUES ('x.csv', md5(random()::text), 'accepted') RETURNING id";
    char *old = try_sql(w, new_sub); /* committed: not open in a later transaction */
    char sql[1024];
    snprintf(sql, sizeof sql, "SELECT kpi.observation_load_begin(%s, '{}', '{}', NULL, NULL)", old);
    expect_on(w, sql, "ERROR 25000");
    snprintf(sql, sizeof sql, "SELECT kpi.observation_load_widen(%s)", old);
    expect_on(w, sql, "ERROR 25000");
    snprintf(sql, sizeof sql, "SELECT kpi.observation_load_attach(%s, '{2031-01-01}', '{01840}')",
             old);
    expect_on(w, sql, "ERROR 25000");

    /* a row of a unit number no code has (NOT_A_UNIT's: begin numbers no unknown code), and
     * one of another submission: refused as they are copied (the load table's check, 23514);
     * a good row in a load table without that check (only its owner can drop it): refused at
     * attach (23503) */
    static const char *const rows[] = {"(%s, 2147483647, '2031-01-01', 'month', 5000000, %s, 2,"
                                       " now())",
                                       "(%s, %s, '2031-01-01', 'month', 5000000, %s, 2, now())"};
    for (int k = 0; k < 3; k++) {
        PGconn *c = k < 2 ? w : su;
        expect_on(c, "BEGIN", "");
        char *id = try_sql(c, new_sub);
        snprintf(sql, sizeof sql,
                 "SELECT concat_ws(' ', metric_ids[1], unit_ids[1], unit_ids[2])"
                 " FROM kpi.observation_load_begin(%s, '{01843,NOT_A_UNIT}',"
                 " '{dvc_essential_online}', NULL, NULL)",
                 id);
        char *ids = try_sql(c, sql); /* "METRIC UNIT": NOT_A_UNIT has no number */
        char metric_id[16], unit_id[16];
        ck_assert_int_eq(sscanf(ids, "%15s %15s", metric_id, unit_id), 2);
        ck_assert_ptr_null(strchr(strchr(ids, ' ') + 1, ' '));
        free(ids);
        char row[512], ins[1024];
        if (k == 0)
            snprintf(row, sizeof row, rows[0], metric_id, id);
        else
            snprintf(row, sizeof row, rows[1], metric_id, unit_id, k == 1 ? old : id);
        if (k == 2)
            expect_on(c, "ALTER TABLE kpi.observation_load DROP CONSTRAINT observation_load_known",
                      "");
        snprintf(ins, sizeof ins, "INSERT INTO kpi.observation_load VALUES %s", row);
        expect_on(c, ins, k < 2 ? "ERROR 23514" : "");
        if (k == 2) {
            snprintf(sql, sizeof sql,
                     "SELECT kpi.observation_load_attach(%s, '{2031-01-01}', '{01843}')", id);
            expect_on(c, sql, "ERROR 23503");
        }
        expect_on(c, "ROLLBACK", "");
        free(id);
    }

    /* the unit numbers of the registry in two runs (a code of no unit numbered between them by
     * hand): a row of either run goes in, one of the number between does not */
    testlib_exec(su, "INSERT INTO kpi.unit_key (code) VALUES ('HAND_NUMBERED');"
                     "INSERT INTO kpi.unit (code, name, kind, parent_code)"
                     " VALUES ('01999', 'x', 'xa', '19')");
    expect_on(su, "BEGIN", "");
    char *sub = try_sql(su, new_sub);
    snprintf(sql, sizeof sql,
             "SELECT concat_ws(' ', metric_ids[1], unit_ids[1], unit_ids[2],"
             " (SELECT id FROM kpi.unit_key WHERE code = 'HAND_NUMBERED'))"
             " FROM kpi.observation_load_begin(%s, '{01843,01999}', '{dvc_essential_online}',"
             " NULL, NULL)",
             sub);
    char *ids = try_sql(su, sql);
    long m_id, u_first, u_new, u_hand;
    ck_assert_int_eq(sscanf(ids, "%ld %ld %ld %ld", &m_id, &u_first, &u_new, &u_hand), 4);
    ck_assert_int_lt(u_first, u_hand); /* 01843 numbered before, 01999 by this begin: after */
    ck_assert_int_eq(u_new, u_hand + 1);
    free(ids);
    const long units_tried[] = {u_first, u_new, u_hand};
    for (int k = 0; k < 3; k++) {
        char ins[512];
        snprintf(ins, sizeof ins,
                 "INSERT INTO kpi.observation_load VALUES (%ld, %ld, '2031-01-01', 'month', 1, %s,"
                 " %d, now())",
                 m_id, units_tried[k], sub, k + 2);
        expect_on(su, ins, k < 2 ? "" : "ERROR 23514");
    }
    expect_on(su, "ROLLBACK", "");
    free(sub);

    /* the months of the file's first rows (begin's P_FROM, P_TO: January 2031): a row of
     * February is refused as it is copied (23514, the check observation_load_range) until
     * kpi.observation_load_widen drops that check; the attach then checks the file's months
     * (January and February) by a scan and attaches the partition of both */
    expect_on(w, "BEGIN", "");
    char *sub2 = try_sql(w, new_sub);
    snprintf(sql, sizeof sql,
             "SELECT concat_ws(' ', metric_ids[1], unit_ids[1]) FROM kpi.observation_load_begin("
             "%s, '{01843}', '{dvc_essential_online}', '2031-01-01', '2031-02-01')",
             sub2);
    ids = try_sql(w, sql);
    ck_assert_int_eq(sscanf(ids, "%ld %ld", &m_id, &u_first), 2);
    free(ids);
    const char *const days[] = {"2031-01-31", "2031-02-01"};
    char ins[512];
    for (int k = 0; k < 2; k++) {
        snprintf(
            ins, sizeof ins,
            "INSERT INTO kpi.observation_load VALUES (%ld, %ld, '%s', 'day', 1, %s, %d, now())",
            m_id, u_first, days[k], sub2, k + 2);
        expect_on(w, "SAVEPOINT copy", "");
        expect_on(w, ins, k == 0 ? "" : "ERROR 23514");
        expect_on(w, "ROLLBACK TO SAVEPOINT copy", "");
    }
    snprintf(sql, sizeof sql, "SELECT kpi.observation_load_widen(%s)", sub2);
    expect_on(w, sql, "");
    snprintf(ins, sizeof ins,
             "INSERT INTO kpi.observation_load VALUES (%ld, %ld, '2031-01-31', 'day', 1, %s, 2, "
             "now()), (%ld, %ld, '2031-02-01', 'day', 1, %s, 3, now())",
             m_id, u_first, sub2, m_id, u_first, sub2);
    expect_on(w, ins, "");
    snprintf(sql, sizeof sql,
             "SELECT kpi.observation_load_attach(%s, '{2031-01-01,2031-02-01}', '{01843}')", sub2);
    expect_on(w, sql, "attached");
    snprintf(sql, sizeof sql,
             "SELECT pg_get_expr(relpartbound, oid) || ' ' || (SELECT count(*) FROM "
             "pg_constraint WHERE conrelid = c.oid AND (conname LIKE '%%range' OR conname LIKE "
             "'observation_load%%')) FROM pg_class c WHERE "
             "relname = 'observation_203101_%s'",
             sub2);
    expect_on(w, sql, "FOR VALUES FROM ('2031-01-01') TO ('2031-03-01') 0");
    expect_on(w, "ROLLBACK", "");
    free(sub2);

    /* a load table left committed (begun, never attached): the next new month still goes in */
    expect_on(w, "BEGIN", "");
    char *id = try_sql(w, new_sub);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM kpi.observation_load_begin(%s, '{}', '{}', NULL, NULL)", id);
    expect_on(w, sql, "1");
    expect_on(w, "COMMIT", "");
    free(id);
    PQfinish(w);
    char *v = testlib_value(su, "SELECT to_regclass('kpi.observation_load') IS NOT NULL");
    ck_assert_str_eq(v, "t");
    free(v);
    char path[4300], wenv[4400];
    snprintf(path, sizeof path, "%s/2025-08.csv", testlib_tmpdir());
    const char *csv = "period,unit,metric,value\n2025-08,01840,dvc_essential_total,100\n";
    testlib_write_file(path, csv, strlen(csv));
    snprintf(wenv, sizeof wenv, "KPI_DB=%s", conninfo[WRITER]);
    const char *we[] = {wenv, NULL};
    const char *ingest[] = {"ingest", path, NULL};
    char *err = NULL;
    int st = testlib_kpi(NULL, &err, we, ingest);
    ck_assert_msg(st == 0, "exit %d: %s", st, err);
    free(err);
    v = testlib_value(su, "SELECT count(*) FROM kpi.observation WHERE period_start = '2025-08-01'"
                          " AND unit_code = '01840'");
    ck_assert_str_eq(v, "1");
    free(v);
    free(old);
    teardown(su);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("security");
    TCase *tc = tcase_create("security");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, scoped_analyst_sees_its_unit_only);
    tcase_add_test(tc, scoped_analyst_writes_nothing);
    tcase_add_test(tc, function_privileges);
    tcase_add_test(tc, load_functions_check_their_transaction);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
