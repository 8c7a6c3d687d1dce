/*
 * report/html.h — the page of the leaders' report: escaping, the layout
 * (head, CSS for screen and A4, legend) and one writer per section, each
 * writing HTML for the rows of its query (report/query.h) to OUT. Every
 * string from the database is escaped; every figure is written by numfmt.h
 * (cut, never rounded; a judged ratio on the side of its target that its
 * status says). Vietnamese.
 */
#ifndef KPI_REPORT_HTML_H
#define KPI_REPORT_HTML_H

#include "common/status.h"
#include "common/words.h"
#include "report/query.h"

#include <libpq-fe.h>
#include <stdio.h>

/* How many units each half of a ranking shows (the best, the worst). */
#define REPORT_RANK_TOP 5

/* html_escape: write S to OUT escaped for HTML text and attributes; NULL writes nothing. */
void html_escape(FILE *out, const char *s);

/* html_headline_cell: row ROW of the headline H (report_query_headline) as a cell for
 * common/words.h; its strings are borrowed from H. */
struct words_cell html_headline_cell(const PGresult *h, int row);

/* html_headline_gap: the "Còn thiếu" of the headline cell C into BUF (LEN bytes, always
 * NUL-terminated): its gap (words_gap), else an on-track window's projection, else a task's
 * reason ("hoàn thành ngày 12/08/2025"); "" when none. The report and its workbook print it. */
void html_headline_gap(char *buf, size_t len, const struct words_cell *c);

/* html_period_title: the title of the period of KIND ending on END to OUT: "Báo cáo tháng
 * 9/2025", "Báo cáo quý III/2025", "Tháng 9/2025", … */
void html_period_title(FILE *out, const char *kind, const char *end);

/*
 * html_task_words: the state of row ROW of TASKS (report_query_tasks) as the
 * report words it: its cell into *CELL (strings borrowed from TASKS), its
 * status words into TEXT ("quá hạn, chưa có báo cáo" when past due without a
 * report), what is missing or why into NOTE (both always NUL-terminated).
 * Returns the status class (common/words.h words_class; "breach" for past due
 * without a report, "no_data" before), static storage.
 */
const char *html_task_words(const PGresult *tasks, int row, struct words_cell *cell, char *text,
                            size_t text_len, char *note, size_t note_len);

/*
 * The section writers. Those that return int return 0, or -1 when a chart
 * cannot be drawn (logged); write errors show in ferror(OUT).
 */

/* html_head: the document up to the end of its <header>: title, CSS, legend. */
void html_head(FILE *out, const struct report_scope *s);

/* html_headline: section 1, one table row per row of H (report_query_headline). */
void html_headline(FILE *out, const struct report_scope *s, const PGresult *h);

/* html_charts: section 2, a 12-period chart (SERIES: report_query_series) of every
 * indicator of H with a target. KPI_OK, or KPI_ERROR (logged). */
enum kpi_status html_charts(FILE *out, const struct report_scope *s, const PGresult *h,
                            const PGresult *series);

/* html_ranking_begin, html_ranking_end: around section 3. */
void html_ranking_begin(FILE *out);
void html_ranking_end(FILE *out);

/* html_ranking: the ranking RANK (report_query_ranking) of the indicator in
 * row ROW of H: its best and worst REPORT_RANK_TOP units as bar charts.
 * KPI_OK, or KPI_ERROR (logged). */
enum kpi_status html_ranking(FILE *out, const PGresult *h, int row, const PGresult *rank);

/* html_missing: section 4, from MISSING (report_query_missing): one row per
 * indicator(s), lead unit and reason, with how many units miss data. */
void html_missing(FILE *out, const PGresult *missing);

/* html_missing_appendix: the appendix after section 5, the units of each row
 * of MISSING; nothing when MISSING has no row. */
void html_missing_appendix(FILE *out, const PGresult *missing);

/* html_tasks: section 5, from TASKS (report_query_tasks). */
void html_tasks(FILE *out, const PGresult *tasks);

/* html_footer: the footer from F (report_query_footer), and the end of the document. */
void html_footer(FILE *out, const struct report_scope *s, const PGresult *f);

#endif
