/*
 * test_sizelimit.c — input limits (engine/common/sizelimit.c and their use): sizes
 * with suffixes; with a real PostgreSQL, `kpi ingest` refusing a file over
 * --max-file-bytes (FILE:1:, recorded as rejected) and a row with a field over
 * $KPI_MAX_FIELD_BYTES (FILE:LINE:, the other rows kept); the catalog and the
 * routes file over $KPI_MAX_JSON_BYTES.
 */
#include "common/sizelimit.h"
#include "testlib.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void assert_has(const char *text, const char *part)
{
    ck_assert_msg(strstr(text, part) != NULL, "missing \"%s\" in:\n%s", part, text);
}

START_TEST(sizes)
{
    long long v = 0;
    ck_assert_int_eq(sizelimit_parse("65536", &v), 0);
    ck_assert_int_eq(v, 65536);
    ck_assert_int_eq(sizelimit_parse("64k", &v), 0);
    ck_assert_int_eq(v, 65536);
    ck_assert_int_eq(sizelimit_parse("2M", &v), 0);
    ck_assert_int_eq(v, 2097152);
    ck_assert_int_eq(sizelimit_parse("3G", &v), 0);
    ck_assert_int_eq(v, 3221225472LL);
    v = 7;
    ck_assert_int_eq(sizelimit_parse("0", &v), KPI_REJECTED);
    ck_assert_int_eq(sizelimit_parse("", &v), KPI_REJECTED);
    ck_assert_int_eq(sizelimit_parse("-1", &v), KPI_REJECTED);
    ck_assert_int_eq(sizelimit_parse("12kb", &v), KPI_REJECTED);
    ck_assert_int_eq(sizelimit_parse("99999999999999999999", &v), KPI_REJECTED);
    ck_assert_int_eq(sizelimit_parse("9999999999999G", &v), KPI_REJECTED);
    ck_assert_int_eq(v, 7);
    size_t json = 0;
    unsetenv("KPI_MAX_JSON_BYTES");
    ck_assert_int_eq(sizelimit_json_bytes(&json), 0);
    ck_assert_uint_eq(json, 1024 * 1024);
    setenv("KPI_MAX_JSON_BYTES", "2M", 1);
    ck_assert_int_eq(sizelimit_json_bytes(&json), 0);
    ck_assert_uint_eq(json, 2 * 1024 * 1024);
    setenv("KPI_MAX_JSON_BYTES", "65M", 1); /* above the 64 MiB ceiling */
    ck_assert_int_eq(sizelimit_json_bytes(&json), KPI_ERROR);
    unsetenv("KPI_MAX_JSON_BYTES");
}
END_TEST

START_TEST(ingest_limits)
{
    const char *env_db;
    PGconn *conn = testlib_fixture(testlib_db_new(), &env_db);
    const char *env[] = {env_db, NULL};
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/june.csv", testlib_tmpdir());
    const char *csv = "period,unit,metric,value,note\n"
                      "2025-06,01840,citizen_14plus,100,short\n"
                      "2025-06,01843,citizen_14plus,200,a note far too long\n";
    testlib_write_file(path, csv, strlen(csv));
    char *err;

    /* a file over the limit: rejected whole, before any row is read */
    const char *big[] = {"ingest", "--max-file-bytes", "64", path, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, env, big), 3);
    char want[PATH_MAX + 128];
    snprintf(want, sizeof want, "%s:1: the file is %zu bytes, larger than the limit of 64", path,
             strlen(csv));
    assert_has(err, want);
    free(err);
    char *v = testlib_value(conn, "SELECT status || ' ' || rows_accepted FROM kpi.submission");
    ck_assert_str_eq(v, "rejected 0");
    free(v);

    /* a field over the limit: that row is rejected, the others kept */
    const char *field_env[] = {env_db, "KPI_MAX_FIELD_BYTES=16", NULL};
    const char *ingest[] = {"ingest", path, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, field_env, ingest), 3);
    snprintf(want, sizeof want, "%s:3: field 5 is 19 bytes long, more than 16", path);
    assert_has(err, want);
    free(err);
    v = testlib_value(conn, "SELECT string_agg(unit_code, ',') FROM kpi.observation");
    ck_assert_str_eq(v, "01840");
    free(v);

    /* bad sizes are usage errors */
    const char *bad_opt[] = {"ingest", "--max-row-bytes", "2M", path, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, bad_opt), 2);
    const char *bad_env[] = {env_db, "KPI_MAX_ROW_BYTES=lots", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, bad_env, ingest), 1);
    assert_has(err, "KPI_MAX_ROW_BYTES=\"lots\" is not a size");
    free(err);
    PQfinish(conn);
}
END_TEST

START_TEST(json_files_over_the_limit)
{
    const char *small[] = {"KPI_MAX_JSON_BYTES=100", NULL};
    char *out, *err;
    const char *check[] = {"catalog", "check", testlib_path("indicators"), NULL};
    ck_assert_int_eq(testlib_kpi(&out, &err, small, check), 1);
    assert_has(out, "3.1.json: /: the file is larger than 100 bytes");
    free(out);
    free(err);
    char routes[PATH_MAX + 16];
    snprintf(routes, sizeof routes, "%s", testlib_path("tests/data/routes/bad.json"));
    const char *rcheck[] = {"alerts", "check", "--routes", routes, NULL};
    ck_assert_int_eq(testlib_kpi(&out, &err, small, rcheck), 1);
    char want[PATH_MAX + 64];
    snprintf(want, sizeof want, "%s: /: the file is larger than 100 bytes", routes);
    ck_assert_msg(strstr(out, want) != NULL || strstr(err, want) != NULL, "%s\n%s", out, err);
    free(out);
    free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sizelimit");
    TCase *tc = tcase_create("sizelimit");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, sizes);
    tcase_add_test(tc, ingest_limits);
    tcase_add_test(tc, json_files_over_the_limit);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
