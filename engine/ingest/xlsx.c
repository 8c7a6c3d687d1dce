/*
 * xlsx.c — owns the reading of Excel workbooks (see xlsx.h): the zip
 * (libzip), the parts workbook.xml, its relationships, styles.xml and
 * sharedStrings.xml, and the rows of one sheet, each part streamed through
 * libxml2's xmlTextReader with its uncompressed bytes counted against a cap;
 * the typing of cells (dates, numbers, text) as the row checks read them.
 */
#include "ingest/xlsx.h"

#include "common/dynbuf.h"
#include "common/interrupt.h"
#include "common/log.h"
#include "common/period.h"
#include "common/sizelimit.h"

#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zip.h>

#define MAX_SMALL_PART (16LL * 1024 * 1024) /* workbook.xml, its rels, styles.xml */
#define MAX_ENTRIES    100000               /* members of the zip */
#define MAX_STYLES     65536                /* cellXfs entries (Excel: 64,000) */
#define MAX_FORMATS    4096                 /* custom number formats */
#define WHY_LEN        512
#define MAX_DRAIN      (64LL * 1024 * 1024) /* read past broken XML to find a damaged member */

enum fmt_kind { FMT_NUMBER, FMT_DATE, FMT_MONTH };

/* A zip member being streamed into an xmlTextReader, its bytes counted. */
struct part {
    zip_file_t *zf;
    const char *name;
    long long read, cap;
    bool over;       /* the cap was passed */
    bool zip_failed; /* zip_fread failed (corrupt member) */
    char zip_error[160];
    char xml_error[200]; /* the first error libxml2 reported */
    xmlTextReaderPtr reader;
};

struct xlsx {
    zip_t *zip;
    char *sheet_name;
    char *sheet_path;
    bool date1904;
    /* shared strings: NUL-terminated texts in strings, their offsets in soff */
    struct dynbuf strings, soff;
    size_t nstrings;
    /* styles: the format kind of each cellXfs entry */
    unsigned char *style_kind;
    size_t nstyles;
    /* the sheet */
    struct part sheet;
    bool sheet_open, done;
    long long row_no;
    int base_col;        /* the header's first column; -1 before the header */
    size_t header_nf;    /* fields of the header: shorter rows are padded to it */
    struct dynbuf text;  /* the row's cell texts, each NUL-terminated */
    struct dynbuf cells; /* struct cell of the row */
    struct dynbuf fptr, flen, raw;
    char malformed[WHY_LEN];
    size_t max_field;
    char problem[WHY_LEN];
    long long problem_row;
};

struct cell {
    int col;
    size_t off, len;
};

enum kpi_status xlsx_limits_strings(long long *out)
{
    long long v = XLSX_DEFAULT_MAX_STRINGS;
    if (sizelimit_env("KPI_MAX_XLSX_STRINGS_BYTES", LLONG_MAX / 4, &v) != KPI_OK)
        return KPI_ERROR;
    *out = v;
    return KPI_OK;
}

static void set_why(char *why, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_why(char *why, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, len, fmt, ap);
    va_end(ap);
}

/* libxml2's errors: the first one kept for the message, nothing printed. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    struct part *p = ctx;
    if (p->xml_error[0] != '\0' || e == NULL)
        return;
    snprintf(p->xml_error, sizeof p->xml_error, "line %d: %s", e->line,
             e->message ? e->message : "error");
    size_t n = strlen(p->xml_error);
    while (n > 0 && (p->xml_error[n - 1] == '\n' || p->xml_error[n - 1] == ' '))
        p->xml_error[--n] = '\0';
}

static int part_read(void *ctx, char *buf, int len)
{
    struct part *p = ctx;
    if (interrupt_requested(NULL))
        return -1;
    zip_int64_t n = zip_fread(p->zf, buf, (zip_uint64_t)len);
    if (n < 0) {
        p->zip_failed = true;
        snprintf(p->zip_error, sizeof p->zip_error, "%s", zip_file_strerror(p->zf));
        return -1;
    }
    p->read += n;
    if (p->read > p->cap) {
        p->over = true;
        return -1;
    }
    return (int)n;
}

static int part_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/*
 * Open the member NAME of X's zip as an XML stream capped at CAP bytes.
 * KPI_OK; KPI_REJECTED with WHY (missing when REQUIRED, declared over the
 * cap, unreadable); a missing optional member is KPI_OK with p->reader NULL.
 */
static enum kpi_status part_open(struct xlsx *x, struct part *p, const char *name, long long cap,
                                 bool required, char *why, size_t len)
{
    memset(p, 0, sizeof *p);
    p->name = name;
    p->cap = cap;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(x->zip, name, 0, &st) != 0) {
        if (required)
            set_why(why, len,
                    "the workbook has no part %s; save it again as Excel 2007-365 (.xlsx)", name);
        return required ? KPI_REJECTED : KPI_OK;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > (zip_uint64_t)cap) {
        set_why(why, len,
                "%s is %llu bytes uncompressed, more than the limit of %lld; the file is refused "
                "(a zip bomb?)%s",
                name, (unsigned long long)st.size, cap,
                strcmp(name, "xl/sharedStrings.xml") == 0
                    ? "; KPI_MAX_XLSX_STRINGS_BYTES raises the limit of shared strings"
                    : "");
        return KPI_REJECTED;
    }
    p->zf = zip_fopen(x->zip, name, 0);
    if (p->zf == NULL) {
        set_why(why, len, "the workbook is damaged: %s cannot be read (%s); save it again", name,
                zip_strerror(x->zip));
        return KPI_REJECTED;
    }
    p->reader =
        xmlReaderForIO(part_read, part_close, p, name, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    if (p->reader == NULL) {
        zip_fclose(p->zf);
        p->zf = NULL;
        set_why(why, len, "out of memory");
        return KPI_REJECTED;
    }
    xmlTextReaderSetStructuredErrorHandler(p->reader, on_xml_error, p);
    return KPI_OK;
}

static void part_close_all(struct part *p)
{
    if (p->reader != NULL)
        xmlFreeTextReader(p->reader);
    if (p->zf != NULL)
        zip_fclose(p->zf);
    p->reader = NULL;
    p->zf = NULL;
}

/* Why reading P stopped (after xmlTextReaderRead returned -1), into WHY. */
static void part_failure(struct part *p, char *why, size_t len)
{
    if (!p->over && !p->zip_failed && !interrupt_requested(NULL) && p->zf != NULL) {
        /* broken XML: is the member itself damaged? Its CRC shows at its end */
        char buf[16384];
        long long stop = p->read + MAX_DRAIN;
        while (!p->zip_failed && !p->over && p->read < stop && part_read(p, buf, sizeof buf) > 0)
            ;
    }
    if (p->over)
        set_why(why, len,
                "%s is larger than %lld bytes uncompressed; the file is refused (a zip bomb?)%s",
                p->name, p->cap,
                strcmp(p->name, "xl/sharedStrings.xml") == 0
                    ? "; KPI_MAX_XLSX_STRINGS_BYTES raises the limit of shared strings"
                    : "; split the sheet, or raise --max-file-bytes (KPI_MAX_FILE_BYTES)");
    else if (p->zip_failed)
        set_why(why, len, "the workbook is damaged: %s cannot be unpacked (%s); save it again",
                p->name, p->zip_error);
    else if (interrupt_requested(NULL))
        set_why(why, len, "interrupted");
    else
        set_why(why, len, "%s is not valid XML (%s); save the workbook again", p->name,
                p->xml_error[0] ? p->xml_error : "cut short");
}

static const char *local_name(xmlTextReaderPtr r)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r);
    return n ? (const char *)n : "";
}

/* The attribute NAME (without namespace) of the current element, malloc'd or NULL. */
static char *attr(xmlTextReaderPtr r, const char *name)
{
    char *v = NULL;
    if (xmlTextReaderMoveToFirstAttribute(r) != 1)
        return NULL;
    do {
        if (strcmp(local_name(r), name) == 0) {
            const xmlChar *s = xmlTextReaderConstValue(r);
            v = strdup(s ? (const char *)s : "");
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(r) == 1);
    xmlTextReaderMoveToElement(r);
    return v;
}

static bool is_text_node(int type)
{
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

/* --- workbook.xml and its relationships -------------------------------- */

/* The target of relationship RID in xl/_rels/workbook.xml.rels, as a zip path (malloc'd). */
static enum kpi_status find_target(struct xlsx *x, const char *rid, char **path, char *why,
                                   size_t len)
{
    struct part p;
    *path = NULL;
    if (part_open(x, &p, "xl/_rels/workbook.xml.rels", MAX_SMALL_PART, true, why, len) != 0)
        return KPI_REJECTED;
    int rc;
    while ((rc = xmlTextReaderRead(p.reader)) == 1 && *path == NULL) {
        if (xmlTextReaderNodeType(p.reader) != XML_READER_TYPE_ELEMENT ||
            strcmp(local_name(p.reader), "Relationship") != 0)
            continue;
        char *id = attr(p.reader, "Id");
        if (id != NULL && strcmp(id, rid) == 0) {
            char *t = attr(p.reader, "Target");
            if (t != NULL) {
                *path = malloc(strlen(t) + 4);
                if (*path != NULL)
                    sprintf(*path, "%s%s", t[0] == '/' ? "" : "xl/", t[0] == '/' ? t + 1 : t);
                free(t);
            }
        }
        free(id);
    }
    if (rc < 0 && *path == NULL)
        part_failure(&p, why, len);
    else if (*path == NULL)
        set_why(why, len, "the workbook is damaged: its sheet %s has no part; save it again", rid);
    part_close_all(&p);
    return *path ? KPI_OK : KPI_REJECTED;
}

/* The sheet SHEET (NULL: the first) of workbook.xml into x->sheet_name and x->sheet_path. */
static enum kpi_status find_sheet(struct xlsx *x, const char *sheet, char *why, size_t len)
{
    struct part p;
    char *rid = NULL;
    struct dynbuf names;
    enum kpi_status rc = KPI_REJECTED;
    int st;
    dynbuf_init(&names, 300);
    if (part_open(x, &p, "xl/workbook.xml", MAX_SMALL_PART, true, why, len) != 0)
        return KPI_REJECTED;
    while ((st = xmlTextReaderRead(p.reader)) == 1) {
        if (xmlTextReaderNodeType(p.reader) != XML_READER_TYPE_ELEMENT)
            continue;
        const char *n = local_name(p.reader);
        if (strcmp(n, "workbookPr") == 0) {
            char *d = attr(p.reader, "date1904");
            x->date1904 = d != NULL && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
            free(d);
        } else if (strcmp(n, "sheet") == 0 && rid == NULL) {
            char *name = attr(p.reader, "name");
            if (name == NULL)
                continue;
            dynbuf_addf(&names, "%s\"%s\"", dynbuf_len(&names) ? ", " : "", name);
            if (sheet == NULL || strcasecmp(sheet, name) == 0) {
                rid = attr(p.reader, "id");
                x->sheet_name = name;
                name = NULL;
            }
            free(name);
        }
    }
    if (st < 0) {
        part_failure(&p, why, len);
    } else if (rid == NULL && sheet != NULL) {
        set_why(why, len, "the workbook has no sheet \"%s\"; its sheets are %s", sheet,
                dynbuf_len(&names) ? dynbuf_ptr(&names) : "(none)");
    } else if (rid == NULL) {
        set_why(why, len, "the workbook has no sheet");
    } else {
        rc = find_target(x, rid, &x->sheet_path, why, len);
    }
    free(rid);
    dynbuf_free(&names);
    part_close_all(&p);
    return rc;
}

/* --- styles.xml: which cell styles show dates ------------------------- */

/* The kind of the number format CODE: a date (with a day), a month (no day), a number. */
static enum fmt_kind code_kind(const char *code)
{
    bool y = false, m = false, d = false, h = false;
    for (const char *c = code; *c != '\0'; c++) {
        if (*c == '"') { /* a literal */
            const char *e = strchr(c + 1, '"');
            if (e == NULL)
                break;
            c = e;
        } else if (*c == '\\' || *c == '_' || *c == '*') {
            if (c[1] == '\0')
                break;
            c++;
        } else if (*c == '[') { /* [Red], [$-42A], [h] */
            const char *e = strchr(c, ']');
            if (e == NULL)
                break;
            c = e;
        } else if (*c == 'y' || *c == 'Y') {
            y = true;
        } else if (*c == 'd' || *c == 'D') {
            d = true;
        } else if (*c == 'm' || *c == 'M') {
            m = true;
        } else if (*c == 'h' || *c == 'H' || *c == 's' || *c == 'S') {
            h = true;
        }
    }
    if (d || (y && !m))
        return FMT_DATE;
    if (y && m)
        return FMT_MONTH;
    (void)h; /* a time alone is not a period */
    return FMT_NUMBER;
}

/* The kind of built-in format ID (ECMA-376 part 1, 18.8.30). */
static enum fmt_kind builtin_kind(long id)
{
    if (id == 17)
        return FMT_MONTH; /* mmm-yy */
    if ((id >= 14 && id <= 16) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return FMT_DATE;
    return FMT_NUMBER;
}

static enum kpi_status read_styles(struct xlsx *x, char *why, size_t len)
{
    struct part p;
    long fmt_id[MAX_FORMATS];
    unsigned char fmt_kind[MAX_FORMATS];
    size_t nfmt = 0;
    struct dynbuf kinds;
    bool in_xfs = false;
    int st;
    if (part_open(x, &p, "xl/styles.xml", MAX_SMALL_PART, false, why, len) != 0)
        return KPI_REJECTED;
    if (p.reader == NULL)
        return KPI_OK; /* no styles: every number is a number */
    dynbuf_init(&kinds, MAX_STYLES);
    while ((st = xmlTextReaderRead(p.reader)) == 1) {
        int type = xmlTextReaderNodeType(p.reader);
        const char *n = local_name(p.reader);
        if (type == XML_READER_TYPE_END_ELEMENT && strcmp(n, "cellXfs") == 0)
            in_xfs = false;
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        if (strcmp(n, "cellXfs") == 0) {
            in_xfs = !xmlTextReaderIsEmptyElement(p.reader);
        } else if (strcmp(n, "numFmt") == 0 && nfmt < MAX_FORMATS) {
            char *id = attr(p.reader, "numFmtId"), *code = attr(p.reader, "formatCode");
            if (id != NULL && code != NULL) {
                fmt_id[nfmt] = strtol(id, NULL, 10);
                fmt_kind[nfmt++] = (unsigned char)code_kind(code);
            }
            free(id);
            free(code);
        } else if (strcmp(n, "xf") == 0 && in_xfs) {
            char *id = attr(p.reader, "numFmtId");
            long v = id ? strtol(id, NULL, 10) : 0;
            unsigned char k = (unsigned char)builtin_kind(v);
            for (size_t i = 0; i < nfmt; i++)
                if (fmt_id[i] == v)
                    k = fmt_kind[i];
            free(id);
            if (dynbuf_addn(&kinds, &k, 1) != DYNBUF_OK) {
                set_why(why, len, "styles.xml has more than %d cell styles", MAX_STYLES);
                part_close_all(&p);
                return KPI_REJECTED;
            }
        }
    }
    if (st < 0) {
        part_failure(&p, why, len);
        dynbuf_free(&kinds);
        part_close_all(&p);
        return KPI_REJECTED;
    }
    part_close_all(&p);
    x->nstyles = dynbuf_len(&kinds);
    x->style_kind = (unsigned char *)dynbuf_take(&kinds);
    if (x->style_kind == NULL) {
        set_why(why, len, "out of memory");
        return KPI_REJECTED;
    }
    return KPI_OK;
}

/* --- sharedStrings.xml ------------------------------------------------- */

static enum kpi_status read_strings(struct xlsx *x, long long cap, char *why, size_t len)
{
    struct part p;
    int st, depth_rph = 0;
    bool in_si = false, in_t = false;
    if (part_open(x, &p, "xl/sharedStrings.xml", cap, false, why, len) != 0)
        return KPI_REJECTED;
    if (p.reader == NULL)
        return KPI_OK;
    while ((st = xmlTextReaderRead(p.reader)) == 1) {
        int type = xmlTextReaderNodeType(p.reader);
        const char *n = local_name(p.reader);
        unsigned bad = DYNBUF_OK;
        if (type == XML_READER_TYPE_ELEMENT) {
            bool empty = xmlTextReaderIsEmptyElement(p.reader);
            if (strcmp(n, "si") == 0) {
                size_t off = dynbuf_len(&x->strings);
                bad |= dynbuf_addn(&x->soff, &off, sizeof off);
                if (empty)
                    bad |= dynbuf_addn(&x->strings, "", 1);
                else
                    in_si = true;
            } else if (strcmp(n, "rPh") == 0 && !empty) {
                depth_rph++; /* phonetic runs are not the text */
            } else if (strcmp(n, "t") == 0 && !empty) {
                in_t = true;
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (strcmp(n, "si") == 0 && in_si) {
                bad |= dynbuf_addn(&x->strings, "", 1);
                in_si = false;
            } else if (strcmp(n, "rPh") == 0) {
                depth_rph--;
            } else if (strcmp(n, "t") == 0) {
                in_t = false;
            }
        } else if (is_text_node(type) && in_si && in_t && depth_rph == 0) {
            const xmlChar *v = xmlTextReaderConstValue(p.reader);
            if (v != NULL)
                bad |= dynbuf_add(&x->strings, (const char *)v);
        }
        if (bad != DYNBUF_OK) {
            set_why(why, len,
                    "the shared strings of the workbook hold more than %lld bytes; the file is "
                    "refused (a zip bomb?); KPI_MAX_XLSX_STRINGS_BYTES raises the limit",
                    cap);
            part_close_all(&p);
            return KPI_REJECTED;
        }
    }
    if (st < 0) {
        part_failure(&p, why, len);
        part_close_all(&p);
        return KPI_REJECTED;
    }
    part_close_all(&p);
    x->nstrings = dynbuf_len(&x->soff) / sizeof(size_t);
    return KPI_OK;
}

static const char *shared_string(const struct xlsx *x, size_t i)
{
    const size_t *off = (const size_t *)(const void *)dynbuf_ptr(&x->soff);
    return dynbuf_ptr(&x->strings) + off[i];
}

/* --- opening ------------------------------------------------------------ */

/* What a zip that is not a workbook is, for the message. */
static void not_a_workbook(struct xlsx *x, char *why, size_t len)
{
    char mime[96] = "";
    zip_file_t *f = zip_fopen(x->zip, "mimetype", 0);
    if (f != NULL) {
        zip_int64_t n = zip_fread(f, mime, sizeof mime - 1);
        mime[n > 0 ? n : 0] = '\0';
        zip_fclose(f);
    }
    const char *what =
        strstr(mime, "opendocument.spreadsheet") ? "an OpenDocument spreadsheet (.ods)"
        : strstr(mime, "opendocument.text")      ? "an OpenDocument text (.odt)"
        : zip_name_locate(x->zip, "word/document.xml", 0) >= 0 ? "a Word document (.docx)"
        : zip_name_locate(x->zip, "ppt/presentation.xml", 0) >= 0
            ? "a PowerPoint presentation (.pptx)"
            : "a zip archive, not an Excel workbook";
    set_why(why, len,
            "the file is %s; send .xlsx or .csv: save it in LibreOffice/Excel as 'Excel "
            "2007-365 (.xlsx)'",
            what);
}

enum kpi_status xlsx_open(int fd, const char *sheet, const struct xlsx_limits *lim,
                          struct xlsx **out, char *why, size_t len)
{
    *out = NULL;
    why[0] = '\0';
    struct xlsx *x = calloc(1, sizeof *x);
    if (x == NULL) {
        close(fd);
        log_error("out of memory");
        return KPI_ERROR;
    }
    x->base_col = -1;
    dynbuf_init(&x->strings, (size_t)lim->max_strings);
    dynbuf_init(&x->soff, (size_t)lim->max_strings);
    dynbuf_init(&x->text, lim->max_row + 1);
    dynbuf_init(&x->cells, (size_t)XLSX_MAX_COLUMNS * sizeof(struct cell));
    dynbuf_init(&x->fptr, (size_t)XLSX_MAX_COLUMNS * sizeof(const char *));
    dynbuf_init(&x->flen, (size_t)XLSX_MAX_COLUMNS * sizeof(size_t));
    dynbuf_init(&x->raw, 2 * lim->max_row + XLSX_MAX_COLUMNS + 1);
    xmlInitParser();
    int err = 0;
    x->zip = zip_fdopen(fd, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (x->zip == NULL) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        set_why(why, len,
                "the file is not a valid .xlsx (a damaged zip: %s); save it again in "
                "LibreOffice/Excel as 'Excel 2007-365 (.xlsx)', or send .csv",
                zip_error_strerror(&ze));
        zip_error_fini(&ze);
        close(fd);
        goto rejected;
    }
    if (zip_get_num_entries(x->zip, 0) > MAX_ENTRIES) {
        set_why(why, len, "the zip holds more than %d members: not a workbook", MAX_ENTRIES);
        goto rejected;
    }
    if (zip_name_locate(x->zip, "xl/workbook.xml", 0) < 0) {
        not_a_workbook(x, why, len);
        goto rejected;
    }
    if (find_sheet(x, sheet, why, len) != 0 || read_styles(x, why, len) != 0 ||
        read_strings(x, lim->max_strings, why, len) != 0)
        goto rejected;
    if (part_open(x, &x->sheet, x->sheet_path, lim->max_sheet, true, why, len) != 0)
        goto rejected;
    x->sheet_open = true;
    /* the cap of the row: max_row bytes of text, as a CSV line */
    x->text.cap = lim->max_row;
    x->max_field = lim->max_field;
    *out = x;
    return KPI_OK;
rejected:
    xlsx_close(x);
    return KPI_REJECTED;
}

/* --- the rows of the sheet ---------------------------------------------- */

static int set_problem(struct xlsx *x, long long row, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int set_problem(struct xlsx *x, long long row, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->problem, sizeof x->problem, fmt, ap);
    va_end(ap);
    x->problem_row = row;
    x->done = true;
    return -1;
}

/* "B12" → column 1 (0 = A), or -1. */
static int ref_col(const char *ref)
{
    int col = 0, n = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++, n++)
        col = col * 26 + (*ref - 'A' + 1);
    if (n == 0 || n > 3 || col > XLSX_MAX_COLUMNS)
        return -1;
    return col - 1;
}

void xlsx_cell_ref(const char *sheet, int col, long long row, char *buf, size_t len)
{
    bool quote = false;
    for (const unsigned char *s = (const unsigned char *)sheet; *s; s++)
        if (*s < 0x80 && !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                           (*s >= '0' && *s <= '9') || *s == '_' || *s == '.'))
            quote = true;
    char name[4 * 32 + 8];
    snprintf(name, sizeof name, quote ? "'%s'" : "%s", sheet);
    if (col < 0) {
        snprintf(buf, len, "%s!%lld:%lld", name, row, row);
        return;
    }
    char letters[4];
    xlsx_col_name(col, letters);
    snprintf(buf, len, "%s!%s%lld", name, letters, row);
}

void xlsx_col_name(int col, char buf[4])
{
    int n = 0, c = col + 1;
    char rev[4];
    while (c > 0 && n < 3) {
        rev[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    if (col < 0 || col >= XLSX_MAX_COLUMNS)
        n = 0;
    for (int i = 0; i < n; i++)
        buf[i] = rev[n - 1 - i];
    buf[n] = '\0';
}

/* A serial day number V (digits, maybe a fraction) as a date of kind K into OUT; false if not. */
static bool serial_date(const struct xlsx *x, const char *v, enum fmt_kind k, char *out, size_t len)
{
    size_t n = strspn(v, "0123456789");
    if (n == 0 || n > 7 || (v[n] != '\0' && v[n] != '.'))
        return false;
    if (v[n] == '.' && strspn(v + n + 1, "0123456789") != strlen(v + n + 1))
        return false;
    long serial = strtol(v, NULL, 10);
    long base = x->date1904
                    ? period_days_from_civil(1904, 1, 1)
                    : period_days_from_civil(1899, 12, 30); /* 1900's leap bug: from 1900-03-01 */
    if (!x->date1904 && serial < 61)
        return false; /* before 1900-03-01: no period of ours */
    long y, m, d;
    period_civil_from_days(base + serial, &y, &m, &d);
    if (k == FMT_MONTH)
        snprintf(out, len, "%04ld-%02ld", y, m);
    else
        snprintf(out, len, "%04ld-%02ld-%02ld", y, m, d);
    return true;
}

/*
 * A number as Excel stores it (1849, 18250, 1.825E4, 12.5, -3) as the
 * digits the checks read: a whole number without exponent or ".0", else the
 * plain decimal (12.5, which the checks refuse), else V unchanged.
 */
static void number_text(const char *v, char *out, size_t len)
{
    const char *s = v;
    bool neg = *s == '-';
    if (neg)
        s++;
    char digits[64];
    size_t nd = 0, intlen = 0;
    while (*s >= '0' && *s <= '9' && nd < 40)
        digits[nd++] = *s++;
    intlen = nd;
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9' && nd < 40)
            digits[nd++] = *s++;
    }
    long exp = 0;
    if (*s == 'e' || *s == 'E') {
        char *end;
        exp = strtol(s + 1, &end, 10);
        s = end;
    }
    if (*s != '\0' || nd == 0 || exp > 20 || exp < -20) {
        snprintf(out, len, "%s", v);
        return;
    }
    long point = (long)intlen + exp; /* digits before the decimal point */
    char buf[128];
    size_t o = 0;
    if (neg)
        buf[o++] = '-';
    if (point <= 0) {
        buf[o++] = '0';
    } else {
        for (long i = 0; i < point; i++)
            buf[o++] = i < (long)nd ? digits[i] : '0';
    }
    /* the fraction: digits from point on, zeros dropped at the end */
    long last = (long)nd - 1;
    while (last >= 0 && last >= point && digits[last] == '0')
        last--;
    if (last >= point) {
        buf[o++] = '.';
        for (long i = point; i < 0; i++)
            buf[o++] = '0';
        for (long i = point < 0 ? 0 : point; i <= last; i++)
            buf[o++] = digits[i];
    }
    buf[o] = '\0';
    /* leading zeros of the whole part off (but one) */
    char *b = buf + (neg ? 1 : 0);
    size_t z = 0;
    while (b[z] == '0' && b[z + 1] >= '0' && b[z + 1] <= '9')
        z++;
    memmove(b, b + z, strlen(b + z) + 1);
    snprintf(out, len, "%s", buf);
}

/* The current cell's value: its type T, style S, collected text V → the field text. */
static enum kpi_status cell_text(struct xlsx *x, const char *t, long s, const char *v, char *out,
                                 size_t outlen, const char **text, long long row)
{
    *text = v;
    if (t == NULL || strcmp(t, "n") == 0) {
        if (v[0] == '\0')
            return KPI_OK;
        enum fmt_kind k =
            s >= 0 && (size_t)s < x->nstyles ? (enum fmt_kind)x->style_kind[s] : FMT_NUMBER;
        if (k != FMT_NUMBER && serial_date(x, v, k, out, outlen)) {
            *text = out;
            return KPI_OK;
        }
        number_text(v, out, outlen);
        *text = out;
    } else if (strcmp(t, "s") == 0) {
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        if (end == v || *end != '\0' || i >= x->nstrings) {
            set_problem(x, row,
                        "a cell refers to shared string %s, which the workbook does not "
                        "have; save it again",
                        v);
            return KPI_REJECTED;
        }
        *text = shared_string(x, i);
    } else if (strcmp(t, "d") == 0) {
        /* ISO 8601: the date part, and YYYY-MM when that is all there is */
        size_t n = strlen(v);
        if (n >= 10 && v[4] == '-' && v[7] == '-') {
            snprintf(out, outlen, "%.10s", v);
            *text = out;
        }
    } else if (strcmp(t, "b") == 0) {
        *text = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
    }
    /* str (a formula's text), inlineStr, e (#N/A…): the text as it is */
    return KPI_OK;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Append the cell COL with text S to the row being assembled. */
static int add_cell(struct xlsx *x, int col, const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && blank(*s))
        s++, n--;
    while (n > 0 && blank(s[n - 1]))
        n--;
    if (n == 0)
        return 0;
    struct cell c = {.col = col, .off = dynbuf_len(&x->text), .len = n};
    if (dynbuf_addn(&x->text, s, n) != DYNBUF_OK || dynbuf_addn(&x->text, "", 1) != DYNBUF_OK)
        return set_problem(x, x->row_no,
                           "row %lld is longer than %zu bytes; check the sheet, or raise "
                           "--max-row-bytes (KPI_MAX_ROW_BYTES)",
                           x->row_no, x->text.cap);
    if (dynbuf_addn(&x->cells, &c, sizeof c) != DYNBUF_OK)
        return set_problem(x, x->row_no, "out of memory");
    return 0;
}

/* The row assembled: its fields from the base column to its last cell. 1, 0 (empty) or -1. */
static int give_row(struct xlsx *x, struct xlsx_row *row, size_t max_field)
{
    const struct cell *c = (const struct cell *)(const void *)dynbuf_ptr(&x->cells);
    size_t nc = dynbuf_len(&x->cells) / sizeof *c;
    if (nc == 0)
        return 0;
    if (x->base_col < 0) {
        x->base_col = c[0].col;
        for (size_t i = 1; i < nc; i++)
            if (c[i].col < x->base_col)
                x->base_col = c[i].col;
    }
    int last = -1;
    for (size_t i = 0; i < nc; i++)
        if (c[i].col > last)
            last = c[i].col;
    size_t nf = last >= x->base_col ? (size_t)(last - x->base_col + 1) : 0;
    if (nf == 0)
        return 0; /* only cells left of the header */
    if (x->header_nf == 0)
        x->header_nf = nf;
    else if (nf < x->header_nf)
        nf = x->header_nf; /* empty cells at the end are not written: "" */
    dynbuf_reset(&x->fptr);
    dynbuf_reset(&x->flen);
    dynbuf_reset(&x->raw);
    const char *empty = "";
    size_t zero = 0;
    unsigned bad = DYNBUF_OK;
    for (size_t f = 0; f < nf; f++) {
        bad |= dynbuf_addn(&x->fptr, &empty, sizeof empty);
        bad |= dynbuf_addn(&x->flen, &zero, sizeof zero);
    }
    bad |= dynbuf_reserve(&x->fptr, sizeof empty) | dynbuf_reserve(&x->flen, sizeof zero);
    if (bad != DYNBUF_OK)
        return set_problem(x, x->row_no, "out of memory");
    const char **fp = (const char **)(void *)x->fptr.buf;
    size_t *fl = (size_t *)(void *)x->flen.buf;
    const char *text = dynbuf_ptr(&x->text);
    x->malformed[0] = '\0';
    for (size_t i = 0; i < nc; i++) {
        if (c[i].col < x->base_col)
            continue; /* left of the header: not part of the table */
        size_t f = (size_t)(c[i].col - x->base_col);
        fp[f] = text + c[i].off;
        fl[f] = c[i].len;
        if (c[i].len > max_field && x->malformed[0] == '\0') {
            char ref[160];
            xlsx_cell_ref(x->sheet_name, c[i].col, x->row_no, ref, sizeof ref);
            snprintf(x->malformed, sizeof x->malformed,
                     "cell %s is %zu bytes long, more than %zu; shorten it, or raise "
                     "--max-field-bytes (KPI_MAX_FIELD_BYTES)",
                     ref, c[i].len, max_field);
        }
    }
    for (size_t f = 0; f < nf; f++) {
        if (f > 0)
            bad |= dynbuf_addn(&x->raw, ",", 1);
        bad |= dynbuf_addn(&x->raw, fp[f], fl[f]);
    }
    if (bad != DYNBUF_OK || dynbuf_reserve(&x->raw, 0) != DYNBUF_OK)
        return set_problem(x, x->row_no, "out of memory");
    row->row_no = x->row_no;
    row->first_col = x->base_col;
    row->nfields = nf;
    row->field = fp;
    row->len = fl;
    row->raw = x->raw.buf;
    row->raw_len = x->raw.len;
    row->malformed = x->malformed[0] ? x->malformed : NULL;
    return 1;
}

/* The text of the current element (v, t: no child elements) into x's scratch, appended to ACC. */
static int collect_text(struct xlsx *x, struct dynbuf *acc)
{
    xmlTextReaderPtr r = x->sheet.reader;
    if (xmlTextReaderIsEmptyElement(r))
        return 0;
    int depth = xmlTextReaderDepth(r), st;
    while ((st = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
            return 0;
        if (is_text_node(type)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v != NULL && dynbuf_add(acc, (const char *)v) != DYNBUF_OK)
                return set_problem(x, x->row_no,
                                   "row %lld is longer than %zu bytes; check the sheet, or raise "
                                   "--max-row-bytes (KPI_MAX_ROW_BYTES)",
                                   x->row_no, acc->cap);
        }
    }
    return -1; /* the caller reports the stream's failure */
}

/* One <c> element (the reader on it): its value added to the row. 0, or -1. */
static int read_cell(struct xlsx *x, int *next_col, struct dynbuf *val)
{
    xmlTextReaderPtr r = x->sheet.reader;
    char *ref = attr(r, "r"), *t = attr(r, "t"), *s = attr(r, "s");
    int col = ref ? ref_col(ref) : *next_col;
    long style = s ? strtol(s, NULL, 10) : 0;
    int rc = 0;
    free(ref);
    free(s);
    if (col < 0 || col >= XLSX_MAX_COLUMNS) {
        free(t);
        return set_problem(x, x->row_no,
                           "row %lld has a cell beyond column XFD, or a cell "
                           "reference that is not one; save the workbook again",
                           x->row_no);
    }
    *next_col = col + 1;
    dynbuf_reset(val);
    if (!xmlTextReaderIsEmptyElement(r)) {
        int depth = xmlTextReaderDepth(r), st;
        bool in_rph = false;
        while ((st = xmlTextReaderRead(r)) == 1) {
            int type = xmlTextReaderNodeType(r);
            if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
                break;
            const char *n = local_name(r);
            if (type == XML_READER_TYPE_END_ELEMENT && strcmp(n, "rPh") == 0)
                in_rph = false;
            if (type != XML_READER_TYPE_ELEMENT)
                continue;
            if (strcmp(n, "rPh") == 0 && !xmlTextReaderIsEmptyElement(r))
                in_rph = true;
            else if ((strcmp(n, "v") == 0 || (strcmp(n, "t") == 0 && !in_rph)) &&
                     collect_text(x, val) != 0) {
                rc = -1;
                break;
            }
        }
        if (st != 1 && rc == 0)
            rc = -1;
    }
    if (rc == 0) {
        char out[128];
        const char *text;
        if (cell_text(x, t, style, dynbuf_len(val) ? dynbuf_ptr(val) : "", out, sizeof out, &text,
                      x->row_no) != KPI_OK)
            rc = -1;
        else
            rc = add_cell(x, col, text);
    }
    free(t);
    return rc;
}

/* xlsx_next's work: 1 a row, 0 the end, -1 a problem. */
static int next_row(struct xlsx *x, struct xlsx_row *row)
{
    xmlTextReaderPtr r = x->sheet.reader;
    struct dynbuf val;
    int st, rc = 0, next_col = 0;
    bool in_row = false;
    if (x->done)
        return 0;
    dynbuf_init(&val, x->text.cap);
    while ((st = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *n = local_name(r);
        if (type == XML_READER_TYPE_ELEMENT && strcmp(n, "row") == 0) {
            char *rn = attr(r, "r");
            x->row_no = rn ? strtoll(rn, NULL, 10) : x->row_no + 1;
            free(rn);
            dynbuf_reset(&x->text);
            dynbuf_reset(&x->cells);
            next_col = 0;
            in_row = !xmlTextReaderIsEmptyElement(r);
        } else if (type == XML_READER_TYPE_ELEMENT && strcmp(n, "c") == 0 && in_row) {
            if (read_cell(x, &next_col, &val) != 0) {
                rc = -1;
                break;
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT && strcmp(n, "row") == 0 && in_row) {
            in_row = false;
            rc = give_row(x, row, x->max_field);
            if (rc != 0)
                break;
        } else if (type == XML_READER_TYPE_END_ELEMENT && strcmp(n, "sheetData") == 0) {
            x->done = true;
            break;
        }
    }
    dynbuf_free(&val);
    if (x->problem[0] != '\0')
        return -1;
    if (rc == 1)
        return 1;
    if (rc == -1 || st < 0) {
        char why[WHY_LEN];
        part_failure(&x->sheet, why, sizeof why);
        set_problem(x, x->row_no, "%s", why);
        return -1;
    }
    x->done = true;
    return 0;
}

enum kpi_status xlsx_next(struct xlsx *x, struct xlsx_row *row, bool *got)
{
    int rc = next_row(x, row);
    *got = rc == 1;
    if (rc >= 0)
        return KPI_OK;
    return interrupt_requested(NULL) ? KPI_ERROR : KPI_REJECTED;
}

const char *xlsx_problem(const struct xlsx *x, long long *row_no)
{
    if (row_no != NULL)
        *row_no = x->problem[0] ? x->problem_row : 0;
    return x->problem;
}

const char *xlsx_sheet(const struct xlsx *x)
{
    return x->sheet_name ? x->sheet_name : "";
}

long long xlsx_bytes(const struct xlsx *x)
{
    return x->sheet.read;
}

void xlsx_close(struct xlsx *x)
{
    if (x == NULL)
        return;
    part_close_all(&x->sheet);
    if (x->zip != NULL)
        zip_discard(x->zip); /* read only: nothing to write back; closes the file */
    free(x->sheet_name);
    free(x->sheet_path);
    free(x->style_kind);
    dynbuf_free(&x->strings);
    dynbuf_free(&x->soff);
    dynbuf_free(&x->text);
    dynbuf_free(&x->cells);
    dynbuf_free(&x->fptr);
    dynbuf_free(&x->flen);
    dynbuf_free(&x->raw);
    free(x);
}
