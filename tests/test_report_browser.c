/*
 * test_report_browser.c — the leaders' report as a browser shows it: the
 * report of the hand-made data (tests/data/report/) rendered by headless
 * Chromium (Debian's chromium; $KPI_CHROMIUM overrides; run by the engine's
 * report/pdf.c, as kpi report --format pdf runs it), its DOM checked
 * for every indicator in the headline table and a target line in each
 * chart, a screenshot and an A4 PDF kept as test artefacts under
 * $KPI_TEST_ARTEFACTS (build/test-artefacts/report.{html,dom.html,png,pdf});
 * and the report of the demo's December 2025 (scripts/demo's data and nightly
 * run) printed on at most 4 A4 pages, counted by pdfinfo (poppler-utils),
 * by kpi report --format pdf, kept as build/test-artefacts/demo-report.{html,
 * pdf,png} and its first page drawn by pdftoppm as demo-report-page1.png
 * (docs/report.png is that screenshot, docs/report-page1.png that page).
 */
#include "report/pdf.h"
#include "report/report.h"
#include "reportlib.h"
#include "common/status.h"
#include "testlib.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char artefacts[PATH_MAX];

/* The artefact folder (created), and PATH inside it. */
static const char *artefact(const char *name)
{
    static char path[PATH_MAX + 64];
    const char *dir = getenv("KPI_TEST_ARTEFACTS");
    snprintf(artefacts, sizeof artefacts, "%s", dir && *dir ? dir : testlib_tmpdir());
    mkdir(artefacts, 0755);
    snprintf(path, sizeof path, "%s/%s", artefacts, name);
    return path;
}

/*
 * Run headless Chromium on HTML with the extra argument ACTION, through the
 * engine's runner (report/pdf.h, as kpi report --format pdf does); its stdout
 * goes to OUT_PATH (may be NULL: discarded), its stderr to the artefact
 * chromium.log. Returns its exit status.
 */
static int chromium(const char *html, const char *action, const char *out_path)
{
    char log[PATH_MAX + 64], bin[PATH_MAX];
    snprintf(log, sizeof log, "%s", artefact("chromium.log"));
    ck_assert_msg(pdf_chromium_find(bin, sizeof bin) == KPI_OK,
                  "no chromium (install Debian's chromium: scripts/setup does)");
    int code;
    ck_assert_int_eq(pdf_chromium_run(html, action, out_path, log, &code), KPI_OK);
    return code;
}

/* Run ARGV (NULL-terminated) with stdout to OUT_PATH (NULL: /dev/null); its exit status. */
static int run(char *const argv[], const char *out_path)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path ? out_path : "/dev/null",
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    ck_assert_msg(rc == 0, "could not run %s: %s", argv[0], strerror(rc));
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* The number of pages of the PDF at PATH, as pdfinfo (poppler-utils) reads it. */
static int pdf_pages(const char *path)
{
    char out[PATH_MAX + 16];
    snprintf(out, sizeof out, "%s.info", path);
    char *argv[] = {"pdfinfo", (char *)path, NULL};
    ck_assert_msg(run(argv, out) == 0, "pdfinfo %s failed (scripts/setup installs poppler-utils)",
                  path);
    char *info = testlib_read_file(out);
    const char *p = strstr(info, "\nPages:");
    ck_assert_ptr_nonnull(p);
    int pages = atoi(p + 7);
    free(info);
    return pages;
}

static long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

/* The report of the fixture, written as an artefact; returns its absolute path. */
static const char *fixture_report(PGconn **conn_out)
{
    static char path[PATH_MAX + 64];
    const char *db = reportlib_fixture_db();
    PGconn *conn = testlib_connect(db);
    snprintf(path, sizeof path, "%s", artefact("report.html"));
    struct report_options opt = {.period = "2025-09", .kind = "report_month"};
    ck_assert_int_eq(report_write(conn, &opt, path), KPI_OK);
    char *abs = realpath(path, NULL);
    ck_assert_ptr_nonnull(abs);
    snprintf(path, sizeof path, "%s", abs);
    free(abs);
    *conn_out = conn;
    return path;
}

START_TEST(dom_holds_every_indicator_and_a_target_line_per_chart)
{
    PGconn *conn;
    const char *html = fixture_report(&conn);
    char dom_path[PATH_MAX + 64];
    snprintf(dom_path, sizeof dom_path, "%s", artefact("report.dom.html"));
    ck_assert_int_eq(chromium(html, "--dump-dom", dom_path), 0);
    char *dom = testlib_read_file(dom_path);
    ck_assert_msg(strstr(dom, "</html>") != NULL, "chromium dumped no DOM (see chromium.log)");

    /* the headline table holds a row for every indicator of the catalog */
    char *table = reportlib_element(dom, "<table id=\"headline\">", "</table>");
    ck_assert_ptr_nonnull(table);
    PGresult *res = PQexec(conn, "SELECT DISTINCT id FROM kpi.indicator");
    ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
    ck_assert_int_gt(PQntuples(res), 0);
    for (int i = 0; i < PQntuples(res); i++) {
        char needle[64];
        snprintf(needle, sizeof needle, "<tr id=\"ind-%s\"", PQgetvalue(res, i, 0));
        ck_assert_msg(reportlib_count(table, needle) == 1, "headline row of %s",
                      PQgetvalue(res, i, 0));
    }
    ck_assert_int_eq(reportlib_count(table, "<tr id=\"ind-"), PQntuples(res));
    PQclear(res);

    /* a chart for every indicator with a target not on target (breach, at risk), each with
     * its target line */
    res = PQexec(conn, "SELECT DISTINCT i.id FROM kpi.indicator i JOIN kpi.indicator_value v "
                       "ON v.indicator_id = i.id WHERE i.target_pct IS NOT NULL AND i.kind <> "
                       "'task' AND v.unit_code = '19' AND v.period_kind = 'report_month' AND "
                       "v.period_end = '2025-09-14' AND v.status IN ('breach', 'at_risk')");
    ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
    for (int i = 0; i < PQntuples(res); i++) {
        char start[64];
        snprintf(start, sizeof start, "<figure class=\"chart-box\" data-id=\"%s\"",
                 PQgetvalue(res, i, 0));
        char *fig = reportlib_element(dom, start, "</figure>");
        ck_assert_msg(fig != NULL, "no chart of %s", PQgetvalue(res, i, 0));
        ck_assert_int_eq(reportlib_count(fig, "<svg"), 1);
        ck_assert_msg(reportlib_count(fig, "<line class=\"target-line\"") == 1,
                      "chart of %s has no target line", PQgetvalue(res, i, 0));
        free(fig);
    }
    ck_assert_int_eq(reportlib_count(dom, "class=\"chart line-chart\""), PQntuples(res));
    ck_assert_int_eq(reportlib_count(dom, "<figure class=\"chart-box\""), PQntuples(res));
    PQclear(res);
    /* the DOM parsed the Vietnamese text as UTF-8 */
    ck_assert(strstr(dom, "Tiến độ thực hiện Đề án 06 — Tỉnh Thái Nguyên") != NULL);
    free(table);
    free(dom);
    PQfinish(conn);
}
END_TEST

START_TEST(screenshot_and_a4_pdf_are_kept_as_artefacts)
{
    PGconn *conn;
    const char *html = fixture_report(&conn);
    PQfinish(conn);
    char arg[PATH_MAX + 128];
    snprintf(arg, sizeof arg, "--screenshot=%s", artefact("report.png"));
    ck_assert_int_eq(chromium(html, arg, NULL), 0);
    char *png = testlib_read_file(artefact("report.png"));
    ck_assert_int_eq(memcmp(png, "\x89PNG\r\n\x1a\n", 8), 0);
    /* IHDR: width and height, big-endian, at bytes 16..23 */
    const unsigned char *u = (const unsigned char *)png;
    ck_assert_int_eq((u[16] << 24) | (u[17] << 16) | (u[18] << 8) | u[19], 1240);
    ck_assert_int_eq((u[20] << 24) | (u[21] << 16) | (u[22] << 8) | u[23], 1754);
    ck_assert_int_gt(file_size(artefact("report.png")), 20000);
    free(png);

    snprintf(arg, sizeof arg, "--print-to-pdf=%s", artefact("report.pdf"));
    ck_assert_int_eq(chromium(html, arg, NULL), 0);
    char *pdf = testlib_read_file(artefact("report.pdf"));
    size_t len = (size_t)file_size(artefact("report.pdf")); /* binary: search with memmem */
    ck_assert_int_eq(strncmp(pdf, "%PDF-", 5), 0);
    /* every page A4 portrait (595 x 842 pt), one section after another on its own pages */
    const char *mb = memmem(pdf, len, "/MediaBox [", 11);
    ck_assert_ptr_nonnull(mb);
    double x0, y0, w, h;
    ck_assert_int_eq(sscanf(mb, "/MediaBox [%lf %lf %lf %lf]", &x0, &y0, &w, &h), 4);
    ck_assert_msg(w > 594 && w < 596 && h > 841 && h < 843, "page %.2f x %.2f pt is not A4", w, h);
    ck_assert_int_le(pdf_pages(artefact("report.pdf")), 4);
    free(pdf);
}
END_TEST

/*
 * The leaders' report fits a desk: the demo's data (scripts/demo: the
 * registry, fixtures/tools/make_submissions.py's year 2025, the nightly run
 * of 15/12/2025) gives the province's monthly report of December 2025; printed
 * to A4 by Chromium it has at most 4 pages. The short names of the catalog
 * (short_name_vi) are what keep the headline table to its page and a half:
 * without them (a catalog from before they came) the plan's whole sentences
 * fill the rows, and only the rest of the layout is held to its pages.
 */
START_TEST(demo_december_report_fits_four_a4_pages)
{
    const char *db = testlib_db_new();
    char subs[PATH_MAX], inbox[PATH_MAX], reports[PATH_MAX], html[PATH_MAX + 64];
    snprintf(subs, sizeof subs, "%s", testlib_tmpdir());
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    snprintf(reports, sizeof reports, "%s", testlib_tmpdir());
    const char *migrate[] = {"--db", db, "migrate", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, migrate), 0);
    char units[PATH_MAX], tool[PATH_MAX], routes[PATH_MAX];
    snprintf(units, sizeof units, "%s", testlib_path("fixtures/units_thai_nguyen.csv"));
    snprintf(tool, sizeof tool, "%s", testlib_path("fixtures/tools/make_submissions.py"));
    snprintf(routes, sizeof routes, "%s", testlib_path("contrib/routes.example.json"));
    const char *load[] = {"--db", db, "units", "load", units, NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, load), 0);
    char *gen[] = {"python3", tool, subs, NULL};
    ck_assert_int_eq(run(gen, NULL), 0);
    /* night 1 of the demo: the year's files (2025-*) arrive */
    DIR *dir = opendir(subs);
    ck_assert_ptr_nonnull(dir);
    int files = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        if (strncmp(e->d_name, "2025-", 5) != 0)
            continue;
        char from[PATH_MAX * 2], to[PATH_MAX * 2];
        snprintf(from, sizeof from, "%s/%s", subs, e->d_name);
        snprintf(to, sizeof to, "%s/%s", inbox, e->d_name);
        /* copied, not linked: the inbox takes only files of one link (issue 23) */
        char *data = testlib_read_file(from);
        testlib_write_file(to, data, strlen(data));
        free(data);
        files++;
    }
    closedir(dir);
    ck_assert_int_gt(files, 0);
    const char *night[] = {
        "--db",         db,      "run",    "--inbox",    inbox, "--routes", routes, "--no-deliver",
        "--report-dir", reports, "--date", "2025-12-15", NULL};
    int st = testlib_kpi(NULL, NULL, NULL, night);
    ck_assert_msg(st == 0 || st == 3, "kpi run exited %d", st); /* 3: data findings */
    snprintf(html, sizeof html, "%s/report_month-2025-12.html", reports);
    char *page = testlib_read_file(html);
    testlib_write_file(artefact("demo-report.html"), page, strlen(page));
    ck_assert_ptr_null(strstr(page, "đang chạy"));
    free(page);
    char *abs = realpath(artefact("demo-report.html"), NULL);
    ck_assert_ptr_nonnull(abs);

    /* the PDF as kpi report --format pdf prints it, and its first page as pdftoppm draws it
     * (docs/report-page1.png is that page) */
    char pdf[PATH_MAX + 64], page1[PATH_MAX + 64];
    snprintf(pdf, sizeof pdf, "%s", artefact("demo-report.pdf"));
    const char *print[] = {"--db",     db,    "report", "--period", "2025-12",
                           "--format", "pdf", "--out",  pdf,        NULL};
    char *err = NULL;
    st = testlib_kpi(NULL, &err, NULL, print);
    ck_assert_msg(st == 0, "kpi report --format pdf exited %d: %s", st, err);
    free(err);
    int pages = pdf_pages(pdf);
    snprintf(page1, sizeof page1, "%s", artefact("demo-report-page1"));
    char *ppm[] = {"pdftoppm", "-png", "-r",          "60", "-f",  "1",
                   "-l",       "1",    "-singlefile", pdf,  page1, NULL};
    ck_assert_int_eq(run(ppm, NULL), 0);
    ck_assert_int_gt(file_size(artefact("demo-report-page1.png")), 20000);

    char arg[PATH_MAX + 128];
    snprintf(arg, sizeof arg, "--screenshot=%s", artefact("demo-report.png"));
    ck_assert_int_eq(chromium(abs, arg, NULL), 0);
    ck_assert_int_gt(file_size(artefact("demo-report.png")), 20000);
    free(abs);

    PGconn *conn = testlib_connect(db);
    char *short_names = testlib_value(conn, "SELECT count(*) FROM information_schema.columns "
                                            "WHERE table_schema = 'kpi' AND table_name = "
                                            "'indicator' AND column_name = 'short_name_vi'");
    bool have_short = strcmp(short_names, "0") != 0;
    free(short_names);
    PQfinish(conn);
    if (have_short)
        /* issue 16: at most 4 pages, with issue 17's 38 items, their deadline windows and the
         * lagging communes of 1.1 (the lead unit under each name, the window's dates written
         * once, two rankings side by side) */
        ck_assert_msg(pages <= 4, "the demo's December report has %d A4 pages (at most 4)", pages);
    else
        ck_assert_msg(pages <= 8,
                      "the demo's December report has %d A4 pages (at most 8 while the catalog "
                      "has no short names; 4 with them)",
                      pages);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report_browser");
    TCase *tc = tcase_create("report_browser");
    tcase_set_timeout(tc, 1500);
    tcase_add_test(tc, dom_holds_every_indicator_and_a_target_line_per_chart);
    tcase_add_test(tc, screenshot_and_a4_pdf_are_kept_as_artefacts);
    tcase_add_test(tc, demo_december_report_fits_four_a4_pages);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
