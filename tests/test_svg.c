/*
 * test_svg.c — engine/report/svg.c: the exact SVG of small charts (coordinates
 * worked out by hand from the geometry in svg.c), escaping, gaps, and
 * Vietnamese numbers on the axes.
 */
#include "report/svg.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Draw LINE (or else BARS) into a string (malloc'd); *rc = what the drawing returned. */
static char *render(const struct svg_line_chart *line, const struct svg_bar_chart *bars,
                    enum kpi_status *rc)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    *rc = line ? svg_line_chart(f, line) : svg_bar_chart(f, bars);
    ck_assert_int_eq(fclose(f), 0);
    return text;
}

static int occurrences(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

#define ck_assert_has(hay, needle) ck_assert_msg(strstr(hay, needle) != NULL, "missing: %s", needle)

START_TEST(line_chart_geometry_target_and_gap)
{
    /*
     * Values 70, (none), 90 and target 80: y runs from 60 % (floor of 70-5 to a
     * multiple of 10) to 100 %, 144 px over 40 points, so y(v) = 164 - (v-60)*3.6:
     * 70 → 128, 80 → 92, 90 → 56. Three bands of 302/3 px from x = 48: centres
     * 98.3, 199.0, 299.7. The gap breaks the path: two "M" and no "L".
     */
    struct svg_point pts[] = {
        {"T1", "2025", "70", NULL}, {"T<2>", NULL, NULL, NULL}, {"T3", NULL, "90", "met"}};
    struct svg_line_chart c = {
        .id = "chart-3.1",
        .title = "3.1 \"DVC\" & <b>",
        .x_title = "Kỳ báo cáo",
        .y_title = "%",
        .target = "80",
        .target_label = "Mục tiêu: trên 80 %",
        .points = pts,
        .npoints = 3,
        .lang = NUMFMT_VI,
    };
    enum kpi_status rc;
    char *svg = render(&c, NULL, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_has(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" "
                       "id=\"chart-3.1\" viewBox=\"0 0 360 210\"");
    ck_assert_has(svg, "<title>3.1 &quot;DVC&quot; &amp; &lt;b&gt;</title>");
    ck_assert_has(svg, "<line class=\"target-line\" x1=\"48\" y1=\"92.0\" x2=\"350\" y2=\"92.0\"");
    ck_assert_has(svg, ">Mục tiêu: trên 80 %</text>");
    ck_assert_has(svg, "d=\"M98.3 128.0 M299.7 56.0\"");
    ck_assert_has(svg, "<circle class=\"point\" cx=\"98.3\" cy=\"128.0\"");
    ck_assert_has(svg, "<circle class=\"point met\" cx=\"299.7\" cy=\"56.0\"");
    ck_assert_int_eq(occurrences(svg, "<circle"), 2);
    ck_assert_has(svg, "x=\"199.0\" y=\"177\" text-anchor=\"middle\">T&lt;2&gt;</text>");
    /* y ticks 60..100 step 10, written the Vietnamese way, 60 % at the x axis */
    ck_assert_has(svg,
                  "y1=\"164.0\" x2=\"350\" y2=\"164.0\" stroke=\"#DDDDDD\"/><text class=\"tick\" "
                  "x=\"44\" y=\"167.0\" text-anchor=\"end\">60 %</text>");
    ck_assert_has(svg, ">100 %</text>");
    ck_assert_int_eq(occurrences(svg, "class=\"grid-line\""), 5);
    ck_assert_has(svg, ">Kỳ báo cáo</text>");
    /* the sublabel (the year) on a second line, under the first point only */
    ck_assert_has(
        svg, "<text class=\"tick sub\" x=\"98.3\" y=\"189\" text-anchor=\"middle\">2025</text>");
    ck_assert_int_eq(occurrences(svg, "tick sub"), 1);
    /* the target's label sits at the left end, just above the line */
    ck_assert_has(svg, "<text class=\"target-label\" x=\"52\" y=\"88.0\"");
    ck_assert_has(svg, "font-weight=\"bold\" stroke=\"#FFFFFF\" stroke-width=\"3\" "
                       "paint-order=\"stroke\">90 %</text>");
    ck_assert_int_eq(occurrences(svg, "target-line"), 1);
    ck_assert_has(svg, "</svg>\n");
    free(svg);
}
END_TEST

START_TEST(line_chart_decimals_follow_the_language_and_default_label)
{
    /* 85.55 is cut (never rounded) to 85.5; min 84 → lo = 70, hi 100, y(v) = 164 - (v-70)*4.8 */
    struct svg_point pts[] = {{"Q1", NULL, "84", NULL}, {"Q2", NULL, "85.55", NULL}};
    struct svg_line_chart c = {.target = "85", .points = pts, .npoints = 2, .lang = NUMFMT_VI};
    enum kpi_status rc;
    char *svg = render(&c, NULL, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_has(svg, ">85,5 %</text>");
    ck_assert_has(svg, ">Mục tiêu 85 %</text>");
    ck_assert_has(svg, "y1=\"92.0\" x2=\"350\" y2=\"92.0\" stroke=\"#D55E00\"");
    /* two bands of 151 px: centres 123.5 and 274.5; 84 → 96.8, 85.55 → 89.36 */
    ck_assert_has(svg, "d=\"M123.5 96.8 L274.5 89.4\"");
    ck_assert_int_eq(occurrences(svg, "class=\"grid-line\""), 4);
    free(svg);
    c.lang = NUMFMT_EN;
    svg = render(&c, NULL, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_has(svg, ">85.5%</text>");
    ck_assert_has(svg, ">Target 85%</text>");
    ck_assert_has(svg, ">100%</text>");
    free(svg);
}
END_TEST

START_TEST(judged_labels_read_on_the_side_of_the_target)
{
    /* "> 80": the last point 79.96 (breach) cut to 79.9, never "80 %" */
    struct svg_point pts[] = {{"T8", NULL, "81", "met"}, {"T9", NULL, "79.96", "breach"}};
    struct svg_line_chart c = {
        .target = "80", .comparator = ">", .points = pts, .npoints = 2, .lang = NUMFMT_VI};
    enum kpi_status rc;
    char *svg = render(&c, NULL, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_has(svg, "paint-order=\"stroke\">79,9 %</text>");
    free(svg);
    /* bars: 80.01 met of "> 80" would cut to "80 %", which reads as not above: 80,01;
     * 80.0000 breach of "> 80" reads as it is: 80 % */
    struct svg_bar bars[] = {{"A", "80.0100", "met", "✓"}, {"B", "80.0000", "breach", "✗"}};
    struct svg_bar_chart b = {
        .target = "80", .comparator = ">", .bars = bars, .nbars = 2, .lang = NUMFMT_VI};
    svg = render(NULL, &b, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_has(svg, ">80,01 % ✓</text>");
    ck_assert_has(svg, ">80 % ✗</text>");
    free(svg);
    /* without a comparator the values are only cut: 80.01 → "80 %" */
    b.comparator = NULL;
    svg = render(NULL, &b, &rc);
    ck_assert_has(svg, ">80 % ✓</text>");
    free(svg);
}
END_TEST

START_TEST(line_chart_without_values_or_with_bad_values)
{
    struct svg_point none[] = {{"T1", NULL, NULL, NULL}, {"T2", NULL, NULL, NULL}};
    struct svg_line_chart c = {.target = "50", .points = none, .npoints = 2};
    enum kpi_status rc;
    char *svg = render(&c, NULL, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_ptr_null(strstr(svg, "<path"));
    ck_assert_ptr_null(strstr(svg, "<circle"));
    ck_assert_int_eq(occurrences(svg, "class=\"target-line\""), 1);
    free(svg);
    struct svg_point bad[] = {{"T1", NULL, "8O", NULL}};
    c.points = bad;
    c.npoints = 1;
    svg = render(&c, NULL, &rc);
    ck_assert_int_eq(rc, KPI_ERROR);
    free(svg);
}
END_TEST

START_TEST(bar_chart_rows_values_symbols_and_target)
{
    /* 128 px for 100 %: 92.5 → 118.4 px, 40 → 51.2 px, target 80 at 172 + 102.4 */
    struct svg_bar bars[] = {{"Xã Phú Lạc", "92.5", "met", "✓"},
                             {"Phường <B>", "40", "breach", "✗"}};
    struct svg_bar_chart c = {.id = "rank-3.1-best",
                              .title = "Xếp hạng",
                              .target = "80",
                              .bars = bars,
                              .nbars = 2,
                              .lang = NUMFMT_VI};
    enum kpi_status rc;
    char *svg = render(NULL, &c, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_has(svg, "class=\"chart bar-chart\" id=\"rank-3.1-best\" viewBox=\"0 0 360 52\"");
    ck_assert_has(svg, "<text class=\"bar-label\" x=\"168\" y=\"27\" text-anchor=\"end\">Xã Phú "
                       "Lạc</text><rect class=\"bar met\" x=\"172\" y=\"18\" width=\"118.4\" "
                       "height=\"12\"");
    ck_assert_has(svg, "<text class=\"bar-value\" x=\"304\" y=\"27\">92,5 % ✓</text>");
    ck_assert_has(svg, ">Phường &lt;B&gt;</text><rect class=\"bar breach\" x=\"172\" y=\"34\" "
                       "width=\"51.2\"");
    ck_assert_has(svg, ">40 % ✗</text>");
    ck_assert_has(svg, "<line class=\"target-line\" x1=\"274.4\" y1=\"14\" x2=\"274.4\" y2=\"50\"");
    ck_assert_has(svg, ">Mục tiêu 80 %</text>");
    free(svg);
    /* a class is escaped like any text */
    struct svg_bar odd[] = {{"x", "50", "a\" onclick=\"b", NULL}};
    c.bars = odd;
    c.nbars = 1;
    svg = render(NULL, &c, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_has(svg, "<rect class=\"bar a&quot; onclick=&quot;b\" x=\"172\"");
    free(svg);
    struct svg_bar bad[] = {{"x", "", NULL, NULL}};
    c.bars = bad;
    c.nbars = 1;
    svg = render(NULL, &c, &rc);
    ck_assert_int_eq(rc, KPI_ERROR);
    free(svg);
}
END_TEST

START_TEST(escape_covers_markup_and_quotes)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    svg_escape(f, "<script>alert('x') & \"y\"</script> Xã");
    svg_escape(f, NULL);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_str_eq(text,
                     "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt; Xã");
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("svg");
    TCase *tc = tcase_create("svg");
    tcase_add_test(tc, line_chart_geometry_target_and_gap);
    tcase_add_test(tc, line_chart_decimals_follow_the_language_and_default_label);
    tcase_add_test(tc, judged_labels_read_on_the_side_of_the_target);
    tcase_add_test(tc, line_chart_without_values_or_with_bad_values);
    tcase_add_test(tc, bar_chart_rows_values_symbols_and_target);
    tcase_add_test(tc, escape_covers_markup_and_quotes);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
