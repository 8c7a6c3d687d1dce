/*
 * testlib.h — what the Check test programs share: a throwaway PostgreSQL
 * (one fresh database per test), running the kpi binary and capturing its
 * output, and reading query results.
 *
 * The server: $KPI_TEST_DB (a conninfo of a maintenance database on a
 * throwaway server, as its superuser) when set; otherwise the test starts
 * one itself with `kpi db start` under $KPI_TEST_HOME (meson sets it to
 * build/test-pg). $KPI_TEST_OWNER=plain: who owns each test's database (see
 * testlib_db_new).
 */
#ifndef KPI_TESTLIB_H
#define KPI_TESTLIB_H

#include <check.h>
#include <libpq-fe.h>
#include <stdbool.h>

/*
 * testlib_run: run every test of S (taking ownership of it) and return the
 * exit status for main(): EXIT_SUCCESS when all passed.
 */
int testlib_run(Suite *s);

/*
 * testlib_db_new: create an empty database; returns its conninfo (static
 * storage, valid until the next call). With KPI_TEST_OWNER=plain the
 * database is owned by TESTLIB_PLAIN_OWNER, a LOGIN role with a password and
 * no SUPERUSER, CREATEDB, CREATEROLE or BYPASSRLS (created once per server),
 * and the conninfo logs in as it: what an operator's own PostgreSQL looks
 * like (scripts/test runs the 'db' suite a second time this way). Unset (or
 * "superuser"): the database and the conninfo are the server's superuser's.
 * Aborts the test on error.
 */
#define TESTLIB_PLAIN_OWNER "kpi_test_owner"
const char *testlib_db_new(void);

/*
 * testlib_admin_conninfo: the conninfo of the same database as CONNINFO (one
 * that testlib_db_new returned), connected as the throwaway server's
 * superuser — for what only a superuser may do (CREATE ROLE, `kpi roles
 * setup`), whichever role owns the database. Static storage, valid until the
 * next call.
 */
const char *testlib_admin_conninfo(const char *conninfo);

/*
 * The password of the LOGIN roles tests create (CREATE ROLE x LOGIN PASSWORD
 * ...): the embedded cluster asks every role but its superuser for one
 * (scram-sha-256). Put "password=" TESTLIB_LOGIN_PASSWORD after "user=x".
 */
#define TESTLIB_LOGIN_PASSWORD "kpi-test-login"

/* testlib_connect: connect to CONNINFO or abort the test. Caller PQfinish()es. */
PGconn *testlib_connect(const char *conninfo);

/* testlib_value: the first column of the first row of SQL, malloc'd; NULL when no row. */
char *testlib_value(PGconn *conn, const char *sql);

/*
 * testlib_difference: how many rows TABLE holds that QUERY does not return,
 * plus how many QUERY returns that TABLE does not hold ("0" when they are
 * the same set), as malloc'd text. TABLE is a table name, QUERY a SELECT
 * with the same columns.
 */
char *testlib_difference(PGconn *conn, const char *table, const char *query);

/* testlib_exec: run SQL (no data), aborting the test on error. */
void testlib_exec(PGconn *conn, const char *sql);

/*
 * testlib_kpi: run the kpi binary with ARGS (NULL-terminated, without argv[0])
 * and extra environment ENV ("NAME=value" strings, NULL-terminated, may be
 * NULL). *out and *err (may be NULL) receive its stdout and stderr, malloc'd.
 * Returns its exit status (128+N when killed by signal N).
 */
int testlib_kpi(char **out, char **err, const char *const *env, const char *const *args);

/* testlib_path: SOURCE_ROOT/REL (static storage, valid until the next call). */
const char *testlib_path(const char *rel);

/* testlib_tmpdir: a new empty directory under the build tree (static storage). */
const char *testlib_tmpdir(void);

/* testlib_read_file: whole file, malloc'd, NUL-terminated; aborts the test on error. */
char *testlib_read_file(const char *path);

/* testlib_write_file: write LEN bytes of DATA to PATH; aborts the test on error. */
void testlib_write_file(const char *path, const void *data, size_t len);

/*
 * testlib_fixture: bring the empty database CONNINFO to the common fixture:
 * migrated, the metrics citizen_14plus (stock), dvc_essential_online and
 * dvc_essential_total (flow), the units of fixtures/units_thai_nguyen.csv
 * (loaded by `kpi units load`). *env_db (may be NULL) receives
 * "KPI_DB=CONNINFO" for testlib_kpi (static storage, valid until the next
 * call). Returns a connection to it; aborts the test on error.
 */
PGconn *testlib_fixture(const char *conninfo, const char **env_db);

#endif
