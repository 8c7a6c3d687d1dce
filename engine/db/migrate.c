/*
 * migrate.c — owns kpi.schema_migration and the order in which sql/NNN_name.sql are
 * applied (see migrate.h).
 */
#include "db/migrate.h"

#include "db/conn.h"
#include "common/hash.h"
#include "common/log.h"

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
    "  'schema versions applied by kpi migrate, one row per sql/NNN_name.sql file'";

int migrate_latest(void)
{
    return migrate_files_len ? migrate_files[migrate_files_len - 1].version : 0;
}

int migrate_version(PGconn *conn, int *version)
{
    *version = 0;
    PGresult *res = PQexec(conn, "SELECT coalesce(max(version), 0) FROM kpi.schema_migration");
    if (PQresultStatus(res) == PGRES_TUPLES_OK) {
        *version = atoi(PQgetvalue(res, 0, 0));
        PQclear(res);
        return 0;
    }
    /* 3F000 invalid_schema_name, 42P01 undefined_table: never migrated */
    bool fresh =
        strcmp(conn_sqlstate(res), "3F000") == 0 || strcmp(conn_sqlstate(res), "42P01") == 0;
    if (!fresh)
        log_error("could not read the schema version: %s", conn_errmsg(conn));
    PQclear(res);
    return fresh ? 0 : -1;
}

/*
 * Check the applied migrations against this binary: each must be one it
 * carries, with unchanged text. Marks is_applied[i] for migrate_files[i].
 */
static int verify_applied(PGconn *conn, bool *is_applied)
{
    int rc = -1;
    PGresult *res = PQexec(conn, "SELECT version, name, sha256 FROM kpi.schema_migration "
                                 "ORDER BY version");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read kpi.schema_migration: %s", conn_errmsg(conn));
        goto fail;
    }
    for (int i = 0; i < PQntuples(res); i++) {
        int v = atoi(PQgetvalue(res, i, 0));
        const struct migrate_file *m = NULL;
        size_t j;
        for (j = 0; j < migrate_files_len && m == NULL; j++)
            if (migrate_files[j].version == v)
                m = &migrate_files[j];
        if (m == NULL) {
            log_error("the database has migration %s, which this kpi does not carry (it knows "
                      "up to version %d); use the kpi release that migrated it, or a newer one",
                      PQgetvalue(res, i, 1), migrate_latest());
            goto fail;
        }
        char sha[HASH_HEX_LEN];
        if (hash_sha256_hex(m->sql, strlen(m->sql), sha) != 0)
            goto fail;
        if (strcmp(sha, PQgetvalue(res, i, 2)) != 0) {
            log_error("migration %s was changed after it was applied to this database; "
                      "restore the applied text and put the change in a new migration",
                      m->name);
            goto fail;
        }
        is_applied[j - 1] = true;
    }
    rc = 0;
fail:
    PQclear(res);
    return rc;
}

static int apply_one(PGconn *conn, const struct migrate_file *m)
{
    char version[16], sha[HASH_HEX_LEN];
    PGresult *res = NULL;
    snprintf(version, sizeof version, "%d", m->version);
    if (hash_sha256_hex(m->sql, strlen(m->sql), sha) != 0)
        return -1;
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0)
        return -1;
    res = PQexec(conn, m->sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("migration %s failed: %s", m->name, conn_errmsg(conn));
        goto fail;
    }
    PQclear(res);
    const char *params[] = {version, m->name, sha};
    res = PQexecParams(conn,
                       "INSERT INTO kpi.schema_migration (version, name, sha256) "
                       "VALUES ($1, $2, $3)",
                       3, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        log_error("could not record migration %s: %s", m->name, conn_errmsg(conn));
        goto fail;
    }
    PQclear(res);
    if (conn_command(conn, "COMMIT", "could not commit") != 0)
        return -1;
    log_info("applied %s", m->name);
    return 0;
fail:
    PQclear(res);
    conn_command(conn, "ROLLBACK", "could not roll back");
    return -1;
}

int migrate_run(PGconn *conn, int *applied, int *version)
{
    int rc = -1, db_version = 0, n = 0;
    bool *is_applied = calloc(migrate_files_len + 1, sizeof *is_applied);
    if (is_applied == NULL) {
        log_error("out of memory");
        return -1;
    }
    if (conn_command(conn, LOCK_SQL, "could not take the migration lock") != 0) {
        free(is_applied);
        return -1;
    }
    if (conn_command(conn, bootstrap_sql, "could not create schema kpi") != 0 ||
        verify_applied(conn, is_applied) != 0)
        goto fail;
    /* every migration not yet applied, in order (a gap left by a merge is filled too) */
    for (size_t i = 0; i < migrate_files_len; i++) {
        if (is_applied[i])
            continue;
        if (apply_one(conn, &migrate_files[i]) != 0)
            goto fail;
        n++;
    }
    rc = 0;
fail:
    free(is_applied);
    migrate_version(conn, &db_version);
    conn_command(conn, UNLOCK_SQL, "could not release the migration lock");
    if (applied != NULL)
        *applied = n;
    if (version != NULL)
        *version = db_version;
    return rc;
}
