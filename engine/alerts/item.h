/*
 * item.h — owns the shape of one notification item: a row of
 * kpi.alert_items() (sql/definitions/alerts/), whose columns the enum below
 * names in their order, and the reading of its fields. A row is an event of
 * the run for one receiver (role 0), a firing province alert shown as context
 * (role 1) or a commune detail under a province alert (role 2).
 */
#ifndef KPI_ALERTS_ITEM_H
#define KPI_ALERTS_ITEM_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <string.h>

/* The columns of kpi.alert_items(), in order. */
enum item_column {
    C_RECEIVER,
    C_ROLE,
    C_PARENT,
    C_ALERT,
    C_EVENT_ID,
    C_EVENT,
    C_PERIOD_KIND,
    C_PERIOD_START,
    C_PERIOD_END,
    C_STATUS,
    C_PREV_STATUS,
    C_SEVERITY,
    C_CONSECUTIVE,
    C_RATIO,
    C_GAP,
    C_COMPLETENESS,
    C_FINGERPRINT,
    C_ALERTNAME,
    C_INDICATOR,
    C_UNIT,
    C_UNIT_NAME,
    C_STATE,
    C_STARTS,
    C_ENDS,
    C_FIRST_PERIOD,
    C_NAME_VI,
    C_NAME_EN,
    C_PLAN_REF,
    C_TARGET_VI,
    C_COMPARATOR,
    C_TARGET,
    C_LEAD,
    C_SUPPORT,
    C_METRIC_VI,
    C_METRIC_EN,
    C_DUE,
    C_DAYS_LEFT,
    C_KIND, /* from here: the words of the cell (common/words.h) */
    C_INNER_COMPARATOR,
    C_INNER_TARGET,
    C_NOUN_VI, /* what the gap counts: the numerator's noun, a share's facilities */
    C_NOUN_EN,
    C_DEADLINE_VI,
    C_DEADLINE_EN,
    C_DUE_DAY, /* YYYY-MM-DD */
    C_SHORT_VI,
    C_SHORT_EN,
    C_NOTE,       /* the catalog's note on the plan's sentence (a typo's correction), or NULL */
    C_COUNTED_TO, /* from here: the cell of the event's period (kpi.indicator_value) */
    C_PROJECTED,
    C_NEEDED,
    C_MONTHS_FROM,
    C_MONTHS_TO,
    C_LATE,
    C_NUM,
    C_DEN,
    C_ASSIGNED, /* a task of many units, the unit a province: "communes" or "listed" */
    C_LAGGING,  /* its units not done, ", "-joined in Vietnamese order, or NULL */
};

/* One item as it is told in one language. Borrows RES and FLOOR. */
struct item {
    const PGresult *res;
    int row;
    bool vi;           /* Vietnamese, else English */
    const char *floor; /* the completeness floor of the routes file, a NUMERIC literal */
};

/* item_val: the field COL of T (owned by T->res), or NULL when SQL NULL. */
static inline const char *item_val(const struct item *t, int col)
{
    return PQgetisnull(t->res, t->row, col) ? NULL : PQgetvalue(t->res, t->row, col);
}

/* item_is: whether the field COL of T is not NULL and equals S. */
static inline bool item_is(const struct item *t, int col, const char *s)
{
    const char *v = item_val(t, col);
    return v != NULL && strcmp(v, s) == 0;
}

#endif
