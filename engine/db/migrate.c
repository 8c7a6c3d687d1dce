/*
 * migrate.c — owns kpi.schema_migration and kpi.schema_definition: the order in
 * which sql/migrations/NNN_name.sql are applied, the re-application of the
 * changed sql/definitions/, and the acceptance of the released migrations of
 * kpi 0.1.0 as the baseline (see migrate.h, sql/README.md).
 */
#include "db/migrate.h"

#include "db/conn.h"
#include "common/hash.h"
#include "common/log.h"
#include "common/sqlstate.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pg_advisory_lock keys: 'kpi' and 1 = migrations. */
#define LOCK_SQL   "SELECT pg_advisory_lock(7040105, 1)"
#define UNLOCK_SQL "SELECT pg_advisory_unlock(7040105, 1)"

static const char bootstrap_sql[] =
    "CREATE SCHEMA IF NOT EXISTS kpi;"
    "CREATE TABLE IF NOT EXISTS kpi.schema_migration ("
    "  version    integer PRIMARY KEY,"
    "  name       text NOT NULL,"
    "  sha256     text NOT NULL,"
    "  applied_at timestamptz NOT NULL DEFAULT now());"
    "COMMENT ON TABLE kpi.schema_migration IS "
    "  'schema versions applied by kpi migrate, one row per sql/NNN_name.sql file';"
    "CREATE TABLE IF NOT EXISTS kpi.schema_definition ("
    "  name       text PRIMARY KEY,"
    "  sha256     text NOT NULL,"
    "  applied_at timestamptz NOT NULL DEFAULT now());"
    "COMMENT ON TABLE kpi.schema_definition IS "
    "  'definitions (functions, views, triggers) applied by kpi migrate, one row per "
    "sql/definitions/ file, with the SHA-256 of the text applied last'";

/*
 * The migrations kpi 0.1.0 (commit 8558494) released, which every database of
 * schema version 12 ran, and their SHA-256s (`git show 8558494:sql/005_compute.sql
 * | sha256sum`). Together they are sql/migrations/012_baseline.sql.
 */
static const struct {
    int version;
    const char *name;
    const char *sha256;
} legacy[MIGRATE_BASELINE] = {
    {1, "001_base.sql", "0a7d84804ebf23d523faaff9f1410ec7bbb25af7a0f257dcc5c228a35200ff05"},
    {2, "002_catalog.sql", "85ed35c86068af08f4e83ee9b283be396163d3a1dfb88c92e4d70f332c88202c"},
    {3, "003_observation.sql", "f74f9912e3b1db8d7144a90621d98571b9dc8e2e3ff71c23fa8793d052c1a09b"},
    {4, "004_ingest.sql", "22baf2474c559cdd70592c8dd23978bc43bb095906b295e0a088dd0308d88bad"},
    {5, "005_compute.sql", "70ca8cbfc7b33bd884a3a01992c1aeb7f71eabe6ef98243b55e8a78415e94525"},
    {6, "006_alerts.sql", "5cb5f1460a44cc3ac9ba773f060ccc5678cfafc5a35ef5b127dcf21d2f692ad2"},
    {7, "007_run.sql", "37f1398dc267f50f0c4cd1ff52cb59789a73ec05424fe0d01a80e0579eccf92b"},
    {8, "008_security.sql", "4e8e7a16ed81670f22389a050bb15b713d382c37bcd4e672f3f751c21bb2024c"},
    {9, "009_observation_partitions.sql",
     "35931d567c239e7039bd928199f34af5456a64c64d0770568254b37f2de951c8"},
    {10, "010_observation_key.sql",
     "285f37e2b0c9eef80ee32f4b0948644b24a5143aac77c0352ef7e70a356af9fd"},
    {11, "011_compute_delta.sql",
     "cc64ca71f4ad9be9a3ae2465d7e971e878860dfb8e7eba463dec39682ef0eb1d"},
    {12, "012_alerts_speed.sql",
     "d6933a9301802b94da4bde2bf1352020123b6aa9343fd31db7c896fdef23af9f"},
};

/* Whether (V, SHA) is the record of a released migration of kpi 0.1.0. */
static bool is_legacy(int v, const char *sha)
{
    return v >= 1 && v <= MIGRATE_BASELINE && strcmp(legacy[v - 1].sha256, sha) == 0;
}

int migrate_latest(void)
{
    return migrate_files_len ? migrate_files[migrate_files_len - 1].version : 0;
}

enum kpi_status migrate_version(PGconn *conn, int *version)
{
    *version = 0;
    PGresult *res = PQexec(conn, "SELECT coalesce(max(version), 0) FROM kpi.schema_migration");
    if (PQresultStatus(res) == PGRES_TUPLES_OK) {
        *version = atoi(PQgetvalue(res, 0, 0));
        PQclear(res);
        return KPI_OK;
    }
    /* no schema kpi, or no kpi.schema_migration: never migrated */
    bool fresh = sqlstate_is(conn_sqlstate(res), SQLSTATE_INVALID_SCHEMA_NAME) ||
                 sqlstate_is(conn_sqlstate(res), SQLSTATE_UNDEFINED_TABLE);
    if (!fresh)
        log_error("could not read the schema version: %s", conn_errmsg(conn));
    PQclear(res);
    return fresh ? KPI_OK : KPI_ERROR;
}

/*
 * Check the applied migrations against this binary: each must be one it
 * carries, with unchanged text, or one of the released migrations of kpi
 * 0.1.0, all twelve of them (they stand for the baseline). Marks
 * is_applied[i] for migrate_files[i]. Returns KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status verify_applied(PGconn *conn, bool *is_applied)
{
    enum kpi_status rc = KPI_ERROR;
    int n_legacy = 0, last_legacy = 0;
    PGresult *res = PQexec(conn, "SELECT version, name, sha256 FROM kpi.schema_migration "
                                 "ORDER BY version");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read kpi.schema_migration: %s", conn_errmsg(conn));
        goto fail;
    }
    for (int i = 0; i < PQntuples(res); i++) {
        int v = atoi(PQgetvalue(res, i, 0));
        const char *name = PQgetvalue(res, i, 1), *recorded = PQgetvalue(res, i, 2);
        if (is_legacy(v, recorded)) {
            n_legacy++;
            last_legacy = v;
            continue;
        }
        const struct migrate_file *m = NULL;
        size_t j;
        for (j = 0; j < migrate_files_len && m == NULL; j++)
            if (migrate_files[j].version == v)
                m = &migrate_files[j];
        if (m == NULL && v > migrate_latest()) {
            log_error("the database has migration %s, which this kpi does not carry (it knows "
                      "up to version %d); use the kpi release that migrated it, or a newer one",
                      name, migrate_latest());
            goto fail;
        }
        char sha[HASH_HEX_LEN];
        if (m != NULL && hash_sha256_hex(m->sql, strlen(m->sql), sha) != KPI_OK)
            goto fail;
        if (m == NULL || strcmp(sha, recorded) != 0) {
            log_error("migration %s was changed after it was applied to this database; "
                      "restore the applied text and put the change in a new migration",
                      name);
            goto fail;
        }
        is_applied[j - 1] = true;
    }
    if (n_legacy > 0 && n_legacy < MIGRATE_BASELINE) {
        log_error("the database holds the migrations of kpi 0.1.0 up to version %d only; "
                  "upgrade it to schema version %d with kpi 0.1.0 ('kpi migrate') first, then "
                  "run this kpi",
                  last_legacy, MIGRATE_BASELINE);
        goto fail;
    }
    for (size_t j = 0; j < migrate_files_len && n_legacy == MIGRATE_BASELINE; j++)
        if (migrate_files[j].version == MIGRATE_BASELINE)
            is_applied[j] = true; /* kpi 0.1.0's 001..012 are the baseline */
    rc = KPI_OK;
fail:
    PQclear(res);
    return rc;
}

/*
 * Run SQL and then RECORD (with its PARAMS) in one transaction; WHAT names
 * the file in messages. Returns KPI_OK, or KPI_ERROR (logged, rolled back).
 */
static enum kpi_status apply_recorded(PGconn *conn, const char *sql, const char *what,
                                      const char *record, int nparams, const char *const *params)
{
    PGresult *res = NULL;
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != KPI_OK)
        return KPI_ERROR;
    res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("%s failed: %s", what, conn_errmsg(conn));
        goto fail;
    }
    PQclear(res);
    res = PQexecParams(conn, record, nparams, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        log_error("could not record %s: %s", what, conn_errmsg(conn));
        goto fail;
    }
    PQclear(res);
    return conn_command(conn, "COMMIT", "could not commit");
fail:
    PQclear(res);
    conn_rollback(conn);
    return KPI_ERROR;
}

/* Apply the migration M with its record. Returns KPI_OK, or KPI_ERROR (logged, rolled back). */
static enum kpi_status apply_one(PGconn *conn, const struct migrate_file *m)
{
    char version[16], sha[HASH_HEX_LEN], what[300];
    snprintf(version, sizeof version, "%d", m->version);
    snprintf(what, sizeof what, "migration %s", m->name);
    if (hash_sha256_hex(m->sql, strlen(m->sql), sha) != KPI_OK)
        return KPI_ERROR;
    const char *params[] = {version, m->name, sha};
    if (apply_recorded(conn, m->sql, what,
                       "INSERT INTO kpi.schema_migration (version, name, sha256) "
                       "VALUES ($1, $2, $3)",
                       3, params) != KPI_OK)
        return KPI_ERROR;
    log_info("applied %s", m->name);
    return KPI_OK;
}

/*
 * Whether the definition D is recorded in REC (rows of name, sha256 of
 * kpi.schema_definition) with its current text: *same. SHA receives the
 * SHA-256 of its text. Returns KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status definition_recorded(const PGresult *rec, const struct migrate_definition *d,
                                           char sha[HASH_HEX_LEN], bool *same)
{
    *same = false;
    if (hash_sha256_hex(d->sql, strlen(d->sql), sha) != KPI_OK)
        return KPI_ERROR;
    for (int r = 0; r < PQntuples(rec) && !*same; r++)
        *same =
            strcmp(PQgetvalue(rec, r, 0), d->name) == 0 && strcmp(PQgetvalue(rec, r, 1), sha) == 0;
    return KPI_OK;
}

/*
 * Apply every definition whose text differs from the one recorded (or that
 * was never applied), in order. Adds to *n how many were applied (those
 * before a failure too). Returns KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status apply_definitions(PGconn *conn, int *n)
{
    enum kpi_status rc = KPI_ERROR;
    PGresult *rec = PQexec(conn, "SELECT name, sha256 FROM kpi.schema_definition");
    if (PQresultStatus(rec) != PGRES_TUPLES_OK) {
        log_error("could not read kpi.schema_definition: %s", conn_errmsg(conn));
        goto fail;
    }
    for (size_t i = 0; i < migrate_definitions_len; i++) {
        const struct migrate_definition *d = &migrate_definitions[i];
        char sha[HASH_HEX_LEN], what[300];
        bool same;
        if (definition_recorded(rec, d, sha, &same) != KPI_OK)
            goto fail;
        if (same)
            continue;
        snprintf(what, sizeof what, "definition %s", d->name);
        const char *params[] = {d->name, sha};
        if (apply_recorded(conn, d->sql, what,
                           "INSERT INTO kpi.schema_definition (name, sha256) VALUES ($1, $2) "
                           "ON CONFLICT (name) DO UPDATE "
                           "SET sha256 = excluded.sha256, applied_at = now()",
                           2, params) != KPI_OK)
            goto fail;
        log_info("applied definition %s", d->name);
        (*n)++;
    }
    rc = KPI_OK;
fail:
    PQclear(rec);
    return rc;
}

enum kpi_status migrate_check(PGconn *conn, int *version, int *stale, const char **first_stale)
{
    enum kpi_status rc = KPI_ERROR;
    PGresult *rec = NULL;
    *stale = (int)migrate_definitions_len;
    *first_stale = migrate_definitions_len ? migrate_definitions[0].name : NULL;
    bool *is_applied = calloc(migrate_files_len + 1, sizeof *is_applied);
    if (is_applied == NULL) {
        log_error("out of memory");
        *version = 0;
        return KPI_ERROR;
    }
    if (migrate_version(conn, version) != KPI_OK)
        goto out;
    if (*version == 0) { /* never migrated: no table to read */
        rc = KPI_REJECTED;
        goto out;
    }
    if (verify_applied(conn, is_applied) != KPI_OK)
        goto out;
    rec = PQexec(conn, "SELECT name, sha256 FROM kpi.schema_definition");
    if (PQresultStatus(rec) != PGRES_TUPLES_OK) {
        log_error("could not read kpi.schema_definition: %s", conn_errmsg(conn));
        goto out;
    }
    *stale = 0;
    *first_stale = NULL;
    for (size_t i = 0; i < migrate_definitions_len; i++) {
        char sha[HASH_HEX_LEN];
        bool same;
        if (definition_recorded(rec, &migrate_definitions[i], sha, &same) != KPI_OK)
            goto out;
        if (!same && (*stale)++ == 0)
            *first_stale = migrate_definitions[i].name;
    }
    rc = KPI_OK;
    for (size_t i = 0; i < migrate_files_len; i++)
        if (!is_applied[i])
            rc = KPI_REJECTED;
    if (*stale > 0)
        rc = KPI_REJECTED;
out:
    PQclear(rec);
    free(is_applied);
    return rc;
}

enum kpi_status migrate_run(PGconn *conn, int *applied, int *definitions, int *version)
{
    enum kpi_status rc = KPI_ERROR;
    int db_version = 0, n = 0, n_def = 0;
    bool *is_applied = calloc(migrate_files_len + 1, sizeof *is_applied);
    if (is_applied == NULL) {
        log_error("out of memory");
        goto out;
    }
    if (conn_command(conn, LOCK_SQL, "could not take the migration lock") != KPI_OK) {
        free(is_applied);
        goto out;
    }
    if (conn_command(conn, bootstrap_sql, "could not create schema kpi") != KPI_OK ||
        verify_applied(conn, is_applied) != KPI_OK)
        goto fail;
    /* every migration not yet applied, in order (a gap left by a merge is filled too) */
    for (size_t i = 0; i < migrate_files_len; i++) {
        if (is_applied[i])
            continue;
        if (apply_one(conn, &migrate_files[i]) != KPI_OK)
            goto fail;
        n++;
    }
    /* then the definitions, over the schema they were written for */
    if (apply_definitions(conn, &n_def) != KPI_OK)
        goto fail;
    rc = KPI_OK;
fail:
    free(is_applied);
    migrate_version(conn, &db_version);
    conn_command(conn, UNLOCK_SQL, "could not release the migration lock");
out:
    if (applied != NULL)
        *applied = n;
    if (definitions != NULL)
        *definitions = n_def;
    if (version != NULL)
        *version = db_version;
    return rc;
}
