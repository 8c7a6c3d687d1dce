/*
 * units.c — owns the unit registry kpi.unit: loading it from CSV (through
 * the ingest reader and COPY stream) and listing it (see units.h).
 */
#include "ingest/units.h"

#include "db/conn.h"
#include "ingest/copy.h"
#include "ingest/reader.h"
#include "common/log.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { U_CODE, U_NAME, U_KIND, U_PARENT, U_NCOLS };
static const char *const unit_column[U_NCOLS] = {"code", "name", "kind", "parent_code"};

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

/* Map the header; 0, or -1 after printing the problem. */
static enum kpi_status header(const char *path, const struct reader_row *row, int col[U_NCOLS])
{
    for (int c = 0; c < U_NCOLS; c++)
        col[c] = -1;
    for (size_t i = 0; i < row->nfields; i++) {
        int c = 0;
        while (c < U_NCOLS && strcmp(row->field[i], unit_column[c]) != 0)
            c++;
        if (c == U_NCOLS || col[c] >= 0) {
            log_error("%s:%lld: %s column \"%s\" in the header; the columns are code, name, "
                      "kind, parent_code",
                      path, row->line_no, c == U_NCOLS ? "unknown" : "repeated", row->field[i]);
            return KPI_REJECTED;
        }
        col[c] = (int)i;
    }
    for (int c = 0; c < U_NCOLS; c++) {
        if (col[c] < 0) {
            log_error("%s:%lld: the header lacks the column \"%s\" (code, name, kind, "
                      "parent_code)",
                      path, row->line_no, unit_column[c]);
            return KPI_REJECTED;
        }
    }
    return KPI_OK;
}

/* Problems of one row, printed; returns how many. */
static int check(const char *path, const struct reader_row *row, const int col[U_NCOLS],
                 size_t ncols)
{
    if (row->malformed != NULL || row->nfields != ncols) {
        log_error("%s:%lld: %s", path, row->line_no,
                  row->malformed ? row->malformed : "the row has not as many fields as the header");
        return 1;
    }
    const char *code = row->field[col[U_CODE]], *kind = row->field[col[U_KIND]];
    const char *parent = row->field[col[U_PARENT]];
    int bad = 0;
    if (!code_ok(code)) {
        log_error("%s:%lld: code \"%s\" is not a unit code (letters, digits, _ . -)", path,
                  row->line_no, code);
        bad++;
    }
    if (row->len[col[U_NAME]] == 0) {
        log_error("%s:%lld: empty name", path, row->line_no);
        bad++;
    }
    if (!kind_ok(kind)) {
        log_error("%s:%lld: kind \"%s\" must be lower case, e.g. xa, phuong, hospital", path,
                  row->line_no, kind);
        bad++;
    }
    if ((strcmp(kind, "province") == 0) != (*parent == '\0')) {
        log_error("%s:%lld: %s", path, row->line_no,
                  *parent ? "a province has no parent_code"
                          : "empty parent_code; every unit but a province has a parent");
        bad++;
    }
    return bad;
}

/* One COPY line of unit_stage (errors surface at copy_end). */
static void copy_unit(struct copy *c, const struct reader_row *row, const int col[U_NCOLS])
{
    char num[24];
    int n = snprintf(num, sizeof num, "%lld\t", row->line_no);
    copy_verbatim(c, num, (size_t)n);
    for (int k = 0; k < U_NCOLS; k++) {
        size_t len = row->len[col[k]];
        char sep = k + 1 < U_NCOLS ? '\t' : '\n';
        if (k == U_PARENT && len == 0)
            copy_null(c, sep);
        else
            copy_field(c, row->field[col[k]], len, sep);
    }
}

/* Stage the file into unit_stage (*staged: the table exists); res->problems counts refused rows. */
static enum kpi_status stage(PGconn *conn, const char *path, struct units_result *res, bool *staged)
{
    struct reader *r = NULL;
    struct reader_row row;
    struct copy c;
    int col[U_NCOLS];
    enum kpi_status rc = KPI_ERROR, st;
    bool got;
    size_t ncols;
    if (reader_open(path, false, &r) != 0)
        return KPI_ERROR;
    st = reader_next(r, &row, &got);
    if (st == KPI_OK && !got)
        log_error("%s:1: empty file; the first line must be code,name,kind,parent_code", path);
    if ((st == KPI_OK && !got) || (got && header(path, &row, col) != 0)) {
        res->problems++;
        rc = KPI_OK;
        goto fail;
    }
    if (got) {
        ncols = row.nfields;
        if (conn_command(conn,
                         "CREATE TEMP TABLE unit_stage (line_no bigint, code text, name text,"
                         " kind text, parent_code text) ON COMMIT DROP",
                         "could not create the staging table") != 0 ||
            copy_begin(&c, conn,
                       "COPY unit_stage (line_no, code, name, kind, parent_code)"
                       " FROM STDIN") != 0)
            goto fail;
        *staged = true;
        while ((st = reader_next(r, &row, &got)) == KPI_OK && got) {
            res->rows++;
            if (check(path, &row, col, ncols) > 0)
                res->problems++;
            else
                copy_unit(&c, &row, col);
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

/* Set-based checks: duplicates, unknown parents, chains not reaching a province. */
static enum kpi_status check_staged(PGconn *conn, const char *path, struct units_result *res)
{
    return report_rows(
        conn,
        "SELECT line_no, format('code \"%s\" appears twice in the file (lines %s)', code,"
        "       (SELECT string_agg(line_no::text, ', ' ORDER BY line_no) FROM unit_stage d"
        "         WHERE d.code = s.code))"
        "  FROM unit_stage s WHERE (SELECT count(*) FROM unit_stage d WHERE d.code = s.code) > 1"
        " UNION ALL "
        "SELECT line_no, format('parent_code \"%s\" is neither in the file nor registered',"
        "       parent_code)"
        "  FROM unit_stage s WHERE parent_code IS NOT NULL"
        "   AND NOT EXISTS (SELECT 1 FROM unit_stage p WHERE p.code = s.parent_code)"
        "   AND NOT EXISTS (SELECT 1 FROM kpi.unit p WHERE p.code = s.parent_code)"
        " ORDER BY 1",
        path, res);
}

static enum kpi_status upsert(PGconn *conn, const char *path, struct units_result *res)
{
    PGresult *r = PQexec(
        conn, "WITH u AS ("
              " INSERT INTO kpi.unit AS t (code, name, kind, parent_code)"
              " SELECT code, name, kind, parent_code FROM unit_stage"
              " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,"
              "   parent_code = EXCLUDED.parent_code, updated_at = now()"
              " WHERE (t.name, t.kind, t.parent_code)"
              "   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.parent_code)"
              " RETURNING (xmax = 0) AS inserted)"
              " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted)"
              " FROM u");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not load the units: %s", conn_errmsg(conn));
        PQclear(r);
        return KPI_ERROR;
    }
    res->inserted = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    res->updated = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
    PQclear(r);
    /* every unit must lead up to a province (no cycle of parents) */
    return report_rows(conn,
                       "WITH RECURSIVE up (code) AS ("
                       " SELECT code FROM kpi.unit WHERE parent_code IS NULL"
                       " UNION SELECT u.code FROM kpi.unit u JOIN up ON u.parent_code = up.code)"
                       " SELECT s.line_no, format('unit \"%s\" does not lead up to a province"
                       " (a cycle of parent_code?)', s.code) FROM unit_stage s"
                       " WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.code = s.code)"
                       " ORDER BY 1",
                       path, res);
}

enum kpi_status units_load(PGconn *conn, const char *path, struct units_result *res)
{
    bool staged = false;
    memset(res, 0, sizeof *res);
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0)
        return KPI_ERROR;
    if (stage(conn, path, res, &staged) != 0)
        goto fail;
    if (staged && check_staged(conn, path, res) != 0)
        goto fail;
    if (res->problems == 0 && upsert(conn, path, res) != 0)
        goto fail;
    if (res->problems > 0)
        return conn_command(conn, "ROLLBACK", "could not roll back");
    return conn_command(conn, "COMMIT", "could not commit");
fail:
    conn_command(conn, "ROLLBACK", "could not roll back");
    return KPI_ERROR;
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

enum kpi_status units_list(PGconn *conn, const char *kind, FILE *out)
{
    const char *params[1] = {kind};
    PGresult *r = PQexecParams(conn,
                               "SELECT code, name, kind, coalesce(parent_code, '') FROM kpi.unit"
                               " WHERE $1::text IS NULL OR kind = $1 ORDER BY code",
                               1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        log_error("could not read the units: %s", conn_errmsg(conn));
        PQclear(r);
        return KPI_ERROR;
    }
    fputs("code,name,kind,parent_code\n", out);
    for (int i = 0; i < PQntuples(r); i++)
        for (int k = 0; k < 4; k++)
            put_csv(out, PQgetvalue(r, i, k), k < 3 ? ',' : '\n');
    PQclear(r);
    return KPI_OK;
}
