/*
 * test_migrate.c — engine/migrate.c against a real PostgreSQL: order,
 * idempotence, and the refusals that protect a database.
 */
#include "hash.h"
#include "migrate.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(fresh_database_gets_every_migration)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    int applied = -1, version = -1;
    ck_assert_int_eq(migrate_run(conn, &applied, &version), 0);
    ck_assert_int_eq(applied, (int)migrate_files_len);
    ck_assert_int_eq(version, migrate_latest());
    char *n = testlib_value(conn, "SELECT count(*) FROM kpi.schema_migration");
    char expect[16];
    snprintf(expect, sizeof expect, "%zu", migrate_files_len);
    ck_assert_str_eq(n, expect);
    free(n);
    PQfinish(conn);
}
END_TEST

START_TEST(second_run_changes_nothing)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    int applied, version;
    ck_assert_int_eq(migrate_run(conn, &applied, &version), 0);
    char *before = testlib_value(conn, "SELECT string_agg(version || applied_at::text, ',' "
                                       "ORDER BY version) FROM kpi.schema_migration");
    ck_assert_int_eq(migrate_run(conn, &applied, &version), 0);
    ck_assert_int_eq(applied, 0);
    ck_assert_int_eq(version, migrate_latest());
    char *after = testlib_value(conn, "SELECT string_agg(version || applied_at::text, ',' "
                                      "ORDER BY version) FROM kpi.schema_migration");
    ck_assert_str_eq(before, after);
    free(before);
    free(after);
    PQfinish(conn);
}
END_TEST

START_TEST(newer_database_is_refused)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    ck_assert_int_eq(migrate_run(conn, NULL, NULL), 0);
    testlib_exec(conn, "INSERT INTO kpi.schema_migration (version, name, sha256) "
                       "VALUES (999, '999_future.sql', 'x')");
    int version;
    ck_assert_int_eq(migrate_run(conn, NULL, &version), -1);
    ck_assert_int_eq(version, 999);
    PQfinish(conn);
}
END_TEST

START_TEST(edited_applied_migration_is_refused)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    ck_assert_int_eq(migrate_run(conn, NULL, NULL), 0);
    testlib_exec(conn, "UPDATE kpi.schema_migration SET sha256 = 'edited' WHERE version = 1");
    ck_assert_int_eq(migrate_run(conn, NULL, NULL), -1);
    PQfinish(conn);
}
END_TEST

/*
 * A database at version 8 holding counts: migration 009 makes kpi.observation
 * partitioned, the old table the partition of its months (no row copied),
 * and the view, key and change triggers keep working.
 */
START_TEST(counts_before_009_become_its_partition)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    testlib_exec(conn, "CREATE SCHEMA kpi; CREATE TABLE kpi.schema_migration (version integer"
                       " PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL,"
                       " applied_at timestamptz NOT NULL DEFAULT now())");
    for (size_t i = 0; i < migrate_files_len && migrate_files[i].version < 9; i++) {
        char version[16], sha[HASH_HEX_LEN];
        snprintf(version, sizeof version, "%d", migrate_files[i].version);
        ck_assert_int_eq(hash_sha256_hex(migrate_files[i].sql, strlen(migrate_files[i].sql), sha),
                         0);
        testlib_exec(conn, migrate_files[i].sql);
        const char *params[] = {version, migrate_files[i].name, sha};
        PGresult *r = PQexecParams(conn,
                                   "INSERT INTO kpi.schema_migration (version, name, sha256)"
                                   " VALUES ($1, $2, $3)",
                                   3, NULL, params, NULL, NULL, 0);
        ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
        PQclear(r);
    }
    testlib_exec(conn,
                 "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, value,"
                 " submission_id, line_no) VALUES ('m', '01840', '2025-05-03', 'day', 5, 1, 2),"
                 " ('m', '01840', '2025-07-01', 'month', 9, 1, 3)");
    int version;
    ck_assert_int_eq(migrate_run(conn, NULL, &version), 0);
    ck_assert_int_eq(version, migrate_latest());
    char *parts = testlib_value(conn, "SELECT string_agg(c.relname || ':'"
                                      " || pg_get_expr(c.relpartbound, c.oid), ' '"
                                      " ORDER BY c.relname)"
                                      "  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                                      " WHERE i.inhparent = 'kpi.observation'::regclass");
    ck_assert_str_eq(parts, "observation_default:DEFAULT "
                            "observation_until_009:FOR VALUES FROM ('2025-05-01') TO "
                            "('2025-08-01')");
    free(parts);
    testlib_exec(conn, "UPDATE kpi.observation SET value = 6 WHERE period_start = '2025-05-03'");
    char *seen = testlib_value(conn, "SELECT string_agg(period_start || '=' || value, ' '"
                                     " ORDER BY period_start) FROM kpi.observation_history");
    ck_assert_str_eq(seen, "2025-05-03=6 2025-07-01=9");
    free(seen);
    char *queued = testlib_value(conn, "SELECT count(*) FROM kpi.compute_dirty"
                                       " WHERE run_id IS NULL AND month = '2025-05-01'");
    ck_assert_str_eq(queued, "2"); /* the migration 005 backlog, and the update */
    free(queued);
    PGresult *dup = PQexec(conn, "INSERT INTO kpi.observation VALUES"
                                 " ('m', '01840', '2025-05-03', 'day', 7, 2, 2, now())");
    ck_assert_str_eq(PQresultErrorField(dup, PG_DIAG_SQLSTATE), "23505");
    PQclear(dup);
    PQfinish(conn);
}
END_TEST

START_TEST(version_of_never_migrated_database_is_zero)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    int version = -1;
    ck_assert_int_eq(migrate_version(conn, &version), 0);
    ck_assert_int_eq(version, 0);
    PQfinish(conn);
}
END_TEST

START_TEST(files_are_in_strict_version_order)
{
    for (size_t i = 1; i < migrate_files_len; i++)
        ck_assert_int_lt(migrate_files[i - 1].version, migrate_files[i].version);
    ck_assert_int_eq(migrate_files[0].version, 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("migrate");
    TCase *tc = tcase_create("migrate");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, fresh_database_gets_every_migration);
    tcase_add_test(tc, second_run_changes_nothing);
    tcase_add_test(tc, newer_database_is_refused);
    tcase_add_test(tc, edited_applied_migration_is_refused);
    tcase_add_test(tc, version_of_never_migrated_database_is_zero);
    tcase_add_test(tc, counts_before_009_become_its_partition);
    tcase_add_test(tc, files_are_in_strict_version_order);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
