/*
 * alertlib.c — the local HTTP and SMTP receivers and the database fixture
 * of the alert tests (see alertlib.h). Each receiver runs in a forked child
 * that dies with the test process.
 */
#include "alertlib.h"

#include "db/migrate.h"
#include "testlib.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int listen_on(int port, int *bound)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_msg(fd >= 0, "socket: %s", strerror(errno));
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_msg(bind(fd, (struct sockaddr *)&a, sizeof a) == 0, "bind 127.0.0.1:%d: %s", port,
                  strerror(errno));
    ck_assert_int_eq(listen(fd, 16), 0);
    socklen_t len = sizeof a;
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    *bound = ntohs(a.sin_port);
    return fd;
}

int sink_free_port(void)
{
    int port;
    int fd = listen_on(0, &port);
    close(fd);
    return port;
}

static void append(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0)
        _exit(2);
    if (write(fd, data, len) < 0)
        _exit(2);
    close(fd);
}

static void put(int fd, const char *s)
{
    if (write(fd, s, strlen(s)) < 0)
        return;
}

/* Read from FD into *buf until the buffer holds END; false at EOF. */
static bool read_until(int fd, char **buf, size_t *len, size_t *cap, const char *end)
{
    while ((*len == 0 || memmem(*buf, *len, end, strlen(end)) == NULL)) {
        if (*cap - *len < 4096) {
            *cap = *cap * 2 + 8192;
            *buf = realloc(*buf, *cap);
            if (*buf == NULL)
                _exit(2);
        }
        ssize_t n = read(fd, *buf + *len, *cap - *len - 1);
        if (n <= 0)
            return false;
        *len += (size_t)n;
        (*buf)[*len] = '\0';
    }
    return true;
}

static void serve_http(int fd, const char *log, int status, enum sink_answer answer,
                       const char *text)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!read_until(fd, &buf, &len, &cap, "\r\n\r\n"))
        goto done;
    char *body = strstr(buf, "\r\n\r\n") + 4;
    size_t head = (size_t)(body - buf), want = 0;
    for (char *line = strstr(buf, "\r\n"); line && line < body; line = strstr(line + 2, "\r\n"))
        if (strncasecmp(line + 2, "Content-Length:", 15) == 0)
            want = strtoul(line + 17, NULL, 10);
    while (len - head < want) {
        if (cap - len < 4096) {
            cap = cap * 2 + 8192;
            buf = realloc(buf, cap);
            if (buf == NULL)
                _exit(2);
        }
        ssize_t n = read(fd, buf + len, cap - len - 1);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    append(log, buf, len);
    append(log, "\n=== END\n", 9);
    char reply[4096];
    if (answer == SINK_HANG) {
        while (read(fd, reply, sizeof reply) > 0)
            ; /* until the client closes */
        goto done;
    }
    if (text == NULL)
        text = "";
    snprintf(reply, sizeof reply,
             "HTTP/1.1 %d Sink\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s", status,
             answer == SINK_CUT ? (size_t)1000 : strlen(text),
             answer == SINK_CUT ? "0123456789" : text);
    put(fd, reply);
done:
    free(buf);
}

static void serve_smtp(int fd, const char *log)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    put(fd, "220 sink ESMTP\r\n");
    for (;;) {
        if (!read_until(fd, &buf, &len, &cap, "\r\n"))
            break;
        char *eol = strstr(buf, "\r\n");
        size_t n = (size_t)(eol - buf) + 2;
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)(n - 2), buf);
        memmove(buf, buf + n, len - n + 1);
        len -= n;
        if (strncasecmp(line, "EHLO", 4) == 0) {
            put(fd, "250-sink\r\n250 8BITMIME\r\n");
        } else if (strncasecmp(line, "MAIL", 4) == 0 || strncasecmp(line, "RCPT", 4) == 0) {
            append(log, line, strlen(line));
            append(log, "\n", 1);
            put(fd, "250 ok\r\n");
        } else if (strncasecmp(line, "DATA", 4) == 0) {
            put(fd, "354 end with .\r\n");
            if (!read_until(fd, &buf, &len, &cap, "\r\n.\r\n"))
                break;
            char *end = strstr(buf, "\r\n.\r\n");
            size_t m = (size_t)(end - buf);
            append(log, buf, m);
            append(log, "\n=== END\n", 9);
            memmove(buf, end + 5, len - m - 5 + 1);
            len -= m + 5;
            put(fd, "250 queued\r\n");
        } else if (strncasecmp(line, "QUIT", 4) == 0) {
            put(fd, "221 bye\r\n");
            break;
        } else {
            put(fd, "250 ok\r\n");
        }
    }
    free(buf);
}

/*
 * fork() for a receiver: in the child (0 returned), SIGTERM and SIGINT are
 * back to their defaults (not Check's handler, which signals the group), the
 * child dies with the test process, and stdin, stdout and stderr are
 * /dev/null. The pid in the parent; aborts the test when fork fails.
 */
static pid_t fork_receiver(void)
{
    pid_t parent = getpid();
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(0);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
    }
    return pid;
}

/* A receiver on PORT answering STATUSES[i] to the i-th request (the last one to those after),
 * with the body TEXT (NULL: none). */
static void start_seq(struct sink *s, int port, const int *statuses, int n, enum sink_answer answer,
                      bool smtp, const char *text)
{
    snprintf(s->log, sizeof s->log, "%s/%s.log", testlib_tmpdir(), smtp ? "smtp" : "http");
    int lfd = listen_on(port, &s->port);
    s->pid = fork_receiver();
    if (s->pid == 0) {
        for (int i = 0;; i++) {
            int fd = accept(lfd, NULL, NULL);
            if (fd < 0)
                continue;
            if (smtp)
                serve_smtp(fd, s->log);
            else
                serve_http(fd, s->log, statuses[i < n ? i : n - 1], answer, text);
            close(fd);
        }
    }
    close(lfd);
}

static void start(struct sink *s, int port, int status, enum sink_answer answer, bool smtp)
{
    start_seq(s, port, &status, 1, answer, smtp, NULL);
}

void sink_http_start_seq(struct sink *s, int port, const int *statuses, int n, const char *text)
{
    start_seq(s, port, statuses, n, SINK_ANSWER, false, text);
}

void sink_http_start(struct sink *s, int port, int status)
{
    start(s, port, status, SINK_ANSWER, false);
}

void sink_http_start_as(struct sink *s, int port, int status, enum sink_answer answer)
{
    start(s, port, status, answer, false);
}

void sink_smtp_start(struct sink *s, int port)
{
    start(s, port, 0, SINK_ANSWER, true);
}

/* Whether something accepts connections on 127.0.0.1:PORT. */
static bool listening(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
    close(fd);
    return ok;
}

void sink_aiosmtpd_start(struct sink *s)
{
    /* Debian's interpreter, where python3-aiosmtpd is (not whatever python3 is first on PATH) */
    static const char python[] = "/usr/bin/python3";
    const char *script = testlib_path("tests/servers/smtp_auth.py");
    snprintf(s->log, sizeof s->log, "%s/aiosmtpd.log", testlib_tmpdir());
    s->port = sink_free_port();
    char port[16];
    snprintf(port, sizeof port, "%d", s->port);
    s->pid = fork_receiver();
    if (s->pid == 0) {
        execl(python, python, script, port, s->log, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 200 && !listening(s->port); i++) {
        int st;
        ck_assert_msg(waitpid(s->pid, &st, WNOHANG) == 0,
                      "%s %s exited before listening (is python3-aiosmtpd installed? "
                      "scripts/setup installs it)",
                      python, script);
        usleep(50000);
    }
    ck_assert_msg(listening(s->port), "aiosmtpd is not listening on 127.0.0.1:%d after 10 s",
                  s->port);
}

void sink_stop(struct sink *s)
{
    if (s->pid <= 0)
        return;
    kill(s->pid, SIGKILL);
    waitpid(s->pid, NULL, 0);
    s->pid = 0;
}

char *sink_read(const struct sink *s)
{
    if (access(s->log, F_OK) != 0)
        return strdup("");
    return testlib_read_file(s->log);
}

int sink_count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + strlen(needle), needle))
        n++;
    return n;
}

PGconn *alertlib_db(const char **conninfo)
{
    static char ci[4096];
    snprintf(ci, sizeof ci, "%s", testlib_db_new());
    PGconn *conn = testlib_connect(ci);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    testlib_exec(conn, "INSERT INTO kpi.compute_run (mode) VALUES ('full')");
    char *seed = testlib_read_file(testlib_path("tests/data/alerts/seed.sql"));
    testlib_exec(conn, seed);
    free(seed);
    *conninfo = ci;
    return conn;
}

void alertlib_cell(PGconn *conn, const char *ind, const char *unit, const char *month,
                   long long num, long long den, const char *status, const char *gap,
                   const char *completeness)
{
    static const char sql[] =
        "WITH i AS (SELECT comparator, target_pct FROM kpi.indicator WHERE id = $1::text "
        "           ORDER BY effective_from DESC LIMIT 1), "
        "c AS (SELECT $1::text AS indicator_id, $2::text AS unit_code, 'month' AS period_kind, "
        "             ($3::text || '-01')::date AS period_start, "
        "             (($3::text || '-01')::date + interval '1 month' - interval '1 day')::date "
        "               AS period_end, $4::bigint AS numerator, $5::bigint AS denominator, "
        "             round($4::numeric * 100 / $5::numeric, 4) AS ratio_pct, i.comparator, "
        "             i.target_pct, $6::text AS status, $7::bigint AS gap_count, "
        "             $8::numeric AS completeness_pct FROM i), "
        "u AS (UPDATE kpi.indicator_value v SET numerator = c.numerator, "
        "             denominator = c.denominator, ratio_pct = c.ratio_pct, status = c.status, "
        "             gap_count = c.gap_count, completeness_pct = c.completeness_pct, "
        "             computed_at = clock_timestamp() "
        "        FROM c WHERE (v.indicator_id, v.unit_code, v.period_kind, v.period_start) = "
        "                     (c.indicator_id, c.unit_code, c.period_kind, c.period_start) "
        "      RETURNING 1) "
        "INSERT INTO kpi.indicator_value (indicator_id, unit_code, period_kind, period_start, "
        "            period_end, numerator, denominator, ratio_pct, comparator, target_pct, "
        "            status, gap_count, completeness_pct, catalog_version, computed_at, "
        "            period_label, run_id) "
        "SELECT c.*, 'test', clock_timestamp(), to_char(c.period_end, 'YYYY-MM'), "
        "       (SELECT max(id) FROM kpi.compute_run) FROM c WHERE NOT EXISTS (SELECT 1 FROM u)";
    char n[32], d[32];
    snprintf(n, sizeof n, "%lld", num);
    snprintf(d, sizeof d, "%lld", den);
    const char *params[8] = {ind, unit, month, n, d, status, gap, completeness};
    PGresult *res = PQexecParams(conn, sql, 8, NULL, params, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK, "cell: %s", PQerrorMessage(conn));
    PQclear(res);
}

const char *alertlib_file(const char *name, const char *text)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", testlib_tmpdir(), name);
    testlib_write_file(path, text, strlen(text));
    return path;
}

int alertlib_kpi(const char *conninfo, char **out, char **err, const char *const *env, ...)
{
    const char *args[32] = {"--db", conninfo};
    size_t n = 2;
    va_list ap;
    va_start(ap, env);
    for (const char *a = va_arg(ap, const char *); a != NULL; a = va_arg(ap, const char *)) {
        ck_assert_uint_lt(n, 31);
        args[n++] = a;
    }
    va_end(ap);
    args[n] = NULL;
    return testlib_kpi(out, err, env, args);
}
