/*
 * test_csvload.c — engine/ingest/ (reader.c, rowcheck.c, copybin.c, load.c)
 * without a database: the streaming reader
 * (BOM, CRLF, ';', quoting, line numbers, raw text, file-level problems) and
 * the validation of periods and values with their actionable reasons, the
 * input limits (row, field and file sizes), what is not a regular file
 * (refused unread), and the cut of a rejected row's raw text.
 */
#include "ingest/copybin.h"
#include "ingest/load.h"
#include "ingest/reader.h"
#include "ingest/rowcheck.h"
#include "common/hash.h"
#include "testlib.h"

#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Write DATA to a new file; its path (static storage). */
static const char *file_with(const char *data, size_t len)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/f.csv", testlib_tmpdir());
    testlib_write_file(path, data, len);
    return path;
}

static struct reader *open_text(const char *text)
{
    struct reader *r;
    ck_assert_int_eq(reader_open(file_with(text, strlen(text)), true, &r), 0);
    return r;
}

/*
 * reader_next as one number for the assertions below: 1 a row, 0 the end, -1
 * a CSV problem (KPI_REJECTED), -2 an I/O error (KPI_ERROR); *got must be
 * false whenever the status is not KPI_OK.
 */
static int next_row(struct reader *r, struct reader_row *row)
{
    bool got = true;
    enum kpi_status st = reader_next(r, row, &got);
    ck_assert(st == KPI_OK || !got);
    return st == KPI_OK ? (got ? 1 : 0) : st == KPI_REJECTED ? -1 : -2;
}

START_TEST(bom_crlf_semicolon_and_quotes)
{
    const char *text = "\xef\xbb\xbfperiod;unit;note\r\n"
                       "2025-07;01840;\"Ghi chú; có \"\"ngoặc\"\", dấu phẩy\"\r\n"
                       "2025-08;01843;\"hai\r\ndòng\"\r\n";
    struct reader *r = open_text(text);
    struct reader_row row;
    ck_assert(next_row(r, &row) == 1);
    ck_assert_int_eq(row.nfields, 3);
    ck_assert_str_eq(row.field[0], "period"); /* the BOM is not part of the name */
    ck_assert_int_eq(row.line_no, 1);
    ck_assert(next_row(r, &row) == 1);
    ck_assert_int_eq(row.line_no, 2);
    ck_assert_str_eq(row.field[1], "01840");
    ck_assert_str_eq(row.field[2], "Ghi chú; có \"ngoặc\", dấu phẩy");
    ck_assert_str_eq(row.raw, "2025-07;01840;\"Ghi chú; có \"\"ngoặc\"\", dấu phẩy\"");
    ck_assert(next_row(r, &row) == 1);
    ck_assert_int_eq(row.line_no, 3);
    ck_assert_str_eq(row.field[2], "hai\r\ndòng");
    ck_assert_str_eq(row.raw, "2025-08;01843;\"hai\r\ndòng\"");
    ck_assert(next_row(r, &row) == 0);
    ck_assert_int_eq(reader_delimiter(r), ';');
    ck_assert(reader_had_bom(r));
    ck_assert(reader_had_crlf(r));
    char digest[HASH_HEX_LEN], expect[HASH_HEX_LEN];
    ck_assert_int_eq(reader_digest(r, digest), 0);
    ck_assert_int_eq(hash_sha256_hex(text, strlen(text), expect), 0);
    ck_assert_str_eq(digest, expect);
    reader_close(r);
}
END_TEST

START_TEST(comma_lf_blank_lines_and_last_line_without_newline)
{
    struct reader *r = open_text("a,b\n\n  \n,,\n1, 2 \n3,4");
    struct reader_row row;
    ck_assert(next_row(r, &row) == 1);
    ck_assert(next_row(r, &row) == 1);
    ck_assert_int_eq(row.line_no, 5);    /* blank lines and ",," are skipped, lines still counted */
    ck_assert_str_eq(row.field[1], "2"); /* blanks around an unquoted field are trimmed */
    ck_assert(next_row(r, &row) == 1);
    ck_assert_int_eq(row.line_no, 6);
    ck_assert_str_eq(row.raw, "3,4");
    ck_assert(next_row(r, &row) == 0);
    ck_assert_int_eq(reader_delimiter(r), ',');
    ck_assert(!reader_had_bom(r));
    ck_assert(!reader_had_crlf(r));
    reader_close(r);
}
END_TEST

START_TEST(invalid_utf8_gives_byte_offset_and_line)
{
    /* 0xE1 starts a 3-byte character but 'n' follows: offset 4 + 6 = 10 */
    struct reader *r = open_text("a,b\nx,Nguy\xe1n\n");
    struct reader_row row;
    long long line;
    ck_assert(next_row(r, &row) == 1);
    ck_assert(next_row(r, &row) == -1);
    const char *why = reader_problem(r, &line);
    ck_assert_int_eq(line, 2);
    ck_assert_ptr_nonnull(strstr(why, "invalid UTF-8 at byte offset 10"));
    reader_close(r);
}
END_TEST

START_TEST(overlong_and_truncated_utf8_are_invalid)
{
    struct reader *r = open_text("a\n\xc0\xaf\n");
    struct reader_row row;
    long long line;
    ck_assert(next_row(r, &row) == 1);
    ck_assert(next_row(r, &row) == -1);
    ck_assert_ptr_nonnull(strstr(reader_problem(r, &line), "byte offset 2"));
    reader_close(r);
    r = open_text("a\nb\xe1\xbb");
    ck_assert(next_row(r, &row) == 1);
    ck_assert(next_row(r, &row) == -1);
    ck_assert_ptr_nonnull(strstr(reader_problem(r, &line), "byte offset 3"));
    reader_close(r);
}
END_TEST

START_TEST(utf16_is_named)
{
    struct reader *r;
    struct reader_row row;
    ck_assert_int_eq(reader_open(file_with("\xff\xfe"
                                           "a\0,\0",
                                           6),
                                 false, &r),
                     0);
    ck_assert(next_row(r, &row) == -1);
    ck_assert_ptr_nonnull(strstr(reader_problem(r, NULL), "UTF-16"));
    reader_close(r);
}
END_TEST

START_TEST(unterminated_quote_gives_its_line)
{
    struct reader *r = open_text("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
    struct reader_row row;
    long long line;
    ck_assert(next_row(r, &row) == 1);
    ck_assert(next_row(r, &row) == 1);
    ck_assert(next_row(r, &row) == -1);
    ck_assert_ptr_nonnull(strstr(reader_problem(r, &line), "unterminated quote"));
    ck_assert_int_eq(line, 3);
    reader_close(r);
}
END_TEST

START_TEST(malformed_quotes_reject_only_their_row)
{
    struct reader *r = open_text("a,b\n1,x\"y\n2,\"z\"w\n3,ok\n");
    struct reader_row row;
    ck_assert(next_row(r, &row) == 1);
    ck_assert(next_row(r, &row) == 1);
    ck_assert_ptr_nonnull(row.malformed);
    ck_assert_str_eq(row.raw, "1,x\"y");
    ck_assert(next_row(r, &row) == 1);
    ck_assert_ptr_nonnull(row.malformed);
    ck_assert_int_eq(row.line_no, 3);
    ck_assert(next_row(r, &row) == 1);
    ck_assert_ptr_null(row.malformed);
    ck_assert_int_eq(row.line_no, 4);
    ck_assert_str_eq(row.field[1], "ok");
    ck_assert(next_row(r, &row) == 0);
    reader_close(r);
}
END_TEST

START_TEST(empty_file_has_no_row)
{
    struct reader *r = open_text("");
    struct reader_row row;
    ck_assert(next_row(r, &row) == 0);
    reader_close(r);
}
END_TEST

START_TEST(long_rows_and_bare_cr_are_file_problems)
{
    size_t n = READER_MAX_ROW + 10;
    char *big = malloc(n + 1);
    ck_assert_ptr_nonnull(big);
    memset(big, 'x', n);
    big[0] = 'a', big[1] = '\n';
    big[n] = '\0';
    struct reader *r = open_text(big);
    struct reader_row row;
    ck_assert(next_row(r, &row) == 1);
    ck_assert(next_row(r, &row) == -1);
    ck_assert_ptr_nonnull(strstr(reader_problem(r, NULL), "longer than"));
    reader_close(r);
    free(big);
    r = open_text("a,b\r1,2\r3,4\n");
    ck_assert(next_row(r, &row) == -1);
    ck_assert_ptr_nonnull(strstr(reader_problem(r, NULL), "carriage return"));
    reader_close(r);
}
END_TEST

START_TEST(limits_bound_rows_fields_and_files)
{
    struct reader_limits lim = {.max_row = 32, .max_field = 8, .max_file = 1024};
    struct reader *r = open_text("a,b\n123456789,x\nok,fine\n"
                                 "0123456789012345678901234567890123456789\n");
    struct reader_row row;
    reader_set_limits(r, &lim);
    ck_assert(next_row(r, &row) == 1);
    ck_assert_ptr_null(row.malformed);
    /* a field over max_field: only its row is bad, the next one is read */
    ck_assert(next_row(r, &row) == 1);
    ck_assert_int_eq(row.line_no, 2);
    ck_assert_ptr_nonnull(row.malformed);
    ck_assert_ptr_nonnull(strstr(row.malformed, "field 1 is 9 bytes long, more than 8"));
    ck_assert(next_row(r, &row) == 1);
    ck_assert_ptr_null(row.malformed);
    ck_assert_str_eq(row.field[1], "fine");
    /* a row over max_row stops the file, naming its line */
    long long line = 0;
    ck_assert(next_row(r, &row) == -1);
    ck_assert_ptr_nonnull(strstr(reader_problem(r, &line), "line 4 is longer than 32 bytes"));
    ck_assert_int_eq(line, 4);
    reader_close(r);

    /* a file over max_file stops at the chunk that passes the limit */
    char big[3000];
    memset(big, 'x', sizeof big);
    for (size_t i = 9; i < sizeof big; i += 10)
        big[i] = '\n';
    ck_assert_int_eq(reader_open(file_with(big, sizeof big), false, &r), 0);
    reader_set_limits(r, &lim);
    enum kpi_status st;
    bool got;
    while ((st = reader_next(r, &row, &got)) == KPI_OK && got)
        ;
    ck_assert_int_eq(st, KPI_REJECTED);
    ck_assert(!got); /* the out-parameter is known after a rejection */
    ck_assert_ptr_nonnull(strstr(reader_problem(r, NULL), "larger than 1024 bytes"));
    reader_close(r);
}
END_TEST

START_TEST(limits_from_the_environment)
{
    struct reader_limits lim;
    unsetenv("KPI_MAX_ROW_BYTES");
    unsetenv("KPI_MAX_FIELD_BYTES");
    unsetenv("KPI_MAX_FILE_BYTES");
    ck_assert_int_eq(reader_limits_default(&lim), 0);
    ck_assert_uint_eq(lim.max_row, 64 * 1024);
    ck_assert_uint_eq(lim.max_field, 4096);
    ck_assert_int_eq(lim.max_file, 4LL << 30);
    setenv("KPI_MAX_ROW_BYTES", "2k", 1);
    setenv("KPI_MAX_FIELD_BYTES", "100", 1);
    setenv("KPI_MAX_FILE_BYTES", "3M", 1);
    ck_assert_int_eq(reader_limits_default(&lim), 0);
    ck_assert_uint_eq(lim.max_row, 2048);
    ck_assert_uint_eq(lim.max_field, 100);
    ck_assert_int_eq(lim.max_file, 3 * 1024 * 1024);
    setenv("KPI_MAX_ROW_BYTES", "2M", 1); /* above READER_MAX_ROW */
    ck_assert_int_eq(reader_limits_default(&lim), KPI_ERROR);
    setenv("KPI_MAX_ROW_BYTES", "12q", 1);
    ck_assert_int_eq(reader_limits_default(&lim), KPI_ERROR);
    unsetenv("KPI_MAX_ROW_BYTES");
    unsetenv("KPI_MAX_FIELD_BYTES");
    unsetenv("KPI_MAX_FILE_BYTES");
}
END_TEST

START_TEST(check_file_without_a_database)
{
    static const char *const units[] = {"19", "01840", "01843"};
    static const char *const metrics[] = {"citizen_14plus", "dvc_essential_total"};
    struct codes *sets;
    struct load_result res;
    struct load_options opt = {.max_messages = 0};
    ck_assert_int_eq(codes_new(units, 3, metrics, 2, "2025-07-01", &sets), 0);
    const char *csv = "period,unit,metric,value\n"
                      "2025-06,01840,citizen_14plus,100\n"
                      "2025-06,99999,citizen_14plus,1\n"
                      "2025-13,01840,citizen_14plus,1\n"
                      "2025-06,01840,Citizen_14plus,1\n"
                      "2025-06,01843,dvc_essential_total,1.5\n"
                      "2025-08,01843,dvc_essential_total,2\n"
                      "2025-06-30,19,dvc_essential_total,2\n";
    ck_assert_int_eq(load_check_file(sets, file_with(csv, strlen(csv)), &opt, &res), 0);
    ck_assert_str_eq(res.status, "partial");
    ck_assert_int_eq(res.rows_accepted, 2);
    ck_assert_int_eq(res.rows_rejected, 5);
    const char *header_only = "period,unit,metric,value\n";
    ck_assert_int_eq(load_check_file(sets, file_with(header_only, strlen(header_only)), &opt, &res),
                     0);
    ck_assert_str_eq(res.status, "rejected");
    ck_assert_str_eq(res.reason, "the file has a header but no data rows");
    opt.limits.max_file = 10;
    ck_assert_int_eq(load_check_file(sets, file_with(csv, strlen(csv)), &opt, &res), 0);
    ck_assert_str_eq(res.status, "rejected");
    ck_assert_ptr_nonnull(strstr(res.reason, "larger than the limit of 10"));
    codes_free(sets);
}
END_TEST

/* The end of the hints of forms that --locale vi reads (rowcheck.c). */
#define VI_HINT                                                                                    \
    ", or read the file with locale vi (kpi ingest --locale vi, or the inbox's vi/ folder)"

static void period_ok(const char *s, int y, int m, int d, enum rowcheck_grain g)
{
    struct rowcheck_period p;
    char why[READER_MSG_LEN] = "";
    ck_assert_msg(rowcheck_parse_period(s, &p, why, sizeof why) == 0, "%s: %s", s, why);
    ck_assert_int_eq(p.year, y);
    ck_assert_int_eq(p.month, m);
    ck_assert_int_eq(p.day, d);
    ck_assert_int_eq(p.grain, g);
}

static void period_bad(const char *s, const char *reason)
{
    struct rowcheck_period p;
    char why[READER_MSG_LEN] = "";
    ck_assert_int_eq(rowcheck_parse_period(s, &p, why, sizeof why), KPI_REJECTED);
    ck_assert_msg(strcmp(why, reason) == 0, "%s: got '%s', want '%s'", s, why, reason);
}

static int32_t days(int y, int m, int d)
{
    struct rowcheck_period p = {y, m, d, ROWCHECK_DAY};
    return copybin_pg_days(&p);
}

/* PostgreSQL's binary date (the fast path's COPY): days since 2000-01-01. */
START_TEST(dates_as_postgresql_days)
{
    /* values from PostgreSQL: SELECT d - date '2000-01-01' */
    ck_assert_int_eq(days(2000, 1, 1), 0);
    ck_assert_int_eq(days(1999, 12, 31), -1);
    ck_assert_int_eq(days(2000, 2, 29), 59);
    ck_assert_int_eq(days(2000, 3, 1), 60);
    ck_assert_int_eq(days(2024, 2, 29), 8825);
    ck_assert_int_eq(days(2024, 3, 1), 8826);
    ck_assert_int_eq(days(2025, 7, 1), 9313);
    ck_assert_int_eq(days(2100, 3, 1), 36584); /* 2100 is not a leap year */
    /* every day of 2000-2199 against the C library's calendar */
    struct tm tm = {.tm_year = 100, .tm_mon = 0, .tm_mday = 1, .tm_hour = 12};
    time_t epoch2000 = timegm(&tm);
    for (int i = 0; i < 73000; i++) {
        time_t t = epoch2000 + (time_t)i * 86400;
        struct tm d;
        gmtime_r(&t, &d);
        ck_assert_int_eq(days(d.tm_year + 1900, d.tm_mon + 1, d.tm_mday), i);
    }
}
END_TEST

START_TEST(periods)
{
    period_ok("2025-07", 2025, 7, 1, ROWCHECK_MONTH);
    period_ok("2025-07-31", 2025, 7, 31, ROWCHECK_DAY);
    period_ok("2024-02-29", 2024, 2, 29, ROWCHECK_DAY);
    period_bad("2025-13", "period \"2025-13\" is not a valid month: there is no month 13");
    period_bad("2025-02-30", "period \"2025-02-30\" is not a valid date: 2025-02 has 28 days");
    period_bad("2025-04-31", "period \"2025-04-31\" is not a valid date: 2025-04 has 30 days");
    period_bad("30/07/2025",
               "period \"30/07/2025\" must be written YYYY-MM-DD: write 2025-07-30" VI_HINT);
    period_bad("2025/07/30", "period \"2025/07/30\" must be written YYYY-MM-DD: write 2025-07-30");
    period_bad("7/2025", "period \"7/2025\" must be written YYYY-MM: write 2025-07" VI_HINT);
    period_bad("45868", "period \"45868\" looks like a spreadsheet date serial number; format "
                        "the column as text YYYY-MM-DD");
    period_bad("", "empty period; write YYYY-MM-DD (a day) or YYYY-MM (a month)");
    period_bad("1999-12", "period \"1999-12\" is before the year 2000; check the year");
    period_bad("July", "period \"July\" is neither YYYY-MM-DD (a day) nor YYYY-MM (a month)");
}
END_TEST

static void value_ok(const char *s, int64_t v)
{
    int64_t got = -1;
    char why[READER_MSG_LEN] = "";
    ck_assert_msg(rowcheck_parse_value(s, &got, why, sizeof why) == 0, "%s: %s", s, why);
    ck_assert_int_eq(got, v);
}

static void value_bad(const char *s, const char *reason)
{
    int64_t got;
    char why[READER_MSG_LEN] = "";
    ck_assert_int_eq(rowcheck_parse_value(s, &got, why, sizeof why), KPI_REJECTED);
    ck_assert_msg(strcmp(why, reason) == 0, "%s: got '%s', want '%s'", s, why, reason);
}

START_TEST(values)
{
    value_ok("0", 0);
    value_ok("1234", 1234);
    value_ok("007", 7);
    value_ok("9223372036854775807", INT64_MAX);
    value_bad("9223372036854775808",
              "value \"9223372036854775808\" is too large: at most 9223372036854775807 (bigint)");
    value_bad("1.234", "value \"1.234\": thousands separators are not allowed, write 1234" VI_HINT);
    value_bad("1,234,567", "value \"1,234,567\": thousands separators are not allowed, write "
                           "1234567");
    value_bad("12 345", "value \"12 345\": thousands separators are not allowed, write 12345");
    value_bad("12\xc2\xa0"
              "345",
              "value \"12\xc2\xa0"
              "345\": thousands separators are not allowed, write 12345");
    value_bad("12.5", "value \"12.5\" has decimals; counts are whole numbers");
    value_bad("12,0", "value \"12,0\" has decimals; write 12");
    value_bad("1.2345", "value \"1.2345\" has decimals; counts are whole numbers");
    value_bad("-5", "negative value \"-5\": counts cannot be negative");
    value_bad("+5", "value \"+5\": no sign allowed, write 5");
    value_bad("1.2E+06", "value \"1.2E+06\" is in scientific notation; format the column as a "
                         "whole number and write every digit");
    value_bad("", "empty value; write 0 when the count is zero");
    value_bad("abc", "value \"abc\" is not a whole number; write digits only, e.g. 1234");
}
END_TEST

START_TEST(locale_vi)
{
    struct rowcheck_period p;
    int64_t v = -1;
    char why[READER_MSG_LEN] = "";
    /* day-first, as a Vietnamese spreadsheet writes them: a day, a month */
    ck_assert_int_eq(rowcheck_parse_period_locale("31/07/2025", true, &p, why, sizeof why), 0);
    ck_assert(p.year == 2025 && p.month == 7 && p.day == 31 && p.grain == ROWCHECK_DAY);
    ck_assert_int_eq(rowcheck_parse_period_locale("1.7.2025", true, &p, why, sizeof why), 0);
    ck_assert(p.year == 2025 && p.month == 7 && p.day == 1 && p.grain == ROWCHECK_DAY);
    ck_assert_int_eq(rowcheck_parse_period_locale("07/2025", true, &p, why, sizeof why), 0);
    ck_assert(p.year == 2025 && p.month == 7 && p.grain == ROWCHECK_MONTH);
    /* still refused: a year first with slashes, a day that does not exist */
    ck_assert_int_eq(rowcheck_parse_period_locale("2025/07/30", true, &p, why, sizeof why),
                     KPI_REJECTED);
    ck_assert_str_eq(why, "period \"2025/07/30\" must be written YYYY-MM-DD: write 2025-07-30");
    ck_assert_int_eq(rowcheck_parse_period_locale("31/06/2025", true, &p, why, sizeof why),
                     KPI_REJECTED);
    /* 18.250 = 18 250; ',' is the decimal comma */
    ck_assert_int_eq(rowcheck_parse_value_locale("18.250", true, &v, why, sizeof why), 0);
    ck_assert_int_eq(v, 18250);
    ck_assert_int_eq(rowcheck_parse_value_locale("1.234.567", true, &v, why, sizeof why), 0);
    ck_assert_int_eq(v, 1234567);
    ck_assert_int_eq(rowcheck_parse_value_locale("12,5", true, &v, why, sizeof why), KPI_REJECTED);
    ck_assert_str_eq(why, "value \"12,5\" has decimals (',' is the decimal comma of locale vi); "
                          "counts are whole numbers");
    ck_assert_int_eq(rowcheck_parse_value_locale("1,234", false, &v, why, sizeof why),
                     KPI_REJECTED);
    ck_assert_str_eq(why, "value \"1,234\": thousands separators are not allowed, write 1234");
}
END_TEST

START_TEST(only_regular_files_are_read)
{
    char dir[PATH_MAX], fifo[PATH_MAX + 16], link_path[PATH_MAX + 16];
    struct reader *r = NULL;
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    /* a FIFO without a writer: refused at once, not waited on */
    snprintf(fifo, sizeof fifo, "%s/fifo.csv", dir);
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    ck_assert_int_eq(reader_open(fifo, true, &r), KPI_ERROR);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(reader_open(dir, false, &r), KPI_ERROR);         /* a directory */
    ck_assert_int_eq(reader_open("/dev/null", false, &r), KPI_ERROR); /* a device */
    /* a symbolic link: followed by reader_open (the registry), never by reader_open_nofollow */
    const char *target = file_with("period,unit,metric,value\n", 25);
    snprintf(link_path, sizeof link_path, "%s/link.csv", dir);
    ck_assert_int_eq(symlink(target, link_path), 0);
    ck_assert_int_eq(reader_open(link_path, false, &r), 0);
    reader_close(r);
    ck_assert_int_eq(reader_open_nofollow(link_path, false, &r), KPI_ERROR);
    ck_assert_ptr_null(r);
    char hex[HASH_HEX_LEN];
    struct stat st;
    bool big;
    ck_assert_int_eq(reader_sha256(link_path, 0, hex, &st, &big), KPI_ERROR);
    struct stat lst;
    ck_assert_int_eq(lstat(link_path, &lst), 0);
    ck_assert_str_eq(reader_file_kind(&lst), "a symbolic link");
    ck_assert_int_eq(stat(target, &lst), 0);
    ck_assert_ptr_null(reader_file_kind(&lst));
}
END_TEST

START_TEST(hashing_stops_at_the_file_limit)
{
    char path[PATH_MAX + 16], hex[HASH_HEX_LEN], want[HASH_HEX_LEN];
    struct stat st;
    bool big;
    snprintf(path, sizeof path, "%s/sparse.csv", testlib_tmpdir());
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, 1LL << 40), 0); /* 1 TiB of zeroes, no disk */
    close(fd);
    ck_assert_int_eq(reader_sha256(path, 1000, hex, &st, &big), 0);
    ck_assert(big);
    ck_assert_int_eq(st.st_size, 1LL << 40);
    /* the digest of the first 1,000 bytes, all that was read */
    char zeroes[1000] = {0};
    ck_assert_int_eq(hash_sha256_hex(zeroes, sizeof zeroes, want), 0);
    ck_assert_str_eq(hex, want);
    /* at the limit exactly: the whole file, not too large */
    ck_assert_int_eq(truncate(path, 1000), 0);
    ck_assert_int_eq(reader_sha256(path, 1000, hex, &st, &big), 0);
    ck_assert(!big);
    ck_assert_str_eq(hex, want);
}
END_TEST

START_TEST(raw_text_is_cut_before_a_character)
{
    const char *s = "ab\xc3\xa9\xe1\xba\xa1x"; /* a b é ạ x: 1 1 2 3 1 bytes */
    ck_assert_uint_eq(reader_cut(s, 8, 100), 8);
    ck_assert_uint_eq(reader_cut(s, 8, 8), 8);
    ck_assert_uint_eq(reader_cut(s, 8, 7), 7); /* "abéạ" */
    ck_assert_uint_eq(reader_cut(s, 8, 6), 4); /* not inside ạ: "abé" */
    ck_assert_uint_eq(reader_cut(s, 8, 5), 4);
    ck_assert_uint_eq(reader_cut(s, 8, 3), 2); /* not inside é: "ab" */
    ck_assert_uint_eq(reader_cut(s, 8, 0), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csvload");
    TCase *tc = tcase_create("csvload");
    tcase_add_test(tc, bom_crlf_semicolon_and_quotes);
    tcase_add_test(tc, comma_lf_blank_lines_and_last_line_without_newline);
    tcase_add_test(tc, invalid_utf8_gives_byte_offset_and_line);
    tcase_add_test(tc, overlong_and_truncated_utf8_are_invalid);
    tcase_add_test(tc, utf16_is_named);
    tcase_add_test(tc, unterminated_quote_gives_its_line);
    tcase_add_test(tc, malformed_quotes_reject_only_their_row);
    tcase_add_test(tc, empty_file_has_no_row);
    tcase_add_test(tc, long_rows_and_bare_cr_are_file_problems);
    tcase_add_test(tc, limits_bound_rows_fields_and_files);
    tcase_add_test(tc, limits_from_the_environment);
    tcase_add_test(tc, check_file_without_a_database);
    tcase_add_test(tc, periods);
    tcase_add_test(tc, dates_as_postgresql_days);
    tcase_add_test(tc, values);
    tcase_add_test(tc, locale_vi);
    tcase_add_test(tc, only_regular_files_are_read);
    tcase_add_test(tc, hashing_stops_at_the_file_limit);
    tcase_add_test(tc, raw_text_is_cut_before_a_character);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
