/*
 * xlsx.h — the reading of Excel workbooks (.xlsx, Office Open XML) for the
 * submission reader (reader.h): the zip through libzip, every XML part
 * through libxml2's streaming xmlTextReader, never a home-made parser. One
 * sheet (the first, or one named), one row at a time, each cell as text the
 * way the row checks read CSV: a date cell (a number with a date format, or
 * t="d") as YYYY-MM-DD (YYYY-MM when the format shows no day), a number as
 * its digits (1849, 18250; 12.5 stays 12.5 for the checks to refuse), text
 * as text.
 *
 * Memory stays bounded whatever the sheet: the sheet is streamed (its
 * uncompressed bytes counted against a limit), one row is held (at most
 * max_row bytes of text); the shared strings are held whole but capped
 * (their uncompressed part, counted as it is read, not only as declared), so
 * that a zip bomb is refused with a message, not followed.
 */
#ifndef KPI_INGEST_XLSX_H
#define KPI_INGEST_XLSX_H

#include "common/status.h"

#include <stdbool.h>
#include <stddef.h>

/* The default cap on the shared strings part, uncompressed ($KPI_MAX_XLSX_STRINGS_BYTES). */
#define XLSX_DEFAULT_MAX_STRINGS (64LL * 1024 * 1024)
#define XLSX_MAX_COLUMNS         16384 /* Excel's last column, XFD */

struct xlsx_limits {
    long long max_sheet;   /* uncompressed bytes of the sheet part */
    long long max_strings; /* uncompressed bytes of the shared strings part */
    size_t max_row;        /* bytes of the text of one row */
    size_t max_field;      /* bytes of one cell: a longer one makes its row malformed */
};

/*
 * xlsx_limits_strings: the cap on shared strings from
 * $KPI_MAX_XLSX_STRINGS_BYTES (sizelimit_env), else XLSX_DEFAULT_MAX_STRINGS.
 * Returns KPI_OK with *out, or KPI_ERROR (logged; *out untouched).
 */
enum kpi_status xlsx_limits_strings(long long *out);

struct xlsx; /* opaque */

/* One row as xlsx_next gives it; valid until the next xlsx_next or xlsx_close. */
struct xlsx_row {
    long long row_no;   /* the sheet's row number (1 = first) */
    int first_col;      /* the column of field 0 (0 = A): the header's first cell */
    size_t nfields;     /* fields, one per column from first_col to the last non-empty cell */
    const char **field; /* NUL-terminated, outer blanks trimmed; "" for an empty cell */
    const size_t *len;
    const char *raw; /* the fields joined by ',' (for kpi.rejected_row) */
    size_t raw_len;
    const char *malformed; /* not NULL: a cell is longer than max_field (why) */
};

/*
 * xlsx_open: open the workbook in FD (taken: closed by xlsx_close, or here
 * on failure) named NAME (for messages) and ready its sheet SHEET (NULL: the
 * first). Returns KPI_OK with *out (freed by xlsx_close), KPI_REJECTED with
 * the reason in WHY (LEN bytes; not a zip, a corrupt zip, not a workbook —
 * an OpenDocument or Word file is named as such —, no such sheet, a part
 * over its limit; *out NULL), or KPI_ERROR (logged: out of memory; *out
 * NULL).
 */
enum kpi_status xlsx_open(int fd, const char *sheet, const struct xlsx_limits *lim,
                          struct xlsx **out, char *why, size_t len);

/*
 * xlsx_next: the next row with a non-empty cell into *row. Returns KPI_OK
 * with *got true (a row) or false (the end, and on every later call);
 * KPI_REJECTED (*got false) when the sheet cannot be read (broken XML, a
 * corrupt zip member, a row over max_row, the sheet over max_sheet; see
 * xlsx_problem); KPI_ERROR (*got false, not logged) when SIGTERM or SIGINT
 * arrived. After KPI_REJECTED or KPI_ERROR only xlsx_problem and xlsx_close
 * are good.
 */
enum kpi_status xlsx_next(struct xlsx *x, struct xlsx_row *row, bool *got);

/*
 * xlsx_problem: why xlsx_next returned KPI_REJECTED ("" before), and the
 * row it was at into *row_no (0: the file as a whole; ROW_NO may be NULL).
 */
const char *xlsx_problem(const struct xlsx *x, long long *row_no);

/* xlsx_sheet: the name of the sheet being read (X's storage). */
const char *xlsx_sheet(const struct xlsx *x);

/* xlsx_bytes: the uncompressed bytes of the sheet read so far. */
long long xlsx_bytes(const struct xlsx *x);

/*
 * xlsx_cell_ref: "SHEET!B12" for column COL (0 = A) of row ROW into BUF
 * (LEN bytes), the sheet name quoted as Excel quotes it ('Số liệu'!B12)
 * when it holds a space or punctuation; COL < 0: "SHEET!12:12", the row.
 */
void xlsx_cell_ref(const char *sheet, int col, long long row, char *buf, size_t len);

/* xlsx_col_name: the letters of column COL (0 = A, at most XFD) into BUF ("" when out of range). */
void xlsx_col_name(int col, char buf[4]);

/* xlsx_close: close X, its zip and its file, and free it (NULL is allowed). */
void xlsx_close(struct xlsx *x);

#endif
