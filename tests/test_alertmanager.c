/*
 * test_alertmanager.c — kpi as a client of a REAL Alertmanager (Debian's
 * prometheus-alertmanager 0.25, started once for the program on 127.0.0.1 with
 * its storage in the test's folder and no gossip), whose one receiver is a
 * webhook of this test (tests/alertlib.h): after a night with breaches
 * GET /api/v2/alerts lists them with kpi's labels and the webhook got
 * Alertmanager's own notification; a firing alert is posted again the next
 * night (its endsAt beyond it); after a correction the alert is resolved in
 * Alertmanager and the webhook got the resolution; a silence made with amtool
 * suppresses the next notification while kpi keeps posting. Every wait polls
 * (Alertmanager's group_wait and group_interval are 1 s here).
 */
#include "alertlib.h"
#include "testlib.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char alertmanager[] = "/usr/bin/prometheus-alertmanager";
static const char amtool[] = "/usr/bin/amtool";

static pid_t am_pid;
static int am_port;
static char am_url[64];
static struct sink hook; /* Alertmanager's webhook receiver */

static size_t collect(char *buf, size_t size, size_t n, void *arg)
{
    FILE *f = arg;
    return fwrite(buf, size, n, f);
}

/* GET URL: its status, and its body into *body (malloc'd) when BODY is not NULL. */
static long http_get(const char *url, char **body)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CURL *h = curl_easy_init();
    ck_assert_ptr_nonnull(h);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, f);
    long status = 0;
    if (curl_easy_perform(h) == CURLE_OK)
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(h);
    fclose(f);
    if (body != NULL)
        *body = buf;
    else
        free(buf);
    return status;
}

/* One poll's pause, counted in *WAITED (ms); a wait gives up after 15 s. */
static void poll_ms(int *waited)
{
    usleep(50000);
    *waited += 50;
}

/* Start Alertmanager and its webhook receiver once for the program (an unchecked fixture). */
static void start_alertmanager(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    sink_http_start(&hook, 0, 200);
    am_port = sink_free_port();
    snprintf(am_url, sizeof am_url, "http://127.0.0.1:%d", am_port);
    const char *dir = testlib_tmpdir();
    char config[PATH_MAX], storage[PATH_MAX], text[2048], listen[64], cfg_arg[PATH_MAX + 32],
        st_arg[PATH_MAX + 32];
    snprintf(config, sizeof config, "%s/alertmanager.yml", dir);
    snprintf(storage, sizeof storage, "%s/data", dir);
    /* one group per alert (as kpi's labels say), sent after 1 s; resolutions too */
    snprintf(text, sizeof text,
             "route:\n"
             "  receiver: hook\n"
             "  group_by: [alertname, indicator, unit, period_kind]\n"
             "  group_wait: 1s\n"
             "  group_interval: 1s\n"
             "  repeat_interval: 1h\n"
             "receivers:\n"
             "  - name: hook\n"
             "    webhook_configs:\n"
             "      - url: http://127.0.0.1:%d/am\n"
             "        send_resolved: true\n",
             hook.port);
    testlib_write_file(config, text, strlen(text));
    snprintf(listen, sizeof listen, "--web.listen-address=127.0.0.1:%d", am_port);
    snprintf(cfg_arg, sizeof cfg_arg, "--config.file=%s", config);
    snprintf(st_arg, sizeof st_arg, "--storage.path=%s", storage);
    pid_t parent = getpid();
    am_pid = fork();
    ck_assert_int_ge(am_pid, 0);
    if (am_pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(0);
        char log[PATH_MAX];
        snprintf(log, sizeof log, "%s/alertmanager.log", dir);
        if (freopen(log, "w", stderr) == NULL || freopen("/dev/null", "w", stdout) == NULL)
            _exit(127);
        execl(alertmanager, alertmanager, cfg_arg, st_arg, listen,
              "--cluster.listen-address=", "--log.level=warn", (char *)NULL);
        _exit(127);
    }
    char ready[96];
    snprintf(ready, sizeof ready, "%s/-/ready", am_url);
    int waited = 0;
    while (http_get(ready, NULL) != 200 && waited < 15000) {
        ck_assert_msg(waitpid(am_pid, NULL, WNOHANG) == 0,
                      "%s exited at once (is prometheus-alertmanager installed? scripts/setup "
                      "installs it)",
                      alertmanager);
        poll_ms(&waited);
    }
    ck_assert_msg(waited < 15000, "Alertmanager is not ready on %s after 15 s", am_url);
}

static void stop_alertmanager(void)
{
    if (am_pid > 0) {
        kill(am_pid, SIGTERM);
        waitpid(am_pid, NULL, 0);
    }
    sink_stop(&hook);
    curl_global_cleanup();
}

/* The alerts Alertmanager holds now (GET /api/v2/alerts), parsed. */
static cJSON *am_alerts(void)
{
    char url[128], *body;
    snprintf(url, sizeof url, "%s/api/v2/alerts", am_url);
    ck_assert_int_eq(http_get(url, &body), 200);
    cJSON *doc = cJSON_Parse(body);
    ck_assert_msg(cJSON_IsArray(doc), "not a list: %s", body);
    free(body);
    return doc;
}

/* The alert of indicator IND in LIST, or NULL. */
static const cJSON *alert_of(const cJSON *list, const char *ind)
{
    for (const cJSON *a = list->child; a; a = a->next) {
        const cJSON *labels = cJSON_GetObjectItem(a, "labels");
        if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(labels, "indicator")), ind) == 0)
            return a;
    }
    return NULL;
}

static const char *label(const cJSON *a, const char *name)
{
    return cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(a, "labels"), name));
}

/* Wait until Alertmanager lists indicator IND (or no longer does, when PRESENT is false). */
static void wait_listed(const char *ind, bool present)
{
    for (int waited = 0;; poll_ms(&waited)) {
        cJSON *list = am_alerts();
        bool there = alert_of(list, ind) != NULL;
        cJSON_Delete(list);
        if (there == present)
            return;
        ck_assert_msg(waited < 15000, "Alertmanager %s %s after 15 s",
                      present ? "lacks" : "still has", ind);
    }
}

/*
 * How many notifications Alertmanager sent the webhook with status STATUS
 * ("firing" or "resolved") for indicator IND: its webhook JSON, one per request.
 */
static int notifications(const char *status, const char *ind)
{
    char *log = sink_read(&hook);
    int n = 0;
    for (char *req = log, *end; (end = strstr(req, "\n=== END\n")) != NULL; req = end + 9) {
        *end = '\0';
        const char *body = strstr(req, "\r\n\r\n");
        cJSON *doc = body ? cJSON_Parse(body + 4) : NULL;
        const char *st = cJSON_GetStringValue(cJSON_GetObjectItem(doc, "status"));
        const cJSON *common = cJSON_GetObjectItem(doc, "commonLabels");
        const char *i = cJSON_GetStringValue(cJSON_GetObjectItem(common, "indicator"));
        n += st && i && strcmp(st, status) == 0 && strcmp(i, ind) == 0;
        cJSON_Delete(doc);
    }
    free(log);
    return n;
}

/* Wait until the webhook got N notifications STATUS for IND. */
static void wait_notified(const char *status, const char *ind, int n)
{
    for (int waited = 0; notifications(status, ind) < n; poll_ms(&waited))
        ck_assert_msg(waited < 15000, "no %s notification of %s after 15 s", status, ind);
}

/* `kpi ARGS...` expected to exit 0. */
#define KPI_OK(ci, ...)                                                                            \
    do {                                                                                           \
        char *o_, *e_;                                                                             \
        int st_ = alertlib_kpi(ci, &o_, &e_, NULL, __VA_ARGS__, NULL);                             \
        ck_assert_msg(st_ == 0, "kpi exited %d: %s%s", st_, o_, e_);                               \
        free(o_);                                                                                  \
        free(e_);                                                                                  \
    } while (0)

START_TEST(alertmanager_gets_fires_resolutions_and_silences)
{
    const char *ci;
    PGconn *conn = alertlib_db(&ci);
    char text[1024];
    snprintf(text, sizeof text,
             "{\"receivers\": [{\"name\": \"am\", \"alertmanager\": {\"url\": \"%s/\"}}],"
             " \"routes\": [{\"receiver\": \"am\", \"units\": \"province\"}],"
             " \"retry_backoff_ms\": 10}",
             am_url);
    char *routes = strdup(alertlib_file("routes.json", text));
    char *out, *err;
    ck_assert_int_eq(
        alertlib_kpi(ci, &out, &err, NULL, "alerts", "check", "--routes", routes, NULL), 0);
    ck_assert_msg(strstr(out, "1 receivers (1 Alertmanager), 1 routes; valid") != NULL, "%s", out);
    free(out);
    free(err);

    /* check: Alertmanager's base URL (not the API's), an endsAt beyond the next night */
    const char *bad = alertlib_file(
        "bad.json", "{\"receivers\": [{\"name\": \"am\", \"alertmanager\": {\"url\": "
                    "\"http://127.0.0.1:9093/api/v2/alerts\", \"resolve_timeout_hours\": 12}}],"
                    " \"routes\": [{\"receiver\": \"am\"}]}");
    ck_assert_int_eq(alertlib_kpi(ci, &out, &err, NULL, "alerts", "check", "--routes", bad, NULL),
                     1);
    ck_assert_msg(strstr(err, "/receivers/0/alertmanager/url: \"http://127.0.0.1:9093/api/v2/"
                              "alerts\" must be Alertmanager's base URL") != NULL &&
                      strstr(err, "/receivers/0/alertmanager/resolve_timeout_hours: must be a "
                                  "whole number of hours from 25 to 720") != NULL,
                  "%s", err);
    free(out);
    free(err);

    /* the catalog's short name and a note on the plan's sentence (as 1.1 has one) */
    testlib_exec(conn, "UPDATE kpi.indicator SET short_name_vi = 'Dịch vụ công thiết yếu giải "
                       "quyết trực tuyến', note = '\"phần đầu\" là nguyên văn của kế hoạch (ý "
                       "là \"phấn đấu\")' WHERE id = '3.1'");
    /* night 1: 70 % of 3.1 ("trên 80 %") and 90 % of 4.1 ("từ 95 %") at the province */
    alertlib_cell(conn, "3.1", "19", "2025-09", 700, 1000, "breach", "101", "100");
    alertlib_cell(conn, "4.1", "19", "2025-09", 9000, 10000, "breach", "500", "100");
    KPI_OK(ci, "alerts", "--routes", routes, "--now", "2025-10-05 08:00+07");
    KPI_OK(ci, "alerts", "deliver", "--routes", routes);
    wait_listed("3.1", true);
    wait_listed("4.1", true);
    cJSON *list = am_alerts();
    const cJSON *a = alert_of(list, "3.1");
    ck_assert_str_eq(label(a, "alertname"), "KpiBreach");
    ck_assert_str_eq(label(a, "unit"), "19");
    ck_assert_str_eq(label(a, "period_kind"), "month");
    ck_assert_str_eq(label(a, "severity"), "warning");
    ck_assert_str_eq(label(a, "lead_unit"), "Các sở, ban, ngành"); /* the first of two */
    ck_assert_str_eq(label(a, "plan"), "KH 05/KH-UBND");
    ck_assert_str_eq(label(alert_of(list, "4.1"), "lead_unit"), "Sở Y tế");
    const cJSON *ann = cJSON_GetObjectItem(a, "annotations");
    const char *summary = cJSON_GetStringValue(cJSON_GetObjectItem(ann, "summary"));
    ck_assert_msg(summary && strncmp(summary,
                                     "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên đạt "
                                     "70,0 % (mục tiêu: trên 80 %)",
                                     strlen("Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên "
                                            "đạt 70,0 % (mục tiêu: trên 80 %)")) == 0,
                  "%s", summary);
    ck_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(ann, "value")), "70,0 %");
    ck_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(ann, "target")), "trên 80 %");
    /* the title by the short name; "Nội dung" the plan's sentence with the note beside it */
    ck_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(ann, "title")),
                     "Chỉ tiêu 3.1: Dịch vụ công thiết yếu giải quyết trực tuyến");
    ck_assert_msg(strstr(summary, " Nội dung: Tiếp nhận, giải quyết trực tuyến dịch vụ công thiết "
                                  "yếu Đề án 06 (ghi chú: \"phần đầu\" là nguyên văn của kế hoạch "
                                  "(ý là \"phấn đấu\")) (KH 05/KH-UBND (14/7/2025), Phụ lục, mục "
                                  "3.1).") != NULL,
                  "%s", summary);
    const char *en = cJSON_GetStringValue(cJSON_GetObjectItem(ann, "summary_en"));
    ck_assert_msg(en && strstr(en, "ghi chú") == NULL, "%s", en); /* English only */
    ck_assert_ptr_nonnull(cJSON_GetObjectItem(ann, "description"));
    /* startsAt is when kpi opened it; endsAt beyond the next night (48 h after posting) */
    ck_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(a, "startsAt")),
                     "2025-10-05T01:00:00.000Z");
    struct tm tm = {0};
    ck_assert_ptr_nonnull(
        strptime(cJSON_GetStringValue(cJSON_GetObjectItem(a, "endsAt")), "%Y-%m-%dT%H:%M:%S", &tm));
    double ahead = difftime(timegm(&tm), time(NULL));
    ck_assert_msg(ahead > 47 * 3600 && ahead <= 48 * 3600, "endsAt %.0f s ahead", ahead);
    cJSON_Delete(list);
    /* Alertmanager's own notification, to its receiver */
    wait_notified("firing", "3.1", 1);
    wait_notified("firing", "4.1", 1);

    /* night 2: 3.1 corrected to 90 %; 4.1 still firing is posted again, though no event */
    alertlib_cell(conn, "3.1", "19", "2025-09", 900, 1000, "met", NULL, "100");
    KPI_OK(ci, "alerts", "--routes", routes, "--now", "2025-10-06 08:00+07");
    char *v =
        testlib_value(conn, "SELECT string_agg(a ->> 'status' || ' ' || (a -> 'labels' ->> "
                            "'indicator'), ', ' ORDER BY a -> 'labels' ->> 'indicator') "
                            "FROM kpi.outbox o, jsonb_array_elements(o.payload -> 'alerts') a "
                            "WHERE o.id = (SELECT max(id) FROM kpi.outbox)");
    ck_assert_str_eq(v, "resolved 3.1, firing 4.1");
    free(v);
    KPI_OK(ci, "alerts", "deliver", "--routes", routes);
    wait_listed("3.1", false); /* resolved: no longer among the active */
    wait_notified("resolved", "3.1", 1);
    list = am_alerts();
    ck_assert_ptr_nonnull(alert_of(list, "4.1"));
    cJSON_Delete(list);

    /* a silence on 3.1 made with amtool; night 3: 3.1 breaches again, 3.2.a too */
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "%s --alertmanager.url=%s silence add indicator=3.1 --author=kpi-test "
             "--comment='tested' --duration=1h >/dev/null 2>&1",
             amtool, am_url);
    ck_assert_int_eq(system(cmd), 0);
    alertlib_cell(conn, "3.1", "19", "2025-09", 600, 1000, "breach", "201", "100");
    alertlib_cell(conn, "3.2.a", "19", "2025-09", 500, 1000, "breach", "500", "100");
    KPI_OK(ci, "alerts", "--routes", routes, "--now", "2025-10-07 08:00+07");
    KPI_OK(ci, "alerts", "deliver", "--routes", routes);
    /* kpi posted it: Alertmanager holds 3.1, silenced */
    wait_listed("3.1", true);
    list = am_alerts();
    const cJSON *st = cJSON_GetObjectItem(alert_of(list, "3.1"), "status");
    ck_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(st, "state")), "suppressed");
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(st, "silencedBy")), 1);
    cJSON_Delete(list);
    /* 3.2.a, posted with it and waiting the same 1 s, is notified; 3.1 is not */
    wait_notified("firing", "3.2.a", 1);
    ck_assert_int_eq(notifications("firing", "3.1"), 1);
    v = testlib_value(conn, "SELECT count(*) FILTER (WHERE ok) || ' ' || count(*) FROM "
                            "kpi.delivery");
    ck_assert_str_eq(v, "3 3");
    free(v);
    free(routes);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("alertmanager");
    TCase *tc = tcase_create("alertmanager");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, start_alertmanager, stop_alertmanager);
    tcase_add_test(tc, alertmanager_gets_fires_resolutions_and_silences);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
