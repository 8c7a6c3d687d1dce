/*
 * test_receipt.c — the receipts of submission files (issue 20, item 4): a
 * partial file's receipt lists every rejected row with its line, value, what
 * is wrong and what to write, in Vietnamese (the expected lines beside the
 * hand-written file); the .xlsx receipt opens in openpyxl (Debian's
 * python3-openpyxl) with those rows highlighted; the agency gets it by
 * e-mail, received by a real SMTP server on 127.0.0.1
 * (tests/servers/smtp_capture.py); a file rejected whole gets one in
 * --receipt-dir; and every reason the row checks give has its Vietnamese
 * text (none falls to "other").
 */
#include "ingest/receipt.h"
#include "ingest/rowcheck.h"
#include "testlib.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Debian's python3 (with python3-aiosmtpd and python3-openpyxl); $KPI_PYTHON overrides. */
static const char *python(void)
{
    const char *p = getenv("KPI_PYTHON");
    return p && *p ? p : "/usr/bin/python3";
}

/* Start python3 with ARGS (NULL-terminated, at most 6), stdout to OUT (NULL: /dev/null). */
static pid_t spawn_python(const char *out, const char *const *args)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM); /* never outlives a failed test */
        int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0)
            dup2(fd, 1);
        const char *argv[8] = {python()};
        for (int i = 0; args[i] && i < 6; i++)
            argv[i + 1] = args[i];
        execv(python(), (char *const *)argv);
        _exit(127);
    }
    return pid;
}

/* Run python3 with ARGS, stdout to OUT; its exit status. */
static int run_python(const char *out, const char *const *args)
{
    pid_t pid = spawn_python(out, args);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/*
 * The hand-written partial file, lines 1..7, and beside each rejected line
 * the receipt's text for it.
 */
static const char partial[] = "period,unit,metric,value\n"                    /* 1 */
                              "2025-07-31,01840,dvc_essential_online,5\n"     /* 2 good */
                              "31/07/2025,01840,dvc_essential_total,9\n"      /* 3 */
                              "2025-07-30,1840,dvc_essential_total,9\n"       /* 4 */
                              "2025-07-30,01840,dvc_essential_total,18.250\n" /* 5 */
                              "2025-07-30,01840,Dvc_Essential_Online,3\n"     /* 6 */
                              "2025-07-29,01840,dvc_essential_total,10\n";    /* 7 good */
static const char *const expected_rows[] = {
    "Dòng 3, cột kỳ (period), giá trị \"31/07/2025\"\n"
    "  Lỗi: Ngày \"31/07/2025\" ghi sai dạng: phải ghi năm-tháng-ngày.\n"
    /* day-first and "18.250": what locale vi reads, so the fix names the inbox's vi/ */
    "  Cần ghi: Ghi 2025-07-31, hoặc gửi tệp vào thư mục vi/ của hộp thư (đọc ngày và số theo "
    "cách viết Việt Nam).\n",
    "Dòng 4, cột đơn vị (unit), giá trị \"1840\"\n"
    "  Lỗi: Mã đơn vị \"1840\" không có trong danh mục; có lẽ bảng tính đã bỏ mất số 0 ở đầu.\n"
    "  Cần ghi: Ghi \"01840\" và định dạng cột mã đơn vị là văn bản (Text).\n",
    "Dòng 5, cột giá trị (value), giá trị \"18.250\"\n"
    "  Lỗi: Giá trị \"18.250\" có dấu phân cách hàng nghìn.\n"
    "  Cần ghi: Ghi 18250 (chỉ chữ số, không dấu chấm, phẩy), hoặc gửi tệp vào thư mục vi/ của "
    "hộp thư (đọc ngày và số theo cách viết Việt Nam).\n",
    "Dòng 6, cột chỉ tiêu (metric), giá trị \"Dvc_Essential_Online\"\n"
    "  Lỗi: Mã chỉ tiêu \"Dvc_Essential_Online\" không đúng chữ hoa, chữ thường.\n"
    "  Cần ghi: Ghi \"dvc_essential_online\".\n",
};

/* Reads an .xlsx receipt: one line per row, "FILL|cell|cell..." (FILL the first cell's color). */
static const char xlsx_reader[] =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
    "print(ws.title)\n"
    "for row in ws.iter_rows():\n"
    "    c = row[0]\n"
    "    fill = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == 'solid' else '-'\n"
    "    print(str(fill) + '|' + '|'.join('' if x.value is None else str(x.value) for x in row))\n";

START_TEST(partial_file_receipt_lists_every_rejected_row)
{
    const char *env_db;
    PGconn *conn = testlib_fixture(testlib_db_new(), &env_db);
    char box[PATH_MAX], inbox[PATH_MAX], archive[PATH_MAX], path[PATH_MAX + 64];
    snprintf(box, sizeof box, "%s", testlib_tmpdir());
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    snprintf(archive, sizeof archive, "%s", testlib_tmpdir());

    /* the mailbox: a real SMTP server on 127.0.0.1 */
    char port_path[PATH_MAX + 8];
    snprintf(port_path, sizeof port_path, "%s/port", box);
    const char *serve[] = {testlib_path("tests/servers/smtp_capture.py"), "serve", box, NULL};
    pid_t server = spawn_python(NULL, serve);
    for (int i = 0; i < 200 && access(port_path, R_OK) != 0; i++) {
        int st;
        ck_assert_msg(waitpid(server, &st, WNOHANG) == 0, "smtp_capture.py exited");
        nanosleep(&(struct timespec){0, 50000000L}, NULL);
    }
    char *port = testlib_read_file(port_path);
    char routes[PATH_MAX + 16], text[2048];
    snprintf(
        text, sizeof text,
        "{\"receivers\": [{\"name\": \"so-y-te\", \"email\": {\"to\": [\"vanthu@soyte.example\"],"
        " \"from\": \"kpi@thainguyen.example\", \"smtp_url\": \"smtp://127.0.0.1:%d\"}}],"
        " \"routes\": [{\"receiver\": \"so-y-te\", \"units\": \"all\", \"indicators\": [\"3.1\"]}],"
        " \"agencies\": [{\"prefix\": \"so_y_te_\", \"receiver\": \"so-y-te\"}]}",
        atoi(port));
    free(port);
    snprintf(routes, sizeof routes, "%s/routes.json", box);
    testlib_write_file(routes, text, strlen(text));

    snprintf(path, sizeof path, "%s/so_y_te_2025-07.csv", inbox);
    testlib_write_file(path, partial, strlen(partial));
    const char *ingest[] = {"ingest", "--archive", archive, "--routes", routes, inbox, NULL};
    const char *env[] = {env_db, NULL};
    char *out = NULL, *err = NULL;
    int st = testlib_kpi(&out, &err, env, ingest);
    ck_assert_msg(st == 3, "exit %d: %s", st, err); /* rows rejected */
    ck_assert_msg(strstr(err, "receipt e-mailed to receiver \"so-y-te\"") != NULL, "%s", err);
    free(out);
    free(err);

    /* the .txt beside the archived file */
    snprintf(path, sizeof path, "%s/processed/so_y_te_2025-07.csv.receipt.txt", archive);
    char *receipt = testlib_read_file(path);
    char *sha = testlib_value(conn, "SELECT sha256 FROM kpi.submission");
    snprintf(text, sizeof text, "Tệp đã gửi: so_y_te_2025-07.csv\nMã SHA-256: %s\n", sha);
    ck_assert_msg(strstr(receipt, text) != NULL, "%s", receipt);
    ck_assert_ptr_nonnull(strstr(receipt, "Kết quả: Đã nhận một phần: một số dòng bị từ chối"));
    /* 2 rows good (lines 2 and 7), both new; 4 rejected */
    ck_assert_msg(strstr(receipt, "Số dòng được nhận: 2 (mới: 2; sửa đổi: 0; không đổi: 0)\n"
                                  "Số dòng rút số liệu: 0\n"
                                  "Số dòng bị từ chối: 4\n") != NULL,
                  "%s", receipt);
    const char *at = receipt;
    for (size_t i = 0; i < sizeof expected_rows / sizeof expected_rows[0]; i++) {
        const char *found = strstr(at, expected_rows[i]);
        ck_assert_msg(found != NULL, "row %zu missing or out of order:\n%s\nin\n%s", i,
                      expected_rows[i], receipt);
        at = found + strlen(expected_rows[i]);
    }
    ck_assert_ptr_null(strstr(receipt, "Dòng 2,"));
    ck_assert_ptr_null(strstr(receipt, "Dòng 7,"));

    /* the .xlsx opens; the four rejected rows, and only they, are highlighted */
    char xlsx[PATH_MAX + 64], reader[PATH_MAX + 16], dump[PATH_MAX + 16];
    snprintf(xlsx, sizeof xlsx, "%s/processed/so_y_te_2025-07.csv.receipt.xlsx", archive);
    snprintf(reader, sizeof reader, "%s/read_xlsx.py", box);
    snprintf(dump, sizeof dump, "%s/xlsx.txt", box);
    testlib_write_file(reader, xlsx_reader, strlen(xlsx_reader));
    const char *read[] = {reader, xlsx, NULL};
    ck_assert_int_eq(run_python(dump, read), 0);
    char *sheet = testlib_read_file(dump);
    ck_assert_msg(strncmp(sheet, "Biên nhận\n", strlen("Biên nhận\n")) == 0, "%s", sheet);
    int red = 0;
    for (const char *p = sheet; (p = strstr(p, "FFFFC7CE|")) != NULL; p++)
        red++;
    ck_assert_msg(red == 4, "%d highlighted rows:\n%s", red, sheet);
    ck_assert_ptr_nonnull(strstr(sheet, "FFFFC7CE|dòng 3|kỳ (period)|31/07/2025|Ngày "
                                        "\"31/07/2025\" ghi sai dạng: phải ghi năm-tháng-ngày.|Ghi "
                                        "2025-07-31, hoặc gửi tệp vào thư mục vi/ của hộp thư "
                                        "(đọc ngày và số theo cách viết Việt Nam).\n"));
    ck_assert_ptr_nonnull(strstr(sheet, "FFFFC7CE|dòng 5|giá trị (value)|18.250|"));
    ck_assert_ptr_nonnull(strstr(sheet, "|Số dòng bị từ chối|4|"));
    free(sheet);

    /* the e-mail: one message, its subject and its text the receipt's */
    char eml[PATH_MAX + 16], json[PATH_MAX + 16];
    snprintf(eml, sizeof eml, "%s/001.eml", box);
    snprintf(json, sizeof json, "%s/001.json", box);
    for (int i = 0; i < 100 && access(eml, R_OK) != 0; i++)
        nanosleep(&(struct timespec){0, 20000000L}, NULL);
    const char *inspect[] = {testlib_path("tests/servers/smtp_capture.py"), "inspect", eml, NULL};
    ck_assert_int_eq(run_python(json, inspect), 0);
    char *mail = testlib_read_file(json);
    ck_assert_msg(strstr(mail, "\"subject\": \"Biên nhận tệp số liệu so_y_te_2025-07.csv: "
                               "nhận một phần\"") != NULL,
                  "%s", mail);
    ck_assert_msg(strstr(mail, "\\nDòng 5, cột giá trị (value), giá trị \\\"18.250\\\"\\n") != NULL,
                  "%s", mail);
    free(mail);
    snprintf(eml, sizeof eml, "%s/002.eml", box);
    ck_assert_int_ne(access(eml, F_OK), 0);
    kill(server, SIGTERM);
    while (waitpid(server, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);

    /* a file rejected whole, not archived: its receipt in --receipt-dir */
    char dir[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/receipts", box);
    snprintf(path, sizeof path, "%s/bad.csv", box);
    static const char bad[] = "period,unit,metric,amount\n2025-07-30,01840,dvc_essential_total,9\n";
    testlib_write_file(path, bad, strlen(bad));
    const char *ingest_bad[] = {"ingest", "--receipt-dir", dir, path, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, ingest_bad), 3);
    snprintf(path, sizeof path, "%s/bad.csv.receipt.txt", dir);
    free(receipt);
    receipt = testlib_read_file(path);
    ck_assert_msg(strstr(receipt, "Kết quả: Bị từ chối: không có số liệu nào của tệp được nhận.\n"
                                  "Lý do: Dòng tiêu đề có cột lạ \"amount\". (dòng 1)\n") != NULL,
                  "%s", receipt);
    free(receipt);
    free(sha);
    PQfinish(conn);
}
END_TEST

/* Every reason of the row checks has its Vietnamese text: none falls to "other". */
START_TEST(every_row_check_reason_has_vietnamese)
{
    static const char *const periods[] = {"",           "2025-13", "2025-02-30", "1999-01",
                                          "31/07/2025", "07/2025", "45678",      "July"};
    static const char *const values[] = {
        "", "-5", "+5", "99999999999999999999", "18.250", "12,00", "12,5", "1E+05", "many"};
    char why[READER_MSG_LEN];
    struct receipt_reason r;
    struct rowcheck_period p;
    int64_t v;
    for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++) {
        ck_assert_int_ne(rowcheck_parse_period(periods[i], &p, why, sizeof why), KPI_OK);
        receipt_explain(why, &r);
        ck_assert_msg(strcmp(r.code, "other") != 0, "no Vietnamese for: %s", why);
        ck_assert_msg(strstr(r.fix, "Chi tiết (tiếng Anh)") == NULL, "%s", why);
    }
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        ck_assert_int_ne(rowcheck_parse_value(values[i], &v, why, sizeof why), KPI_OK);
        receipt_explain(why, &r);
        ck_assert_msg(strcmp(r.code, "other") != 0, "no Vietnamese for: %s", why);
        ck_assert_str_eq(r.value, values[i][0] ? values[i] : "");
    }
    receipt_explain("something new", &r);
    ck_assert_str_eq(r.code, "other");
    ck_assert_str_eq(r.fix, "Chi tiết (tiếng Anh): something new");
}
END_TEST

static Suite *receipt_suite(void)
{
    Suite *s = suite_create("receipt");
    TCase *tc = tcase_create("receipt");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_row_check_reason_has_vietnamese);
    tcase_add_test(tc, partial_file_receipt_lists_every_rejected_row);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return testlib_run(receipt_suite());
}
