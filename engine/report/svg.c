/*
 * svg.c — SVG line and bar charts for the leaders' report (see svg.h).
 * Owns the geometry and the drawing; the numbers on the page are written
 * by numfmt.c from the exact decimal text, positions are only pixels.
 */
#include "report/svg.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Okabe–Ito colours: blue for the series, vermillion for the target. */
#define COLOR_SERIES "#0072B2"
#define COLOR_TARGET "#D55E00"
#define COLOR_AXIS   "#333333"
#define COLOR_GRID   "#DDDDDD"

/* A white outline under a text, so that it stays legible over lines. */
#define HALO "stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\""

/* Line chart geometry (px): the plot spans [L, R] x [T, B]. */
enum { LC_W = 360, LC_H = 210, LC_L = 48, LC_R = 350, LC_T = 20, LC_B = 164 };

/* Bar chart geometry (px): bars start at BC_X0 and reach BC_X1 at 100 %. */
enum { BC_W = 360, BC_ROW = 16, BC_TOP = 16, BC_LABEL = 168, BC_X0 = 172, BC_X1 = 300 };

void svg_escape(FILE *out, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

/* Write " CLS" (escaped) after a class list; nothing when CLS is NULL. */
static void put_class(FILE *out, const char *cls)
{
    if (cls == NULL)
        return;
    fputc(' ', out);
    svg_escape(out, cls);
}

/* Parse decimal TEXT (as numfmt accepts it) into *v, for positions only. */
static enum kpi_status parse_value(const char *text, double *v)
{
    char check[128];
    if (numfmt_decimal(check, sizeof check, text, 0, NUMFMT_TRIM, NUMFMT_EN) != 0)
        return KPI_ERROR;
    *v = strtod(text, NULL);
    return KPI_OK;
}

/* Write "80 %" for the integer percentage N. */
static void put_pct_int(FILE *out, int n, enum numfmt_lang lang)
{
    char text[16], buf[32];
    snprintf(text, sizeof text, "%d", n);
    if (numfmt_pct(buf, sizeof buf, text, 0, NUMFMT_TRIM, lang) == 0)
        fputs(buf, out);
}

static void open_svg(FILE *out, const char *cls, const char *id, const char *title, int w, int h)
{
    fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart %s\"", cls);
    if (id != NULL) {
        fputs(" id=\"", out);
        svg_escape(out, id);
        fputc('"', out);
    }
    fprintf(out,
            " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
            "font-size=\"10\" role=\"img\"",
            w, h, w, h);
    if (title != NULL) {
        fputs(" aria-label=\"", out);
        svg_escape(out, title);
        fputs("\"><title>", out);
        svg_escape(out, title);
        fputs("</title>\n", out);
    } else {
        fputs(">\n", out);
    }
}

/* The largest multiple of 10 at most V, and the smallest at least V. */
static int floor10(double v)
{
    int i = (int)v;
    if ((double)i > v)
        i--;
    return i >= 0 ? i / 10 * 10 : -((-i + 9) / 10 * 10);
}

static int ceil10(double v)
{
    return -floor10(-v);
}

/* The y range [*lo, *hi] (integer percent) covering MIN..MAX, and its tick step. */
static void y_range(double min, double max, int *lo, int *hi, int *step)
{
    *hi = max > 100 ? ceil10(max) : 100;
    *lo = floor10(min - 5);
    if (*lo < 0)
        *lo = 0;
    if (*hi - *lo < 20)
        *lo = *hi - 20;
    *step = *hi - *lo <= 60 ? 10 : 20;
}

static double y_of(double v, int lo, int hi)
{
    return LC_B - (v - lo) * (LC_B - LC_T) / (hi - lo);
}

enum kpi_status svg_line_chart(FILE *out, const struct svg_line_chart *c)
{
    enum kpi_status rc = KPI_ERROR;
    double *vals = calloc(c->npoints + 1, sizeof *vals);
    double target = 0, min = 100, max = 0;
    if (vals == NULL)
        goto fail;
    if (c->target != NULL) {
        if (parse_value(c->target, &target) != 0)
            goto fail;
        min = max = target;
    }
    for (size_t i = 0; i < c->npoints; i++) {
        if (c->points[i].value == NULL)
            continue;
        if (parse_value(c->points[i].value, &vals[i]) != 0)
            goto fail;
        min = vals[i] < min ? vals[i] : min;
        max = vals[i] > max ? vals[i] : max;
    }
    int lo, hi, step;
    y_range(min, max, &lo, &hi, &step);

    open_svg(out, "line-chart", c->id, c->title, LC_W, LC_H);
    /* grid and y ticks */
    for (int t = lo; t <= hi; t += step) {
        double y = y_of(t, lo, hi);
        fprintf(out,
                "<line class=\"grid-line\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                "stroke=\"" COLOR_GRID "\"/><text class=\"tick\" x=\"%d\" y=\"%.1f\" "
                "text-anchor=\"end\">",
                LC_L, y, LC_R, y, LC_L - 4, y + 3);
        put_pct_int(out, t, c->lang);
        fputs("</text>\n", out);
    }
    /* axes */
    fprintf(out,
            "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" COLOR_AXIS
            "\"/><line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" COLOR_AXIS
            "\"/>\n",
            LC_L, LC_T, LC_L, LC_B, LC_L, LC_B, LC_R, LC_B);
    /* x labels at band centres */
    double band = c->npoints > 0 ? (double)(LC_R - LC_L) / (double)c->npoints : 0;
    for (size_t i = 0; i < c->npoints; i++) {
        fprintf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                LC_L + band * ((double)i + 0.5), LC_B + 13);
        svg_escape(out, c->points[i].label);
        fputs("</text>\n", out);
        if (c->points[i].sublabel == NULL)
            continue;
        fprintf(out, "<text class=\"tick sub\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                LC_L + band * ((double)i + 0.5), LC_B + 25);
        svg_escape(out, c->points[i].sublabel);
        fputs("</text>\n", out);
    }
    if (c->x_title != NULL) {
        fprintf(out, "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">",
                (LC_L + LC_R) / 2, LC_H - 6);
        svg_escape(out, c->x_title);
        fputs("</text>\n", out);
    }
    if (c->y_title != NULL) {
        fprintf(out, "<text class=\"axis-title\" x=\"%d\" y=\"%d\">", 4, LC_T - 8);
        svg_escape(out, c->y_title);
        fputs("</text>\n", out);
    }
    /* target */
    if (c->target != NULL) {
        double y = y_of(target, lo, hi);
        fprintf(out,
                "<line class=\"target-line\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                "stroke=\"" COLOR_TARGET "\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>"
                "<text class=\"target-label\" x=\"%d\" y=\"%.1f\" fill=\"" COLOR_TARGET "\" " HALO
                ">",
                LC_L, y, LC_R, y, LC_L + 4, y - 4);
        if (c->target_label != NULL) {
            svg_escape(out, c->target_label);
        } else {
            char buf[64];
            fputs(c->lang == NUMFMT_EN ? "Target " : "Mục tiêu ", out);
            if (numfmt_pct(buf, sizeof buf, c->target, NUMFMT_ALL, NUMFMT_TRIM, c->lang) == 0)
                fputs(buf, out);
        }
        fputs("</text>\n", out);
    }
    /* the series: a path broken at gaps, then the markers */
    bool pen = false, any = false;
    for (size_t i = 0; i < c->npoints; i++) {
        if (c->points[i].value == NULL) {
            pen = false;
            continue;
        }
        if (!any)
            fputs("<path class=\"series\" fill=\"none\" stroke=\"" COLOR_SERIES
                  "\" stroke-width=\"2\" d=\"",
                  out);
        fprintf(out, "%s%c%.1f %.1f", any ? " " : "", pen ? 'L' : 'M',
                LC_L + band * ((double)i + 0.5), y_of(vals[i], lo, hi));
        pen = any = true;
    }
    if (any)
        fputs("\"/>\n", out);
    size_t last = c->npoints;
    for (size_t i = 0; i < c->npoints; i++) {
        if (c->points[i].value == NULL)
            continue;
        fputs("<circle class=\"point", out);
        put_class(out, c->points[i].cls);
        fprintf(out, "\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"" COLOR_SERIES "\"/>\n",
                LC_L + band * ((double)i + 0.5), y_of(vals[i], lo, hi));
        last = i;
    }
    if (last < c->npoints) {
        char buf[64];
        struct numfmt_target t = {c->comparator, c->target, c->points[last].cls};
        if (numfmt_judged_pct(buf, sizeof buf, c->points[last].value, 1, NUMFMT_TRIM, &t,
                              c->lang) == 0)
            fprintf(out,
                    "<text class=\"value-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
                    "font-weight=\"bold\" " HALO ">%s</text>\n",
                    LC_L + band * ((double)last + 0.5) + 4, y_of(vals[last], lo, hi) - 6, buf);
    }
    fputs("</svg>\n", out);
    rc = ferror(out) ? KPI_ERROR : KPI_OK;
fail:
    free(vals);
    return rc;
}

enum kpi_status svg_bar_chart(FILE *out, const struct svg_bar_chart *c)
{
    double target = 0, max = 100;
    if (c->target != NULL && parse_value(c->target, &target) != 0)
        return KPI_ERROR;
    for (size_t i = 0; i < c->nbars; i++) {
        double v;
        if (parse_value(c->bars[i].value, &v) != 0)
            return KPI_ERROR;
        max = v > max ? v : max;
    }
    int scale = max > 100 ? ceil10(max) : 100;
    int h = BC_TOP + (int)c->nbars * BC_ROW + 4;
    open_svg(out, "bar-chart", c->id, c->title, BC_W, h);
    for (size_t i = 0; i < c->nbars; i++) {
        const struct svg_bar *b = &c->bars[i];
        double v = strtod(b->value, NULL);
        int y = BC_TOP + (int)i * BC_ROW;
        double w = (v < 0 ? 0 : v) * (BC_X1 - BC_X0) / scale;
        char buf[64];
        fprintf(out, "<text class=\"bar-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">", BC_LABEL,
                y + 11);
        svg_escape(out, b->label);
        fputs("</text><rect class=\"bar", out);
        put_class(out, b->cls);
        fprintf(out,
                "\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"" COLOR_SERIES
                "\"/><text class=\"bar-value\" x=\"%d\" y=\"%d\">",
                BC_X0, y + 2, w, BC_ROW - 4, BC_X1 + 4, y + 11);
        struct numfmt_target t = {c->comparator, c->target, b->cls};
        if (numfmt_judged_pct(buf, sizeof buf, b->value, 1, NUMFMT_TRIM, &t, c->lang) == 0)
            fputs(buf, out);
        if (b->symbol != NULL) {
            fputc(' ', out);
            svg_escape(out, b->symbol);
        }
        fputs("</text>\n", out);
    }
    if (c->target != NULL) {
        double x = BC_X0 + target * (BC_X1 - BC_X0) / scale;
        char buf[64];
        fprintf(out,
                "<line class=\"target-line\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                "stroke=\"" COLOR_TARGET "\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>"
                "<text class=\"target-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                "fill=\"" COLOR_TARGET "\">%s",
                x, BC_TOP - 2, x, h - 2, x, BC_TOP - 5,
                c->lang == NUMFMT_EN ? "Target " : "Mục tiêu ");
        if (numfmt_pct(buf, sizeof buf, c->target, NUMFMT_ALL, NUMFMT_TRIM, c->lang) == 0)
            fputs(buf, out);
        fputs("</text>\n", out);
    }
    fputs("</svg>\n", out);
    return ferror(out) ? KPI_ERROR : KPI_OK;
}
