/*
 * test_compute.c — engine/compute/compute.c and kpi.compute (sql/definitions/compute/) against a
 * real PostgreSQL: each semantic rule of the computation on a small world
 * (tests/data/compute_world.sql) with numbers checked by hand in the
 * comments, incremental against full, the history, and the lineage.
 */
#include "compute/compute.h"
#include "db/migrate.h"
#include "common/status.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The small world in the database DB (a conninfo), migrated. */
static PGconn *world_at(const char *db)
{
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    char *sql = testlib_read_file(testlib_path("tests/data/compute_world.sql"));
    testlib_exec(conn, sql);
    free(sql);
    return conn;
}

static PGconn *world(void)
{
    return world_at(testlib_db_new());
}

/* One count of METRIC for UNIT on DAY ("YYYY-MM-DD"; grain month: the 1st). */
static void obs(PGconn *conn, const char *metric, const char *unit, const char *day,
                const char *grain, long long value)
{
    static int line;
    char v[32], l[32];
    snprintf(v, sizeof v, "%lld", value);
    snprintf(l, sizeof l, "%d", ++line);
    const char *p[] = {metric, unit, day, grain, v, l};
    PGresult *res = PQexecParams(conn,
                                 "INSERT INTO kpi.observation (metric, unit_code, period_start, "
                                 "grain, value, submission_id, line_no) "
                                 "VALUES ($1, $2, $3, $4, $5, 1, $6)",
                                 6, NULL, p, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK, "%s", PQerrorMessage(conn));
    PQclear(res);
}

/* A revision as kpi ingest makes it: the old value to the superseded table. */
static void revise(PGconn *conn, const char *metric, const char *unit, const char *day,
                   const char *grain, long long value)
{
    char v[32];
    snprintf(v, sizeof v, "%lld", value);
    const char *p[] = {metric, unit, day, grain, v};
    PGresult *res = PQexecParams(
        conn,
        "WITH old AS (SELECT * FROM kpi.observation WHERE metric = $1 AND unit_code = $2 "
        "AND period_start = $3 AND grain = $4), "
        "sup AS (INSERT INTO kpi.observation_superseded SELECT metric, unit_code, period_start, "
        "grain, value, submission_id, line_no, valid_from, now() FROM old) "
        "UPDATE kpi.observation o SET value = $5, submission_id = 2, line_no = 1, "
        "valid_from = now() FROM old WHERE o.metric = old.metric AND o.unit_code = "
        "old.unit_code AND o.period_start = old.period_start AND o.grain = old.grain",
        5, NULL, p, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK, "%s", PQerrorMessage(conn));
    ck_assert_str_eq(PQcmdTuples(res), "1");
    PQclear(res);
}

static struct compute_result run(PGconn *conn, const char *from, const char *to, bool full)
{
    struct compute_opts o = {from, to, full};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &o, &r), KPI_OK);
    return r;
}

static char *query4(PGconn *conn, const char *sql, const char *id, const char *unit,
                    const char *kind, const char *label)
{
    const char *p[] = {id, unit, kind, label};
    PGresult *res = PQexecParams(conn, sql, 4, NULL, p, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s", PQerrorMessage(conn));
    ck_assert_msg(PQntuples(res) == 1, "no cell %s %s %s %s", id, unit, kind, label);
    char *v = strdup(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

/* "numerator|denominator|ratio_pct|status|gap_count|completeness_pct", NULL as "-". */
static char *cell(PGconn *conn, const char *id, const char *unit, const char *kind,
                  const char *label)
{
    return query4(conn,
                  "SELECT concat_ws('|', coalesce(numerator::text, '-'), "
                  "coalesce(denominator::text, '-'), coalesce(ratio_pct::text, '-'), status, "
                  "coalesce(gap_count::text, '-'), coalesce(completeness_pct::text, '-')) "
                  "FROM kpi.indicator_value WHERE indicator_id = $1 AND unit_code = $2 "
                  "AND period_kind = $3 AND period_label = $4",
                  id, unit, kind, label);
}

static char *reason(PGconn *conn, const char *id, const char *unit, const char *kind,
                    const char *label)
{
    return query4(conn,
                  "SELECT coalesce(reason, '-') FROM kpi.indicator_value WHERE indicator_id = $1 "
                  "AND unit_code = $2 AND period_kind = $3 AND period_label = $4",
                  id, unit, kind, label);
}

#define ASSERT_CELL(conn, id, unit, kind, label, expect)                                           \
    do {                                                                                           \
        char *got_ = cell(conn, id, unit, kind, label);                                            \
        ck_assert_str_eq(got_, expect);                                                            \
        free(got_);                                                                                \
    } while (0)

#define ASSERT_REASON_HAS(conn, id, unit, kind, label, needle)                                     \
    do {                                                                                           \
        char *got_ = reason(conn, id, unit, kind, label);                                          \
        ck_assert_msg(strstr(got_, needle) != NULL, "reason '%s' lacks '%s'", got_, needle);       \
        free(got_);                                                                                \
    } while (0)

/* 3.1 is "trên 80 %": 800 of 1000 is exactly 80 %, a breach; 801 are needed. */
START_TEST(strict_80_percent_is_breach)
{
    PGconn *conn = world();
    obs(conn, "dvc_essential_online", "A", "2025-03-01", "month", 800);
    obs(conn, "dvc_essential_total", "A", "2025-03-01", "month", 1000);
    obs(conn, "dvc_essential_online", "B", "2025-03-01", "month", 700);
    obs(conn, "dvc_essential_total", "B", "2025-03-01", "month", 1000);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-03", "800|1000|80.0000|breach|1|-");
    /* 700 of 1000: 801 - 700 = 101 more */
    ASSERT_CELL(conn, "3.1", "B", "month", "2025-03", "700|1000|70.0000|breach|101|-");
    PQfinish(conn);
}
END_TEST

/* The steps after the time layer join kpi.metric_half: the computation
 * refreshes its statistics itself (before a night's new halves could be
 * planned over the statistics of an emptier table, and an incremental night
 * took 1.5 times as long). The instant of its last ANALYZE is after the run
 * began, both for the first (full) run and for an incremental one. */
START_TEST(time_layer_statistics_are_refreshed)
{
    PGconn *conn = world();
    obs(conn, "dvc_essential_online", "A", "2025-03-01", "month", 800);
    obs(conn, "dvc_essential_total", "A", "2025-03-01", "month", 1000);
    for (int night = 0; night < 2; night++) {
        if (night == 1)
            obs(conn, "dvc_essential_online", "B", "2025-03-02", "day", 7);
        run(conn, NULL, NULL, false);
        char *v = testlib_value(conn, "SELECT pg_stat_get_last_analyze_time("
                                      "'kpi.metric_half'::regclass) >= started_at "
                                      "FROM kpi.compute_run ORDER BY id DESC LIMIT 1");
        ck_assert_ptr_nonnull(v);
        ck_assert_str_eq(v, "t");
        free(v);
    }
    PQfinish(conn);
}
END_TEST

/* 4.1 is "từ 95 % trở lên": 950 of 1000 is met; 900 of 1001 needs
 * ceil(95 * 1001 / 100) = ceil(950.95) = 951, i.e. 51 more. */
START_TEST(non_strict_95_percent_is_met)
{
    PGconn *conn = world();
    obs(conn, "checkup_chip_id", "A", "2025-03-01", "month", 950);
    obs(conn, "checkup_total", "A", "2025-03-01", "month", 1000);
    obs(conn, "checkup_chip_id", "B", "2025-03-01", "month", 900);
    obs(conn, "checkup_total", "B", "2025-03-01", "month", 1001);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "4.1", "A", "month", "2025-03", "950|1000|95.0000|met|0|-");
    ASSERT_CELL(conn, "4.1", "B", "month", "2025-03", "900|1001|89.9101|breach|51|-");
    PQfinish(conn);
}
END_TEST

/* Stock: the last value in the period, never a sum. Citizens 14+ in A:
 * 500 on 28 Feb, 1000 on 1 Mar, 1200 on 31 Mar; active accounts 900 on
 * 10 Mar, 1100 on 31 Mar. March: 1100 / 1200 = 91.6667 % > 85 %, met.
 * Q1: still 1100 / 1200 (a sum would give 2000 / 2700). February: no
 * numerator. */
START_TEST(stock_takes_last_value)
{
    PGconn *conn = world();
    obs(conn, "citizen_14plus", "A", "2025-02-28", "day", 500);
    obs(conn, "citizen_14plus", "A", "2025-03-01", "day", 1000);
    obs(conn, "citizen_14plus", "A", "2025-03-31", "day", 1200);
    obs(conn, "citizen_14plus_vneid_active", "A", "2025-03-10", "day", 900);
    obs(conn, "citizen_14plus_vneid_active", "A", "2025-03-31", "day", 1100);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "5.2", "A", "month", "2025-03", "1100|1200|91.6667|met|0|-");
    ASSERT_CELL(conn, "5.2", "A", "quarter", "2025-Q1", "1100|1200|91.6667|met|0|-");
    ASSERT_CELL(conn, "5.2", "A", "month", "2025-02", "-|500|-|no_data|-|-");
    ASSERT_REASON_HAS(conn, "5.2", "A", "month", "2025-02", "citizen_14plus_vneid_active");
    PQfinish(conn);
}
END_TEST

/* Flow: the sum over the days, and over the months of a quarter and ytd.
 * Days in March: 10/20 + 30/30 = 40/50 = 80 %, a breach of "trên 80 %".
 * Months: January 10/10, February 20/30 (month-level) → ytd February
 * 30/40 = 75 %; Q1 = 10+20+40 / 10+30+50 = 70/90 = 77.7778 %. */
START_TEST(flow_sums_days_and_months)
{
    PGconn *conn = world();
    obs(conn, "dvc_essential_online", "A", "2025-01-01", "month", 10);
    obs(conn, "dvc_essential_total", "A", "2025-01-01", "month", 10);
    obs(conn, "dvc_essential_online", "A", "2025-02-01", "month", 20);
    obs(conn, "dvc_essential_total", "A", "2025-02-01", "month", 30);
    obs(conn, "dvc_essential_online", "A", "2025-03-02", "day", 10);
    obs(conn, "dvc_essential_total", "A", "2025-03-02", "day", 20);
    obs(conn, "dvc_essential_online", "A", "2025-03-20", "day", 30);
    obs(conn, "dvc_essential_total", "A", "2025-03-20", "day", 30);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-03", "40|50|80.0000|breach|1|-");
    ASSERT_CELL(conn, "3.1", "A", "ytd", "2025-02", "30|40|75.0000|breach|3|-");
    /* Q1: need floor(80 * 90 / 100) + 1 = 73, 3 more */
    ASSERT_CELL(conn, "3.1", "A", "quarter", "2025-Q1", "70|90|77.7778|breach|3|-");
    PQfinish(conn);
}
END_TEST

/* Province = Σ numerators / Σ denominators: A 90/100 (90 %), B 100/1000
 * (10 %) → 190/1100 = 17.2727 %, not the 50 % mean of the ratios. Two of
 * the three communes reported: completeness 66.67 %. Gap: floor(880) + 1 -
 * 190 = 691. */
START_TEST(province_ratio_from_unequal_communes)
{
    PGconn *conn = world();
    obs(conn, "dvc_essential_online", "A", "2025-03-01", "month", 90);
    obs(conn, "dvc_essential_total", "A", "2025-03-01", "month", 100);
    obs(conn, "dvc_essential_online", "B", "2025-03-01", "month", 100);
    obs(conn, "dvc_essential_total", "B", "2025-03-01", "month", 1000);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "3.1", "P", "month", "2025-03", "190|1100|17.2727|breach|691|66.67");
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-03", "90|100|90.0000|met|0|-");
    ASSERT_CELL(conn, "3.1", "C", "month", "2025-03", "-|-|-|no_data|-|-");
    PQfinish(conn);
}
END_TEST

/* Facilities roll into their commune: A-TYT 40/50 and the commune's B-TYT
 * 45/50 → A 40/50, B 45/50, province 85/100. */
START_TEST(facilities_roll_into_commune)
{
    PGconn *conn = world();
    obs(conn, "checkup_chip_id", "A-TYT", "2025-03-03", "day", 40);
    obs(conn, "checkup_total", "A-TYT", "2025-03-03", "day", 50);
    obs(conn, "checkup_chip_id", "B-TYT", "2025-03-04", "day", 45);
    obs(conn, "checkup_total", "B-TYT", "2025-03-04", "day", 50);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "4.1", "A", "month", "2025-03", "40|50|80.0000|breach|8|-");
    ASSERT_CELL(conn, "4.1", "B", "month", "2025-03", "45|50|90.0000|breach|3|-");
    /* need ceil(95) = 95, 10 more */
    ASSERT_CELL(conn, "4.1", "P", "month", "2025-03", "85|100|85.0000|breach|10|66.67");
    PQfinish(conn);
}
END_TEST

START_TEST(numerator_above_denominator_is_invalid)
{
    PGconn *conn = world();
    obs(conn, "checkup_chip_id", "A", "2025-03-01", "month", 120);
    obs(conn, "checkup_total", "A", "2025-03-01", "month", 100);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "4.1", "A", "month", "2025-03", "120|100|-|invalid|-|-");
    ASSERT_REASON_HAS(conn, "4.1", "A", "month", "2025-03", "numerator 120");
    ASSERT_REASON_HAS(conn, "4.1", "A", "month", "2025-03", "above denominator 100");
    char *vi = testlib_value(conn, "SELECT reason_vi FROM kpi.indicator_value "
                                   "WHERE indicator_id = '4.1' AND unit_code = 'A' "
                                   "AND period_kind = 'month' AND period_label = '2025-03'");
    ck_assert_str_eq(vi, "tử số 120 (checkup_chip_id) lớn hơn mẫu số 100 (checkup_total)");
    free(vi);
    PQfinish(conn);
}
END_TEST

START_TEST(zero_denominator_is_no_data)
{
    PGconn *conn = world();
    obs(conn, "checkup_chip_id", "A", "2025-03-01", "month", 0);
    obs(conn, "checkup_total", "A", "2025-03-01", "month", 0);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "4.1", "A", "month", "2025-03", "0|0|-|no_data|-|-");
    ASSERT_REASON_HAS(conn, "4.1", "A", "month", "2025-03", "zero denominator");
    PQfinish(conn);
}
END_TEST

/* report_month 2025-03 is 15 Feb → 14 Mar. A, by day: 14 Feb 1/1 (out),
 * 15 Feb 10/10 (in), 14 Mar 5/10 (in), 15 Mar 100/100 (out) → 15/20 = 75 %.
 * Calendar March: 5+100 / 10+100 = 105/110. B sent March as one month-level
 * row: its report_month says it needs day-level counts, and so does the
 * province, which includes B. */
/* A count at the top of bigint is accepted (issue 4), but the province's sum
 * of it and commune B's 100 is beyond bigint: that cell is invalid with a
 * reason, never a failed computation; commune A's own cell is still judged. */
START_TEST(sum_beyond_bigint_is_invalid_not_a_failure)
{
    PGconn *conn = world();
    obs(conn, "citizen_14plus", "A", "2025-03-31", "day", 9223372036854775807LL);
    obs(conn, "citizen_14plus_vneid_active", "A", "2025-03-31", "day", 5);
    obs(conn, "citizen_14plus", "B", "2025-03-31", "day", 100);
    obs(conn, "citizen_14plus_vneid_active", "B", "2025-03-31", "day", 90);
    run(conn, NULL, NULL, false);
    /* A: 5 of 9223372036854775807, "trên 85 %": floor(0.85 * d) + 1 - 5 more needed */
    ASSERT_CELL(conn, "5.2", "A", "month", "2025-03",
                "5|9223372036854775807|0.0000|breach|7839866231326559431|-");
    ASSERT_CELL(conn, "5.2", "P", "month", "2025-03", "-|-|-|invalid|-|66.67");
    ASSERT_REASON_HAS(conn, "5.2", "P", "month", "2025-03", "exceeds the bigint range");
    PQfinish(conn);
}
END_TEST

START_TEST(report_month_is_cut_at_the_15th)
{
    PGconn *conn = world();
    obs(conn, "dvc_essential_online", "A", "2025-02-14", "day", 1);
    obs(conn, "dvc_essential_total", "A", "2025-02-14", "day", 1);
    obs(conn, "dvc_essential_online", "A", "2025-02-15", "day", 10);
    obs(conn, "dvc_essential_total", "A", "2025-02-15", "day", 10);
    obs(conn, "dvc_essential_online", "A", "2025-03-14", "day", 5);
    obs(conn, "dvc_essential_total", "A", "2025-03-14", "day", 10);
    obs(conn, "dvc_essential_online", "A", "2025-03-15", "day", 100);
    obs(conn, "dvc_essential_total", "A", "2025-03-15", "day", 100);
    obs(conn, "dvc_essential_online", "B", "2025-03-01", "month", 50);
    obs(conn, "dvc_essential_total", "B", "2025-03-01", "month", 60);
    run(conn, NULL, NULL, false);
    /* need floor(16) + 1 = 17, 2 more */
    ASSERT_CELL(conn, "3.1", "A", "report_month", "2025-03", "15|20|75.0000|breach|2|-");
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-03", "105|110|95.4545|met|0|-");
    ASSERT_CELL(conn, "3.1", "B", "report_month", "2025-03", "-|-|-|no_data|-|-");
    ASSERT_REASON_HAS(conn, "3.1", "B", "report_month", "2025-03", "day-level");
    ASSERT_CELL(conn, "3.1", "B", "month", "2025-03", "50|60|83.3333|met|0|-");
    ASSERT_REASON_HAS(conn, "3.1", "P", "report_month", "2025-03", "day-level");
    char *w = testlib_value(conn, "SELECT period_start || '..' || period_end "
                                  "FROM kpi.indicator_value WHERE indicator_id = '3.1' "
                                  "AND unit_code = 'A' AND period_kind = 'report_month' "
                                  "AND period_label = '2025-03'");
    ck_assert_str_eq(w, "2025-02-15..2025-03-14");
    free(w);
    PQfinish(conn);
}
END_TEST

/* report_quarter 2025-Q1 is 15 Dec 2024 → 14 Mar 2025. A: 20 Dec 10/10 (in),
 * 10 Dec 5/5 (out), January 20/30 and February 30/40 as month-level rows
 * (whole months inside: they count), 10 Mar 8/10 (in), 20 Mar 100/100 (out)
 * → 68/90 = 75.5556 %; floor(72) + 1 = 73 needed, 5 more. */
START_TEST(report_quarter_counts_whole_months)
{
    PGconn *conn = world();
    obs(conn, "dvc_essential_online", "A", "2024-12-10", "day", 5);
    obs(conn, "dvc_essential_total", "A", "2024-12-10", "day", 5);
    obs(conn, "dvc_essential_online", "A", "2024-12-20", "day", 10);
    obs(conn, "dvc_essential_total", "A", "2024-12-20", "day", 10);
    obs(conn, "dvc_essential_online", "A", "2025-01-01", "month", 20);
    obs(conn, "dvc_essential_total", "A", "2025-01-01", "month", 30);
    obs(conn, "dvc_essential_online", "A", "2025-02-01", "month", 30);
    obs(conn, "dvc_essential_total", "A", "2025-02-01", "month", 40);
    obs(conn, "dvc_essential_online", "A", "2025-03-10", "day", 8);
    obs(conn, "dvc_essential_total", "A", "2025-03-10", "day", 10);
    obs(conn, "dvc_essential_online", "A", "2025-03-20", "day", 100);
    obs(conn, "dvc_essential_total", "A", "2025-03-20", "day", 100);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "3.1", "A", "report_quarter", "2025-Q1", "68|90|75.5556|breach|5|-");
    /* report_month 2025-02 (15 Jan → 14 Feb) cuts both month-level months */
    ASSERT_REASON_HAS(conn, "3.1", "A", "report_month", "2025-02", "day-level");
    PQfinish(conn);
}
END_TEST

/* 4.2.4: every school must collect >= 85 % of fees cashless. A has three
 * schools: TH1 90/100 (meets), TH2 85/100 (exactly 85 %, meets), TH3 sent
 * nothing (does not meet) → 2 of 3, breach, completeness 66.67 %, 1 more
 * school needed. Province: B-TH1 sent nothing either → 2 of 4, 50 %. */
START_TEST(share_with_non_reporting_facility)
{
    PGconn *conn = world();
    obs(conn, "school_fee_cashless", "A-TH1", "2025-03-05", "day", 90);
    obs(conn, "school_fee_total", "A-TH1", "2025-03-05", "day", 100);
    obs(conn, "school_fee_cashless", "A-TH2", "2025-03-06", "day", 85);
    obs(conn, "school_fee_total", "A-TH2", "2025-03-06", "day", 100);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "4.2.4", "A", "month", "2025-03", "2|3|66.6667|breach|1|66.67");
    ASSERT_CELL(conn, "4.2.4", "P", "month", "2025-03", "2|4|50.0000|breach|2|50.00");
    ASSERT_CELL(conn, "4.2.4", "C", "month", "2025-03", "0|0|-|no_data|-|-");
    ASSERT_REASON_HAS(conn, "4.2.4", "C", "month", "2025-03", "no registered facility");
    PQfinish(conn);
}
END_TEST

/* The province's own total wins; the difference is a finding. A 95/100,
 * B 190/200 (communes: 285/300); the province itself reports 300/310 →
 * 300 * 100 = 30000 >= 95 * 310 = 29450, met. */
START_TEST(province_own_total_wins_and_mismatch_is_found)
{
    PGconn *conn = world();
    obs(conn, "checkup_chip_id", "A", "2025-03-01", "month", 95);
    obs(conn, "checkup_total", "A", "2025-03-01", "month", 100);
    obs(conn, "checkup_chip_id", "B", "2025-03-01", "month", 190);
    obs(conn, "checkup_total", "B", "2025-03-01", "month", 200);
    obs(conn, "checkup_chip_id", "P", "2025-03-01", "month", 300);
    obs(conn, "checkup_total", "P", "2025-03-01", "month", 310);
    struct compute_result r = run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "4.1", "P", "month", "2025-03", "300|310|96.7742|met|0|66.67");
    char *f = testlib_value(conn, "SELECT string_agg(metric || ':' || own_value || '/' || "
                                  "children_sum || '/' || children_count, ',' ORDER BY metric) "
                                  "FROM kpi.data_quality_finding WHERE unit_code = 'P' "
                                  "AND period_kind = 'month' AND period_start = '2025-03-01'");
    ck_assert_str_eq(f, "checkup_chip_id:300/285/2,checkup_total:310/300/2");
    free(f);
    /* the lineage shows the communes' rows, set aside for the province's own */
    char *l = testlib_value(conn, "SELECT string_agg(unit_code || ':' || value || ':' || counted, "
                                  "',' ORDER BY unit_code) FROM kpi.indicator_lineage('4.1', "
                                  "'P', 'month', '2025-03') WHERE side = 'numerator'");
    ck_assert_str_eq(l, "A:95:false,B:190:false,P:300:true");
    free(l);
    ck_assert_int_gt(r.findings, 0);
    PQfinish(conn);
}
END_TEST

/* 5.3.a (>= 100 %, due 2025-08-18). July ends before the due date: A at
 * 90/100 is at_risk (10 more), B at 100/100 on_track. August ends after it:
 * A at 95/100 is a breach (5 more). report_month 2025-08 (15 Jul → 14 Aug)
 * ends before: at_risk, with July's last value. */
START_TEST(due_date_gives_at_risk_then_breach)
{
    PGconn *conn = world();
    obs(conn, "enterprise_eid", "A", "2025-07-31", "day", 90);
    obs(conn, "enterprise_total", "A", "2025-07-31", "day", 100);
    obs(conn, "enterprise_eid", "B", "2025-07-31", "day", 100);
    obs(conn, "enterprise_total", "B", "2025-07-31", "day", 100);
    obs(conn, "enterprise_eid", "A", "2025-08-31", "day", 95);
    obs(conn, "enterprise_total", "A", "2025-08-31", "day", 100);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "5.3.a", "A", "month", "2025-07", "90|100|90.0000|at_risk|10|-");
    ASSERT_REASON_HAS(conn, "5.3.a", "A", "month", "2025-07", "due 2025-08-18");
    ASSERT_CELL(conn, "5.3.a", "B", "month", "2025-07", "100|100|100.0000|on_track|0|-");
    ASSERT_CELL(conn, "5.3.a", "A", "month", "2025-08", "95|100|95.0000|breach|5|-");
    ASSERT_CELL(conn, "5.3.a", "A", "report_month", "2025-08", "90|100|90.0000|at_risk|10|-");
    PQfinish(conn);
}
END_TEST

/* Task 1.1, due 2025-07-17, reported done (value 1) on 2025-07-20. June:
 * not done before the due date, at_risk. report_month July (15 Jun → 14 Jul):
 * still at_risk. Calendar July: done, late — met with the reason. */
START_TEST(task_done_late_is_met_with_reason)
{
    PGconn *conn = world();
    obs(conn, "task_1_1_done", "P", "2025-06-10", "day", 0);
    obs(conn, "task_1_1_done", "P", "2025-07-20", "day", 1);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "1.1", "P", "month", "2025-06", "0|1|0|at_risk|1|-");
    ASSERT_REASON_HAS(conn, "1.1", "P", "month", "2025-06", "not done yet; due 2025-07-17");
    ASSERT_CELL(conn, "1.1", "P", "report_month", "2025-07", "0|1|0|at_risk|1|-");
    ASSERT_CELL(conn, "1.1", "P", "month", "2025-07", "1|1|100|met|0|-");
    ASSERT_REASON_HAS(conn, "1.1", "P", "month", "2025-07", "after the due date 2025-07-17");
    PQfinish(conn);
}
END_TEST

START_TEST(task_not_done_by_due_date_is_breach)
{
    PGconn *conn = world();
    obs(conn, "task_1_1_done", "P", "2025-06-10", "day", 0);
    run(conn, "2025-06-01", "2025-07-01", false);
    ASSERT_CELL(conn, "1.1", "P", "month", "2025-07", "0|1|0|breach|1|-");
    ASSERT_REASON_HAS(conn, "1.1", "P", "month", "2025-07", "overdue");
    PQfinish(conn);
}
END_TEST

/* The columns of a cell, for comparing two states of kpi.indicator_value. */
#define CELL_COLUMNS                                                                               \
    "indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator, "    \
    "denominator, ratio_pct, comparator, target_pct, due_date, status, reason, gap_count, "        \
    "completeness_pct, units_expected, units_reporting, catalog_version"
/* The columns of the time layer, likewise. */
#define HALF_COLUMNS "metric, half, unit_code, value, last_day, has_month, first_day, first_done"

static void scenario(PGconn *conn)
{
    obs(conn, "dvc_essential_online", "A", "2025-01-01", "month", 50);
    obs(conn, "dvc_essential_total", "A", "2025-01-01", "month", 60);
    obs(conn, "dvc_essential_online", "A", "2025-02-10", "day", 70);
    obs(conn, "dvc_essential_total", "A", "2025-02-10", "day", 80);
    obs(conn, "dvc_essential_online", "B", "2025-02-20", "day", 30);
    obs(conn, "dvc_essential_total", "B", "2025-02-20", "day", 40);
    obs(conn, "citizen_14plus", "B", "2025-01-31", "day", 1000);
    obs(conn, "citizen_14plus_vneid_active", "B", "2025-01-31", "day", 860);
    obs(conn, "school_fee_cashless", "A-TH1", "2025-02-05", "day", 90);
    obs(conn, "school_fee_total", "A-TH1", "2025-02-05", "day", 100);
}

/* Incremental after a revision and a new day equals a full recompute, and
 * touches fewer cells. */
START_TEST(incremental_equals_full_after_revision)
{
    PGconn *conn = world();
    scenario(conn);
    struct compute_result first = run(conn, NULL, NULL, false);
    revise(conn, "dvc_essential_online", "B", "2025-02-20", "day", 35);
    obs(conn, "checkup_chip_id", "A", "2025-02-21", "day", 5);
    obs(conn, "checkup_total", "A", "2025-02-21", "day", 5);
    struct compute_result inc = run(conn, NULL, NULL, false);
    ck_assert_int_gt(inc.cells_changed, 0);
    ck_assert_int_lt(inc.cells_in_scope, first.cells_in_scope);
    /* B February: 35/40 = 87.5 % */
    ASSERT_CELL(conn, "3.1", "B", "month", "2025-02", "35|40|87.5000|met|0|-");
    testlib_exec(conn, "CREATE TABLE snap AS SELECT " CELL_COLUMNS " FROM kpi.indicator_value");
    struct compute_result full = run(conn, NULL, NULL, true);
    ck_assert_int_eq(full.cells_changed, 0);
    ck_assert_int_eq(full.cells_in_scope, first.cells_in_scope);
    char *diff =
        testlib_difference(conn, "snap", "SELECT " CELL_COLUMNS " FROM kpi.indicator_value");
    ck_assert_str_eq(diff, "0");
    free(diff);
    PQfinish(conn);
}
END_TEST

/* Inserted rows are added to their half months (flows summed, a stock's
 * latest day wins, an earlier day does not, values beyond 2^47 take the
 * exact path, a month row and a task's first done day): the incremental
 * result, cells and time layer, equals a full rebuild. */
START_TEST(inserted_rows_equal_full_rebuild)
{
    PGconn *conn = world();
    scenario(conn);
    obs(conn, "task_1_1_done", "A", "2025-02-03", "day", 0);
    run(conn, NULL, NULL, false);
    obs(conn, "dvc_essential_online", "A", "2025-02-11", "day", 5); /* same half: summed */
    obs(conn, "dvc_essential_total", "A", "2025-02-11", "day", 6);
    obs(conn, "citizen_14plus", "B", "2025-02-03", "day", 1100); /* a new half */
    obs(conn, "citizen_14plus", "B", "2025-01-20", "day", 5);    /* earlier: ignored */
    obs(conn, "citizen_14plus_vneid_active", "B", "2025-02-03", "day", 900);
    obs(conn, "citizen_14plus", "A", "2025-02-25", "day", 200000000000000LL); /* >= 2^47 */
    obs(conn, "citizen_14plus", "A", "2025-02-26", "day", 7); /* later, small: wins */
    obs(conn, "citizen_14plus_vneid_active", "A", "2025-02-16", "day", 5);
    obs(conn, "citizen_14plus_vneid_active", "A", "2025-02-27", "day", 300000000000000LL);
    obs(conn, "dvc_essential_online", "A", "2025-03-01", "month", 9); /* a month row */
    obs(conn, "dvc_essential_total", "A", "2025-03-01", "month", 10);
    obs(conn, "task_1_1_done", "A", "2025-02-18", "day", 1); /* done on the 18th */
    struct compute_result inc = run(conn, NULL, NULL, false);
    ck_assert_int_gt(inc.cells_changed, 0);
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-02", "75|86|87.2093|met|0|-");
    testlib_exec(conn, "CREATE TABLE snap AS SELECT " CELL_COLUMNS " FROM kpi.indicator_value");
    testlib_exec(conn, "CREATE TABLE half_snap AS SELECT " HALF_COLUMNS " FROM kpi.metric_half");
    char *stock = testlib_value(conn, "SELECT string_agg(unit_code || ' ' || half || '=' || value,"
                                      " ', ' ORDER BY unit_code, half) FROM kpi.metric_half"
                                      " WHERE metric = 'citizen_14plus'");
    ck_assert_str_eq(stock, "A 2025-02-15=7, B 2025-01-15=1000, B 2025-02-01=1100");
    free(stock);
    struct compute_result full = run(conn, NULL, NULL, true);
    ck_assert_int_eq(full.cells_changed, 0);
    char *d = testlib_difference(conn, "snap", "SELECT " CELL_COLUMNS " FROM kpi.indicator_value");
    ck_assert_str_eq(d, "0");
    free(d);
    d = testlib_difference(conn, "half_snap", "SELECT " HALF_COLUMNS " FROM kpi.metric_half");
    ck_assert_str_eq(d, "0");
    free(d);
    PQfinish(conn);
}
END_TEST

/* A night that brings 20 March recomputes the periods holding 15-31 March;
 * the report month and quarter that ended on 14 March keep their first
 * computation. */
START_TEST(inserted_day_recomputes_only_periods_of_its_half)
{
    PGconn *conn = world();
    obs(conn, "dvc_essential_online", "A", "2025-03-03", "day", 9);
    obs(conn, "dvc_essential_total", "A", "2025-03-03", "day", 10);
    struct compute_result first = run(conn, NULL, NULL, false);
    obs(conn, "dvc_essential_online", "A", "2025-03-20", "day", 1);
    obs(conn, "dvc_essential_total", "A", "2025-03-20", "day", 10);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-03", "10|20|50.0000|breach|7|-");
    char id[32];
    snprintf(id, sizeof id, "%lld", first.run_id);
    const char *p[] = {id};
    PGresult *res = PQexecParams(conn,
                                 "SELECT string_agg(DISTINCT period_kind || ':' ||"
                                 " (run_id = $1::bigint), ' ' ORDER BY period_kind || ':' ||"
                                 " (run_id = $1::bigint)) FROM kpi.indicator_value"
                                 " WHERE indicator_id = '3.1' AND unit_code = 'A'"
                                 "   AND period_end = '2025-03-14'",
                                 1, NULL, p, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
    ck_assert_str_eq(PQgetvalue(res, 0, 0), "report_month:true report_quarter:true");
    PQclear(res);
    PQfinish(conn);
}
END_TEST

/* Every cell names the run that wrote it (kpi.indicator_value.run_id has
 * no foreign key since 011: kpi.compute keeps the invariant). */
START_TEST(cells_name_the_run_that_wrote_them)
{
    PGconn *conn = world();
    scenario(conn);
    struct compute_result first = run(conn, NULL, NULL, false);
    obs(conn, "dvc_essential_online", "B", "2025-02-21", "day", 1);
    struct compute_result inc = run(conn, NULL, NULL, false);
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FILTER (WHERE run_id = %lld) || ' ' ||"
             " count(*) FILTER (WHERE run_id = %lld) || ' ' ||"
             " count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM kpi.compute_run r"
             "                                     WHERE r.id = v.run_id))"
             " FROM kpi.indicator_value v",
             first.run_id, inc.run_id);
    char *got = testlib_value(conn, sql);
    char want[64];
    snprintf(want, sizeof want, "%lld %lld 0", first.cells_changed - inc.cells_changed,
             inc.cells_changed);
    ck_assert_str_eq(got, want);
    free(got);
    PQfinish(conn);
}
END_TEST

/* Two provinces: a revision in P recomputes only P's cells of 3.1 for the
 * periods ending in March that overlap March — month, ytd, quarter,
 * report_month, report_quarter — for P, A, B and C: 5 × 4 = 20 cells; Q and
 * its commune D keep the values of the first run. */
START_TEST(revision_recomputes_only_its_province)
{
    PGconn *conn = world();
    testlib_exec(conn, "INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES "
                       "('Q', 'Tỉnh Khác', 'province', NULL), ('D', 'Xã Dưới', 'xa', 'Q')");
    obs(conn, "dvc_essential_online", "A", "2025-03-03", "day", 9);
    obs(conn, "dvc_essential_total", "A", "2025-03-03", "day", 10);
    obs(conn, "dvc_essential_online", "D", "2025-03-03", "day", 7);
    obs(conn, "dvc_essential_total", "D", "2025-03-03", "day", 10);
    struct compute_result first = run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "3.1", "Q", "month", "2025-03", "7|10|70.0000|breach|2|100.00");
    revise(conn, "dvc_essential_online", "A", "2025-03-03", "day", 8);
    struct compute_result inc = run(conn, NULL, NULL, false);
    ck_assert_int_eq(inc.cells_in_scope, 20);
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-03", "8|10|80.0000|breach|1|-");
    char run_id[32];
    snprintf(run_id, sizeof run_id, "%lld", first.run_id);
    const char *p[] = {run_id};
    PGresult *res = PQexecParams(conn,
                                 "SELECT count(*) FROM kpi.indicator_value "
                                 "WHERE unit_code IN ('Q', 'D') AND run_id <> $1",
                                 1, NULL, p, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
    ck_assert_str_eq(PQgetvalue(res, 0, 0), "0");
    PQclear(res);
    PQfinish(conn);
}
END_TEST

START_TEST(nothing_changed_computes_nothing)
{
    PGconn *conn = world();
    scenario(conn);
    run(conn, NULL, NULL, false);
    struct compute_result again = run(conn, NULL, NULL, false);
    ck_assert_int_eq(again.cells_in_scope, 0);
    ck_assert_int_eq(again.cells_changed, 0);
    PQfinish(conn);
}
END_TEST

/* A revised count keeps the old cell in the history: as of before the
 * recompute the series shows 30/40, now 35/40. */
START_TEST(history_answers_as_of)
{
    PGconn *conn = world();
    scenario(conn);
    run(conn, NULL, NULL, false);
    char *before = testlib_value(conn, "SELECT clock_timestamp()");
    revise(conn, "dvc_essential_online", "B", "2025-02-20", "day", 35);
    run(conn, NULL, NULL, false);
    const char *p[] = {before};
    PGresult *res = PQexecParams(conn,
                                 "SELECT numerator || '/' || denominator || ' ' || status "
                                 "FROM kpi.indicator_series_asof($1) WHERE indicator_id = '3.1' "
                                 "AND unit_code = 'B' AND period_kind = 'month' "
                                 "AND period_label = '2025-02'",
                                 1, NULL, p, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
    ck_assert_int_eq(PQntuples(res), 1);
    ck_assert_str_eq(PQgetvalue(res, 0, 0), "30/40 breach");
    PQclear(res);
    ASSERT_CELL(conn, "3.1", "B", "month", "2025-02", "35|40|87.5000|met|0|-");
    char *h = testlib_value(conn, "SELECT count(*) FROM kpi.indicator_value_history "
                                  "WHERE indicator_id = '3.1' AND unit_code = 'B' "
                                  "AND period_kind = 'month' AND valid_to > computed_at");
    ck_assert_str_eq(h, "1");
    free(h);
    free(before);
    PQfinish(conn);
}
END_TEST

/* A changed catalog row (3.1 now ">= 95", version v2) is recomputed by an
 * incremental run: A February 70/80 = 87.5 % breaches it (76 needed). */
START_TEST(catalog_change_recomputes)
{
    PGconn *conn = world();
    scenario(conn);
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-02", "70|80|87.5000|met|0|-");
    testlib_exec(conn, "UPDATE kpi.indicator SET comparator = '>=', target_pct = 95, "
                       "catalog_version = 'v2' WHERE id = '3.1'");
    run(conn, NULL, NULL, false);
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-02", "70|80|87.5000|breach|6|-");
    char *v = testlib_value(conn, "SELECT string_agg(DISTINCT catalog_version, ',') "
                                  "FROM kpi.indicator_value WHERE indicator_id = '3.1'");
    ck_assert_str_eq(v, "v2");
    free(v);
    PQfinish(conn);
}
END_TEST

/* The lineage of a cell names the file and line of each count it used. */
START_TEST(lineage_lists_file_and_line)
{
    PGconn *conn = world();
    scenario(conn);
    run(conn, NULL, NULL, false);
    char *l = testlib_value(conn, "SELECT string_agg(side || ':' || metric || ':' || value || ':' "
                                  "|| file_name || ':' || counted, ',' ORDER BY side DESC) "
                                  "FROM kpi.indicator_lineage('3.1', 'A', 'month', '2025-02')");
    ck_assert_str_eq(l, "numerator:dvc_essential_online:70:world.csv:true,"
                        "denominator:dvc_essential_total:80:world.csv:true");
    free(l);
    PQfinish(conn);
}
END_TEST

/* Only the catalog in force is computed: 4.1 left it (its file is gone: the row is kept,
 * in_catalog false, as catalog_store marks it; issue 18). */
START_TEST(indicator_that_left_the_catalog_is_not_computed)
{
    PGconn *conn = world();
    testlib_exec(conn, "UPDATE kpi.indicator SET in_catalog = false WHERE id = '4.1'");
    scenario(conn);
    run(conn, NULL, NULL, false);
    char *n = testlib_value(conn, "SELECT count(*) FROM kpi.indicator_value "
                                  "WHERE indicator_id = '4.1'");
    ck_assert_str_eq(n, "0");
    free(n);
    ASSERT_CELL(conn, "3.1", "A", "month", "2025-02", "70|80|87.5000|met|0|-");
    PQfinish(conn);
}
END_TEST

/* indicator_latest: the last complete month of 3.1 for B is February 2025
 * (30/40, from its one day in February); the view names the unit. */
START_TEST(latest_view_gives_last_complete_period)
{
    PGconn *conn = world();
    scenario(conn);
    run(conn, NULL, NULL, false);
    char *v = testlib_value(conn, "SELECT period_label || ' ' || unit_name || ' ' || numerator "
                                  "|| '/' || denominator FROM kpi.indicator_latest "
                                  "WHERE indicator_id = '3.1' AND unit_code = 'B' "
                                  "AND period_kind = 'month'");
    ck_assert_str_eq(v, "2025-02 Phường Bình 30/40");
    free(v);
    PQfinish(conn);
}
END_TEST

/* A second run while one holds the lock is refused with KPI_LOCKED. */
START_TEST(concurrent_run_is_locked_out)
{
    const char *db = testlib_db_new();
    PGconn *conn = world_at(db);
    PGconn *other = testlib_connect(db);
    testlib_exec(other, "SELECT pg_advisory_lock(7040105, 5)");
    struct compute_opts o = {NULL, NULL, false};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &o, &r), KPI_LOCKED);
    testlib_exec(other, "SELECT pg_advisory_unlock(7040105, 5)");
    ck_assert_int_eq(compute_run(conn, &o, &r), KPI_OK);
    PQfinish(other);
    PQfinish(conn);
}
END_TEST

/* kpi compute: the command line, its summary, and its usage errors. */
START_TEST(command_line)
{
    const char *db = testlib_db_new();
    PGconn *conn = world_at(db);
    scenario(conn);
    char *out = NULL, *err = NULL;
    const char *args[] = {"--db", db, "compute", "--full", NULL};
    ck_assert_int_eq(testlib_kpi(&out, &err, NULL, args), KPI_OK);
    ck_assert_msg(strstr(out, "(full), 2025-01..2025-02") != NULL, "%s", out);
    free(out);
    free(err);
    const char *bad[] = {"--db", db, "compute", "--from", "2025-13", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, bad), KPI_USAGE);
    ck_assert_msg(strstr(err, "'2025-13' is not a month") != NULL, "%s", err);
    free(err);
    const char *order[] = {"--db", db, "compute", "--from", "2025-05", "--to", "2025-01", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, order), KPI_USAGE);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compute");
    TCase *tc = tcase_create("compute");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, strict_80_percent_is_breach);
    tcase_add_test(tc, time_layer_statistics_are_refreshed);
    tcase_add_test(tc, non_strict_95_percent_is_met);
    tcase_add_test(tc, stock_takes_last_value);
    tcase_add_test(tc, flow_sums_days_and_months);
    tcase_add_test(tc, province_ratio_from_unequal_communes);
    tcase_add_test(tc, facilities_roll_into_commune);
    tcase_add_test(tc, numerator_above_denominator_is_invalid);
    tcase_add_test(tc, zero_denominator_is_no_data);
    tcase_add_test(tc, sum_beyond_bigint_is_invalid_not_a_failure);
    tcase_add_test(tc, report_month_is_cut_at_the_15th);
    tcase_add_test(tc, report_quarter_counts_whole_months);
    tcase_add_test(tc, share_with_non_reporting_facility);
    tcase_add_test(tc, province_own_total_wins_and_mismatch_is_found);
    tcase_add_test(tc, due_date_gives_at_risk_then_breach);
    tcase_add_test(tc, task_done_late_is_met_with_reason);
    tcase_add_test(tc, task_not_done_by_due_date_is_breach);
    tcase_add_test(tc, incremental_equals_full_after_revision);
    tcase_add_test(tc, inserted_rows_equal_full_rebuild);
    tcase_add_test(tc, inserted_day_recomputes_only_periods_of_its_half);
    tcase_add_test(tc, cells_name_the_run_that_wrote_them);
    tcase_add_test(tc, revision_recomputes_only_its_province);
    tcase_add_test(tc, nothing_changed_computes_nothing);
    tcase_add_test(tc, history_answers_as_of);
    tcase_add_test(tc, catalog_change_recomputes);
    tcase_add_test(tc, lineage_lists_file_and_line);
    tcase_add_test(tc, indicator_that_left_the_catalog_is_not_computed);
    tcase_add_test(tc, latest_view_gives_last_complete_period);
    tcase_add_test(tc, concurrent_run_is_locked_out);
    tcase_add_test(tc, command_line);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
