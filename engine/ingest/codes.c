/*
 * codes.c — owns the sets of codes a submission row is checked against: the
 * unit codes of the dated registry (kpi.unit_dated) with the intervals of those
 * whose meaning is dated, the metric codes of kpi.metric (each numbered, in
 * hash sets of open addressing), and today's date (see codes.h).
 */
#include "ingest/codes.h"

#include "db/conn.h"
#include "common/log.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Whether S (N bytes) is in SET; *val its value (-1 when not). */
static bool strset_find(const struct strset *set, const char *s, size_t n, int *val)
{
    *val = -1;
    if (set->cap == 0)
        return false;
    for (size_t i = fnv1a(s, n) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
        const char *k = set->keys[i];
        if (k == NULL)
            return false;
        if (strncmp(k, s, n) == 0 && k[n] == '\0') {
            *val = set->vals[i];
            return true;
        }
    }
}

static enum kpi_status strset_add(struct strset *set, const char *s, int val)
{
    if ((set->n + 1) * 2 > set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 1024;
        char **keys = calloc(cap, sizeof *keys);
        int *vals = calloc(cap, sizeof *vals);
        if (keys == NULL || vals == NULL) {
            free(keys);
            free(vals);
            return KPI_ERROR;
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
            return KPI_OK;
        i = (i + 1) & (set->cap - 1);
    }
    set->keys[i] = strdup(s);
    if (set->keys[i] == NULL)
        return KPI_ERROR;
    set->vals[i] = val;
    set->n++;
    return KPI_OK;
}

static void strset_free(struct strset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->keys[i]);
    free(set->keys);
    free(set->vals);
}

/* The days a dated unit code names a unit (YYYYMMDD, inclusive), and what it meant. */
struct dated {
    long *from, *to;
    int n;
    char *hint; /* Vietnamese: "mã 05443 từ 01/07/2025 là …; trước đó là …" */
};

struct codes {
    struct strset units, metrics;
    struct dated *dated; /* by unit number; n == 0: valid on every day */
    char **unit_code;    /* by the value stored in units */
    size_t nunits;       /* the values stored in units are below it */
    char **metric_code;  /* by the value stored in metrics */
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

enum kpi_status codes_new(const char *const *units, size_t nunits, const char *const *metrics,
                          size_t nmetrics, const char *today, struct codes **out)
{
    struct codes *s = calloc(1, sizeof *s);
    *out = NULL;
    if (s == NULL)
        goto fail;
    s->nmetrics = nmetrics;
    s->nunits = nunits;
    s->metric_code = calloc(nmetrics + 1, sizeof *s->metric_code);
    s->unit_code = calloc(nunits + 1, sizeof *s->unit_code);
    if (s->metric_code == NULL || s->unit_code == NULL)
        goto fail;
    for (size_t i = 0; i < nunits; i++) {
        s->unit_code[i] = strdup(units[i]);
        if (s->unit_code[i] == NULL || strset_add(&s->units, units[i], (int)i) != 0)
            goto fail;
    }
    for (size_t i = 0; i < nmetrics; i++) {
        s->metric_code[i] = strdup(metrics[i]);
        if (s->metric_code[i] == NULL || strset_add(&s->metrics, s->metric_code[i], (int)i) != 0)
            goto fail;
    }
    snprintf(s->today, sizeof s->today, "%s", today);
    s->today_n = strtol(s->today, NULL, 10) * 10000 + strtol(s->today + 5, NULL, 10) * 100 +
                 strtol(s->today + 8, NULL, 10);
    *out = s;
    return KPI_OK;
fail:
    log_error("out of memory");
    codes_free(s);
    return KPI_ERROR;
}

/* The first column of every row of RES, as an array (caller frees it, not the strings). */
static const char **column(const PGresult *res)
{
    const char **v = calloc((size_t)PQntuples(res) + 1, sizeof *v);
    for (int i = 0; v != NULL && i < PQntuples(res); i++)
        v[i] = PQgetvalue(res, i, 0);
    return v;
}

/*
 * The intervals of the codes whose meaning is dated, and each code's hint:
 * its meanings, newest first ("từ 01/07/2025 là …; trước đó là …"), with the
 * units that took an old one under another code ("nay thuộc …").
 */
static const char dated_sql[] =
    "WITH d AS ("
    " SELECT d.code, d.valid_from, d.valid_to, d.name, d.current,"
    "        lead(d.valid_from) OVER (PARTITION BY d.code ORDER BY d.valid_from) AS next_from,"
    "        row_number() OVER (PARTITION BY d.code ORDER BY d.valid_from DESC) AS rn"
    "   FROM kpi.unit_dated d"
    "  WHERE d.code IN (SELECT code FROM kpi.unit_dated"
    "                    WHERE valid_from > '-infinity' OR valid_to < 'infinity')),"
    " p AS ("
    " SELECT d.*, CASE WHEN d.rn > 1 AND d.valid_from = '-infinity'"
    "                   AND d.next_from = d.valid_to + 1"
    "              THEN 'trước đó là ' || d.name"
    "              ELSE concat_ws(' ',"
    "                     CASE WHEN d.valid_from > '-infinity'"
    "                          THEN 'từ ' || to_char(d.valid_from, 'DD/MM/YYYY') END,"
    "                     CASE WHEN d.valid_to < 'infinity'"
    "                          THEN 'đến ' || to_char(d.valid_to, 'DD/MM/YYYY') END,"
    "                     'là ' || d.name) END"
    "          || coalesce(', nay thuộc ' ||"
    "               (SELECT string_agg(n.name || ' (' || n.code || ')', ', ' ORDER BY n.code)"
    "                  FROM kpi.unit_succession s JOIN kpi.unit n ON n.code = s.new_code"
    "                 WHERE NOT d.current AND s.old_code = d.code"
    "                   AND s.old_valid_to = d.valid_to AND n.code <> d.code), '') AS piece"
    "   FROM d)"
    " SELECT code,"
    "        string_agg(CASE WHEN valid_from = '-infinity' THEN '0'"
    "                        ELSE to_char(valid_from, 'YYYYMMDD') END, ',' ORDER BY rn),"
    "        string_agg(CASE WHEN valid_to = 'infinity' THEN '99999999'"
    "                        ELSE to_char(valid_to, 'YYYYMMDD') END, ',' ORDER BY rn),"
    "        'mã ' || code || ' ' || string_agg(piece, '; ' ORDER BY rn), count(*)"
    "   FROM p GROUP BY code";

/* Parse N comma-separated YYYYMMDD numbers of S into V. */
static void days(const char *s, long *v, int n)
{
    for (int i = 0; i < n; i++) {
        char *end;
        v[i] = strtol(s, &end, 10);
        s = *end == ',' ? end + 1 : end;
    }
}

/* Read the dated codes into C->dated. 0, or -1 (logged). */
static enum kpi_status load_dated(PGconn *conn, struct codes *c)
{
    PGresult *r = query(conn, dated_sql, "read the dated units");
    if (r == NULL)
        return KPI_ERROR;
    c->dated = calloc(c->nunits + 1, sizeof *c->dated);
    if (c->dated == NULL)
        goto oom;
    for (int i = 0; i < PQntuples(r); i++) {
        int idx;
        const char *code = PQgetvalue(r, i, 0);
        if (!codes_unit(c, code, strlen(code), &idx))
            continue; /* changed since the codes were read: the next run sees it */
        struct dated *d = &c->dated[idx];
        d->n = atoi(PQgetvalue(r, i, 4));
        d->from = calloc((size_t)d->n, sizeof *d->from);
        d->to = calloc((size_t)d->n, sizeof *d->to);
        d->hint = strdup(PQgetvalue(r, i, 3));
        if (d->from == NULL || d->to == NULL || d->hint == NULL)
            goto oom;
        days(PQgetvalue(r, i, 1), d->from, d->n);
        days(PQgetvalue(r, i, 2), d->to, d->n);
    }
    PQclear(r);
    return KPI_OK;
oom:
    log_error("out of memory");
    PQclear(r);
    return KPI_ERROR;
}

enum kpi_status codes_load(PGconn *conn, struct codes **out)
{
    PGresult *units, *metrics, *today;
    const char **u = NULL, **m = NULL;
    enum kpi_status rc = KPI_ERROR;
    *out = NULL;
    units = query(conn, "SELECT DISTINCT code FROM kpi.unit_dated", "read the unit registry");
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
    rc = codes_new(u, (size_t)PQntuples(units), m, (size_t)PQntuples(metrics),
                   PQgetvalue(today, 0, 0), out);
    if (rc == KPI_OK && load_dated(conn, *out) != 0) {
        codes_free(*out);
        *out = NULL;
        rc = KPI_ERROR;
    }
fail:
    free(u);
    free(m);
    PQclear(units);
    PQclear(metrics);
    PQclear(today);
    return rc;
}

void codes_free(struct codes *s)
{
    if (s == NULL)
        return;
    strset_free(&s->units);
    for (size_t i = 0; s->dated != NULL && i < s->nunits; i++) {
        free(s->dated[i].from);
        free(s->dated[i].to);
        free(s->dated[i].hint);
    }
    free(s->dated);
    strset_free(&s->metrics);
    for (size_t i = 0; s->metric_code != NULL && i < s->nmetrics; i++)
        free(s->metric_code[i]);
    free(s->metric_code);
    for (size_t i = 0; s->unit_code != NULL && i < s->nunits; i++)
        free(s->unit_code[i]);
    free(s->unit_code);
    free(s);
}

bool codes_unit(const struct codes *c, const char *s, size_t n, int *idx)
{
    return strset_find(&c->units, s, n, idx);
}

bool codes_unit_on(const struct codes *c, int idx, long ymd, const char **hint)
{
    *hint = NULL;
    if (c->dated == NULL || idx < 0 || (size_t)idx >= c->nunits || c->dated[idx].n == 0)
        return true;
    const struct dated *d = &c->dated[idx];
    for (int i = 0; i < d->n; i++)
        if (d->from[i] <= ymd && ymd <= d->to[i])
            return true;
    *hint = d->hint;
    return false;
}

bool codes_metric(const struct codes *c, const char *s, size_t n, int *idx)
{
    return strset_find(&c->metrics, s, n, idx);
}

size_t codes_nunits(const struct codes *c)
{
    return c->nunits;
}

size_t codes_nmetrics(const struct codes *c)
{
    return c->nmetrics;
}

const char *codes_unit_code(const struct codes *c, int i)
{
    return c->unit_code[i];
}

const char *codes_metric_code(const struct codes *c, int i)
{
    return c->metric_code[i];
}

const char *codes_today(const struct codes *c)
{
    return c->today;
}

long codes_today_n(const struct codes *c)
{
    return c->today_n;
}
