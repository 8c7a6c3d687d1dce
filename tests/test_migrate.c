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
    testlib_exec(conn, "UPDATE kpi.schema_migration SET sha256 = 'edited' WHERE version = 1");
    ck_assert_int_eq(migrate_run(conn, NULL, NULL), -1);
    PQfinish(conn);
}
END_TEST

/* Apply the migrations older than VERSION to the new database of CONN, as kpi migrate would. */
static void migrate_before(PGconn *conn, int version)
{
    testlib_exec(conn, "CREATE SCHEMA kpi; CREATE TABLE kpi.schema_migration (version integer"
                       " PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL,"
                       " applied_at timestamptz NOT NULL DEFAULT now())");
    for (size_t i = 0; i < migrate_files_len && migrate_files[i].version < version; i++) {
        char v[16], sha[HASH_HEX_LEN];
        snprintf(v, sizeof v, "%d", migrate_files[i].version);
        ck_assert_int_eq(hash_sha256_hex(migrate_files[i].sql, strlen(migrate_files[i].sql), sha),
                         0);
        testlib_exec(conn, migrate_files[i].sql);
        const char *params[] = {v, migrate_files[i].name, sha};
        PGresult *r = PQexecParams(conn,
                                   "INSERT INTO kpi.schema_migration (version, name, sha256)"
                                   " VALUES ($1, $2, $3)",
                                   3, NULL, params, NULL, NULL, 0);
        ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
        PQclear(r);
    }
}

/*
 * A database at version 8 holding counts: migration 009 makes kpi.observation
 * partitioned, the old table the partition of its months (no row copied),
 * and the view, key and change triggers keep working.
 */
START_TEST(counts_before_009_become_its_partition)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    migrate_before(conn, 9);
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

/* The first value of SQL run by a new connection to DB as ROLE ("" for no row). */
static char *value_as(const char *db, const char *role, const char *sql)
{
    char conninfo[4400];
    snprintf(conninfo, sizeof conninfo, "%s user=%s", db, role);
    PGconn *conn = testlib_connect(conninfo);
    char *v = testlib_value(conn, sql);
    PQfinish(conn);
    return v != NULL ? v : strdup("");
}

/*
 * A database at version 9 holding counts (a partition, the default
 * partition, a superseded version) after `kpi roles setup`: migration 010
 * changes the key, and the row-level security policies of every table, the
 * view's owner and grants are those of before, and still scope an analyst.
 */
START_TEST(key_change_keeps_row_security)
{
    const char *db = testlib_db_new();
    PGconn *conn = testlib_connect(db);
    char analyst[64], sql[512];
    snprintf(analyst, sizeof analyst, "kpi_test_m010_%ld", (long)getpid());
    migrate_before(conn, 10);
    testlib_exec(conn,
                 "INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES"
                 " ('19', 'p', 'province', NULL), ('01840', 'a', 'phuong', '19'),"
                 " ('01843', 'b', 'phuong', '19');"
                 "SELECT kpi.observation_load_begin();"
                 "INSERT INTO kpi.observation_load (metric, unit_code, period_start, grain, value,"
                 " submission_id, line_no) VALUES ('m', '01840', '2025-06-01', 'day', 5, 1, 2),"
                 " ('m', '01843', '2025-06-02', 'day', 6, 1, 3);"
                 "SELECT kpi.observation_load_attach(1, '{2025-06-01}');"
                 "INSERT INTO kpi.observation VALUES ('m', '01843', '2025-08-03', 'day', 7, 2, 2,"
                 " now());"
                 "INSERT INTO kpi.observation_superseded VALUES ('m', '01843', '2025-06-02', 'day',"
                 " 4, 0, 9, now() - interval '1 day', now());"
                 "SELECT kpi.setup_roles()");
    snprintf(sql, sizeof sql,
             "CREATE ROLE %s LOGIN; SELECT kpi.grant_role('kpi_analyst', '%s');"
             " INSERT INTO kpi.analyst_scope VALUES ('%s', '01843', false)",
             analyst, analyst, analyst);
    testlib_exec(conn, sql);
    const char *policies = "SELECT string_agg(concat_ws(':', tablename, policyname, permissive,"
                           " roles::text, cmd, qual, with_check), ' | '"
                           " ORDER BY tablename, policyname)"
                           " FROM pg_policies WHERE schemaname = 'kpi'"
                           "  AND tablename LIKE 'observation%'";
    const char *view = "SELECT relowner::regrole || ' ' || relacl::text FROM pg_class"
                       " WHERE oid = 'kpi.observation_history'::regclass";
    const char *seen = "SELECT string_agg(unit_code || '/' || period_start || '=' || value, ' '"
                       " ORDER BY period_start, value) FROM kpi.observation_history";
    char *pol_before = testlib_value(conn, policies);
    char *view_before = testlib_value(conn, view);
    char *seen_before = value_as(db, analyst, seen);
    ck_assert_str_eq(seen_before, "01843/2025-06-02=4 01843/2025-06-02=6 01843/2025-08-03=7");
    /* the partition, the default partition and the superseded versions have their policy */
    ck_assert_ptr_nonnull(strstr(pol_before, "observation_202506_1:unit_scope:"));
    ck_assert_ptr_nonnull(strstr(pol_before, "observation_default:unit_scope:"));
    ck_assert_ptr_nonnull(strstr(pol_before, "observation_superseded:unit_scope:"));

    int version;
    ck_assert_int_eq(migrate_run(conn, NULL, &version), 0);
    ck_assert_int_eq(version, migrate_latest());
    char *pol_after = testlib_value(conn, policies);
    char *view_after = testlib_value(conn, view);
    char *seen_after = value_as(db, analyst, seen);
    ck_assert_str_eq(pol_after, pol_before);
    ck_assert_str_eq(view_after, view_before);
    ck_assert_str_eq(seen_after, seen_before);
    char *all = testlib_value(conn, "SELECT count(*) FROM kpi.observation_history");
    ck_assert_str_eq(all, "4");
    /* the new key, on the table and each partition, and its collation */
    char *key = testlib_value(conn, "SELECT string_agg(r.relname || ' '"
                                    " || pg_get_constraintdef(c.oid), ', '"
                                    " ORDER BY r.relname)"
                                    " FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid"
                                    " WHERE c.contype = 'p'"
                                    "  AND c.conrelid IN (SELECT relid FROM"
                                    "   pg_partition_tree('kpi.observation'))");
    ck_assert_str_eq(key, "observation PRIMARY KEY (period_start, unit_code, metric, grain), "
                          "observation_202506_1 PRIMARY KEY (period_start, unit_code, metric, "
                          "grain), observation_default PRIMARY KEY (period_start, unit_code, "
                          "metric, grain)");
    char *coll =
        testlib_value(conn, "SELECT string_agg(DISTINCT r.relname || '.'"
                            " || attname || ' ' || collname, ', ')"
                            " FROM pg_attribute JOIN pg_collation c ON c.oid = attcollation"
                            " JOIN pg_class r ON r.oid = attrelid"
                            " WHERE attrelid IN ('kpi.observation'::regclass,"
                            "   'kpi.observation_superseded'::regclass)"
                            "  AND attname IN ('metric', 'unit_code', 'grain')");
    ck_assert_str_eq(coll, "observation.grain C, observation.metric C, "
                           "observation.unit_code C, observation_superseded.grain C, "
                           "observation_superseded.metric C, "
                           "observation_superseded.unit_code C");
    snprintf(sql, sizeof sql, "DROP OWNED BY %s; DROP ROLE %s", analyst, analyst);
    testlib_exec(conn, sql);
    free(pol_before);
    free(pol_after);
    free(view_before);
    free(view_after);
    free(seen_before);
    free(seen_after);
    free(all);
    free(key);
    free(coll);
    PQfinish(conn);
}
END_TEST

/* The cells of a computation, for comparing two states. */
#define CELLS                                                                                      \
    "SELECT indicator_id, unit_code, period_kind, period_end, numerator, denominator, status, "    \
    "gap_count, completeness_pct FROM kpi.indicator_value"
/* The time layer, for the same comparison. */
#define HALVES                                                                                     \
    "SELECT metric, half, unit_code, value, last_day, has_month, first_day, first_done "           \
    "FROM kpi.metric_half"

/*
 * A database computed at version 9 (kpi.metric_half without first days,
 * compute queued by key): after 011 the next night is computed from its
 * inserted rows, and the result, cells and time layer, equals a full
 * recomputation.
 */
START_TEST(computed_before_011_continues_exactly)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    migrate_before(conn, 10);
    char *world = testlib_read_file(testlib_path("tests/data/compute_world.sql"));
    testlib_exec(conn, world);
    free(world);
    testlib_exec(conn, "INSERT INTO kpi.observation (metric, unit_code, period_start, grain,"
                       " value, submission_id, line_no) VALUES"
                       " ('dvc_essential_online', 'A', '2025-02-10', 'day', 70, 1, 2),"
                       " ('dvc_essential_total', 'A', '2025-02-10', 'day', 80, 1, 3),"
                       " ('citizen_14plus', 'B', '2025-01-31', 'day', 1000, 1, 4),"
                       " ('citizen_14plus_vneid_active', 'B', '2025-01-31', 'day', 860, 1, 5),"
                       " ('task_1_1_done', 'A', '2025-02-03', 'day', 0, 1, 6)");
    testlib_exec(conn, "SELECT kpi.compute_run(NULL, NULL, false)");
    ck_assert_int_eq(migrate_run(conn, NULL, NULL), 0);
    char *first = testlib_value(conn, "SELECT count(*) FROM kpi.metric_half"
                                      " WHERE metric = 'task_1_1_done' AND first_day IS NOT NULL");
    ck_assert_str_eq(first, "1"); /* the first days of status metrics, filled by 011 */
    free(first);
    testlib_exec(conn, "INSERT INTO kpi.observation (metric, unit_code, period_start, grain,"
                       " value, submission_id, line_no) VALUES"
                       " ('dvc_essential_online', 'A', '2025-02-11', 'day', 5, 2, 2),"
                       " ('dvc_essential_total', 'A', '2025-02-11', 'day', 6, 2, 3),"
                       " ('citizen_14plus', 'B', '2025-02-03', 'day', 1100, 2, 4),"
                       " ('citizen_14plus_vneid_active', 'B', '2025-02-03', 'day', 900, 2, 5),"
                       " ('task_1_1_done', 'A', '2025-02-18', 'day', 1, 2, 6)");
    char *inc = testlib_value(conn, "SELECT mode || ' ' || (cells_changed > 0)"
                                    " FROM kpi.compute_run(NULL, NULL, false)");
    ck_assert_str_eq(inc, "incremental true");
    free(inc);
    testlib_exec(conn, "CREATE TABLE cells_inc AS " CELLS "; CREATE TABLE half_inc AS " HALVES);
    char *full = testlib_value(conn, "SELECT mode || ' ' || cells_changed"
                                     " FROM kpi.compute_run(NULL, NULL, true)");
    ck_assert_str_eq(full, "full 0");
    free(full);
    char *diff = testlib_difference(conn, "cells_inc", CELLS);
    ck_assert_str_eq(diff, "0");
    free(diff);
    diff = testlib_difference(conn, "half_inc", HALVES);
    ck_assert_str_eq(diff, "0");
    free(diff);
    char *task = testlib_value(conn, "SELECT status || ' ' || reason FROM kpi.indicator_value"
                                     " WHERE indicator_id = '1.1' AND unit_code = 'P'"
                                     "   AND period_kind = 'month' AND period_end = '2025-02-28'");
    ck_assert_ptr_nonnull(strstr(task, "done on 2025-02-18"));
    free(task);
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
    tcase_add_test(tc, key_change_keeps_row_security);
    tcase_add_test(tc, computed_before_011_continues_exactly);
    tcase_add_test(tc, files_are_in_strict_version_order);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
