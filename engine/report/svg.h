/*
 * svg.h — charts drawn by the engine as SVG text, for the leaders' report
 * (engine/report/report.c): a line chart of a series against its target line, and
 * a small horizontal bar chart of a ranking. Axes carry units and numbers
 * are written by numfmt.h (Vietnamese by default): a value is cut, never
 * rounded, and with a comparator it reads on the side of the target that
 * its status (CLS) says (numfmt_judged_pct); a target is written whole. Colours come from the
 * Okabe–Ito palette (safe for colour-blind readers), the target is a dashed
 * line so that it stays distinct in greyscale, and the page's CSS may
 * override fills through the classes each element carries:
 *   svg.chart.line-chart / svg.chart.bar-chart, line.target-line,
 *   text.target-label, path.series, circle.point CLS, rect.bar CLS.
 */
#ifndef KPI_SVG_H
#define KPI_SVG_H

#include "common/numfmt.h"
#include "common/status.h"

#include <stddef.h>
#include <stdio.h>

/* One period of a line chart. */
struct svg_point {
    const char *label;    /* the x-axis label, e.g. "T9" (escaped on output) */
    const char *sublabel; /* a second line under it, e.g. the year; may be NULL */
    const char *value;    /* decimal text (a percentage), NULL: no value (a gap in the line) */
    const char *cls;      /* the cell's status, e.g. "breach": the extra class of its marker and
                             the side its label reads on (numfmt_judged_pct); may be NULL */
};

struct svg_line_chart {
    const char *id;           /* id of the <svg>, may be NULL */
    const char *title;        /* its <title> and aria-label, may be NULL */
    const char *x_title;      /* axis title under the x axis, may be NULL */
    const char *y_title;      /* axis title beside the y axis (the unit), may be NULL */
    const char *target;       /* decimal text of the target percentage, NULL: no target */
    const char *comparator;   /* ">" or ">=" (kpi.indicator), NULL: values are not judged */
    const char *target_label; /* text on the target line; NULL: "Mục tiêu N %" */
    const struct svg_point *points;
    size_t npoints;
    enum numfmt_lang lang;
};

/* One bar of a ranking. */
struct svg_bar {
    const char *label;  /* the row label, e.g. a commune's name (escaped) */
    const char *value;  /* decimal text (a percentage) */
    const char *cls;    /* the cell's status, e.g. "met": the bar's extra class and the side
                           its value reads on (numfmt_judged_pct); may be NULL */
    const char *symbol; /* written after the value, e.g. "✓"; may be NULL */
};

struct svg_bar_chart {
    const char *id;         /* id of the <svg>, may be NULL */
    const char *title;      /* its <title> and aria-label, may be NULL */
    const char *target;     /* decimal text of the target percentage, NULL: no target */
    const char *comparator; /* ">" or ">=" (kpi.indicator), NULL: values are not judged */
    const struct svg_bar *bars;
    size_t nbars;
    enum numfmt_lang lang;
};

/*
 * svg_line_chart: write C as one <svg> element to OUT: y axis in percent
 * (0–100, zoomed in to the data, ticks written "80 %"), one x label (and
 * sublabel) per point, the series as a path broken at points without a
 * value, a marker per value, the last value written above its marker, and
 * the target as a dashed line.target-line labelled at its left end. Returns KPI_OK, or KPI_ERROR
 * (nothing logged: the caller names the chart) when a value is not decimal
 * text, memory runs out or OUT reports a write error.
 */
enum kpi_status svg_line_chart(FILE *out, const struct svg_line_chart *c);

/*
 * svg_bar_chart: write C as one <svg> element to OUT: a row per bar (label,
 * bar on a 0–100 % scale, then value and symbol right of the 100 % mark),
 * and the target as a vertical dashed line.target-line. Same return as svg_line_chart.
 */
enum kpi_status svg_bar_chart(FILE *out, const struct svg_bar_chart *c);

/*
 * svg_escape: write S to OUT escaped for XML and HTML text and attribute
 * values (& < > " '). NULL writes nothing.
 */
void svg_escape(FILE *out, const char *s);

#endif
