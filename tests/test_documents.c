/*
 * test_documents.c — the documents kpi writes for people outside it: `kpi
 * report --format pdf` (headless Chromium; opened by poppler-utils' pdfinfo
 * and pdftoppm; a clear message and no file without Chromium), `kpi report
 * --format xlsx` (the Decree 30/2020 heading on every sheet, the headline
 * figures the same strings as the HTML report, the exact ratio a number; read
 * back by openpyxl), and `kpi show --format xlsx` and `--format csv --excel`
 * (read back by openpyxl and by LibreOffice in Vietnamese: 05533 stays text,
 * 73,8 is a number). One soffice call for the program.
 */
#include "db/migrate.h"
#include "officelib.h"
#include "reportlib.h"
#include "testlib.h"

#include <check.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const quoc_hieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
static const char *const tieu_ngu = "Độc lập - Tự do - Hạnh phúc";

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* kpi ARGS with extra environment ENV; asserts it exits WANT; its stderr (malloc'd). */
static char *kpi(int want, const char *const *env, const char *const *args)
{
    char *err = NULL;
    int st = testlib_kpi(NULL, &err, env, args);
    ck_assert_msg(st == want, "kpi %s %s exited %d (want %d): %s", args[2], args[3], st, want, err);
    return err;
}

START_TEST(report_pdf_opens_in_poppler_and_needs_chromium)
{
    const char *db = reportlib_fixture_db();
    char dir[PATH_MAX], pdf[PATH_MAX + 32], info[PATH_MAX + 32], png[PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    snprintf(pdf, sizeof pdf, "%s/bao-cao.pdf", dir);
    const char *args[] = {"--db",     db,    "report", "--period", "2025-09",
                          "--format", "pdf", "--out",  pdf,        NULL};
    /* without Chromium: what to install, and no file */
    const char *none[] = {"PATH=/nonexistent", "KPI_CHROMIUM=", NULL};
    char *err = kpi(1, none, args);
    ck_assert_msg(strstr(err, "chromium is not installed") != NULL, "stderr: %s", err);
    free(err);
    const char *wrong[] = {"KPI_CHROMIUM=/nonexistent/chromium", NULL};
    err = kpi(1, wrong, args);
    ck_assert_msg(strstr(err, "KPI_CHROMIUM=\"/nonexistent/chromium\" is not an executable") !=
                      NULL,
                  "stderr: %s", err);
    free(err);
    ck_assert(!exists(pdf));

    /* with it: a PDF on A4 pages, at most 4 (test_report_browser's bound), that pdftoppm
     * draws */
    free(kpi(0, NULL, args));
    char *head = testlib_read_file(pdf);
    ck_assert_int_eq(strncmp(head, "%PDF-", 5), 0);
    free(head);
    snprintf(info, sizeof info, "%s/info.txt", dir);
    char *pdfinfo[] = {"pdfinfo", pdf, NULL};
    ck_assert_int_eq(officelib_run(pdfinfo, info), 0);
    char *text = testlib_read_file(info);
    const char *pages = strstr(text, "\nPages:");
    ck_assert_ptr_nonnull(pages);
    int n = atoi(pages + 7);
    ck_assert_msg(n >= 1 && n <= 4, "%d pages", n);
    ck_assert_msg(strstr(text, "(A4)") != NULL, "pdfinfo: %s", text);
    free(text);
    snprintf(png, sizeof png, "%s/page", dir);
    char *ppm[] = {"pdftoppm", "-png", "-r",          "30", "-f", "1",
                   "-l",       "1",    "-singlefile", pdf,  png,  NULL};
    ck_assert_int_eq(officelib_run(ppm, NULL), 0);
    snprintf(png, sizeof png, "%s/page.png", dir);
    char *image = testlib_read_file(png);
    ck_assert_int_eq(memcmp(image, "\x89PNG\r\n\x1a\n", 8), 0);
    free(image);
}
END_TEST

/* The text of HTML unescaped (report/svg.c svg_escape's five), in place. */
static char *unescape(char *s)
{
    static const char *const from[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
    static const char to[] = "&<>\"'";
    char *o = s;
    for (const char *p = s; *p;) {
        size_t k = 0;
        while (k < 5 && strncmp(p, from[k], strlen(from[k])) != 0)
            k++;
        if (k < 5) {
            *o++ = to[k];
            p += strlen(from[k]);
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return s;
}

/* The text of the Nth <td> of ROW up to its first "<br>" or its end, unescaped, with the
 * spans of a status pill dropped ("✗ không đạt"); malloc'd. */
static char *td(const char *row, int nth)
{
    const char *p = row;
    for (int i = 0; i <= nth; i++) {
        p = strstr(p + 1, "<td");
        ck_assert_ptr_nonnull(p);
    }
    p = strchr(p, '>') + 1;
    const char *end = strstr(p, "</td>"), *br = strstr(p, "<br>");
    if (br != NULL && br < end)
        end = br;
    char *out = malloc((size_t)(end - p) + 1), *o = out;
    ck_assert_ptr_nonnull(out);
    for (const char *q = p; q < end; q++) {
        if (*q == '<') { /* a tag: dropped */
            while (q < end && *q != '>')
                q++;
            continue;
        }
        *o++ = *q;
    }
    *o = '\0';
    return unescape(out);
}

START_TEST(report_xlsx_is_a_bieu_mau_with_the_html_figures)
{
    const char *db = reportlib_fixture_db();
    char dir[PATH_MAX], html[PATH_MAX + 32], xlsx[PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    snprintf(html, sizeof html, "%s/bao-cao.html", dir);
    snprintf(xlsx, sizeof xlsx, "%s/bieu-mau.xlsx", dir);
    const char *a1[] = {"--db", db, "report", "--period", "2025-09", "--out", html, NULL};
    free(kpi(0, NULL, a1));
    /* the format from the extension of --out */
    const char *a2[] = {"--db", db, "report", "--period", "2025-09", "--out", xlsx, NULL};
    free(kpi(0, NULL, a2));
    char *page = testlib_read_file(html);
    cJSON *book = officelib_xlsx(xlsx, false);

    /* one sheet per section, each under the national heading */
    static const char *const sheets[] = {"1. Tổng hợp", "2. Diễn biến", "3. Xếp hạng",
                                         "4. Số liệu thiếu", "5. Nhiệm vụ"};
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(book, "sheets")), 5);
    for (int k = 0; k < 5; k++) {
        const cJSON *s = officelib_sheet(book, sheets[k]);
        ck_assert_msg(s != NULL, "no sheet %s", sheets[k]);
        ck_assert_str_eq(officelib_text(s, "A1"), "UBND TỈNH THÁI NGUYÊN");
        ck_assert_msg(strncmp(officelib_text(s, "A3"), "Số:", 4) == 0 &&
                          strstr(officelib_text(s, "A3"), "/BC-UBND") != NULL,
                      "%s", officelib_text(s, "A3"));
        ck_assert_str_eq(officelib_text(s, "A5"), "BÁO CÁO");
        int qh = 0, tn = 0, date = 0;
        const cJSON *c;
        cJSON_ArrayForEach(c, cJSON_GetObjectItem(s, "cells"))
        {
            const cJSON *v = cJSON_GetObjectItem(c, "value");
            if (!cJSON_IsString(v))
                continue;
            qh += strcmp(v->valuestring, quoc_hieu) == 0;
            tn += strcmp(v->valuestring, tieu_ngu) == 0;
            date += strncmp(v->valuestring, "Thái Nguyên, ngày ", 21) == 0 &&
                    strstr(v->valuestring, " tháng ") && strstr(v->valuestring, " năm 20");
        }
        ck_assert_msg(qh == 1 && tn == 1 && date == 1, "%s: Quốc hiệu %d, tiêu ngữ %d, date %d",
                      sheets[k], qh, tn, date);
    }

    /* the headline: a row per indicator, the words of the HTML report's cells */
    const cJSON *s = officelib_sheet(book, sheets[0]);
    int first = 0;
    for (int r = 1; r < 40 && first == 0; r++) {
        char ref[16];
        snprintf(ref, sizeof ref, "A%d", r);
        if (officelib_text(s, ref) != NULL && strcmp(officelib_text(s, ref), "Mã") == 0)
            first = r + 1;
    }
    ck_assert_int_gt(first, 0);
    ck_assert_str_eq(officelib_text(s, "C10"), "Giá trị");
    PGconn *conn = testlib_connect(db);
    char *count = testlib_value(conn, "SELECT count(DISTINCT id) FROM kpi.indicator");
    int rows = 0, compared = 0;
    for (int r = first;; r++, rows++) {
        char ref[16];
        snprintf(ref, sizeof ref, "A%d", r);
        const char *id = officelib_text(s, ref);
        if (id == NULL || strchr(id, ' ') != NULL) /* the notes under the table */
            break;
        char start[64];
        snprintf(start, sizeof start, "<tr id=\"ind-%s\"", id);
        char *row = reportlib_element(page, start, "</tr>");
        ck_assert_msg(row != NULL, "no HTML row of %s", id);
        static const struct {
            char col;
            int td;
        } same[] = {{'C', 2}, {'G', 3}, {'J', 4}, {'K', 5}};
        for (size_t k = 0; k < sizeof same / sizeof same[0]; k++) {
            snprintf(ref, sizeof ref, "%c%d", same[k].col, r);
            char *want = td(row, same[k].td);
            ck_assert_msg(officelib_text(s, ref) != NULL, "%s empty", ref);
            ck_assert_msg(strcmp(officelib_text(s, ref), want) == 0,
                          "%s (%s): \"%s\" vs HTML \"%s\"", ref, id, officelib_text(s, ref), want);
            free(want);
            compared++;
        }
        free(row);
        /* 3.1 of the province, September 2025: 11890 / 15000 = 79.2666… %, the number
         * 0.792666… beside its words "79,2 %" */
        if (strcmp(id, "3.1") == 0) {
            char *ratio = testlib_value(conn, "SELECT ratio_pct FROM kpi.indicator_value WHERE "
                                              "indicator_id = '3.1' AND unit_code = '19' AND "
                                              "period_kind = 'report_month' AND period_end = "
                                              "'2025-09-14'");
            snprintf(ref, sizeof ref, "D%d", r);
            const cJSON *cell = officelib_cell(s, ref);
            ck_assert_str_eq(cJSON_GetObjectItem(cell, "type")->valuestring, "n");
            ck_assert_str_eq(cJSON_GetObjectItem(cell, "format")->valuestring, "0.0%");
            ck_assert_double_eq_tol(cJSON_GetObjectItem(cell, "value")->valuedouble,
                                    strtod(ratio, NULL) / 100, 1e-12);
            snprintf(ref, sizeof ref, "C%d", r);
            ck_assert_str_eq(officelib_text(s, ref), "79,2 %");
            snprintf(ref, sizeof ref, "E%d", r);
            ck_assert_double_eq(cJSON_GetObjectItem(officelib_cell(s, ref), "value")->valuedouble,
                                11890);
            free(ratio);
        }
    }
    ck_assert_int_eq(rows, atoi(count));
    ck_assert_int_eq(compared, 4 * rows);
    free(count);
    PQfinish(conn);
    cJSON_Delete(book);
    free(page);
}
END_TEST

/*
 * compute_world (tests/data/compute_world.sql) and the ward 05533 of
 * province P: March 2025, 738 of 1000 essential services online = 73.8 %,
 * under its target (> 80 %): "73,8 %", a breach.
 */
START_TEST(show_xlsx_and_excel_csv_keep_codes_as_text)
{
    const char *db = testlib_db_new();
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    char *sql = testlib_read_file(testlib_path("tests/data/compute_world.sql"));
    testlib_exec(conn, sql);
    free(sql);
    testlib_exec(conn, "INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES "
                       "('05533', 'Phường Bá Xuyên', 'phuong', 'P')");
    testlib_exec(conn, "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, "
                       "value, submission_id, line_no) VALUES "
                       "('dvc_essential_online', '05533', '2025-03-01', 'month', 738, 1, 2), "
                       "('dvc_essential_total', '05533', '2025-03-01', 'month', 1000, 1, 3)");
    PQfinish(conn);
    const char *compute[] = {"--db", db, "compute", NULL};
    free(kpi(0, NULL, compute));

    char dir[PATH_MAX], csv[PATH_MAX + 32], xlsx[PATH_MAX + 32], lo[PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    snprintf(csv, sizeof csv, "%s/chi-tieu.csv", dir);
    snprintf(xlsx, sizeof xlsx, "%s/chi-tieu.xlsx", dir);
    snprintf(lo, sizeof lo, "%s/lo", dir);
    mkdir(lo, 0755);
    const char *excel[] = {"--db",     db,        "show",     "3.1", "--unit",  "05533",
                           "--period", "2025-03", "--format", "csv", "--excel", NULL};
    char *out = NULL;
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, excel), 0);
    /* the bytes: a BOM, ';', the code as ="05533", ',' decimals, the value's words as text */
    ck_assert_int_eq(memcmp(out, "\xEF\xBB\xBFindicator_id;indicator_name_vi;", 34), 0);
    ck_assert_msg(strstr(out, "\n=\"3.1\";") != NULL, "%s", out);
    ck_assert_msg(strstr(out, ";=\"05533\";Phường Bá Xuyên;") != NULL, "%s", out);
    ck_assert_msg(strstr(out, ";738;1000;73,8") != NULL, "%s", out);
    ck_assert_msg(strstr(out, ";=\"73,8 %\";") != NULL, "%s", out);
    testlib_write_file(csv, out, strlen(out));
    free(out);
    const char *book_args[] = {"--db",  db,         "show",    "3.1",      "--unit",
                               "05533", "--period", "2025-03", "--format", "xlsx",
                               "--out", xlsx,       NULL};
    free(kpi(0, NULL, book_args));
    const char *usage[] = {"--db", db, "show", "--excel", NULL};
    free(kpi(2, NULL, usage));

    /* LibreOffice in Vietnamese reads the CSV (';', UTF-8, language vi-VN, 1066) */
    const char *files[] = {csv, NULL};
    officelib_soffice(lo, "xlsx", "CSV:59,34,76,1,,1066", files);
    char back[PATH_MAX + 64];
    snprintf(back, sizeof back, "%s/chi-tieu.xlsx", lo);
    cJSON *book = officelib_xlsx(back, true);
    const cJSON *s = cJSON_GetArrayItem(cJSON_GetObjectItem(book, "sheets"), 0);
    /* row 2: A indicator_id, D unit_code, E unit_name, J numerator, L ratio_pct, Y value_text */
    ck_assert_str_eq(officelib_text(s, "A1"), "indicator_id");
    ck_assert_str_eq(officelib_text(s, "D1"), "unit_code");
    ck_assert_str_eq(officelib_text(s, "E2"), "Phường Bá Xuyên"); /* UTF-8 read as such */
    ck_assert_str_eq(officelib_text(s, "A2"), "3.1");             /* not a date */
    ck_assert_str_eq(officelib_text(s, "D2"), "05533");           /* text, its zero kept */
    const cJSON *ratio = officelib_cell(s, "L2");
    ck_assert_str_eq(cJSON_GetObjectItem(ratio, "type")->valuestring, "n"); /* a number */
    ck_assert_double_eq_tol(cJSON_GetObjectItem(ratio, "value")->valuedouble, 73.8, 1e-9);
    ck_assert_double_eq(cJSON_GetObjectItem(officelib_cell(s, "J2"), "value")->valuedouble, 738);
    ck_assert_str_eq(officelib_text(s, "Y2"), "73,8 %");
    cJSON_Delete(book);

    /* the engine's workbook: the same cells typed by the engine */
    book = officelib_xlsx(xlsx, false);
    s = cJSON_GetArrayItem(cJSON_GetObjectItem(book, "sheets"), 0);
    ck_assert_str_eq(officelib_text(s, "A2"), "3.1");
    ck_assert_str_eq(officelib_text(s, "D2"), "05533");
    ck_assert_str_eq(cJSON_GetObjectItem(officelib_cell(s, "D2"), "format")->valuestring, "@");
    ck_assert_str_eq(cJSON_GetObjectItem(officelib_cell(s, "L2"), "type")->valuestring, "n");
    ck_assert_double_eq_tol(cJSON_GetObjectItem(officelib_cell(s, "L2"), "value")->valuedouble,
                            73.8, 1e-9);
    ck_assert_str_eq(cJSON_GetObjectItem(officelib_cell(s, "I2"), "type")->valuestring, "d");
    ck_assert_str_eq(officelib_text(s, "I2"), "2025-03-31");
    ck_assert_str_eq(officelib_text(s, "Y2"), "73,8 %");
    ck_assert_str_eq(officelib_text(s, "P2"), "breach");
    cJSON_Delete(book);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("documents");
    TCase *tc = tcase_create("documents");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, report_pdf_opens_in_poppler_and_needs_chromium);
    tcase_add_test(tc, report_xlsx_is_a_bieu_mau_with_the_html_figures);
    tcase_add_test(tc, show_xlsx_and_excel_csv_keep_codes_as_text);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
