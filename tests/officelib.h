/*
 * officelib.h — what the tests of the engine's spreadsheets share
 * (tests/test_template.c, tests/test_documents.c): an .xlsx as openpyxl
 * reads it (tests/data/office/xlsx_dump.py, /usr/bin/python3 with Debian's
 * python3-openpyxl) and LibreOffice headless (soffice) converting files, once
 * per test program, in a profile of its own under the test's tmp dir.
 * Every function aborts the test on failure.
 */
#ifndef KPI_OFFICELIB_H
#define KPI_OFFICELIB_H

#include <cjson/cJSON.h>
#include <stdbool.h>

/* officelib_run: run ARGV (NULL-terminated, argv[0] looked up in PATH) with stdout to
 * OUT_PATH (NULL: discarded) and stderr to OUT_PATH.err; its exit status. */
int officelib_run(char *const argv[], const char *out_path);

/*
 * officelib_xlsx: the workbook PATH as openpyxl reads it ({"sheets": [...]}, see
 * xlsx_dump.py), with the cached values of formulas when VALUES. The caller
 * cJSON_Delete()s it.
 */
cJSON *officelib_xlsx(const char *path, bool values);

/* officelib_sheet: the sheet NAME of BOOK (officelib_xlsx); NULL when there is none. */
const cJSON *officelib_sheet(const cJSON *book, const char *name);

/* officelib_cell: the cell REF ("B2") of SHEET ({"value", "type", "format", "locked"});
 * NULL when openpyxl has no value there. Borrowed from SHEET. */
const cJSON *officelib_cell(const cJSON *sheet, const char *ref);

/* officelib_text: the string value of the cell REF of SHEET; NULL when it has none or it is
 * not a string. */
const char *officelib_text(const cJSON *sheet, const char *ref);

/*
 * officelib_soffice: one LibreOffice call converting the FILES (NULL-terminated)
 * to FORMAT (e.g. "csv", "xlsx") into OUTDIR, with the import filter options
 * INFILTER (NULL: none), e.g. "CSV:59,34,76,1,,1066" (';', '"', UTF-8, line 1,
 * Vietnamese). Asserts that it exits 0.
 */
void officelib_soffice(const char *outdir, const char *format, const char *infilter,
                       const char *const *files);

#endif
