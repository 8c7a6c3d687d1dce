/*
 * test_xlsx.c — Excel submissions (engine/ingest/xlsx.c through reader.c,
 * rowcheck.c, load.c and inbox.c; issue 20, items 1 and 3, and the wide
 * layout of item 2) against a real PostgreSQL, with .xlsx files written by a
 * real spreadsheet program: LibreOffice converts the CSVs and the flat ODS
 * of tests/data/xlsx/ once for the whole program (one soffice call, its own
 * profile under the test's tmp dir; column B imported as text, as a clerk
 * formats a code column). Typed dates and numbers land in kpi.observation;
 * a code that lost its leading zero is refused naming SHEET!CELL with the
 * CSV hint; a named sheet; a damaged zip and a shared-strings bomb (built
 * here with libzip) are refused whole; an .ods and a .pdf dropped in the
 * inbox go to rejected/ with what to send instead; locale vi; the wide
 * layout.
 */
#include "testlib.h"

#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

static char out_dir[PATH_MAX]; /* the .xlsx files LibreOffice wrote, made once */
static char env_db[4200];
static const char *env[4];

static const char *const inputs[] = {"typed.csv",     "lost_zero.csv", "wide.csv",
                                     "wide_typo.csv", "vi_dates.csv",  "two_sheets.fods"};

/* One soffice call for every input (the unchecked fixture: once, before the tests fork). */
static void convert_all(void)
{
    char base[PATH_MAX], profile[PATH_MAX + 32];
    snprintf(base, sizeof base, "%s/xlsx-XXXXXX",
             getenv("KPI_TEST_TMP") ? getenv("KPI_TEST_TMP") : "/tmp");
    mkdir(getenv("KPI_TEST_TMP") ? getenv("KPI_TEST_TMP") : "/tmp", 0755);
    if (mkdtemp(base) == NULL) {
        perror("mkdtemp");
        exit(1);
    }
    snprintf(out_dir, sizeof out_dir, "%.4000s/out", base);
    snprintf(profile, sizeof profile, "-env:UserInstallation=file://%.4000s/profile", base);
    const char *argv[32] = {"soffice", profile, "--headless", "--norestore",
                            /* comma, quote, UTF-8, from line 1, column 2 as text */
                            "--infilter=CSV:44,34,76,1,1/1/2/2/3/1/4/1", "--convert-to", "xlsx",
                            "--outdir", out_dir};
    int n = 9;
    static char paths[6][PATH_MAX];
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        snprintf(paths[i], PATH_MAX, "%s", testlib_path("tests/data/xlsx"));
        strncat(paths[i], "/", PATH_MAX - strlen(paths[i]) - 1);
        strncat(paths[i], inputs[i], PATH_MAX - strlen(paths[i]) - 1);
        argv[n++] = paths[i];
    }
    argv[n] = NULL;
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execv("/usr/bin/soffice", (char *const *)argv);
        _exit(127);
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        fprintf(stderr, "test_xlsx: soffice failed (libreoffice-calc-nogui installed?)\n");
        exit(1);
    }
}

/* OUT_DIR/NAME.xlsx (static storage, four alive at once). */
static const char *xlsx(const char *name)
{
    static char p[4][2 * PATH_MAX];
    static int next;
    char *s = p[next++ % 4];
    snprintf(s, 2 * PATH_MAX, "%s/%s.xlsx", out_dir, name);
    return s;
}

static PGconn *setup(void)
{
    const char *e;
    PGconn *conn = testlib_fixture(testlib_db_new(), &e);
    snprintf(env_db, sizeof env_db, "%s", e);
    env[0] = env_db;
    env[1] = NULL;
    return conn;
}

/* Run kpi with the NULL-terminated arguments (and EXTRA, an environment string or NULL). */
static int kpi(char **err, const char *extra, ...)
{
    const char *args[16];
    int n = 0;
    va_list ap;
    va_start(ap, extra);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && n < 15)
        args[n++] = a;
    va_end(ap);
    args[n] = NULL;
    env[1] = extra;
    env[2] = NULL;
    int rc = testlib_kpi(NULL, err, env, args);
    env[1] = NULL;
    return rc;
}

static void assert_value(PGconn *conn, const char *sql, const char *expect)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, expect) == 0, "%s\n got: %s\nwant: %s", sql,
                  v ? v : "(no row)", expect);
    free(v);
}

static void assert_has(const char *text, const char *part)
{
    ck_assert_msg(strstr(text, part) != NULL, "missing \"%s\" in:\n%s", part, text);
}

static const char observations[] = "SELECT string_agg(metric || ' ' || unit_code || ' ' || "
                                   "period_start || ' ' || grain || ' ' || value || ' @' || "
                                   "line_no, '; ' ORDER BY metric, unit_code, period_start)"
                                   " FROM kpi.observation";

START_TEST(typed_dates_and_numbers_land_in_observation)
{
    PGconn *conn = setup();
    char *err;
    /* LibreOffice typed 2025-07-30 as a date cell (serial 45868, format yyyy-mm-dd),
     * 18250 as a number, the codes as text (column B) and "2025-06" as text */
    ck_assert_int_eq(kpi(&err, NULL, "ingest", xlsx("typed"), NULL), 0);
    assert_has(err, "typed.xlsx: accepted: 3 rows accepted (3 new");
    assert_value(conn, observations,
                 "citizen_14plus 01843 2025-07-31 day 1204 @3; "
                 "citizen_14plus 01849 2025-07-30 day 18250 @2; "
                 "dvc_essential_total 01840 2025-06-01 month 75 @4");
    free(err);
    PQfinish(conn);
}
END_TEST

START_TEST(a_code_that_lost_its_zero_is_named_by_its_cell)
{
    PGconn *conn = setup();
    char *err;
    /* column A (unit) was imported as a number: 01849 became 1849; D3 is 12.5 */
    ck_assert_int_eq(kpi(&err, NULL, "ingest", xlsx("lost_zero"), NULL), 3);
    assert_has(err, "lost_zero.xlsx:lost_zero!A2: unit \"1849\" is not registered; did you mean "
                    "\"01849\"? (a spreadsheet may have dropped the leading zero");
    assert_has(err, "lost_zero.xlsx:lost_zero!A3: unit \"1843\" is not registered");
    assert_has(err, "lost_zero.xlsx:lost_zero!D3: value \"12.5\" has decimals");
    /* two rows, three problems: each row counted once */
    assert_value(conn,
                 "SELECT status || ' ' || rows_rejected || ' ' || rows_rejected_unstored"
                 " FROM kpi.submission",
                 "rejected 2 0");
    assert_value(conn,
                 "SELECT string_agg(line_no || ' ' || column_name, ', ' ORDER BY line_no,"
                 " column_name) FROM kpi.rejected_row",
                 "2 unit, 3 unit, 3 value");
    assert_value(conn, "SELECT count(*) FROM kpi.observation", "0");
    free(err);
    PQfinish(conn);
}
END_TEST

START_TEST(a_named_sheet_is_read)
{
    PGconn *conn = setup();
    char *err;
    /* the first sheet is instructions: read by default, refused */
    ck_assert_int_eq(kpi(&err, NULL, "ingest", xlsx("two_sheets"), NULL), 3);
    assert_has(err, "two_sheets.xlsx:'Hướng dẫn'!A1: unknown column");
    free(err);
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--sheet", "nope", xlsx("two_sheets"), NULL), 3);
    assert_has(err,
               "the workbook has no sheet \"nope\"; its sheets are \"Hướng dẫn\", \"Số liệu\"");
    free(err);
    /* the date cells are shown dd/mm/yyyy: still dates */
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--sheet", "Số liệu", xlsx("two_sheets"), NULL), 0);
    assert_value(conn, observations,
                 "citizen_14plus 01843 2025-07-16 day 1204 @3; "
                 "citizen_14plus 01849 2025-07-15 day 18250 @2");
    free(err);
    PQfinish(conn);
}
END_TEST

/* Copy the members of SRC into a new zip DEST, REPLACE's content (LEN bytes) for member NAME. */
static void rezip(const char *src, const char *dest, const char *name, const char *replace,
                  size_t len)
{
    int e;
    zip_t *in = zip_open(src, ZIP_RDONLY, &e), *out = zip_open(dest, ZIP_CREATE | ZIP_TRUNCATE, &e);
    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(out);
    for (zip_int64_t i = 0; i < zip_get_num_entries(in, 0); i++) {
        const char *n = zip_get_name(in, (zip_uint64_t)i, 0);
        zip_source_t *s = strcmp(n, name) == 0 ? zip_source_buffer(out, replace, len, 0)
                                               : zip_source_zip(out, in, (zip_uint64_t)i, 0, 0, -1);
        ck_assert_ptr_nonnull(s);
        ck_assert_int_ge(zip_file_add(out, n, s, ZIP_FL_OVERWRITE), 0);
    }
    ck_assert_msg(zip_close(out) == 0, "zip_close: %s", zip_strerror(out));
    zip_discard(in);
}

START_TEST(a_damaged_zip_and_a_strings_bomb_are_refused_whole)
{
    PGconn *conn = setup();
    char *err, path[PATH_MAX], dir[2048];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir()); /* static storage: testlib_kpi reuses it */
    /* damaged: the real workbook with 200 bytes in its middle overwritten */
    char *good = testlib_read_file(xlsx("typed"));
    struct stat st;
    ck_assert_int_eq(stat(xlsx("typed"), &st), 0);
    memset(good + st.st_size / 2, 'x', 200);
    snprintf(path, sizeof path, "%.4000s/damaged.xlsx", dir);
    testlib_write_file(path, good, (size_t)st.st_size);
    free(good);
    ck_assert_int_eq(kpi(&err, NULL, "ingest", path, NULL), 3);
    assert_has(err, "damaged.xlsx:");
    assert_has(err, "the workbook is damaged: xl/worksheets/sheet1.xml cannot be unpacked");
    assert_has(err, "save it again");
    assert_has(err, "file rejected, nothing loaded");
    free(err);
    /* a bomb: 4 MB of shared strings (a few KB zipped) against a 1 MB cap */
    size_t big = 4 * 1024 * 1024;
    char *sst = malloc(big + 256);
    ck_assert_ptr_nonnull(sst);
    int n = sprintf(sst, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                         "main\"><si><t>");
    memset(sst + n, 'x', big);
    strcpy(sst + n + big, "</t></si></sst>");
    snprintf(path, sizeof path, "%.4000s/bomb.xlsx", dir);
    rezip(xlsx("typed"), path, "xl/sharedStrings.xml", sst, strlen(sst));
    ck_assert_int_lt(stat(path, &st), 1);
    ck_assert_int_lt(st.st_size, 64 * 1024);
    ck_assert_int_eq(kpi(&err, "KPI_MAX_XLSX_STRINGS_BYTES=1M", "ingest", path, NULL), 3);
    assert_has(err, "bomb.xlsx: xl/sharedStrings.xml is 4194");
    assert_has(err, "bytes uncompressed, more than the limit of 1048576; the file is refused "
                    "(a zip bomb?)");
    free(err);
    free(sst);
    assert_value(conn, "SELECT string_agg(status, ' ' ORDER BY id) FROM kpi.submission",
                 "rejected rejected");
    assert_value(conn, "SELECT count(*) FROM kpi.observation", "0");
    PQfinish(conn);
}
END_TEST

START_TEST(other_kinds_in_the_inbox_go_to_rejected_with_what_to_send)
{
    PGconn *conn = setup();
    char *err, path[PATH_MAX], archive[PATH_MAX];
    char inbox[PATH_MAX];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    snprintf(archive, sizeof archive, "%s", testlib_tmpdir());
    /* an OpenDocument spreadsheet (a zip whose mimetype says so), a PDF, and a good workbook */
    snprintf(path, sizeof path, "%.4000s/so_y_te.ods", inbox);
    int e;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
    static const char mime[] = "application/vnd.oasis.opendocument.spreadsheet";
    ck_assert_int_ge(zip_file_add(z, "mimetype", zip_source_buffer(z, mime, strlen(mime), 0), 0),
                     0);
    ck_assert_int_eq(zip_close(z), 0);
    snprintf(path, sizeof path, "%.4000s/bao_cao.pdf", inbox);
    testlib_write_file(path, "%PDF-1.4\n%\xe2\xe3\n", 12);
    char *good = testlib_read_file(xlsx("typed"));
    struct stat st;
    ck_assert_int_eq(stat(xlsx("typed"), &st), 0);
    snprintf(path, sizeof path, "%.4000s/typed.xlsx", inbox);
    testlib_write_file(path, good, (size_t)st.st_size);
    free(good);
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--archive", archive, inbox, NULL), 3);
    assert_has(err, "bao_cao.pdf: the file is a PDF document, not a table kpi reads; send the "
                    "data as .xlsx or .csv");
    assert_has(err, "so_y_te.ods: the file is an OpenDocument spreadsheet (.ods), not a table kpi "
                    "reads; send .xlsx or .csv: save it in LibreOffice/Excel as 'Excel 2007-365 "
                    "(.xlsx)'");
    assert_has(err, "typed.xlsx: accepted");
    free(err);
    char *s;
    snprintf(path, sizeof path, "%.4000s/rejected/so_y_te.ods", archive);
    ck_assert_int_eq(stat(path, &st), 0);
    snprintf(path, sizeof path, "%.4000s/rejected/bao_cao.pdf", archive);
    ck_assert_int_eq(stat(path, &st), 0);
    snprintf(path, sizeof path, "%.4000s/processed/typed.xlsx", archive);
    ck_assert_int_eq(stat(path, &st), 0);
    s = testlib_value(conn, "SELECT string_agg(file_name || ' ' || status, ', ' ORDER BY"
                            " file_name) FROM kpi.submission");
    ck_assert_str_eq(s, "bao_cao.pdf rejected, so_y_te.ods rejected, typed.xlsx accepted");
    free(s);
    assert_value(conn, "SELECT reason FROM kpi.submission WHERE file_name = 'so_y_te.ods'",
                 "the file is an OpenDocument spreadsheet (.ods), not a table kpi reads; send "
                 ".xlsx or .csv: save it in LibreOffice/Excel as 'Excel 2007-365 (.xlsx)'");
    PQfinish(conn);
}
END_TEST

START_TEST(locale_vi_on_request)
{
    PGconn *conn = setup();
    char *err;
    /* 31/07/2025 is text in the workbook (not a date LibreOffice's en-US import knows) */
    ck_assert_int_eq(kpi(&err, NULL, "ingest", xlsx("vi_dates"), NULL), 3);
    assert_has(err, "vi_dates.xlsx:vi_dates!A2: period \"31/07/2025\" must be written "
                    "YYYY-MM-DD: write 2025-07-31, or read the file with locale vi (kpi ingest "
                    "--locale vi, or the inbox's vi/ folder)");
    free(err);
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--locale", "vi", xlsx("vi_dates"), NULL), 0);
    free(err);
    /* a CSV of a Vietnamese LibreOffice: ';', day-first dates, '.' thousands, in the vi/ folder */
    char inbox[PATH_MAX], vi[PATH_MAX + 8], path[PATH_MAX + 32];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    snprintf(vi, sizeof vi, "%.4000s/vi", inbox);
    ck_assert_int_eq(mkdir(vi, 0755), 0);
    static const char text[] = "period;unit;metric;value\n"
                               "30/07/2025;01849;citizen_14plus;18.250\n"
                               "07/2025;01843;dvc_essential_total;1.234\n";
    snprintf(path, sizeof path, "%.4000s/so.csv", vi);
    testlib_write_file(path, text, strlen(text));
    snprintf(path, sizeof path, "%.4000s/same.csv", inbox); /* the same outside vi/: refused */
    testlib_write_file(path, text, strlen(text) - 1);
    ck_assert_int_eq(kpi(&err, NULL, "ingest", inbox, NULL), 3);
    assert_has(err, "same.csv:2: value \"18.250\": thousands separators are not allowed, write "
                    "18250, or read the file with locale vi");
    assert_has(err, "vi/so.csv: accepted: 2 rows accepted");
    free(err);
    assert_value(conn, observations,
                 "citizen_14plus 01840 2025-07-31 day 18250 @2; "
                 "citizen_14plus 01849 2025-07-30 day 18250 @2; "
                 "dvc_essential_total 01843 2025-07-01 month 1234 @3");
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--locale", "fr", inbox, NULL), 2);
    assert_has(err, "--locale takes vi");
    free(err);
    PQfinish(conn);
}
END_TEST

START_TEST(the_wide_layout_one_row_per_cell)
{
    PGconn *conn = setup();
    char *err;
    /* period,unit,dvc_essential_online,dvc_essential_total; 01843 left online empty */
    ck_assert_int_eq(kpi(&err, NULL, "ingest", xlsx("wide"), NULL), 0);
    assert_has(err, "wide.xlsx: accepted: 3 rows accepted (3 new");
    free(err);
    assert_value(conn, observations,
                 "dvc_essential_online 01849 2025-06-01 month 5 @2; "
                 "dvc_essential_total 01843 2025-06-01 month 4 @3; "
                 "dvc_essential_total 01849 2025-06-01 month 9 @2");
    ck_assert_int_eq(kpi(&err, NULL, "ingest", xlsx("wide_typo"), NULL), 3);
    assert_has(err, "wide_typo.xlsx:wide_typo!D1: column D of the wide header: metric "
                    "\"dvc_essentail_total\" is not in the catalog");
    free(err);
    /* the same in CSV names the column by number */
    ck_assert_int_eq(kpi(&err, NULL, "ingest", testlib_path("tests/data/xlsx/wide_typo.csv"), NULL),
                     3);
    assert_has(err, "wide_typo.csv:1: column 4 of the wide header: metric \"dvc_essentail_total\"");
    free(err);
    assert_value(conn, "SELECT count(*) FROM kpi.observation", "3");
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("xlsx");
    TCase *tc = tcase_create("xlsx");
    tcase_add_unchecked_fixture(tc, convert_all, NULL);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, typed_dates_and_numbers_land_in_observation);
    tcase_add_test(tc, a_code_that_lost_its_zero_is_named_by_its_cell);
    tcase_add_test(tc, a_named_sheet_is_read);
    tcase_add_test(tc, a_damaged_zip_and_a_strings_bomb_are_refused_whole);
    tcase_add_test(tc, other_kinds_in_the_inbox_go_to_rejected_with_what_to_send);
    tcase_add_test(tc, locale_vi_on_request);
    tcase_add_test(tc, the_wide_layout_one_row_per_cell);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
