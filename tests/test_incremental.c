/*
 * test_incremental.c — a night costs what changed (issue 22, item 3): the
 * incremental kpi.compute recomputes only the cells whose inputs changed
 * (their half month, their metrics) and rewrites only those whose value
 * changed; it ends where a full computation of the same counts ends; and the
 * alert evaluation after it reads only the keys whose cells changed (plus
 * the firing ones, and those at risk on the day their due date comes within
 * the horizon); the implausible values of a month are judged against the
 * baseline kept for it while its window is unchanged. On the small world of test_compute
 * (tests/data/compute_world.sql: province P, communes A, B, C).
 */
#include "compute/compute.h"
#include "db/migrate.h"
#include "common/status.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static PGconn *world(void)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    char *sql = testlib_read_file(testlib_path("tests/data/compute_world.sql"));
    testlib_exec(conn, sql);
    free(sql);
    return conn;
}

/* Counts "(metric, unit, day, value), ..." inserted as day rows of submission 1. */
static void counts(PGconn *conn, const char *rows)
{
    char sql[4096];
    snprintf(sql, sizeof sql,
             "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, value, "
             "submission_id, line_no) SELECT m, u, d::date, 'day', v, 1, row_number() OVER () "
             "FROM (VALUES %s) AS r(m, u, d, v)",
             rows);
    testlib_exec(conn, sql);
}

static struct compute_result run(PGconn *conn, bool full)
{
    struct compute_opts o = {NULL, NULL, full};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &o, &r), KPI_OK);
    return r;
}

static void assert_value(PGconn *conn, const char *sql, const char *expect)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, expect) == 0, "%s: got %s, expected %s", sql,
                  v ? v : "(no row)", expect);
    free(v);
}

/* Every stored cell's content (not when nor by which run it was computed). */
#define CHECKSUM                                                                                   \
    "SELECT md5(string_agg((to_jsonb(v) - 'computed_at' - 'run_id')::text, E'\\n' ORDER BY "       \
    "v.indicator_id, v.unit_code, v.period_kind, v.period_end, v.period_start)) "                  \
    "FROM kpi.indicator_value v"

/* January and February 2025, both halves, for A and B: 3.1 (essential services, flows) and
 * 5.2 (VNeID, stocks). */
static void two_months(PGconn *conn)
{
    counts(conn, "('dvc_essential_online', 'A', '2025-01-05', 40), "
                 "('dvc_essential_total', 'A', '2025-01-05', 50), "
                 "('dvc_essential_online', 'A', '2025-01-20', 45), "
                 "('dvc_essential_total', 'A', '2025-01-20', 50), "
                 "('dvc_essential_online', 'B', '2025-01-06', 30), "
                 "('dvc_essential_total', 'B', '2025-01-06', 40), "
                 "('dvc_essential_online', 'A', '2025-02-05', 35), "
                 "('dvc_essential_total', 'A', '2025-02-05', 40), "
                 "('dvc_essential_online', 'B', '2025-02-06', 30), "
                 "('dvc_essential_total', 'B', '2025-02-06', 40), "
                 "('citizen_14plus', 'A', '2025-01-31', 100), "
                 "('citizen_14plus_vneid_active', 'A', '2025-01-31', 80), "
                 "('citizen_14plus', 'A', '2025-02-14', 100), "
                 "('citizen_14plus_vneid_active', 'A', '2025-02-14', 90), "
                 "('citizen_14plus', 'B', '2025-02-10', 200), "
                 "('citizen_14plus_vneid_active', 'B', '2025-02-10', 190)");
}

/* A night adds 3.1's counts of A on 20 February (the half 15..28 February). Recomputed: the
 * cells of 3.1 of province P whose period holds a day of that half (P, A, B, C x the month of
 * February and the year to date: 8), and the deadline window of 5.3.a (due 18 August) of P,
 * A, B, C, now counted to 20 February instead of 14 February (4): 12, no other. Rewritten:
 * those among them whose value changed, i.e. 3.1 of A and P, and the deadline cells (their
 * counted_to); B's and C's 3.1 are recomputed to the same value and left alone, as is every
 * cell of 5.2 and of the other indicators, 3.1's January and the reporting month
 * 15/1..14/2. */
START_TEST(night_touches_only_its_half)
{
    PGconn *conn = world();
    two_months(conn);
    run(conn, true);
    testlib_exec(conn, "CREATE TABLE before AS SELECT * FROM kpi.indicator_value");
    counts(conn, "('dvc_essential_online', 'A', '2025-02-20', 10), "
                 "('dvc_essential_total', 'A', '2025-02-20', 20)");
    struct compute_result r = run(conn, false);
    ck_assert(!r.full);
    ck_assert_int_eq(r.cells_in_scope, 12);
    assert_value(conn,
                 "SELECT count(*) FILTER (WHERE indicator_id = '3.1' AND period_start <= "
                 "'2025-02-28' AND period_end >= '2025-02-15') || '+' || count(*) FILTER "
                 "(WHERE period_kind = 'deadline') FROM before",
                 "8+4");
#define ALLOWED                                                                                    \
    "((v.indicator_id = '3.1' AND v.unit_code IN ('A', 'P') AND v.period_start <= '2025-02-28' "   \
    "AND v.period_end >= '2025-02-15') OR v.period_kind = 'deadline')"
    /* rewritten: only cells of 3.1, of A and P, of such a period, and the deadline cells */
    assert_value(
        conn,
        "SELECT count(*) FROM kpi.indicator_value v JOIN before b USING (indicator_id, "
        "unit_code, period_kind, period_end) WHERE (to_jsonb(v) - 'computed_at' - "
        "'run_id') IS DISTINCT FROM (to_jsonb(b) - 'computed_at' - 'run_id') AND NOT " ALLOWED,
        "0");
    /* and none else was written at all (its computed_at and run_id kept) */
    assert_value(conn,
                 "SELECT count(*) FROM kpi.indicator_value v JOIN before b USING (indicator_id, "
                 "unit_code, period_kind, period_end) WHERE (v.computed_at, v.run_id) IS "
                 "DISTINCT FROM (b.computed_at, b.run_id) AND NOT " ALLOWED,
                 "0");
    /* A's February month: 35 + 10 of 40 + 20 (45/60 = 75 %, not above 80 %) */
    assert_value(conn,
                 "SELECT numerator || '/' || denominator || ' ' || status FROM "
                 "kpi.indicator_value WHERE indicator_id = '3.1' AND unit_code = 'A' AND "
                 "period_kind = 'month' AND period_label = '2025-02'",
                 "45/60 breach");
    /* the cells written are exactly the night's run's, and no cell was added */
    char sql[2048];
    snprintf(sql, sizeof sql, "SELECT count(*) = %lld FROM kpi.indicator_value WHERE run_id = %lld",
             r.cells_changed, r.run_id);
    assert_value(conn, sql, "t");
    assert_value(conn,
                 "SELECT (SELECT count(*) FROM kpi.indicator_value) = (SELECT count(*) FROM "
                 "before)",
                 "t");
    /* the run's log of the keys it wrote (kpi.indicator_value_change, what the alert evaluation
     * reads) holds exactly the keys of those cells: 3.1 of A and P (its month, year to date and
     * report month), the deadline window of 5.3.a of P, A, B, C */
    char log[1024];
    snprintf(log, sizeof log,
             "SELECT string_agg(indicator_id || ' ' || period_kind || ' ' || unit_codes::text, "
             "', ' ORDER BY indicator_id, period_kind) FROM kpi.indicator_value_change "
             "WHERE run_id = %lld",
             r.run_id);
    snprintf(sql, sizeof sql,
             "SELECT (%s) = (SELECT string_agg(indicator_id || ' ' || period_kind || ' ' || u, "
             "', ' ORDER BY indicator_id, period_kind) FROM (SELECT indicator_id, period_kind, "
             "array_agg(unit_code ORDER BY unit_code)::text AS u FROM kpi.indicator_value WHERE "
             "run_id = %lld GROUP BY 1, 2) k)",
             log, r.run_id);
    assert_value(conn, sql, "t");
    char *written = testlib_value(conn, log);
    ck_assert_msg(written != NULL && strstr(written, "3.1 month {A,P}") != NULL &&
                      strstr(written, "5.3.a deadline {A,B,C,P}") != NULL,
                  "the night's log: %s", written ? written : "(none)");
    free(written);
    PQfinish(conn);
}
END_TEST

/* Nights of every kind (new days in a computed half, a revision of January, a new month),
 * each computed incrementally, end with the cells a full computation stores: the same
 * checksum of kpi.indicator_value before and after it, and the full run changes nothing. */
START_TEST(incremental_equals_full)
{
    PGconn *conn = world();
    two_months(conn);
    run(conn, true);
    counts(conn, "('dvc_essential_online', 'A', '2025-02-20', 10), "
                 "('dvc_essential_total', 'A', '2025-02-20', 20), "
                 "('citizen_14plus_vneid_active', 'B', '2025-02-21', 195)");
    run(conn, false);
    testlib_exec(conn, "UPDATE kpi.observation SET value = 50, submission_id = 1 "
                       "WHERE metric = 'dvc_essential_online' AND unit_code = 'A' "
                       "AND period_start = '2025-01-05'");
    counts(conn, "('dvc_essential_online', 'B', '2025-03-03', 38), "
                 "('dvc_essential_total', 'B', '2025-03-03', 40), "
                 "('citizen_14plus', 'A', '2025-03-16', 101), "
                 "('citizen_14plus_vneid_active', 'A', '2025-03-16', 99)");
    run(conn, false);
    counts(conn, "('dvc_essential_online', 'A', '2025-03-17', 5), "
                 "('dvc_essential_total', 'A', '2025-03-17', 5)");
    run(conn, false);
    char *incremental = testlib_value(conn, CHECKSUM);
    struct compute_result full = run(conn, true);
    char *after = testlib_value(conn, CHECKSUM);
    ck_assert_str_eq(incremental, after);
    ck_assert_int_eq(full.cells_changed, 0);
    /* and the revision is in: A's January 50 + 45 of 100 */
    assert_value(conn,
                 "SELECT numerator || '/' || denominator FROM kpi.indicator_value WHERE "
                 "indicator_id = '3.1' AND unit_code = 'A' AND period_kind = 'month' AND "
                 "period_label = '2025-01'",
                 "95/100");
    free(incremental);
    free(after);
    PQfinish(conn);
}
END_TEST

/* The night just computed incrementally left the cells a full computation stores: the same
 * checksum of kpi.indicator_value after a full run, which changes no cell. */
static void night_equals_full(PGconn *conn)
{
    char *incremental = testlib_value(conn, CHECKSUM);
    struct compute_result full = run(conn, true);
    char *after = testlib_value(conn, CHECKSUM);
    ck_assert_str_eq(incremental, after);
    ck_assert_int_eq(full.cells_changed, 0);
    free(incremental);
    free(after);
}

/* Whether UNIT's cell of 3.1 or 5.2 (ID) of KIND ending on END is suspect: "t" or "f". */
static void assert_suspect(PGconn *conn, const char *id, const char *unit, const char *kind,
                           const char *end, const char *expect)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT suspect FROM kpi.indicator_value WHERE indicator_id = '%s' AND "
             "unit_code = '%s' AND period_kind = '%s' AND period_end = '%s'",
             id, unit, kind, end);
    assert_value(conn, sql, expect);
}

/* A finding of a whole month marks a reporting window that holds none of the night's days.
 * A's essential services may not exceed 120 a month (kpi.metric_quality.max_value). January:
 * 50 on the 5th, 50 on the 20th (100, within). The night adds 30 on the 25th (second half):
 * January is 130 > 120, above_max; the window 15/12/2024–14/1/2025 overlaps January, so it is
 * suspect for A (and for P above it: a bound marks every cell above its unit), as a full
 * computation marks it, though its days (the 5th) did not change. */
START_TEST(finding_marks_a_window_beside_the_night)
{
    PGconn *conn = world();
    testlib_exec(conn, "INSERT INTO kpi.metric_quality (code, catalog_version, max_value) "
                       "VALUES ('dvc_essential_total', 'v1', 120)");
    counts(conn, "('dvc_essential_online', 'A', '2025-01-05', 40), "
                 "('dvc_essential_total', 'A', '2025-01-05', 50), "
                 "('dvc_essential_online', 'A', '2025-01-20', 45), "
                 "('dvc_essential_total', 'A', '2025-01-20', 50)");
    run(conn, true);
    assert_suspect(conn, "3.1", "A", "report_month", "2025-01-14", "f");
    counts(conn, "('dvc_essential_online', 'A', '2025-01-25', 10), "
                 "('dvc_essential_total', 'A', '2025-01-25', 30)");
    run(conn, false);
    assert_value(conn,
                 "SELECT kind || ' ' || own_value FROM kpi.data_quality_finding WHERE "
                 "resolved_at IS NULL AND unit_code = 'A'",
                 "above_max 130");
    assert_suspect(conn, "3.1", "A", "month", "2025-01-31", "t");
    assert_suspect(conn, "3.1", "A", "report_month", "2025-01-14", "t");
    assert_suspect(conn, "3.1", "P", "report_month", "2025-01-14", "t");
    night_equals_full(conn);
    PQfinish(conn);
}
END_TEST

/* A month's low values are judged once it is no longer the latest holding values: B's
 * January, 40 essential services, is below the minimum of 60 but not judged while January is
 * the latest month (it may still be filling). The night brings A's 3 February: January is
 * judged, below_min, and B's January cells are suspect, though B sent nothing that night. */
START_TEST(month_judged_when_no_longer_latest)
{
    PGconn *conn = world();
    testlib_exec(conn, "INSERT INTO kpi.metric_quality (code, catalog_version, min_value) "
                       "VALUES ('dvc_essential_total', 'v1', 60)");
    counts(conn, "('dvc_essential_online', 'A', '2025-01-05', 70), "
                 "('dvc_essential_total', 'A', '2025-01-05', 80), "
                 "('dvc_essential_online', 'B', '2025-01-06', 30), "
                 "('dvc_essential_total', 'B', '2025-01-06', 40)");
    run(conn, true);
    assert_value(conn, "SELECT count(*) FROM kpi.data_quality_finding", "0");
    assert_suspect(conn, "3.1", "B", "month", "2025-01-31", "f");
    counts(conn, "('dvc_essential_online', 'A', '2025-02-03', 70), "
                 "('dvc_essential_total', 'A', '2025-02-03', 80)");
    run(conn, false);
    /* B: 40 < 60 in January; A's February (80) is the latest month: not judged low */
    assert_value(conn,
                 "SELECT string_agg(kind || ' ' || unit_code || ' ' || period_start || ' ' || "
                 "own_value, ', ') FROM kpi.data_quality_finding WHERE resolved_at IS NULL",
                 "below_min B 2025-01-01 40");
    assert_suspect(conn, "3.1", "B", "month", "2025-01-31", "t");
    assert_suspect(conn, "3.1", "B", "report_month", "2025-01-14", "t");
    night_equals_full(conn);
    PQfinish(conn);
}
END_TEST

/* A month is judged against the months before it: revising one judges those after it again.
 * A's active VNeID accounts, a stock that may not fall (monotone): 100 in January, 120 in
 * February. January is revised to 150: February's 120 is now below its previous month, a
 * stock_drop of February, and A's February cell of 5.2 is suspect (no February count
 * changed). */
START_TEST(revision_judges_the_months_after_it)
{
    PGconn *conn = world();
    testlib_exec(conn, "INSERT INTO kpi.metric_quality (code, catalog_version, monotone) "
                       "VALUES ('citizen_14plus_vneid_active', 'v1', true)");
    counts(conn, "('citizen_14plus_vneid_active', 'A', '2025-01-10', 100), "
                 "('citizen_14plus', 'A', '2025-01-10', 200), "
                 "('citizen_14plus_vneid_active', 'A', '2025-02-10', 120), "
                 "('citizen_14plus', 'A', '2025-02-10', 200)");
    run(conn, true);
    assert_value(conn, "SELECT count(*) FROM kpi.data_quality_finding", "0");
    assert_suspect(conn, "5.2", "A", "month", "2025-02-28", "f");
    testlib_exec(conn, "UPDATE kpi.observation SET value = 150 WHERE metric = "
                       "'citizen_14plus_vneid_active' AND unit_code = 'A' AND period_start = "
                       "'2025-01-10'");
    run(conn, false);
    assert_value(conn,
                 "SELECT string_agg(kind || ' ' || period_start || ' ' || own_value || ' < ' || "
                 "compared_value, ', ') FROM kpi.data_quality_finding WHERE resolved_at IS NULL",
                 "stock_drop 2025-02-01 120 < 150");
    assert_suspect(conn, "5.2", "A", "month", "2025-02-28", "t");
    night_equals_full(conn);
    PQfinish(conn);
}
END_TEST

/* A night that changes only the latest month judges it against the baseline kept for it
 * (kpi.quality_baseline), not its window read and sorted again. A's essential services,
 * January to June 2025: 50, 52, 50, 52, 50, 52 (median (50 + 52) / 2 = 51, every month 1 away:
 * MAD 1); July 51 (z 0). The night adds 30 on 20 July: July is 81, z = 0.6745 x (81 - 51) / 1
 * = 20.235, 20.24 rounded, above 3.5: an outlier (a high value is judged in the latest month),
 * found with the baseline of the full run, still its month's, still valid. */
START_TEST(night_reads_the_kept_baseline)
{
    PGconn *conn = world();
    counts(conn, "('dvc_essential_total', 'A', '2025-01-05', 50), "
                 "('dvc_essential_total', 'A', '2025-02-05', 52), "
                 "('dvc_essential_total', 'A', '2025-03-05', 50), "
                 "('dvc_essential_total', 'A', '2025-04-05', 52), "
                 "('dvc_essential_total', 'A', '2025-05-05', 50), "
                 "('dvc_essential_total', 'A', '2025-06-05', 52), "
                 "('dvc_essential_total', 'A', '2025-07-05', 51)");
    struct compute_result full = run(conn, true);
    assert_value(conn, "SELECT count(*) FROM kpi.data_quality_finding", "0");
    counts(conn, "('dvc_essential_total', 'A', '2025-07-20', 30)");
    run(conn, false);
    char expect[64];
    snprintf(expect, sizeof expect, "%lld true", full.run_id);
    assert_value(conn,
                 "SELECT run_id || ' ' || valid FROM kpi.quality_baseline_month WHERE metric = "
                 "'dvc_essential_total' AND month = '2025-07-01'",
                 expect);
    assert_value(
        conn,
        "SELECT string_agg(concat_ws(' ', kind, period_start, own_value, median, mad, "
        "z_score, history_n), ', ') FROM kpi.data_quality_finding WHERE resolved_at IS NULL",
        "outlier 2025-07-01 81 51 1 20.24 6");
    night_equals_full(conn);
    PQfinish(conn);
}
END_TEST

/* A kept baseline stops serving once a month of its window changes, even in a run that does
 * not judge its month. A's active VNeID accounts (a monotone stock): 100 in January, 120 in
 * February, the latest month, whose baseline (previous month 100) the full run keeps.
 * January is revised to 150 and computed alone (kpi compute --to 2025-01): February is not
 * judged. A later night brings a count of A on 12 February, 120 again: February is judged
 * against January's 150, a stock_drop, not against the kept 100. */
START_TEST(kept_baseline_invalid_after_its_window_changed)
{
    PGconn *conn = world();
    testlib_exec(conn, "INSERT INTO kpi.metric_quality (code, catalog_version, monotone) "
                       "VALUES ('citizen_14plus_vneid_active', 'v1', true)");
    counts(conn, "('citizen_14plus_vneid_active', 'A', '2025-01-10', 100), "
                 "('citizen_14plus_vneid_active', 'A', '2025-02-10', 120)");
    run(conn, true);
    assert_value(conn,
                 "SELECT previous || ' ' || valid FROM kpi.quality_baseline b JOIN "
                 "kpi.quality_baseline_month k USING (metric, month, run_id) WHERE b.metric = "
                 "'citizen_14plus_vneid_active' AND b.month = '2025-02-01' AND unit_code = 'A'",
                 "100 true");
    testlib_exec(conn, "UPDATE kpi.observation SET value = 150 WHERE metric = "
                       "'citizen_14plus_vneid_active' AND unit_code = 'A' AND period_start = "
                       "'2025-01-10'");
    struct compute_opts january = {"2025-01-01", "2025-01-01", false};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &january, &r), KPI_OK);
    assert_value(conn, "SELECT count(*) FROM kpi.data_quality_finding", "0");
    assert_value(conn,
                 "SELECT valid FROM kpi.quality_baseline_month WHERE metric = "
                 "'citizen_14plus_vneid_active' AND month = '2025-02-01'",
                 "f");
    counts(conn, "('citizen_14plus_vneid_active', 'A', '2025-02-12', 120)");
    run(conn, false);
    assert_value(conn,
                 "SELECT string_agg(kind || ' ' || period_start || ' ' || own_value || ' < ' || "
                 "compared_value, ', ') FROM kpi.data_quality_finding WHERE resolved_at IS NULL",
                 "stock_drop 2025-02-01 120 < 150");
    night_equals_full(conn);
    PQfinish(conn);
}
END_TEST

/* A change of a metric's quality settings judges its months again on the next night, though
 * no count changed (the settings are part of the run's catalog digest): A's January, 130
 * essential services, is within bounds until a maximum of 120 is set; then above_max. */
START_TEST(quality_settings_judged_on_the_next_night)
{
    PGconn *conn = world();
    counts(conn, "('dvc_essential_online', 'A', '2025-01-05', 70), "
                 "('dvc_essential_total', 'A', '2025-01-05', 130)");
    run(conn, true);
    assert_value(conn, "SELECT count(*) FROM kpi.data_quality_finding", "0");
    testlib_exec(conn, "INSERT INTO kpi.metric_quality (code, catalog_version, max_value) "
                       "VALUES ('dvc_essential_total', 'v1', 120)");
    run(conn, false);
    assert_value(conn,
                 "SELECT string_agg(kind || ' ' || period_start || ' ' || own_value || ' > ' || "
                 "bound, ', ') FROM kpi.data_quality_finding WHERE resolved_at IS NULL",
                 "above_max 2025-01-01 130 > 120");
    assert_suspect(conn, "3.1", "A", "month", "2025-01-31", "t");
    night_equals_full(conn);
    PQfinish(conn);
}
END_TEST

/* One evaluation at NOW (kpi.alert_run_open, kpi.alert_evaluate) left open: the caller reads
 * alert_cell and commits or rolls back. */
static void evaluate(PGconn *conn, const char *now)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "BEGIN; SELECT kpi.alert_evaluate((SELECT run_id FROM kpi.alert_run_open('%s', "
             "'routes', '{\"escalate_after_periods\": 3}')), '[{\"period_kinds\": [\"month\"]}]', "
             "'%s', 80, 30, 3, 7)",
             now, now);
    testlib_exec(conn, sql);
}

/* After an evaluation, a night that changes only 3.1 of A in February: the next evaluation
 * classes the keys with a cell that night's run stored (3.1 of A and of P, monthly), those of
 * firing alerts (3.1 of B breaches in February: 30/40 = 75 %, not above 80 %); of 5.2, whose
 * cells did not change and are met (A 90/100, B 190/200, P 280/300, all above 85 %), only
 * P's, whose data alert fires (P's completeness: A and B of its three communes, 66,67 % under
 * the floor of 80 %); their alerts stay as they were. Not the task 1.1 of P, at risk (not
 * done, due 17 July 2025) but quiet on both days (138 and 137 days before its due date, the
 * horizon 30): its class did not move. The keys it looks up are of the routed kinds only.
 * With another completeness floor (90 %), every key is read again. */
START_TEST(alerts_read_only_changed_keys)
{
    PGconn *conn = world();
    two_months(conn);
    run(conn, true);
    evaluate(conn, "2025-03-01");
    /* the first evaluation reads every key with a judged monthly cell */
    assert_value(conn,
                 "SELECT string_agg(DISTINCT indicator_id || ':' || unit_code, ',') FROM "
                 "alert_cell",
                 "1.1:P,3.1:A,3.1:B,3.1:P,4.2.4:A,4.2.4:B,4.2.4:P,5.2:A,5.2:B,5.2:P");
    testlib_exec(conn, "COMMIT");
    char *alerts = testlib_value(conn, "SELECT string_agg(fingerprint || state || severity, ',' "
                                       "ORDER BY fingerprint) FROM kpi.alert "
                                       "WHERE indicator_id = '5.2'");
    counts(conn, "('dvc_essential_online', 'A', '2025-02-20', 10), "
                 "('dvc_essential_total', 'A', '2025-02-20', 20)");
    struct compute_result r = run(conn, false);
    evaluate(conn, "2025-03-02");
    assert_value(conn,
                 "SELECT string_agg(DISTINCT unit_code, ',') FILTER (WHERE indicator_id = "
                 "'5.2') || ' ' || count(*) "
                 "FILTER (WHERE indicator_id = '3.1' AND unit_code IN ('A', 'B', 'P') AND "
                 "period_start = '2025-02-01') FROM alert_cell",
                 "P 3");
    /* exactly: the keys of the night's cells, of firing alerts, of cells at risk */
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM ((SELECT DISTINCT indicator_id, unit_code, period_kind FROM "
             "alert_cell) EXCEPT (SELECT indicator_id, unit_code, period_kind FROM "
             "kpi.indicator_value WHERE run_id = %lld UNION SELECT "
             "indicator_id, unit_code, period_kind FROM kpi.alert WHERE state = 'firing')) x",
             r.run_id);
    assert_value(conn, sql, "0");
    /* the task at risk, read the first time, not this time */
    assert_value(conn,
                 "SELECT string_agg(DISTINCT status, ',') FROM kpi.indicator_value WHERE "
                 "indicator_id = '1.1' AND unit_code = 'P' AND period_kind = 'month'",
                 "at_risk");
    assert_value(conn, "SELECT count(*) FROM alert_cell WHERE indicator_id = '1.1'", "0");
    /* the keys looked up are of the routed kind only (month): the night stored cells of
     * other kinds too (the year to date, the report month of 3.1 of A), never read */
    snprintf(sql, sizeof sql,
             "SELECT (SELECT string_agg(DISTINCT period_kind, ',') FROM alert_key) || ' ' || "
             "(SELECT count(DISTINCT period_kind) > 1 FROM kpi.indicator_value "
             "WHERE run_id = %lld)",
             r.run_id);
    assert_value(conn, sql, "month true");
    testlib_exec(conn, "COMMIT");
    char *still = testlib_value(conn, "SELECT string_agg(fingerprint || state || severity, ',' "
                                      "ORDER BY fingerprint) FROM kpi.alert "
                                      "WHERE indicator_id = '5.2'");
    ck_assert_str_eq(alerts ? alerts : "", still ? still : "");
    free(alerts);
    free(still);
    /* other settings: every key again */
    testlib_exec(conn, "BEGIN; SELECT kpi.alert_evaluate((SELECT run_id FROM "
                       "kpi.alert_run_open('2025-03-03', 'routes', '{\"escalate_after_periods\": "
                       "3}')), '[{\"period_kinds\": [\"month\"]}]', '2025-03-03', 90, 30, 3, 7)");
    assert_value(conn, "SELECT count(DISTINCT indicator_id || unit_code) FROM alert_cell", "10");
    testlib_exec(conn, "ROLLBACK");
    PQfinish(conn);
}
END_TEST

/* A cell at risk is read again on the day its target's due date comes within the horizon,
 * with no compute run in between: the task 1.1 of P (not done, due 17 July 2025, horizon 30
 * days) is quiet on 16 June (31 days before) and bad on 17 June (30 days: 30 <= 30), when
 * its KpiAtRisk alert fires; read on 18 June again as a firing alert's key. Every other key
 * of 16 and 17 June is a firing alert's (nothing was computed since 1 March). */
START_TEST(at_risk_read_when_due_comes_within_horizon)
{
    PGconn *conn = world();
    two_months(conn);
    run(conn, true);
    evaluate(conn, "2025-03-01");
    testlib_exec(conn, "COMMIT");
    const char *not_firing =
        "SELECT count(*) FROM ((SELECT DISTINCT indicator_id, unit_code, period_kind FROM "
        "alert_cell) EXCEPT (SELECT indicator_id, unit_code, period_kind FROM kpi.alert "
        "WHERE state = 'firing')) x";
    evaluate(conn, "2025-06-16");
    assert_value(conn, "SELECT count(*) FROM alert_cell WHERE indicator_id = '1.1'", "0");
    assert_value(conn, not_firing, "0");
    testlib_exec(conn, "COMMIT");
    assert_value(conn, "SELECT count(*) FROM kpi.alert WHERE indicator_id = '1.1'", "0");
    evaluate(conn, "2025-06-17");
    assert_value(conn,
                 "SELECT string_agg(DISTINCT unit_code || ' ' || class, ',') FROM alert_cell "
                 "WHERE indicator_id = '1.1'",
                 "P bad");
    testlib_exec(conn, "COMMIT");
    assert_value(conn,
                 "SELECT string_agg(unit_code || ' ' || alertname || ' ' || state, ',') "
                 "FROM kpi.alert WHERE indicator_id = '1.1'",
                 "P KpiAtRisk firing");
    evaluate(conn, "2025-06-18");
    assert_value(conn, "SELECT count(*) > 0 FROM alert_cell WHERE indicator_id = '1.1'", "t");
    assert_value(conn, not_firing, "0");
    testlib_exec(conn, "COMMIT");
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("incremental");
    TCase *tc = tcase_create("incremental");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, night_touches_only_its_half);
    tcase_add_test(tc, incremental_equals_full);
    tcase_add_test(tc, finding_marks_a_window_beside_the_night);
    tcase_add_test(tc, month_judged_when_no_longer_latest);
    tcase_add_test(tc, revision_judges_the_months_after_it);
    tcase_add_test(tc, night_reads_the_kept_baseline);
    tcase_add_test(tc, kept_baseline_invalid_after_its_window_changed);
    tcase_add_test(tc, quality_settings_judged_on_the_next_night);
    tcase_add_test(tc, alerts_read_only_changed_keys);
    tcase_add_test(tc, at_risk_read_when_due_comes_within_horizon);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
