/*
 * test_run.c — `kpi run` (engine/builtin/run.c) end to end against a real
 * PostgreSQL and a real HTTP receiver on 127.0.0.1: three nightly drops,
 * one run at a time, SIGKILL and SIGTERM in the middle of a run, backfill,
 * JSON logs.
 *
 * The data: every commune and ward of Thái Nguyên (fixtures/) reports
 * dvc_essential_total = 100 and dvc_essential_online = ONLINE for a month,
 * so indicator 3.1 ("trên 80 %") of the province is ONLINE % exactly.
 */
#include "alertlib.h"
#include "common/status.h"
#include "testlib.h"

#include <check.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static const char *db;
static char inbox[1024], routes[PATH_MAX];
static struct sink hook;

/* The commune codes of the bundled registry (parent 19). */
static char communes[200][16];
static int ncommunes;

static void load_communes(void)
{
    char *csv = testlib_read_file(testlib_path("fixtures/units_thai_nguyen.csv"));
    ncommunes = 0;
    for (char *line = strtok(csv, "\n"); line; line = strtok(NULL, "\n")) {
        char code[12], rest[256];
        if (sscanf(line, "%11[^,],%255s", code, rest) == 2 && strstr(line, ",19") &&
            (strstr(line, ",xa,") || strstr(line, ",phuong,")))
            snprintf(communes[ncommunes++], sizeof communes[0], "%s", code);
    }
    free(csv);
    ck_assert_int_eq(ncommunes, 92);
}

/* Write INBOX/NAME: every commune reports MONTH with ONLINE of 100 online. */
static void drop(const char *name, const char *month, int online, const char *extra)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", inbox, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("period,unit,metric,value\n", f);
    for (int i = 0; i < ncommunes; i++) {
        fprintf(f, "%s,%s,dvc_essential_total,100\n", month, communes[i]);
        fprintf(f, "%s,%s,dvc_essential_online,%d\n", month, communes[i], online);
    }
    if (extra)
        fputs(extra, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* A new database holding the schema, the catalog and the bundled unit registry. */
static const char *new_db(void)
{
    const char *conninfo = testlib_db_new();
    const char *migrate[] = {"--db", conninfo, "migrate", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, migrate), 0);
    const char *units[] = {
        "--db", conninfo, "units", "load", testlib_path("fixtures/units_thai_nguyen.csv"), NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, units), 0);
    return conninfo;
}

static void setup(void)
{
    db = new_db();
    load_communes();
    snprintf(inbox, sizeof inbox, "%s/inbox", testlib_tmpdir());
    ck_assert_int_eq(mkdir(inbox, 0755), 0);
    sink_http_start(&hook, 0, 200);
    char *text = testlib_read_file(testlib_path("tests/data/run/routes.json"));
    char *at = strstr(text, "@PORT@");
    ck_assert_ptr_nonnull(at);
    char port[8];
    snprintf(port, sizeof port, "%d", hook.port);
    char body[4096];
    snprintf(body, sizeof body, "%.*s%s%s", (int)(at - text), text, port, at + 6);
    free(text);
    snprintf(routes, sizeof routes, "%s", alertlib_file("routes.json", body));
}

static void teardown(void)
{
    sink_stop(&hook);
}

/* kpi run on the test inbox for DATE; *out and *err as testlib_kpi. */
static int run(const char *date, char **out, char **err, const char *extra)
{
    const char *args[] = {"--db", db,       "run", "--inbox", inbox, "--routes",
                          routes, "--date", date,  extra,     NULL};
    return testlib_kpi(out, err, NULL, args);
}

static char *q(const char *sql)
{
    PGconn *conn = testlib_connect(db);
    char *v = testlib_value(conn, sql);
    PQfinish(conn);
    ck_assert_msg(v != NULL, "no row: %s", sql);
    return v;
}

static void expect(const char *sql, const char *want)
{
    char *v = q(sql);
    ck_assert_msg(strcmp(v, want) == 0, "%s\n  got  \"%s\"\n  want \"%s\"", sql, v, want);
    free(v);
}

#define PROVINCE_31(month)                                                                         \
    "SELECT status || ' ' || numerator || '/' || denominator FROM kpi.indicator_value "            \
    "WHERE indicator_id = '3.1' AND unit_code = '19' AND period_kind = 'month' "                   \
    "AND period_start = '" month "-01'"

START_TEST(three_nightly_drops)
{
    char *out, *err;
    /* night 1: July at 70 %: a breach, alerted and delivered */
    drop("2025-08-01_dvc.csv", "2025-07", 70, NULL);
    ck_assert_int_eq(run("2025-08-01", &out, &err, NULL), KPI_OK);
    ck_assert_ptr_nonnull(strstr(out, "run 1 succeeded"));
    ck_assert_ptr_nonnull(strstr(out, "files 1 accepted"));
    expect(PROVINCE_31("2025-07"), "breach 6440/9200");
    expect("SELECT state || ' ' || severity FROM kpi.alert WHERE indicator_id = '3.1' "
           "AND unit_code = '19' AND period_kind = 'month'",
           "firing warning");
    expect("SELECT status || ' ' || (finished_at IS NOT NULL) || ' ' || jsonb_array_length(stages) "
           "FROM kpi.run WHERE id = 1",
           "succeeded true 6");
    expect("SELECT string_agg(stage || ':' || status, ',' ORDER BY ord) FROM kpi.run_stage "
           "WHERE run_id = 1",
           "migrate:ok,ingest:ok,compute:ok,alerts:ok,deliver:ok,report:skipped");
    expect("SELECT counts ->> 'files_accepted' FROM kpi.run_stage WHERE run_id = 1 AND stage = "
           "'ingest'",
           "1");
    char *got = sink_read(&hook);
    ck_assert_int_eq(sink_count(got, "\n=== END\n"), 1);
    ck_assert_msg(strstr(got, "\"alertname\": \"KpiBreach\"") != NULL, "webhook got: %.2000s", got);
    free(got);
    free(out);
    free(err);
    char moved[PATH_MAX];
    snprintf(moved, sizeof moved, "%s/processed/2025-08-01_dvc.csv", inbox);
    ck_assert_int_eq(access(moved, F_OK), 0);

    /* night 2: August at 90 %: met, the alert resolves */
    drop("2025-09-01_dvc.csv", "2025-08", 90, NULL);
    ck_assert_int_eq(run("2025-09-01", &out, &err, NULL), KPI_OK);
    ck_assert_ptr_nonnull(strstr(out, "run 2 succeeded"));
    expect(PROVINCE_31("2025-08"), "met 8280/9200");
    expect("SELECT state FROM kpi.alert WHERE indicator_id = '3.1' AND unit_code = '19' "
           "AND period_kind = 'month'",
           "resolved");
    got = sink_read(&hook);
    ck_assert_int_eq(sink_count(got, "\n=== END\n"), 2);
    free(got);
    free(out);
    free(err);

    /* night 3: a correction of July to 85 % and a row for an unknown commune:
     * the run is partial (exit 3), the bad row is kept with its reason, July
     * is restated, the old value kept in the history */
    drop("2025-09-02_dvc.csv", "2025-07", 85, "2025-08,99999,dvc_essential_total,5\n");
    ck_assert_int_eq(run("2025-09-02", &out, &err, NULL), KPI_REJECTED);
    ck_assert_ptr_nonnull(strstr(out, "run 3 partial"));
    ck_assert_ptr_nonnull(strstr(err, "99999"));
    expect(PROVINCE_31("2025-07"), "met 7820/9200");
    expect("SELECT count(*) FROM kpi.indicator_value_history WHERE indicator_id = '3.1' AND "
           "unit_code = '19' AND period_kind = 'month' AND period_start = '2025-07-01' "
           "AND status = 'breach'",
           "1");
    expect("SELECT count(*) FROM kpi.rejected_row WHERE raw LIKE '%99999%'", "1");
    expect("SELECT string_agg(e.period_start || ' ' || e.previous_status || '->' || e.status, ',') "
           "FROM kpi.alert_event e JOIN kpi.alert a ON a.id = e.alert_id "
           "WHERE e.event = 'restate' AND a.unit_code = '19' AND a.indicator_id = '3.1'",
           "2025-07-01 breach->met");
    expect("SELECT string_agg(status, ',' ORDER BY id) FROM kpi.run",
           "succeeded,succeeded,partial");
    free(out);
    free(err);

    /* night 4: nothing new: a no-op that still succeeds */
    ck_assert_int_eq(run("2025-09-03", &out, NULL, NULL), KPI_OK);
    ck_assert_ptr_nonnull(strstr(out, "files 0 accepted"));
    free(out);
}
END_TEST

/* Wait until a session waits for a lock on TABLE (a run is blocked there). */
static void wait_blocked_on(PGconn *conn, const char *table)
{
    const char *params[] = {table};
    for (int i = 0; i < 600; i++) {
        PGresult *res = PQexecParams(conn,
                                     "SELECT count(*) FROM pg_locks WHERE NOT granted "
                                     "AND relation = $1::regclass",
                                     1, NULL, params, NULL, NULL, 0);
        ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
        int n = atoi(PQgetvalue(res, 0, 0));
        PQclear(res);
        if (n > 0)
            return;
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    ck_abort_msg("no session ever waited for %s", table);
}

/* Start `kpi run` for DATE in the background; its pid. stdout/err to files in DIR. */
static pid_t run_async(const char *date, const char *extra, const char *dir)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char o[PATH_MAX], e[PATH_MAX];
        snprintf(o, sizeof o, "%s/out", dir);
        snprintf(e, sizeof e, "%s/err", dir);
        if (!freopen(o, "w", stdout) || !freopen(e, "w", stderr))
            _exit(127);
        const char *bin = getenv("KPI_BIN");
        execl(bin, bin, "--db", db, "run", "--inbox", inbox, "--routes", routes, "--date", date,
              "--no-deliver", extra, (char *)NULL);
        _exit(127);
    }
    return pid;
}

static int wait_exit(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

START_TEST(one_run_at_a_time)
{
    drop("2025-08-01_dvc.csv", "2025-07", 70, NULL);
    PGconn *blocker = testlib_connect(db);
    /* hold the unit registry so that run A stops inside its ingest stage */
    testlib_exec(blocker, "BEGIN");
    testlib_exec(blocker, "LOCK TABLE kpi.unit IN ACCESS EXCLUSIVE MODE");
    const char *dir_a = testlib_tmpdir();
    pid_t a = run_async("2025-08-01", NULL, dir_a);
    wait_blocked_on(blocker, "kpi.unit");

    /* run B: exits at once with 4, naming the run in progress */
    char *err;
    ck_assert_int_eq(run("2025-08-01", NULL, &err, "--no-deliver"), KPI_LOCKED);
    char *id = q("SELECT id || ', started ' || to_char(started_at, 'HH24:MI') FROM kpi.run "
                 "WHERE status = 'running'");
    char want[128];
    snprintf(want, sizeof want, "another run (id %s) is in progress", id);
    ck_assert_msg(strstr(err, want) != NULL, "stderr: %s\nwant: %s", err, want);
    free(id);
    free(err);

    /* run C waits for A instead, then proceeds */
    const char *dir_c = testlib_tmpdir();
    pid_t c = run_async("2025-08-01", "--wait=120", dir_c);
    struct timespec ts = {0, 300 * 1000 * 1000};
    nanosleep(&ts, NULL);
    testlib_exec(blocker, "COMMIT");
    PQfinish(blocker);
    ck_assert_int_eq(wait_exit(a), KPI_OK);
    ck_assert_int_eq(wait_exit(c), KPI_OK);
    expect("SELECT string_agg(status, ',' ORDER BY id) FROM kpi.run", "succeeded,succeeded");
    /* C found A's file already ingested and archived: nothing twice */
    expect("SELECT counts ->> 'files_accepted' FROM kpi.run_stage WHERE run_id = 2 AND stage = "
           "'ingest'",
           "0");
    expect("SELECT count(*) FROM kpi.submission", "1");
}
END_TEST

/* The computed cells, as one comparable text (without times and run ids). */
static char *cells(const char *conninfo)
{
    PGconn *conn = testlib_connect(conninfo);
    char *v = testlib_value(conn, "SELECT md5(string_agg(concat_ws('|', indicator_id, unit_code, "
                                  "period_kind, period_start, period_end, numerator, denominator, "
                                  "ratio_pct, status, reason, gap_count, completeness_pct), "
                                  "E'\\n' ORDER BY indicator_id, unit_code, period_kind, "
                                  "period_end)) || ' ' || count(*) FROM kpi.indicator_value");
    PQfinish(conn);
    return v;
}

START_TEST(sigkill_during_compute_then_rerun_completes)
{
    drop("2025-08-01_dvc.csv", "2025-07", 70, NULL);
    drop("2025-08-01_dvc2.csv", "2025-06", 82, NULL);
    /* the same drop, uninterrupted, in a second database */
    const char *db_killed = db;

    PGconn *blocker = testlib_connect(db);
    testlib_exec(blocker, "BEGIN");
    testlib_exec(blocker, "LOCK TABLE kpi.indicator_value IN ACCESS EXCLUSIVE MODE");
    pid_t a = run_async("2025-08-01", NULL, testlib_tmpdir());
    wait_blocked_on(blocker, "kpi.indicator_value");
    expect("SELECT stages -> -1 ->> 'stage' FROM kpi.run WHERE status = 'running'", "ingest");
    ck_assert_int_eq(kill(a, SIGKILL), 0);
    ck_assert_int_eq(wait_exit(a), 128 + SIGKILL);
    testlib_exec(blocker, "COMMIT");
    PQfinish(blocker);
    /* nothing half-computed: the compute transaction died with the run */
    expect("SELECT count(*) FROM kpi.indicator_value", "0");

    char *out;
    ck_assert_int_eq(run("2025-08-01", &out, NULL, "--wait=120"), KPI_OK);
    ck_assert_ptr_nonnull(strstr(out, "succeeded"));
    free(out);
    expect("SELECT string_agg(status || ':' || coalesce(error LIKE '%died%', false), ',' "
           "ORDER BY id) FROM kpi.run",
           "failed:true,succeeded:false");
    char *after_kill = cells(db_killed);

    /* the uninterrupted twin */
    db = new_db();
    snprintf(inbox, sizeof inbox, "%s/inbox", testlib_tmpdir());
    ck_assert_int_eq(mkdir(inbox, 0755), 0);
    drop("2025-08-01_dvc.csv", "2025-07", 70, NULL);
    drop("2025-08-01_dvc2.csv", "2025-06", 82, NULL);
    ck_assert_int_eq(run("2025-08-01", NULL, NULL, "--no-deliver"), KPI_OK);
    char *twin = cells(db);
    ck_assert_str_eq(after_kill, twin);
    ck_assert_int_gt(atoi(strchr(twin, ' ') + 1), 1000);
    free(after_kill);
    free(twin);
}
END_TEST

START_TEST(sigterm_rolls_back_and_logs_interrupted)
{
    drop("2025-08-01_dvc.csv", "2025-07", 70, NULL);
    PGconn *blocker = testlib_connect(db);
    testlib_exec(blocker, "BEGIN");
    testlib_exec(blocker, "LOCK TABLE kpi.indicator_value IN ACCESS EXCLUSIVE MODE");
    const char *dir = testlib_tmpdir();
    pid_t a = run_async("2025-08-01", NULL, dir);
    wait_blocked_on(blocker, "kpi.indicator_value");
    ck_assert_int_eq(kill(a, SIGTERM), 0);
    ck_assert_int_eq(wait_exit(a), KPI_ERROR);
    testlib_exec(blocker, "COMMIT");
    PQfinish(blocker);
    expect("SELECT status || ' ' || (error LIKE 'interrupted by signal 15 during stage compute%') "
           "FROM kpi.run",
           "interrupted true");
    expect("SELECT count(*) FROM kpi.indicator_value", "0");
    /* the ingest before it had committed and stays */
    expect("SELECT count(*) FROM kpi.submission WHERE status = 'accepted'", "1");
}
END_TEST

START_TEST(backfill_equals_night_by_night)
{
    const char *months[] = {"2025-05", "2025-06", "2025-07"};
    const int online[] = {60, 81, 80};
    for (int i = 0; i < 3; i++) {
        char name[64], date[16];
        snprintf(name, sizeof name, "%s-28_dvc.csv", months[i]);
        snprintf(date, sizeof date, "%s-28", months[i]);
        drop(name, months[i], online[i], NULL);
        ck_assert_int_eq(run(date, NULL, NULL, "--no-deliver"), KPI_OK);
    }
    char *nightly = cells(db);

    db = new_db();
    snprintf(inbox, sizeof inbox, "%s/inbox", testlib_tmpdir());
    ck_assert_int_eq(mkdir(inbox, 0755), 0);
    for (int i = 0; i < 3; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s-28_dvc.csv", months[i]);
        drop(name, months[i], online[i], NULL);
    }
    char *out;
    ck_assert_int_eq(run("2025-07-28", &out, NULL, "--no-deliver"), KPI_OK);
    ck_assert_ptr_nonnull(strstr(out, "files 3 accepted"));
    free(out);
    char *backfill = cells(db);
    ck_assert_str_eq(nightly, backfill);
    expect(PROVINCE_31("2025-07"), "breach 7360/9200"); /* exactly 80 %: "trên 80 %" fails */
    free(nightly);
    free(backfill);
}
END_TEST

START_TEST(json_log_lines)
{
    drop("2025-08-01_dvc.csv", "2025-07", 70, NULL);
    char *err;
    ck_assert_int_eq(run("2025-08-01", NULL, &err, "--log-format=json"), KPI_OK);
    int lines = 0, stages = 0;
    for (char *line = strtok(err, "\n"); line; line = strtok(NULL, "\n")) {
        lines++;
        ck_assert_msg(line[0] == '{' && line[strlen(line) - 1] == '}', "not JSON: %s", line);
        ck_assert_ptr_nonnull(strstr(line, "\"time\":\"20"));
        ck_assert_ptr_nonnull(strstr(line, "+07:00\""));
        ck_assert_ptr_nonnull(strstr(line, "\"level\":"));
        if (strstr(line, "\"counts\":{") && strstr(line, "\"stage\":\"ingest\"") &&
            strstr(line, "\"files_accepted\":1"))
            stages++;
    }
    ck_assert_int_gt(lines, 3);
    ck_assert_int_eq(stages, 1);
    free(err);
    const char *bad[] = {"--db", db, "run", "--log-format", "xml", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, bad), KPI_USAGE);
    ck_assert_ptr_nonnull(strstr(err, "--log-format is text or json"));
    free(err);
}
END_TEST

START_TEST(help_documents_exit_status)
{
    char *out;
    const char *args[] = {"run", "--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, args), 0);
    ck_assert_ptr_nonnull(strstr(out, "exit status: 0 success; 3"));
    ck_assert_ptr_nonnull(strstr(out, "4 another run"));
    free(out);
    const char *runs[] = {"--db", db, "runs", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, runs), 0);
    ck_assert_ptr_nonnull(strstr(out, "status"));
    free(out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("run");
    TCase *tc = tcase_create("run");
    tcase_set_timeout(tc, 600);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, three_nightly_drops);
    tcase_add_test(tc, one_run_at_a_time);
    tcase_add_test(tc, sigkill_during_compute_then_rerun_completes);
    tcase_add_test(tc, sigterm_rolls_back_and_logs_interrupted);
    tcase_add_test(tc, backfill_equals_night_by_night);
    tcase_add_test(tc, json_log_lines);
    tcase_add_test(tc, help_documents_exit_status);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
