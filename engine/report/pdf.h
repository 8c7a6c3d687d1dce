/*
 * report/pdf.h — owns the report as PDF: headless Chromium (Debian's
 * chromium) run on the HTML report (report.h) with --print-to-pdf, each run
 * in a throwaway profile, bounded in time, its process group killed when it
 * overruns. Which Chromium: $KPI_CHROMIUM when set (a path, or a name looked
 * up in PATH), else the first of chromium, chromium-browser, google-chrome
 * found in PATH. The tests (tests/test_report_browser.c) drive the same
 * runner for the DOM and screenshots.
 */
#ifndef KPI_REPORT_PDF_H
#define KPI_REPORT_PDF_H

#include "common/status.h"
#include "report/report.h"

#include <libpq-fe.h>
#include <stddef.h>

/* How long one Chromium run may take before its process group is killed (seconds). */
#define PDF_CHROMIUM_TIMEOUT 180

/*
 * pdf_chromium_find: the Chromium to run, as an absolute path into BUF (LEN
 * bytes). Returns KPI_OK; KPI_ERROR when none is installed or $KPI_CHROMIUM
 * names no executable (logged, saying what to install or set; BUF "").
 */
enum kpi_status pdf_chromium_find(char *buf, size_t len);

/*
 * pdf_chromium_run: run headless Chromium on the file HTML_PATH (made
 * absolute, as a file:// URL) with the one extra argument ACTION (e.g.
 * "--print-to-pdf=/tmp/x.pdf", "--dump-dom", "--screenshot=/tmp/x.png";
 * window 1240 x 1754 px, no PDF header or footer), in a new profile removed
 * afterwards. Its stdout goes to STDOUT_PATH (NULL: discarded), its stderr
 * is appended to LOG_PATH (NULL: kept in the profile and its last line
 * logged when the run fails). Returns KPI_OK with Chromium's exit status in
 * *exit_code (128+N when killed by signal N, 124 when it overran
 * PDF_CHROMIUM_TIMEOUT); KPI_ERROR when it could not be found or started
 * (logged; *exit_code untouched).
 */
enum kpi_status pdf_chromium_run(const char *html_path, const char *action, const char *stdout_path,
                                 const char *log_path, int *exit_code);

/*
 * pdf_print: print the HTML file HTML_PATH to PDF_PATH (A4, as the page's
 * @page rule says) through a temporary file in PDF_PATH's folder renamed
 * into place: PDF_PATH is untouched on failure. Returns KPI_OK; KPI_ERROR
 * when Chromium is missing, fails or writes no PDF (logged).
 */
enum kpi_status pdf_print(const char *html_path, const char *pdf_path);

/*
 * pdf_report_write: report_write (report.h) of OPT to a temporary HTML
 * file, printed by pdf_print to OUT_PATH. Returns what report_write returns
 * (KPI_USAGE, KPI_REJECTED: nothing written), else pdf_print's status.
 */
enum kpi_status pdf_report_write(PGconn *conn, const struct report_options *opt,
                                 const char *out_path);

#endif
