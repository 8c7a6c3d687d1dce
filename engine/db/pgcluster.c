/*
 * pgcluster.c — owns the embedded PostgreSQL cluster under KPI_HOME (see
 * pgcluster.h): finding the server programs, initdb, start, stop, status.
 */
#include "db/pgcluster.h"

#include "db/conn.h"
#include "common/log.h"
#include "common/sqlstate.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <pwd.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define SOCKET_NAME "/.s.PGSQL.65535" /* the longest socket name */

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

/* mkdir PATH (MODE; MODE again when it exists and FIX), owned by the server account U. */
static enum kpi_status make_dir(const char *path, mode_t mode, const struct proc_user *u, bool fix)
{
    if (mkdir(path, mode) == 0)
        fix = true;
    else if (errno != EEXIST) {
        log_error("could not create directory \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    if (u->drop && chown(path, u->uid, u->gid) != 0) {
        log_error("could not change owner of \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    if (fix && chmod(path, mode) != 0) {
        log_error("could not change mode of \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* The absolute form of PATH (which may not exist) into OUT (PATH_MAX bytes). */
static enum kpi_status absolute(const char *path, char *out)
{
    if (realpath(path, out) != NULL)
        return KPI_OK;
    char cwd[PATH_MAX];
    int n;
    if (path[0] == '/')
        n = snprintf(out, PATH_MAX, "%s", path);
    else if (getcwd(cwd, sizeof cwd) != NULL)
        n = snprintf(out, PATH_MAX, "%s/%s", cwd, path);
    else {
        log_error("could not resolve KPI_HOME \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    if (n < 0 || n >= PATH_MAX) {
        log_error("KPI_HOME \"%s\" is too long", path);
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
    if (absolute(home, c->home) != 0)
        return KPI_ERROR;
    if (path_join(c->datadir, sizeof c->datadir, c->home, "pgdata") != 0 ||
        path_join(c->sockdir, sizeof c->sockdir, c->home, "run") != 0 ||
        path_join(c->logfile, sizeof c->logfile, c->home, "postgres.log") != 0)
        return KPI_ERROR;
    if (strlen(c->sockdir) + strlen(SOCKET_NAME) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
        log_error("KPI_HOME \"%s\" is too long for a Unix socket path; choose a shorter one",
                  c->home);
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* Find the server programs and, as root, the account the server runs as. */
static enum kpi_status need_tools(struct pgcluster *c)
{
    if (geteuid() == 0 && !c->user.drop && proc_lookup_user("postgres", &c->user) != 0)
        return KPI_ERROR;
    if (c->bindir[0] != '\0')
        return KPI_OK;
    return find_bindir(c->bindir, sizeof c->bindir);
}

/*
 * The server's socket in SOCKDIR (".s.PGSQL.PORT", not its ".lock") into OUT
 * (PATH_MAX bytes): its port, or 0 (OUT "") when there is none to be seen.
 */
static int find_socket(const char *sockdir, char *out)
{
    char pattern[PATH_MAX];
    glob_t g;
    int port = 0;
    out[0] = '\0';
    if (snprintf(pattern, sizeof pattern, "%s/.s.PGSQL.*", sockdir) >= (int)sizeof pattern ||
        glob(pattern, 0, NULL, &g) != 0)
        return 0;
    for (size_t i = 0; i < g.gl_pathc && port == 0; i++) {
        const char *dot = strrchr(g.gl_pathv[i], '.');
        char *end;
        long p = strtol(dot + 1, &end, 10);
        if (*end == '\0' && p > 0 && p < 65536) {
            port = (int)p;
            snprintf(out, PATH_MAX, "%s", g.gl_pathv[i]);
        }
    }
    globfree(&g);
    return port;
}

void pgcluster_probe(const struct pgcluster *c, enum pgcluster_state *state, char *socket_out)
{
    char sock[PATH_MAX];
    struct stat st;
    if (socket_out != NULL)
        socket_out[0] = '\0';
    if (stat(c->datadir, &st) != 0) {
        *state = errno == EACCES ? PGCLUSTER_HIDDEN : PGCLUSTER_ABSENT;
        return;
    }
    if (find_socket(c->sockdir, sock) == 0) {
        /* no socket to be seen: none, or a directory this user may not list */
        *state = access(c->sockdir, R_OK | X_OK) != 0 && errno == EACCES ? PGCLUSTER_HIDDEN
                                                                         : PGCLUSTER_STOPPED;
        return;
    }
    if (socket_out != NULL)
        snprintf(socket_out, PATH_MAX, "%s", sock);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(sock) >= sizeof addr.sun_path) {
        *state = PGCLUSTER_STOPPED; /* pgcluster_open refuses such a KPI_HOME */
        return;
    }
    memcpy(addr.sun_path, sock, strlen(sock) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *state = PGCLUSTER_STOPPED;
        return;
    }
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0)
        *state = PGCLUSTER_RUNNING;
    else if (errno == EACCES || errno == EPERM)
        *state = PGCLUSTER_DENIED;
    else
        *state = PGCLUSTER_STOPPED; /* a socket file left by a server that died */
    close(fd);
}

enum kpi_status pgcluster_parse_listen(const char *text, char *addr, size_t len, int *port)
{
    const char *colon = strrchr(text, ':');
    if (colon == NULL || colon == text)
        return KPI_REJECTED;
    const char *a = text;
    size_t n = (size_t)(colon - text);
    if (a[0] == '[') {
        if (n < 3 || a[n - 1] != ']')
            return KPI_REJECTED;
        a++;
        n -= 2;
    } else if (memchr(a, ':', n) != NULL) {
        return KPI_REJECTED; /* an IPv6 address goes in brackets */
    }
    if (n >= len)
        return KPI_REJECTED;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)a[i]) && strchr(".:-*", a[i]) == NULL)
            return KPI_REJECTED;
    char *end;
    errno = 0;
    long p = strtol(colon + 1, &end, 10);
    if (colon[1] == '\0' || *end != '\0' || errno != 0 || p < 1 || p > 65535)
        return KPI_REJECTED;
    memcpy(addr, a, n);
    addr[n] = '\0';
    *port = (int)p;
    return KPI_OK;
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

/* What postgresql.conf ends with: the settings of the last `kpi db start`. */
#define INCLUDE_LINE                                                                               \
    "# added by kpi: what the last \"kpi db start\" asked for (listen, authentication)\n"          \
    "include_if_exists = 'kpi.conf'\n"

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
    fputs("'\n" INCLUDE_LINE, f);
    if (fclose(f) != 0) {
        log_error("could not write \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

/*
 * Write TEXT to DIR/NAME (mode 0600, owned by the server account): a
 * temporary file renamed into place. Returns KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status write_file(const struct pgcluster *c, const char *dir, const char *name,
                                  const char *text)
{
    char path[PATH_MAX], tmp[PATH_MAX];
    if (path_join(path, sizeof path, dir, name) != 0 ||
        snprintf(tmp, sizeof tmp, "%s.new", path) >= (int)sizeof tmp)
        return KPI_ERROR;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        log_error("could not create \"%s\": %s", tmp, strerror(errno));
        return KPI_ERROR;
    }
    size_t len = strlen(text);
    bool ok = write(fd, text, len) == (ssize_t)len;
    if (ok && c->user.drop)
        ok = fchown(fd, c->user.uid, c->user.gid) == 0;
    if (close(fd) != 0)
        ok = false;
    if (!ok || rename(tmp, path) != 0) {
        log_error("could not write \"%s\": %s", path, strerror(errno));
        unlink(tmp);
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* pgdata/kpi.conf for LISTEN (NULL: the socket only) into BUF; KPI_ERROR (logged) if bad. */
static enum kpi_status listen_settings(const char *listen, char *buf, size_t len)
{
    char addr[256] = "";
    int port = 5432;
    if (listen != NULL && pgcluster_parse_listen(listen, addr, sizeof addr, &port) != 0) {
        log_error("--listen \"%s\": expected ADDRESS:PORT (e.g. 0.0.0.0:5433, [::1]:5433, *:5433)",
                  listen);
        return KPI_ERROR;
    }
    snprintf(buf, len,
             "# written by \"kpi db start\" at every start: change the command, not this file\n"
             "listen_addresses = '%s'\n"
             "port = %d\n"
             "unix_socket_permissions = 0700\n"
             "password_encryption = 'scram-sha-256'\n",
             addr, port);
    return KPI_OK;
}

/*
 * The settings of this start: kpi.conf (KPI_CONF, from listen_settings),
 * pg_hba.conf (the superuser by peer on the socket, every other role by
 * scram-sha-256; TCP only when TCP is set, scram-sha-256 for all but the
 * superuser), pg_ident.conf (the OS user running this command is the
 * superuser), and the include line in postgresql.conf of clusters made
 * before it. Returns KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status write_settings(const struct pgcluster *c, const char *kpi_conf, bool tcp)
{
    struct passwd *pw = getpwuid(geteuid());
    if (pw == NULL || strpbrk(pw->pw_name, " \t\"#") != NULL) {
        log_error("could not find the name of the user running kpi (uid %ld) for pg_ident.conf",
                  (long)geteuid());
        return KPI_ERROR;
    }
    char ident[512];
    snprintf(ident, sizeof ident,
             "# written by \"kpi db start\" at every start: the OS user who started the\n"
             "# server is its superuser \"" PGCLUSTER_USER "\" (peer authentication)\n"
             "# MAPNAME  SYSTEM-USERNAME  PG-USERNAME\n"
             "kpi        %s  " PGCLUSTER_USER "\n",
             pw->pw_name);
    char hba[1024];
    snprintf(hba, sizeof hba,
             "# written by \"kpi db start\" at every start (docs/operators.md, \"The embedded\n"
             "# cluster\"): nothing is trusted; TCP only with --listen\n"
             "# TYPE  DATABASE  USER  ADDRESS  METHOD\n"
             "local   all       " PGCLUSTER_USER "            peer map=kpi\n"
             "local   all       all            scram-sha-256\n"
             "%s",
             tcp ? "host    all       " PGCLUSTER_USER "   all      reject\n"
                   "host    all       all   all      scram-sha-256\n"
                 : "");
    char conf[PATH_MAX];
    if (write_file(c, c->datadir, "kpi.conf", kpi_conf) != 0 ||
        write_file(c, c->datadir, "pg_hba.conf", hba) != 0 ||
        write_file(c, c->datadir, "pg_ident.conf", ident) != 0 ||
        path_join(conf, sizeof conf, c->datadir, "postgresql.conf") != 0)
        return KPI_ERROR;
    /* a cluster made by an older kpi: include kpi.conf from now on */
    FILE *f = fopen(conf, "r+");
    if (f == NULL) {
        log_error("could not open \"%s\": %s", conf, strerror(errno));
        return KPI_ERROR;
    }
    char line[1024];
    bool found = false;
    while (!found && fgets(line, sizeof line, f) != NULL)
        found = strcmp(line, "include_if_exists = 'kpi.conf'\n") == 0;
    bool ok = found || (fseek(f, 0, SEEK_END) == 0 && fputs("\n" INCLUDE_LINE, f) >= 0);
    if (fclose(f) != 0 || !ok) {
        log_error("could not write \"%s\": %s", conf, strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* Whether pgdata/kpi.conf holds exactly WANT (the settings the running server started with). */
static bool same_settings(const struct pgcluster *c, const char *want)
{
    char path[PATH_MAX], have[1024];
    if (path_join(path, sizeof path, c->datadir, "kpi.conf") != 0)
        return false;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    size_t n = fread(have, 1, sizeof have - 1, f);
    fclose(f);
    have[n] = '\0';
    return strcmp(have, want) == 0;
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
    /* pg_hba.conf is written again before every start (write_settings) */
    char *args[] = {"-D",
                    tmp,
                    "-U",
                    PGCLUSTER_USER,
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--auth-local=peer",
                    "--auth-host=reject",
                    NULL};
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
    if (need_tools(c) != 0)
        return KPI_ERROR;
    char *args[] = {"-D", c->datadir, "status", NULL};
    int code;
    if (run_tool(c, "pg_ctl", args, "/dev/null", &code) != 0)
        return KPI_ERROR;
    if (code == 4) {
        log_error("the embedded PostgreSQL under \"%s\" is not accessible to you (pg_ctl could "
                  "not read \"%s\")",
                  c->home, c->datadir);
        return KPI_ERROR;
    }
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

enum kpi_status pgcluster_start(struct pgcluster *c, const char *listen, bool *was_running)
{
    enum kpi_status rc = KPI_ERROR;
    bool running;
    long pid;
    int lock;
    char settings[1024];
    if (listen_settings(listen, settings, sizeof settings) != 0 || need_tools(c) != 0)
        return KPI_ERROR;
    /* KPI_HOME: private to a user who runs the server; traversable by the
     * server account when root runs kpi. run/ may be listed by anyone (so that
     * others can tell a server that runs from one that does not); the socket
     * itself is the server account's only. */
    if (access(c->datadir, F_OK) != 0 &&
        make_dir(c->home, c->user.drop ? 0755 : 0700, &c->user, false) != 0)
        return KPI_ERROR;
    if (lock_home(c, &lock) != KPI_OK)
        return KPI_ERROR;
    if (access(c->datadir, F_OK) != 0 &&
        (make_dir(c->sockdir, 0755, &c->user, true) != 0 || init_cluster(c) != 0))
        goto fail;
    if (make_dir(c->sockdir, 0755, &c->user, true) != 0 || pgcluster_status(c, &running, &pid) != 0)
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
    if (running && listen != NULL && !same_settings(c, settings)) {
        log_error("the embedded PostgreSQL under \"%s\" already runs with other settings than "
                  "--listen %s: stop it first (\"kpi db stop\")",
                  c->home, listen);
        goto fail;
    }
    if (was_running != NULL)
        *was_running = running;
    if (!running) {
        char *args[] = {"-D", c->datadir, "-l", c->logfile, "-w", "-t", "120", "start", NULL};
        if (write_settings(c, settings, listen != NULL) != 0 || pg_ctl(c, args, "start") != 0)
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
    if (was_running != NULL)
        *was_running = false;
    if (access(c->datadir, F_OK) != 0)
        return KPI_OK; /* nothing was ever started here */
    if (need_tools(c) != 0 || lock_home(c, &lock) != KPI_OK)
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
    char sock[PATH_MAX], port[16];
    snprintf(port, sizeof port, "%d", find_socket(c->sockdir, sock));
    if (append_kv(buf, len, &used, "host", c->sockdir) != 0 ||
        (sock[0] != '\0' && append_kv(buf, len, &used, "port", port) != 0) ||
        append_kv(buf, len, &used, "dbname", dbname ? dbname : PGCLUSTER_DBNAME) != 0 ||
        append_kv(buf, len, &used, "user", PGCLUSTER_USER) != 0)
        return KPI_ERROR;
    return KPI_OK;
}
