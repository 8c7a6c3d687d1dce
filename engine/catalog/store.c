/*
 * store.c — owns the catalog's rows in the database: staging a valid
 * catalog in temporary tables, the differences reported line by line,
 * upserting kpi.metric and kpi.indicator (never deleting), their history,
 * kpi.catalog_load, and the version loaded last (see store.h).
 */
#include "catalog/store.h"

#include "catalog/read.h"
#include "catalog/watch.h"
#include "common/dynbuf.h"
#include "common/log.h"
#include "common/sqlstate.h"
#include "common/status.h"
#include "db/conn.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The longest unit list literal (lead_units, support_units) staged: far above any file's. */
#define ARRAY_LITERAL_CAP (16 * 1024 * 1024)

/* pg_advisory_xact_lock keys: 'kpi' and 3 = catalog load (1 migrations, 2 the nightly run,
 * 4 ingest, 5 compute). */
#define LOCK_SQL "SELECT pg_advisory_xact_lock(7040105, 3)"

#define INDICATOR_COLUMNS                                                                          \
    "id, effective_from, name_vi, name_en, plan_ref, kind, numerator_metric, "                     \
    "denominator_metric, comparator, target_pct, target_text_vi, facility_kind, "                  \
    "inner_comparator, inner_target_pct, cadence, due_date, lead_units, support_units, "           \
    "status_metric, deadline_text_vi, short_name_vi, short_name_en, facility_noun_vi, "            \
    "facility_noun_en, deadline_text_en, note, " JUDGING_COLUMNS ", " PLAN_COLUMNS

/* How the plan judges a target (issue 17, migration 022): stage_judging binds them. */
#define JUDGING_COLUMNS "aspirational, denominator_baseline, assigned_to, assigned_units"

/* The plan of the item and its series (issue 18, migration 023): stage_rows binds them. */
#define PLAN_COLUMNS "plan_id, series"

static const char stage_sql[] =
    "CREATE TEMP TABLE catalog_metric_stage (LIKE kpi.metric) ON COMMIT DROP;"
    "CREATE TEMP TABLE catalog_indicator_stage (LIKE kpi.indicator INCLUDING DEFAULTS) "
    "ON COMMIT DROP;"
    "CREATE TEMP TABLE catalog_plan_stage (LIKE kpi.plan INCLUDING DEFAULTS) ON COMMIT DROP";

static const char stage_plan_sql[] =
    "INSERT INTO catalog_plan_stage (id, document_number, document_date, appendix_number, "
    "appendix_date, title_vi, title_en, valid_from, valid_to, province, note, plan_version) "
    "VALUES ($1, $2, $3::date, $4, $5::date, $6, $7, $8::date, $9::date, $10, $11, $12)";

/* The plans: new or changed ones reported, upserted; those no longer in the catalog kept
 * (in_catalog false). */
static const char diff_plan_sql[] =
    "SELECT s.id, p.id IS NULL, s.valid_from || ' → ' || s.valid_to, "
    "       p.valid_from IS DISTINCT FROM s.valid_from OR p.valid_to IS DISTINCT FROM s.valid_to "
    "  FROM catalog_plan_stage s LEFT JOIN kpi.plan p ON p.id = s.id "
    " WHERE ROW(p.*) IS DISTINCT FROM ROW(s.*) ORDER BY s.valid_from";

static const char upsert_plan_sql[] =
    "INSERT INTO kpi.plan SELECT * FROM catalog_plan_stage "
    "ON CONFLICT (id) DO UPDATE SET document_number = EXCLUDED.document_number, "
    "  document_date = EXCLUDED.document_date, appendix_number = EXCLUDED.appendix_number, "
    "  appendix_date = EXCLUDED.appendix_date, title_vi = EXCLUDED.title_vi, "
    "  title_en = EXCLUDED.title_en, valid_from = EXCLUDED.valid_from, "
    "  valid_to = EXCLUDED.valid_to, province = EXCLUDED.province, note = EXCLUDED.note, "
    "  plan_version = EXCLUDED.plan_version, in_catalog = true "
    "WHERE ROW(kpi.plan.*) IS DISTINCT FROM ROW(EXCLUDED.*)";

static const char absent_plan_sql[] =
    "UPDATE kpi.plan p SET in_catalog = false WHERE in_catalog "
    "   AND NOT EXISTS (SELECT 1 FROM catalog_plan_stage s WHERE s.id = p.id) RETURNING id";

static const char stage_metric_sql[] =
    "INSERT INTO catalog_metric_stage (code, name_vi, name_en, temporal, catalog_version, noun_vi, "
    "noun_en, reported_by, month_in_report_month) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], "
    "$9::boolean)";

static const char stage_indicator_sql[] =
    "INSERT INTO catalog_indicator_stage (" INDICATOR_COLUMNS ", catalog_version) "
    "VALUES ($1, coalesce($2::date, '-infinity'), $3, $4, $5, $6, $7, $8, $9, $10::numeric, $11, "
    "$12, $13, $14::numeric, $15, $16::date, $17::text[], $18::text[], $19, $20, $21, $22, $23, "
    "$24, $25, $26, $28::boolean, $29::date, $30, $31::text[], $32, $33, $27)";

/*
 * Rows of the catalog that are new, or whose content differs from the
 * database: key, added?, and the changed columns ("target_pct 80 → 85").
 */
#define DIFF_COLUMNS(s, t)                                                                          \
    "(SELECT string_agg(CASE WHEN length(o.value::text) + length(n.value::text) <= 60 "             \
    "                        THEN format('%s %s → %s', n.key, o.value, n.value) ELSE n.key END, " \
    "                   ', ' ORDER BY n.key) "                                                      \
    "   FROM jsonb_each(to_jsonb(" s ")) n JOIN jsonb_each(to_jsonb(" t ")) o ON o.key = n.key "    \
    "  WHERE n.key <> 'catalog_version' AND n.value IS DISTINCT FROM o.value)"

static const char diff_metric_sql[] =
    "SELECT * FROM (SELECT s.code, m.code IS NULL AS added, " DIFF_COLUMNS(
        "s", "m") " AS changes "
                  "                 FROM catalog_metric_stage s LEFT JOIN kpi.metric m ON m.code = "
                  "s.code) d "
                  " WHERE added OR changes IS NOT NULL ORDER BY code";

#define ID_ORDER(id)                                                                               \
    "(SELECT array_agg(lpad(x, 8, '0')) FROM unnest(string_to_array(" id ", '.')) x)"

static const char diff_indicator_sql[] =
    "SELECT id, from_text, added, changes FROM ("
    "  SELECT CASE WHEN s.plan_id = '' THEN s.id ELSE s.plan_id || '/' || s.id END AS id, "
    "         s.plan_id, s.id AS item, s.effective_from, "
    "         CASE WHEN s.effective_from = '-infinity' THEN '' "
    "         ELSE ' (from ' || s.effective_from || ')' END AS from_text, "
    "         i.id IS NULL AS added, " DIFF_COLUMNS(
        "s", "i") " AS changes "
                  "    FROM catalog_indicator_stage s "
                  "    LEFT JOIN kpi.indicator i ON i.plan_id = s.plan_id AND i.id = s.id "
                  "     AND i.effective_from = s.effective_from) d "
                  " WHERE added OR changes IS NOT NULL ORDER BY plan_id, " ID_ORDER(
                      "item") ", effective_from";

static const char upsert_metric_sql[] =
    "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version, noun_vi, noun_en, "
    "reported_by, month_in_report_month) "
    "SELECT code, name_vi, name_en, temporal, catalog_version, noun_vi, noun_en, reported_by, "
    "  month_in_report_month FROM catalog_metric_stage "
    "ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, "
    "  temporal = EXCLUDED.temporal, catalog_version = EXCLUDED.catalog_version, "
    "  noun_vi = EXCLUDED.noun_vi, noun_en = EXCLUDED.noun_en, reported_by = EXCLUDED.reported_by, "
    "  month_in_report_month = EXCLUDED.month_in_report_month "
    "WHERE ROW(kpi.metric.*) IS DISTINCT FROM ROW(EXCLUDED.*)";

static const char upsert_indicator_sql[] =
    "INSERT INTO kpi.indicator (" INDICATOR_COLUMNS ", catalog_version) "
    "SELECT " INDICATOR_COLUMNS ", catalog_version FROM catalog_indicator_stage "
    "ON CONFLICT (plan_id, id, effective_from) DO UPDATE SET name_vi = EXCLUDED.name_vi, "
    "  name_en = EXCLUDED.name_en, plan_ref = EXCLUDED.plan_ref, kind = EXCLUDED.kind, "
    "  numerator_metric = EXCLUDED.numerator_metric, "
    "  denominator_metric = EXCLUDED.denominator_metric, comparator = EXCLUDED.comparator, "
    "  target_pct = EXCLUDED.target_pct, target_text_vi = EXCLUDED.target_text_vi, "
    "  facility_kind = EXCLUDED.facility_kind, inner_comparator = EXCLUDED.inner_comparator, "
    "  inner_target_pct = EXCLUDED.inner_target_pct, cadence = EXCLUDED.cadence, "
    "  due_date = EXCLUDED.due_date, lead_units = EXCLUDED.lead_units, "
    "  support_units = EXCLUDED.support_units, status_metric = EXCLUDED.status_metric, "
    "  deadline_text_vi = EXCLUDED.deadline_text_vi, catalog_version = EXCLUDED.catalog_version, "
    "  short_name_vi = EXCLUDED.short_name_vi, short_name_en = EXCLUDED.short_name_en, "
    "  facility_noun_vi = EXCLUDED.facility_noun_vi, facility_noun_en = EXCLUDED.facility_noun_en, "
    "  deadline_text_en = EXCLUDED.deadline_text_en, note = EXCLUDED.note, "
    "  aspirational = EXCLUDED.aspirational, "
    "  denominator_baseline = EXCLUDED.denominator_baseline, assigned_to = EXCLUDED.assigned_to, "
    "  assigned_units = EXCLUDED.assigned_units, series = EXCLUDED.series, in_catalog = true "
    "WHERE ROW(kpi.indicator.*) IS DISTINCT FROM ROW(EXCLUDED.*)";

static const char absent_sql[] =
    "WITH gone AS (UPDATE kpi.indicator i SET in_catalog = false "
    "  WHERE NOT EXISTS (SELECT 1 FROM catalog_indicator_stage s WHERE s.plan_id = i.plan_id "
    "                       AND s.id = i.id AND s.effective_from = i.effective_from) "
    "  RETURNING i.*) "
    "SELECT 'indicator ' || CASE WHEN plan_id = '' THEN id ELSE plan_id || '/' || id END "
    "       || CASE WHEN effective_from = '-infinity' THEN '' "
    "       ELSE ' (from ' || effective_from || ')' END FROM gone "
    "UNION ALL "
    "SELECT 'metric ' || code FROM kpi.metric m "
    " WHERE NOT EXISTS (SELECT 1 FROM catalog_metric_stage s WHERE s.code = m.code)";

static const char metric_history_sql[] =
    "INSERT INTO kpi.metric_history (catalog_version, code, name_vi, name_en, temporal, noun_vi, "
    "noun_en, reported_by, month_in_report_month) "
    "SELECT catalog_version, code, name_vi, name_en, temporal, noun_vi, noun_en, reported_by, "
    "  month_in_report_month FROM catalog_metric_stage "
    "ON CONFLICT DO NOTHING";

static const char indicator_history_sql[] =
    "INSERT INTO kpi.indicator_history (catalog_version, " INDICATOR_COLUMNS ") "
    "SELECT catalog_version, " INDICATOR_COLUMNS " FROM catalog_indicator_stage "
    "ON CONFLICT DO NOTHING";

static const char known_version_sql[] = "SELECT 1 FROM kpi.catalog_load WHERE catalog_version = $1";

static const char record_load_sql[] =
    "INSERT INTO kpi.catalog_load (catalog_version, source_dir, indicators, metrics) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (catalog_version) DO UPDATE "
    "SET loaded_at = now(), source_dir = EXCLUDED.source_dir";

static const char last_version_sql[] =
    "SELECT catalog_version FROM kpi.catalog_load ORDER BY loaded_at DESC LIMIT 1";

/* U as a PostgreSQL array literal, {"a","b"}; caller frees. NULL when memory runs out. */
static char *array_literal(const struct catalog_units *u)
{
    struct dynbuf b;
    unsigned st = DYNBUF_OK; /* the statuses or-ed: any failure stays */
    dynbuf_init(&b, ARRAY_LITERAL_CAP);
    st |= dynbuf_add(&b, "{");
    for (size_t i = 0; i < u->n && st == DYNBUF_OK; i++) {
        st |= dynbuf_add(&b, i ? ",\"" : "\"");
        for (const char *s = u->names[i]; *s && st == DYNBUF_OK; s++) {
            if (*s == '"' || *s == '\\')
                st |= dynbuf_add(&b, "\\");
            st |= dynbuf_addn(&b, s, 1);
        }
        st |= dynbuf_add(&b, "\"");
    }
    st |= dynbuf_add(&b, "}");
    if (st != DYNBUF_OK) {
        dynbuf_free(&b);
        return NULL;
    }
    return dynbuf_take(&b);
}

/* U joined by SEP, "a,b" (a share's facility kinds); caller frees. NULL when memory runs out. */
static char *joined(const struct catalog_units *u, const char *sep)
{
    struct dynbuf b;
    unsigned st = DYNBUF_OK;
    dynbuf_init(&b, ARRAY_LITERAL_CAP);
    for (size_t i = 0; i < u->n; i++)
        st |= dynbuf_add(&b, i ? sep : "") | dynbuf_add(&b, u->names[i]);
    if (st != DYNBUF_OK) {
        dynbuf_free(&b);
        return NULL;
    }
    return dynbuf_take(&b);
}

static enum kpi_status stage_rows(PGconn *conn, const struct catalog *cat)
{
    for (size_t i = 0; i < cat->n_plans; i++) {
        const struct catalog_plan *p = &cat->plans[i];
        const char *params[] = {
            p->id,       p->document_number, p->document_date, p->appendix_number, p->appendix_date,
            p->title_vi, p->title_en,        p->valid_from,    p->valid_to,        p->province,
            p->note,     p->version};
        PGresult *res = conn_exec(conn, stage_plan_sql, 12, params, "could not stage a plan");
        if (res == NULL)
            return KPI_ERROR;
        PQclear(res);
    }
    for (size_t i = 0; i < cat->n_metrics; i++) {
        const struct catalog_metric *m = &cat->metrics[i];
        char *kinds = m->reported_by.n ? array_literal(&m->reported_by) : NULL;
        if (m->reported_by.n && kinds == NULL) {
            log_error("out of memory");
            return KPI_ERROR;
        }
        const char *params[] = {
            m->code,     m->name_vi,   m->name_en,
            m->temporal, cat->version, m->noun_vi,
            m->noun_en,  kinds,        m->month_in_report_month ? "true" : "false"};
        PGresult *res = conn_exec(conn, stage_metric_sql, 9, params, "could not stage a metric");
        free(kinds);
        if (res == NULL)
            return KPI_ERROR;
        PQclear(res);
    }
    for (size_t i = 0; i < cat->n_indicators; i++) {
        const struct catalog_indicator *d = &cat->indicators[i];
        char *lead = array_literal(&d->lead_units), *support = array_literal(&d->support_units);
        /* how the plan judges it (migration 022): every facility kind, comma-separated */
        char *assigned = array_literal(&d->assigned_units);
        char *facility = d->facility_kinds.n > 1 ? joined(&d->facility_kinds, ",") : NULL;
        const char *params[] = {d->id,
                                d->effective_from,
                                d->name_vi,
                                d->name_en,
                                d->plan_ref,
                                d->kind,
                                d->numerator,
                                d->denominator,
                                d->comparator,
                                d->target_pct,
                                d->target_text_vi,
                                facility != NULL ? facility : d->facility_kind,
                                d->inner_comparator,
                                d->inner_target_pct,
                                d->cadence,
                                d->due_date,
                                lead,
                                support,
                                d->status_metric,
                                d->deadline_text_vi,
                                d->short_name_vi,
                                d->short_name_en,
                                d->facility_noun_vi,
                                d->facility_noun_en,
                                d->deadline_text_en,
                                d->note,
                                d->version,
                                d->aspirational ? "true" : "false",
                                d->denominator_baseline,
                                d->assigned_to != NULL ? d->assigned_to : "province",
                                assigned,
                                d->plan != NULL ? d->plan : "",
                                d->series};
        PGresult *res = NULL;
        if (lead == NULL || support == NULL || assigned == NULL ||
            (d->facility_kinds.n > 1 && facility == NULL))
            log_error("out of memory");
        else
            res = conn_exec(conn, stage_indicator_sql, 33, params, "could not stage an indicator");
        free(lead);
        free(support);
        free(assigned);
        free(facility);
        if (res == NULL)
            return KPI_ERROR;
        PQclear(res);
    }
    return KPI_OK;
}

/* Report the rows of DIFF (key, [from,] added, changes) on REPORT as WHAT. */
static void report_diff(FILE *report, const PGresult *diff, const char *what, bool has_from)
{
    int rows = PQntuples(diff), added = 0, c_added = has_from ? 2 : 1;
    for (int i = 0; i < rows; i++)
        added += PQgetvalue(diff, i, c_added)[0] == 't';
    if (report == NULL)
        return;
    if (added > 0) {
        fprintf(report, "  added %d %s%s:", added, what, added == 1 ? "" : "s");
        for (int i = 0; i < rows; i++)
            if (PQgetvalue(diff, i, c_added)[0] == 't')
                fprintf(report, " %s%s", PQgetvalue(diff, i, 0),
                        has_from ? PQgetvalue(diff, i, 1) : "");
        fputc('\n', report);
    }
    for (int i = 0; i < rows; i++)
        if (PQgetvalue(diff, i, c_added)[0] != 't')
            fprintf(report, "  changed %s %s%s: %s\n", what, PQgetvalue(diff, i, 0),
                    has_from ? PQgetvalue(diff, i, 1) : "", PQgetvalue(diff, i, c_added + 1));
}

/* Record the load (history rows, kpi.catalog_load) and report it. 0, or -1 (logged). */
static enum kpi_status record_load(PGconn *conn, const struct catalog *cat, const char *previous,
                                   const PGresult *mdiff, const PGresult *idiff, FILE *report)
{
    char n_ind[24], n_met[24];
    char *source = realpath(cat->dir, NULL);
    snprintf(n_ind, sizeof n_ind, "%zu", cat->n_indicators);
    snprintf(n_met, sizeof n_met, "%zu", cat->n_metrics);
    const char *params[] = {cat->version, source ? source : cat->dir, n_ind, n_met};
    PGresult *res =
        conn_exec(conn, metric_history_sql, 0, NULL, "could not keep the metric history");
    if (res != NULL) {
        PQclear(res);
        res =
            conn_exec(conn, indicator_history_sql, 0, NULL, "could not keep the indicator history");
    }
    if (res != NULL) {
        PQclear(res);
        res = conn_exec(conn, record_load_sql, 4, params,
                        "could not record the load in kpi.catalog_load");
    }
    free(source);
    if (res == NULL)
        return KPI_ERROR;
    PQclear(res);
    if (report != NULL) {
        fprintf(report, "catalog %.12s loaded from %s: %zu indicators, %zu metrics (%s%.12s)\n",
                cat->version, cat->dir, cat->n_indicators, cat->n_metrics,
                previous[0] ? "previous version " : "first load", previous);
        report_diff(report, mdiff, "metric", false);
        report_diff(report, idiff, "indicator", true);
    }
    return KPI_OK;
}

/* Run an upsert; add the rows it wrote to *rows. 0, or -1 (logged). */
static enum kpi_status upsert(PGconn *conn, const char *sql, const char *what, int *rows)
{
    PGresult *res = conn_exec(conn, sql, 0, NULL, what);
    if (res == NULL)
        return KPI_ERROR;
    *rows += atoi(PQcmdTuples(res));
    PQclear(res);
    return KPI_OK;
}

/* Report the plans added or changed on REPORT, upsert them into kpi.plan (adding the rows
 * written to *rows), mark those that left the catalog. 0, or -1 (logged). */
static enum kpi_status store_plans(PGconn *conn, FILE *report, int *rows)
{
    PGresult *res = conn_exec(conn, diff_plan_sql, 0, NULL, "could not compare the plans");
    if (res == NULL)
        return KPI_ERROR;
    for (int i = 0; report != NULL && i < PQntuples(res); i++)
        fprintf(report, "  %s plan %s (in force %s)%s\n",
                PQgetvalue(res, i, 1)[0] == 't' ? "added" : "changed", PQgetvalue(res, i, 0),
                PQgetvalue(res, i, 2),
                PQgetvalue(res, i, 1)[0] != 't' && PQgetvalue(res, i, 3)[0] == 't'
                    ? ": its days in force changed; the periods that change plan are judged again"
                    : "");
    PQclear(res);
    if (upsert(conn, upsert_plan_sql, "could not update kpi.plan", rows) != 0)
        return KPI_ERROR;
    res = conn_exec(conn, absent_plan_sql, 0, NULL, "could not look for plans no longer loaded");
    if (res == NULL)
        return KPI_ERROR;
    for (int i = 0; i < PQntuples(res); i++)
        log_warn("plan %s is in the database but no longer in the catalog; kept, no longer "
                 "judging any period",
                 PQgetvalue(res, i, 0));
    PQclear(res);
    return KPI_OK;
}

enum kpi_status catalog_store(PGconn *conn, const struct catalog *cat, FILE *report, int *changed)
{
    PGresult *mdiff = NULL, *idiff = NULL, *res = NULL;
    char previous[HASH_HEX_LEN] = "";
    const char *version_param[] = {cat->version};
    enum kpi_status rc = KPI_ERROR;
    int rows = 0;
    if (cat->n_problems != 0) {
        log_error("the catalog in %s has problems; it was not loaded", cat->dir);
        return KPI_ERROR;
    }
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0)
        return KPI_ERROR;
    if (conn_command(conn, LOCK_SQL, "could not take the catalog lock") != 0 ||
        conn_command(conn, stage_sql, "could not create the staging tables") != 0 ||
        stage_rows(conn, cat) != 0 || catalog_loaded_version(conn, previous) != 0)
        goto fail;
    if (store_plans(conn, report, &rows) != 0)
        goto fail;
    mdiff = conn_exec(conn, diff_metric_sql, 0, NULL, "could not compare the metrics");
    idiff = conn_exec(conn, diff_indicator_sql, 0, NULL, "could not compare the indicators");
    if (mdiff == NULL || idiff == NULL ||
        upsert(conn, upsert_metric_sql, "could not update kpi.metric", &rows) != 0 ||
        upsert(conn, upsert_indicator_sql, "could not update kpi.indicator", &rows) != 0 ||
        watch_store(conn, cat) != 0)
        goto fail;
    res = conn_exec(conn, known_version_sql, 1, version_param, "could not read kpi.catalog_load");
    if (res == NULL)
        goto fail;
    if (rows > 0 || PQntuples(res) == 0) {
        if (record_load(conn, cat, previous, mdiff, idiff, report) != 0)
            goto fail;
    } else if (report != NULL) {
        fprintf(report, "catalog %.12s unchanged: %zu indicators, %zu metrics (%s)\n", cat->version,
                cat->n_indicators, cat->n_metrics, cat->dir);
    }
    PQclear(res);
    res = conn_exec(conn, absent_sql, 0, NULL, "could not look for rows the catalog no longer has");
    if (res == NULL)
        goto fail;
    for (int i = 0; i < PQntuples(res); i++)
        log_warn("%s is in the database but no longer in the catalog; kept (nothing is deleted)",
                 PQgetvalue(res, i, 0));
    if (conn_command(conn, "COMMIT", "could not commit the catalog") != 0)
        goto fail;
    if (changed != NULL)
        *changed = rows;
    rc = KPI_OK;
fail:
    if (rc != 0 && PQtransactionStatus(conn) != PQTRANS_IDLE)
        conn_command(conn, "ROLLBACK", "could not roll back");
    PQclear(res);
    PQclear(mdiff);
    PQclear(idiff);
    return rc;
}

enum kpi_status catalog_loaded_version(PGconn *conn, char out[HASH_HEX_LEN])
{
    out[0] = '\0';
    PGresult *res = PQexec(conn, last_version_sql);
    if (PQresultStatus(res) == PGRES_TUPLES_OK) {
        if (PQntuples(res) > 0)
            snprintf(out, HASH_HEX_LEN, "%s", PQgetvalue(res, 0, 0));
        PQclear(res);
        return KPI_OK;
    }
    /* no schema or no table: no catalog yet */
    bool fresh = sqlstate_is(conn_sqlstate(res), SQLSTATE_INVALID_SCHEMA_NAME) ||
                 sqlstate_is(conn_sqlstate(res), SQLSTATE_UNDEFINED_TABLE);
    if (!fresh)
        log_error("could not read kpi.catalog_load: %s", conn_errmsg(conn));
    PQclear(res);
    return fresh ? KPI_OK : KPI_ERROR;
}

enum kpi_status catalog_sync(PGconn *conn, const char *dir, FILE *report, int *changed)
{
    struct catalog *cat;
    enum kpi_status rc = KPI_ERROR;
    if (catalog_load(dir, &cat) != 0)
        return KPI_ERROR;
    if (cat->n_problems > 0) {
        catalog_print_problems(cat, stderr);
        log_error("the catalog in %s has %zu problem%s and was not loaded; correct %s (see "
                  "'kpi catalog check') and run 'kpi migrate' again",
                  dir, cat->n_problems, cat->n_problems == 1 ? "" : "s",
                  cat->n_problems == 1 ? "it" : "them");
        rc = KPI_REJECTED;
    } else if (catalog_store(conn, cat, report, changed) == 0) {
        rc = KPI_OK;
    }
    catalog_free(cat);
    return rc;
}
