/*
 * reader.c — owns the streaming reading of submission files: what kind of
 * file it is (CSV, a workbook handed to xlsx.c, or another kind refused),
 * chunks of a CSV file through a UTF-8 check and libcsv, one row at a time
 * with its raw text and line, the wide layout unrolled one row per cell, the
 * file-level problems and the digest (see reader.h).
 */
#include "ingest/reader.h"

#include "ingest/xlsx.h"

#include "common/dynbuf.h"
#include "common/interrupt.h"
#include "common/log.h"
#include "common/sizelimit.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK (256 * 1024)

enum format { FORMAT_CSV, FORMAT_XLSX, FORMAT_OTHER };

/* The role of a column of a wide header (period,unit,<metric>…). */
enum wide_role { WIDE_METRIC, WIDE_PERIOD, WIDE_UNIT, WIDE_AGENCY, WIDE_NOTE, WIDE_LABEL };
#define WIDE_FIELDS 6 /* a wide row comes out as period,unit,metric,value,agency,note */

struct reader {
    int fd;
    char *path;
    struct stat st;
    struct csv_parser parser;
    struct hash_ctx *hash;
    unsigned char *buf;
    size_t buf_len, buf_pos;
    long long offset; /* file offset of buf[0] */
    long long line;   /* line of the byte at buf_pos */
    bool started, at_eof, finished, bom, crlf;
    char delim;
    /* UTF-8 validation state across chunks */
    int u8_need;
    unsigned char u8_lo, u8_hi;
    long long u8_start;
    /* the row being assembled (dynbufs: see ROW_BYTES_CAP) */
    struct dynbuf raw; /* its bytes as read */
    bool raw_nonblank;
    long long row_line;
    struct dynbuf fbuf; /* its fields, each NUL-terminated */
    struct dynbuf foff; /* size_t: offset of each field in fbuf */
    struct dynbuf flen; /* size_t: length of each field */
    struct dynbuf fptr; /* const char *: each field, made at give_row */
    size_t nfields;
    int rows_ready;
    bool too_long, pending_reset;
    struct reader_limits limits;
    size_t long_field; /* 1 + index of the first field over max_field, 0: none */
    size_t long_field_len;
    char long_field_why[READER_MSG_LEN];
    const char *malformed;
    char problem[READER_MSG_LEN];
    long long problem_line;
    /* the kind of file, and a workbook's reader */
    enum format format;
    bool detected; /* at the first reader_next: the limits say whether only tables are taken */
    struct xlsx *xlsx;
    bool xlsx_opened;
    /* the wide layout: the header's roles and names, the row being unrolled */
    bool header_seen, wide, unrolling;
    struct dynbuf wide_role;  /* unsigned char enum wide_role, per field of the header */
    struct dynbuf wide_names; /* the header's fields, each NUL-terminated */
    struct dynbuf wide_off;   /* size_t: offset of each in wide_names */
    int wide_col[5];          /* field of period, unit, agency, note (-1 absent); by role */
    struct reader_row phys;   /* the file's row being unrolled */
    size_t wide_next;         /* its next field to look at */
    const char *wfield[WIDE_FIELDS];
    size_t wlen[WIDE_FIELDS];
    int wcol[WIDE_FIELDS];
    char wide_why[READER_MSG_LEN];
};

/*
 * Caps of the row's dynbufs. They are never reached before max_row
 * (append_raw checks it first, with its own message): a row of at most
 * READER_MAX_ROW bytes has at most READER_MAX_ROW + 1 fields, whose bytes
 * (unquoted, never longer) and terminating NULs fit twice that.
 */
#define ROW_BYTES_CAP  (2 * (size_t)READER_MAX_ROW + 2)
#define ROW_FIELDS_CAP ((size_t)READER_MAX_ROW + 1)

/* The lengths of the row's fields (nfields of them). */
static const size_t *field_len(const struct reader *r)
{
    return (const size_t *)(const void *)dynbuf_ptr(&r->flen);
}

static void on_field(void *s, size_t len, void *data)
{
    struct reader *r = data;
    if (r->too_long)
        return;
    if (len > r->limits.max_field && r->long_field == 0) {
        r->long_field = r->nfields + 1;
        r->long_field_len = len;
    }
    size_t off = dynbuf_len(&r->fbuf);
    if (dynbuf_addn(&r->fbuf, s, len) != DYNBUF_OK || dynbuf_addn(&r->fbuf, "", 1) != DYNBUF_OK ||
        dynbuf_addn(&r->foff, &off, sizeof off) != DYNBUF_OK ||
        dynbuf_addn(&r->flen, &len, sizeof len) != DYNBUF_OK) {
        r->too_long = true; /* out of memory: reported as such */
        return;
    }
    r->nfields++;
}

enum kpi_status reader_limits_default(struct reader_limits *out)
{
    long long row = READER_DEFAULT_MAX_ROW, field = READER_DEFAULT_MAX_FIELD,
              file = READER_DEFAULT_MAX_FILE;
    if (sizelimit_env("KPI_MAX_ROW_BYTES", READER_MAX_ROW, &row) != 0 ||
        sizelimit_env("KPI_MAX_FIELD_BYTES", READER_MAX_ROW, &field) != 0 ||
        sizelimit_env("KPI_MAX_FILE_BYTES", LLONG_MAX, &file) != 0)
        return KPI_ERROR;
    long long strings;
    if (xlsx_limits_strings(&strings) != KPI_OK)
        return KPI_ERROR;
    out->max_row = (size_t)row;
    out->max_field = (size_t)field;
    out->max_file = file;
    out->max_strings = strings;
    out->sheet = NULL;
    out->locale_vi = false;
    out->tables_only = false;
    return KPI_OK;
}

void reader_set_limits(struct reader *r, const struct reader_limits *limits)
{
    r->limits = *limits;
    if (r->limits.max_row == 0 || r->limits.max_row > READER_MAX_ROW)
        r->limits.max_row = READER_MAX_ROW;
    if (r->limits.max_field == 0)
        r->limits.max_field = r->limits.max_row;
    if (r->limits.max_file <= 0)
        r->limits.max_file = READER_DEFAULT_MAX_FILE;
}

static void on_row(int c, void *data)
{
    struct reader *r = data;
    (void)c;
    r->rows_ready++;
}

/* What ST is when it is not a regular file (for messages). */
static const char *file_kind(const struct stat *st)
{
    return S_ISDIR(st->st_mode)    ? "a directory"
           : S_ISLNK(st->st_mode)  ? "a symbolic link"
           : S_ISFIFO(st->st_mode) ? "a FIFO"
           : S_ISCHR(st->st_mode)  ? "a character device"
           : S_ISBLK(st->st_mode)  ? "a block device"
           : S_ISSOCK(st->st_mode) ? "a socket"
                                   : "not a regular file";
}

const char *reader_file_kind(const struct stat *st)
{
    return S_ISREG(st->st_mode) ? NULL : file_kind(st);
}

static bool has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* What the file is by its first bytes and its name: r->format, and the refusal of another kind. */
static void detect(struct reader *r)
{
    unsigned char h[8] = {0};
    ssize_t n = pread(r->fd, h, sizeof h, 0);
    const char *slash = strrchr(r->path, '/');
    const char *name = slash ? slash + 1 : r->path;
    const char *dot = strrchr(name, '.');
    const char *what = NULL;
    char other[64];
    static const char save_as[] =
        "send .xlsx or .csv: save it in LibreOffice/Excel as 'Excel 2007-365 (.xlsx)'";
    static const char no_scan[] =
        "send the data as .xlsx or .csv (a table of period, unit, metric, value), not a "
        "printout, a photo or a scan";
    bool zip = n >= 4 && h[0] == 'P' && h[1] == 'K' &&
               ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6));
    r->format = FORMAT_CSV;
    if (n >= 4 && memcmp(h, "%PDF", 4) == 0)
        what = "a PDF document";
    else if (n >= 8 && memcmp(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        what = "an Excel 97-2003 workbook (.xls) or another old Office file";
    else if ((n >= 4 && memcmp(h, "\x89PNG", 4) == 0) ||
             (n >= 3 && memcmp(h, "\xFF\xD8\xFF", 3) == 0) ||
             (n >= 4 && memcmp(h, "GIF8", 4) == 0) ||
             (n >= 4 && (memcmp(h, "II*", 4) == 0 || memcmp(h, "MM\0*", 4) == 0)))
        what = "an image";
    else if (has_ext(name, ".xls") || has_ext(name, ".xlsb"))
        what = "an old Excel workbook (.xls)";
    else if (has_ext(name, ".ods") || has_ext(name, ".fods"))
        what = "an OpenDocument spreadsheet (.ods)";
    else if (has_ext(name, ".pdf"))
        what = "a PDF document";
    else if (has_ext(name, ".doc") || has_ext(name, ".docx") || has_ext(name, ".odt") ||
             has_ext(name, ".rtf"))
        what = "a text document";
    else if (has_ext(name, ".jpg") || has_ext(name, ".jpeg") || has_ext(name, ".png") ||
             has_ext(name, ".gif") || has_ext(name, ".tif") || has_ext(name, ".tiff") ||
             has_ext(name, ".heic") || has_ext(name, ".bmp") || has_ext(name, ".webp"))
        what = "an image";
    else if (has_ext(name, ".zip") || has_ext(name, ".rar") || has_ext(name, ".7z"))
        what = "an archive";
    else if (zip || has_ext(name, ".xlsx") || has_ext(name, ".xlsm"))
        r->format = FORMAT_XLSX; /* xlsx.c tells an .ods or a .docx apart, or a damaged zip */
    else if (r->limits.tables_only && !has_ext(name, ".csv")) {
        if (dot != NULL && dot != name && strlen(dot) < 16)
            snprintf(other, sizeof other, "a %s file", dot);
        else
            snprintf(other, sizeof other, "a file named neither .csv nor .xlsx");
        what = other;
    }
    if (what == NULL)
        return;
    r->format = FORMAT_OTHER;
    snprintf(r->problem, sizeof r->problem, "the file is %s, not a table kpi reads; %s", what,
             strcmp(what, "a PDF document") == 0 || strcmp(what, "an image") == 0 ? no_scan
                                                                                  : save_as);
    r->problem_line = 0;
}

static enum kpi_status open_file(const char *path, bool hash, bool follow, struct reader **out)
{
    *out = NULL;
    struct reader *r = calloc(1, sizeof *r);
    if (r == NULL) {
        log_error("out of memory");
        return KPI_ERROR;
    }
    r->fd = -1;
    r->path = strdup(path);
    r->buf = malloc(READ_CHUNK);
    r->hash = hash ? hash_new() : NULL;
    if (r->path == NULL || r->buf == NULL || (hash && r->hash == NULL) ||
        csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        log_error("out of memory");
        goto fail;
    }
    dynbuf_init(&r->raw, READER_MAX_ROW);
    dynbuf_init(&r->fbuf, ROW_BYTES_CAP);
    dynbuf_init(&r->foff, ROW_FIELDS_CAP * sizeof(size_t));
    dynbuf_init(&r->flen, ROW_FIELDS_CAP * sizeof(size_t));
    dynbuf_init(&r->fptr, ROW_FIELDS_CAP * sizeof(const char *));
    dynbuf_init(&r->wide_role, ROW_FIELDS_CAP);
    dynbuf_init(&r->wide_names, ROW_BYTES_CAP);
    dynbuf_init(&r->wide_off, ROW_FIELDS_CAP * sizeof(size_t));
    r->line = 1;
    r->delim = ',';
    r->limits = (struct reader_limits){.max_row = READER_DEFAULT_MAX_ROW,
                                       .max_field = READER_DEFAULT_MAX_FIELD,
                                       .max_file = READER_DEFAULT_MAX_FILE,
                                       .max_strings = XLSX_DEFAULT_MAX_STRINGS};
    /* O_NONBLOCK: opening a FIFO must not wait for a writer (nothing is read from one) */
    r->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW));
    if (r->fd < 0) {
        if (errno == ELOOP && !follow)
            log_error("could not open \"%s\": a symbolic link; only regular files are read", path);
        else
            log_error("could not open \"%s\": %s", path, strerror(errno));
        goto fail;
    }
    if (fstat(r->fd, &r->st) != 0) {
        log_error("could not stat \"%s\": %s", path, strerror(errno));
        goto fail;
    }
    if (!S_ISREG(r->st.st_mode)) {
        log_error("could not read \"%s\": %s; only regular files are read", path,
                  file_kind(&r->st));
        goto fail;
    }
    int fl = fcntl(r->fd, F_GETFL);
    if (fl >= 0)
        fcntl(r->fd, F_SETFL, fl & ~O_NONBLOCK);
    posix_fadvise(r->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    *out = r;
    return KPI_OK;
fail:
    reader_close(r);
    return KPI_ERROR;
}

enum kpi_status reader_open(const char *path, bool hash, struct reader **out)
{
    return open_file(path, hash, true, out);
}

enum kpi_status reader_open_nofollow(const char *path, bool hash, struct reader **out)
{
    return open_file(path, hash, false, out);
}

void reader_close(struct reader *r)
{
    if (r == NULL)
        return;
    if (r->fd >= 0)
        close(r->fd);
    csv_free(&r->parser);
    hash_free(r->hash);
    free(r->path);
    free(r->buf);
    dynbuf_free(&r->raw);
    dynbuf_free(&r->fbuf);
    dynbuf_free(&r->foff);
    dynbuf_free(&r->flen);
    dynbuf_free(&r->fptr);
    dynbuf_free(&r->wide_role);
    dynbuf_free(&r->wide_names);
    dynbuf_free(&r->wide_off);
    xlsx_close(r->xlsx);
    free(r);
}

static int set_problem(struct reader *r, long long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int set_problem(struct reader *r, long long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->problem, sizeof r->problem, fmt, ap);
    va_end(ap);
    r->problem_line = line;
    return -1;
}

const char *reader_problem(const struct reader *r, long long *line)
{
    if (line != NULL)
        *line = r->problem_line;
    return r->problem;
}

char reader_delimiter(const struct reader *r)
{
    return r->delim;
}

bool reader_had_bom(const struct reader *r)
{
    return r->bom;
}

bool reader_had_crlf(const struct reader *r)
{
    return r->crlf;
}

long long reader_bytes(const struct reader *r)
{
    if (r->xlsx != NULL)
        return xlsx_bytes(r->xlsx);
    return r->offset + (long long)r->buf_pos;
}

bool reader_is_xlsx(const struct reader *r)
{
    return r->detected && r->format == FORMAT_XLSX;
}

const char *reader_problem_where(const struct reader *r, char *buf, size_t len)
{
    if (r->problem_line <= 0)
        snprintf(buf, len, "%s", "");
    else if (r->format == FORMAT_XLSX && r->xlsx != NULL)
        xlsx_cell_ref(xlsx_sheet(r->xlsx), -1, r->problem_line, buf, len);
    else
        snprintf(buf, len, "%lld", r->problem_line);
    return buf;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_ino == b->st_ino && a->st_dev == b->st_dev && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

bool reader_unchanged(const struct reader *r)
{
    struct stat now;
    return stat(r->path, &now) == 0 && same_file(&now, &r->st);
}

enum kpi_status reader_digest(struct reader *r, char out[HASH_HEX_LEN])
{
    if (r->hash == NULL) {
        log_error("internal error: \"%s\" was opened without hashing", r->path);
        return KPI_ERROR;
    }
    return hash_final(r->hash, out);
}

static int refill(struct reader *r)
{
    r->offset += (long long)r->buf_len;
    r->buf_len = r->buf_pos = 0;
    for (;;) {
        if (interrupt_requested(NULL))
            return -2; /* a signal asked to stop: the caller says so */
        ssize_t n = read(r->fd, r->buf, READ_CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            log_error("could not read \"%s\": %s", r->path, strerror(errno));
            return -2;
        }
        if (n == 0) {
            r->at_eof = true;
            return 0;
        }
        r->buf_len = (size_t)n;
        if (r->offset + n > r->limits.max_file) {
            if (r->hash != NULL) /* the bytes within the limit are hashed, no more */
                hash_update(r->hash, r->buf, (size_t)(r->limits.max_file - r->offset));
            return set_problem(r, r->line,
                               "the file is larger than %lld bytes; split it, or raise "
                               "--max-file-bytes (KPI_MAX_FILE_BYTES)",
                               r->limits.max_file);
        }
        if (r->hash == NULL)
            return 0;
        return hash_update(r->hash, r->buf, (size_t)n) == 0 ? 0 : -2;
    }
}

/* First chunk: encodings we can name, the BOM, the delimiter of the header. */
static int start(struct reader *r)
{
    const unsigned char *b = r->buf;
    size_t n = r->buf_len;
    r->started = true;
    if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return set_problem(r, 1,
                           "the file is UTF-16, not UTF-8; save it as \"CSV UTF-8\" and send "
                           "it again");
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        r->bom = true;
        r->buf_pos = 3;
    }
    size_t commas = 0, semis = 0;
    bool quoted = false;
    for (size_t i = r->buf_pos; i < n && (quoted || b[i] != '\n'); i++) {
        if (b[i] == '"')
            quoted = !quoted;
        else if (!quoted && b[i] == ',')
            commas++;
        else if (!quoted && b[i] == ';')
            semis++;
    }
    if (semis > commas)
        r->delim = ';';
    csv_set_delim(&r->parser, (unsigned char)r->delim);
    return 0;
}

/* Validate S (N bytes at file offset OFF) as UTF-8, continuing the state. */
static int check_utf8(struct reader *r, const unsigned char *s, size_t n, long long off)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (r->u8_need > 0) {
            if (c < r->u8_lo || c > r->u8_hi)
                goto bad;
            r->u8_lo = 0x80;
            r->u8_hi = 0xBF;
            r->u8_need--;
            continue;
        }
        if (c < 0x80) {
            if (c == 0)
                return set_problem(r, r->line,
                                   "NUL byte at byte offset %lld; the file is not UTF-8 text "
                                   "(UTF-16?): save it as \"CSV UTF-8\"",
                                   off + (long long)i);
            continue;
        }
        r->u8_start = off + (long long)i;
        r->u8_lo = 0x80;
        r->u8_hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            r->u8_need = 1;
        else if (c == 0xE0)
            r->u8_need = 2, r->u8_lo = 0xA0;
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
            r->u8_need = 2;
        else if (c == 0xED)
            r->u8_need = 2, r->u8_hi = 0x9F;
        else if (c == 0xF0)
            r->u8_need = 3, r->u8_lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3)
            r->u8_need = 3;
        else if (c == 0xF4)
            r->u8_need = 3, r->u8_hi = 0x8F;
        else
            goto bad;
    }
    return 0;
bad:
    return set_problem(r, r->line,
                       "invalid UTF-8 at byte offset %lld; save the file as \"CSV UTF-8\" "
                       "(Windows-1258 and TCVN3 are not accepted)",
                       r->u8_start);
}

static void reset_row(struct reader *r)
{
    dynbuf_reset(&r->raw);
    r->raw_nonblank = false;
    r->nfields = 0;
    dynbuf_reset(&r->fbuf);
    dynbuf_reset(&r->foff);
    dynbuf_reset(&r->flen);
    r->rows_ready = 0;
    r->malformed = NULL;
    r->long_field = 0;
    r->pending_reset = false;
}

static int append_raw(struct reader *r, const unsigned char *s, size_t n)
{
    if (dynbuf_len(&r->raw) + n > r->limits.max_row) {
        if (r->line > r->row_line)
            return set_problem(r, r->row_line,
                               "unterminated quote: the quoted field of the row starting at "
                               "line %lld is not closed within %zu bytes (--max-row-bytes)",
                               r->row_line, r->limits.max_row);
        return set_problem(r, r->row_line,
                           "line %lld is longer than %zu bytes; check the file, or raise "
                           "--max-row-bytes (KPI_MAX_ROW_BYTES)",
                           r->row_line, r->limits.max_row);
    }
    if (dynbuf_addn(&r->raw, s, n) != DYNBUF_OK)
        return set_problem(r, r->row_line, "out of memory");
    for (size_t i = 0; i < n && !r->raw_nonblank; i++)
        r->raw_nonblank = s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n';
    return 0;
}

/* Restart libcsv after a malformed row, at the start of the next line. */
static int restart_parser(struct reader *r)
{
    csv_free(&r->parser);
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return set_problem(r, r->line, "out of memory");
    csv_set_delim(&r->parser, (unsigned char)r->delim);
    return 0;
}

static int give_row(struct reader *r, struct reader_row *row)
{
    const char *fields = dynbuf_ptr(&r->fbuf);
    const size_t *off = (const size_t *)(const void *)dynbuf_ptr(&r->foff);
    dynbuf_reset(&r->fptr);
    for (size_t i = 0; i < r->nfields; i++) {
        const char *p = fields + off[i];
        if (dynbuf_addn(&r->fptr, &p, sizeof p) != DYNBUF_OK)
            return set_problem(r, r->row_line, "out of memory");
    }
    /* buffers even for a row without fields (malformed) or bytes */
    if (dynbuf_reserve(&r->fptr, sizeof(const char *)) != DYNBUF_OK ||
        dynbuf_reserve(&r->raw, 0) != DYNBUF_OK)
        return set_problem(r, r->row_line, "out of memory");
    if (r->long_field > 0 && r->malformed == NULL) {
        snprintf(r->long_field_why, sizeof r->long_field_why,
                 "field %zu is %zu bytes long, more than %zu; shorten it, or raise "
                 "--max-field-bytes (KPI_MAX_FIELD_BYTES)",
                 r->long_field, r->long_field_len, r->limits.max_field);
        r->malformed = r->long_field_why;
    }
    /* the line break off, in place: the dynbuf stays NUL-terminated at its length */
    while (r->raw.len > 0 &&
           (r->raw.buf[r->raw.len - 1] == '\n' || r->raw.buf[r->raw.len - 1] == '\r'))
        r->raw.len--;
    r->raw.buf[r->raw.len] = '\0';
    row->malformed = r->malformed;
    row->line_no = r->row_line;
    row->nfields = r->malformed ? 0 : r->nfields;
    row->field = (const char **)(void *)r->fptr.buf;
    row->len = field_len(r);
    row->raw = r->raw.buf;
    row->raw_len = r->raw.len;
    r->pending_reset = true;
    return 1;
}

static bool all_empty(const struct reader *r)
{
    const size_t *len = field_len(r);
    for (size_t i = 0; i < r->nfields; i++)
        if (len[i] > 0)
            return false;
    return true;
}

/* End of the file: the last row without a line break, or an open quote. */
static int finish(struct reader *r, struct reader_row *row)
{
    r->finished = true;
    if (r->u8_need > 0)
        return set_problem(r, r->line,
                           "invalid UTF-8 at byte offset %lld (a character cut short at the end "
                           "of the file); save the file as \"CSV UTF-8\"",
                           r->u8_start);
    if (csv_fini(&r->parser, on_field, on_row, r) != 0)
        return set_problem(r, r->row_line,
                           "unterminated quote: the quoted field of the row starting at line "
                           "%lld is never closed",
                           r->row_line);
    if (r->too_long)
        return set_problem(r, r->row_line, "out of memory");
    if (r->rows_ready > 0 && !all_empty(r))
        return give_row(r, row);
    return 0;
}

/* reader_next's work: 1 a row, 0 the end, -1 a CSV problem, -2 an I/O error. */
static int next_row(struct reader *r, struct reader_row *row)
{
    if (r->pending_reset)
        reset_row(r);
    if (r->finished)
        return 0;
    for (;;) {
        if (r->buf_pos == r->buf_len) {
            if (r->at_eof)
                return finish(r, row);
            int rc = refill(r);
            if (rc != 0)
                return rc;
            continue;
        }
        if (!r->started) {
            if (start(r) != 0)
                return -1;
            continue;
        }
        const unsigned char *seg = r->buf + r->buf_pos;
        size_t avail = r->buf_len - r->buf_pos;
        const unsigned char *nl = memchr(seg, '\n', avail);
        size_t n = nl ? (size_t)(nl - seg) + 1 : avail;
        if (check_utf8(r, seg, n, r->offset + (long long)r->buf_pos) != 0)
            return -1;
        if (dynbuf_len(&r->raw) == 0)
            r->row_line = r->line;
        if (append_raw(r, seg, n) != 0)
            return -1;
        if (nl != NULL && n >= 2 && seg[n - 2] == '\r')
            r->crlf = true;
        size_t done = r->malformed ? n : csv_parse(&r->parser, seg, n, on_field, on_row, r);
        r->buf_pos += n;
        if (r->too_long)
            return set_problem(r, r->row_line, "out of memory");
        if (done != n && !r->malformed) {
            r->malformed = "malformed quotes: a field containing a quote must be enclosed in "
                           "quotes, with each inner quote doubled (\"\")";
        }
        if (nl != NULL)
            r->line++;
        if (r->malformed) {
            if (nl == NULL)
                continue; /* the rest of the line belongs to the bad row */
            if (restart_parser(r) != 0)
                return -1;
            return give_row(r, row);
        }
        if (r->rows_ready > 1)
            return set_problem(r, r->row_line,
                               "a bare carriage return (CR) splits line %lld into several rows; "
                               "save the file with LF or CRLF line ends",
                               r->row_line);
        if (r->rows_ready == 1) {
            if (all_empty(r)) {
                reset_row(r);
                continue;
            }
            return give_row(r, row);
        }
        if (nl != NULL && !r->raw_nonblank)
            reset_row(r);
    }
}

/* Hash the whole file (a workbook is not read in order), then rewind. 0, or -2. */
static int hash_all(struct reader *r)
{
    int rc;
    do {
        r->buf_pos = r->buf_len;
        rc = refill(r);
    } while (rc == 0 && !r->at_eof);
    r->offset = 0;
    r->buf_len = r->buf_pos = 0;
    return rc == 0 ? 0 : rc == -1 ? -1 : -2;
}

/* The next row of a workbook: 1 a row, 0 the end, -1 a problem, -2 a signal. */
static int next_xlsx_row(struct reader *r, struct reader_row *row)
{
    if (!r->xlsx_opened) {
        r->xlsx_opened = true;
        if (r->hash != NULL) {
            int rc = hash_all(r);
            if (rc != 0)
                return rc;
        }
        int fd = dup(r->fd);
        if (fd < 0)
            return set_problem(r, 0, "could not read the file: %s", strerror(errno));
        struct xlsx_limits lim = {
            .max_sheet = r->limits.max_file,
            .max_strings =
                r->limits.max_strings > 0 ? r->limits.max_strings : XLSX_DEFAULT_MAX_STRINGS,
            .max_row = r->limits.max_row,
            .max_field = r->limits.max_field,
        };
        enum kpi_status st =
            xlsx_open(fd, r->limits.sheet, &lim, &r->xlsx, r->problem, sizeof r->problem);
        if (st == KPI_ERROR)
            return -2;
        if (st != KPI_OK) {
            r->problem_line = 0;
            return -1;
        }
    }
    struct xlsx_row x;
    bool got;
    enum kpi_status st = xlsx_next(r->xlsx, &x, &got);
    if (st == KPI_ERROR)
        return -2;
    if (st != KPI_OK) {
        long long at;
        const char *why = xlsx_problem(r->xlsx, &at);
        set_problem(r, at, "%s", why);
        return -1;
    }
    if (!got)
        return 0;
    memset(row, 0, sizeof *row);
    row->malformed = x.malformed;
    row->line_no = x.row_no;
    row->nfields = x.malformed ? 0 : x.nfields;
    row->field = x.field;
    row->len = x.len;
    row->raw = x.raw;
    row->raw_len = x.raw_len;
    row->sheet = xlsx_sheet(r->xlsx);
    row->first_col = x.first_col;
    return 1;
}

/* The next row of the file as it is: 1, 0, -1 or -2 (see next_row). */
static int next_physical(struct reader *r, struct reader_row *row)
{
    if (!r->detected) {
        r->detected = true;
        detect(r);
    }
    if (r->format == FORMAT_OTHER)
        return -1; /* detect() set the problem */
    if (r->format == FORMAT_XLSX)
        return next_xlsx_row(r, row);
    int st = next_row(r, row);
    if (st == 1) {
        row->sheet = NULL;
        row->first_col = 0;
    }
    return st;
}

static bool name_is(const char *s, size_t n, const char *name)
{
    return n == strlen(name) && strncasecmp(s, name, n) == 0;
}

bool reader_is_label(const char *f, size_t n)
{
    return n >= 2 && f[0] == '[' && f[n - 1] == ']';
}

/* The header ROW: is it wide (period, unit, no metric or value, other columns)? Its roles kept. */
static int look_at_header(struct reader *r, struct reader_row *row)
{
    bool period = false, unit = false, metric_value = false, other = false;
    if (row->malformed != NULL)
        return 0;
    for (size_t i = 0; i < row->nfields; i++) {
        const char *f = row->field[i];
        size_t n = row->len[i];
        if (n == 0)
            return 0; /* an empty column: rowcheck says so */
        if (name_is(f, n, "period"))
            period = true;
        else if (name_is(f, n, "unit"))
            unit = true;
        else if (name_is(f, n, "metric") || name_is(f, n, "value"))
            metric_value = true;
        else if (!name_is(f, n, "agency") && !name_is(f, n, "note") && !reader_is_label(f, n))
            other = true;
    }
    if (!period || !unit || metric_value || !other)
        return 0;
    r->wide = true;
    for (int k = 0; k < 5; k++)
        r->wide_col[k] = -1;
    for (size_t i = 0; i < row->nfields; i++) {
        const char *f = row->field[i];
        size_t n = row->len[i];
        unsigned char role = name_is(f, n, "period")   ? WIDE_PERIOD
                             : name_is(f, n, "unit")   ? WIDE_UNIT
                             : name_is(f, n, "agency") ? WIDE_AGENCY
                             : name_is(f, n, "note")   ? WIDE_NOTE
                             : reader_is_label(f, n)   ? WIDE_LABEL
                                                       : WIDE_METRIC;
        size_t off = dynbuf_len(&r->wide_names);
        if (role != WIDE_METRIC && role != WIDE_LABEL && r->wide_col[role] < 0)
            r->wide_col[role] = (int)i;
        if (dynbuf_addn(&r->wide_role, &role, 1) != DYNBUF_OK ||
            dynbuf_addn(&r->wide_off, &off, sizeof off) != DYNBUF_OK ||
            dynbuf_addn(&r->wide_names, f, n) != DYNBUF_OK ||
            dynbuf_addn(&r->wide_names, "", 1) != DYNBUF_OK)
            return set_problem(r, row->line_no, "out of memory");
    }
    return 0;
}

/* The next row of the wide row r->phys, one per non-empty metric cell: 1, or 0 when done. */
static int unroll(struct reader *r, struct reader_row *row)
{
    const struct reader_row *p = &r->phys;
    size_t ncols = dynbuf_len(&r->wide_role);
    const unsigned char *role = (const unsigned char *)dynbuf_ptr(&r->wide_role);
    const size_t *off = (const size_t *)(const void *)dynbuf_ptr(&r->wide_off);
    if (r->wide_next == 0 && p->malformed == NULL && p->nfields > ncols) {
        r->wide_next = p->nfields; /* the whole row, rejected once */
        *row = *p;
        if (p->sheet != NULL) {
            char ref[160];
            xlsx_cell_ref(p->sheet, p->first_col + (int)ncols, p->line_no, ref, sizeof ref);
            snprintf(r->wide_why, sizeof r->wide_why,
                     "the row has a value in %s, a column without a header; name the column or "
                     "delete the value",
                     ref);
        } else {
            snprintf(r->wide_why, sizeof r->wide_why,
                     "the row has %zu fields but the header has %zu; check the delimiter '%c' "
                     "and quote fields that contain it",
                     p->nfields, ncols, r->delim);
        }
        row->malformed = r->wide_why;
        row->nfields = 0;
        return 1;
    }
    if (r->wide_next == 0 && p->malformed != NULL) {
        r->wide_next = 1;
        *row = *p;
        return 1;
    }
    while (r->wide_next < p->nfields && r->wide_next < ncols) {
        size_t i = r->wide_next++;
        if (role[i] != WIDE_METRIC || p->len[i] == 0)
            continue;
        static const char *const empty = "";
        int src[WIDE_FIELDS] = {r->wide_col[WIDE_PERIOD], r->wide_col[WIDE_UNIT], (int)i, (int)i,
                                r->wide_col[WIDE_AGENCY], r->wide_col[WIDE_NOTE]};
        for (int k = 0; k < WIDE_FIELDS; k++) {
            int c = src[k];
            bool have = c >= 0 && (size_t)c < p->nfields;
            r->wfield[k] = have ? p->field[c] : empty;
            r->wlen[k] = have ? p->len[c] : 0;
            r->wcol[k] = c;
        }
        r->wfield[2] = dynbuf_ptr(&r->wide_names) + off[i];
        r->wlen[2] = strlen(r->wfield[2]);
        *row = *p;
        row->nfields = WIDE_FIELDS;
        row->field = r->wfield;
        row->len = r->wlen;
        row->col = r->wcol;
        return 1;
    }
    return 0;
}

/* reader_next's work with the wide layout: 1 a row, 0 the end, -1 a problem, -2 an error. */
static int next_logical(struct reader *r, struct reader_row *row)
{
    for (;;) {
        if (r->unrolling) {
            if (unroll(r, row) == 1)
                return 1;
            r->unrolling = false;
        }
        int st = next_physical(r, row);
        if (st != 1)
            return st;
        row->col = NULL;
        row->wide = false;
        row->locale_vi = r->limits.locale_vi;
        if (!r->header_seen) {
            r->header_seen = true;
            if (look_at_header(r, row) != 0)
                return -1;
            row->wide = r->wide;
            return 1;
        }
        if (!r->wide)
            return 1;
        r->phys = *row;
        r->wide_next = 0;
        r->unrolling = true;
    }
}

enum kpi_status reader_next(struct reader *r, struct reader_row *row, bool *got)
{
    int st = next_logical(r, row);
    *got = st == 1;
    return st >= 0 ? KPI_OK : st == -1 ? KPI_REJECTED : KPI_ERROR;
}

size_t reader_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--; /* s[max] continues a character: cut before that character */
    return max;
}

bool reader_same_file(const struct reader *r, const struct stat *st)
{
    return same_file(&r->st, st);
}

enum kpi_status reader_sha256(const char *path, long long max_file, char out[HASH_HEX_LEN],
                              struct stat *st, bool *too_large)
{
    struct reader *r;
    int rc;
    enum kpi_status status;
    *too_large = false;
    if (reader_open_nofollow(path, true, &r) != 0)
        return KPI_ERROR;
    if (max_file > 0)
        r->limits.max_file = max_file;
    /* hash every byte up to the limit: read raw chunks, ignoring what they contain */
    do {
        r->buf_pos = r->buf_len;
        rc = refill(r);
    } while (rc == 0 && !r->at_eof);
    *st = r->st;
    *too_large = rc == -1;
    status = rc == -2 ? KPI_ERROR : reader_digest(r, out);
    reader_close(r);
    return status;
}
