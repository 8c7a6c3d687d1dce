/*
 * rowcheck.h — the checks of submission rows (the step after the reader):
 * the header names the columns, and each data row must bring a valid period
 * (a day or a month, not in the future), a registered unit, a metric of the
 * catalog and a whole count. Every problem comes with an actionable reason
 * (e.g. `unit "5443" is not registered; did you mean "05443"?`). Pure: no
 * database, no output; the caller reports.
 */
#ifndef KPI_INGEST_ROWCHECK_H
#define KPI_INGEST_ROWCHECK_H

#include "common/status.h"
#include "ingest/codes.h"
#include "ingest/reader.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The columns of a submission; the first ROWCHECK_REQUIRED are required. */
enum rowcheck_column {
    ROWCHECK_PERIOD,
    ROWCHECK_UNIT,
    ROWCHECK_METRIC,
    ROWCHECK_VALUE,
    ROWCHECK_AGENCY,
    ROWCHECK_NOTE,
    ROWCHECK_NCOLS
};
#define ROWCHECK_REQUIRED 4

enum rowcheck_grain { ROWCHECK_DAY, ROWCHECK_MONTH };

/* The end of a reason for a form locale vi reads ("31/07/2025", "18.250"): the option that
 * reads it (engine/ingest/receipt.c says it in Vietnamese). */
#define ROWCHECK_VI_HINT                                                                           \
    ", or read the file with locale vi (kpi ingest --locale vi, or the inbox's vi/ folder)"

struct rowcheck_period {
    int year, month, day; /* day = 1 for a month */
    enum rowcheck_grain grain;
};

/*
 * rowcheck_parse_period: S as YYYY-MM-DD (a day) or YYYY-MM (a month), from
 * the year 2000 on. Returns 0 with *out, or -1 with an actionable reason in
 * WHY (LEN bytes; e.g. `period "2025-02-30" is not a valid date: 2025-02 has
 * 28 days`) and *out unspecified.
 */
enum kpi_status rowcheck_parse_period(const char *s, struct rowcheck_period *out, char *why,
                                      size_t len);

/*
 * rowcheck_parse_period_locale: rowcheck_parse_period, and with VI (locale
 * vi) also the day-first forms DD/MM/YYYY (or with '-' or '.'; one-digit day
 * and month too) and MM/YYYY, as a Vietnamese spreadsheet writes them.
 * Without VI the hint of a day-first date names the option.
 */
enum kpi_status rowcheck_parse_period_locale(const char *s, bool vi, struct rowcheck_period *out,
                                             char *why, size_t len);

/*
 * rowcheck_parse_value: S as a non-negative whole number written with digits
 * only, within bigint. Returns 0 with *out, or -1 with the reason in WHY
 * (thousands separators, decimals, sign, overflow, …) and *out untouched.
 */
enum kpi_status rowcheck_parse_value(const char *s, int64_t *out, char *why, size_t len);

/*
 * rowcheck_parse_value_locale: rowcheck_parse_value, and with VI (locale vi)
 * also digits grouped by thousands with '.' (18.250, 1.234.567), ',' being
 * the decimal comma there. Without VI the hint of '.' thousands names the
 * option.
 */
enum kpi_status rowcheck_parse_value_locale(const char *s, bool vi, int64_t *out, char *why,
                                            size_t len);

/* Where the columns are in the rows of one file (rowcheck_header fills it). */
struct rowcheck_header {
    int col[ROWCHECK_NCOLS]; /* field index of each column, -1 when absent */
    size_t ncols;            /* fields of the header: every row must have as many */
    char delim;              /* the file's delimiter, named in messages */
    bool wide;      /* the wide layout (reader.h): rows come period,unit,metric,value,… */
    bool locale_vi; /* the file is read with locale vi */
    int bad_field;  /* after a refused header: the field at fault, -1 the whole row */
};

/*
 * rowcheck_header: match the header ROW (of a file whose delimiter is DELIM)
 * to the columns, into *h; a wide header (row->wide: period, unit and metric
 * codes) has its metric columns checked against CODES (NULL: not checked).
 * Returns 0, or -1 with the reason in WHY (a malformed header, an empty,
 * unknown or repeated column, a required column missing, a column of a wide
 * header that is not a metric of the catalog; h->bad_field says which).
 */
enum kpi_status rowcheck_header(struct rowcheck_header *h, const struct reader_row *row, char delim,
                                const struct codes *codes, char *why, size_t len);

/*
 * rowcheck_where: where the problem of ROW in COLUMN ("period", "unit",
 * "metric", "value"; NULL: the whole row) is, for a message FILE:WHERE: the
 * line ("12") of a CSV file, the cell ("Sheet1!B12") or row
 * ("Sheet1!12:12") of a workbook. Into BUF (LEN bytes), returned.
 */
const char *rowcheck_where(const struct rowcheck_header *h, const struct reader_row *row,
                           const char *column, char *buf, size_t len);

/* rowcheck_header_where: rowcheck_where of the header ROW's refused field (h->bad_field). */
const char *rowcheck_header_where(const struct rowcheck_header *h, const struct reader_row *row,
                                  char *buf, size_t len);

/* A validated row: its fields, numbered by codes.h; unit points into the row. */
struct rowcheck_good {
    int metric;   /* codes_metric number */
    int unit_idx; /* codes_unit number */
    const char *unit;
    size_t unit_len;
    struct rowcheck_period period;
    int64_t value; /* unset when withdraw */
    bool withdraw; /* the value is rút or withdraw (rowcheck_is_withdrawal): the count goes */
};

/*
 * rowcheck_is_withdrawal: whether the value S withdraws the count of its row
 * (period, unit, metric): "rút" (also "Rút", "RÚT") or "withdraw" in any
 * case. Pure.
 */
bool rowcheck_is_withdrawal(const char *s);

/*
 * A problem of ROW: COLUMN names the column ("period", "unit", "metric",
 * "value"), NULL for the whole row; REASON is the message. Returns KPI_OK
 * to go on, anything else (logged) to stop.
 */
typedef enum kpi_status rowcheck_report(void *ctx, const struct reader_row *row, const char *column,
                                        const char *reason);

/*
 * rowcheck_row: validate the data ROW of a file with header H against
 * CODES. Returns KPI_OK with *problems the number of its problems: 0 with
 * *g filled (good), else > 0 with *g partly filled, each problem passed to
 * REPORT(CTX, …) when REPORT is not NULL. Returns KPI_ERROR when REPORT
 * asked to stop (*problems = the problems found up to then).
 */
enum kpi_status rowcheck_row(const struct rowcheck_header *h, const struct codes *codes,
                             const struct reader_row *row, struct rowcheck_good *g,
                             rowcheck_report *report, void *ctx, int *problems);

#endif
