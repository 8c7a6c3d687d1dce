/*
 * testlib.c — helpers of the test programs (see testlib.h).
 */
#include "testlib.h"

#include "db/migrate.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static char admin_conninfo[4096];

const char *testlib_path(const char *rel)
{
    static char path[PATH_MAX];
    const char *root = getenv("KPI_SOURCE_ROOT");
    ck_assert_msg(root != NULL, "KPI_SOURCE_ROOT is not set (run the tests with meson test)");
    snprintf(path, sizeof path, "%s/%s", root, rel);
    return path;
}

const char *testlib_tmpdir(void)
{
    static char dir[PATH_MAX];
    const char *base = getenv("KPI_TEST_TMP");
    snprintf(dir, sizeof dir, "%s/kpi-test-XXXXXX", base ? base : "/tmp");
    mkdir(base ? base : "/tmp", 0755);
    ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp: %s", strerror(errno));
    chmod(dir, 0755);
    return dir;
}

char *testlib_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "could not open %s: %s", path, strerror(errno));
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
            ck_assert_ptr_nonnull(buf);
        }
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
}

void testlib_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "could not create %s: %s", path, strerror(errno));
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

int testlib_kpi(char **out, char **err, const char *const *env, const char *const *args)
{
    const char *bin = getenv("KPI_BIN");
    ck_assert_msg(bin != NULL, "KPI_BIN is not set (run the tests with meson test)");
    const char *tmp = testlib_tmpdir();
    char out_path[PATH_MAX], err_path[PATH_MAX];
    snprintf(out_path, sizeof out_path, "%s/stdout", tmp);
    snprintf(err_path, sizeof err_path, "%s/stderr", tmp);

    size_t nargs = 0, nenv = 0, nbase = 0;
    while (args[nargs])
        nargs++;
    while (env && env[nenv])
        nenv++;
    while (environ[nbase])
        nbase++;
    char **argv = calloc(nargs + 2, sizeof *argv);
    char **envp = calloc(nbase + nenv + 1, sizeof *envp);
    ck_assert(argv && envp);
    argv[0] = (char *)bin;
    for (size_t i = 0; i < nargs; i++)
        argv[i + 1] = (char *)args[i];
    size_t k = 0;
    for (size_t i = 0; i < nenv; i++)
        envp[k++] = (char *)env[i];
    for (size_t i = 0; i < nbase; i++) {
        bool shadowed = false;
        for (size_t j = 0; j < nenv && !shadowed; j++) {
            size_t n = strcspn(env[j], "=");
            shadowed = strncmp(environ[i], env[j], n) == 0 && environ[i][n] == '=';
        }
        if (!shadowed)
            envp[k++] = environ[i];
    }

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = posix_spawn(&pid, bin, &fa, NULL, argv, envp);
    ck_assert_msg(rc == 0, "could not run %s: %s", bin, strerror(rc));
    posix_spawn_file_actions_destroy(&fa);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    free(argv);
    free(envp);
    if (out)
        *out = testlib_read_file(out_path);
    if (err)
        *err = testlib_read_file(err_path);
    unlink(out_path);
    unlink(err_path);
    rmdir(tmp);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Start (or reuse) the throwaway server and remember its maintenance conninfo. */
static const char *server(void)
{
    if (admin_conninfo[0] != '\0')
        return admin_conninfo;
    const char *env = getenv("KPI_TEST_DB");
    if (env != NULL && *env != '\0') {
        snprintf(admin_conninfo, sizeof admin_conninfo, "%s", env);
        return admin_conninfo;
    }
    const char *home = getenv("KPI_TEST_HOME");
    ck_assert_msg(home != NULL, "neither KPI_TEST_DB nor KPI_TEST_HOME is set");
    const char *start[] = {"--home", home, "db", "start", NULL};
    char *err = NULL;
    int st = testlib_kpi(NULL, &err, NULL, start);
    ck_assert_msg(st == 0, "could not start the test server: %s", err);
    free(err);
    char *out = NULL;
    const char *url[] = {"--home", home, "db", "url", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, url), 0);
    out[strcspn(out, "\n")] = '\0';
    snprintf(admin_conninfo, sizeof admin_conninfo, "%s", out);
    free(out);
    return admin_conninfo;
}

PGconn *testlib_connect(const char *conninfo)
{
    PGconn *conn = PQconnectdb(conninfo);
    ck_assert_msg(PQstatus(conn) == CONNECTION_OK, "could not connect: %s", PQerrorMessage(conn));
    PQclear(PQexec(conn, "SET client_min_messages = warning"));
    return conn;
}

static bool wanted(const char *keyword)
{
    static const char *const keys[] = {"host", "port", "user", "dbname", "password"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keyword, keys[i]) == 0)
            return true;
    return false;
}

/* Whether the tests run with KPI_TEST_OWNER=plain (see testlib.h). */
static bool plain_owner(void)
{
    const char *mode = getenv("KPI_TEST_OWNER");
    if (mode == NULL || *mode == '\0' || strcmp(mode, "superuser") == 0)
        return false;
    ck_assert_msg(strcmp(mode, "plain") == 0, "KPI_TEST_OWNER is \"plain\" or unset, not \"%s\"",
                  mode);
    return true;
}

/*
 * The plain owner role, created once per server: LOGIN with a password,
 * nothing else (no SUPERUSER, CREATEDB, CREATEROLE, BYPASSRLS). The test
 * programs run in parallel: an advisory lock serialises the check and the
 * CREATE ROLE.
 */
static void ensure_plain_owner(PGconn *admin)
{
    testlib_exec(admin, "SELECT pg_advisory_lock(7240015)");
    char *have =
        testlib_value(admin, "SELECT 1 FROM pg_roles WHERE rolname = '" TESTLIB_PLAIN_OWNER "'");
    if (have == NULL)
        testlib_exec(admin, "CREATE ROLE " TESTLIB_PLAIN_OWNER " LOGIN NOSUPERUSER NOCREATEDB "
                            "NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD '" TESTLIB_PLAIN_OWNER
                            "_password'");
    free(have);
    testlib_exec(admin, "SELECT pg_advisory_unlock(7240015)");
}

const char *testlib_db_new(void)
{
    static char conninfo[4096];
    static int counter;
    char name[64];
    struct timespec ts;
    bool plain = plain_owner();
    clock_gettime(CLOCK_REALTIME, &ts);
    /* pids are reused across test programs: the time keeps names unique */
    snprintf(name, sizeof name, "t_%ld_%ld%09ld_%d", (long)getpid(), (long)ts.tv_sec, ts.tv_nsec,
             ++counter);
    PGconn *admin = testlib_connect(server());
    if (plain)
        ensure_plain_owner(admin);
    char *ident = PQescapeIdentifier(admin, name, strlen(name));
    char sql[160];
    snprintf(sql, sizeof sql, "CREATE DATABASE %s%s", ident,
             plain ? " OWNER " TESTLIB_PLAIN_OWNER : "");
    PQfreemem(ident);
    testlib_exec(admin, sql);
    PQfinish(admin);
    /* the same server, another database: later keywords override the conninfo */
    const char *keys[] = {"dbname", "dbname", NULL};
    const char *vals[] = {server(), name, NULL};
    PGconn *probe = PQconnectdbParams(keys, vals, 1);
    ck_assert_msg(PQstatus(probe) == CONNECTION_OK, "%s", PQerrorMessage(probe));
    PQconninfoOption *opts = PQconninfo(probe);
    size_t used = 0;
    conninfo[0] = '\0';
    for (PQconninfoOption *o = opts; o->keyword; o++) {
        if (!o->val || !*o->val || !wanted(o->keyword))
            continue;
        if (plain && (strcmp(o->keyword, "user") == 0 || strcmp(o->keyword, "password") == 0))
            continue;
        used += (size_t)snprintf(conninfo + used, sizeof conninfo - used, "%s%s='%s'",
                                 used ? " " : "", o->keyword, o->val);
    }
    if (plain)
        snprintf(conninfo + used, sizeof conninfo - used,
                 " user='" TESTLIB_PLAIN_OWNER "' password='" TESTLIB_PLAIN_OWNER "_password'");
    PQconninfoFree(opts);
    PQfinish(probe);
    return conninfo;
}

const char *testlib_admin_conninfo(const char *conninfo)
{
    static char admin[4200];
    char *errmsg = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &errmsg);
    ck_assert_msg(opts != NULL, "bad conninfo %s: %s", conninfo, errmsg ? errmsg : "");
    const char *dbname = NULL;
    for (PQconninfoOption *o = opts; o->keyword; o++)
        if (strcmp(o->keyword, "dbname") == 0 && o->val)
            dbname = o->val;
    ck_assert_msg(dbname != NULL, "conninfo without dbname: %s", conninfo);
    /* a later keyword overrides an earlier one in a conninfo string */
    snprintf(admin, sizeof admin, "%s dbname='%s'", server(), dbname);
    PQconninfoFree(opts);
    return admin;
}

char *testlib_value(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s: %s", sql, PQerrorMessage(conn));
    char *v = NULL;
    if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
        v = strdup(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

char *testlib_difference(PGconn *conn, const char *table, const char *query)
{
    size_t len = 2 * strlen(table) + 2 * strlen(query) + 96;
    char *sql = malloc(len);
    ck_assert_ptr_nonnull(sql);
    snprintf(sql, len,
             "SELECT count(*) FROM ((TABLE %s EXCEPT %s) UNION ALL (%s EXCEPT TABLE %s)) d", table,
             query, query, table);
    char *v = testlib_value(conn, sql);
    free(sql);
    return v;
}

void testlib_exec(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(res);
    ck_assert_msg(st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK, "%.200s: %.1000s", sql,
                  PQerrorMessage(conn));
    PQclear(res);
}

int testlib_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

PGconn *testlib_fixture(const char *conninfo, const char **env_db)
{
    static char env[4200];
    PGconn *conn = testlib_connect(conninfo);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    testlib_exec(conn, "INSERT INTO kpi.metric VALUES"
                       " ('dvc_essential_online', 'x', 'x', 'flow', 'test'),"
                       " ('dvc_essential_total', 'x', 'x', 'flow', 'test'),"
                       " ('citizen_14plus', 'x', 'x', 'stock', 'test') ON CONFLICT DO NOTHING");
    snprintf(env, sizeof env, "KPI_DB=%s", conninfo);
    const char *envp[] = {env, NULL};
    const char *load[] = {"units", "load", testlib_path("fixtures/units_thai_nguyen.csv"), NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, envp, load), 0);
    if (env_db != NULL)
        *env_db = env;
    return conn;
}
