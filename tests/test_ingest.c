/*
 * test_ingest.c — `kpi ingest` (engine/ingest/load.c, builtin/ingest.c) against
 * a real PostgreSQL, with the files of tests/data/ingest/: every rejection
 * reason, BOM/CRLF/';', quoting, conflicts, revisions, re-ingest, file-level
 * rejections, exit codes, the archive, and a SIGKILL in the middle of a file.
 */
#include "db/migrate.h"
#include "testlib.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static char env_db[4200];
static const char *env[2];
static const char *db;

/* A fresh migrated database with three metrics and the Thái Nguyên units. */
static PGconn *setup(void)
{
    db = testlib_db_new();
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    testlib_exec(conn, "INSERT INTO kpi.metric VALUES"
                       " ('dvc_essential_online', 'x', 'x', 'flow', 'test'),"
                       " ('dvc_essential_total', 'x', 'x', 'flow', 'test'),"
                       " ('citizen_14plus', 'x', 'x', 'stock', 'test')");
    snprintf(env_db, sizeof env_db, "KPI_DB=%s", db);
    env[0] = env_db;
    env[1] = NULL;
    const char *load[] = {"units", "load", testlib_path("fixtures/units_thai_nguyen.csv"), NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, load), 0);
    return conn;
}

/* tests/data/ingest/NAME; eight paths may be alive at once. */
static const char *data(const char *name)
{
    static char paths[8][PATH_MAX];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, PATH_MAX, "%s", testlib_path("tests/data/ingest"));
    strncat(p, "/", PATH_MAX - strlen(p) - 1);
    strncat(p, name, PATH_MAX - strlen(p) - 1);
    return p;
}

/* Run kpi ingest with the NULL-terminated arguments; its stderr into *err. */
static int ingest(char **err, ...)
{
    const char *args[16] = {"ingest"};
    int n = 1;
    va_list ap;
    va_start(ap, err);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && n < 15)
        args[n++] = a;
    va_end(ap);
    args[n] = NULL;
    return testlib_kpi(NULL, err, env, args);
}

static void assert_value(PGconn *conn, const char *sql, const char *expect)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, expect) == 0, "%s\n got: %s\nwant: %s", sql,
                  v ? v : "(no row)", expect);
    free(v);
}

static void assert_has(const char *text, const char *part)
{
    ck_assert_msg(strstr(text, part) != NULL, "missing \"%s\" in:\n%s", part, text);
}

/* The reason recorded for line LINE of the only submission named FILE. */
static void assert_reason(PGconn *conn, const char *file, int line, const char *reason)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT string_agg(r.reason, ' | ') FROM kpi.rejected_row r JOIN kpi.submission s"
             " ON s.id = r.submission_id WHERE s.file_name = '%s' AND r.line_no = %d",
             file, line);
    assert_value(conn, sql, reason);
}

START_TEST(every_row_reason_is_recorded)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(&err, data("rows_bad.csv"), NULL), 3);
    const char *f = "rows_bad.csv";
    assert_reason(conn, f, 2,
                  "value \"1.234\": thousands separators are not allowed, write 1234, or read "
                  "the file with locale vi (kpi ingest --locale vi, or the inbox's vi/ folder)");
    assert_reason(conn, f, 3,
                  "unit \"1840\" is not registered; did you mean \"01840\"? (a spreadsheet may "
                  "have dropped the leading zero: format the column as text)");
    assert_reason(conn, f, 4, "metric \"dvc_online\" is not in the catalog (see kpi.metric)");
    assert_reason(conn, f, 5, "period \"2025-13\" is not a valid month: there is no month 13");
    assert_reason(conn, f, 6, "negative value \"-5\": counts cannot be negative");
    assert_reason(conn, f, 7, "value \"12.5\" has decimals; counts are whole numbers");
    assert_reason(conn, f, 8, "empty value; write 0 when the count is zero");
    assert_reason(conn, f, 9,
                  "value \"9223372036854775808\" is too large: at most 9223372036854775807 "
                  "(bigint)");
    assert_reason(conn, f, 10, "period \"2025-02-30\" is not a valid date: 2025-02 has 28 days");
    assert_reason(conn, f, 11, "value \"1,234\": thousands separators are not allowed, write 1234");
    assert_reason(conn, f, 13,
                  "the row has 6 fields but the header has 5; check the delimiter ',' and quote "
                  "fields that contain it");
    assert_reason(conn, f, 14, "empty unit; write the unit code, e.g. 05443");
    assert_reason(conn, f, 16,
                  "malformed quotes: a field containing a quote must be enclosed in quotes, "
                  "with each inner quote doubled (\"\")");
    assert_value(conn,
                 "SELECT reason LIKE 'period \"2099-01\" is in the future (today is 20%' FROM "
                 "kpi.rejected_row WHERE line_no = 17",
                 "t");
    /* the columns named, the row as received */
    assert_value(conn, "SELECT column_name FROM kpi.rejected_row WHERE line_no = 3", "unit");
    assert_value(conn, "SELECT raw FROM kpi.rejected_row WHERE line_no = 13",
                 "2025-07-07,01843,citizen_14plus,8,extra,field");
    /* the good rows are kept, with their lines */
    assert_value(conn,
                 "SELECT string_agg(line_no || ':' || value, ',' ORDER BY line_no)"
                 " FROM kpi.observation",
                 "12:7,15:9223372036854775807");
    assert_value(conn,
                 "SELECT status || ' ' || rows_accepted || ' ' || rows_rejected"
                 " FROM kpi.submission",
                 "partial 2 14");
    /* stderr: FILE:LINE: message, and a summary */
    assert_has(err, "rows_bad.csv:3: unit \"1840\" is not registered; did you mean \"01840\"?");
    assert_has(err, "rows_bad.csv:5: period \"2025-13\" is not a valid month");
    assert_has(err, "rows_bad.csv: partial: 2 rows accepted");
    free(err);
    PQfinish(conn);
}
END_TEST

START_TEST(bom_crlf_semicolon_and_vietnamese_notes)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(&err, data("vietnamese_bom_crlf_semicolon.csv"), NULL), 0);
    assert_value(conn,
                 "SELECT string_agg(metric || '/' || unit_code || '/' || period_start || '/' ||"
                 " grain || '/' || value || '/' || line_no, ' ' ORDER BY line_no)"
                 " FROM kpi.observation",
                 "dvc_essential_online/01840/2025-07-01/month/120/2"
                 " dvc_essential_total/01840/2025-07-01/month/150/3"
                 " citizen_14plus/01849/2025-07-31/day/3456/6");
    assert_value(conn, "SELECT status || ' ' || rows_accepted || ' ' || agency FROM kpi.submission",
                 "accepted 3 Văn phòng UBND tỉnh");
    assert_value(conn, "SELECT count(*) FROM kpi.rejected_row", "0");
    free(err);
    PQfinish(conn);
}
END_TEST

START_TEST(conflicting_and_identical_duplicates_in_one_file)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(&err, data("conflict.csv"), NULL), 3);
    const char *two = "conflict: period 2025-08-01, unit 01840, metric dvc_essential_total has "
                      "different values in this file (lines 2, 3); keep one row";
    assert_reason(conn, "conflict.csv", 2, two);
    assert_reason(conn, "conflict.csv", 3, two);
    assert_reason(conn, "conflict.csv", 7,
                  "conflict: unit 01843, metric dvc_essential_total, month 2025-08 already has a "
                  "month value in this file (line 6); day values and a month value would be "
                  "counted twice");
    assert_value(conn,
                 "SELECT string_agg(unit_code || '/' || period_start || '/' || grain || '/' ||"
                 " value || '/' || line_no, ' ' ORDER BY line_no) FROM kpi.observation",
                 "01840/2025-08-02/day/7/4 01843/2025-08-01/month/30/6");
    assert_value(conn, "SELECT rows_accepted || ' ' || rows_rejected FROM kpi.submission", "3 3");
    assert_has(err, "1 duplicate rows kept once");
    assert_has(err, "conflict.csv:7: conflict:");
    free(err);
    PQfinish(conn);
}
END_TEST

START_TEST(identical_duplicate_in_a_new_month_is_kept_once)
{
    /* a new month takes the fast path; the duplicate key sends it to the slow one */
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(&err, data("duplicate_identical.csv"), NULL), 0);
    assert_has(err, "accepted: 3 rows accepted (2 new, 0 revised, 0 unchanged, 1 duplicate rows "
                    "kept once), 0 rejected");
    free(err);
    assert_value(conn,
                 "SELECT string_agg(period_start || '=' || value || ':' || line_no, ' '"
                 " ORDER BY period_start) FROM kpi.observation",
                 "2025-05-01=5:2 2025-05-02=6:3");
    assert_value(conn, "SELECT metric || ' ' || month FROM kpi.observation_month",
                 "dvc_essential_total 2025-05-01");
    PQfinish(conn);
}
END_TEST

/*
 * A file of new months becomes one partition of kpi.observation, named after
 * its first month and its submission, its keys queued for kpi compute; a
 * file bringing another metric of a month already partitioned still takes
 * the fast path and its rows join that partition.
 */
START_TEST(new_months_become_a_partition)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(&err, data("partition_total.csv"), NULL), 0);
    assert_has(err, "accepted: 2 rows accepted (2 new, 0 revised, 0 unchanged), 0 rejected");
    free(err);
    const char *parts = "SELECT string_agg(c.relname || ':' || pg_get_expr(c.relpartbound, c.oid)"
                        "  || ':' || (SELECT count(*) FROM kpi.observation_data o"
                        "             WHERE o.tableoid = c.oid), ' ' ORDER BY c.relname)"
                        "  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        " WHERE i.inhparent = 'kpi.observation_data'::regclass";
    assert_value(conn, parts,
                 "observation_202508_1:FOR VALUES FROM ('2025-08-01') TO ('2025-10-01'):2 "
                 "observation_default:DEFAULT:0");
    /* every month of the file for every unit of the file: (NULL, unit, month) */
    assert_value(conn,
                 "SELECT string_agg(coalesce(metric, '*') || ' ' || unit_code || ' ' || month,"
                 " ', ' ORDER BY unit_code, month) FROM kpi.compute_dirty WHERE month IS NOT NULL",
                 "* 01840 2025-08-01, * 01840 2025-09-01, * 05443 2025-08-01, * 05443 2025-09-01");

    ck_assert_int_eq(ingest(&err, data("partition_online.csv"), NULL), 0);
    assert_has(err, "accepted: 1 rows accepted (1 new, 0 revised, 0 unchanged), 0 rejected");
    free(err);
    assert_value(conn, parts,
                 "observation_202508_1:FOR VALUES FROM ('2025-08-01') TO ('2025-10-01'):3 "
                 "observation_default:DEFAULT:0");
    assert_value(conn,
                 "SELECT string_agg(metric || ' ' || period_start || '=' || value || ' s'"
                 " || submission_id || ':' || line_no, ', ' ORDER BY period_start)"
                 " FROM kpi.observation",
                 "dvc_essential_total 2025-08-01=10 s1:2, dvc_essential_online 2025-08-02=7 s2:2, "
                 "dvc_essential_total 2025-09-30=12 s1:3");
    assert_value(conn,
                 "SELECT count(*) FROM kpi.compute_delta"
                 " WHERE metric = 'dvc_essential_online' AND unit_code = '01840'"
                 "   AND period_start = '2025-08-02' AND value = 7",
                 "1");
    assert_value(conn, "SELECT to_regclass('kpi.observation_load') IS NULL", "t");
    PQfinish(conn);
}
END_TEST

/* A file of 20 units x 31 days x 2 metrics = 1,240 counts of MONTH (YYYY-MM), then, with
 * EXTRA, one count of each unit on the 1st of EXTRA; written to NAME in a new directory. */
static const char *month_file(PGconn *conn, const char *name, const char *month, const char *extra)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", testlib_tmpdir(), name);
    char *units = testlib_value(conn, "SELECT string_agg(code, ' ' ORDER BY code) FROM (SELECT "
                                      "code FROM kpi.unit WHERE kind <> 'province' ORDER BY code "
                                      "LIMIT 20) u");
    ck_assert_ptr_nonnull(units);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("period,unit,metric,value\n", f);
    char code[16];
    int n;
    for (int d = 1; d <= 31; d++)
        for (const char *u = units; sscanf(u, "%15s%n", code, &n) == 1; u += n)
            fprintf(f, "%s-%02d,%s,dvc_essential_total,%d\n%s-%02d,%s,dvc_essential_online,%d\n",
                    month, d, code, 10 + d, month, d, code, d);
    for (const char *u = units; extra != NULL && sscanf(u, "%15s%n", code, &n) == 1; u += n)
        fprintf(f, "%s-01,%s,dvc_essential_total,5\n", extra, code);
    ck_assert_int_eq(fclose(f), 0);
    free(units);
    return path;
}

/*
 * The fast path checks the months of a file's first rows (its first 1,000 counts) as it
 * copies the rows, and the attach then needs no scan of them (tests/test_security.c shows
 * the check refusing a row of another month); a file whose later rows bring another month
 * is copied in two parts, the check dropped between them (kpi.observation_load_widen), and
 * its months checked by a scan at the attach. August 2025 alone (1,240 counts) and
 * October 2025 whose last 20 counts bring November: both keep every row, as one partition of
 * their months (August; October and November), with no check of the load left on it.
 */
START_TEST(first_rows_months_checked_as_copied)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(&err, month_file(conn, "august.csv", "2025-08", NULL), NULL), 0);
    assert_has(err, "accepted: 1240 rows accepted (1240 new, 0 revised, 0 unchanged)");
    free(err);
    ck_assert_int_eq(ingest(&err, month_file(conn, "october.csv", "2025-10", "2025-11"), NULL), 0);
    assert_has(err, "accepted: 1260 rows accepted (1260 new, 0 revised, 0 unchanged)");
    free(err);
    assert_value(conn,
                 "SELECT string_agg(c.relname || ':' || pg_get_expr(c.relpartbound, c.oid)"
                 "  || ':' || (SELECT count(*) FROM kpi.observation_data o"
                 "             WHERE o.tableoid = c.oid) || ':' || (SELECT count(*) FROM"
                 "  pg_constraint k WHERE k.conrelid = c.oid AND (k.conname LIKE '%range'"
                 "  OR k.conname LIKE 'observation_load%')), ' ' ORDER BY c.relname)"
                 "  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                 " WHERE i.inhparent = 'kpi.observation_data'::regclass",
                 "observation_202508_1:FOR VALUES FROM ('2025-08-01') TO ('2025-09-01'):1240:0 "
                 "observation_202510_2:FOR VALUES FROM ('2025-10-01') TO ('2025-12-01'):1260:0 "
                 "observation_default:DEFAULT:0:0");
    PQfinish(conn);
}
END_TEST

/*
 * The fast path's binary COPY: every column as the file and the submission
 * give it, days (a leap day, a year's last day) and a month, the smallest and
 * largest values; the file's units queued for kpi compute once per month of
 * the file with metric NULL, and no row per metric.
 */
START_TEST(fast_path_copies_values_dates_and_months_exactly)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(&err, data("fast_values.csv"), NULL), 0);
    assert_has(err, "accepted: 5 rows accepted (5 new, 0 revised, 0 unchanged), 0 rejected");
    free(err);
    assert_value(conn,
                 "SELECT string_agg(c.relname || ':' || pg_get_expr(c.relpartbound, c.oid), ' '"
                 " ORDER BY c.relname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                 " WHERE i.inhparent = 'kpi.observation_data'::regclass",
                 "observation_202402_1:FOR VALUES FROM ('2024-02-01') TO ('2025-02-01') "
                 "observation_default:DEFAULT");
    assert_value(
        conn,
        "SELECT string_agg(concat_ws('|', m.code, u.code, period_start, grain, value,"
        " submission_id, line_no, (SELECT c.relname FROM pg_class c WHERE c.oid = o.tableoid)), ' '"
        " ORDER BY line_no)"
        " FROM kpi.observation_data o JOIN kpi.metric_key m ON m.id = o.metric_id"
        " JOIN kpi.unit_key u ON u.id = o.unit_id",
        "dvc_essential_total|01840|2024-02-29|day|0|1|2|observation_202402_1 "
        "dvc_essential_total|01843|2024-03-01|day|9223372036854775807|1|3|"
        "observation_202402_1 "
        "dvc_essential_online|01840|2024-12-31|day|1234567890123|1|4|"
        "observation_202402_1 "
        "citizen_14plus|01849|2024-11-01|month|42|1|5|observation_202402_1 "
        "dvc_essential_total|01840|2025-01-01|day|7|1|6|observation_202402_1");
    assert_value(conn,
                 "SELECT string_agg(unit_code || ' ' || month, ', ' ORDER BY unit_code, month)"
                 " FROM kpi.compute_dirty WHERE metric IS NULL AND month IS NOT NULL",
                 "01840 2024-02-01, 01840 2024-03-01, 01840 2024-11-01, 01840 2024-12-01, "
                 "01840 2025-01-01, 01843 2024-02-01, 01843 2024-03-01, 01843 2024-11-01, "
                 "01843 2024-12-01, 01843 2025-01-01, 01849 2024-02-01, 01849 2024-03-01, "
                 "01849 2024-11-01, 01849 2024-12-01, 01849 2025-01-01");
    assert_value(conn, "SELECT count(*) FROM kpi.compute_dirty WHERE metric IS NOT NULL", "0");

    /* the key, day first, built and attached with the partition */
    assert_value(conn,
                 "SELECT pg_get_indexdef(indexrelid) FROM pg_index"
                 " WHERE indrelid = 'kpi.observation_202402_1'::regclass",
                 "CREATE UNIQUE INDEX observation_202402_1_pkey ON kpi.observation_202402_1 USING "
                 "btree (period_start, unit_id, metric_id, grain)");
    PQfinish(conn);
}
END_TEST

START_TEST(month_and_day_values_across_files_conflict)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(NULL, data("month_first.csv"), NULL), 0);
    ck_assert_int_eq(ingest(&err, data("days_second.csv"), NULL), 3);
    assert_reason(conn, "days_second.csv", 2,
                  "conflict: unit 01840, metric dvc_essential_online already has a month value "
                  "for 2025-09 from submission 1 (month_first.csv, line 2); send either day "
                  "values or a month value, not both");
    assert_has(err, "days_second.csv:2: conflict: unit 01840");
    free(err);
    ck_assert_int_eq(ingest(NULL, data("days_first.csv"), NULL), 0);
    ck_assert_int_eq(ingest(NULL, data("month_second.csv"), NULL), 3);
    assert_reason(conn, "month_second.csv", 2,
                  "conflict: unit 01843, metric dvc_essential_online already has day values for "
                  "2025-10 from submission 3 (days_first.csv, line 2); send either day values "
                  "or a month value, not both");
    /* the first value of each month stays, the other unit's day was accepted */
    assert_value(conn,
                 "SELECT string_agg(unit_code || '/' || period_start || '/' || grain || '/' ||"
                 " submission_id, ' ' ORDER BY period_start, unit_code) FROM kpi.observation",
                 "01840/2025-09-01/month/1 01843/2025-09-03/day/2 01843/2025-10-01/day/3");
    PQfinish(conn);
}
END_TEST

START_TEST(revision_keeps_the_earlier_version)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(NULL, data("revision_1.csv"), NULL), 0);
    ck_assert_int_eq(ingest(&err, data("revision_2.csv"), NULL), 0);
    assert_has(err, "(0 new, 1 revised, 1 unchanged)");
    free(err);
    /* current values: the revised one from file 2, the unchanged one still from file 1 */
    assert_value(conn,
                 "SELECT string_agg(period_start || '=' || value || '@' || submission_id || ':' ||"
                 " line_no, ' ' ORDER BY period_start) FROM kpi.observation",
                 "2025-07-01=10@1:2 2025-07-02=25@2:2 2025-07-03=30@1:4");
    /* the earlier version, with the interval it was current */
    assert_value(conn,
                 "SELECT s.value || '@' || s.submission_id || ':' || s.line_no || ' ' ||"
                 " (s.valid_to = o.valid_from) || ' ' || (s.valid_from < s.valid_to)"
                 " FROM kpi.observation_superseded s JOIN kpi.observation o"
                 " USING (metric, unit_code, period_start, grain)",
                 "20@1:3 true true");
    assert_value(conn,
                 "SELECT string_agg(value || ' current=' || (valid_to IS NULL), ', '"
                 " ORDER BY valid_from) FROM kpi.observation_history"
                 " WHERE period_start = '2025-07-02'",
                 "20 current=false, 25 current=true");
    PQfinish(conn);
}
END_TEST

START_TEST(reingest_changes_nothing)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(NULL, data("good.csv"), NULL), 0);
    char *before = testlib_value(conn, "SELECT string_agg(value || '@' || valid_from, ',' ORDER "
                                       "BY period_start) FROM kpi.observation");
    ck_assert_int_eq(ingest(&err, data("good.csv"), NULL), 0);
    assert_has(err, "good.csv: already ingested as submission 1; nothing changed");
    free(err);
    /* the same content under another name is the same submission */
    char copy[PATH_MAX];
    snprintf(copy, sizeof copy, "%s/renamed.csv", testlib_tmpdir());
    char *text = testlib_read_file(data("good.csv"));
    testlib_write_file(copy, text, strlen(text));
    free(text);
    ck_assert_int_eq(ingest(&err, copy, NULL), 0);
    assert_has(err, "renamed.csv: already ingested as submission 1");
    free(err);
    char *after = testlib_value(conn, "SELECT string_agg(value || '@' || valid_from, ',' ORDER "
                                      "BY period_start) FROM kpi.observation");
    ck_assert_str_eq(before, after);
    assert_value(conn, "SELECT count(*) FROM kpi.submission", "1");
    free(before);
    free(after);
    PQfinish(conn);
}
END_TEST

START_TEST(file_level_rejections)
{
    PGconn *conn = setup();
    char *err;
    ck_assert_int_eq(ingest(&err, data("empty.csv"), data("invalid_utf8.csv"),
                            data("unterminated_quote.csv"), data("unknown_column.csv"),
                            data("missing_column.csv"), data("header_only.csv"), NULL),
                     3);
    assert_value(conn,
                 "SELECT string_agg(file_name || ' ' || status || ' ' || rows_accepted || ' ' ||"
                 " reason, E'\n' ORDER BY id) FROM kpi.submission",
                 "empty.csv rejected 0 line 1: empty file; the first line must be the header "
                 "period,unit,metric,value\n"
                 "invalid_utf8.csv rejected 0 line 3: invalid UTF-8 at byte offset 86; save the "
                 "file as \"CSV UTF-8\" (Windows-1258 and TCVN3 are not accepted)\n"
                 "unterminated_quote.csv rejected 0 line 2: unterminated quote: the quoted field "
                 "of the row starting at line 2 is never closed\n"
                 "unknown_column.csv rejected 0 line 1: unknown column \"donvi\" in the header; "
                 "the columns are period, unit, metric, value (required) and agency, note "
                 "(optional); a column of labels for people is named in square brackets, e.g. "
                 "\"[Tên chỉ số]\"\n"
                 "missing_column.csv rejected 0 line 1: the header lacks the column \"metric\"; "
                 "the first line must name the columns period, unit, metric, value\n"
                 "header_only.csv rejected 0 line 2: the file has a header but no data rows");
    /* none of their rows are loaded, not even the good first row of invalid_utf8.csv */
    assert_value(conn, "SELECT count(*) FROM kpi.observation", "0");
    assert_value(conn, "SELECT count(*) FROM kpi.rejected_row", "0");
    assert_has(err, "invalid_utf8.csv:3: invalid UTF-8 at byte offset 86");
    assert_has(err, "unterminated_quote.csv:2: unterminated quote");
    assert_has(err, "invalid_utf8.csv: file rejected, nothing loaded (submission 2)");
    free(err);
    /* a rejected file may be sent again: it is examined again */
    ck_assert_int_eq(ingest(NULL, data("invalid_utf8.csv"), NULL), 3);
    assert_value(conn, "SELECT count(*) FROM kpi.submission WHERE file_name = 'invalid_utf8.csv'",
                 "2");
    PQfinish(conn);
}
END_TEST

START_TEST(exit_codes)
{
    PGconn *conn = setup();
    char *out, *err;
    const char *none[] = {"ingest", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, env, none), 2);
    assert_has(err, "kpi ingest: no file or directory to ingest");
    free(err);
    const char *bad[] = {"ingest", "--frob", "x.csv", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, bad), 2);
    const char *help[] = {"ingest", "--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, help), 0);
    assert_has(out, "usage: kpi ingest [--archive DIR] [--settle SECONDS] [--sheet NAME] "
                    "[--locale vi] PATH...");
    free(out);
    /* an I/O error stops the run: exit 1, the files before it are kept */
    ck_assert_int_eq(
        ingest(&err, data("good.csv"), data("no_such_file.csv"), data("revision_1.csv"), NULL), 1);
    assert_has(err, "could not open \"");
    free(err);
    assert_value(conn, "SELECT string_agg(file_name, ',') FROM kpi.submission", "good.csv");
    assert_value(conn, "SELECT count(*) FROM kpi.observation", "2");
    PQfinish(conn);
}
END_TEST

static void copy_to(const char *src, const char *dir, const char *name)
{
    char path[PATH_MAX + 256];
    char *text = testlib_read_file(src);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    testlib_write_file(path, text, strlen(text));
    free(text);
}

static bool exists(const char *dir, const char *name)
{
    char path[PATH_MAX + 256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

START_TEST(directory_in_name_order_and_archive)
{
    PGconn *conn = setup();
    char inbox[2048], archive[2048], processed[PATH_MAX], rejected[PATH_MAX];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    snprintf(archive, sizeof archive, "%s", testlib_tmpdir());
    snprintf(processed, sizeof processed, "%s/processed", archive);
    snprintf(rejected, sizeof rejected, "%s/rejected", archive);
    copy_to(data("rows_bad.csv"), inbox, "c_bad.csv");
    copy_to(data("good.csv"), inbox, "b_good.csv");
    copy_to(data("empty.csv"), inbox, "a_empty.csv");
    copy_to(data("empty.csv"), inbox, "notes.txt"); /* content not ingested before */
    ck_assert_int_eq(ingest(NULL, "--archive", archive, inbox, NULL), 3);
    assert_value(conn,
                 "SELECT string_agg(file_name || '=' || status, ',' ORDER BY id)"
                 " FROM kpi.submission",
                 "a_empty.csv=rejected,b_good.csv=accepted,c_bad.csv=partial,notes.txt=rejected");
    ck_assert(exists(rejected, "a_empty.csv"));
    ck_assert(exists(processed, "b_good.csv"));
    ck_assert(exists(processed, "c_bad.csv"));
    ck_assert(!exists(inbox, "a_empty.csv") && !exists(inbox, "b_good.csv") &&
              !exists(inbox, "c_bad.csv"));
    /* not a *.csv or *.xlsx: refused with what to send instead, never left behind */
    ck_assert(exists(rejected, "notes.txt") && !exists(inbox, "notes.txt"));
    /* the same file again: already ingested, archived without replacing the first */
    copy_to(data("good.csv"), inbox, "b_good.csv");
    ck_assert_int_eq(ingest(NULL, "--archive", archive, inbox, NULL), 0);
    ck_assert(exists(processed, "b_good.csv") && exists(processed, "b_good-2.csv"));
    assert_value(conn, "SELECT count(*) FROM kpi.submission", "4");
    PQfinish(conn);
}
END_TEST

/* Spawn kpi ingest PATH with KPI_DB set; its pid. */
static pid_t spawn_ingest(const char *path)
{
    const char *bin = getenv("KPI_BIN");
    char *argv[] = {(char *)bin, "ingest", (char *)path, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    ck_assert_int_eq(setenv("KPI_DB", db, 1), 0);
    pid_t pid;
    ck_assert_int_eq(posix_spawn(&pid, bin, &fa, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    unsetenv("KPI_DB");
    return pid;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

START_TEST(sigkill_in_the_middle_leaves_the_database_unchanged)
{
    PGconn *conn = setup();
    ck_assert_int_eq(ingest(NULL, data("good.csv"), NULL), 0);
    /* a large file: 421 units x 10 metrics x 92 days */
    testlib_exec(conn, "INSERT INTO kpi.metric SELECT 'bulk_' || i, 'x', 'x', 'flow', 'test'"
                       " FROM generate_series(1, 10) i");
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/large.csv", testlib_tmpdir());
    PGresult *units = PQexec(conn, "SELECT code FROM kpi.unit ORDER BY code");
    ck_assert_int_eq(PQresultStatus(units), PGRES_TUPLES_OK);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("period,unit,metric,value\n", f);
    long long rows = 0;
    for (int day = 0; day < 92; day++) {
        int month = 7 + (day >= 31) + (day >= 62);
        int dom = day - (day >= 31 ? 31 : 0) - (day >= 62 ? 31 : 0) + 1;
        for (int u = 0; u < PQntuples(units); u++)
            for (int m = 1; m <= 10; m++, rows++)
                fprintf(f, "2025-%02d-%02d,%s,bulk_%d,%d\n", month, dom, PQgetvalue(units, u, 0), m,
                        (u * 7 + m + day) % 1000);
    }
    ck_assert_int_eq(fclose(f), 0);
    PQclear(units);
    const char *state = "SELECT (SELECT count(*) FROM kpi.observation) || ' ' ||"
                        " (SELECT count(*) FROM kpi.submission) || ' ' ||"
                        " (SELECT count(*) FROM kpi.rejected_row) || ' ' ||"
                        " (SELECT count(*) FROM kpi.observation_month)";
    char *before = testlib_value(conn, state);

    pid_t pid = spawn_ingest(path);
    long long copied = 0;
    int st;
    for (int i = 0; i < 60000 && copied == 0; i++) {
        char *v = testlib_value(conn, "SELECT coalesce(max(tuples_processed), 0)"
                                      " FROM pg_stat_progress_copy"
                                      " WHERE datname = current_database()");
        copied = strtoll(v, NULL, 10);
        free(v);
        ck_assert_msg(waitpid(pid, &st, WNOHANG) == 0, "kpi ingest ended before it was killed");
        if (copied == 0)
            sleep_ms(2);
    }
    ck_assert_int_gt(copied, 0);
    ck_assert_int_lt(copied, rows); /* in the middle */
    ck_assert_int_eq(kill(pid, SIGKILL), 0);
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    /* the server notices the lost client and rolls its transaction back */
    char *others = NULL;
    for (int i = 0; i < 3000; i++) {
        free(others);
        others = testlib_value(conn, "SELECT count(*) FROM pg_stat_activity"
                                     " WHERE datname = current_database()"
                                     " AND pid <> pg_backend_pid()");
        if (strcmp(others, "0") == 0)
            break;
        sleep_ms(10);
    }
    ck_assert_str_eq(others, "0");
    free(others);
    char *after = testlib_value(conn, state);
    ck_assert_str_eq(before, after);

    /* running the same command again completes the job */
    char *err;
    ck_assert_int_eq(ingest(&err, path, NULL), 0);
    /* stderr is not a terminal: no progress line, only the summary */
    ck_assert_ptr_null(strstr(err, "\033[K"));
    ck_assert_ptr_null(strstr(err, "MB/s"));
    assert_has(err, "large.csv: accepted:");
    free(err);
    char expect[64];
    snprintf(expect, sizeof expect, "%lld", rows + 2);
    assert_value(conn, "SELECT count(*) FROM kpi.observation", expect);
    snprintf(expect, sizeof expect, "accepted %lld", rows);
    assert_value(conn,
                 "SELECT string_agg(status || ' ' || rows_accepted, ',') FROM kpi.submission"
                 " WHERE file_name = 'large.csv'",
                 expect);
    free(before);
    free(after);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ingest");
    TCase *tc = tcase_create("ingest");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, every_row_reason_is_recorded);
    tcase_add_test(tc, bom_crlf_semicolon_and_vietnamese_notes);
    tcase_add_test(tc, conflicting_and_identical_duplicates_in_one_file);
    tcase_add_test(tc, identical_duplicate_in_a_new_month_is_kept_once);
    tcase_add_test(tc, new_months_become_a_partition);
    tcase_add_test(tc, fast_path_copies_values_dates_and_months_exactly);
    tcase_add_test(tc, first_rows_months_checked_as_copied);
    tcase_add_test(tc, month_and_day_values_across_files_conflict);
    tcase_add_test(tc, revision_keeps_the_earlier_version);
    tcase_add_test(tc, reingest_changes_nothing);
    tcase_add_test(tc, file_level_rejections);
    tcase_add_test(tc, exit_codes);
    tcase_add_test(tc, directory_in_name_order_and_archive);
    tcase_add_test(tc, sigkill_in_the_middle_leaves_the_database_unchanged);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
