/*
 * test_log.c — engine/common/log.c: text lines, JSON lines (time in Vietnam,
 * level, stage, message, counts), quiet mode, the last error, and the
 * escaping of what the arguments bring (control characters, bytes not UTF-8)
 * while every conversion prints as printf would.
 */
#include "common/log.h"
#include "testlib.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
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

static void hostile_lines(void)
{
    log_set_json(false);
    log_set_quiet(false);
    /* a file name that would end the line, forge another, colour the terminal, and a byte
       that is not UTF-8; a C1 control (U+009B, CSI) too */
    log_error("%s: accepted", "in/a\nkpi: all good\033[2J\xff\xc2\x9b.csv");
    log_error("%c%c|%.3s|%.*s", '\t', 'x', "ab\001cd", 2, "\177zz");
    /* the format's own line break stays (the hints of engine/report/query.c) */
    log_error("no unit \"%s\"\nhint: load the units", "Thái Nguyên");
}

START_TEST(arguments_are_escaped_the_format_is_not)
{
    char *t = capture(hostile_lines);
    ck_assert_str_eq(t, "kpi: in/a\\x0akpi: all good\\x1b[2J\\xff\\xc2\\x9b.csv: accepted\n"
                        "kpi: \\x09x|ab\\x01|\\x7fz\n"
                        "kpi: no unit \"Thái Nguyên\"\nhint: load the units\n");
    ck_assert_str_eq(log_last_error(), "no unit \"Thái Nguyên\"\nhint: load the units");
    free(t);
}
END_TEST

static void json_hostile(void)
{
    log_set_json(true);
    log_error("%s", "bad \xff\xfe name\n");
    log_set_json(false);
}

START_TEST(json_lines_stay_valid_utf8)
{
    char *t = capture(json_hostile);
    cJSON *a = cJSON_Parse(t);
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(cJSON_GetObjectItem(a, "message")->valuestring, "bad \\xff\\xfe name\\x0a");
    cJSON_Delete(a);
    free(t);
}
END_TEST

/* The numbers of a message print exactly as snprintf prints them. */
static void numbers(void)
{
    log_set_json(false);
    log_error("%d|%5d|%-4d|%05lld|%ld|%zu|%zd|%u|%x|%08X|%o|%hhd|%hu|%jd|%+d|% d|%*d|%-*.*s|%.2f|"
              "%8.3e|%g|%%|%lld|%6s|%-3c|",
              -7, 42, 3, -12LL, 1234567890123L, (size_t)99, (ssize_t)-5, 4000000000u, 255u, 48879u,
              8u, (signed char)-3, (unsigned short)65535, (intmax_t)-9, 5, 6, 4, 12, 6, 3, "abcdef",
              80.456, 12345.678, 0.0001, 9223372036854775807LL, "xy", 'z');
}

START_TEST(numbers_print_as_printf_does)
{
    char want[512];
    snprintf(want, sizeof want,
             "kpi: %d|%5d|%-4d|%05lld|%ld|%zu|%zd|%u|%x|%08X|%o|%hhd|%hu|%jd|%+d|% d|%*d|%-*.*s|"
             "%.2f|%8.3e|%g|%%|%lld|%6s|%-3c|\n",
             -7, 42, 3, -12LL, 1234567890123L, (size_t)99, (ssize_t)-5, 4000000000u, 255u, 48879u,
             8u, (signed char)-3, (unsigned short)65535, (intmax_t)-9, 5, 6, 4, 12, 6, 3, "abcdef",
             80.456, 12345.678, 0.0001, 9223372036854775807LL, "xy", 'z');
    char *t = capture(numbers);
    ck_assert_str_eq(t, want);
    free(t);
}
END_TEST

START_TEST(log_escape_cuts_whole_characters)
{
    char buf[16];
    /* "é" is 2 bytes, "\xff" 4 once escaped: "aé\xff" is 7 bytes, the NUL an 8th */
    ck_assert_uint_eq(log_escape(buf, 8, "a\xc3\xa9\xff", 4), 7);
    ck_assert_str_eq(buf, "a\xc3\xa9\\xff");
    ck_assert_uint_eq(log_escape(buf, 7, "a\xc3\xa9\xff", 4), 3); /* the escape does not fit */
    ck_assert_str_eq(buf, "a\xc3\xa9");
    ck_assert_uint_eq(log_escape(buf, 3, "a\xc3\xa9", 3), 1); /* nor half a character */
    ck_assert_str_eq(buf, "a");
    /* overlong, surrogate and cut sequences are bytes, not characters */
    /* four escapes are 16 bytes and the NUL would be a 17th: three fit */
    ck_assert_uint_eq(log_escape(buf, sizeof buf, "\xc0\xaf\xed\xa0", 4), 12);
    ck_assert_str_eq(buf, "\\xc0\\xaf\\xed");
    ck_assert(log_needs_escape("\xc0\xaf", 2));
    ck_assert(log_needs_escape("\xe1\x80", 2));
    ck_assert(log_needs_escape("a\tb", 3));
    ck_assert(!log_needs_escape("Thái Nguyên 2025-09.csv", strlen("Thái Nguyên 2025-09.csv")));
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
    tcase_add_test(tc, arguments_are_escaped_the_format_is_not);
    tcase_add_test(tc, json_lines_stay_valid_utf8);
    tcase_add_test(tc, numbers_print_as_printf_does);
    tcase_add_test(tc, log_escape_cuts_whole_characters);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
