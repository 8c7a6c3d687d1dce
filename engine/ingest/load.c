/*
 * load.c — owns the loading of one submission file in its transaction: the
 * digest and the "already ingested" test, the kpi.submission row, the
 * rejected rows, the choice between the fast and the slow path and the fast
 * path itself (see load.h). Reading is reader.c's, the row checks
 * rowcheck.c's, the binary rows copybin.c's, the slow path slowpath.c's.
 *
 * Loading one file: its SHA-256 first (an ingested file stops there), then,
 * in the file's transaction, one streaming pass that checks the file (UTF-8,
 * quotes, header), validates every row against in-memory sets of unit and
 * metric codes, writes the rejected rows to a temporary file (COPYed into
 * kpi.rejected_row at the end) and notes which (metric, month) pairs and
 * grains the file brings — never anything per row:
 *  - fast path: the good rows go by COPY in binary format during that pass
 *    into kpi.observation_load, their metric and unit by number (kpi.metric_key,
 *    kpi.unit_key, given by the server at the start), a table without index, which then gets its
 *    key index built once and is attached as the partition of its months,
 *    its units and months queued for kpi compute (the units as a bitmap over
 *    the unit set; sql/definitions/observation/observation_load_begin.sql,
 *    observation_load_attach.sql). It stands when none of the file's
 *    months holds any value yet (kpi.observation_month) and no month mixes
 *    day and month rows; a key twice in the file fails the index. Otherwise
 *    it is rolled back to a savepoint (a peek at the first rows avoids
 *    starting it in vain);
 *  - slow path (slowpath.c): a second pass copies the good rows into a
 *    temporary table, and a few set-based statements reject conflicts, keep
 *    identical duplicates once, revise changed values and insert new ones.
 */
#include "ingest/load.h"

#include "common/dynbuf.h"
#include "common/interrupt.h"
#include "common/log.h"
#include "common/sqlstate.h"
#include "db/conn.h"
#include "ingest/copy.h"
#include "ingest/copybin.h"
#include "ingest/months.h"
#include "ingest/progress.h"
#include "ingest/rowcheck.h"
#include "ingest/slowpath.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The largest text[] literal of the codes of a file (codes_array): every unit, a short code. */
#define UNITS_ARRAY_CAP (64 * 1024 * 1024)

/* The keys a file withdraws (value rút), one line each: beyond it the rows are rejected. */
#define WITHDRAWALS_CAP (16 * 1024 * 1024)

/* The state of loading (or checking) one file. */
struct ingest {
    PGconn *conn;
    const struct codes *codes;
    const struct load_options *opt;
    struct reader_limits limits;
    const char *path;
    const char *file_name; /* its last component, escaped (log_escape): kpi.submission's */
    char name_buf[4 * NAME_MAX + 1];
    bool bad_name;     /* the name is not UTF-8 or holds control characters: quarantined */
    bool file_problem; /* the failure was the file's (changed, unreadable): it waits */
    bool follow;       /* load_check_file: a symbolic link is followed */
    long long stored;  /* rejected rows kept in kpi.rejected_row so far (LOAD_REJECTS_STORED) */
    bool row_kept, row_dropped; /* the row being checked: counted in stored, or over the budget */
    struct rowcheck_header header;
    char where[160]; /* where a file rejected whole is at fault ("" the file, else LINE or CELL) */
    long long data_rows, rejected, messages;
    char agency[256];
    long long agency_line;
    struct months sum;
    unsigned char *units_seen; /* bitmap by unit_idx of the good rows (fast path), or NULL */
    int32_t *unit_ids;         /* fast path: kpi.unit_key's number of each unit_idx, or NULL */
    int16_t *metric_ids;       /* fast path: kpi.metric_key's number of each metric, or NULL */
    FILE *rejects;             /* COPY lines of kpi.rejected_row, without submission_id */
    struct dynbuf withdrawals; /* "line\tmetric\tunit\tYYYY-MM-DD\tgrain\n" of the rows rút */
    long long withdrawn;       /* those rows */
    char sha[HASH_HEX_LEN];
    struct stat st; /* the file as hashed: every pass must read the same */
    char id[24];    /* the submission id, as text */
    int64_t id_num; /* the same */
    struct progress progress;
    /* fast path: the months (year * 12 + month - 1) of the first rows' counts, lo..hi, which
     * the load table checks row by row during the COPY (range_on) until a row outside them
     * comes (widen_load); range_known: the first rows held a count */
    bool range_known, range_on;
    int range_lo, range_hi;
    long long copied_before; /* rows of the COPY ended by widen_load */
};

static void row_message(struct ingest *in, const char *where, const char *reason)
{
    if (in->messages++ >= in->opt->max_messages)
        return;
    progress_clear(&in->progress); /* the message replaces the progress line */
    log_error("%s:%s: %s", in->path, where, reason);
}

static enum kpi_status write_reject(struct ingest *in, const struct reader_row *row,
                                    const char *column, const char *reason)
{
    if (in->row_dropped)
        return KPI_OK; /* the row's first problem was over the budget */
    if (!in->row_kept && in->stored >= LOAD_REJECTS_STORED) {
        in->row_dropped = true;
        return KPI_OK; /* only counted (kpi.submission.rows_rejected_unstored) */
    }
    if (!in->row_kept)
        in->stored++; /* a row counts once, however many problems it has */
    in->row_kept = true;
    size_t raw_len = reader_cut(row->raw, row->raw_len, in->limits.max_field);
    char *buf = malloc(2 * (raw_len + strlen(reason)) + 128);
    if (buf == NULL) {
        log_error("out of memory");
        return KPI_ERROR;
    }
    size_t n = (size_t)sprintf(buf, "%lld\t", row->line_no);
    if (column != NULL)
        n += (size_t)sprintf(buf + n, "%s\t", column);
    else
        n += (size_t)sprintf(buf + n, "\\N\t");
    n += copy_escape(buf + n, reason, strlen(reason));
    buf[n++] = '\t';
    n += copy_escape(buf + n, row->raw, raw_len);
    buf[n++] = '\n';
    size_t w = fwrite(buf, 1, n, in->rejects);
    free(buf);
    if (w != n) {
        log_error("could not write a temporary file: %s", strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* A problem of ROW (a rowcheck_report): printed within the budget, and kept for kpi.rejected_row.
 */
static enum kpi_status report_reject(void *ctx, const struct reader_row *row, const char *column,
                                     const char *reason)
{
    struct ingest *in = ctx;
    char where[160];
    row_message(in, rowcheck_where(&in->header, row, column, where, sizeof where), reason);
    return write_reject(in, row, column, reason);
}

/*
 * A row whose value is rút: its key into in->withdrawals (applied after the file's values,
 * apply_withdrawals); past WITHDRAWALS_CAP the row is rejected. KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status take_withdrawal(struct ingest *in, const struct reader_row *row,
                                       const struct rowcheck_good *g)
{
    if (in->withdrawals.cap == 0)
        dynbuf_init(&in->withdrawals, WITHDRAWALS_CAP);
    const char *metric = codes_metric_code(in->codes, g->metric);
    const char *grain = g->period.grain == ROWCHECK_DAY ? "day" : "month";
    static const char fmt[] = "%lld\t%s\t%.*s\t%04d-%02d-%02d\t%s\n";
    int need = snprintf(NULL, 0, fmt, row->line_no, metric, (int)g->unit_len, g->unit,
                        g->period.year, g->period.month, g->period.day, grain);
    if (dynbuf_len(&in->withdrawals) + (size_t)need >= WITHDRAWALS_CAP) {
        in->rejected++;
        return report_reject(in, row, "value",
                             "too many withdrawals (value rút) in one file; split the file");
    }
    if (dynbuf_addf(&in->withdrawals, fmt, row->line_no, metric, (int)g->unit_len, g->unit,
                    g->period.year, g->period.month, g->period.day, grain) != DYNBUF_OK) {
        log_error("out of memory");
        return KPI_ERROR;
    }
    in->withdrawn++;
    return KPI_OK;
}

/*
 * A row of a month outside the load table's range check (the months of the
 * first rows, observation_load_begin): end the COPY so far, drop the check
 * (kpi.observation_load_widen; step 2 then checks the months by a scan, as
 * without it) and go on in a new COPY into the same table. 0, or -1 (logged;
 * FAST failed, so that its copy_end cancels).
 */
static enum kpi_status widen_load(struct ingest *in, struct copy *fast)
{
    long long n;
    in->range_on = false;
    copybin_trailer(fast);
    if (copy_end(fast, &n) != 0) {
        log_error("could not load \"%s\": %s", in->path, fast->error);
        fast->failed = true;
        return KPI_ERROR;
    }
    in->copied_before += n;
    const char *params[1] = {in->id};
    PGresult *r = conn_exec(in->conn, "SELECT kpi.observation_load_widen($1)", 1, params,
                            "could not drop the load table's range check");
    if (r == NULL || copy_begin(fast, in->conn, COPYBIN_OBSERVATION_SQL) != 0) {
        PQclear(r);
        fast->failed = true;
        return KPI_ERROR;
    }
    PQclear(r);
    copybin_header(fast); /* a failure shows at copy_end */
    return KPI_OK;
}

/*
 * Pass 1 for one data row: validate, record a rejection or summarise, and
 * copy a good row into FAST (may be NULL). KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status take_row(struct ingest *in, const struct reader_row *row, struct copy *fast)
{
    struct rowcheck_good g;
    int bad;
    in->row_kept = in->row_dropped = false;
    if (rowcheck_row(&in->header, in->codes, row, &g, report_reject, in, &bad) != KPI_OK)
        return KPI_ERROR;
    if (bad > 0) {
        in->rejected++;
        return KPI_OK;
    }
    if (g.withdraw)
        return take_withdrawal(in, row, &g);
    months_add(&in->sum, g.metric, &g.period);
    if (in->units_seen != NULL)
        in->units_seen[g.unit_idx / 8] |= (unsigned char)(1u << (g.unit_idx % 8));
    if (fast != NULL && !fast->failed && in->range_on) {
        int m = months_index(&g.period);
        if ((m < in->range_lo || m > in->range_hi) && widen_load(in, fast) != KPI_OK)
            return KPI_ERROR;
    }
    if (fast != NULL && !fast->failed)
        /* a failure shows at copy_end */
        copybin_observation(fast, in->metric_ids[g.metric], in->unit_ids[g.unit_idx], &g,
                            in->id_num, row->line_no);
    int ac = in->header.col[ROWCHECK_AGENCY];
    if (ac < 0 || row->len[ac] == 0)
        return KPI_OK;
    if (in->agency[0] == '\0') {
        snprintf(in->agency, sizeof in->agency, "%s", row->field[ac]);
        in->agency_line = row->line_no;
    } else if (strcmp(in->agency, row->field[ac]) != 0 && in->agency_line > 0) {
        log_warn("%s:%lld: agency \"%s\" differs from \"%s\" (line %lld); the submission "
                 "records \"%s\"",
                 in->path, row->line_no, row->field[ac], in->agency, in->agency_line, in->agency);
        in->agency_line = 0; /* warn once */
    }
    return KPI_OK;
}

enum kpi_status load_limits(const struct load_options *opt, struct reader_limits *out)
{
    if (reader_limits_default(out) != 0)
        return KPI_ERROR;
    if (opt->limits.max_row > 0)
        out->max_row = opt->limits.max_row;
    if (opt->limits.max_field > 0)
        out->max_field = opt->limits.max_field;
    if (opt->limits.max_file > 0)
        out->max_file = opt->limits.max_file;
    if (opt->limits.max_strings > 0)
        out->max_strings = opt->limits.max_strings;
    out->sheet = opt->limits.sheet;
    out->locale_vi = opt->limits.locale_vi;
    out->tables_only = opt->limits.tables_only;
    return KPI_OK;
}

/* reader_open_nofollow of the file being ingested, with its limits (failing: the file's problem).
 */
static enum kpi_status open_reader(struct ingest *in, struct reader **r)
{
    if ((in->follow ? reader_open(in->path, false, r) : reader_open_nofollow(in->path, false, r)) !=
        0) {
        in->file_problem = true;
        return KPI_ERROR;
    }
    reader_set_limits(*r, &in->limits);
    return KPI_OK;
}

/*
 * Pass 1: check the file, validate rows, write rejects, summarise, and copy
 * the good rows into FAST (an open COPY into kpi.observation, or NULL).
 * Returns KPI_OK, KPI_REJECTED when the whole file is rejected (res->reason,
 * *line), or KPI_ERROR (logged).
 */
static enum kpi_status pass_check(struct ingest *in, struct load_result *res, long long *line,
                                  struct copy *fast)
{
    struct reader *r = NULL;
    struct reader_row row;
    bool header = false, got;
    enum kpi_status rc = KPI_ERROR, st;
    *line = 0;
    if (open_reader(in, &r) != 0)
        return KPI_ERROR;
    st = reader_next(r, &row, &got);
    if (got) {
        header = true;
        if (rowcheck_header(&in->header, &row, reader_delimiter(r), in->codes, res->reason,
                            sizeof res->reason) != 0) {
            *line = row.line_no;
            rowcheck_header_where(&in->header, &row, in->where, sizeof in->where);
            rc = KPI_REJECTED;
            goto fail;
        }
        while ((st = reader_next(r, &row, &got)) == KPI_OK && got) {
            in->data_rows++;
            if (take_row(in, &row, fast) != 0)
                goto fail;
            if ((in->data_rows & 0xFFFF) == 0)
                progress_show(&in->progress, r, "", in->data_rows);
        }
    }
    if (st == KPI_ERROR) {
        in->file_problem = true; /* a read error (or a signal: the caller checks) */
        goto fail;
    }
    rc = KPI_REJECTED;
    if (st == KPI_REJECTED) {
        snprintf(res->reason, sizeof res->reason, "%s", reader_problem(r, line));
        reader_problem_where(r, in->where, sizeof in->where);
    } else if (!header) {
        snprintf(res->reason, sizeof res->reason,
                 "empty file; the first line must be the header period,unit,metric,value");
        *line = 1;
    } else if (in->data_rows == 0) {
        snprintf(res->reason, sizeof res->reason, "the file has a header but no data rows");
        *line = 2;
    } else if (!reader_unchanged(r) || !reader_same_file(r, &in->st)) {
        log_warn("%s: changed while it was being read (still being written?); left in place "
                 "for the next run",
                 in->path);
        in->file_problem = true;
        rc = KPI_ERROR;
    } else {
        rc = KPI_OK;
    }
fail:
    progress_clear(&in->progress);
    reader_close(r);
    return rc;
}

/* Send the rejected rows of pass 1 into kpi.rejected_row. */
static enum kpi_status load_rejects(struct ingest *in)
{
    struct copy c;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    if (in->rejected == 0)
        return KPI_OK;
    if (fflush(in->rejects) != 0 || fseek(in->rejects, 0, SEEK_SET) != 0) {
        log_error("could not read a temporary file: %s", strerror(errno));
        return KPI_ERROR;
    }
    if (copy_begin(&c, in->conn,
                   "COPY kpi.rejected_row (submission_id, line_no, column_name, reason, "
                   "raw) FROM STDIN") != 0)
        return KPI_ERROR;
    while ((n = getline(&line, &cap, in->rejects)) > 0) {
        if (copy_verbatim(&c, in->id, strlen(in->id)) != 0 || copy_verbatim(&c, "\t", 1) != 0 ||
            copy_verbatim(&c, line, (size_t)n) != 0)
            break;
    }
    free(line);
    if (copy_end(&c, NULL) != 0) {
        log_error("could not record the rejected rows: %s", c.error);
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* The slow path (slowpath.h) for the file of IN; its counts into IN and RES. 0, or -1 (logged). */
static enum kpi_status load_slow(struct ingest *in, struct load_result *res)
{
    struct slowpath_counts n;
    const struct slowpath_file f = {
        .conn = in->conn,
        .path = in->path,
        .id = in->id,
        .limits = &in->limits,
        .st = &in->st,
        .header = &in->header,
        .codes = in->codes,
        .progress = &in->progress,
        .data_rows = in->data_rows,
        .budget = in->opt->max_messages - in->messages,
        .store_budget = LOAD_REJECTS_STORED - in->stored,
    };
    if (slowpath_load(&f, &n) != 0) {
        in->file_problem = n.changed;
        return KPI_ERROR;
    }
    in->messages += n.rejected;
    in->rejected += n.rejected;
    in->stored += n.stored;
    res->rows_new = n.rows_new;
    res->rows_revised = n.rows_revised;
    res->rows_unchanged = n.rows_unchanged;
    return KPI_OK;
}

/* Whether any (metric, month) of the file already holds values: *covered. */
static enum kpi_status months_covered(struct ingest *in, const char *metrics, const char *months,
                                      bool *covered)
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
        return KPI_ERROR;
    }
    *covered = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    PQclear(r);
    return KPI_OK;
}

#define PEEK_ROWS 1000

/*
 * Whether the first rows of the file bring months that already hold values
 * (or mix day and month rows): then the fast path would be undone, so the
 * slow path is taken at once. 0 with *slow, or -1 (logged).
 */
static enum kpi_status peek_slow(struct ingest *in, bool *slow)
{
    struct reader *r = NULL;
    struct reader_row row;
    struct months first = {0};
    char *metrics = NULL, *months = NULL, why[READER_MSG_LEN];
    enum kpi_status rc = KPI_ERROR;
    bool got;
    *slow = false;
    if (open_reader(in, &r) != 0)
        return KPI_ERROR;
    reader_next(r, &row, &got);
    if (got &&
        rowcheck_header(&in->header, &row, reader_delimiter(r), in->codes, why, sizeof why) == 0) {
        for (int i = 0; i < PEEK_ROWS && reader_next(r, &row, &got) == KPI_OK && got; i++) {
            struct rowcheck_good g;
            int bad;
            if (rowcheck_row(&in->header, in->codes, &row, &g, NULL, NULL, &bad) != KPI_OK ||
                bad > 0)
                continue;
            months_add(&first, g.metric, &g.period);
            if (g.withdraw) /* (no count: the load table holds none of its row) */
                continue;
            int m = months_index(&g.period);
            if (!in->range_known || m < in->range_lo)
                in->range_lo = m;
            if (!in->range_known || m > in->range_hi)
                in->range_hi = m;
            in->range_known = true;
        }
    }
    if (first.mixed || first.overflow) {
        *slow = true;
    } else if (first.n > 0) {
        if (months_arrays(&first, in->codes, &metrics, &months) != 0 ||
            months_covered(in, metrics, months, slow) != 0)
            goto fail;
    }
    rc = KPI_OK;
fail:
    free(metrics);
    free(months);
    months_free(&first);
    reader_close(r);
    return rc;
}

/*
 * The unit codes (METRICS false) or the metric codes of in->codes as a
 * text[] literal, '{"code",...}', in their numbers' order (codes match
 * kpi.unit's and kpi.metric's checks: no quote or backslash); of units only
 * those of the bitmap SEEN unless it is NULL. Caller frees *out. 0, or -1
 * (logged).
 */
static enum kpi_status codes_array(const struct ingest *in, bool metrics, const unsigned char *seen,
                                   char **out)
{
    struct dynbuf b;
    unsigned st = DYNBUF_OK; /* the statuses or-ed: any failure stays */
    size_t n = metrics ? codes_nmetrics(in->codes) : codes_nunits(in->codes);
    dynbuf_init(&b, UNITS_ARRAY_CAP);
    st |= dynbuf_add(&b, "{");
    for (size_t i = 0; i < n && st == DYNBUF_OK; i++)
        if (seen == NULL || seen[i / 8] >> (i % 8) & 1)
            st |= dynbuf_addf(&b, "%s\"%s\"", dynbuf_len(&b) > 1 ? "," : "",
                              metrics ? codes_metric_code(in->codes, (int)i)
                                      : codes_unit_code(in->codes, (int)i));
    st |= dynbuf_add(&b, "}");
    *out = st == DYNBUF_OK ? dynbuf_take(&b) : NULL;
    if (*out == NULL) {
        dynbuf_free(&b);
        log_error("out of memory");
        return KPI_ERROR;
    }
    return KPI_OK;
}

/*
 * The integer[] literal S ('{1,2,NULL}') into IDS (N of them, each in 1..MAX;
 * NULL or another value fails). 0, or -1.
 */
static enum kpi_status parse_ids(const char *s, size_t n, long max, int32_t *ids)
{
    if (*s++ != '{')
        return KPI_ERROR;
    for (size_t i = 0; i < n; i++) {
        char *end;
        long v = strtol(s, &end, 10);
        if (end == s || v < 1 || v > max || *end != (i + 1 < n ? ',' : '}'))
            return KPI_ERROR;
        ids[i] = (int32_t)v;
        s = end + 1;
    }
    return n == 0 && *s != '}' ? KPI_ERROR : KPI_OK;
}

/*
 * Start of the fast path: the load table of the submission in->id, open in
 * this transaction, checking every row against the months of the first rows
 * (in->range_lo..range_hi, when known: in->range_on), and the numbers of every
 * code of in->codes (in->unit_ids, in->metric_ids;
 * sql/definitions/observation/observation_load_begin.sql). 0, or -1 (logged).
 */
static enum kpi_status begin_load(struct ingest *in)
{
    char *units = NULL, *metrics = NULL;
    if (codes_array(in, false, NULL, &units) != 0)
        return KPI_ERROR;
    if (codes_array(in, true, NULL, &metrics) != 0) {
        free(units);
        return KPI_ERROR;
    }
    char from[MONTHS_DAY_LEN], to[MONTHS_DAY_LEN];
    months_first_day(in->range_lo, from);
    months_first_day(in->range_hi + 1, to);
    const char *params[5] = {in->id, units, metrics, in->range_known ? from : NULL,
                             in->range_known ? to : NULL};
    in->range_on = in->range_known;
    PGresult *r = conn_exec(in->conn,
                            "SELECT unit_ids, metric_ids FROM kpi.observation_load_begin($1, "
                            "$2::text[], $3::text[], $4::date, $5::date)",
                            5, params, "could not create the load table");
    free(units);
    free(metrics);
    if (r == NULL)
        return KPI_ERROR;
    size_t nu = codes_nunits(in->codes), nm = codes_nmetrics(in->codes);
    in->unit_ids = malloc((nu + 1) * sizeof *in->unit_ids);
    int32_t *m = malloc((nm + 1) * sizeof *m);
    in->metric_ids = malloc((nm + 1) * sizeof *in->metric_ids);
    enum kpi_status rc = KPI_ERROR;
    if (in->unit_ids == NULL || m == NULL || in->metric_ids == NULL) {
        log_error("out of memory");
    } else if (parse_ids(PQgetvalue(r, 0, 0), nu, INT32_MAX, in->unit_ids) != 0 ||
               parse_ids(PQgetvalue(r, 0, 1), nm, INT16_MAX, m) != 0) {
        log_error("could not number the codes of \"%s\": a code of the registry or the "
                  "catalog is gone (run kpi ingest again)",
                  in->path);
    } else {
        for (size_t i = 0; i < nm; i++)
            in->metric_ids[i] = (int16_t)m[i];
        rc = KPI_OK;
    }
    free(m);
    PQclear(r);
    return rc;
}

/*
 * End of the fast path: build the key index of kpi.observation_load and
 * attach it as the partition of its MONTHS (a date[] literal of the file's
 * months, NULL when it had no good row), or insert its rows, and queue the
 * months of the units of in->units_seen for kpi compute (see
 * sql/definitions/observation/observation_load_attach.sql). A key twice in the file fails the index
 * with unique_violation: then *slow. 0, or -1 (logged).
 */
static enum kpi_status attach_load(struct ingest *in, const char *months, bool *slow)
{
    char *units = NULL;
    if (codes_array(in, false, in->units_seen, &units) != 0)
        return KPI_ERROR;
    const char *params[3] = {in->id, months, units};
    PGresult *r =
        PQexecParams(in->conn, "SELECT kpi.observation_load_attach($1, $2::date[], $3::text[])", 3,
                     NULL, params, NULL, NULL, 0);
    free(units);
    enum kpi_status rc = KPI_OK;
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        if (sqlstate_is(conn_sqlstate(r), SQLSTATE_UNIQUE_VIOLATION)) {
            *slow = true;
        } else {
            log_error("could not attach the rows of \"%s\": %s", in->path, conn_errmsg(in->conn));
            rc = KPI_ERROR;
        }
    }
    PQclear(r);
    return rc;
}

/* Record the months the fast path brought into kpi.observation_month. */
static enum kpi_status record_months(struct ingest *in, const char *metrics, const char *months)
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
        return KPI_ERROR;
    }
    PQclear(r);
    return KPI_OK;
}

/* An earlier submission with this content? *found (res filled when true). KPI_OK or KPI_ERROR. */
static enum kpi_status find_already(struct ingest *in, struct load_result *res, bool *found)
{
    *found = false;
    const char *params[1] = {in->sha};
    PGresult *r = PQexecParams(in->conn,
                               "SELECT id, status, rows_accepted, rows_rejected FROM kpi.submission"
                               " WHERE sha256 = $1 AND status <> 'rejected' ORDER BY id LIMIT 1",
                               1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not read kpi.submission: %s", conn_errmsg(in->conn));
        PQclear(r);
        return KPI_ERROR;
    }
    *found = PQntuples(r) > 0;
    if (*found) {
        res->submission_id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
        snprintf(res->status, sizeof res->status, "already");
        res->rows_accepted = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
        res->rows_rejected = strtoll(PQgetvalue(r, 0, 3), NULL, 10);
    }
    PQclear(r);
    return KPI_OK;
}

/*
 * The file's withdrawals (value rút), after its values: kpi.submission_withdraw_rows
 * (sql/definitions/observation/submission_withdraw_rows.sql). KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status apply_withdrawals(struct ingest *in)
{
    if (in->withdrawn == 0 || dynbuf_len(&in->withdrawals) == 0)
        return KPI_OK;
    const char *params[2] = {in->id, dynbuf_ptr(&in->withdrawals)};
    PGresult *r = conn_exec(in->conn, "SELECT kpi.submission_withdraw_rows($1, $2)", 2, params,
                            "could not withdraw the counts of the file");
    if (r == NULL)
        return KPI_ERROR;
    PQclear(r);
    return KPI_OK;
}

/* Reserve the next submission id into in->id (it stays taken even after a rollback). */
static enum kpi_status reserve_id(struct ingest *in)
{
    PGresult *r =
        PQexec(in->conn, "SELECT nextval(pg_get_serial_sequence('kpi.submission', 'id'))");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not number the submission: %s", conn_errmsg(in->conn));
        PQclear(r);
        return KPI_ERROR;
    }
    snprintf(in->id, sizeof in->id, "%s", PQgetvalue(r, 0, 0));
    in->id_num = strtoll(in->id, NULL, 10);
    PQclear(r);
    return KPI_OK;
}

/* Insert the kpi.submission row numbered in->id (see reserve_id). */
static enum kpi_status insert_submission(struct ingest *in, struct load_result *res,
                                         const char *status, const char *reason)
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
        return KPI_ERROR;
    }
    res->submission_id = strtoll(in->id, NULL, 10);
    PQclear(r);
    return KPI_OK;
}

/* Record a file rejected whole (outside any transaction). */
static enum kpi_status reject_file(struct ingest *in, struct load_result *res, long long line)
{
    char reason[READER_MSG_LEN + 192];
    if (in->where[0] == '\0' && line > 0)
        snprintf(in->where, sizeof in->where, "%lld", line);
    if (in->where[0] == '\0') {
        log_error("%s: %s", in->path, res->reason);
        snprintf(reason, sizeof reason, "%s", res->reason);
    } else {
        log_error("%s:%s: %s", in->path, in->where, res->reason);
        bool csv_line = in->where[0] >= '0' && in->where[0] <= '9';
        snprintf(reason, sizeof reason, "%s%s: %s", csv_line ? "line " : "", in->where,
                 res->reason);
    }
    res->rows_accepted = res->rows_rejected = 0;
    if (insert_submission(in, res, "rejected", reason) != 0)
        return KPI_ERROR;
    snprintf(res->status, sizeof res->status, "rejected");
    log_info("%s: file rejected, nothing loaded (submission %s)", in->path, in->id);
    return KPI_OK;
}

/* The final counts and status into kpi.submission; the summary line after COMMIT. */
static enum kpi_status finish_submission(struct ingest *in, struct load_result *res)
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
    char unstored[24], fresh[24], revised[24], unchanged[24], withdrawn[24];
    snprintf(withdrawn, sizeof withdrawn, "%lld", in->withdrawn);
    snprintf(unstored, sizeof unstored, "%lld", in->rejected - in->stored);
    snprintf(fresh, sizeof fresh, "%lld", res->rows_new);
    snprintf(revised, sizeof revised, "%lld", res->rows_revised);
    snprintf(unchanged, sizeof unchanged, "%lld", res->rows_unchanged);
    const char *params[10] = {
        in->id,   res->status, acc,     rej,       in->agency[0] ? in->agency : NULL,
        unstored, fresh,       revised, unchanged, withdrawn};
    PGresult *r = PQexecParams(in->conn,
                               "UPDATE kpi.submission SET status = $2, rows_accepted = $3,"
                               " rows_rejected = $4, agency = $5, reason = CASE WHEN $2 ="
                               " 'rejected' THEN 'every row was rejected' END,"
                               " rows_rejected_unstored = $6, rows_new = $7, rows_revised = $8,"
                               " rows_unchanged = $9, rows_withdrawn = $10 WHERE id = $1",
                               10, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        log_error("could not record the submission: %s", conn_errmsg(in->conn));
        PQclear(r);
        return KPI_ERROR;
    }
    PQclear(r);
    return conn_command(in->conn, "COMMIT", "could not commit");
}

static void print_summary(const struct ingest *in, const struct load_result *res)
{
    long long dup = res->rows_accepted - res->rows_new - res->rows_revised - res->rows_unchanged -
                    in->withdrawn;
    char extra[128] = "";
    if (in->messages > in->opt->max_messages)
        log_error("%s: %lld more problems not shown; see kpi.rejected_row, submission %s", in->path,
                  in->messages - in->opt->max_messages, in->id);
    if (in->rejected > in->stored)
        log_warn("%s: only the first %lld rejected rows are kept in kpi.rejected_row; %lld more "
                 "are only counted (kpi.submission.rows_rejected_unstored)",
                 in->path, in->stored, in->rejected - in->stored);
    if (dup > 0)
        snprintf(extra, sizeof extra, ", %lld duplicate rows kept once", dup);
    if (in->withdrawn > 0)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra), ", %lld withdrawn",
                 in->withdrawn);
    log_info("%s: %s: %lld rows accepted (%lld new, %lld revised, %lld unchanged%s), %lld "
             "rejected; submission %s",
             in->path, res->status, res->rows_accepted, res->rows_new, res->rows_revised,
             res->rows_unchanged, extra, res->rows_rejected, in->id);
}

/* Already ingested? *found (reported when true). KPI_OK, or KPI_ERROR (logged; *found false). */
static enum kpi_status already(struct ingest *in, struct load_result *res, bool *found)
{
    if (find_already(in, res, found) != KPI_OK)
        return KPI_ERROR;
    if (*found)
        log_info("%s: already ingested as submission %lld; nothing changed", in->path,
                 res->submission_id);
    return KPI_OK;
}

/* in->file_name: the last component of in->path, escaped; in->bad_name when that changed it. */
static void name_of(struct ingest *in)
{
    const char *slash = strrchr(in->path, '/');
    const char *name = slash ? slash + 1 : in->path;
    size_t n = strlen(name);
    in->bad_name = log_needs_escape(name, n);
    log_escape(in->name_buf, sizeof in->name_buf, name, n);
    in->file_name = in->name_buf;
}

/* Left in place for the next run (the file changed, could not be read): *res says so. */
static void defer(struct load_result *res)
{
    char reason[sizeof res->reason];
    snprintf(reason, sizeof reason, "%s", res->reason[0] ? res->reason : log_last_error());
    memset(res, 0, sizeof *res); /* nothing of it was recorded: the transaction rolled back */
    snprintf(res->status, sizeof res->status, "deferred");
    snprintf(res->reason, sizeof res->reason, "%s", reason);
}

enum kpi_status load_check_file(const struct codes *codes, const char *path,
                                const struct load_options *opt, struct load_result *res)
{
    struct ingest in = {.codes = codes, .opt = opt, .path = path, .follow = true};
    long long line = 0;
    enum kpi_status rc = KPI_ERROR;
    memset(res, 0, sizeof *res);
    name_of(&in);
    progress_start(&in.progress, opt->progress, in.file_name);
    if (load_limits(opt, &in.limits) != 0)
        return KPI_ERROR;
    if (stat(path, &in.st) != 0) {
        log_error("could not open \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    in.rejects = fopen("/dev/null", "w");
    if (in.rejects == NULL) {
        log_error("could not open \"/dev/null\": %s", strerror(errno));
        return KPI_ERROR;
    }
    if (in.st.st_size > in.limits.max_file) {
        snprintf(res->reason, sizeof res->reason,
                 "the file is %lld bytes, larger than the limit of %lld", (long long)in.st.st_size,
                 in.limits.max_file);
        snprintf(res->status, sizeof res->status, "rejected");
        rc = KPI_OK;
        goto fail;
    }
    enum kpi_status chk = pass_check(&in, res, &line, NULL);
    if (chk == KPI_ERROR)
        goto fail;
    res->rows_rejected = chk == KPI_REJECTED ? 0 : in.rejected;
    res->rows_accepted = chk == KPI_REJECTED ? 0 : in.data_rows - in.rejected;
    snprintf(res->status, sizeof res->status, "%s",
             chk == KPI_REJECTED || res->rows_accepted == 0 ? "rejected"
             : in.rejected > 0                              ? "partial"
                                                            : "accepted");
    rc = KPI_OK;
fail:
    dynbuf_free(&in.withdrawals);
    months_free(&in.sum);
    fclose(in.rejects);
    return rc;
}

enum kpi_status load_file(PGconn *conn, const struct codes *codes, const char *path,
                          const struct load_options *opt, struct load_result *res)
{
    struct ingest in = {.conn = conn, .codes = codes, .opt = opt, .path = path};
    struct copy fast;
    char *metrics = NULL, *months = NULL;
    long long line = 0, copied = 0;
    bool slow = false, fast_open = false, savepoint = false;
    enum kpi_status rc = KPI_ERROR;
    bool found;
    memset(res, 0, sizeof *res);
    name_of(&in);
    if (load_limits(opt, &in.limits) != 0)
        return KPI_ERROR;
    progress_start(&in.progress, opt->progress, in.file_name);
    in.rejects = tmpfile();
    if (in.rejects == NULL) {
        log_error("could not create a temporary file: %s", strerror(errno));
        return KPI_ERROR;
    }

    /* the digest first: a file already ingested is neither checked nor reported again */
    bool too_large;
    if (reader_sha256(path, in.limits.max_file, in.sha, &in.st, &too_large) != 0) {
        in.file_problem = true;
        goto fail;
    }
    if (in.bad_name) {
        snprintf(res->reason, sizeof res->reason,
                 "the file name \"%s\" is not UTF-8 or holds control characters (shown "
                 "escaped); rename the file and send it again",
                 in.file_name);
        rc = reserve_id(&in) == 0 ? reject_file(&in, res, 1) : KPI_ERROR;
        goto fail;
    }
    if (already(&in, res, &found) != KPI_OK)
        goto fail;
    if (found) {
        rc = KPI_OK;
        goto fail;
    }
    if (too_large || in.st.st_size > in.limits.max_file) {
        if (too_large && in.st.st_size <= in.limits.max_file)
            snprintf(res->reason, sizeof res->reason,
                     "the file grew past the limit of %lld bytes while it was read; split it, "
                     "or raise --max-file-bytes (KPI_MAX_FILE_BYTES)",
                     in.limits.max_file);
        else
            snprintf(res->reason, sizeof res->reason,
                     "the file is %lld bytes, larger than the limit of %lld; split it, or raise "
                     "--max-file-bytes (KPI_MAX_FILE_BYTES)",
                     (long long)in.st.st_size, in.limits.max_file);
        rc = reserve_id(&in) == 0 ? reject_file(&in, res, 1) : KPI_ERROR;
        goto fail;
    }
    if (opt->room != NULL && !opt->room(opt->room_ctx, path, &in.st)) {
        snprintf(res->status, sizeof res->status, "refused");
        rc = KPI_OK;
        goto fail;
    }
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0 ||
        conn_command(conn, "SELECT pg_advisory_xact_lock(7040105, 4)",
                     "could not lock ingestion") != 0)
        goto fail;
    if (already(&in, res, &found) != KPI_OK) /* another run may have taken it meanwhile */
        goto fail;
    if (found) {
        rc = conn_command(conn, "ROLLBACK", "could not roll back");
        goto fail;
    }
    if (reserve_id(&in) != 0 || insert_submission(&in, res, "accepted", NULL) != 0 ||
        peek_slow(&in, &slow) != 0)
        goto fail;

    /* fast path: one pass, the good rows into kpi.observation_load, attached after */
    if (!slow) {
        if (conn_command(conn, "SAVEPOINT ingest_fast", "could not set a savepoint") != 0 ||
            begin_load(&in) != 0 || copy_begin(&fast, conn, COPYBIN_OBSERVATION_SQL) != 0)
            goto fail;
        savepoint = fast_open = true;
        in.units_seen = calloc(codes_nunits(codes) / 8 + 1, 1);
        if (in.units_seen == NULL) {
            log_error("out of memory");
            goto fail;
        }
        copybin_header(&fast); /* a failure shows at copy_end */
    }
    enum kpi_status chk = pass_check(&in, res, &line, fast_open ? &fast : NULL);
    if (fast_open) {
        fast_open = false;
        if (chk != KPI_OK)
            fast.failed = true; /* cancels the COPY */
        else
            copybin_trailer(&fast);
        enum kpi_status ended = copy_end(&fast, &copied);
        copied += in.copied_before;
        if (ended != 0 && chk == KPI_OK) {
            if (!sqlstate_is(fast.sqlstate, SQLSTATE_UNIQUE_VIOLATION)) { /* a key twice: slow */
                log_error("could not load \"%s\": %s", path, fast.error);
                goto fail;
            }
            slow = true;
        }
    }
    if (chk == KPI_ERROR)
        goto fail;
    if (chk == KPI_REJECTED) {
        if (conn_command(conn, "ROLLBACK", "could not roll back") != 0)
            goto fail;
        rc = reject_file(&in, res, line);
        goto fail;
    }
    slow = slow || in.sum.overflow || in.sum.mixed;
    if (!slow && in.sum.n > 0) {
        if (months_arrays(&in.sum, codes, &metrics, &months) != 0 ||
            months_covered(&in, metrics, months, &slow) != 0)
            goto fail;
    }
    if (!slow && savepoint && attach_load(&in, months, &slow) != 0)
        goto fail;
    if (slow) {
        if (savepoint &&
            conn_command(conn, "ROLLBACK TO SAVEPOINT ingest_fast", "could not roll back") != 0)
            goto fail;
        if (in.sum.n > 0 && load_slow(&in, res) != 0)
            goto fail;
    } else if (in.sum.n > 0) {
        if (record_months(&in, metrics, months) != 0)
            goto fail;
        res->rows_new = copied;
    }
    if (apply_withdrawals(&in) != 0 || load_rejects(&in) != 0 || finish_submission(&in, res) != 0)
        goto fail;
    print_summary(&in, res);
    rc = KPI_OK;
fail:
    if (fast_open)
        copy_end(&fast, NULL);
    if (rc != 0)
        conn_rollback(conn);
    if (rc != 0 && in.file_problem && !interrupt_requested(NULL)) {
        defer(res); /* the file's problem, not the night's: the others go on */
        rc = KPI_OK;
    }
    free(metrics);
    free(months);
    free(in.units_seen);
    free(in.unit_ids);
    free(in.metric_ids);
    dynbuf_free(&in.withdrawals);
    months_free(&in.sum);
    fclose(in.rejects);
    return rc;
}
