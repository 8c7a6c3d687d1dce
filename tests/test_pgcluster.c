/*
 * test_pgcluster.c — the embedded PostgreSQL (engine/db/pgcluster.c) through
 * `kpi db`: a fresh KPI_HOME, start, idempotent start, migrate, status, url,
 * stop — as whatever user runs the tests (root included); no command but
 * `kpi db start` creates or starts a cluster; nothing is trusted (peer for
 * the superuser, scram-sha-256 for every other role, TCP only with --listen);
 * another OS user is told the cluster runs but is not accessible to it.
 */
#include "alertlib.h"
#include "testlib.h"

#include <check.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int kpi_home(const char *home, char **out, const char *verb, const char *sub)
{
    const char *args[] = {"--home", home, verb, sub, NULL};
    const char *env[] = {"KPI_DB=", NULL};
    return testlib_kpi(out, NULL, env, args);
}

/* A new KPI_HOME (not created yet) under a fresh directory of the test. */
static const char *fresh_home(void)
{
    static char home[PATH_MAX];
    snprintf(home, sizeof home, "%s/home", testlib_tmpdir());
    return home;
}

/* The cluster under HOME started, its superuser conninfo (static storage). */
static const char *started(const char *home)
{
    static char url[4096];
    char *out;
    ck_assert_int_eq(kpi_home(home, &out, "db", "start"), 0);
    free(out);
    ck_assert_int_eq(kpi_home(home, &out, "db", "url"), 0);
    out[strcspn(out, "\n")] = '\0';
    snprintf(url, sizeof url, "%s", out);
    free(out);
    return url;
}

/* Whether CONNINFO (with OVERRIDES appended: later keywords win) lets us in. */
static bool connects(const char *conninfo, const char *overrides)
{
    char ci[4400];
    snprintf(ci, sizeof ci, "%s %s", conninfo, overrides);
    PGconn *c = PQconnectdb(ci);
    bool ok = PQstatus(c) == CONNECTION_OK;
    PQfinish(c);
    return ok;
}

/*
 * `sh -c CMD` with stdout and stderr in *out and *err (malloc'd); its exit
 * status. For what testlib_kpi cannot do: another user, another directory.
 */
static int shell(const char *cmd, char **out, char **err)
{
    const char *tmp = testlib_tmpdir();
    char full[8192 + 2 * PATH_MAX + 32], o[PATH_MAX], e[PATH_MAX];
    snprintf(o, sizeof o, "%s/out", tmp);
    snprintf(e, sizeof e, "%s/err", tmp);
    snprintf(full, sizeof full, "(%s) >'%s' 2>'%s' </dev/null", cmd, o, e);
    int st = system(full);
    *out = testlib_read_file(o);
    *err = testlib_read_file(e);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

START_TEST(lifecycle_under_fresh_home)
{
    const char *home = fresh_home();
    char *out;

    ck_assert_int_eq(kpi_home(home, &out, "db", "status"), 3);
    ck_assert_ptr_nonnull(strstr(out, "stopped, never created"));
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

    /* a command needing the database does not start the stopped cluster */
    char *err;
    const char *migrate[] = {"--home", home, "migrate", NULL};
    const char *no_db[] = {"KPI_DB=", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, no_db, migrate), 1);
    ck_assert_msg(strstr(err, "is not running: run \"kpi db start\"") != NULL, "%s", err);
    free(err);
    ck_assert_int_eq(kpi_home(home, &out, "db", "status"), 3);
    free(out);
}
END_TEST

/*
 * The cron line of issue 15: no --db, no KPI_DB, no KPI_HOME, a working
 * directory with no cluster — every command that needs a database exits 1
 * with the one message, and creates nothing there (no .kpi).
 */
START_TEST(no_database_is_never_created_silently)
{
    const char *dir = testlib_tmpdir();
    const char *bin = getenv("KPI_BIN");
    static const char *const verbs[] = {"migrate", "show --period 2025-06", "runs", "db psql",
                                        "db url"};
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        char cmd[8192], *out, *err;
        snprintf(cmd, sizeof cmd, "cd '%s' && env -u KPI_DB -u KPI_HOME '%s' %s", dir, bin,
                 verbs[i]);
        ck_assert_int_eq(shell(cmd, &out, &err), 1);
        ck_assert_msg(strcmp(err, "kpi: no database: set KPI_DB, pass --db, or run \"kpi db "
                                  "start\"\n") == 0,
                      "%s: %s", verbs[i], err);
        free(out);
        free(err);
    }
    char kpi_dir[PATH_MAX];
    snprintf(kpi_dir, sizeof kpi_dir, "%s/.kpi", dir);
    ck_assert_int_ne(access(kpi_dir, F_OK), 0);

    /* --home naming a directory that does not exist: not created either */
    const char *home = fresh_home();
    char *err;
    const char *args[] = {"--home", home, "units", "list", NULL};
    const char *no_db[] = {"KPI_DB=", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, no_db, args), 1);
    ck_assert_ptr_nonnull(strstr(err, "no database: set KPI_DB"));
    free(err);
    ck_assert_int_ne(access(home, F_OK), 0);
}
END_TEST

/*
 * Nothing is trusted: pg_hba.conf holds exactly peer for the superuser and
 * scram-sha-256 for every other role on the socket, no host line;
 * passwords are stored as SCRAM; a role's wrong password and a role without
 * one are refused; the OS account postgres (which runs the server when
 * root runs kpi, but did not start it) is no superuser of it.
 */
START_TEST(the_socket_authenticates_every_role)
{
    const char *home = fresh_home();
    const char *url = started(home);
    PGconn *conn = testlib_connect(url);
    char *v = testlib_value(conn, "SELECT string_agg(concat_ws(' ', type, database[1], "
                                  "user_name[1], address, auth_method, options[1]), '; ' "
                                  "ORDER BY line_number) FROM pg_hba_file_rules");
    ck_assert_str_eq(v, "local all kpi peer map=kpi; local all all scram-sha-256");
    free(v);
    v = testlib_value(conn, "SELECT current_setting('password_encryption') || ' ' || "
                            "current_setting('listen_addresses')");
    ck_assert_str_eq(v, "scram-sha-256 ");
    free(v);
    testlib_exec(conn, "CREATE ROLE an_x LOGIN PASSWORD 'right'; CREATE ROLE an_nopw LOGIN");
    v = testlib_value(conn, "SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = 'an_x'");
    ck_assert_str_eq(v, "SCRAM-SHA-256$");
    free(v);
    PQfinish(conn);
    ck_assert(connects(url, "user=an_x password=right"));
    ck_assert(!connects(url, "user=an_x password=wrong"));
    ck_assert(!connects(url, "user=an_nopw password=anything"));

    if (geteuid() == 0 && getpwnam("postgres") != NULL) {
        char cmd[8192], *out, *err;
        snprintf(cmd, sizeof cmd,
                 "setpriv --reuid=postgres --regid=postgres --clear-groups psql \"%s\" -XAtqc "
                 "'SELECT 1'",
                 url);
        ck_assert_int_ne(shell(cmd, &out, &err), 0);
        ck_assert_msg(strstr(err, "Peer authentication failed for user \"kpi\"") != NULL, "%s",
                      err);
        free(out);
        free(err);
    }
    char *out;
    ck_assert_int_eq(kpi_home(home, &out, "db", "stop"), 0);
    free(out);
}
END_TEST

/*
 * --listen ADDRESS:PORT: TCP there, scram-sha-256 only (a role with its
 * password gets in, a wrong password does not, the superuser never); the
 * socket moves to that port and `kpi db url` follows it; a running server
 * is not silently given another --listen; without --listen the next start
 * has no TCP again.
 */
START_TEST(listen_opens_tcp_with_passwords_only)
{
    const char *home = fresh_home();
    int port = sink_free_port();
    char listen[64], tcp[256];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", port);
    snprintf(tcp, sizeof tcp, "host=127.0.0.1 port=%d dbname=kpi", port);
    const char *no_db[] = {"KPI_DB=", NULL};
    char *out, *err;
    const char *start[] = {"--home", home, "db", "start", "--listen", listen, NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, no_db, start), 0);
    ck_assert_ptr_nonnull(strstr(out, "listening on 127.0.0.1:"));
    free(out);
    ck_assert_int_eq(kpi_home(home, &out, "db", "url"), 0);
    char want[64];
    snprintf(want, sizeof want, "port='%d'", port);
    ck_assert_msg(strstr(out, want) != NULL, "%s", out);
    out[strcspn(out, "\n")] = '\0';
    PGconn *conn = testlib_connect(out);
    free(out);
    char *v = testlib_value(conn, "SELECT string_agg(concat_ws(' ', type, user_name[1], address, "
                                  "auth_method), '; ' ORDER BY line_number) FROM pg_hba_file_rules"
                                  " WHERE type = 'host'");
    ck_assert_str_eq(v, "host kpi all reject; host all all scram-sha-256");
    free(v);
    testlib_exec(conn, "CREATE ROLE an_tcp LOGIN PASSWORD 'right'");
    PQfinish(conn);
    ck_assert(connects(tcp, "user=an_tcp password=right"));
    ck_assert(!connects(tcp, "user=an_tcp password=wrong"));
    ck_assert(!connects(tcp, "user=kpi"));
    ck_assert(!connects(tcp, "user=kpi password=kpi"));

    /* running: the same --listen is a no-op, another one is refused */
    ck_assert_int_eq(testlib_kpi(&out, NULL, no_db, start), 0);
    ck_assert_ptr_nonnull(strstr(out, "already running"));
    free(out);
    char other[64];
    snprintf(other, sizeof other, "127.0.0.1:%d", sink_free_port());
    const char *start_other[] = {"--home", home, "db", "start", "--listen", other, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, no_db, start_other), 1);
    ck_assert_msg(strstr(err, "stop it first") != NULL, "%s", err);
    free(err);
    const char *bad[] = {"--home", home, "db", "start", "--listen", "5433", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, no_db, bad), 2);
    ck_assert_ptr_nonnull(strstr(err, "expected ADDRESS:PORT"));
    free(err);

    ck_assert_int_eq(kpi_home(home, &out, "db", "stop"), 0);
    free(out);
    ck_assert_int_eq(kpi_home(home, &out, "db", "start"), 0);
    free(out);
    ck_assert(!connects(tcp, "user=an_tcp password=right"));
    ck_assert_int_eq(kpi_home(home, &out, "db", "stop"), 0);
    free(out);
}
END_TEST

/*
 * Another OS user (nobody, when the tests run as root): `kpi db status` and
 * `kpi db url` say the cluster runs but is not accessible to it (exit 1),
 * a command that needs the database says the same, and once the cluster is
 * stopped, status says "stopped" (exit 3).
 */
START_TEST(another_user_is_told_running_but_not_accessible)
{
    if (geteuid() != 0)
        return; /* needs root to become another user; CI runs as root */
    const char *home = fresh_home();
    started(home);
    const char *bin = getenv("KPI_BIN");
    char cmd[8192], *out, *err;
    const char *as_nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups env -u KPI_DB";

    snprintf(cmd, sizeof cmd, "%s '%s' --home '%s' db status", as_nobody, bin, home);
    ck_assert_int_eq(shell(cmd, &out, &err), 1);
    ck_assert_msg(strstr(out, "running, but not accessible to you (uid 65534)") != NULL, "%s%s",
                  out, err);
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "%s '%s' --home '%s' db url", as_nobody, bin, home);
    ck_assert_int_eq(shell(cmd, &out, &err), 1);
    ck_assert_msg(strstr(err, "runs, but its socket") != NULL, "%s", err);
    ck_assert_ptr_nonnull(strstr(err, "not accessible to you"));
    ck_assert_ptr_null(strstr(err, "not running"));
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "%s '%s' --home '%s' migrate", as_nobody, bin, home);
    ck_assert_int_eq(shell(cmd, &out, &err), 1);
    ck_assert_msg(strstr(err, "not accessible to you") != NULL, "%s", err);
    free(out);
    free(err);

    ck_assert_int_eq(kpi_home(home, &out, "db", "stop"), 0);
    free(out);
    snprintf(cmd, sizeof cmd, "%s '%s' --home '%s' db status", as_nobody, bin, home);
    ck_assert_int_eq(shell(cmd, &out, &err), 3);
    ck_assert_msg(strstr(out, "stopped") != NULL, "%s%s", out, err);
    free(out);
    free(err);
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
    tcase_add_test(tc, no_database_is_never_created_silently);
    tcase_add_test(tc, the_socket_authenticates_every_role);
    tcase_add_test(tc, listen_opens_tcp_with_passwords_only);
    tcase_add_test(tc, another_user_is_told_running_but_not_accessible);
    tcase_add_test(tc, start_refuses_with_external_database);
    tcase_add_test(tc, url_redacts_external_password);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
