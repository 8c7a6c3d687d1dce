/*
 * test_log.c — engine/common/log.c: text lines, JSON lines (time in Vietnam,
 * level, stage, message, counts), quiet mode and the last error.
 */
#include "common/log.h"
#include "testlib.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Run FN with stderr captured; the text, malloc'd. */
static char *capture(void (*fn)(void))
{
    char path[] = "/tmp/kpi-test-log-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    fn();
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(fd);
    char *text = testlib_read_file(path);
    unlink(path);
    return text;
}

static void text_lines(void)
{
    log_set_json(false);
    log_set_quiet(false);
    log_error("could not open \"%s\": %s", "x.csv", "No such file");
    log_warn("%d rows skipped", 3);
    log_info("done");
}

START_TEST(text_lines_start_with_kpi)
{
    char *t = capture(text_lines);
    ck_assert_str_eq(t, "kpi: could not open \"x.csv\": No such file\n"
                        "kpi: warning: 3 rows skipped\n"
                        "kpi: done\n");
    ck_assert_str_eq(log_last_error(), "could not open \"x.csv\": No such file");
    free(t);
}
END_TEST

static void quiet_lines(void)
{
    log_set_json(false);
    log_set_quiet(true);
    log_info("hidden");
    log_error("shown");
    log_set_quiet(false);
}

START_TEST(quiet_hides_info_only)
{
    char *t = capture(quiet_lines);
    ck_assert_str_eq(t, "kpi: shown\n");
    free(t);
}
END_TEST

static void json_lines(void)
{
    log_set_json(true);
    log_set_stage("ingest");
    cJSON *counts = cJSON_CreateObject();
    cJSON_AddNumberToObject(counts, "files_accepted", 2);
    log_counts(counts, "files %d accepted", 2);
    cJSON_Delete(counts);
    log_set_stage(NULL);
    log_error("quote \" and newline\n kept");
    log_set_json(false);
}

START_TEST(json_lines_parse_and_carry_the_fields)
{
    char *t = capture(json_lines);
    char *second = strchr(t, '\n');
    ck_assert_ptr_nonnull(second);
    *second++ = '\0';
    cJSON *a = cJSON_Parse(t), *b = cJSON_Parse(second);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_str_eq(cJSON_GetObjectItem(a, "level")->valuestring, "info");
    ck_assert_str_eq(cJSON_GetObjectItem(a, "stage")->valuestring, "ingest");
    ck_assert_str_eq(cJSON_GetObjectItem(a, "message")->valuestring, "files 2 accepted");
    ck_assert_int_eq(
        cJSON_GetObjectItem(cJSON_GetObjectItem(a, "counts"), "files_accepted")->valueint, 2);
    const char *time = cJSON_GetObjectItem(a, "time")->valuestring;
    ck_assert_int_eq(strlen(time), strlen("2025-09-15T02:00:00.000+07:00"));
    ck_assert_str_eq(time + 23, "+07:00");
    ck_assert_str_eq(cJSON_GetObjectItem(b, "level")->valuestring, "error");
    ck_assert_ptr_null(cJSON_GetObjectItem(b, "stage"));
    ck_assert_str_eq(cJSON_GetObjectItem(b, "message")->valuestring, "quote \" and newline\n kept");
    cJSON_Delete(a);
    cJSON_Delete(b);
    free(t);
}
END_TEST

START_TEST(timestamp_is_utc_plus_seven)
{
    char buf[32];
    log_timestamp(buf);
    time_t now = time(NULL);
    struct tm utc;
    gmtime_r(&now, &utc);
    int hour = atoi(buf + 11);
    /* the Vietnam hour is the UTC hour + 7 (mod 24), give or take a tick */
    int want = (utc.tm_hour + 7) % 24;
    ck_assert_msg(hour == want || hour == (want + 1) % 24, "%s vs UTC hour %d", buf, utc.tm_hour);
    ck_assert_str_eq(buf + 23, "+07:00");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("log");
    TCase *tc = tcase_create("log");
    tcase_add_test(tc, text_lines_start_with_kpi);
    tcase_add_test(tc, quiet_hides_info_only);
    tcase_add_test(tc, json_lines_parse_and_carry_the_fields);
    tcase_add_test(tc, timestamp_is_utc_plus_seven);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
