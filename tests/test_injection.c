/*
 * test_injection.c — SQL injection attempts through every entry point that
 * carries outside text into the database: units load (codes, names), ingest
 * (file names, unit and metric codes, agency and note fields), the catalog
 * (ids, names), the routes file (receiver names) and the report's --unit.
 * Each is stored as plain data or rejected with its reason, and kpi.unit is
 * intact afterwards. (engine/ builds no SQL from data: every statement with
 * data uses PQexecParams parameters or COPY.)
 */
#include "alertlib.h"
#include "testlib.h"

#include <check.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define EVIL "'); DROP TABLE kpi.unit; --"

static const char *env[2];

static void assert_value(PGconn *conn, const char *sql, const char *want)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, want) == 0, "%s\n got: %s\nwant: %s", sql,
                  v ? v : "(no row)", want);
    free(v);
}

static void assert_has(const char *text, const char *part)
{
    ck_assert_msg(strstr(text, part) != NULL, "missing \"%s\" in:\n%s", part, text);
}

static const char *file_in(const char *dir, const char *name, const char *text)
{
    static char path[PATH_MAX + 256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    testlib_write_file(path, text, strlen(text));
    return path;
}

/* The units of the fixture, the table intact. */
static void assert_units_intact(PGconn *conn, const char *count)
{
    assert_value(conn, "SELECT to_regclass('kpi.unit') IS NOT NULL", "t");
    assert_value(conn, "SELECT count(*) FROM kpi.unit", count);
}

START_TEST(units_and_submissions_keep_injections_as_data)
{
    PGconn *conn = testlib_fixture(testlib_db_new(), &env[0]);
    char *before = testlib_value(conn, "SELECT count(*) FROM kpi.unit");
    char dir[PATH_MAX]; /* testlib_tmpdir's storage is reused by testlib_kpi */
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    char *err;

    /* units: an evil code is refused, an evil name is stored as it is */
    const char *bad_code[] = {
        "units", "load",
        file_in(dir, "units_bad.csv", "code,name,kind,parent_code\n\"" EVIL "\",x,xa,19\n"), NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, env, bad_code), 3);
    assert_has(err, "units_bad.csv:2:");
    free(err);
    assert_units_intact(conn, before);
    const char *evil_name[] = {
        "units", "load",
        file_in(dir, "units_name.csv", "code,name,kind,parent_code\nX1,\"" EVIL "\",xa,19\n"),
        NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, evil_name), 0);
    assert_value(conn, "SELECT name FROM kpi.unit WHERE code = 'X1'", EVIL);

    /* ingest: the file name, the agency, the note, unit and metric codes */
    const char *csv = "period,unit,metric,value,agency,note\n"
                      "2025-06,01840,citizen_14plus,100,\"" EVIL "\",\"" EVIL "\"\n"
                      "2025-06,\"" EVIL "\",citizen_14plus,1,,\n"
                      "2025-06,01843,\"" EVIL "\",1,,\n"
                      "2025-06,01849,citizen_14plus,\"" EVIL "\",,\n";
    const char *ingest[] = {"ingest", file_in(dir, "x" EVIL ".csv", csv), NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, env, ingest), 3);
    assert_has(err, "unit \"" EVIL "\" is not registered");
    assert_has(err, "metric \"" EVIL "\" is not in the catalog");
    free(err);
    assert_value(conn, "SELECT file_name || '|' || agency || '|' || status FROM kpi.submission",
                 "x" EVIL ".csv|" EVIL "|partial");
    assert_value(conn, "SELECT count(*) FROM kpi.rejected_row WHERE raw LIKE '%DROP TABLE%'", "3");
    assert_value(conn, "SELECT string_agg(unit_code || '=' || value, ',') FROM kpi.observation",
                 "01840=100");
    char after[32]; /* the fixture's units and X1 */
    snprintf(after, sizeof after, "%d", atoi(before) + 1);
    free(before);
    assert_units_intact(conn, after);
    PQfinish(conn);
}
END_TEST

/* Copy the shipped catalog's folder SRC (its .json files and its plan folders, one level)
 * into DIR, 3.1.json changed by replacing FROM by TO. */
static void copy_catalog_dir(const char *src, const char *dir, const char *from, const char *to)
{
    DIR *d = opendir(src);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        char path[PATH_MAX + 256];
        snprintf(path, sizeof path, "%s/%s", src, e->d_name);
        if (e->d_name[0] != '.' && e->d_type == DT_DIR) { /* a plan: kh05-2025/ */
            char sub[PATH_MAX + 256];
            snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
            ck_assert_int_eq(mkdir(sub, 0755), 0);
            copy_catalog_dir(path, sub, from, to);
            continue;
        }
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        char *text = testlib_read_file(path);
        char *out = text;
        char *at = strcmp(e->d_name, "3.1.json") == 0 ? strstr(text, from) : NULL;
        if (at != NULL) {
            out = malloc(strlen(text) + strlen(to) + 1);
            ck_assert_ptr_nonnull(out);
            sprintf(out, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
            free(text);
        }
        file_in(dir, e->d_name, out);
        free(out);
    }
    closedir(d);
}

/* Copy the shipped catalog into DIR, 3.1.json changed by replacing FROM by TO. */
static void catalog_copy(const char *dir, const char *from, const char *to)
{
    char src[PATH_MAX];
    snprintf(src, sizeof src, "%s", testlib_path("indicators"));
    copy_catalog_dir(src, dir, from, to);
}

START_TEST(catalog_routes_and_report_keep_injections_as_data)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char *before = testlib_value(conn, "SELECT count(*) FROM kpi.unit");
    char *out, *err;

    /* catalog: an evil id is a problem, an evil name is stored */
    char bad[PATH_MAX], named[PATH_MAX]; /* testlib_tmpdir's storage is reused */
    snprintf(bad, sizeof bad, "%s", testlib_tmpdir());
    catalog_copy(bad, "\"id\": \"3.1\"", "\"id\": \"3.1" EVIL "\"");
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "--catalog", bad, "migrate", NULL), 3);
    assert_has(err, "3.1.json: /id:");
    free(out);
    free(err);
    snprintf(named, sizeof named, "%s", testlib_tmpdir());
    catalog_copy(named, "\"name_vi\": \"", "\"name_vi\": \"" EVIL " ");
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "--catalog", named, "migrate", NULL), 0);
    free(out);
    free(err);
    assert_value(conn, "SELECT left(name_vi, 27) FROM kpi.indicator WHERE id = '3.1'", EVIL);

    /* routes: a receiver named like an injection gets its outbox row by that name */
    const char *routes = alertlib_file(
        "routes.json", "{\"receivers\": [{\"name\": \"" EVIL "\", \"webhook\": {\"url\": "
                       "\"http://127.0.0.1:9/hook\"}}],"
                       " \"routes\": [{\"receiver\": \"" EVIL "\", \"units\": \"province\","
                       " \"indicators\": [\"*\"], \"period_kinds\": [\"month\"], \"min_severity\": "
                       "\"warning\"}]}");
    alertlib_cell(conn, "3.1", "19", "2025-07", 760, 1000, "breach", "41", "100");
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes, "--now",
                                  "2025-08-05 08:00+07", NULL),
                     0);
    free(out);
    free(err);
    assert_value(conn, "SELECT string_agg(DISTINCT receiver, ',') FROM kpi.outbox", EVIL);

    /* the report's --unit */
    char html[PATH_MAX + 16];
    snprintf(html, sizeof html, "%s/r.html", testlib_tmpdir());
    int st = alertlib_kpi(ci, &out, &err, NULL, "report", "--period", "2025-07", "--unit", EVIL,
                          "--out", html, NULL);
    ck_assert_int_ne(st, 0);
    assert_has(err, EVIL);
    free(out);
    free(err);
    assert_units_intact(conn, before);
    free(before);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("injection");
    TCase *tc = tcase_create("injection");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, units_and_submissions_keep_injections_as_data);
    tcase_add_test(tc, catalog_routes_and_report_keep_injections_as_data);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
