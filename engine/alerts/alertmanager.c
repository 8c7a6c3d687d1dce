/*
 * alertmanager.c — owns kpi's side of Alertmanager's API v2 (see alertmanager.h):
 * an alert item as a PostableAlert (labels, annotations in the receiver's language and
 * in both, startsAt, endsAt, generatorURL), the retired label sets of an escalated
 * alert, and the body posted at delivery with each firing alert's endsAt set then.
 */
#include "alerts/alertmanager.h"

#include "alerts/text.h"
#include "common/words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_string(cJSON *obj, const char *key, const char *v)
{
    if (v != NULL && *v != '\0')
        cJSON_AddStringToObject(obj, key, v);
}

/* The plan of a reference like "KH 05/KH-UBND (14/7/2025), Phụ lục, mục 5.6":
 * "KH 05/KH-UBND" into BUF. */
static const char *plan_of(const char *ref, char *buf, size_t len)
{
    if (ref == NULL)
        return NULL;
    size_t n = strcspn(ref, "(,");
    while (n > 0 && ref[n - 1] == ' ')
        n--;
    snprintf(buf, len, "%.*s", (int)n, ref);
    return buf;
}

/* The first of the lead units LEAD ("A; B") into BUF. */
static const char *first_lead(const char *lead, char *buf, size_t len)
{
    if (lead == NULL)
        return NULL;
    snprintf(buf, len, "%.*s", (int)strcspn(lead, ";"), lead);
    return buf;
}

cJSON *alertmanager_alert(const struct item *t, const char *description, const char *generator_url)
{
    struct item vi = *t, en = *t;
    vi.vi = true;
    en.vi = false;
    enum numfmt_lang lang = t->vi ? NUMFMT_VI : NUMFMT_EN;
    cJSON *a = cJSON_CreateObject(), *labels = cJSON_CreateObject(), *ann = cJSON_CreateObject();
    if (a == NULL || labels == NULL || ann == NULL) {
        cJSON_Delete(a);
        cJSON_Delete(labels);
        cJSON_Delete(ann);
        return NULL;
    }
    bool resolved = item_is(t, C_STATE, "resolved");
    char buf[1024];
    cJSON_AddStringToObject(a, "status", resolved ? "resolved" : "firing");
    add_string(labels, "alertname", item_val(t, C_ALERTNAME));
    add_string(labels, "indicator", item_val(t, C_INDICATOR));
    add_string(labels, "unit", item_val(t, C_UNIT));
    add_string(labels, "period_kind", item_val(t, C_PERIOD_KIND));
    add_string(labels, "severity", item_val(t, C_SEVERITY));
    add_string(labels, "lead_unit", first_lead(item_val(t, C_LEAD), buf, sizeof buf));
    add_string(labels, "plan", plan_of(item_val(t, C_PLAN_REF), buf, sizeof buf));
    cJSON_AddItemToObject(a, "labels", labels);

    const char *name = t->vi ? words_name(item_val(t, C_SHORT_VI), item_val(t, C_NAME_VI))
                             : words_name(item_val(t, C_SHORT_EN), item_val(t, C_NAME_EN));
    snprintf(buf, sizeof buf, "%s %s: %s",
             item_is(t, C_KIND, "task") ? (t->vi ? "Nhiệm vụ" : "Task")
                                        : (t->vi ? "Chỉ tiêu" : "Indicator"),
             item_val(t, C_INDICATOR), name);
    add_string(ann, "title", buf);
    char *s_vi = text_render(text_summary, &vi), *s_en = text_render(text_summary, &en);
    add_string(ann, "summary", t->vi ? s_vi : s_en);
    add_string(ann, "description", description ? description : t->vi ? s_vi : s_en);
    add_string(ann, "summary_vi", s_vi);
    add_string(ann, "summary_en", s_en);
    free(s_vi);
    free(s_en);
    struct words_cell c = text_cell(t);
    if (words_value(buf, sizeof buf, &c, lang) == KPI_OK)
        add_string(ann, "value", buf);
    if (words_target(buf, sizeof buf, &c, lang) == KPI_OK)
        add_string(ann, "target", buf);
    if (words_gap(buf, sizeof buf, &c, lang) == KPI_OK)
        add_string(ann, "gap", buf);
    add_string(ann, "value_pct", item_val(t, C_RATIO));
    add_string(ann, "target_pct", item_val(t, C_TARGET));
    add_string(ann, "gap_count", item_val(t, C_GAP));
    snprintf(buf, sizeof buf, "%s/%s", item_val(t, C_PERIOD_START), item_val(t, C_PERIOD_END));
    add_string(ann, "period", buf);
    add_string(ann, "unit_name", item_val(t, C_UNIT_NAME));
    add_string(ann, "lead_units", item_val(t, C_LEAD));
    add_string(ann, "support_units", item_val(t, C_SUPPORT));
    add_string(ann, "plan_ref", item_val(t, C_PLAN_REF));
    add_string(ann, "status", item_val(t, C_STATUS));
    add_string(ann, "event", item_val(t, C_EVENT));
    cJSON_AddItemToObject(a, "annotations", ann);
    add_string(a, "startsAt", item_val(t, C_STARTS));
    if (resolved)
        add_string(a, "endsAt", item_val(t, C_ENDS));
    cJSON_AddStringToObject(a, "generatorURL", generator_url ? generator_url : "");
    return a;
}

/* The index in ALERTS of the alert whose labels equal LABELS, or -1. */
static int find_labels(const cJSON *alerts, const cJSON *labels)
{
    int i = 0;
    for (const cJSON *it = alerts->child; it != NULL; it = it->next, i++)
        if (cJSON_Compare(cJSON_GetObjectItemCaseSensitive(it, "labels"), labels, true))
            return i;
    return -1;
}

/* Put ALERT (taken over) into ALERTS in the place of its labels' alert, or at the end. */
static void put_alert(cJSON *alerts, cJSON *alert)
{
    int at = find_labels(alerts, cJSON_GetObjectItemCaseSensitive(alert, "labels"));
    if (at >= 0)
        cJSON_ReplaceItemInArray(alerts, at, alert);
    else
        cJSON_AddItemToArray(alerts, alert);
}

bool alertmanager_add(cJSON *alerts, cJSON *alert, const char *event)
{
    static const char *const names[] = {"KpiBreach", "KpiAtRisk"};
    static const char *const severities[] = {"warning", "critical"};
    const cJSON *labels = cJSON_GetObjectItemCaseSensitive(alert, "labels");
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(labels, "alertname"));
    const char *sev = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(labels, "severity"));
    bool escalate = event != NULL && strcmp(event, "escalate") == 0 && name != NULL &&
                    sev != NULL && (strcmp(name, names[0]) == 0 || strcmp(name, names[1]) == 0);
    for (int n = 0; escalate && n < 2; n++)
        for (int s = 0; s < 2; s++) {
            if (strcmp(name, names[n]) == 0 && strcmp(sev, severities[s]) == 0)
                continue; /* its labels now */
            cJSON *old = cJSON_Duplicate(alert, true);
            cJSON *ol = cJSON_GetObjectItemCaseSensitive(old, "labels");
            if (old == NULL ||
                !cJSON_ReplaceItemInObjectCaseSensitive(ol, "alertname",
                                                        cJSON_CreateString(names[n])) ||
                !cJSON_ReplaceItemInObjectCaseSensitive(ol, "severity",
                                                        cJSON_CreateString(severities[s])) ||
                !cJSON_ReplaceItemInObjectCaseSensitive(old, "status",
                                                        cJSON_CreateString("resolved"))) {
                cJSON_Delete(old);
                cJSON_Delete(alert);
                return false;
            }
            cJSON_DeleteItemFromObjectCaseSensitive(old, "endsAt"); /* now, when posted */
            if (find_labels(alerts, ol) < 0)
                cJSON_AddItemToArray(alerts, old);
            else
                cJSON_Delete(old); /* told in this notification already */
        }
    put_alert(alerts, alert);
    return true;
}

char *alertmanager_postable(const char *payload, time_t now, int resolve_timeout_hours, char *err,
                            size_t errlen)
{
    char ends[32], at_now[32];
    time_t until = now + (time_t)resolve_timeout_hours * 3600;
    struct tm tm;
    gmtime_r(&until, &tm);
    strftime(ends, sizeof ends, "%Y-%m-%dT%H:%M:%SZ", &tm);
    gmtime_r(&now, &tm);
    strftime(at_now, sizeof at_now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cJSON *doc = cJSON_Parse(payload), *out = cJSON_CreateArray();
    const cJSON *alerts = cJSON_GetObjectItemCaseSensitive(doc, "alerts");
    char *body = NULL;
    if (out == NULL) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    if (!cJSON_IsArray(alerts)) {
        snprintf(err, errlen,
                 "the notification has no \"alerts\" list (written for another "
                 "kind of receiver?)");
        goto done;
    }
    for (const cJSON *a = alerts->child; a != NULL; a = a->next) {
        static const char *const keep[] = {"labels", "annotations", "startsAt", "endsAt",
                                           "generatorURL"};
        cJSON *p = cJSON_CreateObject();
        if (p == NULL || !cJSON_AddItemToArray(out, p)) {
            cJSON_Delete(p);
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(a, keep[k]);
            if (v != NULL)
                cJSON_AddItemToObject(p, keep[k], cJSON_Duplicate(v, true));
        }
        const char *status = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, "status"));
        if (status == NULL || strcmp(status, "resolved") != 0) {
            cJSON_DeleteItemFromObjectCaseSensitive(p, "endsAt");
            cJSON_AddStringToObject(p, "endsAt", ends);
        } else if (cJSON_GetObjectItemCaseSensitive(p, "endsAt") == NULL) {
            cJSON_AddStringToObject(p, "endsAt", at_now); /* a retired label set */
        }
    }
    body = cJSON_PrintUnformatted(out);
    if (body == NULL)
        snprintf(err, errlen, "out of memory");
done:
    cJSON_Delete(doc);
    cJSON_Delete(out);
    return body;
}

const char *alertmanager_api_url(const char *base, char *buf, size_t len)
{
    int n = snprintf(buf, len, "%s/api/v2/alerts", base);
    return n >= 0 && (size_t)n < len ? buf : NULL;
}
