/*
 * builtin/report.c — `kpi report`: write the leaders' report of one period
 * as HTML (engine/report/report.c), PDF (report/pdf.c: headless Chromium)
 * or an Excel "biểu mẫu" (report/excel.c).
 */
#include "builtin.h"
#include "db/conn.h"
#include "report/pdf.h"
#include "report/report.h"
#include "report/excel.h"
#include "common/status.h"

#include <stdio.h>
#include <string.h>

static const struct command_doc report_doc = {
    .name = "report",
    .synopsis = "kpi report --period YYYY-MM [--kind KIND] [--unit CODE] [--format html|pdf|xlsx]\n"
                "           [--plan ID] [--issuer NAME] --out FILE",
    .description =
        "Write the leaders' report of one period, in Vietnamese: every indicator against its\n"
        "target, 12-period charts, the ranking of communes and wards, missing data, dated tasks,\n"
        "and the run id, catalog version and data cut-off. Reads what kpi compute stored.\n"
        "html: one self-contained file (inline CSS and SVG charts, no network access, prints on\n"
        "A4). pdf: that page printed to A4 by headless Chromium (chromium, or $KPI_CHROMIUM).\n"
        "xlsx: a biểu mẫu in the layout of Decree 30/2020/NĐ-CP (issuing body, Quốc hiệu, tiêu\n"
        "ngữ, number and date lines), one sheet per section, the figures people read as text\n"
        "beside the exact numbers.\n",
};

/* The format named by the extension of PATH (".pdf", ".xlsx"), else "html". */
static const char *format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (dot != NULL && strcmp(dot, ".pdf") == 0)
        return "pdf";
    if (dot != NULL && strcmp(dot, ".xlsx") == 0)
        return "xlsx";
    return "html";
}

enum kpi_status cmd_report(int argc, char **argv)
{
    struct report_options ro = {0};
    const char *out = NULL, *format = NULL, *issuer = NULL;
    struct kpi_option options[] = {
        OPT_STRING("period", 'p', &ro.period, "YYYY-MM",
                   "the month of the report (reporting kinds: the window closing on the 14th of "
                   "that month; calendar kinds: the period holding its last day)"),
        OPT_STRING("kind", 'k', &ro.kind, "KIND",
                   "report_month (default), report_quarter, report_half, report_9m, report_year, "
                   "month, quarter, half, year, ytd or deadline"),
        OPT_STRING("unit", 'u', &ro.unit, "CODE", "the unit reported on (default: the province)"),
        OPT_STRING("plan", 0, &ro.plan, "ID",
                   "the plan whose targets are reported (e.g. kh05-2025; default: the plan in "
                   "force on the period's last day)"),
        OPT_STRING("format", 'f', &format, "FORMAT",
                   "html, pdf or xlsx (default: from the extension of --out, else html)"),
        OPT_STRING("issuer", 0, &issuer, "NAME",
                   "xlsx: the issuing body at the top left (default: UBND and the unit's name in "
                   "upper case, e.g. UBND TỈNH THÁI NGUYÊN)"),
        OPT_STRING("out", 'o', &out, "FILE", "where to write it (replaced atomically)"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &report_doc, options, &args, &done))
        return done;
    if (args < argc)
        return builtin_usage_error("report", "unexpected argument '%s'", argv[args]);
    if (ro.period == NULL)
        return builtin_usage_error("report", "--period YYYY-MM is required");
    if (out == NULL || *out == '\0')
        return builtin_usage_error("report", "--out FILE is required");
    if (ro.kind != NULL && !report_kind_valid(ro.kind))
        return builtin_usage_error("report", "unknown --kind '%s'", ro.kind);
    if (format == NULL)
        format = format_of(out);
    if (strcmp(format, "html") != 0 && strcmp(format, "pdf") != 0 && strcmp(format, "xlsx") != 0)
        return builtin_usage_error("report", "unknown --format '%s'; use html, pdf or xlsx",
                                   format);
    if (issuer != NULL && strcmp(format, "xlsx") != 0)
        return builtin_usage_error("report", "--issuer is for --format xlsx");

    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    int rc = strcmp(format, "pdf") == 0    ? pdf_report_write(conn, &ro, out)
             : strcmp(format, "xlsx") == 0 ? excel_report_write(conn, &ro, issuer, out)
                                           : report_write(conn, &ro, out);
    if (rc == KPI_REJECTED)
        rc = KPI_ERROR; /* nothing to report: the command failed to do what was asked */
    PQfinish(conn);
    if (rc == KPI_OK)
        printf("wrote %s\n", out);
    return rc;
}
