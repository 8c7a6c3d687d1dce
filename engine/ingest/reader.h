/*
 * reader.h — the streaming reader of submission files: CSV (libcsv) or an
 * Excel workbook (.xlsx, xlsx.h), told apart by their content (a zip) and
 * name; one row at a time with its fields, its raw text and the line (the
 * sheet's row) it starts on, the file-level problems (encoding, quotes,
 * sizes, a damaged zip) with their line, and the SHA-256 of the bytes read.
 * A file of another kind (.xls, .ods, .pdf, .docx, an image) is refused
 * with what to send instead. The wide layout (a header period,unit,<metric>,
 * <metric>…: one row per unit, one column per metric) comes out one row per
 * non-empty cell, as period,unit,metric,value. The first step of the data
 * path: file → reader → rowcheck → copy/copybin → load.
 *
 * Memory stays flat: a reader holds one row (at most reader_limits.max_row
 * bytes, never more than READER_MAX_ROW) and one read chunk (for a
 * workbook: its shared strings too, capped; see xlsx.h).
 */
#ifndef KPI_INGEST_READER_H
#define KPI_INGEST_READER_H

#include "common/hash.h"
#include "common/status.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#define READER_MAX_ROW (1024 * 1024) /* the largest max_row a reader accepts */

#define READER_DEFAULT_MAX_ROW   (64 * 1024)
#define READER_DEFAULT_MAX_FIELD 4096
#define READER_DEFAULT_MAX_FILE  (4LL * 1024 * 1024 * 1024)
#define READER_MSG_LEN           512 /* room for one reason or problem, in every ingest module */

/* Input limits of submission files, and how to read them; see reader_limits_default. */
struct reader_limits {
    size_t max_row;        /* bytes of one row (a line, or several when a quote spans lines) */
    size_t max_field;      /* bytes of one field */
    long long max_file;    /* bytes of one file (of a workbook: also of its sheet, uncompressed) */
    long long max_strings; /* a workbook's shared strings, uncompressed (0: the default) */
    const char *sheet;     /* a workbook's sheet to read (borrowed); NULL: the first */
    bool locale_vi;        /* read day-first dates and '.' thousands (rowcheck.h) */
    bool tables_only;      /* a name not ending .csv or .xlsx is refused (the inbox) */
};

/*
 * reader_limits_default: the limits from $KPI_MAX_ROW_BYTES,
 * $KPI_MAX_FIELD_BYTES, $KPI_MAX_FILE_BYTES and $KPI_MAX_XLSX_STRINGS_BYTES
 * when set (see sizelimit_parse), else READER_DEFAULT_* and
 * XLSX_DEFAULT_MAX_STRINGS; no sheet named, no locale. Returns 0 with *out,
 * or -1 (logged; *out untouched) when a variable is not a size or max_row
 * exceeds READER_MAX_ROW.
 */
enum kpi_status reader_limits_default(struct reader_limits *out);

struct reader; /* opaque */

/* One row, as reader_next gives it; valid until the next reader_next or reader_close. */
struct reader_row {
    const char
        *malformed; /* not NULL: the quotes of this row are broken (why); its fields are unusable */
    long long line_no;  /* physical line where the row starts (1 = first line) */
    size_t nfields;     /* number of fields */
    const char **field; /* NUL-terminated fields, unquoted, outer blanks trimmed */
    const size_t *len;  /* their lengths */
    const char *raw;    /* the row's text as received, without its line break */
    size_t raw_len;
    const char *sheet; /* a workbook's sheet; NULL for CSV (messages name FILE:LINE) */
    int first_col;     /* a workbook: the column (0 = A) of the file's first field */
    const int *col;    /* NULL, or the file's field each field comes from (the wide layout) */
    bool wide;         /* the header row of a wide file: rows come one per cell (see above) */
    bool locale_vi;    /* the file is read with locale vi (reader_limits.locale_vi) */
};

/*
 * reader_is_label: whether the header field F (N bytes) names a column of
 * labels for people, "[Tên chỉ số]": written in square brackets, it is not
 * read (kpi template's forms carry the Vietnamese names of their rows so).
 */
bool reader_is_label(const char *f, size_t n);

/*
 * reader_open: open PATH for reading; HASH: compute its SHA-256 on the way
 * (reader_digest). Only a regular file is read: a FIFO, a device, a socket
 * or a directory is refused without being read (opened with O_NONBLOCK, so
 * that a FIFO does not wait for a writer). A zip (or a name ending .xlsx) is
 * read as a workbook; a PDF, an Excel 97-2003 or other OLE file, an image
 * (by content), or a name ending .xls, .ods, .pdf, .doc(x), .odt, .jpg,
 * .png… is refused at the first reader_next (KPI_REJECTED, the problem says
 * what to send instead); anything else is CSV: its delimiter (',' or ';') is
 * detected from the first line, a UTF-8 BOM is skipped. Returns 0 with *out
 * (the caller frees it with reader_close), or -1 (logged: could not open,
 * not a regular file; *out NULL, nothing to free).
 */
enum kpi_status reader_open(const char *path, bool hash, struct reader **out);

/*
 * reader_open_nofollow: reader_open for an untrusted file (a submission):
 * a symbolic link is refused too (O_NOFOLLOW), never followed. Same contract.
 */
enum kpi_status reader_open_nofollow(const char *path, bool hash, struct reader **out);

/*
 * reader_file_kind: NULL when ST is a regular file, else what it is for a
 * message ("a symbolic link", "a FIFO", "a directory", "a character
 * device"…; static storage).
 */
const char *reader_file_kind(const struct stat *st);

/*
 * reader_set_limits: use LIMITS (copied; max_row is capped at
 * READER_MAX_ROW, zeroes mean the widest) instead of the READER_DEFAULT_*
 * limits a reader opens with. Call before the first reader_next.
 */
void reader_set_limits(struct reader *r, const struct reader_limits *limits);

/*
 * reader_next: the next non-blank row into *row (valid until the next call).
 * Returns KPI_OK with *got true for a row, KPI_OK with *got false at the end
 * of the file (and on every later call); KPI_REJECTED (*got false) when the
 * file cannot be read as CSV (invalid UTF-8, unterminated quote, row too
 * long, file larger than max_file, out of memory…; see reader_problem, not
 * logged), KPI_ERROR (*got false) on an I/O error (logged) or when SIGTERM
 * or SIGINT arrived (interrupt_requested(), checked before every read of a
 * chunk of 256 KiB; not logged). After
 * KPI_REJECTED or KPI_ERROR the reader is only good for reader_problem and
 * reader_close. Rows whose fields are
 * all empty (spreadsheet leftovers) are skipped like blank lines. A row with
 * a field longer than max_field comes back malformed (a row problem).
 */
enum kpi_status reader_next(struct reader *r, struct reader_row *row, bool *got);

/*
 * reader_problem: why reader_next returned KPI_REJECTED (R's storage, "" before), and
 * its line into *line (LINE may be NULL; 0: the file as a whole).
 */
const char *reader_problem(const struct reader *r, long long *line);

/*
 * reader_problem_where: where reader_problem's problem is, for a message
 * FILE:WHERE: its line ("12") for CSV, its row ("Sheet1!12:12") for a
 * workbook, "" for the file as a whole; into BUF (LEN bytes), returned.
 */
const char *reader_problem_where(const struct reader *r, char *buf, size_t len);

/* reader_is_xlsx: whether R reads a workbook (known after the first reader_next). */
bool reader_is_xlsx(const struct reader *r);

/*
 * reader_digest: the SHA-256 of every byte read so far, as hex; complete
 * once reader_next returned 0; R must have been opened with HASH. Returns 0,
 * or -1 (logged).
 */
enum kpi_status reader_digest(struct reader *r, char out[HASH_HEX_LEN]);

/*
 * reader_sha256: the SHA-256 of the file PATH (opened as
 * reader_open_nofollow: a regular file, no symbolic link), as hex, whatever
 * its bytes, into OUT, and the file's stat as opened into *st. At most
 * MAX_FILE bytes are read (0: READER_DEFAULT_MAX_FILE): a longer file (even
 * one that grows without end) stops there with *too_large true and the
 * digest of its first MAX_FILE bytes. Returns 0, or -1 (logged: could not
 * open or read; not logged when SIGTERM or SIGINT stopped it, see
 * interrupt_requested).
 */
enum kpi_status reader_sha256(const char *path, long long max_file, char out[HASH_HEX_LEN],
                              struct stat *st, bool *too_large);

/* What the reader saw: the delimiter, a BOM, CRLF line ends, bytes read. */
char reader_delimiter(const struct reader *r);
bool reader_had_bom(const struct reader *r);
bool reader_had_crlf(const struct reader *r);
long long reader_bytes(const struct reader *r);

/*
 * reader_unchanged: whether the file is still the one opened (same inode,
 * size and modification time), so that a second pass reads the same bytes.
 */
bool reader_unchanged(const struct reader *r);

/* reader_same_file: whether R opened the file ST describes (inode, size, time). */
bool reader_same_file(const struct reader *r, const struct stat *st);

/*
 * reader_cut: how many of the N bytes of S (UTF-8) to keep so that at most
 * MAX remain, cut before a character rather than inside it: N when N <= MAX.
 */
size_t reader_cut(const char *s, size_t n, size_t max);

/* reader_close: close R and free it (NULL is allowed). */
void reader_close(struct reader *r);

#endif
