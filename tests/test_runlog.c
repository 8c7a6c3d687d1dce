/*
 * test_runlog.c — engine/run/runlog.c against a real PostgreSQL: one run at a
 * time, recovery of a run that died, and the per-stage log.
 */
#include "db/migrate.h"
#include "run/runlog.h"
#include "common/status.h"
#include "testlib.h"

#include <cjson/cJSON.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *migrated_db(void)
{
    const char *db = testlib_db_new();
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    PQfinish(conn);
    return db;
}

START_TEST(second_session_is_locked_out_and_told_who_runs)
{
    const char *db = migrated_db();
    PGconn *a = testlib_connect(db), *b = testlib_connect(db);
    int64_t id;
    ck_assert_int_eq(runlog_lock(a, -1, NULL), KPI_OK);
    ck_assert_int_eq(runlog_begin(a, "/inbox", &id), KPI_OK);
    struct runlog_holder h;
    ck_assert_int_eq(runlog_lock(b, -1, &h), KPI_LOCKED);
    ck_assert_int_eq(h.id, id);
    ck_assert_int_eq(strlen(h.started), 5);
    ck_assert_int_eq(h.started[2], ':');
    /* waiting a bounded time also ends locked out */
    ck_assert_int_eq(runlog_lock(b, 1, &h), KPI_LOCKED);
    ck_assert_int_eq(runlog_finish(a, id, "succeeded", NULL), KPI_OK);
    ck_assert_int_eq(runlog_unlock(a), KPI_OK);
    ck_assert_int_eq(runlog_lock(b, 1, NULL), KPI_OK);
    PQfinish(a);
    PQfinish(b);
}
END_TEST

START_TEST(lock_vanishes_with_a_dead_session_and_its_run_is_marked_failed)
{
    const char *db = migrated_db();
    PGconn *a = testlib_connect(db), *b = testlib_connect(db);
    int64_t dead, recovered = 0;
    ck_assert_int_eq(runlog_lock(a, -1, NULL), KPI_OK);
    ck_assert_int_eq(runlog_begin(a, NULL, &dead), KPI_OK);
    PQfinish(a); /* the process dies without a word */
    ck_assert_int_eq(runlog_lock(b, 30, NULL), KPI_OK);
    ck_assert_int_eq(runlog_recover(b, &recovered), KPI_OK);
    ck_assert_int_eq(recovered, 1);
    char sql[128];
    snprintf(sql, sizeof sql,
             "SELECT status || '|' || (finished_at IS NOT NULL) || '|' || (error LIKE '%%died%%') "
             "FROM kpi.run WHERE id = %lld",
             (long long)dead);
    char *v = testlib_value(b, sql);
    ck_assert_str_eq(v, "failed|true|true");
    free(v);
    /* nothing left to recover the second time */
    ck_assert_int_eq(runlog_recover(b, &recovered), KPI_OK);
    ck_assert_int_eq(recovered, 0);
    PQfinish(b);
}
END_TEST

START_TEST(stages_are_logged_in_order_with_counts)
{
    const char *db = migrated_db();
    PGconn *conn = testlib_connect(db);
    int64_t id;
    ck_assert_int_eq(runlog_begin(conn, "/srv/inbox", &id), KPI_OK);
    cJSON *counts = cJSON_CreateObject();
    cJSON_AddNumberToObject(counts, "files_accepted", 3);
    ck_assert_int_eq(
        runlog_stage(conn, id, "ingest", "ok", "2025-09-15T02:00:00+07:00", 1.25, counts), KPI_OK);
    ck_assert_int_eq(
        runlog_stage(conn, id, "compute", "ok", "2025-09-15T02:00:01+07:00", 0.5, NULL), KPI_OK);
    cJSON_Delete(counts);
    ck_assert_int_eq(runlog_finish(conn, id, "partial", "2 rows rejected"), KPI_OK);
    char *v = testlib_value(conn, "SELECT string_agg(stage || ':' || seconds || ':' || "
                                  "coalesce(counts ->> 'files_accepted', '-'), ',' ORDER BY ord) "
                                  "FROM kpi.run_stage");
    ck_assert_str_eq(v, "ingest:1.250:3,compute:0.500:-");
    free(v);
    v = testlib_value(conn, "SELECT status || '|' || error || '|' || inbox FROM kpi.run");
    ck_assert_str_eq(v, "partial|2 rows rejected|/srv/inbox");
    free(v);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("runlog");
    TCase *tc = tcase_create("runlog");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, second_session_is_locked_out_and_told_who_runs);
    tcase_add_test(tc, lock_vanishes_with_a_dead_session_and_its_run_is_marked_failed);
    tcase_add_test(tc, stages_are_logged_in_order_with_counts);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
