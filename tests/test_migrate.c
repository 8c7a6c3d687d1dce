/*
 * test_migrate.c — engine/db/migrate.c against a real PostgreSQL: order,
 * idempotence, and the refusals that protect a database.
 */
#include "common/hash.h"
#include "db/migrate.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    testlib_exec(conn, "UPDATE kpi.schema_migration SET sha256 = 'edited' WHERE version = 13");
    ck_assert_int_eq(migrate_run(conn, NULL, NULL), -1);
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
    ck_assert_int_eq(migrate_files[0].version, MIGRATE_BASELINE);
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
    tcase_add_test(tc, files_are_in_strict_version_order);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
