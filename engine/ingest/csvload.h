/*
 * csvload.h — agency submissions: a streaming CSV reader (libcsv) that keeps
 * each row's text and line, the validation of submission rows against the
 * unit registry and the metric catalog, COPY helpers, and the loading of one
 * file into kpi.submission, kpi.rejected_row and kpi.observation in one
 * transaction (see README, "Ingesting submissions").
 *
 * Memory stays flat: the reader holds one row at a time (at most
 * csvload_limits.max_row bytes, never more than CSVLOAD_MAX_ROW); the loader
 * holds the unit and metric codes and a small summary per (metric, month),
 * never per row.
 */
#ifndef KPI_CSVLOAD_H
#define KPI_CSVLOAD_H

#include "common/hash.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CSVLOAD_MAX_ROW (1024 * 1024) /* the largest max_row a reader accepts */

/* Input limits of submission files; see csvload_limits_default. */
struct csvload_limits {
    size_t max_row;     /* bytes of one row (a line, or several when a quote spans lines) */
    size_t max_field;   /* bytes of one field */
    long long max_file; /* bytes of one file */
};

#define CSVLOAD_DEFAULT_MAX_ROW   (64 * 1024)
#define CSVLOAD_DEFAULT_MAX_FIELD 4096
#define CSVLOAD_DEFAULT_MAX_FILE  (4LL * 1024 * 1024 * 1024)
#define CSVLOAD_MSG_LEN           512 /* room for one reason or problem */

/*
 * csvload_limits_default: the limits from $KPI_MAX_ROW_BYTES,
 * $KPI_MAX_FIELD_BYTES and $KPI_MAX_FILE_BYTES when set (see
 * sizelimit_parse), else CSVLOAD_DEFAULT_*. Returns 0, or -1 (logged)
 * when a variable is not a size or max_row exceeds CSVLOAD_MAX_ROW.
 */
int csvload_limits_default(struct csvload_limits *out);

/* ---- the streaming reader ---- */

struct csvload_reader; /* opaque */

struct csvload_row {
    const char
        *malformed; /* not NULL: the quotes of this row are broken (why); its fields are unusable */
    long long line_no;  /* physical line where the row starts (1 = first line) */
    size_t nfields;     /* number of fields */
    const char **field; /* NUL-terminated fields, unquoted, outer blanks trimmed */
    const size_t *len;  /* their lengths */
    const char *raw;    /* the row's text as received, without its line break */
    size_t raw_len;
};

/*
 * csvload_open: open PATH for reading; HASH: compute its SHA-256 on the way
 * (csvload_digest). The delimiter (',' or ';') is detected from the first
 * line, a UTF-8 BOM is skipped. Returns 0 with *out (free with
 * csvload_close), or -1 (logged: could not open).
 */
int csvload_open(const char *path, bool hash, struct csvload_reader **out);

/*
 * csvload_set_limits: use LIMITS (copied; max_row is capped at
 * CSVLOAD_MAX_ROW) instead of the CSVLOAD_DEFAULT_* limits a reader opens
 * with. Call before the first csvload_next.
 */
void csvload_set_limits(struct csvload_reader *r, const struct csvload_limits *limits);

/*
 * csvload_next: the next non-blank row into *row (valid until the next call).
 * Returns 1 for a row, 0 at the end of the file, -1 when the file cannot be
 * read as CSV (invalid UTF-8, unterminated quote, row too long, file
 * larger than max_file…; see csvload_problem), -2 on an I/O error (logged). Rows whose fields are
 * all empty (spreadsheet leftovers) are skipped like blank lines. A row with a field longer than
 * max_field comes back malformed (a row problem).
 */
int csvload_next(struct csvload_reader *r, struct csvload_row *row);

/* csvload_problem: why csvload_next returned -1, and the line (*line). */
const char *csvload_problem(const struct csvload_reader *r, long long *line);

/*
 * csvload_digest: the SHA-256 of every byte read so far, as hex; complete
 * once csvload_next returned 0; R must have been opened with HASH. Returns 0,
 * or -1 (logged).
 */
int csvload_digest(struct csvload_reader *r, char out[HASH_HEX_LEN]);

/* What the reader saw: the delimiter, a BOM, CRLF line ends, bytes read. */
char csvload_delimiter(const struct csvload_reader *r);
bool csvload_had_bom(const struct csvload_reader *r);
bool csvload_had_crlf(const struct csvload_reader *r);
long long csvload_bytes(const struct csvload_reader *r);

/*
 * csvload_unchanged: whether the file is still the one opened (same inode,
 * size and modification time), so that a second pass reads the same bytes.
 */
bool csvload_unchanged(const struct csvload_reader *r);

/* csvload_close: close R and free it (NULL is allowed). */
void csvload_close(struct csvload_reader *r);

/* ---- COPY FROM STDIN in text format ---- */

struct csvload_copy {
    PGconn *conn;
    char *buf;
    size_t len, cap;
    bool failed;      /* the server refused data; see csvload_copy_end */
    char sqlstate[6]; /* after a failed csvload_copy_end */
    char error[CSVLOAD_MSG_LEN];
};

/*
 * csvload_copy_begin: run SQL, a COPY … FROM STDIN statement carrying no
 * data. Returns 0 (then csvload_copy_end must follow), or -1 (logged).
 */
int csvload_copy_begin(struct csvload_copy *c, PGconn *conn, const char *sql);

/* csvload_copy_field: append S (N bytes) escaped for COPY text, then SEP ('\t' or '\n'). */
int csvload_copy_field(struct csvload_copy *c, const char *s, size_t n, char sep);

/* csvload_copy_null: append \N, then SEP. */
int csvload_copy_null(struct csvload_copy *c, char sep);

/* csvload_copy_verbatim: append N bytes that need no escaping. */
int csvload_copy_verbatim(struct csvload_copy *c, const char *s, size_t n);

/*
 * csvload_copy_end: finish the COPY and drain its results. Returns 0 with
 * *rows (may be NULL) = rows copied, or -1 with c->sqlstate and c->error set
 * (not logged: the caller decides). Setting c->failed beforehand cancels the
 * COPY (nothing is copied). Frees the buffer either way.
 */
int csvload_copy_end(struct csvload_copy *c, long long *rows);

/* ---- validation of submission fields (pure, no database) ---- */

enum csvload_grain { CSVLOAD_DAY, CSVLOAD_MONTH };

struct csvload_period {
    int year, month, day; /* day = 1 for a month */
    enum csvload_grain grain;
};

/*
 * csvload_parse_period: S as YYYY-MM-DD (a day) or YYYY-MM (a month), from
 * the year 2000 on. Returns 0 with *out, or -1 with an actionable reason in
 * why (e.g. `period "2025-02-30" is not a valid date: 2025-02 has 28 days`).
 */
int csvload_parse_period(const char *s, struct csvload_period *out, char *why, size_t len);

/*
 * csvload_pg_days: the day P (a valid date of the proleptic Gregorian
 * calendar, e.g. as csvload_parse_period returns it) as PostgreSQL's binary
 * date: days since 2000-01-01, negative before it.
 */
int32_t csvload_pg_days(const struct csvload_period *p);

/*
 * csvload_parse_value: S as a non-negative whole number written with digits
 * only, within bigint. Returns 0 with *out, or -1 with the reason in why
 * (thousands separators, decimals, sign, overflow, …).
 */
int csvload_parse_value(const char *s, int64_t *out, char *why, size_t len);

/* ---- loading submissions ---- */

struct csvload_sets; /* unit codes and metric codes, loaded once per run */

/*
 * csvload_sets_load: read kpi.unit codes, kpi.metric codes and today's date
 * (Asia/Ho_Chi_Minh). Returns 0 with *out (free with csvload_sets_free), or
 * -1 (logged).
 */
int csvload_sets_load(PGconn *conn, struct csvload_sets **out);

/*
 * csvload_sets_new: the sets from memory: the unit codes UNITS (NUNITS), the
 * metric codes METRICS (NMETRICS), TODAY as YYYY-MM-DD (copied). Returns 0
 * with *out (free with csvload_sets_free), or -1 (logged).
 */
int csvload_sets_new(const char *const *units, size_t nunits, const char *const *metrics,
                     size_t nmetrics, const char *today, struct csvload_sets **out);

/* csvload_sets_free: free S (NULL is allowed). */
void csvload_sets_free(struct csvload_sets *s);

struct csvload_options {
    bool progress;                /* show a progress line on stderr (a terminal) */
    long max_messages;            /* row messages printed per file; the rest only counted */
    struct csvload_limits limits; /* zeroes: csvload_limits_default() */
};

struct csvload_result {
    long long submission_id; /* 0 when none was recorded */
    char status[16];         /* accepted, partial, rejected, or "already" */
    long long rows_accepted, rows_rejected;
    long long rows_new, rows_revised, rows_unchanged;
    char reason[CSVLOAD_MSG_LEN]; /* a file-level rejection */
};

/*
 * csvload_file: ingest the submission at PATH: one transaction holding its
 * kpi.submission row, its kpi.rejected_row rows and its values (new values
 * inserted, corrected ones revised, the old version moved to
 * kpi.observation_superseded). A file whose SHA-256 was already ingested
 * changes nothing (status "already"). Problems are printed on stderr as
 * "kpi: PATH:LINE: reason". A file larger than opt->limits.max_file is
 * rejected whole without being parsed. Returns 0 with *res filled, or -1 when an error
 * (database, I/O) stopped it (logged; the transaction is rolled back).
 */
int csvload_file(PGconn *conn, const struct csvload_sets *sets, const char *path,
                 const struct csvload_options *opt, struct csvload_result *res);

/*
 * csvload_check_file: the checks of csvload_file without a database: read
 * and validate the submission at PATH against SETS (header, every row), with
 * the same messages (opt->max_messages of them). *res gets the status the
 * file would have and its row counts (rows_new, rows_revised and
 * rows_unchanged stay 0: only loading knows them). Returns 0, or -1 on an I/O
 * error (logged).
 */
int csvload_check_file(const struct csvload_sets *sets, const char *path,
                       const struct csvload_options *opt, struct csvload_result *res);

#endif
