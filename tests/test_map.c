/*
 * test_map.c — the dated map (issue 19) against a real PostgreSQL: the Thái
 * Nguyên registry of fixtures/ with the crosswalk of 1/7/2025 (its province-19
 * rows, checked against the shared file) and the demo's one weight (Gia Sàng
 * -> Phan Đình Phùng 0.4); counts read on the map of their period, rejected
 * with a hint when the code named no unit then; series on today's map with the
 * old units' counts carried (full added, partial by its weight or left out and
 * marked estimated); completeness on the map of the time; `kpi units history`.
 * Each expectation has its hand computation beside it.
 */
#include "compute/compute.h"
#include "db/migrate.h"
#include "common/status.h"
#include "ingest/receipt.h"
#include "ingest/units.h"
#include "common/hash.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char env_db[4200];
static const char *env[] = {env_db, NULL};

static void assert_value(PGconn *conn, const char *sql, const char *want)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, want) == 0, "%s\n got: %s\nwant: %s", sql,
                  v ? v : "(no row)", want);
    free(v);
}

static void assert_has(const char *text, const char *part)
{
    ck_assert_msg(text != NULL && strstr(text, part) != NULL, "missing \"%s\" in:\n%s", part,
                  text ? text : "(null)");
}

/* Write TEXT as NAME in the test's directory; run `kpi units load` (VERB "units") or `kpi
 * ingest` on it, which must exit EXIT; its stderr (the caller frees it). */
static char *run_on(const char *name, const char *text, const char *verb, int exit)
{
    char path[4200], *err = NULL;
    snprintf(path, sizeof path, "%s/%s", testlib_tmpdir(), name);
    testlib_write_file(path, text, strlen(text));
    const char *units[] = {"units", "load", path, NULL}, *ingest[] = {"ingest", path, NULL};
    int rc = testlib_kpi(NULL, &err, env, strcmp(verb, "units") == 0 ? units : ingest);
    ck_assert_msg(rc == exit, "kpi %s %s: exit %d: %s", verb, name, rc, err);
    return err;
}

/* A ratio 3.1 (flows, reported by the communes: completeness) of the month and year to date. */
static const char catalog[] =
    "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version, reported_by)"
    " VALUES ('dvc_essential_online', 'Hồ sơ DVC thiết yếu trực tuyến', 'essential online',"
    "         'flow', 'v1', '{xa,phuong,dac_khu}'),"
    "        ('dvc_essential_total', 'Hồ sơ DVC thiết yếu', 'essential total', 'flow', 'v1',"
    "         '{xa,phuong,dac_khu}');"
    "INSERT INTO kpi.indicator (id, name_vi, name_en, plan_ref, kind, numerator_metric,"
    "  denominator_metric, comparator, target_pct, cadence, catalog_version) VALUES"
    " ('3.1', 'Tỷ lệ DVC thiết yếu trực tuyến', 'essential services online', 'III.1', 'ratio',"
    "  'dvc_essential_online', 'dvc_essential_total', '>', 80, 'monthly_ytd', 'v1');"
    "INSERT INTO kpi.submission (file_name, sha256, status) VALUES ('map.csv', 'm1', 'accepted')";

/* Month counts as kpi ingest stores them: ROWS is "(unit, month, online, total)" tuples. */
static void counts(PGconn *conn, const char *rows)
{
    char sql[2048];
    snprintf(sql, sizeof sql,
             "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, value,"
             " submission_id, line_no)"
             " SELECT m, u, d::date, 'month', v, 1, row_number() OVER ()"
             "   FROM (VALUES %s) AS t(u, d, o, n)"
             "   CROSS JOIN LATERAL (VALUES ('dvc_essential_online', o),"
             "                              ('dvc_essential_total', n)) AS x(m, v)",
             rows);
    testlib_exec(conn, sql);
}

static void compute(PGconn *conn, bool full)
{
    struct compute_opts o = {NULL, NULL, full};
    struct compute_result r;
    ck_assert_int_eq(compute_run(conn, &o, &r), KPI_OK);
}

static void load(PGconn *conn, const char *fixture, bool cross)
{
    struct units_result res;
    const char *path = testlib_path(fixture);
    ck_assert_int_eq(
        cross ? units_crosswalk_load(conn, path, NULL, &res) : units_load(conn, path, &res), 0);
    ck_assert_int_eq(res.problems, 0);
}

/* A database with the registry, the catalog; CROSS: the crosswalk and the weight loaded. */
static PGconn *world(bool cross)
{
    const char *db = testlib_db_new();
    snprintf(env_db, sizeof env_db, "KPI_DB=%s", db);
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    load(conn, "fixtures/units_thai_nguyen.csv", false);
    testlib_exec(conn, catalog);
    if (cross) {
        load(conn, "fixtures/units_2025_crosswalk_19.csv", true);
        load(conn, "fixtures/units_2025_weights.csv", true);
    }
    return conn;
}

/* "numerator|denominator|ratio|carried_pct|estimated|completeness|expected|reporting" */
#define CELL(unit, kind, end)                                                                      \
    "SELECT concat_ws('|', numerator, denominator, round(ratio_pct, 2),"                           \
    " coalesce(carried_pct::text, '-'), coalesce(estimated, '-'),"                                 \
    " coalesce(completeness_pct::text, '-'), coalesce(units_expected::text, '-'),"                 \
    " coalesce(units_reporting::text, '-')) FROM kpi.indicator_value WHERE indicator_id = '3.1'"   \
    " AND unit_code = '" unit "' AND period_kind = '" kind "' AND period_end = '" end "'"

START_TEST(crosswalk_registers_the_old_map)
{
    PGconn *conn = world(true);
    /* 283 rows of province 19: 280 old communes (3 split in two), 15 + 8 old districts
     * (Thái Nguyên's 9, Bắc Kạn's 8: counted below), 2 old provinces (19, 06) */
    assert_value(conn,
                 "SELECT count(*) FILTER (WHERE kind IN ('xa', 'phuong', 'thi_tran'))"
                 " || ' ' || count(*) FILTER (WHERE kind = 'province') FROM kpi.unit_past",
                 "280 2");
    assert_value(conn, "SELECT count(*) FROM kpi.unit_succession", "283");
    assert_value(conn, "SELECT count(*) FROM kpi.unit_succession WHERE part = 'partial'", "6");
    /* today's map is unchanged: 92 communes and wards, valid since 1/7/2025 */
    assert_value(conn,
                 "SELECT count(*) || ' ' || min(valid_from) || ' ' || max(valid_from)"
                 " FROM kpi.unit WHERE kind IN ('xa', 'phuong')",
                 "92 2025-07-01 2025-07-01");
    assert_value(conn,
                 "SELECT name || ' < ' || parent_code FROM kpi.unit_past WHERE code = '05443'",
                 "Phường Trưng Vương < 164");
    assert_value(conn, "SELECT name || ' < ' || parent_code FROM kpi.unit_past WHERE code = '164'",
                 "Thành phố Thái Nguyên < 19");
    assert_value(conn, "SELECT name FROM kpi.unit_past WHERE code = '06'", "Tỉnh Bắc Kạn");
    /* the map of 30/6/2025 names the old ward, that of today the new one */
    assert_value(conn,
                 "SELECT string_agg(name, ' / ' ORDER BY valid_from) FROM kpi.unit_dated"
                 " WHERE code = '05443'",
                 "Phường Trưng Vương / Phường Phan Đình Phùng");
    /* idempotent: loading both files again changes nothing */
    struct units_result res;
    ck_assert_int_eq(units_crosswalk_load(
                         conn, testlib_path("fixtures/units_2025_crosswalk_19.csv"), NULL, &res),
                     0);
    ck_assert_int_eq(res.inserted + res.updated + res.problems, 0);
    /* and the file without weights keeps the weight given before */
    assert_value(conn,
                 "SELECT weight FROM kpi.unit_succession WHERE old_code = '05461'"
                 " AND new_code = '05443'",
                 "0.4");
    /* kpi units history 05443: every meaning, oldest first */
    const char *hist[] = {"units", "history", "05443", NULL};
    char *out;
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, hist), 0);
    ck_assert_str_eq(out,
                     "code,valid_from,valid_to,name,kind,parent_code,successors,predecessors\n"
                     "05443,,2025-06-30,Phường Trưng Vương,phuong,164,05443 full,\n"
                     "05443,2025-07-01,,Phường Phan Đình Phùng,phuong,19,,05437 full; 05440 full; "
                     "05443 full; 05446 full; 05449 full; 05452 full; 05458 full; "
                     "05461 partial 0.4\n");
    free(out);
    const char *none[] = {"units", "history", "99999", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, none), 3);
    PQfinish(conn);
}
END_TEST

START_TEST(year_to_date_carries_the_old_units)
{
    PGconn *conn = world(true);
    /* March 2025: Trưng Vương (old 05443) 10/20, Túc Duyên (05437, full) 5/10, Gia Sàng
     * (05461: 0.4 to Phan Đình Phùng, no weight to the new Gia Sàng 05467) 30/50;
     * September 2025: Phan Đình Phùng (new 05443) 40/60, Gia Sàng (new 05467) 7/10 */
    counts(conn, "('05443', '2025-03-01', 10, 20), ('05437', '2025-03-01', 5, 10),"
                 " ('05461', '2025-03-01', 30, 50), ('05443', '2025-09-01', 40, 60),"
                 " ('05467', '2025-09-01', 7, 10)");
    compute(conn, true);
    /* year to date of new 05443 at 30/9/2025: online 10 + 5 + round(30 × 0.4 = 12) + 40 = 67;
     * total 20 + 10 + round(50 × 0.4 = 20) + 60 = 110; 67/110 = 60.909… → 60.91 %;
     * carried 10 + 5 + 12 = 27 of 67 = 40.298… → 40.30 % */
    assert_value(conn, CELL("05443", "ytd", "2025-09-30"), "67|110|60.91|40.30|-|-|-|-");
    /* the new Gia Sàng: its part of old Gia Sàng has no weight, left out and marked:
     * 7/10 = 70 %, nothing carried */
    assert_value(conn, CELL("05467", "ytd", "2025-09-30"),
                 "7|10|70.00|-|một phần Phường Gia Sàng, chưa có tỷ lệ phân bổ|-|-|-");
    /* March on today's map: 05443 holds 10 + 5 + 12 = 27 of 20 + 10 + 20 = 50 (54 %), all
     * carried */
    assert_value(conn, CELL("05443", "month", "2025-03-31"), "27|50|54.00|100.00|-|-|-|-");
    /* the province's March: 27/50 and the estimate; completeness on the map of March: the 280
     * old communes of today's province expected, 3 reporting (Trưng Vương, Túc Duyên,
     * Gia Sàng): 3/280 = 1.071… → 1.07 % */
    assert_value(conn, CELL("19", "month", "2025-03-31"),
                 "27|50|54.00|100.00|một phần Phường Gia Sàng, chưa có tỷ lệ phân bổ|1.07|280|3");
    /* September: the 92 new units expected, 2 reporting: 2/92 = 2.17 %; 47/70 nothing carried */
    assert_value(conn, CELL("19", "month", "2025-09-30"), "47|70|67.14|-|-|2.17|92|2");
    /* the year to date spans 1/7/2025: both maps, each in its interval: 280 + 92 = 372
     * expected, 3 old + 2 new reporting = 5: 5/372 = 1.344… → 1.34 % */
    assert_value(conn,
                 "SELECT units_expected || '|' || units_reporting || '|' || completeness_pct"
                 " FROM kpi.indicator_value WHERE indicator_id = '3.1' AND unit_code = '19'"
                 " AND period_kind = 'ytd' AND period_end = '2025-09-30'",
                 "372|5|1.34");
    /* kpi show says so: the share carried and the estimate, in the notes and in JSON */
    const char *show[] = {"show", "--unit", "05443", "--kind", "ytd", "--period", "2025-09", NULL};
    char *out;
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, show), 0);
    assert_has(out, "3.1 Phường Phan Đình Phùng: 40,3 % số liệu của đơn vị trước 01/07/2025");
    free(out);
    const char *json[] = {"show",     "--unit",  "05467",    "--kind", "ytd",
                          "--period", "2025-09", "--format", "json",   NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, json), 0);
    assert_has(out, "\"carried_pct\":\tnull");
    assert_has(out, "\"estimated\":\t\"một phần Phường Gia Sàng, chưa có tỷ lệ phân bổ\"");
    free(out);
    /* a late count of a code that names old units only (Túc Duyên, April: 1/2) is computed
     * by the next incremental night: 67 + 1 = 68 of 110 + 2 = 112 (60.71 %), carried
     * 27 + 1 = 28 of 68 = 41.176… → 41.18 % */
    counts(conn, "('05437', '2025-04-01', 1, 2)");
    compute(conn, false);
    assert_value(conn, CELL("05443", "ytd", "2025-09-30"), "68|112|60.71|41.18|-|-|-|-");
    PQfinish(conn);
}
END_TEST

START_TEST(crosswalk_changes_no_cell_without_a_carried_count)
{
    PGconn *conn = world(false);
    counts(conn, "('05443', '2025-08-01', 40, 60), ('05467', '2025-08-01', 7, 10),"
                 " ('01843', '2025-09-01', 3, 4)");
    compute(conn, true);
    testlib_exec(conn, "CREATE TABLE before AS SELECT * FROM kpi.indicator_value");
    load(conn, "fixtures/units_2025_crosswalk_19.csv", true);
    load(conn, "fixtures/units_2025_weights.csv", true);
    compute(conn, false);
    /* every cell of a period after 1/7/2025 (August, September and their months' ytd are all
     * after it here: no count before July) is the same, carried or not */
    assert_value(conn,
                 "SELECT count(*) FROM before b JOIN kpi.indicator_value v USING (indicator_id,"
                 " unit_code, period_kind, period_end) WHERE b.period_start >= '2025-07-01'"
                 " AND v.carried_pct IS NULL AND v.estimated IS NULL"
                 " AND (b.numerator, b.denominator, b.status, b.completeness_pct,"
                 "      b.units_expected, b.units_reporting)"
                 "     IS DISTINCT FROM (v.numerator, v.denominator, v.status,"
                 "      v.completeness_pct, v.units_expected, v.units_reporting)",
                 "0");
    assert_value(conn,
                 "SELECT count(*) > 0 FROM before WHERE period_start >= '2025-07-01'"
                 " AND numerator IS NOT NULL",
                 "t");
    PQfinish(conn);
}
END_TEST

START_TEST(a_code_is_read_on_the_map_of_its_period)
{
    PGconn *conn = world(true);
    const char *csv = "period,unit,metric,value\n"
                      "2025-03,05437,dvc_essential_online,5\n"   /* Túc Duyên in March: fine */
                      "2025-08,05437,dvc_essential_online,3\n"   /* no unit in August */
                      "2025-08,05443,dvc_essential_online,40\n"  /* Phan Đình Phùng */
                      "2025-03,05443,dvc_essential_online,10\n"; /* Trưng Vương */
    char *err = run_on("map.csv", csv, "ingest", 3);
    /* the English reason on stderr, with what the code meant */
    assert_has(err, "map.csv:3: unit \"05437\" names no unit on 2025-08-01 (mã 05437 đến "
                    "30/06/2025 là Phường Túc Duyên, nay thuộc Phường Phan Đình Phùng (05443))");
    free(err);
    char *reason = testlib_value(conn, "SELECT reason FROM kpi.rejected_row WHERE line_no = 3");
    ck_assert_ptr_nonnull(reason);
    /* the receipt's Vietnamese */
    struct receipt_reason r;
    receipt_explain(reason, &r);
    ck_assert_str_eq(r.code, "unit_dated");
    ck_assert_str_eq(r.problem, "Mã đơn vị \"05437\" không dùng cho kỳ báo cáo ngày 2025-08-01: "
                                "mã 05437 đến 30/06/2025 là Phường Túc Duyên, nay thuộc "
                                "Phường Phan Đình Phùng (05443).");
    free(reason);
    assert_value(conn, "SELECT count(*) FROM kpi.rejected_row", "1");
    PQfinish(conn);
}
END_TEST

START_TEST(a_unit_starting_later_is_refused_before)
{
    PGconn *conn = world(true);
    /* a unit new on 1/7/2025 with no earlier meaning: refused for June, with its start */
    free(run_on("u.csv",
                "code,name,kind,parent_code,valid_from,valid_to\n19NEW,Xã Mới,xa,19,2025-07-01,\n",
                "units", 0));
    char *err =
        run_on("june.csv", "period,unit,metric,value\n2025-06-30,19NEW,dvc_essential_online,1\n",
               "ingest", 3);
    assert_has(err, "unit \"19NEW\" names no unit on 2025-06-30 (mã 19NEW từ 01/07/2025 là Xã "
                    "Mới)");
    free(err);
    PQfinish(conn);
}
END_TEST

/* The rows "new_code|new_name|old_code|old_name|part" of province 19 of a crosswalk file. */
static char *rows_19(const char *path)
{
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap), line[1024];
    ck_assert_ptr_nonnull(out);
    out[0] = '\0';
    while (fgets(line, sizeof line, f) != NULL) {
        char *fld[12];
        int n = 0;
        for (char *p = line, *s; n < 12 && (s = strsep(&p, ",\r\n")) != NULL;)
            fld[n++] = s;
        if (n < 11 || strcmp(fld[0], "19") != 0)
            continue;
        char row[512];
        int k =
            snprintf(row, sizeof row, "%s|%s|%s|%s|%s\n", fld[2], fld[3], fld[4], fld[5], fld[10]);
        if (len + (size_t)k + 1 > cap) {
            cap *= 2;
            out = realloc(out, cap);
            ck_assert_ptr_nonnull(out);
        }
        memcpy(out + len, row, (size_t)k + 1);
        len += (size_t)k;
    }
    fclose(f);
    return out;
}

START_TEST(bundled_crosswalk_equals_the_shared_file)
{
    /* fixtures/units_2025_crosswalk.csv is the shared reference copied verbatim: its SHA-256
     * is that of shared/reference/units_2025_crosswalk.csv (sha256sum, recorded in
     * fixtures/README.md), so the project tests from its own files */
    FILE *f = fopen(testlib_path("fixtures/units_2025_crosswalk.csv"), "rb");
    ck_assert_ptr_nonnull(f);
    struct hash_ctx *h = hash_new();
    ck_assert_ptr_nonnull(h);
    char buf[65536], hex[HASH_HEX_LEN];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        ck_assert_int_eq(hash_update(h, buf, got), KPI_OK);
    fclose(f);
    ck_assert_int_eq(hash_final(h, hex), KPI_OK);
    hash_free(h);
    ck_assert_str_eq(hex, "747ee83b59603983231f1e57c2a816b733566bafa659f25fe053ab158dbc2eac");
    /* the province-19 fixture: the same province-19 rows, in the same order (codes, names,
     * parts) */
    char *bundled = rows_19(testlib_path("fixtures/units_2025_crosswalk_19.csv"));
    char *shared = rows_19(testlib_path("fixtures/units_2025_crosswalk.csv"));
    ck_assert_int_eq(strlen(bundled), strlen(shared));
    ck_assert_str_eq(bundled, shared);
    /* 283 rows: count the lines */
    int n = 0;
    for (const char *p = bundled; *p; p++)
        n += *p == '\n';
    ck_assert_int_eq(n, 283);
    free(bundled);
    free(shared);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("map");
    TCase *tc = tcase_create("map");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, bundled_crosswalk_equals_the_shared_file);
    tcase_add_test(tc, crosswalk_registers_the_old_map);
    tcase_add_test(tc, year_to_date_carries_the_old_units);
    tcase_add_test(tc, crosswalk_changes_no_cell_without_a_carried_count);
    tcase_add_test(tc, a_code_is_read_on_the_map_of_its_period);
    tcase_add_test(tc, a_unit_starting_later_is_refused_before);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
