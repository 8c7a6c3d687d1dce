/*
 * alertlib.h — what the alert tests share: local receivers (a tiny HTTP
 * server that answers, hangs or cuts its answer, an SMTP sink, and
 * Debian's aiosmtpd for SMTP AUTH, each a child process listening on
 * 127.0.0.1 only and recording every request into a file the test reads;
 * never anything else), and the database fixture (migrated schema, catalog and unit rows,
 * indicator cells as kpi compute stores them).
 */
#ifndef KPI_TEST_ALERTLIB_H
#define KPI_TEST_ALERTLIB_H

#include <libpq-fe.h>
#include <limits.h>
#include <sys/types.h>

struct sink {
    pid_t pid;
    int port;
    char log[PATH_MAX]; /* one record per request, each ending "\n=== END\n" */
};

/* sink_free_port: a TCP port of 127.0.0.1 nobody listens on right now. */
int sink_free_port(void);

/*
 * sink_http_start: an HTTP/1.1 server on 127.0.0.1:PORT (0: any free port)
 * answering STATUS to every request; records each request (headers and
 * body) in s->log. Aborts the test on error.
 */
void sink_http_start(struct sink *s, int port, int status);

/* How an HTTP sink answers, once it has recorded a request. */
enum sink_answer {
    SINK_ANSWER, /* "HTTP/1.1 STATUS" with an empty body */
    SINK_HANG,   /* nothing: it waits until the client gives up and closes */
    SINK_CUT,    /* STATUS, then closes 10 bytes into a body of 1000 */
};

/* sink_http_start_as: sink_http_start answering as ANSWER says. */
void sink_http_start_as(struct sink *s, int port, int status, enum sink_answer answer);

/*
 * sink_http_start_seq: an HTTP sink as sink_http_start, answering STATUSES[i] (N of
 * them, N >= 1) to its i-th request and the last one to every later request, each
 * answer with the body TEXT (NULL: empty).
 */
void sink_http_start_seq(struct sink *s, int port, const int *statuses, int n, const char *text);

/* sink_smtp_start: an SMTP sink on 127.0.0.1:PORT recording envelope and DATA. */
void sink_smtp_start(struct sink *s, int port);

/*
 * sink_aiosmtpd_start: tests/servers/smtp_auth.py (Debian's python3-aiosmtpd)
 * on 127.0.0.1, without TLS and offering AUTH PLAIN and LOGIN anyway, as a
 * careless server would: it records in s->log every AUTH command and the
 * credentials it received ("AUTH ...", "CREDENTIALS user:password"), and
 * each message it accepted. Returns once it accepts connections; aborts the
 * test on error. Stop it with sink_stop.
 */
void sink_aiosmtpd_start(struct sink *s);

/* sink_stop: stop the server (the log stays). */
void sink_stop(struct sink *s);

/* sink_read: the log so far, malloc'd ("" when nothing came). */
char *sink_read(const struct sink *s);

/* sink_count: how many times NEEDLE occurs in HAY. */
int sink_count(const char *hay, const char *needle);

/*
 * alertlib_db: a new database, migrated, with one kpi.compute_run row and
 * the rows of tests/data/alerts/seed.sql. *conninfo: static storage.
 */
PGconn *alertlib_db(const char **conninfo);

/*
 * alertlib_cell: the monthly cell (IND, UNIT, month MONTH "YYYY-MM") as
 * `kpi compute` would store it, replacing the current one (a revision):
 * ratio_pct = round(NUM * 100 / DEN, 4) in NUMERIC (as the compute rounds it);
 * GAP and COMPLETENESS may be NULL.
 */
void alertlib_cell(PGconn *conn, const char *ind, const char *unit, const char *month,
                   long long num, long long den, const char *status, const char *gap,
                   const char *completeness);

/* alertlib_file: TEXT written to a new file NAME; its path (static storage). */
const char *alertlib_file(const char *name, const char *text);

/*
 * alertlib_kpi: run `kpi --db CONNINFO ARGS...` (NULL-terminated) with extra
 * environment ENV (may be NULL); *out and *err as testlib_kpi (may be NULL).
 */
int alertlib_kpi(const char *conninfo, char **out, char **err, const char *const *env, ...);

#endif
