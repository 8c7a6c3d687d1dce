/*
 * pgcluster.c — owns the embedded PostgreSQL cluster under KPI_HOME (see
 * pgcluster.h): finding the server programs, initdb, start, stop, status.
 */
#include "db/pgcluster.h"

#include "db/conn.h"
#include "common/log.h"
#include "common/sqlstate.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define SOCKET_NAME "/.s.PGSQL.5432"

static enum kpi_status path_join(char *out, size_t len, const char *dir, const char *name)
{
    int n = snprintf(out, len, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= len) {
        log_error("path too long: \"%s/%s\"", dir, name);
        return KPI_ERROR;
    }
    return KPI_OK;
}

static bool is_executable(const char *dir, const char *prog)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, prog) >= (int)sizeof path)
        return false;
    return access(path, X_OK) == 0;
}

/* Newest /usr/lib/postgresql/N/bin holding pg_ctl, by numeric N. */
static enum kpi_status find_debian_bindir(char *out, size_t len)
{
    glob_t g;
    long best = -1;
    if (glob("/usr/lib/postgresql/*/bin/pg_ctl", 0, NULL, &g) != 0)
        return KPI_ERROR;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        long v = strtol(g.gl_pathv[i] + strlen("/usr/lib/postgresql/"), NULL, 10);
        if (v > best) {
            best = v;
            snprintf(out, len, "%.*s", (int)(strlen(g.gl_pathv[i]) - strlen("/pg_ctl")),
                     g.gl_pathv[i]);
        }
    }
    globfree(&g);
    return best < 0 ? KPI_ERROR : KPI_OK;
}

static enum kpi_status find_bindir(char *out, size_t len)
{
    const char *env = getenv("KPI_PG_BINDIR");
    if (env != NULL && *env != '\0') {
        if (!is_executable(env, "pg_ctl") || !is_executable(env, "initdb")) {
            log_error("KPI_PG_BINDIR \"%s\" holds no pg_ctl and initdb", env);
            return KPI_ERROR;
        }
        snprintf(out, len, "%s", env);
        return KPI_OK;
    }
    const char *path = getenv("PATH");
    if (path != NULL) {
        char *copy = strdup(path);
        if (copy == NULL)
            return KPI_ERROR;
        char *save = NULL;
        for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
            if (is_executable(dir, "pg_ctl") && is_executable(dir, "initdb")) {
                snprintf(out, len, "%s", dir);
                free(copy);
                return KPI_OK;
            }
        }
        free(copy);
    }
    if (find_debian_bindir(out, len) == 0)
        return KPI_OK;
    log_error("could not find the PostgreSQL server programs (initdb, pg_ctl); install the "
              "postgresql package or set KPI_PG_BINDIR");
    return KPI_ERROR;
}

/* Can the server account reach and write DIR? Checked in a child as that user. */
static bool user_can_write(const struct proc_user *u, const char *dir)
{
    char *argv[] = {"test", "-w", (char *)dir, "-a", "-x", (char *)dir, NULL};
    int code;
    return proc_run(argv, u, NULL, &code) == 0 && code == 0;
}

static enum kpi_status make_dir(const char *path, mode_t mode, const struct proc_user *u)
{
    if (mkdir(path, mode) != 0 && errno != EEXIST) {
        log_error("could not create directory \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    if (u->drop && chown(path, u->uid, u->gid) != 0) {
        log_error("could not change owner of \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

enum kpi_status pgcluster_open(struct pgcluster *c, const char *home)
{
    memset(c, 0, sizeof *c);
    if (home == NULL || *home == '\0')
        home = getenv("KPI_HOME");
    if (home == NULL || *home == '\0')
        home = ".kpi";
    if (geteuid() == 0) {
        if (proc_lookup_user("postgres", &c->user) != 0)
            return KPI_ERROR;
    }
    if (mkdir(home, c->user.drop ? 0755 : 0700) != 0 && errno != EEXIST) {
        log_error("could not create KPI_HOME \"%s\": %s", home, strerror(errno));
        return KPI_ERROR;
    }
    if (realpath(home, c->home) == NULL) {
        log_error("could not resolve KPI_HOME \"%s\": %s", home, strerror(errno));
        return KPI_ERROR;
    }
    if (path_join(c->datadir, sizeof c->datadir, c->home, "pgdata") != 0 ||
        path_join(c->sockdir, sizeof c->sockdir, c->home, "run") != 0 ||
        path_join(c->logfile, sizeof c->logfile, c->home, "postgres.log") != 0)
        return KPI_ERROR;
    if (strlen(c->sockdir) + strlen(SOCKET_NAME) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
        log_error("KPI_HOME \"%s\" is too long for a Unix socket path; choose a shorter one",
                  c->home);
        return KPI_ERROR;
    }
    return find_bindir(c->bindir, sizeof c->bindir);
}

/*
 * Take the KPI_HOME lock so that concurrent starts and stops serialise: KPI_OK
 * with the locked descriptor in *fd_out (the caller close()s it), or KPI_ERROR
 * (logged; *fd_out -1).
 */
static enum kpi_status lock_home(const struct pgcluster *c, int *fd_out)
{
    *fd_out = -1;
    char path[PATH_MAX];
    if (path_join(path, sizeof path, c->home, "lock") != 0)
        return KPI_ERROR;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        log_error("could not open \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            log_error("could not lock \"%s\": %s", path, strerror(errno));
            close(fd);
            return KPI_ERROR;
        }
    }
    *fd_out = fd;
    return KPI_OK;
}

static enum kpi_status run_tool(const struct pgcluster *c, const char *tool, char **args,
                                const char *out, int *code)
{
    char prog[PATH_MAX];
    char *argv[16];
    size_t n = 0;
    if (path_join(prog, sizeof prog, c->bindir, tool) != 0)
        return KPI_ERROR;
    argv[n++] = prog;
    for (; *args != NULL && n < 15; args++)
        argv[n++] = *args;
    argv[n] = NULL;
    return proc_run(argv, &c->user, out, code);
}

/* Run pg_ctl ARGS (its output appended to KPI_HOME/pg_ctl.log); ACTION names it in errors. */
static enum kpi_status pg_ctl(const struct pgcluster *c, char **args, const char *action)
{
    char ctllog[PATH_MAX];
    int code;
    if (path_join(ctllog, sizeof ctllog, c->home, "pg_ctl.log") != 0 ||
        run_tool(c, "pg_ctl", args, ctllog, &code) != 0)
        return KPI_ERROR;
    if (code != 0) {
        log_error("could not %s the embedded PostgreSQL (pg_ctl exit %d); see \"%s\"", action, code,
                  c->logfile);
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* Append the settings of a private, socket-only server to postgresql.conf. */
static enum kpi_status write_config(const char *datadir, const char *sockdir)
{
    char path[PATH_MAX];
    if (path_join(path, sizeof path, datadir, "postgresql.conf") != 0)
        return KPI_ERROR;
    FILE *f = fopen(path, "a");
    if (f == NULL) {
        log_error("could not open \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    fputs("\n# added by kpi: a private server on a Unix socket, no TCP port\n"
          "listen_addresses = ''\n"
          "unix_socket_permissions = 0700\n"
          "timezone = 'Asia/Ho_Chi_Minh'\n"
          "log_timezone = 'Asia/Ho_Chi_Minh'\n"
          "max_wal_size = '2GB'\n"
          "# the counts of a national month and their key (about 700 MB) mostly\n"
          "# stay in memory for the nightly run; 128 MB by default\n"
          "shared_buffers = '512MB'\n"
          "# no replica follows this server: a table created and loaded in one\n"
          "# transaction (kpi ingest's new months) and its index skip the WAL;\n"
          "# back up with pg_dump, or set wal_level = replica (and max_wal_senders)\n"
          "# to use pg_basebackup or WAL archiving\n"
          "wal_level = minimal\n"
          "max_wal_senders = 0\n"
          "unix_socket_directories = '",
          f);
    for (const char *p = sockdir; *p; p++) {
        if (*p == '\'')
            fputc('\'', f);
        fputc(*p, f);
    }
    fputs("'\n", f);
    if (fclose(f) != 0) {
        log_error("could not write \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* initdb into pgdata.new, configure, then rename: a killed initdb leaves no half cluster. */
static enum kpi_status init_cluster(struct pgcluster *c)
{
    char tmp[PATH_MAX], initlog[PATH_MAX];
    if (path_join(tmp, sizeof tmp, c->home, "pgdata.new") != 0 ||
        path_join(initlog, sizeof initlog, c->home, "initdb.log") != 0)
        return KPI_ERROR;
    if (c->user.drop && !user_can_write(&c->user, c->home)) {
        log_error("the server account \"%s\" cannot write KPI_HOME \"%s\" (a parent directory "
                  "may not be traversable); choose a KPI_HOME under a world-readable directory",
                  c->user.name, c->home);
        return KPI_ERROR;
    }
    char *rm[] = {"rm", "-rf", tmp, NULL};
    int code;
    if (access(tmp, F_OK) == 0 && (proc_run(rm, NULL, NULL, &code) != 0 || code != 0))
        return KPI_ERROR;
    log_info("creating the embedded PostgreSQL cluster in \"%s\"", c->datadir);
    char *args[] = {"-D",           tmp, "-U", PGCLUSTER_USER, "-E", "UTF8", "--locale=C.UTF-8",
                    "--auth=trust", NULL};
    if (run_tool(c, "initdb", args, initlog, &code) != 0)
        return KPI_ERROR;
    if (code != 0) {
        log_error("initdb failed (exit %d); see \"%s\"", code, initlog);
        return KPI_ERROR;
    }
    if (write_config(tmp, c->sockdir) != 0)
        return KPI_ERROR;
    if (rename(tmp, c->datadir) != 0) {
        log_error("could not rename \"%s\" to \"%s\": %s", tmp, c->datadir, strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

static enum kpi_status create_database(const struct pgcluster *c)
{
    char ci[PATH_MAX + 64];
    enum kpi_status rc = KPI_ERROR;
    PGresult *res = NULL;
    if (pgcluster_conninfo(c, "postgres", ci, sizeof ci) != 0)
        return KPI_ERROR;
    PGconn *conn = PQconnectdb(ci);
    if (PQstatus(conn) != CONNECTION_OK) {
        log_error("could not connect to the embedded PostgreSQL: %s", PQerrorMessage(conn));
        goto fail;
    }
    const char *params[] = {PGCLUSTER_DBNAME};
    res = PQexecParams(conn, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL, params, NULL,
                       NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not list databases: %s", PQerrorMessage(conn));
        goto fail;
    }
    if (PQntuples(res) == 0) {
        PQclear(res);
        res = PQexec(conn, "CREATE DATABASE " PGCLUSTER_DBNAME);
        if (PQresultStatus(res) != PGRES_COMMAND_OK &&
            !sqlstate_is(conn_sqlstate(res), SQLSTATE_DUPLICATE_DATABASE)) {
            log_error("could not create database \"%s\": %s", PGCLUSTER_DBNAME,
                      PQerrorMessage(conn));
            goto fail;
        }
    }
    rc = KPI_OK;
fail:
    PQclear(res);
    PQfinish(conn);
    return rc;
}

enum kpi_status pgcluster_status(struct pgcluster *c, bool *running, long *pid)
{
    *running = false;
    *pid = 0;
    if (access(c->datadir, F_OK) != 0)
        return KPI_OK;
    char *args[] = {"-D", c->datadir, "status", NULL};
    int code;
    if (run_tool(c, "pg_ctl", args, "/dev/null", &code) != 0)
        return KPI_ERROR;
    if (code == 0) {
        char path[PATH_MAX];
        *running = true;
        if (path_join(path, sizeof path, c->datadir, "postmaster.pid") == 0) {
            FILE *f = fopen(path, "r");
            if (f != NULL) {
                if (fscanf(f, "%ld", pid) != 1)
                    *pid = 0;
                fclose(f);
            }
        }
    }
    return KPI_OK;
}

/* Does the server accept connections on its socket? */
static bool answers(const struct pgcluster *c)
{
    char ci[PATH_MAX + 64];
    if (pgcluster_conninfo(c, "postgres", ci, sizeof ci) != 0)
        return false;
    return PQping(ci) != PQPING_NO_RESPONSE;
}

enum kpi_status pgcluster_start(struct pgcluster *c, bool *was_running)
{
    enum kpi_status rc = KPI_ERROR;
    bool running;
    long pid;
    int lock;
    if (lock_home(c, &lock) != KPI_OK)
        return KPI_ERROR;
    if (access(c->datadir, F_OK) != 0) {
        if (make_dir(c->home, c->user.drop ? 0755 : 0700, &c->user) != 0 ||
            make_dir(c->sockdir, 0700, &c->user) != 0 || init_cluster(c) != 0)
            goto fail;
    }
    if (make_dir(c->sockdir, 0700, &c->user) != 0 || pgcluster_status(c, &running, &pid) != 0)
        goto fail;
    if (running && !answers(c)) {
        /* a server whose socket file vanished (removed by hand, or by another
         * server's exit) runs unreachable: restart it so the socket comes back */
        log_warn("the embedded PostgreSQL (pid %ld) does not answer on its socket; restarting it",
                 pid);
        char *args[] = {"-D", c->datadir, "-m", "fast", "-w", "-t", "120", "stop", NULL};
        if (pg_ctl(c, args, "restart") != 0)
            goto fail;
        running = false;
    }
    if (was_running != NULL)
        *was_running = running;
    if (!running) {
        char *args[] = {"-D", c->datadir, "-l", c->logfile, "-w", "-t", "120", "start", NULL};
        if (pg_ctl(c, args, "start") != 0)
            goto fail;
    }
    rc = create_database(c);
fail:
    close(lock);
    return rc;
}

enum kpi_status pgcluster_stop(struct pgcluster *c, bool *was_running)
{
    enum kpi_status rc = KPI_ERROR;
    bool running;
    long pid;
    int lock;
    if (lock_home(c, &lock) != KPI_OK)
        return KPI_ERROR;
    if (pgcluster_status(c, &running, &pid) != 0)
        goto fail;
    if (was_running != NULL)
        *was_running = running;
    if (running) {
        char *args[] = {"-D", c->datadir, "-m", "fast", "-w", "-t", "120", "stop", NULL};
        if (pg_ctl(c, args, "stop") != 0)
            goto fail;
    }
    rc = KPI_OK;
fail:
    close(lock);
    return rc;
}

/* Append key='value' to buf with libpq conninfo quoting. */
static enum kpi_status append_kv(char *buf, size_t len, size_t *used, const char *key,
                                 const char *value)
{
    int n = snprintf(buf + *used, len - *used, "%s%s='", *used ? " " : "", key);
    if (n < 0 || (size_t)n >= len - *used)
        return KPI_ERROR;
    *used += (size_t)n;
    for (const char *p = value; *p; p++) {
        if (*used + 3 >= len)
            return KPI_ERROR;
        if (*p == '\'' || *p == '\\')
            buf[(*used)++] = '\\';
        buf[(*used)++] = *p;
    }
    if (*used + 2 >= len)
        return KPI_ERROR;
    buf[(*used)++] = '\'';
    buf[*used] = '\0';
    return KPI_OK;
}

enum kpi_status pgcluster_conninfo(const struct pgcluster *c, const char *dbname, char *buf,
                                   size_t len)
{
    size_t used = 0;
    if (len == 0)
        return KPI_ERROR;
    buf[0] = '\0';
    if (append_kv(buf, len, &used, "host", c->sockdir) != 0 ||
        append_kv(buf, len, &used, "dbname", dbname ? dbname : PGCLUSTER_DBNAME) != 0 ||
        append_kv(buf, len, &used, "user", PGCLUSTER_USER) != 0)
        return KPI_ERROR;
    return KPI_OK;
}
