/*
 * report/excel.h — owns the Excel workbooks kpi writes (libxlsxwriter,
 * Debian's libxlsxwriter-dev): a workbook written to a temporary file
 * beside its path and renamed into place, the cells every workbook shares
 * (codes as text, NUMERIC text as numbers, ISO dates as dates), the national
 * heading of a document in the layout of Decree 30/2020/NĐ-CP (issuing body,
 * Quốc hiệu, tiêu ngữ, number and place-date lines), and the leaders' report
 * as a "biểu mẫu": one sheet per section of report.h, numbers as numbers
 * beside the words people read (common/words.h, the same strings as the HTML
 * report). Used by `kpi report --format xlsx`, `kpi show --format xlsx` and
 * `kpi template`.
 */
#ifndef KPI_REPORT_EXCEL_H
#define KPI_REPORT_EXCEL_H

#include "common/status.h"
#include "report/report.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <xlsxwriter.h>

/* The font of every cell: Decree 30/2020 asks for Times New Roman. */
#define EXCEL_FONT      "Times New Roman"
#define EXCEL_FONT_SIZE 12

/* A workbook being written; its formats are the shared ones, made by excel_open. */
struct excel {
    lxw_workbook *wb;
    char *tmp;          /* the temporary file beside PATH (malloc'd) */
    char *path;         /* where it goes (malloc'd) */
    lxw_format *text;   /* a bordered, wrapped text cell */
    lxw_format *code;   /* a code kept as text ("@"): 05533 stays 05533 */
    lxw_format *head;   /* a table header: bold, centred, shaded */
    lxw_format *count;  /* a whole number, grouped (#,##0) */
    lxw_format *pct;    /* a fraction shown as a percentage (0.0%) */
    lxw_format *points; /* percentage points (0.0###) */
    lxw_format *date;   /* a date (dd/mm/yyyy) */
    lxw_format *note;   /* an italic note under a table, not bordered */
};

/*
 * excel_open: start a workbook that excel_close will put at PATH
 * (written first to PATH.XXXXXX in the same folder). Returns KPI_OK (the
 * caller ends it with excel_close or excel_abandon), or KPI_ERROR
 * (logged; nothing to end) when the file cannot be created.
 */
enum kpi_status excel_open(struct excel *b, const char *path);

/*
 * excel_close: write the workbook, make it 0644 and rename it to its
 * path. Returns KPI_OK, or KPI_ERROR (logged; the temporary file removed,
 * the path untouched). B is ended either way.
 */
enum kpi_status excel_close(struct excel *b);

/* excel_abandon: end B without writing it (its temporary file removed). */
void excel_abandon(struct excel *b);

/*
 * excel_sheet: a new worksheet named NAME (at most 31 characters, none of
 * []:*?/\), A4, fitted one page wide. Returns it (owned by the workbook), or
 * NULL (logged) when libxlsxwriter refuses the name.
 */
lxw_worksheet *excel_sheet(struct excel *b, const char *name, bool landscape);

/*
 * excel_numeric: the NUMERIC or bigint text TEXT as a double, divided by
 * SCALE (100: a percentage as a fraction), into *out. Returns whether TEXT
 * was a number (false for NULL or anything else; *out untouched). For
 * display in a cell only: no decision is taken on it.
 */
bool excel_numeric(const char *text, double scale, double *out);

/* excel_put_numeric: TEXT (excel_numeric, divided by SCALE) as a number cell in FMT, a blank
 * cell in FMT when TEXT is NULL or no number. */
void excel_put_numeric(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                       double scale, lxw_format *fmt);

/* excel_put_date: the date "YYYY-MM-DD" as a date cell in FMT; a blank cell when NULL, the
 * text itself when it is no such date. */
void excel_put_date(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *iso,
                    lxw_format *fmt);

/* The lines of the national heading. */
struct excel_heading {
    const char *issuer; /* the issuing body, upper case: "UBND TỈNH THÁI NGUYÊN" */
    const char *number; /* "Số:        /BC-UBND" */
    const char *place;  /* the place of the date line: "Thái Nguyên" */
    const char *date;   /* "DD/MM/YYYY" of the document, NULL: dots to fill by hand */
    const char *kind;   /* the document's kind, centred: "BÁO CÁO", "BIỂU MẪU" */
    const char *title;  /* its title, centred, bold */
    const char *sub;    /* a line under it (NULL: none) */
};

/*
 * excel_heading: write H at the top of WS across its columns 0..NCOLS-1
 * (NCOLS >= 4) in the layout of Decree 30/2020/NĐ-CP (Phụ lục I): the
 * issuing body top left and "Số: …" under it; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
 * NAM" and "Độc lập - Tự do - Hạnh phúc" top right, the place-date line
 * ("Thái Nguyên, ngày 05 tháng 02 năm 2026": a day under 10 and the months 1
 * and 2 with a leading zero) under them; then the kind and title centred.
 * Returns the first row free under it.
 */
lxw_row_t excel_heading(struct excel *b, lxw_worksheet *ws, const struct excel_heading *h,
                        lxw_col_t ncols);

/*
 * excel_upper: S in upper case (Vietnamese letters included: "Tỉnh Thái
 * Nguyên" → "TỈNH THÁI NGUYÊN"), malloc'd; NULL when memory runs out.
 */
char *excel_upper(const char *s);

/*
 * excel_report_write: the report OPT asks for (report_write's period and unit)
 * as a workbook at OUT_PATH: sheets "1. Tổng hợp" (the headline table: the
 * words of each cell and, beside them, the exact ratio, target, counts and
 * completeness as numbers), "2. Diễn biến" (12 periods), "3. Xếp hạng",
 * "4. Số liệu thiếu", "5. Nhiệm vụ", each under the national heading with
 * ISSUER as the issuing body (NULL: "UBND " and the unit's name in upper
 * case). Returns KPI_OK; KPI_USAGE, KPI_REJECTED as report_write (nothing
 * written); KPI_ERROR when a query or the file fails (logged; OUT_PATH
 * untouched).
 */
enum kpi_status excel_report_write(PGconn *conn, const struct report_options *opt,
                                   const char *issuer, const char *out_path);

#endif
