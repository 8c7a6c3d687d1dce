/*
 * test_mail.c — the alert e-mail as a mail reader gets it: `kpi alerts` then
 * `kpi alerts deliver` send to a real SMTP server on 127.0.0.1 (Debian's
 * python3-aiosmtpd, tests/servers/smtp_capture.py, started and stopped
 * here), and Python's e-mail and HTML parsers read what it received: a
 * multipart/alternative message, plain text then HTML, in the receiver's one
 * language, whose subject decodes (RFC 2047) to the expected words, whose
 * HTML nests, with the province first, its communes in Vietnamese order in
 * the text and the ten furthest from the target in the HTML, and the link to
 * the report.
 */
#include "alertlib.h"
#include "testlib.h"

#include <cjson/cJSON.h>
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Debian's python3 (the one with python3-aiosmtpd); $KPI_PYTHON overrides. */
static const char *python(void)
{
    const char *p = getenv("KPI_PYTHON");
    return p && *p ? p : "/usr/bin/python3";
}

/* Start smtp_capture.py ARG1 ARG2 with stdout to OUT (NULL: /dev/null); its pid. */
static pid_t spawn_capture(const char *arg1, const char *arg2, const char *out)
{
    char script[PATH_MAX];
    snprintf(script, sizeof script, "%s", testlib_path("tests/servers/smtp_capture.py"));
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM); /* never outlives a failed test */
        int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0)
            dup2(fd, 1);
        execl(python(), python(), script, arg1, arg2, (char *)NULL);
        fprintf(stderr, "could not run %s: %s (install Debian's python3-aiosmtpd)\n", python(),
                strerror(errno));
        _exit(127);
    }
    return pid;
}

struct mailbox {
    pid_t pid;
    int port;
    char dir[PATH_MAX];
};

/* A running mailbox in a new folder; aborts the test when it does not start in 20 s. */
static void mailbox_start(struct mailbox *m)
{
    char port_path[PATH_MAX + 8];
    snprintf(m->dir, sizeof m->dir, "%s", testlib_tmpdir());
    m->pid = spawn_capture("serve", m->dir, NULL);
    snprintf(port_path, sizeof port_path, "%s/port", m->dir);
    for (int i = 0; i < 200 && access(port_path, R_OK) != 0; i++) {
        int st;
        ck_assert_msg(waitpid(m->pid, &st, WNOHANG) == 0,
                      "smtp_capture.py exited (is python3-aiosmtpd installed?)");
        nanosleep(&(struct timespec){0, 100000000L}, NULL);
    }
    char *text = testlib_read_file(port_path);
    m->port = atoi(text);
    free(text);
    ck_assert_int_gt(m->port, 0);
}

static void mailbox_stop(struct mailbox *m)
{
    int st;
    kill(m->pid, SIGTERM);
    while (waitpid(m->pid, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
}

/* The Nth message (1-based) the mailbox received, as smtp_capture.py inspect reads it. */
static cJSON *mailbox_message(const struct mailbox *m, int n)
{
    char eml[PATH_MAX + 16], json[PATH_MAX + 16];
    snprintf(eml, sizeof eml, "%s/%03d.eml", m->dir, n);
    snprintf(json, sizeof json, "%s/%03d.json", m->dir, n);
    ck_assert_msg(access(eml, R_OK) == 0, "the mailbox holds no message %d", n);
    pid_t pid = spawn_capture("inspect", eml, json);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "smtp_capture.py inspect %s failed", eml);
    char *text = testlib_read_file(json);
    cJSON *doc = cJSON_Parse(text);
    ck_assert_msg(doc != NULL, "not JSON: %s", text);
    free(text);
    return doc;
}

static const char *member(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    ck_assert_msg(cJSON_IsString(v), "no string \"%s\"", key);
    return v->valuestring;
}

/* The part of MSG of content type TYPE (its text), and its position in *index. */
static const char *part(const cJSON *msg, const char *type, int *index)
{
    const cJSON *parts = cJSON_GetObjectItemCaseSensitive(msg, "parts");
    int i = 0;
    for (const cJSON *p = parts ? parts->child : NULL; p; p = p->next, i++)
        if (strcmp(member(p, "content_type"), type) == 0) {
            ck_assert_str_eq(member(p, "charset"), "utf-8");
            if (index)
                *index = i;
            return member(p, "text");
        }
    ck_abort_msg("no %s part", type);
    return NULL;
}

/* Assert that the strings NEEDLES (NULL-ended) occur in HAY in this order. */
static void assert_in_order(const char *hay, const char *const *needles)
{
    const char *at = hay;
    for (size_t i = 0; needles[i]; i++) {
        const char *p = strstr(at, needles[i]);
        ck_assert_msg(p != NULL, "\"%s\" missing (or out of order) in:\n%s", needles[i], hay);
        at = p + strlen(needles[i]);
    }
}

/*
 * The fixture: a breach of 3.1 (target "trên 80 %") for the province,
 * 700 / 1,000 = 70,0 %, gap 801 - 700 = 101; and 12 of its communes and
 * wards below it: 5 named so that Vietnamese order differs from byte order
 * (B < Đ < V in Vietnamese, Đ (C4 90) after V in UTF-8 bytes; "Bạch" < "Bình"
 * as a < i, "ạ" (E1 BA A1) after "ì" (C3 AC) in bytes) and 7 more; commune K
 * of 100 counts has 60 + K done (gap 81 - 60 - K = 21 - K).
 */
static PGconn *fixture(const char **ci)
{
    static const char *const named[] = {"Phường Vạn Xuân", "Xã Bình Thành", "Xã Bạch Thông"};
    PGconn *conn = alertlib_db(ci);
    char sql[256];
    for (int k = 0; k < 3; k++) {
        snprintf(sql, sizeof sql,
                 "INSERT INTO kpi.unit (code, name, kind, parent_code) "
                 "VALUES ('0190%d', '%s', 'xa', '19')",
                 k, named[k]);
        testlib_exec(conn, sql);
    }
    testlib_exec(conn, "INSERT INTO kpi.unit (code, name, kind, parent_code) SELECT '0191' || k, "
                       "'Xã Thử Nghiệm ' || k, 'xa', '19' FROM generate_series(0, 6) k");
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "100");
    const char *codes[12] = {"01840", "01843", "01900", "01901", "01902", "01910",
                             "01911", "01912", "01913", "01914", "01915", "01916"};
    for (int k = 0; k < 12; k++) {
        char gap[16];
        snprintf(gap, sizeof gap, "%d", 21 - k);
        alertlib_cell(conn, "3.1", codes[k], "2025-09", 60 + k, 100, "breach", gap, NULL);
    }
    return conn;
}

/* The routes file of one e-mail receiver on PORT with the members LANG (may be ""). */
static char *routes(int port, const char *lang)
{
    char text[2048];
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"lanh-dao\", %s\"email\": {\"to\": "
             "[\"lanh-dao@example.org\"], \"from\": \"kpi@example.org\", "
             "\"smtp_url\": \"smtp://127.0.0.1:%d\"}}],"
             " \"routes\": [{\"receiver\": \"lanh-dao\", \"units\": \"all\", \"indicators\": "
             "[\"3.1\"]}], \"external_url\": \"https://kpi.thainguyen.example/bao-cao\","
             " \"retry_attempts\": 1}",
             lang, port);
    return strdup(alertlib_file("routes.json", text));
}

static void alert_and_deliver(const char *ci, const char *routes_path)
{
    char *out, *err;
    int st = alertlib_kpi(ci, &out, &err, NULL, "alerts", "--routes", routes_path, "--now",
                          "2025-10-05 08:00+07", NULL);
    ck_assert_msg(st == 0, "kpi alerts: %s", err);
    free(out);
    free(err);
    st = alertlib_kpi(ci, &out, &err, NULL, "alerts", "deliver", "--routes", routes_path, NULL);
    ck_assert_msg(st == 0, "kpi alerts deliver: %s", err);
    free(out);
    free(err);
}

START_TEST(vietnamese_receiver_gets_multipart_mail_in_vietnamese_only)
{
    const char *ci;
    PGconn *conn = fixture(&ci);
    struct mailbox m;
    mailbox_start(&m);
    char *r = routes(m.port, ""); /* no "lang": Vietnamese */
    alert_and_deliver(ci, r);
    cJSON *msg = mailbox_message(&m, 1);

    /* one province alert (the 12 communes are its details); 05/10/2025 08:00 in Vietnam */
    ck_assert_str_eq(member(msg, "subject"),
                     "[KPI Đề án 06] 1 cảnh báo chỉ tiêu — 3.1 Tiếp nhận, giải quyết trực "
                     "tuyến dịch vụ công thiết yếu Đề án 06 — 05/10/2025 08:00");
    ck_assert_str_eq(member(msg, "content_type"), "multipart/alternative");
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(msg, "defects")), 0);
    int ti = -1, hi = -1;
    const char *text = part(msg, "text/plain", &ti), *html = part(msg, "text/html", &hi);
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(msg, "parts")), 2);
    ck_assert_int_lt(ti, hi); /* RFC 2046: the plain text first, the richer part last */
    ck_assert_msg(cJSON_GetArraySize(cJSON_GetObjectItem(msg, "html_errors")) == 0,
                  "the HTML part does not nest: %s",
                  cJSON_PrintUnformatted(cJSON_GetObjectItem(msg, "html_errors")));

    /* Vietnamese only */
    ck_assert_ptr_nonnull(strstr(text, "Cảnh báo chỉ tiêu Đề án 06"));
    ck_assert_ptr_nonnull(strstr(text, "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên"));
    ck_assert_ptr_null(strstr(text, "Indicator"));
    ck_assert_ptr_null(strstr(text, "English"));
    ck_assert_ptr_null(strstr(html, "Indicator"));
    /* every commune once, in Vietnamese order */
    ck_assert_int_eq(sink_count(text, "Phường Đức Xuân"), 1);
    static const char *const order[] = {"Phường Bắc Kạn",
                                        "Phường Đức Xuân",
                                        "Phường Vạn Xuân",
                                        "Xã Bạch Thông",
                                        "Xã Bình Thành",
                                        "Xã Thử Nghiệm 0",
                                        NULL};
    assert_in_order(text, order);

    /* the HTML: the province first, then its 10 communes furthest from the target
     * (gaps 21 down to 12: Đức Xuân 21, Bắc Kạn 20, Vạn Xuân 19 …), 2 left out */
    static const char *const html_order[] = {
        "<h2",
        "Toàn tỉnh",
        "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên",
        "(10/12)",
        "Phường Đức Xuân: ",
        "Phường Bắc Kạn: ",
        "Phường Vạn Xuân: ",
        "… và 2 xã, phường khác",
        "href=\"https://kpi.thainguyen.example/bao-cao/report_month-2025-09.html\"",
        NULL};
    assert_in_order(html, html_order);
    ck_assert_int_eq(sink_count(html, "<li>"), 10);
    ck_assert_ptr_null(strstr(html, "Xã Thử Nghiệm 6")); /* gap 21 - 11 = 10: the 12th */
    cJSON_Delete(msg);
    mailbox_stop(&m);
    free(r);
    PQfinish(conn);
}
END_TEST

START_TEST(english_receiver_gets_english_only)
{
    const char *ci;
    PGconn *conn = fixture(&ci);
    struct mailbox m;
    mailbox_start(&m);
    char *r = routes(m.port, "\"lang\": \"en\", ");
    alert_and_deliver(ci, r);
    cJSON *msg = mailbox_message(&m, 1);
    ck_assert_str_eq(member(msg, "subject"),
                     "[KPI Project 06] 1 indicator alert — 3.1 Essential public services of "
                     "Project 06 handled online — 05/10/2025 08:00");
    ck_assert_str_eq(member(msg, "content_type"), "multipart/alternative");
    const char *text = part(msg, "text/plain", NULL), *html = part(msg, "text/html", NULL);
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(msg, "html_errors")), 0);
    ck_assert_ptr_nonnull(strstr(text, "Indicator 3.1 — September 2025 — Tỉnh Thái Nguyên"));
    ck_assert_ptr_nonnull(strstr(html, "Indicator 3.1 — September 2025 — Tỉnh Thái Nguyên"));
    ck_assert_ptr_nonnull(strstr(html, "<html lang=\"en\">"));
    /* no Vietnamese sentence (the units' names are names) */
    ck_assert_ptr_null(strstr(text, "Chỉ tiêu"));
    ck_assert_ptr_null(strstr(text, "cần thêm"));
    ck_assert_ptr_null(strstr(html, "Chỉ tiêu"));
    ck_assert_ptr_null(strstr(html, "cần thêm"));
    cJSON_Delete(msg);
    mailbox_stop(&m);
    free(r);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("mail");
    TCase *tc = tcase_create("mail");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, vietnamese_receiver_gets_multipart_mail_in_vietnamese_only);
    tcase_add_test(tc, english_receiver_gets_english_only);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
