/*
 * text.h — UTF-8 text laid out in a terminal: its display width and cutting
 * it to a width, for the aligned tables people read (kpi show, kpi catalog
 * list, kpi alerts list) and the usage texts (builtin/parse-options.c).
 */
#ifndef KPI_TEXT_H
#define KPI_TEXT_H

#include <stddef.h>

/*
 * text_width: the terminal columns UTF-8 S takes: 0 for combining marks
 * (U+0300..U+036F and the other combining blocks, as Vietnamese written
 * decomposed uses), 2 for East Asian wide characters and emoji, 1 for every
 * other code point. Invalid bytes count one column each, a sequence cut
 * short one column. S is not NULL.
 */
size_t text_width(const char *s);

/*
 * text_width_n: text_width of the first LEN bytes of S, which need not be
 * NUL-terminated there (a word inside a longer text); a UTF-8 sequence cut
 * short at LEN counts one column.
 */
size_t text_width_n(const char *s, size_t len);

/*
 * text_cut: copy S into DST (LEN bytes, LEN > 4, always NUL-terminated),
 * cut to at most MAX (> 0) columns: when S is wider, as many whole code
 * points (with their combining marks) as fit in MAX - 1 columns, then "…".
 * Never splits a UTF-8 sequence.
 */
void text_cut(char *dst, size_t len, const char *s, size_t max);

#endif
