/*
 * csvload.c — owns the reading of submission files (streaming libcsv), the
 * validation of their rows, and their loading into the database with COPY
 * (see csvload.h).
 *
 * Loading one file: its SHA-256 first (an ingested file stops there), then,
 * in the file's transaction, one streaming pass that checks the file (UTF-8,
 * quotes, header), validates every row against in-memory sets of unit and
 * metric codes, writes the rejected rows to a temporary file (COPYed into
 * kpi.rejected_row at the end) and notes which (metric, month) pairs and
 * grains the file brings — never anything per row:
 *  - fast path: the good rows go by COPY in binary format during that pass
 *    into kpi.observation_load, a table without index, which then gets its
 *    key index built once and is attached as the partition of its months,
 *    its units and months queued for kpi compute (the units as a bitmap over
 *    the unit set; sql/009_observation_partitions.sql,
 *    sql/010_observation_key.sql). It stands when none of the file's
 *    months holds any value yet (kpi.observation_month) and no month mixes
 *    day and month rows; a key twice in the file fails the index. Otherwise
 *    it is rolled back to a savepoint (a peek at the first rows avoids
 *    starting it in vain);
 *  - slow path: a second pass copies the good rows into a temporary table,
 *    and a few set-based statements reject conflicts, keep identical
 *    duplicates once, revise changed values and insert new ones.
 */
#include "ingest/csvload.h"

#include "db/conn.h"
#include "common/sizelimit.h"
#include "common/log.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ===================================================================== */
/* The streaming reader                                                  */
/* ===================================================================== */

#define READ_CHUNK (256 * 1024)

struct csvload_reader {
    int fd;
    char *path;
    struct stat st;
    struct csv_parser parser;
    struct hash_ctx *hash;
    unsigned char *buf;
    size_t buf_len, buf_pos;
    long long offset; /* file offset of buf[0] */
    long long line;   /* line of the byte at buf_pos */
    bool started, at_eof, finished, bom, crlf;
    char delim;
    /* UTF-8 validation state across chunks */
    int u8_need;
    unsigned char u8_lo, u8_hi;
    long long u8_start;
    /* the row being assembled */
    char *raw;
    size_t raw_len, raw_cap;
    bool raw_nonblank;
    long long row_line;
    char *fbuf;
    size_t fbuf_len, fbuf_cap;
    size_t *foff, *flen;
    size_t flen_cap; /* elements of flen: follows fcap */
    const char **fptr;
    size_t nfields, fcap, fptr_cap;
    int rows_ready;
    bool too_long, pending_reset;
    struct csvload_limits limits;
    size_t long_field; /* 1 + index of the first field over max_field, 0: none */
    size_t long_field_len;
    char long_field_why[CSVLOAD_MSG_LEN];
    const char *malformed;
    char problem[CSVLOAD_MSG_LEN];
    long long problem_line;
};

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * elem);
    if (q == NULL)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

static void on_field(void *s, size_t len, void *data)
{
    struct csvload_reader *r = data;
    if (r->too_long)
        return;
    if (len > r->limits.max_field && r->long_field == 0) {
        r->long_field = r->nfields + 1;
        r->long_field_len = len;
    }
    if (grow((void **)&r->fbuf, &r->fbuf_cap, r->fbuf_len + len + 1, 1) != 0 ||
        grow((void **)&r->foff, &r->fcap, r->nfields + 1, sizeof *r->foff) != 0) {
        r->too_long = true;
        return;
    }
    /* flen follows foff; fptr is sized at return time */
    if (r->flen_cap < r->fcap) {
        size_t *fl = realloc(r->flen, r->fcap * sizeof *fl);
        if (fl == NULL) {
            r->too_long = true;
            return;
        }
        r->flen = fl;
        r->flen_cap = r->fcap;
    }
    if (len > 0)
        memcpy(r->fbuf + r->fbuf_len, s, len);
    r->fbuf[r->fbuf_len + len] = '\0';
    r->foff[r->nfields] = r->fbuf_len;
    r->flen[r->nfields] = len;
    r->fbuf_len += len + 1;
    r->nfields++;
}

int csvload_limits_default(struct csvload_limits *out)
{
    long long row = CSVLOAD_DEFAULT_MAX_ROW, field = CSVLOAD_DEFAULT_MAX_FIELD,
              file = CSVLOAD_DEFAULT_MAX_FILE;
    if (sizelimit_env("KPI_MAX_ROW_BYTES", CSVLOAD_MAX_ROW, &row) != 0 ||
        sizelimit_env("KPI_MAX_FIELD_BYTES", CSVLOAD_MAX_ROW, &field) != 0 ||
        sizelimit_env("KPI_MAX_FILE_BYTES", LLONG_MAX, &file) != 0)
        return -1;
    out->max_row = (size_t)row;
    out->max_field = (size_t)field;
    out->max_file = file;
    return 0;
}

void csvload_set_limits(struct csvload_reader *r, const struct csvload_limits *limits)
{
    r->limits = *limits;
    if (r->limits.max_row == 0 || r->limits.max_row > CSVLOAD_MAX_ROW)
        r->limits.max_row = CSVLOAD_MAX_ROW;
    if (r->limits.max_field == 0)
        r->limits.max_field = r->limits.max_row;
    if (r->limits.max_file <= 0)
        r->limits.max_file = CSVLOAD_DEFAULT_MAX_FILE;
}

static void on_row(int c, void *data)
{
    struct csvload_reader *r = data;
    (void)c;
    r->rows_ready++;
}

int csvload_open(const char *path, bool hash, struct csvload_reader **out)
{
    *out = NULL;
    struct csvload_reader *r = calloc(1, sizeof *r);
    if (r == NULL) {
        log_error("out of memory");
        return -1;
    }
    r->fd = -1;
    r->path = strdup(path);
    r->buf = malloc(READ_CHUNK);
    r->hash = hash ? hash_new() : NULL;
    if (r->path == NULL || r->buf == NULL || (hash && r->hash == NULL) ||
        csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        log_error("out of memory");
        goto fail;
    }
    r->line = 1;
    r->delim = ',';
    r->limits = (struct csvload_limits){CSVLOAD_DEFAULT_MAX_ROW, CSVLOAD_DEFAULT_MAX_FIELD,
                                        CSVLOAD_DEFAULT_MAX_FILE};
    r->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (r->fd < 0) {
        log_error("could not open \"%s\": %s", path, strerror(errno));
        goto fail;
    }
    if (fstat(r->fd, &r->st) != 0) {
        log_error("could not stat \"%s\": %s", path, strerror(errno));
        goto fail;
    }
    if (S_ISDIR(r->st.st_mode)) {
        log_error("could not read \"%s\": is a directory", path);
        goto fail;
    }
    posix_fadvise(r->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    *out = r;
    return 0;
fail:
    csvload_close(r);
    return -1;
}

void csvload_close(struct csvload_reader *r)
{
    if (r == NULL)
        return;
    if (r->fd >= 0)
        close(r->fd);
    csv_free(&r->parser);
    hash_free(r->hash);
    free(r->path);
    free(r->buf);
    free(r->raw);
    free(r->fbuf);
    free(r->foff);
    free(r->flen);
    free(r->fptr);
    free(r);
}

static int set_problem(struct csvload_reader *r, long long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int set_problem(struct csvload_reader *r, long long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->problem, sizeof r->problem, fmt, ap);
    va_end(ap);
    r->problem_line = line;
    return -1;
}

const char *csvload_problem(const struct csvload_reader *r, long long *line)
{
    if (line != NULL)
        *line = r->problem_line;
    return r->problem;
}

char csvload_delimiter(const struct csvload_reader *r)
{
    return r->delim;
}

bool csvload_had_bom(const struct csvload_reader *r)
{
    return r->bom;
}

bool csvload_had_crlf(const struct csvload_reader *r)
{
    return r->crlf;
}

long long csvload_bytes(const struct csvload_reader *r)
{
    return r->offset + (long long)r->buf_pos;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_ino == b->st_ino && a->st_dev == b->st_dev && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

bool csvload_unchanged(const struct csvload_reader *r)
{
    struct stat now;
    return stat(r->path, &now) == 0 && same_file(&now, &r->st);
}

int csvload_digest(struct csvload_reader *r, char out[HASH_HEX_LEN])
{
    if (r->hash == NULL) {
        log_error("internal error: \"%s\" was opened without hashing", r->path);
        return -1;
    }
    return hash_final(r->hash, out);
}

static int refill(struct csvload_reader *r)
{
    r->offset += (long long)r->buf_len;
    r->buf_len = r->buf_pos = 0;
    for (;;) {
        ssize_t n = read(r->fd, r->buf, READ_CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            log_error("could not read \"%s\": %s", r->path, strerror(errno));
            return -2;
        }
        if (n == 0) {
            r->at_eof = true;
            return 0;
        }
        r->buf_len = (size_t)n;
        if (r->offset + n > r->limits.max_file && r->hash == NULL)
            return set_problem(r, r->line,
                               "the file is larger than %lld bytes; split it, or raise "
                               "--max-file-bytes (KPI_MAX_FILE_BYTES)",
                               r->limits.max_file);
        if (r->hash == NULL)
            return 0;
        return hash_update(r->hash, r->buf, (size_t)n) == 0 ? 0 : -2;
    }
}

/* First chunk: encodings we can name, the BOM, the delimiter of the header. */
static int start(struct csvload_reader *r)
{
    const unsigned char *b = r->buf;
    size_t n = r->buf_len;
    r->started = true;
    if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return set_problem(r, 1,
                           "the file is UTF-16, not UTF-8; save it as \"CSV UTF-8\" and send "
                           "it again");
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        r->bom = true;
        r->buf_pos = 3;
    }
    size_t commas = 0, semis = 0;
    bool quoted = false;
    for (size_t i = r->buf_pos; i < n && (quoted || b[i] != '\n'); i++) {
        if (b[i] == '"')
            quoted = !quoted;
        else if (!quoted && b[i] == ',')
            commas++;
        else if (!quoted && b[i] == ';')
            semis++;
    }
    if (semis > commas)
        r->delim = ';';
    csv_set_delim(&r->parser, (unsigned char)r->delim);
    return 0;
}

/* Validate S (N bytes at file offset OFF) as UTF-8, continuing the state. */
static int check_utf8(struct csvload_reader *r, const unsigned char *s, size_t n, long long off)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (r->u8_need > 0) {
            if (c < r->u8_lo || c > r->u8_hi)
                goto bad;
            r->u8_lo = 0x80;
            r->u8_hi = 0xBF;
            r->u8_need--;
            continue;
        }
        if (c < 0x80) {
            if (c == 0)
                return set_problem(r, r->line,
                                   "NUL byte at byte offset %lld; the file is not UTF-8 text "
                                   "(UTF-16?): save it as \"CSV UTF-8\"",
                                   off + (long long)i);
            continue;
        }
        r->u8_start = off + (long long)i;
        r->u8_lo = 0x80;
        r->u8_hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            r->u8_need = 1;
        else if (c == 0xE0)
            r->u8_need = 2, r->u8_lo = 0xA0;
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
            r->u8_need = 2;
        else if (c == 0xED)
            r->u8_need = 2, r->u8_hi = 0x9F;
        else if (c == 0xF0)
            r->u8_need = 3, r->u8_lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3)
            r->u8_need = 3;
        else if (c == 0xF4)
            r->u8_need = 3, r->u8_hi = 0x8F;
        else
            goto bad;
    }
    return 0;
bad:
    return set_problem(r, r->line,
                       "invalid UTF-8 at byte offset %lld; save the file as \"CSV UTF-8\" "
                       "(Windows-1258 and TCVN3 are not accepted)",
                       r->u8_start);
}

static void reset_row(struct csvload_reader *r)
{
    r->raw_len = 0;
    r->raw_nonblank = false;
    r->nfields = 0;
    r->fbuf_len = 0;
    r->rows_ready = 0;
    r->malformed = NULL;
    r->long_field = 0;
    r->pending_reset = false;
}

static int append_raw(struct csvload_reader *r, const unsigned char *s, size_t n)
{
    if (r->raw_len + n > r->limits.max_row) {
        if (r->line > r->row_line)
            return set_problem(r, r->row_line,
                               "unterminated quote: the quoted field of the row starting at "
                               "line %lld is not closed within %zu bytes (--max-row-bytes)",
                               r->row_line, r->limits.max_row);
        return set_problem(r, r->row_line,
                           "line %lld is longer than %zu bytes; check the file, or raise "
                           "--max-row-bytes (KPI_MAX_ROW_BYTES)",
                           r->row_line, r->limits.max_row);
    }
    if (grow((void **)&r->raw, &r->raw_cap, r->raw_len + n + 1, 1) != 0)
        return set_problem(r, r->row_line, "out of memory");
    memcpy(r->raw + r->raw_len, s, n);
    r->raw_len += n;
    for (size_t i = 0; i < n && !r->raw_nonblank; i++)
        r->raw_nonblank = s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n';
    return 0;
}

/* Restart libcsv after a malformed row, at the start of the next line. */
static int restart_parser(struct csvload_reader *r)
{
    csv_free(&r->parser);
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return set_problem(r, r->line, "out of memory");
    csv_set_delim(&r->parser, (unsigned char)r->delim);
    return 0;
}

static int give_row(struct csvload_reader *r, struct csvload_row *row)
{
    if (grow((void **)&r->fptr, &r->fptr_cap, r->nfields + 1, sizeof *r->fptr) != 0)
        return set_problem(r, r->row_line, "out of memory");
    for (size_t i = 0; i < r->nfields; i++)
        r->fptr[i] = r->fbuf + r->foff[i];
    if (r->long_field > 0 && r->malformed == NULL) {
        snprintf(r->long_field_why, sizeof r->long_field_why,
                 "field %zu is %zu bytes long, more than %zu; shorten it, or raise "
                 "--max-field-bytes (KPI_MAX_FIELD_BYTES)",
                 r->long_field, r->long_field_len, r->limits.max_field);
        r->malformed = r->long_field_why;
    }
    while (r->raw_len > 0 && (r->raw[r->raw_len - 1] == '\n' || r->raw[r->raw_len - 1] == '\r'))
        r->raw_len--;
    r->raw[r->raw_len] = '\0';
    row->malformed = r->malformed;
    row->line_no = r->row_line;
    row->nfields = r->malformed ? 0 : r->nfields;
    row->field = r->fptr;
    row->len = r->flen;
    row->raw = r->raw;
    row->raw_len = r->raw_len;
    r->pending_reset = true;
    return 1;
}

static bool all_empty(const struct csvload_reader *r)
{
    for (size_t i = 0; i < r->nfields; i++)
        if (r->flen[i] > 0)
            return false;
    return true;
}

/* End of the file: the last row without a line break, or an open quote. */
static int finish(struct csvload_reader *r, struct csvload_row *row)
{
    r->finished = true;
    if (r->u8_need > 0)
        return set_problem(r, r->line,
                           "invalid UTF-8 at byte offset %lld (a character cut short at the end "
                           "of the file); save the file as \"CSV UTF-8\"",
                           r->u8_start);
    if (csv_fini(&r->parser, on_field, on_row, r) != 0)
        return set_problem(r, r->row_line,
                           "unterminated quote: the quoted field of the row starting at line "
                           "%lld is never closed",
                           r->row_line);
    if (r->too_long)
        return set_problem(r, r->row_line, "out of memory");
    if (r->rows_ready > 0 && !all_empty(r))
        return give_row(r, row);
    return 0;
}

int csvload_next(struct csvload_reader *r, struct csvload_row *row)
{
    if (r->pending_reset)
        reset_row(r);
    if (r->finished)
        return 0;
    for (;;) {
        if (r->buf_pos == r->buf_len) {
            if (r->at_eof)
                return finish(r, row);
            int rc = refill(r);
            if (rc != 0)
                return rc;
            continue;
        }
        if (!r->started) {
            if (start(r) != 0)
                return -1;
            continue;
        }
        const unsigned char *seg = r->buf + r->buf_pos;
        size_t avail = r->buf_len - r->buf_pos;
        const unsigned char *nl = memchr(seg, '\n', avail);
        size_t n = nl ? (size_t)(nl - seg) + 1 : avail;
        if (check_utf8(r, seg, n, r->offset + (long long)r->buf_pos) != 0)
            return -1;
        if (r->raw_len == 0)
            r->row_line = r->line;
        if (append_raw(r, seg, n) != 0)
            return -1;
        if (nl != NULL && n >= 2 && seg[n - 2] == '\r')
            r->crlf = true;
        size_t done = r->malformed ? n : csv_parse(&r->parser, seg, n, on_field, on_row, r);
        r->buf_pos += n;
        if (r->too_long)
            return set_problem(r, r->row_line, "out of memory");
        if (done != n && !r->malformed) {
            r->malformed = "malformed quotes: a field containing a quote must be enclosed in "
                           "quotes, with each inner quote doubled (\"\")";
        }
        if (nl != NULL)
            r->line++;
        if (r->malformed) {
            if (nl == NULL)
                continue; /* the rest of the line belongs to the bad row */
            if (restart_parser(r) != 0)
                return -1;
            return give_row(r, row);
        }
        if (r->rows_ready > 1)
            return set_problem(r, r->row_line,
                               "a bare carriage return (CR) splits line %lld into several rows; "
                               "save the file with LF or CRLF line ends",
                               r->row_line);
        if (r->rows_ready == 1) {
            if (all_empty(r)) {
                reset_row(r);
                continue;
            }
            return give_row(r, row);
        }
        if (nl != NULL && !r->raw_nonblank)
            reset_row(r);
    }
}

/* ===================================================================== */
/* COPY FROM STDIN                                                       */
/* ===================================================================== */

/*
 * Bytes gathered before PQputCopyData: small, so that the server parses one
 * chunk while the next is being made (256 KiB left the backend idle a third
 * of the time, waiting for the client's chunk, and the client blocked while
 * the server drained it).
 */
#define COPY_FLUSH (32 * 1024)

int csvload_copy_begin(struct csvload_copy *c, PGconn *conn, const char *sql)
{
    memset(c, 0, sizeof *c);
    c->conn = conn;
    PGresult *res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_COPY_IN) {
        log_error("could not start COPY: %s", conn_errmsg(conn));
        PQclear(res);
        return -1;
    }
    PQclear(res);
    c->cap = COPY_FLUSH + CSVLOAD_MAX_ROW * 2 + 64;
    c->buf = malloc(c->cap);
    if (c->buf == NULL) {
        log_error("out of memory");
        c->failed = true;
    }
    return 0;
}

static int copy_flush(struct csvload_copy *c)
{
    if (c->failed)
        return -1;
    if (c->len > 0 && PQputCopyData(c->conn, c->buf, (int)c->len) != 1) {
        c->failed = true;
        return -1;
    }
    c->len = 0;
    return 0;
}

int csvload_copy_verbatim(struct csvload_copy *c, const char *s, size_t n)
{
    if (c->failed)
        return -1;
    if (c->len + n > c->cap && copy_flush(c) != 0)
        return -1;
    if (n > c->cap) {
        if (PQputCopyData(c->conn, s, (int)n) != 1) {
            c->failed = true;
            return -1;
        }
        return 0;
    }
    memcpy(c->buf + c->len, s, n);
    c->len += n;
    return c->len >= COPY_FLUSH ? copy_flush(c) : 0;
}

/* Write S escaped for COPY text into DST (room for 2*N bytes); returns the length. */
static size_t copy_escape(char *dst, const char *s, size_t n)
{
    char *o = dst;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        switch (ch) {
        case '\\':
            *o++ = '\\', *o++ = '\\';
            break;
        case '\t':
            *o++ = '\\', *o++ = 't';
            break;
        case '\n':
            *o++ = '\\', *o++ = 'n';
            break;
        case '\r':
            *o++ = '\\', *o++ = 'r';
            break;
        default:
            *o++ = ch;
        }
    }
    return (size_t)(o - dst);
}

int csvload_copy_field(struct csvload_copy *c, const char *s, size_t n, char sep)
{
    if (c->failed)
        return -1;
    if (c->len + 2 * n + 1 > c->cap && copy_flush(c) != 0)
        return -1;
    if (2 * n + 1 > c->cap) {
        c->failed = true; /* longer than any row we accept */
        return -1;
    }
    c->len += copy_escape(c->buf + c->len, s, n);
    c->buf[c->len++] = sep;
    return c->len >= COPY_FLUSH ? copy_flush(c) : 0;
}

int csvload_copy_null(struct csvload_copy *c, char sep)
{
    char s[3] = {'\\', 'N', sep};
    return csvload_copy_verbatim(c, s, 3);
}

int csvload_copy_end(struct csvload_copy *c, long long *rows)
{
    int rc = 0;
    if (rows != NULL)
        *rows = 0;
    copy_flush(c);
    if (PQputCopyEnd(c->conn, c->failed ? "kpi: COPY cancelled" : NULL) != 1)
        rc = -1;
    PGresult *res;
    while ((res = PQgetResult(c->conn)) != NULL) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            if (rc == 0 || c->error[0] == '\0') {
                snprintf(c->sqlstate, sizeof c->sqlstate, "%s", conn_sqlstate(res));
                snprintf(c->error, sizeof c->error, "%s", PQresultErrorMessage(res));
                c->error[strcspn(c->error, "\n")] = '\0';
            }
            rc = -1;
        } else if (rows != NULL) {
            *rows = strtoll(PQcmdTuples(res), NULL, 10);
        }
        PQclear(res);
    }
    if (rc != 0 && c->error[0] == '\0')
        snprintf(c->error, sizeof c->error, "%s", conn_errmsg(c->conn));
    free(c->buf);
    c->buf = NULL;
    return rc;
}

/* ===================================================================== */
/* Validation of fields                                                  */
/* ===================================================================== */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    return n > 0;
}

static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

/* Day-first or slashed dates: three numbers separated by / - or . */
static bool other_date(const char *s, int *y, int *m, int *d)
{
    int a, b, c;
    char s1, s2;
    int used = 0;
    if (sscanf(s, "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &used) != 5 || s[used] != '\0' ||
        s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.'))
        return false;
    if (a >= 1000) /* YYYY/MM/DD */
        *y = a, *m = b, *d = c;
    else /* DD/MM/YYYY, as Vietnamese spreadsheets write it */
        *y = c, *m = b, *d = a;
    return *y >= 2000 && *y <= 9999 && *m >= 1 && *m <= 12 && *d >= 1 &&
           *d <= days_in_month(*y, *m);
}

int csvload_parse_period(const char *s, struct csvload_period *out, char *why, size_t len)
{
    size_t n = strlen(s);
    int y, m, d;
    if (n == 0) {
        snprintf(why, len, "empty period; write YYYY-MM-DD (a day) or YYYY-MM (a month)");
        return -1;
    }
    bool month_form = n == 7 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2);
    bool day_form = n == 10 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2) &&
                    s[7] == '-' && all_digits(s + 8, 2);
    if (month_form || day_form) {
        y = digits_value(s, 4);
        m = digits_value(s + 5, 2);
        d = day_form ? digits_value(s + 8, 2) : 1;
        if (m < 1 || m > 12) {
            snprintf(why, len, "period \"%s\" is not a valid %s: there is no month %02d", s,
                     month_form ? "month" : "date", m);
            return -1;
        }
        if (d < 1 || d > days_in_month(y, m)) {
            snprintf(why, len, "period \"%s\" is not a valid date: %04d-%02d has %d days", s, y, m,
                     days_in_month(y, m));
            return -1;
        }
        if (y < 2000) {
            snprintf(why, len, "period \"%s\" is before the year 2000; check the year", s);
            return -1;
        }
        out->year = y;
        out->month = m;
        out->day = d;
        out->grain = month_form ? CSVLOAD_MONTH : CSVLOAD_DAY;
        return 0;
    }
    if (other_date(s, &y, &m, &d)) {
        snprintf(why, len, "period \"%s\" must be written YYYY-MM-DD: write %04d-%02d-%02d", s, y,
                 m, d);
        return -1;
    }
    if (sscanf(s, "%d/%d%n", &m, &y, &d) == 2 && s[d] == '\0' && m >= 1 && m <= 12 && y >= 2000 &&
        y <= 9999) {
        snprintf(why, len, "period \"%s\" must be written YYYY-MM: write %04d-%02d", s, y, m);
        return -1;
    }
    if (n == 5 && all_digits(s, n)) {
        snprintf(why, len,
                 "period \"%s\" looks like a spreadsheet date serial number; format the "
                 "column as text YYYY-MM-DD",
                 s);
        return -1;
    }
    snprintf(why, len, "period \"%s\" is neither YYYY-MM-DD (a day) nor YYYY-MM (a month)", s);
    return -1;
}

/* Length of a thousands separator at S: . , ' space, NBSP, narrow NBSP; else 0. */
static size_t separator_len(const char *s)
{
    if (*s == '.' || *s == ',' || *s == ' ' || *s == '\'')
        return 1;
    if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xAF)
        return 3;
    return 0;
}

/* Digits grouped by thousands ("1.234", "12 345 678"): the digits into out. */
static bool thousands(const char *s, char *out, size_t outlen)
{
    size_t i = 0, o = 0, sep = 0;
    char sepc = 0;
    while (is_digit(s[i]) && i < 3)
        out[o++] = s[i++];
    if (i == 0 || is_digit(s[i]))
        return false;
    size_t groups = 0;
    while (s[i] != '\0') {
        size_t l = separator_len(s + i);
        if (l == 0 || (sep != 0 && (l != sep || s[i] != sepc)))
            return false;
        sep = l;
        sepc = s[i];
        i += l;
        for (int k = 0; k < 3; k++) {
            if (!is_digit(s[i]) || o + 1 >= outlen)
                return false;
            out[o++] = s[i++];
        }
        groups++;
    }
    out[o] = '\0';
    return groups > 0;
}

int csvload_parse_value(const char *s, int64_t *out, char *why, size_t len)
{
    size_t n = strlen(s);
    char digits[64];
    if (n == 0) {
        snprintf(why, len, "empty value; write 0 when the count is zero");
        return -1;
    }
    if (s[0] == '-' || (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 &&
                        (unsigned char)s[2] == 0x92)) {
        snprintf(why, len, "negative value \"%s\": counts cannot be negative", s);
        return -1;
    }
    if (s[0] == '+') {
        snprintf(why, len, "value \"%s\": no sign allowed, write %s", s, s + 1);
        return -1;
    }
    if (all_digits(s, n)) {
        uint64_t v = 0;
        for (size_t i = 0; i < n; i++) {
            v = v * 10 + (uint64_t)(s[i] - '0');
            if (v > INT64_MAX) {
                snprintf(why, len,
                         "value \"%s\" is too large: at most 9223372036854775807 (bigint)", s);
                return -1;
            }
        }
        *out = (int64_t)v;
        return 0;
    }
    if (thousands(s, digits, sizeof digits)) {
        snprintf(why, len, "value \"%s\": thousands separators are not allowed, write %s", s,
                 digits);
        return -1;
    }
    size_t intlen = strspn(s, "0123456789");
    if (intlen > 0 && (s[intlen] == '.' || s[intlen] == ',') &&
        all_digits(s + intlen + 1, n - intlen - 1)) {
        if (strspn(s + intlen + 1, "0") == n - intlen - 1 && intlen < sizeof digits) {
            snprintf(why, len, "value \"%s\" has decimals; write %.*s", s, (int)intlen, s);
            return -1;
        }
        snprintf(why, len, "value \"%s\" has decimals; counts are whole numbers", s);
        return -1;
    }
    if (strpbrk(s, "eE") != NULL && strspn(s, "0123456789.,eE+-") == n && intlen > 0) {
        snprintf(why, len,
                 "value \"%s\" is in scientific notation; format the column as a whole number "
                 "and write every digit",
                 s);
        return -1;
    }
    snprintf(why, len, "value \"%s\" is not a whole number; write digits only, e.g. 1234", s);
    return -1;
}

/* ===================================================================== */
/* Sets of codes                                                         */
/* ===================================================================== */

struct strset {
    char **keys; /* open addressing, NULL = empty slot */
    int *vals;
    size_t cap, n;
};

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* The value stored for S (N bytes), or -1. */
static int strset_find(const struct strset *set, const char *s, size_t n)
{
    if (set->cap == 0)
        return -1;
    for (size_t i = fnv1a(s, n) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
        const char *k = set->keys[i];
        if (k == NULL)
            return -1;
        if (strncmp(k, s, n) == 0 && k[n] == '\0')
            return set->vals[i];
    }
}

static int strset_add(struct strset *set, const char *s, int val)
{
    if ((set->n + 1) * 2 > set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 1024;
        char **keys = calloc(cap, sizeof *keys);
        int *vals = calloc(cap, sizeof *vals);
        if (keys == NULL || vals == NULL) {
            free(keys);
            free(vals);
            return -1;
        }
        for (size_t i = 0; i < set->cap; i++) {
            if (set->keys[i] == NULL)
                continue;
            size_t j = fnv1a(set->keys[i], strlen(set->keys[i])) & (cap - 1);
            while (keys[j] != NULL)
                j = (j + 1) & (cap - 1);
            keys[j] = set->keys[i];
            vals[j] = set->vals[i];
        }
        free(set->keys);
        free(set->vals);
        set->keys = keys;
        set->vals = vals;
        set->cap = cap;
    }
    size_t n = strlen(s);
    size_t i = fnv1a(s, n) & (set->cap - 1);
    while (set->keys[i] != NULL) {
        if (strcmp(set->keys[i], s) == 0)
            return 0;
        i = (i + 1) & (set->cap - 1);
    }
    set->keys[i] = strdup(s);
    if (set->keys[i] == NULL)
        return -1;
    set->vals[i] = val;
    set->n++;
    return 0;
}

static void strset_free(struct strset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->keys[i]);
    free(set->keys);
    free(set->vals);
}

struct csvload_sets {
    struct strset units, metrics;
    size_t nunits;      /* the values stored in units are below it */
    char **metric_code; /* by the value stored in metrics */
    size_t nmetrics;
    char today[11]; /* YYYY-MM-DD in Asia/Ho_Chi_Minh */
    long today_n;   /* the same as YYYYMMDD */
};

/* Run SQL (no data) returning rows; NULL after logging. */
static PGresult *query(PGconn *conn, const char *sql, const char *what)
{
    PGresult *res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not %s: %s", what, conn_errmsg(conn));
        PQclear(res);
        return NULL;
    }
    return res;
}

int csvload_sets_new(const char *const *units, size_t nunits, const char *const *metrics,
                     size_t nmetrics, const char *today, struct csvload_sets **out)
{
    struct csvload_sets *s = calloc(1, sizeof *s);
    *out = NULL;
    if (s == NULL)
        goto fail;
    s->nmetrics = nmetrics;
    s->nunits = nunits;
    s->metric_code = calloc(nmetrics + 1, sizeof *s->metric_code);
    if (s->metric_code == NULL)
        goto fail;
    for (size_t i = 0; i < nunits; i++)
        if (strset_add(&s->units, units[i], (int)i) != 0)
            goto fail;
    for (size_t i = 0; i < nmetrics; i++) {
        s->metric_code[i] = strdup(metrics[i]);
        if (s->metric_code[i] == NULL || strset_add(&s->metrics, s->metric_code[i], (int)i) != 0)
            goto fail;
    }
    snprintf(s->today, sizeof s->today, "%s", today);
    s->today_n = strtol(s->today, NULL, 10) * 10000 + strtol(s->today + 5, NULL, 10) * 100 +
                 strtol(s->today + 8, NULL, 10);
    *out = s;
    return 0;
fail:
    log_error("out of memory");
    csvload_sets_free(s);
    return -1;
}

/* The first column of every row of RES, as an array (caller frees it, not the strings). */
static const char **column(const PGresult *res)
{
    const char **v = calloc((size_t)PQntuples(res) + 1, sizeof *v);
    for (int i = 0; v != NULL && i < PQntuples(res); i++)
        v[i] = PQgetvalue(res, i, 0);
    return v;
}

int csvload_sets_load(PGconn *conn, struct csvload_sets **out)
{
    PGresult *units, *metrics, *today;
    const char **u = NULL, **m = NULL;
    int rc = -1;
    *out = NULL;
    units = query(conn, "SELECT code FROM kpi.unit", "read the unit registry");
    metrics = query(conn, "SELECT code FROM kpi.metric ORDER BY code", "read the metric catalog");
    today = query(conn, "SELECT to_char(current_date, 'YYYY-MM-DD')", "read today's date");
    if (units == NULL || metrics == NULL || today == NULL)
        goto fail; /* logged */
    u = column(units);
    m = column(metrics);
    if (u == NULL || m == NULL) {
        log_error("out of memory");
        goto fail;
    }
    rc = csvload_sets_new(u, (size_t)PQntuples(units), m, (size_t)PQntuples(metrics),
                          PQgetvalue(today, 0, 0), out);
fail:
    free(u);
    free(m);
    PQclear(units);
    PQclear(metrics);
    PQclear(today);
    return rc;
}

void csvload_sets_free(struct csvload_sets *s)
{
    if (s == NULL)
        return;
    strset_free(&s->units);
    strset_free(&s->metrics);
    for (size_t i = 0; i < s->nmetrics; i++)
        free(s->metric_code[i]);
    free(s->metric_code);
    free(s);
}

/* ===================================================================== */
/* The months a file brings                                              */
/* ===================================================================== */

#define SUMMARY_MAX   65536
#define SUMMARY_CACHE 256

/* (metric, month) → which grains the file has for it; open addressing. */
struct summary {
    uint64_t *key;         /* metric << 32 | (year * 12 + month - 1), +1; 0 = empty */
    unsigned char *grains; /* bit 1: day rows, bit 2: month rows */
    size_t cap, n;
    bool overflow; /* too many months: take the slow path */
    bool mixed;    /* a month has both day and month rows */
    /* the last key seen of each metric (mod SUMMARY_CACHE) and its grains, 0: none */
    uint64_t cache_key[SUMMARY_CACHE];
    unsigned char cache_grains[SUMMARY_CACHE];
};

static void summary_add(struct summary *s, int metric, const struct csvload_period *p)
{
    if (s->overflow)
        return;
    uint64_t k = ((uint64_t)metric << 32 | (uint64_t)(p->year * 12 + p->month - 1)) + 1;
    unsigned char bit = p->grain == CSVLOAD_DAY ? 1 : 2;
    size_t c = (size_t)metric % SUMMARY_CACHE;
    if (s->cache_key[c] == k && (s->cache_grains[c] & bit))
        return; /* the common case: the metric's month and grain as on its last row */
    if (s->cap == 0 || (s->n + 1) * 2 > s->cap) {
        if (s->n >= SUMMARY_MAX) {
            s->overflow = true;
            return;
        }
        size_t cap = s->cap ? s->cap * 2 : 256;
        uint64_t *key = calloc(cap, sizeof *key);
        unsigned char *grains = calloc(cap, 1);
        if (key == NULL || grains == NULL) {
            free(key);
            free(grains);
            s->overflow = true;
            return;
        }
        for (size_t i = 0; i < s->cap; i++) {
            if (s->key[i] == 0)
                continue;
            size_t j = (s->key[i] * 0x9E3779B97F4A7C15ULL >> 17) & (cap - 1);
            while (key[j] != 0)
                j = (j + 1) & (cap - 1);
            key[j] = s->key[i];
            grains[j] = s->grains[i];
        }
        free(s->key);
        free(s->grains);
        s->key = key;
        s->grains = grains;
        s->cap = cap;
    }
    size_t i = (k * 0x9E3779B97F4A7C15ULL >> 17) & (s->cap - 1);
    while (s->key[i] != 0 && s->key[i] != k)
        i = (i + 1) & (s->cap - 1);
    if (s->key[i] == 0) {
        s->key[i] = k;
        s->n++;
    }
    s->grains[i] |= bit;
    if (s->grains[i] == 3)
        s->mixed = true;
    s->cache_key[c] = k;
    s->cache_grains[c] = s->grains[i];
}

/*
 * The summary as two array literals, '{metric,...}' and '{YYYY-MM-01,...}'
 * (values for $n parameters; metric codes are [a-z0-9_]). Caller frees both.
 */
static int summary_arrays(const struct summary *s, const struct csvload_sets *sets, char **metrics,
                          char **months)
{
    size_t mlen = 0;
    for (size_t i = 0; i < sets->nmetrics; i++)
        mlen = strlen(sets->metric_code[i]) > mlen ? strlen(sets->metric_code[i]) : mlen;
    char *m = malloc(s->n * (mlen + 1) + 3);
    char *d = malloc(s->n * 11 + 3);
    if (m == NULL || d == NULL) {
        free(m);
        free(d);
        log_error("out of memory");
        return -1;
    }
    size_t mo = 0, dp = 0;
    m[mo++] = '{';
    d[dp++] = '{';
    for (size_t i = 0; i < s->cap; i++) {
        if (s->key[i] == 0)
            continue;
        uint64_t k = s->key[i] - 1;
        int ym = (int)(k & 0xFFFFFFFF);
        const char *code = sets->metric_code[k >> 32];
        mo += (size_t)sprintf(m + mo, "%s%s", mo > 1 ? "," : "", code);
        dp += (size_t)sprintf(d + dp, "%s%04d-%02d-01", dp > 1 ? "," : "", ym / 12, ym % 12 + 1);
    }
    m[mo++] = '}';
    m[mo] = '\0';
    d[dp++] = '}';
    d[dp] = '\0';
    *metrics = m;
    *months = d;
    return 0;
}

static void summary_free(struct summary *s)
{
    free(s->key);
    free(s->grains);
}

/* ===================================================================== */
/* Loading one file                                                      */
/* ===================================================================== */

enum column { COL_PERIOD, COL_UNIT, COL_METRIC, COL_VALUE, COL_AGENCY, COL_NOTE, NCOLS };
static const char *const column_name[NCOLS] = {"period", "unit",   "metric",
                                               "value",  "agency", "note"};
#define REQUIRED_COLS 4

struct ingest {
    PGconn *conn;
    const struct csvload_sets *sets;
    const struct csvload_options *opt;
    struct csvload_limits limits;
    const char *path;
    const char *file_name; /* its last component, as kpi.submission records it */
    int col[NCOLS];        /* field index of each column, -1 when absent */
    size_t ncols;
    char delim;
    long long data_rows, rejected, messages;
    char agency[256];
    long long agency_line;
    struct summary sum;
    unsigned char *units_seen; /* bitmap by unit_idx of the good rows (fast path), or NULL */
    FILE *rejects;             /* COPY lines of kpi.rejected_row, without submission_id */
    char sha[HASH_HEX_LEN];
    struct stat st; /* the file as hashed: every pass must read the same */
    char id[24];    /* the submission id, as text */
    int64_t id_num; /* the same */
    struct timespec t0;
    long long progress_at;
};

/* A validated row. */
struct good_row {
    int metric;
    int unit_idx; /* the value of the unit in sets->units */
    const char *unit;
    size_t unit_len;
    struct csvload_period period;
    int64_t value;
};

static void row_message(struct ingest *in, long long line, const char *reason)
{
    if (in->messages++ >= in->opt->max_messages)
        return;
    if (in->opt->progress && in->progress_at > 0)
        fputs("\r\033[K", stderr); /* the message replaces the progress line */
    log_error("%s:%lld: %s", in->path, line, reason);
}

static int write_reject(struct ingest *in, const struct csvload_row *row, const char *column,
                        const char *reason)
{
    char *buf = malloc(2 * (row->raw_len + strlen(reason)) + 128);
    if (buf == NULL) {
        log_error("out of memory");
        return -1;
    }
    size_t n = (size_t)sprintf(buf, "%lld\t", row->line_no);
    if (column != NULL)
        n += (size_t)sprintf(buf + n, "%s\t", column);
    else
        n += (size_t)sprintf(buf + n, "\\N\t");
    n += copy_escape(buf + n, reason, strlen(reason));
    buf[n++] = '\t';
    n += copy_escape(buf + n, row->raw, row->raw_len);
    buf[n++] = '\n';
    size_t w = fwrite(buf, 1, n, in->rejects);
    free(buf);
    if (w != n) {
        log_error("could not write a temporary file: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static void check_unit(const struct ingest *in, const char *u, size_t n, char *why, size_t len)
{
    if (n == 0) {
        snprintf(why, len, "empty unit; write the unit code, e.g. 05443");
        return;
    }
    if (all_digits(u, n) && n < 5) {
        char padded[8];
        for (int width = 2; width <= 5; width += 3) {
            if ((int)n >= width)
                continue;
            snprintf(padded, sizeof padded, "%0*d", width, atoi(u));
            if (strset_find(&in->sets->units, padded, strlen(padded)) >= 0) {
                snprintf(why, len,
                         "unit \"%s\" is not registered; did you mean \"%s\"? (a spreadsheet "
                         "may have dropped the leading zero: format the column as text)",
                         u, padded);
                return;
            }
        }
    }
    snprintf(why, len,
             "unit \"%s\" is not registered (see kpi.unit; `kpi units load` registers units)", u);
}

static void check_metric(const struct ingest *in, const char *m, size_t n, char *why, size_t len)
{
    char lower[128];
    if (n == 0) {
        snprintf(why, len, "empty metric; write a metric code of the catalog (kpi.metric)");
        return;
    }
    if (n < sizeof lower) {
        for (size_t i = 0; i <= n; i++)
            lower[i] = (m[i] >= 'A' && m[i] <= 'Z') ? (char)(m[i] - 'A' + 'a') : m[i];
        if (strset_find(&in->sets->metrics, lower, n) >= 0) {
            snprintf(why, len, "metric \"%s\" is not in the catalog; did you mean \"%s\"?", m,
                     lower);
            return;
        }
    }
    snprintf(why, len, "metric \"%s\" is not in the catalog (see kpi.metric)", m);
}

/*
 * Validate ROW. Returns 0 with *g, or the number of problems, each passed to
 * REPORT (when not NULL) with its column (NULL for the whole row).
 */
static int check_row(struct ingest *in, const struct csvload_row *row, struct good_row *g,
                     int (*report)(struct ingest *, const struct csvload_row *, const char *,
                                   const char *))
{
    char why[CSVLOAD_MSG_LEN];
    int bad = 0;
    if (row->malformed != NULL) {
        if (report != NULL && report(in, row, NULL, row->malformed) != 0)
            return -1;
        return 1;
    }
    if (row->nfields != in->ncols) {
        snprintf(why, sizeof why,
                 "the row has %zu fields but the header has %zu; check the delimiter '%c' and "
                 "quote fields that contain it",
                 row->nfields, in->ncols, in->delim);
        if (report != NULL && report(in, row, NULL, why) != 0)
            return -1;
        return 1;
    }
    const char *period = row->field[in->col[COL_PERIOD]];
    const char *unit = row->field[in->col[COL_UNIT]];
    size_t unit_len = row->len[in->col[COL_UNIT]];
    const char *metric = row->field[in->col[COL_METRIC]];
    size_t metric_len = row->len[in->col[COL_METRIC]];
    const char *value = row->field[in->col[COL_VALUE]];

    if (csvload_parse_period(period, &g->period, why, sizeof why) != 0) {
        bad++;
        if (report != NULL && report(in, row, "period", why) != 0)
            return -1;
    } else {
        long ymd = g->period.year * 10000L + g->period.month * 100 + g->period.day;
        if (ymd > in->sets->today_n) {
            bad++;
            snprintf(why, sizeof why, "period \"%s\" is in the future (today is %s)", period,
                     in->sets->today);
            if (report != NULL && report(in, row, "period", why) != 0)
                return -1;
        }
    }
    g->unit_idx = strset_find(&in->sets->units, unit, unit_len);
    if (g->unit_idx < 0) {
        bad++;
        check_unit(in, unit, unit_len, why, sizeof why);
        if (report != NULL && report(in, row, "unit", why) != 0)
            return -1;
    }
    g->metric = strset_find(&in->sets->metrics, metric, metric_len);
    if (g->metric < 0) {
        bad++;
        check_metric(in, metric, metric_len, why, sizeof why);
        if (report != NULL && report(in, row, "metric", why) != 0)
            return -1;
    }
    if (csvload_parse_value(value, &g->value, why, sizeof why) != 0) {
        bad++;
        if (report != NULL && report(in, row, "value", why) != 0)
            return -1;
    }
    g->unit = unit;
    g->unit_len = unit_len;
    return bad;
}

static int report_reject(struct ingest *in, const struct csvload_row *row, const char *column,
                         const char *reason)
{
    row_message(in, row->line_no, reason);
    return write_reject(in, row, column, reason);
}

static void progress(struct ingest *in, const struct csvload_reader *r, const char *pass, bool done)
{
    if (!in->opt->progress)
        return;
    if (done) {
        if (in->progress_at > 0)
            fputs("\r\033[K", stderr);
        return;
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ms = (now.tv_sec - in->t0.tv_sec) * 1000 + (now.tv_nsec - in->t0.tv_nsec) / 1000000;
    if (ms < in->progress_at + 500)
        return;
    in->progress_at = ms;
    double mb = (double)csvload_bytes(r) / 1e6;
    fprintf(stderr, "\r\033[Kkpi: %s: %s%lld rows, %.0f MB, %.1f MB/s", in->file_name, pass,
            in->data_rows, mb, ms > 0 ? mb * 1000.0 / (double)ms : 0.0);
}

/* Match the header to the columns; 0, or -1 with the reason in why. */
static int read_header(struct ingest *in, const struct csvload_row *row, char *why, size_t len)
{
    for (int c = 0; c < NCOLS; c++)
        in->col[c] = -1;
    if (row->malformed != NULL) {
        snprintf(why, len, "the header line has %s", row->malformed);
        return -1;
    }
    in->ncols = row->nfields;
    for (size_t i = 0; i < row->nfields; i++) {
        char name[64];
        size_t n = row->len[i];
        if (n == 0) {
            snprintf(why, len, "column %zu of the header is empty; name it or delete it", i + 1);
            return -1;
        }
        for (size_t k = 0; k < n && k + 1 < sizeof name; k++)
            name[k] = (row->field[i][k] >= 'A' && row->field[i][k] <= 'Z')
                          ? (char)(row->field[i][k] - 'A' + 'a')
                          : row->field[i][k];
        name[n < sizeof name ? n : sizeof name - 1] = '\0';
        int c = 0;
        while (c < NCOLS && strcmp(name, column_name[c]) != 0)
            c++;
        if (c == NCOLS || n >= sizeof name) {
            snprintf(why, len,
                     "unknown column \"%s\" in the header; the columns are period, unit, metric, "
                     "value (required) and agency, note (optional)",
                     row->field[i]);
            return -1;
        }
        if (in->col[c] >= 0) {
            snprintf(why, len, "column \"%s\" appears twice in the header", column_name[c]);
            return -1;
        }
        in->col[c] = (int)i;
    }
    for (int c = 0; c < REQUIRED_COLS; c++) {
        if (in->col[c] < 0) {
            snprintf(why, len,
                     "the header lacks the column \"%s\"; the first line must name the columns "
                     "period, unit, metric, value",
                     column_name[c]);
            return -1;
        }
    }
    return 0;
}

/* Decimal digits of V into S; returns the length. */
static size_t put_i64(char *s, int64_t v)
{
    char tmp[24];
    size_t n = 0;
    uint64_t u = (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    for (size_t i = 0; i < n; i++)
        s[i] = tmp[n - 1 - i];
    return n;
}

static size_t put_date(char *s, const struct csvload_period *p)
{
    s[0] = (char)('0' + p->year / 1000 % 10);
    s[1] = (char)('0' + p->year / 100 % 10);
    s[2] = (char)('0' + p->year / 10 % 10);
    s[3] = (char)('0' + p->year % 10);
    s[4] = '-';
    s[5] = (char)('0' + p->month / 10);
    s[6] = (char)('0' + p->month % 10);
    s[7] = '-';
    s[8] = (char)('0' + p->day / 10);
    s[9] = (char)('0' + p->day % 10);
    return 10;
}

int32_t csvload_pg_days(const struct csvload_period *p)
{
    /* days from 0000-03-01 (years start in March: the leap day comes last) */
    int y = p->year - (p->month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (p->month + (p->month > 2 ? -3 : 9)) + 2) / 5 + p->day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 730425); /* 730425: 2000-01-01 */
}

/*
 * One COPY line for a good row into ingest_stage (the slow path): the line,
 * the key and value, the normalised period and the raw text.
 */
static int copy_row(struct ingest *in, struct csvload_copy *c, const struct csvload_row *row,
                    const struct good_row *g)
{
    char line[512];
    size_t n = 0;
    const char *metric = in->sets->metric_code[g->metric];
    size_t mlen = strlen(metric);
    if (mlen + g->unit_len + 128 > sizeof line)
        return -1; /* codes are short; cannot happen with the registry's codes */
    n += put_i64(line + n, row->line_no);
    line[n++] = '\t';
    memcpy(line + n, metric, mlen);
    n += mlen;
    line[n++] = '\t';
    memcpy(line + n, g->unit, g->unit_len);
    n += g->unit_len;
    line[n++] = '\t';
    n += put_date(line + n, &g->period);
    line[n++] = '\t';
    bool day = g->period.grain == CSVLOAD_DAY;
    memcpy(line + n, day ? "day\t" : "month\t", day ? 4 : 6);
    n += day ? 4 : 6;
    n += put_i64(line + n, g->value);
    line[n++] = '\t';
    n += put_date(line + n, &g->period) - (day ? 0 : 3);
    line[n++] = '\t';
    if (csvload_copy_verbatim(c, line, n) != 0)
        return -1;
    return csvload_copy_field(c, row->raw, row->raw_len, '\n');
}

/* ---- the fast path's COPY, in PostgreSQL's binary format ---- */

/* The columns of copy_row_binary, in its order. */
#define FAST_COPY_SQL                                                                              \
    "COPY kpi.observation_load (metric, unit_code, period_start, grain, value, submission_id,"     \
    " line_no) FROM STDIN (FORMAT binary, FREEZE)"
#define FAST_COLUMNS 7

static size_t put_be16(unsigned char *s, uint16_t v)
{
    s[0] = (unsigned char)(v >> 8);
    s[1] = (unsigned char)v;
    return 2;
}

static size_t put_be32(unsigned char *s, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        s[i] = (unsigned char)(v >> (24 - 8 * i));
    return 4;
}

static size_t put_be64(unsigned char *s, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        s[i] = (unsigned char)(v >> (56 - 8 * i));
    return 8;
}

/* A field of N bytes (raw text: binary COPY has no escaping). */
static size_t put_field(unsigned char *s, const char *v, size_t n)
{
    size_t o = put_be32(s, (uint32_t)n);
    memcpy(s + o, v, n);
    return o + n;
}

/* A bigint field. */
static size_t put_int8(unsigned char *s, int64_t v)
{
    size_t o = put_be32(s, 8);
    return o + put_be64(s + o, (uint64_t)v);
}

/* The signature, flags (no OIDs) and header extension length of binary COPY data. */
static int copy_binary_header(struct csvload_copy *c)
{
    static const char header[19] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
    return csvload_copy_verbatim(c, header, sizeof header);
}

/* The trailer: a field count of -1. */
static int copy_binary_trailer(struct csvload_copy *c)
{
    return csvload_copy_verbatim(c, "\377\377", 2);
}

/* One row of kpi.observation_load (FAST_COPY_SQL's columns) for the good row G. */
static int copy_row_binary(struct ingest *in, struct csvload_copy *c, const struct csvload_row *row,
                           const struct good_row *g)
{
    unsigned char b[512];
    size_t n = 0;
    const char *metric = in->sets->metric_code[g->metric];
    size_t mlen = strlen(metric);
    if (mlen + g->unit_len + 128 > sizeof b)
        return -1; /* codes are short; cannot happen with the registry's codes */
    bool day = g->period.grain == CSVLOAD_DAY;
    n += put_be16(b + n, FAST_COLUMNS);
    n += put_field(b + n, metric, mlen);
    n += put_field(b + n, g->unit, g->unit_len);
    n += put_be32(b + n, 4);
    n += put_be32(b + n, (uint32_t)csvload_pg_days(&g->period));
    n += put_field(b + n, day ? "day" : "month", day ? 3 : 5);
    n += put_int8(b + n, g->value);
    n += put_int8(b + n, in->id_num);
    n += put_int8(b + n, row->line_no);
    return csvload_copy_verbatim(c, (const char *)b, n);
}

/*
 * Pass 1 for one data row: validate, record a rejection or summarise, and
 * copy a good row into FAST (may be NULL). 0 or -1.
 */
static int take_row(struct ingest *in, const struct csvload_row *row, struct csvload_copy *fast)
{
    struct good_row g;
    int bad = check_row(in, row, &g, report_reject);
    if (bad < 0)
        return -1;
    if (bad > 0) {
        in->rejected++;
        return 0;
    }
    summary_add(&in->sum, g.metric, &g.period);
    if (in->units_seen != NULL)
        in->units_seen[g.unit_idx / 8] |= (unsigned char)(1u << (g.unit_idx % 8));
    if (fast != NULL && !fast->failed)
        copy_row_binary(in, fast, row, &g); /* a failure shows at csvload_copy_end */
    int ac = in->col[COL_AGENCY];
    if (ac < 0 || row->len[ac] == 0)
        return 0;
    if (in->agency[0] == '\0') {
        snprintf(in->agency, sizeof in->agency, "%s", row->field[ac]);
        in->agency_line = row->line_no;
    } else if (strcmp(in->agency, row->field[ac]) != 0 && in->agency_line > 0) {
        log_warn("%s:%lld: agency \"%s\" differs from \"%s\" (line %lld); the submission "
                 "records \"%s\"",
                 in->path, row->line_no, row->field[ac], in->agency, in->agency_line, in->agency);
        in->agency_line = 0; /* warn once */
    }
    return 0;
}

/* The limits of OPT, its zeroes filled from csvload_limits_default. 0, or -1 (logged). */
static int file_limits(const struct csvload_options *opt, struct csvload_limits *out)
{
    if (csvload_limits_default(out) != 0)
        return -1;
    if (opt->limits.max_row > 0)
        out->max_row = opt->limits.max_row;
    if (opt->limits.max_field > 0)
        out->max_field = opt->limits.max_field;
    if (opt->limits.max_file > 0)
        out->max_file = opt->limits.max_file;
    return 0;
}

/* csvload_open of the file being ingested, with its limits. */
static int open_reader(struct ingest *in, struct csvload_reader **r)
{
    if (csvload_open(in->path, false, r) != 0)
        return -1;
    csvload_set_limits(*r, &in->limits);
    return 0;
}

/*
 * Pass 1: check the file, validate rows, write rejects, summarise, and copy
 * the good rows into FAST (an open COPY into kpi.observation, or NULL).
 * Returns 0, 1 when the whole file is rejected (res->reason, *line), or -1.
 */
static int pass_check(struct ingest *in, struct csvload_result *res, long long *line,
                      struct csvload_copy *fast)
{
    struct csvload_reader *r = NULL;
    struct csvload_row row;
    bool header = false;
    int rc = -1, st;
    *line = 0;
    if (open_reader(in, &r) != 0)
        return -1;
    st = csvload_next(r, &row);
    if (st == 1) {
        header = true;
        in->delim = csvload_delimiter(r);
        if (read_header(in, &row, res->reason, sizeof res->reason) != 0) {
            *line = row.line_no;
            rc = 1;
            goto fail;
        }
        while ((st = csvload_next(r, &row)) == 1) {
            in->data_rows++;
            if (take_row(in, &row, fast) != 0)
                goto fail;
            if ((in->data_rows & 0xFFFF) == 0)
                progress(in, r, "", false);
        }
    }
    if (st == -2)
        goto fail;
    rc = 1;
    if (st == -1) {
        snprintf(res->reason, sizeof res->reason, "%s", csvload_problem(r, line));
    } else if (!header) {
        snprintf(res->reason, sizeof res->reason,
                 "empty file; the first line must be the header period,unit,metric,value");
        *line = 1;
    } else if (in->data_rows == 0) {
        snprintf(res->reason, sizeof res->reason, "the file has a header but no data rows");
        *line = 2;
    } else if (!csvload_unchanged(r) || !same_file(&r->st, &in->st)) {
        log_error("\"%s\" changed while it was being read; send it again", in->path);
        rc = -1;
    } else {
        rc = 0;
    }
fail:
    progress(in, r, "", true);
    csvload_close(r);
    return rc;
}

/* Pass 2: copy the good rows (already open COPY C). 0, or -1 (logged). */
static int pass_load(struct ingest *in, struct csvload_copy *c)
{
    struct csvload_reader *r = NULL;
    struct csvload_row row;
    int rc = -1, st;
    long long rows = 0;
    if (open_reader(in, &r) != 0)
        return -1;
    st = csvload_next(r, &row); /* the header, checked by pass 1 */
    while (st == 1 && (st = csvload_next(r, &row)) == 1 && !c->failed) {
        struct good_row g;
        if (check_row(in, &row, &g, NULL) == 0 && copy_row(in, c, &row, &g) != 0)
            break;
        if ((++rows & 0xFFFF) == 0)
            progress(in, r, "merging: ", false);
    }
    if (c->failed) {
        rc = 0; /* csvload_copy_end tells why */
        goto done;
    }
    if (st != 0 || !csvload_unchanged(r) || !same_file(&r->st, &in->st)) {
        log_error("\"%s\" changed while it was being read; send it again", in->path);
        goto done;
    }
    rc = 0;
done:
    progress(in, r, "", true);
    csvload_close(r);
    return rc;
}

/* Run a statement with the submission id as $1; *rows = rows affected. 0 or -1 (logged). */
static int exec_id(struct ingest *in, const char *sql, const char *what, long long *rows)
{
    const char *params[1] = {in->id};
    PGresult *res = PQexecParams(in->conn, sql, strchr(sql, '$') ? 1 : 0, NULL,
                                 strchr(sql, '$') ? params : NULL, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        log_error("could not %s: %s", what, conn_errmsg(in->conn));
        PQclear(res);
        return -1;
    }
    if (rows != NULL)
        *rows = strtoll(PQcmdTuples(res), NULL, 10);
    PQclear(res);
    return 0;
}

/* Send the rejected rows of pass 1 into kpi.rejected_row. */
static int load_rejects(struct ingest *in)
{
    struct csvload_copy c;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    if (in->rejected == 0)
        return 0;
    if (fflush(in->rejects) != 0 || fseek(in->rejects, 0, SEEK_SET) != 0) {
        log_error("could not read a temporary file: %s", strerror(errno));
        return -1;
    }
    if (csvload_copy_begin(&c, in->conn,
                           "COPY kpi.rejected_row (submission_id, line_no, column_name, reason, "
                           "raw) FROM STDIN") != 0)
        return -1;
    while ((n = getline(&line, &cap, in->rejects)) > 0) {
        if (csvload_copy_verbatim(&c, in->id, strlen(in->id)) != 0 ||
            csvload_copy_verbatim(&c, "\t", 1) != 0 ||
            csvload_copy_verbatim(&c, line, (size_t)n) != 0)
            break;
    }
    free(line);
    if (csvload_copy_end(&c, NULL) != 0) {
        log_error("could not record the rejected rows: %s", c.error);
        return -1;
    }
    return 0;
}

static const char *const slow_sql[] = {
    /* different values for one key in the file: all rejected */
    "UPDATE ingest_stage s SET column_name = 'value',"
    " reason = format('conflict: period %s, unit %s, metric %s has different values in this "
    "file (lines %s); keep one row', s.period, s.unit_code, s.metric, d.lines)"
    " FROM (SELECT metric, unit_code, period_start, grain,"
    "              string_agg(line_no::text, ', ' ORDER BY line_no) AS lines"
    "         FROM ingest_stage GROUP BY metric, unit_code, period_start, grain"
    "       HAVING min(value) <> max(value)) d"
    " WHERE s.metric = d.metric AND s.unit_code = d.unit_code"
    "   AND s.period_start = d.period_start AND s.grain = d.grain",
    /* day and month rows of one month in the file: the first grain wins */
    "WITH g AS (SELECT metric, unit_code, date_trunc('month', period_start)::date AS month,"
    "                  grain, min(line_no) AS first_line"
    "             FROM ingest_stage WHERE reason IS NULL GROUP BY 1, 2, 3, 4),"
    " w AS (SELECT DISTINCT ON (metric, unit_code, month) metric, unit_code, month, grain,"
    "              first_line, count(*) OVER (PARTITION BY metric, unit_code, month) AS grains"
    "         FROM g ORDER BY metric, unit_code, month, first_line)"
    " UPDATE ingest_stage s SET column_name = 'period',"
    " reason = format('conflict: unit %s, metric %s, month %s already has %s in this file "
    "(line %s); day values and a month value would be counted twice', s.unit_code, s.metric,"
    " to_char(w.month, 'YYYY-MM'), CASE w.grain WHEN 'day' THEN 'day values' ELSE 'a month "
    "value' END, w.first_line)"
    " FROM w WHERE w.grains > 1 AND s.reason IS NULL AND s.metric = w.metric"
    "   AND s.unit_code = w.unit_code AND date_trunc('month', s.period_start) = w.month"
    "   AND s.grain <> w.grain",
    /* day rows where an earlier submission holds the month value */
    "UPDATE ingest_stage s SET column_name = 'period',"
    " reason = format('conflict: unit %s, metric %s already has a month value for %s from "
    "submission %s (%s, line %s); send either day values or a month value, not both',"
    " s.unit_code, s.metric, to_char(o.period_start, 'YYYY-MM'), o.submission_id,"
    " sub.file_name, o.line_no)"
    " FROM kpi.observation o JOIN kpi.submission sub ON sub.id = o.submission_id"
    " WHERE s.reason IS NULL AND s.grain = 'day' AND o.grain = 'month'"
    "   AND o.metric = s.metric AND o.unit_code = s.unit_code"
    "   AND o.period_start = date_trunc('month', s.period_start)::date",
    /* month rows where an earlier submission holds day values */
    "UPDATE ingest_stage s SET column_name = 'period',"
    " reason = format('conflict: unit %s, metric %s already has day values for %s from "
    "submission %s (%s, line %s); send either day values or a month value, not both',"
    " s.unit_code, s.metric, s.period, o.submission_id, sub.file_name, o.line_no)"
    " FROM ingest_stage s2"
    " CROSS JOIN LATERAL (SELECT submission_id, line_no FROM kpi.observation o"
    "                      WHERE o.metric = s2.metric AND o.unit_code = s2.unit_code"
    "                        AND o.grain = 'day' AND o.period_start >= s2.period_start"
    "                        AND o.period_start < (s2.period_start + interval '1 month')::date"
    "                      ORDER BY o.period_start LIMIT 1) o"
    " JOIN kpi.submission sub ON sub.id = o.submission_id"
    " WHERE s2.reason IS NULL AND s2.grain = 'month' AND s.line_no = s2.line_no",
    /* one row per key: identical duplicates are kept once (the first line) */
    "CREATE TEMP TABLE ingest_win ON COMMIT DROP AS"
    " SELECT DISTINCT ON (metric, unit_code, period_start, grain)"
    "        metric, unit_code, period_start, grain, value, line_no"
    "   FROM ingest_stage WHERE reason IS NULL"
    "  ORDER BY metric, unit_code, period_start, grain, line_no",
    "INSERT INTO kpi.rejected_row (submission_id, line_no, column_name, reason, raw)"
    " SELECT $1, line_no, column_name, reason, raw FROM ingest_stage WHERE reason IS NOT NULL",
    "INSERT INTO kpi.observation_month (metric, month)"
    " SELECT DISTINCT metric, date_trunc('month', period_start)::date FROM ingest_win"
    " ON CONFLICT DO NOTHING",
    "ANALYZE ingest_win",
    /* the current version of each key of the file, read once (the months of
       the file only: the other partitions are pruned) */
    "CREATE TEMP TABLE ingest_old ON COMMIT DROP AS"
    " SELECT o.metric, o.unit_code, o.period_start, o.grain, o.value, o.submission_id,"
    "        o.line_no, o.valid_from, w.value AS new_value, w.line_no AS new_line"
    "   FROM ingest_win w JOIN kpi.observation o USING (metric, unit_code, period_start, grain)"
    "  WHERE o.period_start >= (SELECT min(period_start) FROM ingest_win)"
    "    AND o.period_start <= (SELECT max(period_start) FROM ingest_win)",
    /* revisions: the current version moves to kpi.observation_superseded */
    "INSERT INTO kpi.observation_superseded (metric, unit_code, period_start, grain, value,"
    "        submission_id, line_no, valid_from, valid_to)"
    " SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,"
    "        valid_from, now()"
    "   FROM ingest_old WHERE value <> new_value",
    "UPDATE kpi.observation o SET value = x.new_value, submission_id = $1,"
    "       line_no = x.new_line, valid_from = now()"
    "  FROM ingest_old x WHERE o.metric = x.metric AND o.unit_code = x.unit_code"
    "   AND o.period_start = x.period_start AND o.grain = x.grain AND x.value <> x.new_value",
    /* new keys: not in the current versions read above */
    "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, value, submission_id,"
    "        line_no)"
    " SELECT w.metric, w.unit_code, w.period_start, w.grain, w.value, $1, w.line_no"
    "   FROM ingest_win w WHERE NOT EXISTS (SELECT 1 FROM ingest_old x"
    "  WHERE x.metric = w.metric AND x.unit_code = w.unit_code"
    "    AND x.period_start = w.period_start AND x.grain = w.grain)",
};
enum { SLOW_REJECTS = 5, SLOW_REVISED = 10, SLOW_NEW = 11 };

/* Print the conflicts the slow path found (within the message budget). */
static int print_conflicts(struct ingest *in)
{
    char limit[24];
    long long left = in->opt->max_messages - in->messages;
    snprintf(limit, sizeof limit, "%lld", left > 0 ? left : 0);
    const char *params[1] = {limit};
    PGresult *res = PQexecParams(in->conn,
                                 "SELECT line_no, reason FROM ingest_stage WHERE reason IS NOT NULL"
                                 " ORDER BY line_no LIMIT $1",
                                 1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read the conflicts: %s", conn_errmsg(in->conn));
        PQclear(res);
        return -1;
    }
    for (int i = 0; i < PQntuples(res); i++)
        log_error("%s:%s: %s", in->path, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
    PQclear(res);
    return 0;
}

static int load_slow(struct ingest *in, struct csvload_result *res)
{
    struct csvload_copy c;
    long long staged = 0, rejected = 0, winners = 0;
    if (exec_id(in,
                "CREATE TEMP TABLE ingest_stage (line_no bigint NOT NULL, metric text NOT NULL,"
                " unit_code text NOT NULL, period_start date NOT NULL, grain text NOT NULL,"
                " value bigint NOT NULL, period text NOT NULL, raw text NOT NULL,"
                " column_name text, reason text) ON COMMIT DROP",
                "create the staging table", NULL) != 0)
        return -1;
    if (csvload_copy_begin(&c, in->conn,
                           "COPY ingest_stage (line_no, metric, unit_code, period_start, grain,"
                           " value, period, raw) FROM STDIN") != 0)
        return -1;
    if (pass_load(in, &c) != 0) {
        csvload_copy_end(&c, NULL);
        return -1;
    }
    if (csvload_copy_end(&c, &staged) != 0) {
        log_error("could not load \"%s\": %s", in->path, c.error);
        return -1;
    }
    for (size_t i = 0; i < sizeof slow_sql / sizeof slow_sql[0]; i++) {
        long long n = 0;
        if (exec_id(in, slow_sql[i], "merge the values", &n) != 0)
            return -1;
        if (i == SLOW_REJECTS)
            rejected = n;
        else if (i == SLOW_REVISED)
            res->rows_revised = n;
        else if (i == SLOW_NEW)
            res->rows_new = n;
        else if (i == SLOW_REJECTS - 1)
            winners = n;
    }
    if (rejected > 0 && print_conflicts(in) != 0)
        return -1;
    in->messages += rejected;
    in->rejected += rejected;
    res->rows_unchanged = winners - res->rows_revised - res->rows_new;
    return 0;
}

/* Whether any (metric, month) of the file already holds values: *covered. */
static int months_covered(struct ingest *in, const char *metrics, const char *months, bool *covered)
{
    const char *params[2] = {metrics, months};
    PGresult *r = PQexecParams(in->conn,
                               "SELECT EXISTS (SELECT 1 FROM kpi.observation_month m"
                               " JOIN unnest($1::text[], $2::date[]) AS f (metric, month)"
                               " USING (metric, month))",
                               2, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not read kpi.observation_month: %s", conn_errmsg(in->conn));
        PQclear(r);
        return -1;
    }
    *covered = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    PQclear(r);
    return 0;
}

#define PEEK_ROWS 1000

/*
 * Whether the first rows of the file bring months that already hold values
 * (or mix day and month rows): then the fast path would be undone, so the
 * slow path is taken at once. 0 with *slow, or -1 (logged).
 */
static int peek_slow(struct ingest *in, bool *slow)
{
    struct csvload_reader *r = NULL;
    struct csvload_row row;
    struct summary first = {0};
    char *metrics = NULL, *months = NULL, why[CSVLOAD_MSG_LEN];
    int rc = -1, st;
    *slow = false;
    if (open_reader(in, &r) != 0)
        return -1;
    st = csvload_next(r, &row);
    in->delim = csvload_delimiter(r);
    if (st == 1 && read_header(in, &row, why, sizeof why) == 0) {
        for (int i = 0; i < PEEK_ROWS && (st = csvload_next(r, &row)) == 1; i++) {
            struct good_row g;
            if (check_row(in, &row, &g, NULL) == 0)
                summary_add(&first, g.metric, &g.period);
        }
    }
    if (first.mixed || first.overflow) {
        *slow = true;
    } else if (first.n > 0) {
        if (summary_arrays(&first, in->sets, &metrics, &months) != 0 ||
            months_covered(in, metrics, months, slow) != 0)
            goto fail;
    }
    rc = 0;
fail:
    free(metrics);
    free(months);
    summary_free(&first);
    csvload_close(r);
    return rc;
}

/*
 * The units of in->units_seen as a text[] literal, '{"code",...}' (codes
 * match kpi.unit's check: no quote or backslash). Caller frees *out. 0, or
 * -1 (logged).
 */
static int units_array(const struct ingest *in, char **out)
{
    const struct strset *u = &in->sets->units;
    size_t len = 3;
    for (size_t i = 0; i < u->cap; i++)
        if (u->keys[i] != NULL && (in->units_seen[u->vals[i] / 8] >> (u->vals[i] % 8) & 1))
            len += strlen(u->keys[i]) + 3;
    char *a = malloc(len);
    if (a == NULL) {
        log_error("out of memory");
        return -1;
    }
    size_t n = 0;
    a[n++] = '{';
    for (size_t i = 0; i < u->cap; i++) {
        if (u->keys[i] == NULL || !(in->units_seen[u->vals[i] / 8] >> (u->vals[i] % 8) & 1))
            continue;
        n += (size_t)sprintf(a + n, "%s\"%s\"", n > 1 ? "," : "", u->keys[i]);
    }
    a[n++] = '}';
    a[n] = '\0';
    *out = a;
    return 0;
}

/*
 * End of the fast path: build the key index of kpi.observation_load and
 * attach it as the partition of its MONTHS (a date[] literal of the file's
 * months, NULL when it had no good row), or insert its rows, and queue the
 * months of the units of in->units_seen for kpi compute (see
 * sql/010_observation_key.sql). A key twice in the file fails the index
 * with unique_violation: then *slow. 0, or -1 (logged).
 */
static int attach_load(struct ingest *in, const char *months, bool *slow)
{
    char *units = NULL;
    if (units_array(in, &units) != 0)
        return -1;
    const char *params[3] = {in->id, months, units};
    PGresult *r =
        PQexecParams(in->conn, "SELECT kpi.observation_load_attach($1, $2::date[], $3::text[])", 3,
                     NULL, params, NULL, NULL, 0);
    free(units);
    int rc = 0;
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        if (strcmp(conn_sqlstate(r), "23505") == 0) { /* unique_violation */
            *slow = true;
        } else {
            log_error("could not attach the rows of \"%s\": %s", in->path, conn_errmsg(in->conn));
            rc = -1;
        }
    }
    PQclear(r);
    return rc;
}

/* Record the months the fast path brought into kpi.observation_month. */
static int record_months(struct ingest *in, const char *metrics, const char *months)
{
    const char *params[2] = {metrics, months};
    PGresult *r = PQexecParams(in->conn,
                               "INSERT INTO kpi.observation_month (metric, month)"
                               " SELECT * FROM unnest($1::text[], $2::date[])"
                               " ON CONFLICT DO NOTHING",
                               2, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        log_error("could not record the months: %s", conn_errmsg(in->conn));
        PQclear(r);
        return -1;
    }
    PQclear(r);
    return 0;
}

/* An earlier submission with this content: 1 (res filled), 0 none, -1. */
static int find_already(struct ingest *in, struct csvload_result *res)
{
    const char *params[1] = {in->sha};
    PGresult *r = PQexecParams(in->conn,
                               "SELECT id, status, rows_accepted, rows_rejected FROM kpi.submission"
                               " WHERE sha256 = $1 AND status <> 'rejected' ORDER BY id LIMIT 1",
                               1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not read kpi.submission: %s", conn_errmsg(in->conn));
        PQclear(r);
        return -1;
    }
    int found = PQntuples(r) > 0;
    if (found) {
        res->submission_id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
        snprintf(res->status, sizeof res->status, "already");
        res->rows_accepted = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
        res->rows_rejected = strtoll(PQgetvalue(r, 0, 3), NULL, 10);
    }
    PQclear(r);
    return found;
}

/* Reserve the next submission id into in->id (it stays taken even after a rollback). */
static int reserve_id(struct ingest *in)
{
    PGresult *r =
        PQexec(in->conn, "SELECT nextval(pg_get_serial_sequence('kpi.submission', 'id'))");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not number the submission: %s", conn_errmsg(in->conn));
        PQclear(r);
        return -1;
    }
    snprintf(in->id, sizeof in->id, "%s", PQgetvalue(r, 0, 0));
    in->id_num = strtoll(in->id, NULL, 10);
    PQclear(r);
    return 0;
}

/* Insert the kpi.submission row numbered in->id (see reserve_id). */
static int insert_submission(struct ingest *in, struct csvload_result *res, const char *status,
                             const char *reason)
{
    const char *params[6] = {
        in->id, in->file_name, in->sha, status, in->agency[0] ? in->agency : NULL, reason};
    PGresult *r = PQexecParams(in->conn,
                               "INSERT INTO kpi.submission (id, file_name, sha256, status, agency,"
                               " reason) OVERRIDING SYSTEM VALUE"
                               " VALUES ($1, $2, $3, $4, $5, $6)",
                               6, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        log_error("could not record the submission: %s", conn_errmsg(in->conn));
        PQclear(r);
        return -1;
    }
    res->submission_id = strtoll(in->id, NULL, 10);
    PQclear(r);
    return 0;
}

static int file_sha256(const char *path, char out[HASH_HEX_LEN], struct stat *stat_out)
{
    struct csvload_reader *r;
    int st;
    if (csvload_open(path, true, &r) != 0)
        return -1;
    /* hash every byte: read raw chunks, ignoring what they contain */
    do {
        r->buf_pos = r->buf_len;
        st = refill(r);
    } while (st == 0 && !r->at_eof);
    *stat_out = r->st;
    st = st == 0 ? csvload_digest(r, out) : -1;
    csvload_close(r);
    return st;
}

/* Record a file rejected whole (outside any transaction). */
static int reject_file(struct ingest *in, struct csvload_result *res, long long line)
{
    char reason[CSVLOAD_MSG_LEN + 32];
    log_error("%s:%lld: %s", in->path, line, res->reason);
    snprintf(reason, sizeof reason, "line %lld: %s", line, res->reason);
    res->rows_accepted = res->rows_rejected = 0;
    if (insert_submission(in, res, "rejected", reason) != 0)
        return -1;
    snprintf(res->status, sizeof res->status, "rejected");
    log_info("%s: file rejected, nothing loaded (submission %s)", in->path, in->id);
    return 0;
}

/* The final counts and status into kpi.submission; the summary line after COMMIT. */
static int finish_submission(struct ingest *in, struct csvload_result *res)
{
    char acc[24], rej[24];
    res->rows_rejected = in->rejected;
    res->rows_accepted = in->data_rows - in->rejected;
    snprintf(res->status, sizeof res->status, "%s",
             in->rejected == 0        ? "accepted"
             : res->rows_accepted > 0 ? "partial"
                                      : "rejected");
    snprintf(acc, sizeof acc, "%lld", res->rows_accepted);
    snprintf(rej, sizeof rej, "%lld", res->rows_rejected);
    const char *params[5] = {in->id, res->status, acc, rej, in->agency[0] ? in->agency : NULL};
    PGresult *r = PQexecParams(in->conn,
                               "UPDATE kpi.submission SET status = $2, rows_accepted = $3,"
                               " rows_rejected = $4, agency = $5, reason = CASE WHEN $2 ="
                               " 'rejected' THEN 'every row was rejected' END WHERE id = $1",
                               5, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        log_error("could not record the submission: %s", conn_errmsg(in->conn));
        PQclear(r);
        return -1;
    }
    PQclear(r);
    return conn_command(in->conn, "COMMIT", "could not commit");
}

static void print_summary(const struct ingest *in, const struct csvload_result *res)
{
    long long dup = res->rows_accepted - res->rows_new - res->rows_revised - res->rows_unchanged;
    char extra[64] = "";
    if (in->messages > in->opt->max_messages)
        log_error("%s: %lld more problems not shown; see kpi.rejected_row, submission %s", in->path,
                  in->messages - in->opt->max_messages, in->id);
    if (dup > 0)
        snprintf(extra, sizeof extra, ", %lld duplicate rows kept once", dup);
    log_info("%s: %s: %lld rows accepted (%lld new, %lld revised, %lld unchanged%s), %lld "
             "rejected; submission %s",
             in->path, res->status, res->rows_accepted, res->rows_new, res->rows_revised,
             res->rows_unchanged, extra, res->rows_rejected, in->id);
}

/* Already ingested? 1 (reported), 0 no, -1 error. */
static int already(struct ingest *in, struct csvload_result *res)
{
    int found = find_already(in, res);
    if (found > 0)
        log_info("%s: already ingested as submission %lld; nothing changed", in->path,
                 res->submission_id);
    return found;
}

int csvload_check_file(const struct csvload_sets *sets, const char *path,
                       const struct csvload_options *opt, struct csvload_result *res)
{
    struct ingest in = {.sets = sets, .opt = opt, .path = path};
    long long line = 0;
    int rc = -1;
    memset(res, 0, sizeof *res);
    const char *slash = strrchr(path, '/');
    in.file_name = slash ? slash + 1 : path;
    clock_gettime(CLOCK_MONOTONIC, &in.t0);
    if (file_limits(opt, &in.limits) != 0)
        return -1;
    if (stat(path, &in.st) != 0) {
        log_error("could not open \"%s\": %s", path, strerror(errno));
        return -1;
    }
    in.rejects = fopen("/dev/null", "w");
    if (in.rejects == NULL) {
        log_error("could not open \"/dev/null\": %s", strerror(errno));
        return -1;
    }
    if (in.st.st_size > in.limits.max_file) {
        snprintf(res->reason, sizeof res->reason,
                 "the file is %lld bytes, larger than the limit of %lld", (long long)in.st.st_size,
                 in.limits.max_file);
        snprintf(res->status, sizeof res->status, "rejected");
        rc = 0;
        goto fail;
    }
    int chk = pass_check(&in, res, &line, NULL);
    if (chk < 0)
        goto fail;
    res->rows_rejected = chk == 1 ? 0 : in.rejected;
    res->rows_accepted = chk == 1 ? 0 : in.data_rows - in.rejected;
    snprintf(res->status, sizeof res->status, "%s",
             chk == 1 || res->rows_accepted == 0 ? "rejected"
             : in.rejected > 0                   ? "partial"
                                                 : "accepted");
    rc = 0;
fail:
    summary_free(&in.sum);
    fclose(in.rejects);
    return rc;
}

int csvload_file(PGconn *conn, const struct csvload_sets *sets, const char *path,
                 const struct csvload_options *opt, struct csvload_result *res)
{
    struct ingest in = {.conn = conn, .sets = sets, .opt = opt, .path = path};
    struct csvload_copy fast;
    char *metrics = NULL, *months = NULL;
    long long line = 0, copied = 0;
    bool slow = false, fast_open = false, savepoint = false;
    int rc = -1, found;
    memset(res, 0, sizeof *res);
    const char *slash = strrchr(path, '/');
    in.file_name = slash ? slash + 1 : path;
    if (file_limits(opt, &in.limits) != 0)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &in.t0);
    in.rejects = tmpfile();
    if (in.rejects == NULL) {
        log_error("could not create a temporary file: %s", strerror(errno));
        return -1;
    }

    /* the digest first: a file already ingested is neither checked nor reported again */
    if (file_sha256(path, in.sha, &in.st) != 0)
        goto fail;
    found = already(&in, res);
    if (found != 0) {
        rc = found > 0 ? 0 : -1;
        goto fail;
    }
    if (in.st.st_size > in.limits.max_file) {
        snprintf(res->reason, sizeof res->reason,
                 "the file is %lld bytes, larger than the limit of %lld; split it, or raise "
                 "--max-file-bytes (KPI_MAX_FILE_BYTES)",
                 (long long)in.st.st_size, in.limits.max_file);
        rc = reserve_id(&in) == 0 ? reject_file(&in, res, 1) : -1;
        goto fail;
    }
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0 ||
        conn_command(conn, "SELECT pg_advisory_xact_lock(7040105, 4)",
                     "could not lock ingestion") != 0)
        goto fail;
    found = already(&in, res); /* another run may have taken it meanwhile */
    if (found != 0) {
        rc = found > 0 ? conn_command(conn, "ROLLBACK", "could not roll back") : -1;
        goto fail;
    }
    if (reserve_id(&in) != 0 || insert_submission(&in, res, "accepted", NULL) != 0 ||
        peek_slow(&in, &slow) != 0)
        goto fail;

    /* fast path: one pass, the good rows into kpi.observation_load, attached after */
    if (!slow) {
        if (conn_command(conn, "SAVEPOINT ingest_fast", "could not set a savepoint") != 0 ||
            conn_command(conn, "SELECT kpi.observation_load_begin()",
                         "could not create the load table") != 0 ||
            csvload_copy_begin(&fast, conn, FAST_COPY_SQL) != 0)
            goto fail;
        savepoint = fast_open = true;
        in.units_seen = calloc(sets->nunits / 8 + 1, 1);
        if (in.units_seen == NULL) {
            log_error("out of memory");
            goto fail;
        }
        copy_binary_header(&fast); /* a failure shows at csvload_copy_end */
    }
    int chk = pass_check(&in, res, &line, fast_open ? &fast : NULL);
    if (fast_open) {
        fast_open = false;
        if (chk != 0)
            fast.failed = true; /* cancels the COPY */
        else
            copy_binary_trailer(&fast);
        if (csvload_copy_end(&fast, &copied) != 0 && chk == 0) {
            if (strcmp(fast.sqlstate, "23505") != 0) { /* unique_violation: a key twice */
                log_error("could not load \"%s\": %s", path, fast.error);
                goto fail;
            }
            slow = true;
        }
    }
    if (chk < 0)
        goto fail;
    if (chk == 1) {
        if (conn_command(conn, "ROLLBACK", "could not roll back") != 0)
            goto fail;
        rc = reject_file(&in, res, line);
        goto fail;
    }
    slow = slow || in.sum.overflow || in.sum.mixed;
    if (!slow && in.sum.n > 0) {
        if (summary_arrays(&in.sum, sets, &metrics, &months) != 0 ||
            months_covered(&in, metrics, months, &slow) != 0)
            goto fail;
    }
    if (!slow && savepoint && attach_load(&in, months, &slow) != 0)
        goto fail;
    if (slow) {
        if (savepoint && exec_id(&in, "ROLLBACK TO SAVEPOINT ingest_fast", "roll back", NULL) != 0)
            goto fail;
        if (in.sum.n > 0 && load_slow(&in, res) != 0)
            goto fail;
    } else if (in.sum.n > 0) {
        if (record_months(&in, metrics, months) != 0)
            goto fail;
        res->rows_new = copied;
    }
    if (load_rejects(&in) != 0 || finish_submission(&in, res) != 0)
        goto fail;
    print_summary(&in, res);
    rc = 0;
fail:
    if (fast_open)
        csvload_copy_end(&fast, NULL);
    if (rc != 0)
        conn_rollback(conn);
    free(metrics);
    free(months);
    free(in.units_seen);
    summary_free(&in.sum);
    fclose(in.rejects);
    return rc;
}
