/*
 * test_template.c — `kpi template`: the form a unit fills, written by
 * libxlsxwriter, read back by openpyxl (rows, codes as text, data validation,
 * protection, comments) and by LibreOffice headless (one soffice call for
 * every form: converted to CSV, the rows as a spreadsheet program reads
 * them); filled, saved by LibreOffice and read back by kpi ingest into
 * kpi.observation; refused for an unknown unit, a bad period and a kind of unit that
 * sends nothing. The database holds the shipped catalog (kpi migrate) and the
 * units of fixtures/units_thai_nguyen.csv.
 */
#include "officelib.h"
#include "testlib.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A migrated database with the shipped catalog and the province's units. */
static const char *catalog_db(void)
{
    const char *db = testlib_db_new();
    const char *migrate[] = {"--db", db, "migrate", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, migrate), 0);
    const char *load[] = {
        "--db", db, "units", "load", testlib_path("fixtures/units_thai_nguyen.csv"), NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, load), 0);
    return db;
}

/* kpi template ... ; exits WANT; its stderr (malloc'd). */
static char *template(const char *db, int want, const char *unit, const char *period,
                      const char *agency, const char *out)
{
    const char *args[16];
    int n = 0;
    args[n++] = "--db", args[n++] = db, args[n++] = "template";
    args[n++] = "--unit", args[n++] = unit, args[n++] = "--period", args[n++] = period;
    if (agency != NULL)
        args[n++] = "--agency", args[n++] = agency;
    args[n++] = "--out", args[n++] = out, args[n] = NULL;
    char *err = NULL;
    int st = testlib_kpi(NULL, &err, NULL, args);
    ck_assert_msg(st == want, "kpi template --unit %s exited %d (want %d): %s", unit, st, want,
                  err);
    return err;
}

/* How many lines TEXT has. */
static int lines(const char *text)
{
    int n = 0;
    for (const char *p = text; *p; p++)
        n += *p == '\n';
    return n;
}

/*
 * The metrics of the shipped catalog (indicators/metrics.json, reported_by):
 * a ward (phuong) sends the 39 metrics of ["xa","phuong","dac_khu"] (1.1 and
 * 1.2 among them: every commune's tasks) and the 2 of
 * ["xa","phuong","dac_khu","province"]: 41 rows; a hospital the 2 of
 * ["hospital"] (hospital_emr, hospital_total).
 */
START_TEST(forms_read_back_by_openpyxl_and_libreoffice)
{
    const char *db = catalog_db();
    char dir[PATH_MAX], ward[PATH_MAX + 32], hospital[PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    snprintf(ward, sizeof ward, "%s/05533-2025-09.xlsx", dir);
    snprintf(hospital, sizeof hospital, "%s/01840-BV1-2025-09.xlsx", dir);
    free(template(db, 0, "05533", "2025-09", NULL, ward));
    free(template(db, 0, "01840-BV1", "2025-09", "Sở Y tế", hospital));

    /* the ward's form: header, 41 rows, codes as text cells */
    cJSON *book = officelib_xlsx(ward, false);
    const cJSON *form = officelib_sheet(book, "Biểu mẫu");
    ck_assert_ptr_nonnull(form);
    ck_assert_ptr_nonnull(officelib_sheet(book, "Hướng dẫn"));
    /* the first sheet is the form (kpi ingest reads the first sheet) */
    ck_assert_str_eq(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(book, "sheets"), 0), "name")
            ->valuestring,
        "Biểu mẫu");
    static const char *const head[] = {"period",       "unit",           "metric",
                                       "value",        "note",           "[Tên chỉ số]",
                                       "[Đơn vị đếm]", "[Loại số liệu]", "[Tên đơn vị]"};
    for (int c = 0; c < 9; c++) {
        char ref[8];
        snprintf(ref, sizeof ref, "%c1", 'A' + c);
        ck_assert_str_eq(officelib_text(form, ref), head[c]);
        ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(officelib_cell(form, ref), "locked")));
    }
    ck_assert_int_eq(cJSON_GetObjectItem(form, "max_row")->valueint, 1 + 41);
    PGconn *conn = testlib_connect(db);
    PGresult *res = PQexec(conn, "SELECT code, name_vi, noun_vi FROM kpi.metric WHERE 'phuong' "
                                 "= ANY (reported_by) ORDER BY code");
    ck_assert_int_eq(PQntuples(res), 41);
    for (int i = 0; i < PQntuples(res); i++) {
        char a[16], b[16], c[16], d[16], f[16], g[16], h[16];
        snprintf(a, sizeof a, "A%d", i + 2), snprintf(b, sizeof b, "B%d", i + 2);
        snprintf(c, sizeof c, "C%d", i + 2), snprintf(d, sizeof d, "D%d", i + 2);
        snprintf(f, sizeof f, "F%d", i + 2), snprintf(g, sizeof g, "G%d", i + 2);
        snprintf(h, sizeof h, "I%d", i + 2);
        ck_assert_str_eq(officelib_text(form, a), "2025-09");
        ck_assert_str_eq(officelib_text(form, b), "05533"); /* a string, its zero kept */
        ck_assert_str_eq(cJSON_GetObjectItem(officelib_cell(form, b), "format")->valuestring, "@");
        ck_assert_str_eq(officelib_text(form, c), PQgetvalue(res, i, 0));
        ck_assert_str_eq(officelib_text(form, f), PQgetvalue(res, i, 1));
        ck_assert_str_eq(officelib_text(form, g), PQgetvalue(res, i, 2));
        ck_assert_str_eq(officelib_text(form, h), "Phường Bá Xuyên");
        /* locked: the codes; unlocked: the period, the value (blank) and the note */
        ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(officelib_cell(form, b), "locked")));
        ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(officelib_cell(form, c), "locked")));
        ck_assert(cJSON_IsFalse(cJSON_GetObjectItem(officelib_cell(form, a), "locked")));
        ck_assert(cJSON_IsFalse(cJSON_GetObjectItem(officelib_cell(form, d), "locked")));
        ck_assert(cJSON_IsNull(cJSON_GetObjectItem(officelib_cell(form, d), "value")));
    }
    PQclear(res);
    PQfinish(conn);
    /* protection on; the validations: whole >= 0 on D2:D42, the month or a day of
     * September 2025 (1..30) not after today on A2:A42 */
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(form, "protected")));
    const cJSON *v = cJSON_GetObjectItem(form, "validations");
    ck_assert_int_eq(cJSON_GetArraySize(v), 2);
    const cJSON *whole = cJSON_GetArrayItem(v, 0), *date = cJSON_GetArrayItem(v, 1);
    ck_assert_str_eq(cJSON_GetObjectItem(whole, "type")->valuestring, "whole");
    ck_assert_str_eq(cJSON_GetObjectItem(whole, "operator")->valuestring, "greaterThanOrEqual");
    ck_assert_str_eq(cJSON_GetObjectItem(whole, "formula1")->valuestring, "0");
    ck_assert_str_eq(cJSON_GetObjectItem(whole, "sqref")->valuestring, "D2:D42");
    ck_assert_str_eq(cJSON_GetObjectItem(date, "type")->valuestring, "custom");
    ck_assert_str_eq(cJSON_GetObjectItem(date, "sqref")->valuestring, "A2:A42");
    ck_assert_str_eq(cJSON_GetObjectItem(date, "formula1")->valuestring,
                     "OR(A2=\"2025-09\",AND(ISNUMBER(A2),A2>=DATE(2025,9,1),"
                     "A2<=MIN(DATE(2025,9,30),TODAY())))");
    /* the clerk's notes on the engine's header cells, in Vietnamese */
    const cJSON *comments = cJSON_GetObjectItem(form, "comments");
    ck_assert_ptr_nonnull(strstr(cJSON_GetObjectItem(comments, "D1")->valuestring, "số nguyên"));
    /* the guide under the national heading */
    const cJSON *guide = officelib_sheet(book, "Hướng dẫn");
    ck_assert_str_eq(officelib_text(guide, "A1"), "UBND TỈNH THÁI NGUYÊN");
    ck_assert_str_eq(officelib_text(guide, "B1"), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    ck_assert_str_eq(officelib_text(guide, "B2"), "Độc lập - Tự do - Hạnh phúc");
    cJSON_Delete(book);

    /* the hospital's form: 2 rows, with the agency column (locked) */
    book = officelib_xlsx(hospital, false);
    form = officelib_sheet(book, "Biểu mẫu");
    ck_assert_int_eq(cJSON_GetObjectItem(form, "max_row")->valueint, 3);
    ck_assert_str_eq(officelib_text(form, "E1"), "agency");
    ck_assert_str_eq(officelib_text(form, "F1"), "note");
    ck_assert_str_eq(officelib_text(form, "B2"), "01840-BV1");
    ck_assert_str_eq(officelib_text(form, "C2"), "hospital_emr");
    ck_assert_str_eq(officelib_text(form, "C3"), "hospital_total");
    ck_assert_str_eq(officelib_text(form, "E3"), "Sở Y tế");
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(officelib_cell(form, "E3"), "locked")));
    ck_assert_str_eq(cJSON_GetObjectItem(
                         cJSON_GetArrayItem(cJSON_GetObjectItem(form, "validations"), 0), "sqref")
                         ->valuestring,
                     "D2:D3");
    cJSON_Delete(book);

    /* LibreOffice opens both (one call): the first sheet as CSV, a row per metric, the
     * ward's code with its zero */
    char out[PATH_MAX + 16];
    snprintf(out, sizeof out, "%s/lo", dir);
    mkdir(out, 0755);
    const char *files[] = {ward, hospital, NULL};
    officelib_soffice(out, "csv:Text - txt - csv (StarCalc):44,34,76", NULL, files);
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/05533-2025-09.csv", out);
    char *csv = testlib_read_file(path);
    ck_assert_int_eq(lines(csv), 1 + 41);
    ck_assert_msg(strncmp(csv, "period,unit,metric,value,note,", 30) == 0, "header: %.80s", csv);
    ck_assert_ptr_nonnull(strstr(csv, "\n2025-09,05533,dvc_essential_online,,,"));
    free(csv);
    snprintf(path, sizeof path, "%s/01840-BV1-2025-09.csv", out);
    csv = testlib_read_file(path);
    ck_assert_int_eq(lines(csv), 3);
    ck_assert_ptr_nonnull(strstr(csv, "\n2025-09,01840-BV1,hospital_total,,Sở Y tế,,"));
    free(csv);
}
END_TEST

/*
 * The round trip: kpi template writes the hospital's form; openpyxl fills its two value cells
 * (D2 hospital_emr 1, D3 hospital_total 1: the hospital keeps electronic records); LibreOffice
 * opens it and saves it again, as the clerk's spreadsheet program does; kpi ingest takes the
 * saved file as it is, the label columns in brackets passed over: both values are in
 * kpi.observation as month values of September 2025, and nothing is rejected.
 */
START_TEST(filled_form_goes_back_through_ingest)
{
    const char *db = catalog_db();
    char dir[PATH_MAX], form[PATH_MAX + 32], filled[PATH_MAX + 32], out[PATH_MAX + 16];
    char saved[PATH_MAX + 64];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    snprintf(form, sizeof form, "%s/form.xlsx", dir);
    free(template(db, 0, "01840-BV1", "2025-09", "Sở Y tế", form));
    snprintf(filled, sizeof filled, "%s/so_y_te.xlsx", dir);
    char *const fill[] = {"/usr/bin/python3",
                          "-c",
                          "import openpyxl, sys\n"
                          "wb = openpyxl.load_workbook(sys.argv[1])\n"
                          "ws = wb['Biểu mẫu']\n"
                          "ws['D2'] = 1\n"
                          "ws['D3'] = 1\n"
                          "wb.save(sys.argv[2])\n",
                          form,
                          filled,
                          NULL};
    ck_assert_int_eq(officelib_run(fill, NULL), 0);
    snprintf(out, sizeof out, "%s/lo", dir);
    mkdir(out, 0755);
    const char *files[] = {filled, NULL};
    officelib_soffice(out, "xlsx:Calc MS Excel 2007 XML", NULL, files);
    snprintf(saved, sizeof saved, "%s/so_y_te.xlsx", out);
    const char *ingest[] = {"--db", db, "ingest", saved, NULL};
    char *err = NULL;
    int st = testlib_kpi(NULL, &err, NULL, ingest);
    ck_assert_msg(st == 0, "kpi ingest of the saved form exited %d: %s", st, err);
    free(err);
    PGconn *conn = testlib_connect(db);
    char *got = testlib_value(conn, "SELECT string_agg(metric || '=' || value || ' ' || "
                                    "period_start || ' ' || grain, ', ' ORDER BY metric) "
                                    "FROM kpi.observation WHERE unit_code = '01840-BV1'");
    ck_assert_str_eq(got, "hospital_emr=1 2025-09-01 month, hospital_total=1 2025-09-01 month");
    free(got);
    got = testlib_value(conn, "SELECT rows_accepted || ' ' || rows_rejected FROM kpi.submission");
    ck_assert_str_eq(got, "2 0");
    free(got);
    PQfinish(conn);
}
END_TEST

START_TEST(refused_without_a_form_to_write)
{
    const char *db = catalog_db();
    char out[PATH_MAX + 32];
    snprintf(out, sizeof out, "%s/form.xlsx", testlib_tmpdir());
    struct stat sb;
    char *err = template(db, 2, "99999", "2025-09", NULL, out);
    ck_assert_ptr_nonnull(strstr(err, "unknown unit \"99999\""));
    free(err);
    free(template(db, 2, "05533", "2025-13", NULL, out));
    free(template(db, 2, "05533", "09/2025", NULL, out));
    /* a kind of unit that no metric names in reported_by: nothing to fill */
    PGconn *conn = testlib_connect(db);
    testlib_exec(conn, "INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES "
                       "('05533-CA', 'Công an phường Bá Xuyên', 'police', '05533')");
    PQfinish(conn);
    err = template(db, 3, "05533-CA", "2025-09", NULL, out);
    ck_assert_ptr_nonnull(strstr(err, "kind \"police\""));
    free(err);
    ck_assert_int_ne(stat(out, &sb), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("template");
    TCase *tc = tcase_create("template");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, forms_read_back_by_openpyxl_and_libreoffice);
    tcase_add_test(tc, filled_form_goes_back_through_ingest);
    tcase_add_test(tc, refused_without_a_form_to_write);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
