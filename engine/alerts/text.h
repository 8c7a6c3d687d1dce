/*
 * text.h — what people read about one alert item (alerts/item.h), in the
 * language of the item (Vietnamese first in every notification, English
 * below): the sentences, the target and the tag of an event. Numbers are
 * written by common/numfmt.h: counts by alerts_format_number (alerts.h), which
 * text.c defines; a ratio judged against its target as kpi show prints it
 * (numfmt_judged_pct: cut, never across its target), every percentage with
 * its sign as the language writes it ("80,4 %", "80.4%").
 */
#ifndef KPI_ALERTS_TEXT_H
#define KPI_ALERTS_TEXT_H

#include "alerts/item.h"
#include "common/words.h"

#include <stdbool.h>
#include <stdio.h>

/*
 * text_summary: the one-sentence summary of T on F (the summary_vi /
 * summary_en of an alert, a line of a digest), e.g. "Chỉ tiêu 3.1 — tháng
 * 09/2025 — Tỉnh Thái Nguyên đạt 76,4 % (mục tiêu: trên 80 %); cần thêm 1.204
 * hồ sơ trực tuyến; 3 tháng liên tiếp không đạt. Chủ trì: …", worded after
 * its event (fire, reminder, escalate, resolve, restate, firing) and its alert
 * (breach, at risk, data missing). Write errors are F's.
 */
void text_summary(FILE *f, const struct item *t);

/*
 * text_detail: the detail line of T, a commune under its province alert, on
 * F: "Xã A: 70,0 % (cần thêm 12) — mới".
 */
void text_detail(FILE *f, const struct item *t);

/*
 * text_cell: T as a cell for common/words.h (its fields borrowed from T->res): the value,
 * target, gap and deadline every surface prints for the same cell.
 */
struct words_cell text_cell(const struct item *t);

/*
 * text_target: the target of T on F: its Vietnamese text from the catalog
 * when there is one and T is Vietnamese, else "trên 80 %" / "above 80%"
 * ("từ … trở lên" / "at least …" for >=).
 */
void text_target(FILE *f, const struct item *t);

/*
 * text_event_tag: the tag of EVENT in a digest line ("MỚI" / "NEW", …);
 * static storage; an unknown EVENT comes back as itself.
 */
const char *text_event_tag(const char *event, bool vi);

/*
 * text_render: what FN writes about T, as a malloc'd string the caller frees;
 * NULL when out of memory.
 */
char *text_render(void (*fn)(FILE *, const struct item *), const struct item *t);

#endif
