/*
 * test_routes.c — engine/alerts/routes.c: the routing file is validated like the
 * catalog (every problem, "FILE: /json/pointer: message"), defaults are
 * filled in, secrets are refused in the file and read from env or files,
 * a key given twice and a NUL inside a string are refused like the catalog
 * refuses them, and URLs are shown without their user-info or query.
 */
#include "alerts/routes.h"
#include "alertlib.h"
#include "testlib.h"

#include <cjson/cJSON.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The number of problems of a routes_load or routes_parse that returned ST
 * with *OUT: KPI_OK comes with routes and 0 problems, KPI_REJECTED with no
 * routes and some (the contract of routes.h; the tests load no file memory
 * cannot hold).
 */
static int problem_count(enum kpi_status st, const struct routes *out, int n)
{
    if (st == KPI_OK) {
        ck_assert_ptr_nonnull(out);
        ck_assert_int_eq(n, 0);
    } else {
        ck_assert_int_eq(st, KPI_REJECTED);
        ck_assert_ptr_null(out);
        ck_assert_int_gt(n, 0);
    }
    return n;
}

/* Load PATH; the number of problems; *problems receives what routes_load reported (malloc'd). */
static int load(const char *path, struct routes **out, char **problems)
{
    char *buf = NULL;
    size_t len = 0;
    int n = -1;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    enum kpi_status st = routes_load(path, f, out, &n);
    fclose(f);
    *problems = buf;
    return problem_count(st, *out, n);
}

static int parse(const char *text, struct routes **out, char **problems)
{
    char *buf = NULL;
    size_t len = 0;
    int n = -1;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    enum kpi_status st = routes_parse("t.json", text, strlen(text), f, out, &n);
    fclose(f);
    *problems = buf;
    return problem_count(st, *out, n);
}

START_TEST(example_file_is_valid)
{
    struct routes *r;
    char *problems;
    ck_assert_int_eq(load(testlib_path("contrib/routes.example.json"), &r, &problems), 0);
    ck_assert_str_eq(problems, "");
    ck_assert_uint_eq(r->nreceivers, 3);
    ck_assert_uint_eq(r->nroutes, 3);
    const struct routes_receiver *l = routes_receiver(r, "leaders");
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->channel, ROUTES_WEBHOOK);
    ck_assert_str_eq(l->url, "http://127.0.0.1:9099/hook");
    ck_assert_str_eq(l->secret_env, "KPI_HOOK_TOKEN");
    const struct routes_receiver *s = routes_receiver(r, "so-y-te");
    ck_assert_int_eq(s->channel, ROUTES_EMAIL);
    ck_assert_uint_eq(s->nto, 1);
    ck_assert_str_eq(s->to[0], "so-y-te@example.org");
    ck_assert_str_eq(s->secret_env, "KPI_SMTP_PASSWORD");
    ck_assert_ptr_null(routes_receiver(r, "nobody"));
    ck_assert_int_eq(r->repeat_interval_days, 7);
    ck_assert_int_eq(r->escalate_after_periods, 3);
    ck_assert_str_eq(r->completeness_floor_pct, "90");
    routes_free(r);
    free(problems);
}
END_TEST

START_TEST(defaults_are_filled_in)
{
    struct routes *r;
    char *problems;
    ck_assert_int_eq(parse("{\"receivers\": [{\"name\": \"l\", \"webhook\": {\"url\": "
                           "\"http://127.0.0.1:1/h\"}}],"
                           " \"routes\": [{\"receiver\": \"l\"},"
                           "  {\"receiver\": \"l\", \"units\": [\"01840\"], \"lead_units\": "
                           "[\"Sở Y tế\"]}]}",
                           &r, &problems),
                     0);
    ck_assert_int_eq(r->repeat_interval_days, 7);
    ck_assert_int_eq(r->escalate_after_periods, 3);
    ck_assert_int_eq(r->at_risk_horizon_days, 30);
    ck_assert_str_eq(r->completeness_floor_pct, "90");
    ck_assert_int_eq(r->delivery_timeout_ms, 30000);
    cJSON *norm = cJSON_Parse(r->routes_json);
    ck_assert_ptr_nonnull(norm);
    cJSON *r0 = cJSON_GetArrayItem(norm, 0), *r1 = cJSON_GetArrayItem(norm, 1);
    char *s0 = cJSON_PrintUnformatted(r0), *s1 = cJSON_PrintUnformatted(r1);
    /* the issue's defaults: all units, every indicator, monthly (and a target due on a date on its
     * deadline window, issue 17), warning and up */
    ck_assert_str_eq(s0, "{\"receiver\":\"l\",\"units\":\"all\",\"indicators\":[\"*\"],"
                         "\"period_kinds\":[\"month\",\"deadline\"],\"alertnames\":[\"KpiBreach\","
                         "\"KpiAtRisk\"],\"min_severity\":\"warning\"}");
    /* a lead unit's route also gets the data-missing alerts */
    ck_assert_ptr_nonnull(strstr(s1, "\"units\":\"list\",\"unit_codes\":[\"01840\"]"));
    ck_assert_ptr_nonnull(strstr(s1, "\"KpiDataMissing\""));
    ck_assert_ptr_nonnull(strstr(s1, "\"lead_units\":[\"Sở Y tế\"]"));
    free(s0);
    free(s1);
    cJSON_Delete(norm);
    routes_free(r);
    free(problems);
}
END_TEST

START_TEST(every_problem_is_reported_with_its_pointer)
{
    struct routes *r;
    char *problems;
    const char *path = testlib_path("tests/data/routes/bad.json");
    char name[4096];
    snprintf(name, sizeof name, "%s", path);
    int n = load(name, &r, &problems);
    ck_assert_ptr_null(r);
    static const char *const expect[] = {
        "/receivers/0/webhook/url: \"ftp://example.org/hook\" is not an http:// or https:// URL",
        "/receivers/0/webhook/token: secrets do not belong in the routes file",
        "/receivers/1/name: receiver \"leaders\" is defined twice",
        "/receivers/1/email/to/0: must be an e-mail address",
        "/receivers/2: give exactly one of \"webhook\", \"email\" or \"alertmanager\"",
        "/routes/0/receiver: no receiver is called \"nobody\"",
        "/routes/0/units: must be \"province\", \"all\" or a list of unit codes",
        /* the kinds of period_kinds[] (common/period.c), in its order */
        "/routes/0/period_kinds/0: \"week\" is not one of: month, ytd, quarter, half, year, "
        "report_month, report_quarter, report_half, report_9m, report_year",
        "/routes/0/min_severity: \"panic\" is not \"warning\" or \"critical\"",
        "/routes/1/lead_unit: unknown key \"lead_unit\"",
        "/routes/1/indicators: must be a non-empty list of strings",
        "/routes/1/resolve_margin_pct: must be a number from 0 to 100",
        "/repeat_interval_days: must be a whole number from 1 to 3650",
        "/completeness_floor_pct: must be a number from 0 to 100",
    };
    size_t nexpect = sizeof expect / sizeof expect[0];
    ck_assert_int_eq(n, (int)nexpect);
    for (size_t i = 0; i < nexpect; i++) {
        char line[8192];
        snprintf(line, sizeof line, "%s: %s", name, expect[i]);
        ck_assert_msg(strstr(problems, line) != NULL, "missing \"%s\" in:\n%s", line, problems);
    }
    ck_assert_int_eq(sink_count(problems, "\n"), (int)nexpect);
    ck_assert_ptr_null(strstr(problems, "s3cret"));
    free(problems);
}
END_TEST

START_TEST(syntax_error_names_the_line)
{
    struct routes *r;
    char *problems;
    ck_assert_int_eq(load(testlib_path("tests/data/routes/syntax.json"), &r, &problems), 1);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(problems, "syntax.json: /: not valid JSON (near line 3)"));
    free(problems);
}
END_TEST

START_TEST(missing_file_is_one_problem)
{
    struct routes *r;
    char *problems;
    ck_assert_int_eq(load("/nonexistent/routes.json", &r, &problems), 1);
    ck_assert_ptr_nonnull(strstr(problems, "could not open \"/nonexistent/routes.json\""));
    free(problems);
}
END_TEST

/*
 * The file is read whole up to KPI_MAX_JSON_BYTES: a file of exactly the cap
 * loads, one byte more is one problem naming the cap. The file is padded
 * with spaces past one read (64 KiB) so that the buffer grows: the example
 * (a few hundred bytes) followed by 100,000 spaces is 100,000 + its size.
 */
START_TEST(file_over_the_cap_is_one_problem)
{
    struct routes *r;
    char *problems, cap[32], path[4096], want[4096 + 256];
    char *example = testlib_read_file(testlib_path("contrib/routes.example.json"));
    size_t n = strlen(example), size = n + 100000;
    char *text = malloc(size);
    ck_assert_ptr_nonnull(text);
    memcpy(text, example, n);
    memset(text + n, ' ', size - n);
    snprintf(path, sizeof path, "%s/padded-routes.json", testlib_tmpdir());
    testlib_write_file(path, text, size);

    snprintf(cap, sizeof cap, "%zu", size);
    setenv("KPI_MAX_JSON_BYTES", cap, 1);
    ck_assert_int_eq(load(path, &r, &problems), 0);
    ck_assert_str_eq(problems, "");
    ck_assert_uint_eq(r->nreceivers, 3);
    routes_free(r);
    free(problems);

    snprintf(cap, sizeof cap, "%zu", size - 1);
    setenv("KPI_MAX_JSON_BYTES", cap, 1);
    ck_assert_int_eq(load(path, &r, &problems), 1);
    snprintf(want, sizeof want,
             "%s: /: the file is larger than %zu bytes; a routes file is small "
             "(KPI_MAX_JSON_BYTES raises the limit)\n",
             path, size - 1);
    ck_assert_str_eq(problems, want);
    free(problems);
    unsetenv("KPI_MAX_JSON_BYTES");
    free(text);
    free(example);
}
END_TEST

START_TEST(secrets_come_from_env_or_file)
{
    struct routes *r;
    char *problems, *secret, err[256];
    const char *dir = testlib_tmpdir();
    char file[4096], text[8192];
    snprintf(file, sizeof file, "%s/password", dir);
    testlib_write_file(file, "from-a-file\n", 12);
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"h\", \"webhook\": {\"url\": \"http://127.0.0.1:1/\","
             " \"token_env\": \"KPI_TEST_ROUTES_TOKEN\"}},"
             " {\"name\": \"m\", \"email\": {\"to\": [\"a@example.org\"], \"from\": "
             "\"k@example.org\", \"smtp_url\": \"smtp://127.0.0.1:1\", \"password_file\": "
             "\"%s\"}}],"
             " \"routes\": [{\"receiver\": \"h\"}]}",
             file);
    ck_assert_int_eq(parse(text, &r, &problems), 0);
    unsetenv("KPI_TEST_ROUTES_TOKEN");
    ck_assert_int_eq(routes_secret(routes_receiver(r, "h"), &secret, err, sizeof err),
                     KPI_REJECTED);
    ck_assert_ptr_null(secret);
    ck_assert_str_eq(err, "environment variable KPI_TEST_ROUTES_TOKEN is not set (the secret "
                          "of receiver h)");
    setenv("KPI_TEST_ROUTES_TOKEN", "tok-123", 1);
    ck_assert_int_eq(routes_secret(routes_receiver(r, "h"), &secret, err, sizeof err), KPI_OK);
    ck_assert_str_eq(secret, "tok-123");
    free(secret);
    ck_assert_int_eq(routes_secret(routes_receiver(r, "m"), &secret, err, sizeof err), KPI_OK);
    ck_assert_str_eq(secret, "from-a-file");
    free(secret);
    routes_free(r);
    free(problems);
}
END_TEST

/*
 * A key given twice: cJSON keeps both and a lookup sees only the first, so
 * the second would be ignored without a word (a "url" pointing elsewhere, a
 * second "routes" list). Each repetition is one problem, at any depth.
 */
START_TEST(a_key_given_twice_is_a_problem)
{
    struct routes *r;
    char *problems;
    int n = parse("{\"receivers\": [{\"name\": \"l\", \"webhook\": {\"url\": "
                  "\"http://127.0.0.1:1/h\", \"url\": \"http://127.0.0.1:2/h\"}}],\n"
                  " \"routes\": [{\"receiver\": \"l\", \"units\": \"all\", "
                  "\"units\": \"province\"}],\n"
                  " \"routes\": [{\"receiver\": \"l\"}]}",
                  &r, &problems);
    ck_assert_msg(n == 3, "%d problems:\n%s", n, problems);
    ck_assert_ptr_nonnull(strstr(
        problems, "t.json: /receivers/0/webhook/url: key \"url\" appears twice; keep one\n"));
    ck_assert_ptr_nonnull(
        strstr(problems, "t.json: /routes/0/units: key \"units\" appears twice; keep one\n"));
    ck_assert_ptr_nonnull(
        strstr(problems, "t.json: /routes: key \"routes\" appears twice; keep one\n"));
    free(problems);

    /* the same key in two different objects is no repetition */
    ck_assert_int_eq(parse("{\"receivers\": [{\"name\": \"a\", \"webhook\": {\"url\": "
                           "\"http://127.0.0.1:1/h\"}}, {\"name\": \"b\", \"webhook\": "
                           "{\"url\": \"http://127.0.0.1:1/h\"}}],"
                           " \"routes\": [{\"receiver\": \"a\"}, {\"receiver\": \"b\"}]}",
                           &r, &problems),
                     0);
    routes_free(r);
    free(problems);
}
END_TEST

/*
 * "\u0000" inside a string is decoded by cJSON to a NUL byte, which cuts the
 * text there: "leaders\u0000x" would be the receiver "leaders". Refused, in a
 * value or a key, with its line; an escaped backslash followed by "u0000"
 * (the JSON text \\u0000, i.e. a backslash and then u0000) is ordinary text.
 */
START_TEST(a_nul_in_a_string_is_a_problem)
{
    struct routes *r;
    char *problems;
    ck_assert_int_eq(parse("{\"receivers\": [{\"name\": \"l\", \"webhook\": {\"url\": "
                           "\"http://127.0.0.1:1/h\"}}],\n"
                           " \"routes\": [{\"receiver\": \"l\\u0000x\"}]}",
                           &r, &problems),
                     1);
    ck_assert_str_eq(problems, "t.json: /: a NUL character (\\u0000) at line 2; text cannot hold "
                               "one, remove it\n");
    free(problems);
    ck_assert_int_eq(parse("{\"receivers\": [{\"name\": \"l\", \"webhook\": {\"url\": "
                           "\"http://127.0.0.1:1/h\"}}],"
                           " \"routes\": [{\"receiver\": \"l\", \"comment\\u0000\": 1}]}",
                           &r, &problems),
                     1);
    free(problems);
    /* a 0 byte in the file (not an escape) is refused too */
    static const char raw[] = "{\"receivers\": [{\"name\": \"l\0\"}]}";
    char *buf = NULL;
    size_t len = 0;
    int np = -1;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(routes_parse("t.json", raw, sizeof raw - 1, f, &r, &np), KPI_REJECTED);
    fclose(f);
    ck_assert_int_eq(np, 1);
    ck_assert_ptr_nonnull(strstr(buf, "a NUL character"));
    free(buf);

    ck_assert_int_eq(parse("{\"receivers\": [{\"name\": \"l\\\\u0000\", \"webhook\": {\"url\": "
                           "\"http://127.0.0.1:1/h\"}}],"
                           " \"routes\": [{\"receiver\": \"l\\\\u0000\"}]}",
                           &r, &problems),
                     0);
    ck_assert_str_eq(r->receivers[0].name, "l\\u0000");
    routes_free(r);
    free(problems);
}
END_TEST

/*
 * What a URL may show (logs, problems, kpi.delivery.target): no user-info,
 * no query, no fragment; scheme, host, port and path kept.
 */
START_TEST(urls_are_shown_without_their_secrets)
{
    static const char *const cases[][2] = {
        {"https://hooks.example/x?token=s3cret", "https://hooks.example/x?…"},
        {"https://user:s3cret@h/", "https://…@h/"},
        {"https://user:s3cret@h:8443/a/b?k=s3cret#s3cret", "https://…@h:8443/a/b?…"},
        {"http://h/x#s3cret", "http://h/x#…"},
        {"smtp://kpi:s3cret@127.0.0.1:2525", "smtp://…@127.0.0.1:2525"},
        {"http://127.0.0.1:9099/hook", "http://127.0.0.1:9099/hook"},
        /* an "@" in what may be the path still ends a possible user-info */
        {"https://u:pa/s3cret@h/x", "https://…@h/x"},
        {"user:s3cret@h", "…@h"},
    };
    char buf[256];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_str_eq(routes_redact_url(cases[i][0], buf, sizeof buf), cases[i][1]);
    /* too small a buffer (here 12 bytes: "https://…" and the NUL) cuts, never shows more */
    ck_assert_str_eq(routes_redact_url("https://u:s3cret@h/", buf, 12), "https://…");

    /* a URL refused by the check is shown redacted too */
    struct routes *r;
    char *problems;
    ck_assert_int_eq(parse("{\"receivers\": [{\"name\": \"l\", \"webhook\": {\"url\": "
                           "\"ftp://u:s3cret@example.org/h?t=s3cret\"}}, {\"name\": \"m\", "
                           "\"email\": {\"to\": [\"a@example.org\"], \"from\": \"k@example.org\", "
                           "\"smtp_url\": \"imap://u:s3cret@example.org\"}}],"
                           " \"routes\": [{\"receiver\": \"l\"}]}",
                           &r, &problems),
                     2);
    ck_assert_ptr_nonnull(strstr(problems, "\"ftp://…@example.org/h?…\" is not an http:// or"));
    ck_assert_ptr_nonnull(strstr(problems, "\"imap://…@example.org\" is not an smtp:// or"));
    ck_assert_ptr_null(strstr(problems, "s3cret"));
    free(problems);
}
END_TEST

START_TEST(delivery_timeout_is_bounded)
{
    struct routes *r;
    char *problems;
    ck_assert_int_eq(parse("{\"receivers\": [{\"name\": \"l\", \"webhook\": {\"url\": "
                           "\"http://127.0.0.1:1/h\"}}], \"routes\": [{\"receiver\": \"l\"}],"
                           " \"delivery_timeout_ms\": 1500}",
                           &r, &problems),
                     0);
    ck_assert_int_eq(r->delivery_timeout_ms, 1500);
    routes_free(r);
    free(problems);
    ck_assert_int_eq(parse("{\"receivers\": [{\"name\": \"l\", \"webhook\": {\"url\": "
                           "\"http://127.0.0.1:1/h\"}}], \"routes\": [{\"receiver\": \"l\"}],"
                           " \"delivery_timeout_ms\": 0}",
                           &r, &problems),
                     1);
    ck_assert_str_eq(problems,
                     "t.json: /delivery_timeout_ms: must be a whole number from 100 to 600000\n");
    free(problems);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("routes");
    TCase *tc = tcase_create("routes");
    tcase_add_test(tc, example_file_is_valid);
    tcase_add_test(tc, defaults_are_filled_in);
    tcase_add_test(tc, every_problem_is_reported_with_its_pointer);
    tcase_add_test(tc, syntax_error_names_the_line);
    tcase_add_test(tc, missing_file_is_one_problem);
    tcase_add_test(tc, file_over_the_cap_is_one_problem);
    tcase_add_test(tc, secrets_come_from_env_or_file);
    tcase_add_test(tc, a_key_given_twice_is_a_problem);
    tcase_add_test(tc, a_nul_in_a_string_is_a_problem);
    tcase_add_test(tc, urls_are_shown_without_their_secrets);
    tcase_add_test(tc, delivery_timeout_is_bounded);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
