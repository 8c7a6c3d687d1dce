/*
 * slowpath.c — owns the slow path of loading a submission: a second pass
 * over the file copies its good rows in COPY text format into a temporary
 * table, and a few set-based statements reject conflicts (a key with two
 * values, day and month rows of one month, here or against earlier
 * submissions), keep identical duplicates once, revise changed values
 * (the old version moved to kpi.observation_superseded) and insert new ones
 * (see slowpath.h).
 */
#include "ingest/slowpath.h"

#include "db/conn.h"
#include "common/log.h"
#include "ingest/copy.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static size_t put_date(char *s, const struct rowcheck_period *p)
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

/*
 * One COPY line for a good row into ingest_stage (the slow path): the line,
 * the key and value, the normalised period and the raw text.
 */
static enum kpi_status stage_row(const struct slowpath_file *f, struct copy *c,
                                 const struct reader_row *row, const struct rowcheck_good *g)
{
    char line[512];
    size_t n = 0;
    const char *metric = codes_metric_code(f->codes, g->metric);
    size_t mlen = strlen(metric);
    if (mlen + g->unit_len + 128 > sizeof line)
        return KPI_ERROR; /* codes are short; cannot happen with the registry's codes */
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
    bool day = g->period.grain == ROWCHECK_DAY;
    memcpy(line + n, day ? "day\t" : "month\t", day ? 4 : 6);
    n += day ? 4 : 6;
    n += put_i64(line + n, g->value);
    line[n++] = '\t';
    n += put_date(line + n, &g->period) - (day ? 0 : 3);
    line[n++] = '\t';
    if (copy_verbatim(c, line, n) != 0)
        return KPI_ERROR;
    /* the raw text serves only a rejected row: kept at most max_field bytes */
    return copy_field(c, row->raw, reader_cut(row->raw, row->raw_len, f->limits->max_field), '\n');
}

/* Pass 2: copy the good rows (already open COPY C). 0, or -1 (logged). */
static enum kpi_status pass_load(const struct slowpath_file *f, struct copy *c, bool *changed)
{
    struct reader *r = NULL;
    struct reader_row row;
    enum kpi_status rc = KPI_ERROR, st;
    bool got;
    long long rows = 0;
    if (reader_open_nofollow(f->path, false, &r) != 0) {
        *changed = true;
        return KPI_ERROR;
    }
    reader_set_limits(r, f->limits);
    st = reader_next(r, &row, &got); /* the header, checked by pass 1 */
    while (got && (st = reader_next(r, &row, &got)) == KPI_OK && got && !c->failed) {
        struct rowcheck_good g;
        int bad;
        if (rowcheck_row(f->header, f->codes, &row, &g, NULL, NULL, &bad) == KPI_OK && bad == 0 &&
            !g.withdraw && stage_row(f, c, &row, &g) != 0) /* withdrawals: load.c's */
            break;
        if ((++rows & 0xFFFF) == 0)
            progress_show(f->progress, r, "merging: ", f->data_rows);
    }
    if (c->failed) {
        rc = KPI_OK; /* copy_end tells why */
        goto done;
    }
    if (st == KPI_ERROR) {
        *changed = true; /* a read error (or a signal: the caller checks) */
        goto done;
    }
    if (st != KPI_OK || got || !reader_unchanged(r) || !reader_same_file(r, f->st)) {
        log_warn("%s: changed while it was being read (still being written?); left in place "
                 "for the next run",
                 f->path);
        *changed = true;
        goto done;
    }
    rc = KPI_OK;
done:
    progress_clear(f->progress);
    reader_close(r);
    return rc;
}

/* Run a statement with the submission id as $1; *rows = rows affected. 0 or -1 (logged). */
static enum kpi_status exec_id(const struct slowpath_file *f, const char *sql, const char *what,
                               long long *rows)
{
    const char *params[1] = {f->id};
    PGresult *res = PQexecParams(f->conn, sql, strchr(sql, '$') ? 1 : 0, NULL,
                                 strchr(sql, '$') ? params : NULL, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        log_error("could not %s: %s", what, conn_errmsg(f->conn));
        PQclear(res);
        return KPI_ERROR;
    }
    if (rows != NULL)
        *rows = strtoll(PQcmdTuples(res), NULL, 10);
    PQclear(res);
    return KPI_OK;
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
    " FROM (SELECT mk.code AS metric, uk.code AS unit_code, o.period_start, o.submission_id,"
    "              o.line_no"
    "         FROM kpi.observation_data o"
    "         JOIN kpi.metric_key mk ON mk.id = o.metric_id JOIN kpi.unit_key uk ON uk.id = "
    "o.unit_id"
    /* the month rows of the file's months only, their codes joined (not every count's) */
    "        WHERE o.grain = 'month'"
    "          AND o.period_start >= (SELECT date_trunc('month', min(period_start))::date"
    "                                   FROM ingest_stage)"
    "          AND o.period_start <= (SELECT max(period_start) FROM ingest_stage)) o"
    " JOIN kpi.submission sub ON sub.id = o.submission_id"
    " WHERE s.reason IS NULL AND s.grain = 'day'"
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
    /* the numbers of the codes of kpi.observation_data, new codes numbered */
    "INSERT INTO kpi.metric_key (code) SELECT DISTINCT metric FROM ingest_stage"
    " WHERE reason IS NULL ON CONFLICT (code) DO NOTHING",
    "INSERT INTO kpi.unit_key (code) SELECT DISTINCT unit_code FROM ingest_stage"
    " WHERE reason IS NULL ON CONFLICT (code) DO NOTHING",
    /* one row per key: identical duplicates are kept once (the first line) */
    "CREATE TEMP TABLE ingest_win ON COMMIT DROP AS"
    " SELECT DISTINCT ON (s.metric, s.unit_code, s.period_start, s.grain)"
    "        s.metric, s.unit_code, s.period_start, s.grain, s.value, s.line_no,"
    "        m.id AS metric_id, u.id AS unit_id"
    "   FROM ingest_stage s JOIN kpi.metric_key m ON m.code = s.metric"
    "   JOIN kpi.unit_key u ON u.code = s.unit_code WHERE s.reason IS NULL"
    "  ORDER BY s.metric, s.unit_code, s.period_start, s.grain, s.line_no",
    NULL, /* the conflicts into kpi.rejected_row: store_conflicts */
    "INSERT INTO kpi.observation_month (metric, month)"
    " SELECT DISTINCT metric, date_trunc('month', period_start)::date FROM ingest_win"
    " ON CONFLICT DO NOTHING",
    "ANALYZE ingest_win",
    /* the current version of each key of the file, read once (the months of
       the file only: the other partitions are pruned) */
    "CREATE TEMP TABLE ingest_old ON COMMIT DROP AS"
    " SELECT w.metric, w.unit_code, o.period_start, o.grain, o.value, o.submission_id,"
    "        o.line_no, o.valid_from, w.value AS new_value, w.line_no AS new_line,"
    "        o.metric_id, o.unit_id"
    "   FROM ingest_win w JOIN kpi.observation_data o"
    "        USING (metric_id, unit_id, period_start, grain)"
    "  WHERE o.period_start >= (SELECT min(period_start) FROM ingest_win)"
    "    AND o.period_start <= (SELECT max(period_start) FROM ingest_win)",
    /* revisions: the current version moves to kpi.observation_superseded */
    "INSERT INTO kpi.observation_superseded (metric, unit_code, period_start, grain, value,"
    "        submission_id, line_no, valid_from, valid_to)"
    " SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,"
    "        valid_from, now()"
    "   FROM ingest_old WHERE value <> new_value",
    "UPDATE kpi.observation_data o SET value = x.new_value, submission_id = $1,"
    "       line_no = x.new_line, valid_from = now()"
    "  FROM ingest_old x WHERE o.metric_id = x.metric_id AND o.unit_id = x.unit_id"
    "   AND o.period_start = x.period_start AND o.grain = x.grain AND x.value <> x.new_value",
    /* new keys: not in the current versions read above */
    "INSERT INTO kpi.observation_data (metric_id, unit_id, period_start, grain, value,"
    "        submission_id, line_no)"
    " SELECT w.metric_id, w.unit_id, w.period_start, w.grain, w.value, $1, w.line_no"
    "   FROM ingest_win w WHERE NOT EXISTS (SELECT 1 FROM ingest_old x"
    "  WHERE x.metric_id = w.metric_id AND x.unit_id = w.unit_id"
    "    AND x.period_start = w.period_start AND x.grain = w.grain)",
};
enum { SLOW_REJECTS = 7, SLOW_REVISED = 12, SLOW_NEW = 13 };

/*
 * The conflicts into kpi.rejected_row, the first f->store_budget of them in
 * line order: *rejected all of them, *stored those kept. 0, or -1 (logged).
 */
static enum kpi_status store_conflicts(const struct slowpath_file *f, long long *rejected,
                                       long long *stored)
{
    char budget[24];
    snprintf(budget, sizeof budget, "%lld", f->store_budget > 0 ? f->store_budget : 0);
    const char *params[2] = {f->id, budget};
    PGresult *res = conn_exec(
        f->conn,
        "WITH kept AS (INSERT INTO kpi.rejected_row (submission_id, line_no, column_name, reason,"
        "                     raw)"
        "              SELECT $1, line_no, column_name, reason, raw FROM ingest_stage"
        "               WHERE reason IS NOT NULL ORDER BY line_no LIMIT $2 RETURNING 1)"
        " SELECT (SELECT count(*) FROM ingest_stage WHERE reason IS NOT NULL),"
        "        (SELECT count(*) FROM kept)",
        2, params, "could not record the conflicts");
    if (res == NULL)
        return KPI_ERROR;
    *rejected = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    *stored = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
    PQclear(res);
    return KPI_OK;
}

/* Print the conflicts the slow path found (within the message budget). */
static enum kpi_status print_conflicts(const struct slowpath_file *f)
{
    char limit[24];
    long long left = f->budget;
    snprintf(limit, sizeof limit, "%lld", left > 0 ? left : 0);
    const char *params[1] = {limit};
    PGresult *res = PQexecParams(f->conn,
                                 "SELECT line_no, reason FROM ingest_stage WHERE reason IS NOT NULL"
                                 " ORDER BY line_no LIMIT $1",
                                 1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read the conflicts: %s", conn_errmsg(f->conn));
        PQclear(res);
        return KPI_ERROR;
    }
    for (int i = 0; i < PQntuples(res); i++)
        log_error("%s:%s: %s", f->path, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
    PQclear(res);
    return KPI_OK;
}

enum kpi_status slowpath_load(const struct slowpath_file *f, struct slowpath_counts *res)
{
    memset(res, 0, sizeof *res);
    struct copy c;
    long long staged = 0, rejected = 0, winners = 0;
    if (exec_id(f,
                "CREATE TEMP TABLE ingest_stage (line_no bigint NOT NULL, metric text NOT NULL,"
                " unit_code text NOT NULL, period_start date NOT NULL, grain text NOT NULL,"
                " value bigint NOT NULL, period text NOT NULL, raw text NOT NULL,"
                " column_name text, reason text) ON COMMIT DROP",
                "create the staging table", NULL) != 0)
        return KPI_ERROR;
    if (copy_begin(&c, f->conn,
                   "COPY ingest_stage (line_no, metric, unit_code, period_start, grain,"
                   " value, period, raw) FROM STDIN") != 0)
        return KPI_ERROR;
    if (pass_load(f, &c, &res->changed) != 0) {
        copy_end(&c, NULL);
        return KPI_ERROR;
    }
    if (copy_end(&c, &staged) != 0) {
        log_error("could not load \"%s\": %s", f->path, c.error);
        return KPI_ERROR;
    }
    /* the statements below joined over a staging table of unknown size: a night's file
       (205,902 rows) took 3.3 s to find its day rows under a month row, 0.6 s analysed */
    if (exec_id(f, "ANALYZE ingest_stage", "analyse the staging table", NULL) != 0)
        return KPI_ERROR;
    for (size_t i = 0; i < sizeof slow_sql / sizeof slow_sql[0]; i++) {
        long long n = 0;
        if (i == SLOW_REJECTS) {
            if (store_conflicts(f, &rejected, &res->stored) != 0)
                return KPI_ERROR;
            continue;
        }
        if (exec_id(f, slow_sql[i], "merge the values", &n) != 0)
            return KPI_ERROR;
        if (i == SLOW_REVISED)
            res->rows_revised = n;
        else if (i == SLOW_NEW)
            res->rows_new = n;
        else if (i == SLOW_REJECTS - 1)
            winners = n;
    }
    if (rejected > 0 && print_conflicts(f) != 0)
        return KPI_ERROR;
    res->rejected = rejected;
    res->rows_unchanged = winners - res->rows_revised - res->rows_new;
    return KPI_OK;
}
