/*
 * units.c — owns the dated unit registry (kpi.unit, kpi.unit_past,
 * kpi.unit_succession): loading it from a registry CSV and from the national
 * crosswalk (through the ingest reader and COPY stream), listing it and telling
 * a code's history (see units.h).
 */
#include "ingest/units.h"

#include "db/conn.h"
#include "ingest/copy.h"
#include "ingest/reader.h"
#include "common/log.h"
#include "common/period.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A CSV staged into a temp table of text columns (absent or empty fields: NULL). */
struct stage_spec {
    const char *create;       /* CREATE TEMP TABLE of line_no and the columns, in names' order */
    const char *copy;         /* COPY into it of line_no and the columns */
    const char *const *names; /* the columns the header may name */
    int ncols;
    unsigned required;  /* bit c: column c must be in the header */
    const char *listed; /* the columns, for messages */
    /* problems of one row (fields by column, NULL when absent), printed; how many */
    int (*check)(const char *path, long long line, const char *const *f);
};

enum { U_CODE, U_NAME, U_KIND, U_PARENT, U_FROM, U_TO, U_NCOLS };
static const char *const unit_column[U_NCOLS] = {"code",        "name",       "kind",
                                                 "parent_code", "valid_from", "valid_to"};

enum {
    X_NPROV,
    X_NPROVNAME,
    X_NCODE,
    X_NNAME,
    X_OCODE,
    X_ONAME,
    X_DCODE,
    X_DNAME,
    X_OPROV,
    X_OPROVNAME,
    X_PART,
    X_WEIGHT,
    X_NCOLS
};
static const char *const cross_column[X_NCOLS] = {"new_province_code",
                                                  "new_province_name",
                                                  "new_code",
                                                  "new_name",
                                                  "old_code",
                                                  "old_name",
                                                  "old_district_code",
                                                  "old_district_name",
                                                  "old_province_code",
                                                  "old_province_name",
                                                  "part",
                                                  "weight"};

static bool code_ok(const char *s)
{
    if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
        return false;
    return strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.-") ==
           strlen(s);
}

static bool kind_ok(const char *s)
{
    return *s >= 'a' && *s <= 'z' &&
           strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(s);
}

/* Whether S is a day YYYY-MM-DD of the calendar. */
static bool date_ok(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || strspn(s, "0123456789") != 4 ||
        strspn(s + 5, "0123456789") != 2 || strspn(s + 8, "0123456789") != 2)
        return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= period_days_in_month(y, m);
}

static int check_unit_row(const char *path, long long line, const char *const *f)
{
    const char *code = f[U_CODE], *kind = f[U_KIND], *parent = f[U_PARENT];
    int bad = 0;
    if (code == NULL || !code_ok(code)) {
        log_error("%s:%lld: code \"%s\" is not a unit code (letters, digits, _ . -)", path, line,
                  code ? code : "");
        bad++;
    }
    if (f[U_NAME] == NULL) {
        log_error("%s:%lld: empty name", path, line);
        bad++;
    }
    if (kind == NULL || !kind_ok(kind)) {
        log_error("%s:%lld: kind \"%s\" must be lower case, e.g. xa, phuong, hospital", path, line,
                  kind ? kind : "");
        bad++;
    }
    if ((kind != NULL && strcmp(kind, "province") == 0) != (parent == NULL)) {
        log_error("%s:%lld: %s", path, line,
                  parent ? "a province has no parent_code"
                         : "empty parent_code; every unit but a province has a parent");
        bad++;
    }
    for (int c = U_FROM; c <= U_TO; c++) {
        if (f[c] != NULL && !date_ok(f[c])) {
            log_error("%s:%lld: %s \"%s\" is not a day YYYY-MM-DD", path, line, unit_column[c],
                      f[c]);
            bad++;
        }
    }
    if (bad == 0 && f[U_FROM] != NULL && f[U_TO] != NULL && strcmp(f[U_FROM], f[U_TO]) > 0) {
        log_error("%s:%lld: valid_from %s is after valid_to %s", path, line, f[U_FROM], f[U_TO]);
        bad++;
    }
    return bad;
}

static int check_cross_row(const char *path, long long line, const char *const *f)
{
    static const int codes[] = {X_NPROV, X_NCODE, X_OCODE, X_DCODE, X_OPROV};
    int bad = 0;
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        const char *s = f[codes[i]];
        if (s == NULL || !code_ok(s)) {
            log_error("%s:%lld: %s \"%s\" is not a unit code", path, line, cross_column[codes[i]],
                      s ? s : "");
            bad++;
        }
    }
    if (f[X_ONAME] == NULL || f[X_DNAME] == NULL || f[X_OPROVNAME] == NULL) {
        log_error("%s:%lld: empty name (old_name, old_district_name and old_province_name are "
                  "needed)",
                  path, line);
        bad++;
    }
    const char *part = f[X_PART] ? f[X_PART] : "";
    if (strcmp(part, "full") != 0 && strcmp(part, "partial") != 0) {
        log_error("%s:%lld: part \"%s\" must be full or partial", path, line, part);
        bad++;
    }
    const char *w = f[X_WEIGHT];
    if (w != NULL) {
        char *end;
        double x = strtod(w, &end); /* only to check the range; stored as NUMERIC text */
        if (*end != '\0' || strspn(w, "0123456789.") != strlen(w) || !(x > 0 && x <= 1)) {
            log_error("%s:%lld: weight \"%s\" must be a share above 0 and at most 1, e.g. 0.35",
                      path, line, w);
            bad++;
        } else if (strcmp(part, "full") == 0 && x != 1) {
            log_error("%s:%lld: a full part has weight 1 (or none)", path, line);
            bad++;
        }
    }
    return bad;
}

static const struct stage_spec unit_spec = {
    "CREATE TEMP TABLE unit_stage (line_no bigint, code text, "
    "name text, kind text, parent_code text, valid_from "
    "text, valid_to text) ON COMMIT DROP",
    "COPY unit_stage (line_no, code, name, kind, "
    "parent_code, valid_from, valid_to) FROM STDIN",
    unit_column,
    U_NCOLS,
    (1u << U_NCOLS) - 1 - (1u << U_FROM) - (1u << U_TO),
    "code, name, kind, parent_code (valid_from, valid_to)",
    check_unit_row};
static const struct stage_spec cross_spec = {
    "CREATE TEMP TABLE cross_stage (line_no bigint, new_province_code text, new_province_name "
    "text, new_code text, new_name text, old_code text, old_name text, old_district_code text, "
    "old_district_name text, old_province_code text, old_province_name text, part text, weight "
    "text) ON COMMIT DROP",
    "COPY cross_stage (line_no, new_province_code, new_province_name, new_code, new_name, "
    "old_code, old_name, old_district_code, old_district_name, old_province_code, "
    "old_province_name, part, weight) FROM STDIN",
    cross_column,
    X_NCOLS,
    (1u << X_NCOLS) - 1 - (1u << X_NPROVNAME) - (1u << X_NNAME) - (1u << X_WEIGHT),
    "new_province_code, new_code, old_code, old_name, old_district_code, old_district_name, "
    "old_province_code, old_province_name, part (new_province_name, new_name, weight)",
    check_cross_row};

/* Map the header; 0, or KPI_REJECTED after printing the problem. */
static enum kpi_status header(const struct stage_spec *sp, const char *path,
                              const struct reader_row *row, int *col)
{
    for (int c = 0; c < sp->ncols; c++)
        col[c] = -1;
    for (size_t i = 0; i < row->nfields; i++) {
        int c = 0;
        while (c < sp->ncols && strcmp(row->field[i], sp->names[c]) != 0)
            c++;
        if (c == sp->ncols || col[c] >= 0) {
            log_error("%s:%lld: %s column \"%s\" in the header; the columns are %s", path,
                      row->line_no, c == sp->ncols ? "unknown" : "repeated", row->field[i],
                      sp->listed);
            return KPI_REJECTED;
        }
        col[c] = (int)i;
    }
    for (int c = 0; c < sp->ncols; c++) {
        if (col[c] < 0 && (sp->required & (1u << c))) {
            log_error("%s:%lld: the header lacks the column \"%s\" (%s)", path, row->line_no,
                      sp->names[c], sp->listed);
            return KPI_REJECTED;
        }
    }
    return KPI_OK;
}

/*
 * Stage PATH into the temp table of SP (line_no bigint, one text column per
 * name; *staged: it exists); res->problems counts refused rows.
 */
static enum kpi_status stage(PGconn *conn, const struct stage_spec *sp, const char *path,
                             struct units_result *res, bool *staged)
{
    struct reader *r = NULL;
    struct reader_row row;
    struct copy c;
    int col[16];
    const char *f[16];
    enum kpi_status rc = KPI_ERROR, st;
    bool got;
    if (reader_open(path, false, &r) != 0)
        return KPI_ERROR;
    st = reader_next(r, &row, &got);
    if (st == KPI_OK && !got)
        log_error("%s:1: empty file; the first line must be the header (%s)", path, sp->listed);
    if ((st == KPI_OK && !got) || (got && header(sp, path, &row, col) != 0)) {
        res->problems++;
        rc = KPI_OK;
        goto fail;
    }
    if (got) {
        size_t ncols = row.nfields;
        if (conn_command(conn, sp->create, "could not create the staging table") != 0 ||
            copy_begin(&c, conn, sp->copy) != 0)
            goto fail;
        *staged = true;
        while ((st = reader_next(r, &row, &got)) == KPI_OK && got) {
            res->rows++;
            if (row.malformed != NULL || row.nfields != ncols) {
                log_error("%s:%lld: %s", path, row.line_no,
                          row.malformed ? row.malformed
                                        : "the row has not as many fields as the header");
                res->problems++;
                continue;
            }
            for (int k = 0; k < sp->ncols; k++)
                f[k] = col[k] >= 0 && row.len[col[k]] > 0 ? row.field[col[k]] : NULL;
            if (sp->check(path, row.line_no, f) > 0) {
                res->problems++;
                continue;
            }
            char num[24];
            int n = snprintf(num, sizeof num, "%lld\t", row.line_no);
            copy_verbatim(&c, num, (size_t)n);
            for (int k = 0; k < sp->ncols; k++) {
                char sep = k + 1 < sp->ncols ? '\t' : '\n';
                if (f[k] == NULL)
                    copy_null(&c, sep);
                else
                    copy_field(&c, f[k], strlen(f[k]), sep);
            }
        }
        if (copy_end(&c, NULL) != 0) {
            log_error("could not load \"%s\": %s", path, c.error);
            goto fail;
        }
    }
    if (st == KPI_REJECTED) {
        long long line;
        const char *why = reader_problem(r, &line);
        log_error("%s:%lld: %s", path, line, why);
        res->problems++;
    }
    rc = st == KPI_ERROR ? KPI_ERROR : KPI_OK;
fail:
    reader_close(r);
    return rc;
}

/*
 * Run SQL, a check returning (line_no, message) rows; print each as
 * "PATH:LINE: message" and count it in res->problems. 0, or -1 (logged).
 */
static enum kpi_status report_rows(PGconn *conn, const char *sql, const char *path,
                                   struct units_result *res)
{
    PGresult *r = PQexec(conn, sql);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not check the units: %s", conn_errmsg(conn));
        PQclear(r);
        return KPI_ERROR;
    }
    for (int i = 0; i < PQntuples(r); i++)
        log_error("%s:%s: %s", path, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1));
    res->problems += PQntuples(r);
    PQclear(r);
    return KPI_OK;
}

/* Run SQL returning one row of counts; add them to *a and *b. 0, or -1 (logged). */
static enum kpi_status count2(PGconn *conn, const char *sql, const char *const *params, int nparams,
                              long long *a, long long *b)
{
    PGresult *r = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not load the units: %s", conn_errmsg(conn));
        PQclear(r);
        return KPI_ERROR;
    }
    *a += strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    if (b != NULL)
        *b += strtoll(PQgetvalue(r, 0, 1), NULL, 10);
    PQclear(r);
    return KPI_OK;
}

/* The tail of an upsert CTE u RETURNING (xmax = 0) AS inserted: its new and updated rows. */
#define UPSERT_COUNTS                                                                              \
    " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM u"

/* Set-based checks: duplicates, unknown parents. */
static enum kpi_status check_staged(PGconn *conn, const char *path, struct units_result *res)
{
    return report_rows(
        conn,
        "SELECT line_no, format('code \"%s\" appears twice in the file (lines %s)', code,"
        "       (SELECT string_agg(line_no::text, ', ' ORDER BY line_no) FROM unit_stage d"
        "         WHERE d.code = s.code AND d.valid_to IS NOT DISTINCT FROM s.valid_to))"
        "  FROM unit_stage s WHERE (SELECT count(*) FROM unit_stage d WHERE d.code = s.code"
        "         AND d.valid_to IS NOT DISTINCT FROM s.valid_to) > 1"
        " UNION ALL "
        "SELECT line_no, format('parent_code \"%s\" is neither in the file nor registered',"
        "       parent_code)"
        "  FROM unit_stage s WHERE parent_code IS NOT NULL"
        "   AND NOT EXISTS (SELECT 1 FROM unit_stage p WHERE p.code = s.parent_code)"
        "   AND NOT EXISTS (SELECT 1 FROM kpi.unit_dated p WHERE p.code = s.parent_code)"
        " ORDER BY 1",
        path, res);
}

static enum kpi_status upsert(PGconn *conn, const char *path, struct units_result *res)
{
    /* earlier meanings: a row that ended before today */
    if (count2(conn,
               "WITH u AS ("
               " INSERT INTO kpi.unit_past AS t (code, valid_from, valid_to, name, kind,"
               "   parent_code)"
               " SELECT code, valid_from::date, valid_to::date, name, kind, parent_code"
               "   FROM unit_stage WHERE valid_to::date < current_date"
               " ON CONFLICT (code, valid_to) DO UPDATE SET valid_from = EXCLUDED.valid_from,"
               "   name = EXCLUDED.name, kind = EXCLUDED.kind,"
               "   parent_code = EXCLUDED.parent_code, updated_at = now()"
               " WHERE (t.valid_from, t.name, t.kind, t.parent_code) IS DISTINCT FROM"
               "   (EXCLUDED.valid_from, EXCLUDED.name, EXCLUDED.kind, EXCLUDED.parent_code)"
               " RETURNING (xmax = 0) AS inserted)" UPSERT_COUNTS,
               NULL, 0, &res->inserted, &res->updated) != 0)
        return KPI_ERROR;
    /* a new meaning from valid_from: the registered one is kept until the day before */
    if (conn_command(conn,
                     "INSERT INTO kpi.unit_past (code, valid_from, valid_to, name, kind,"
                     "   parent_code)"
                     " SELECT t.code, t.valid_from, s.valid_from::date - 1, t.name, t.kind,"
                     "   t.parent_code"
                     "   FROM unit_stage s JOIN kpi.unit t ON t.code = s.code"
                     "  WHERE (s.valid_to IS NULL OR s.valid_to::date >= current_date)"
                     "    AND s.valid_from::date > coalesce(t.valid_from, '-infinity')"
                     "    AND (t.name, t.kind, t.parent_code) IS DISTINCT FROM"
                     "        (s.name, s.kind, s.parent_code)"
                     " ON CONFLICT (code, valid_to) DO NOTHING",
                     "could not keep the earlier meanings") != 0)
        return KPI_ERROR;
    if (count2(conn,
               "WITH u AS ("
               " INSERT INTO kpi.unit AS t (code, name, kind, parent_code, valid_from, valid_to)"
               " SELECT code, name, kind, parent_code, valid_from::date, valid_to::date"
               "   FROM unit_stage WHERE valid_to IS NULL OR valid_to::date >= current_date"
               " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,"
               "   parent_code = EXCLUDED.parent_code,"
               "   valid_from = coalesce(EXCLUDED.valid_from, t.valid_from),"
               "   valid_to = EXCLUDED.valid_to, updated_at = now()"
               " WHERE (t.name, t.kind, t.parent_code, t.valid_to, t.valid_from) IS DISTINCT FROM"
               "   (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.parent_code, EXCLUDED.valid_to,"
               "    coalesce(EXCLUDED.valid_from, t.valid_from))"
               " RETURNING (xmax = 0) AS inserted)" UPSERT_COUNTS,
               NULL, 0, &res->inserted, &res->updated) != 0)
        return KPI_ERROR;
    /* every unit of today's map must lead up to a province (no cycle of parents) */
    return report_rows(conn,
                       "WITH RECURSIVE up (code) AS ("
                       " SELECT code FROM kpi.unit WHERE parent_code IS NULL"
                       " UNION SELECT u.code FROM kpi.unit u JOIN up ON u.parent_code = up.code)"
                       " SELECT s.line_no, format('unit \"%s\" does not lead up to a province"
                       " (a cycle of parent_code?)', s.code) FROM unit_stage s"
                       " WHERE (s.valid_to IS NULL OR s.valid_to::date >= current_date)"
                       "   AND NOT EXISTS (SELECT 1 FROM up WHERE up.code = s.code)"
                       " ORDER BY 1",
                       path, res);
}

/* Stage with SP, then (no problem) LOAD; one transaction, rolled back on any problem. */
static enum kpi_status
load_file(PGconn *conn, const struct stage_spec *sp, const char *path, struct units_result *res,
          enum kpi_status (*load)(PGconn *, const char *, struct units_result *, const void *),
          const void *arg)
{
    bool staged = false;
    memset(res, 0, sizeof *res);
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0)
        return KPI_ERROR;
    if (stage(conn, sp, path, res, &staged) != 0)
        goto fail;
    if (staged && load(conn, path, res, arg) != 0)
        goto fail;
    if (res->problems > 0)
        return conn_command(conn, "ROLLBACK", "could not roll back");
    return conn_command(conn, "COMMIT", "could not commit");
fail:
    conn_command(conn, "ROLLBACK", "could not roll back");
    return KPI_ERROR;
}

static enum kpi_status load_units(PGconn *conn, const char *path, struct units_result *res,
                                  const void *arg)
{
    (void)arg;
    if (check_staged(conn, path, res) != 0)
        return KPI_ERROR;
    return res->problems == 0 ? upsert(conn, path, res) : KPI_OK;
}

enum kpi_status units_load(PGconn *conn, const char *path, struct units_result *res)
{
    return load_file(conn, &unit_spec, path, res, load_units, NULL);
}

/* The kind of an old unit, from its name: Phường, Xã, Thị trấn, a district, a province. */
#define KIND_OF(n, fallback)                                                                       \
    "CASE WHEN " n " LIKE 'Phường %' THEN 'phuong' WHEN " n " LIKE 'Xã %' THEN 'xa'"              \
    " WHEN " n " LIKE 'Thị trấn %' THEN 'thi_tran' WHEN " n " LIKE 'Đặc khu %' THEN 'dac_khu'"  \
    " ELSE '" fallback "' END"

static enum kpi_status load_crosswalk(PGconn *conn, const char *path, struct units_result *res,
                                      const void *arg)
{
    const char *params[1] = {arg};
    /* the same old unit named twice with different names, or one link twice */
    if (report_rows(conn,
                    "SELECT min(line_no), format('old unit \"%s\" has %s names in the file',"
                    "       code, count(DISTINCT name))"
                    "  FROM (SELECT line_no, old_code, old_name FROM cross_stage UNION ALL"
                    "        SELECT line_no, old_district_code, old_district_name FROM cross_stage"
                    "        UNION ALL SELECT line_no, old_province_code, old_province_name"
                    "          FROM cross_stage) AS o(line_no, code, name)"
                    " GROUP BY code HAVING count(DISTINCT name) > 1"
                    " UNION ALL "
                    "SELECT min(line_no), format('old unit \"%s\" goes to \"%s\" twice', old_code,"
                    "       new_code)"
                    "  FROM cross_stage GROUP BY old_code, new_code HAVING count(*) > 1"
                    " ORDER BY 1",
                    path, res) != 0)
        return KPI_ERROR;
    if (res->problems > 0)
        return KPI_OK;
    if (count2(conn,
               "SELECT count(*) FROM cross_stage s"
               " WHERE NOT EXISTS (SELECT 1 FROM kpi.unit u WHERE u.code = s.new_code)",
               NULL, 0, &res->skipped, NULL) != 0)
        return KPI_ERROR;
    /* the rows whose new unit is on today's map, and the day before the change */
    if (conn_command(conn,
                     "CREATE TEMP TABLE cross_use ON COMMIT DROP AS"
                     " SELECT s.* FROM cross_stage s"
                     "  WHERE EXISTS (SELECT 1 FROM kpi.unit u WHERE u.code = s.new_code)",
                     "could not stage the crosswalk") != 0)
        return KPI_ERROR;
    /* the old provinces, districts, communes (parent as they were) */
    if (count2(conn,
               "WITH old (code, name, kind, parent_code) AS ("
               "  SELECT DISTINCT old_province_code, old_province_name, 'province', NULL"
               "    FROM cross_use"
               "  UNION SELECT DISTINCT old_district_code, old_district_name, 'district',"
               "         old_province_code FROM cross_use"
               "  UNION SELECT DISTINCT old_code, old_name, " KIND_OF(
                   "old_name",
                   "xa") ","
                         "         old_district_code FROM cross_use),"
                         " u AS ("
                         " INSERT INTO kpi.unit_past AS t (code, valid_to, name, kind, parent_code)"
                         " SELECT code, $1::date - 1, name, kind, parent_code FROM old"
                         " ON CONFLICT (code, valid_to) DO UPDATE SET name = EXCLUDED.name,"
                         "   kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code,"
                         "   updated_at = now()"
                         " WHERE (t.name, t.kind, t.parent_code) IS DISTINCT FROM"
                         "   (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.parent_code)"
                         " RETURNING (xmax = 0) AS inserted)" UPSERT_COUNTS,
               params, 1, &res->inserted, &res->updated) != 0)
        return KPI_ERROR;
    /* who took each: full or partial, with the weight when the file gives one */
    if (count2(conn,
               "WITH u AS ("
               " INSERT INTO kpi.unit_succession AS t (old_code, old_valid_to, new_code, part,"
               "   weight)"
               " SELECT old_code, $1::date - 1, new_code, part, weight::numeric FROM cross_use"
               " ON CONFLICT (old_code, old_valid_to, new_code) DO UPDATE SET part = EXCLUDED.part,"
               "   weight = coalesce(EXCLUDED.weight, t.weight), updated_at = now()"
               " WHERE (t.part, t.weight) IS DISTINCT FROM"
               "   (EXCLUDED.part, coalesce(EXCLUDED.weight, t.weight))"
               " RETURNING (xmax = 0) AS inserted, t.new_code),"
               /* the successors' cells are computed again */
               " d AS (INSERT INTO kpi.compute_dirty (metric, unit_code, month)"
               "   SELECT DISTINCT NULL::text, new_code, NULL::date FROM u)" UPSERT_COUNTS,
               params, 1, &res->inserted, &res->updated) != 0)
        return KPI_ERROR;
    /* the new communes and their provinces start on the day of the change */
    return count2(conn,
                  "WITH u AS ("
                  " UPDATE kpi.unit t SET valid_from = $1::date, updated_at = now()"
                  "  WHERE t.code IN (SELECT new_code FROM cross_use UNION"
                  "                   SELECT new_province_code FROM cross_use)"
                  "    AND t.valid_from IS DISTINCT FROM $1::date RETURNING 1)"
                  " SELECT count(*) FROM u",
                  params, 1, &res->updated, NULL);
}

enum kpi_status units_crosswalk_load(PGconn *conn, const char *path, const char *changed,
                                     struct units_result *res)
{
    if (changed == NULL)
        changed = "2025-07-01";
    if (!date_ok(changed)) {
        memset(res, 0, sizeof *res);
        log_error("the day of the change \"%s\" is not a day YYYY-MM-DD", changed);
        res->problems = 1;
        return KPI_OK;
    }
    return load_file(conn, &cross_spec, path, res, load_crosswalk, changed);
}

/* One CSV field: quoted when it holds a delimiter, a quote or a line break. */
static void put_csv(FILE *out, const char *s, char sep)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, out);
    } else {
        fputc('"', out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    }
    fputc(sep, out);
}

/* Run SQL with PARAMS and write its rows as CSV under HEADER. 0, or -1 (logged). */
static enum kpi_status put_rows(PGconn *conn, const char *sql, int nparams,
                                const char *const *params, const char *header, FILE *out, int *rows)
{
    PGresult *r = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not read the units: %s", conn_errmsg(conn));
        PQclear(r);
        return KPI_ERROR;
    }
    fputs(header, out);
    int nf = PQnfields(r);
    for (int i = 0; i < PQntuples(r); i++)
        for (int k = 0; k < nf; k++)
            put_csv(out, PQgetvalue(r, i, k), k + 1 < nf ? ',' : '\n');
    if (rows != NULL)
        *rows = PQntuples(r);
    PQclear(r);
    return KPI_OK;
}

enum kpi_status units_list(PGconn *conn, const char *kind, const char *on, FILE *out)
{
    const char *params[2] = {kind, on};
    return put_rows(conn,
                    "SELECT code, name, kind, coalesce(parent_code, ''),"
                    "       CASE WHEN valid_from > '-infinity' THEN valid_from::text ELSE '' END,"
                    "       CASE WHEN valid_to < 'infinity' THEN valid_to::text ELSE '' END"
                    "  FROM kpi.unit_dated"
                    " WHERE ($1::text IS NULL OR kind = $1)"
                    "   AND CASE WHEN $2::date IS NULL THEN current"
                    "            ELSE $2::date BETWEEN valid_from AND valid_to END"
                    " ORDER BY code",
                    2, params, "code,name,kind,parent_code,valid_from,valid_to\n", out, NULL);
}

enum kpi_status units_history(PGconn *conn, const char *code, FILE *out, int *found)
{
    const char *params[1] = {code};
    return put_rows(
        conn,
        "SELECT d.code,"
        "       CASE WHEN d.valid_from > '-infinity' THEN d.valid_from::text ELSE '' END,"
        "       CASE WHEN d.valid_to < 'infinity' THEN d.valid_to::text ELSE '' END,"
        "       d.name, d.kind, coalesce(d.parent_code, ''),"
        "       coalesce((SELECT string_agg(concat_ws(' ', s.new_code, s.part, s.weight), '; '"
        "                                   ORDER BY s.new_code)"
        "                   FROM kpi.unit_succession s"
        "                  WHERE NOT d.current AND s.old_code = d.code"
        "                    AND s.old_valid_to = d.valid_to), ''),"
        "       coalesce((SELECT string_agg(concat_ws(' ', s.old_code, s.part, s.weight), '; '"
        "                                   ORDER BY s.old_code)"
        "                   FROM kpi.unit_succession s"
        "                  WHERE d.current AND s.new_code = d.code), '')"
        "  FROM kpi.unit_dated d WHERE d.code = $1 ORDER BY d.valid_from",
        1, params, "code,valid_from,valid_to,name,kind,parent_code,successors,predecessors\n", out,
        found);
}
