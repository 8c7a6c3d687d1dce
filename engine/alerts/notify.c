/*
 * notify.c — owns the notifications of an evaluation (see notify.h): one
 * digest per receiver from the rows of kpi.alert_items(), written into
 * kpi.outbox (kpi.alert_outbox_store) as an Alertmanager v4 JSON body with
 * the plain-text message, Vietnamese first, English below, under an
 * idempotency key of the run and receiver.
 */
#include "alerts/notify.h"

#include "alerts/digest.h"
#include "alerts/item.h"
#include "alerts/text.h"
#include "common/hash.h"
#include "common/log.h"
#include "db/conn.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* $1 run, $2 receiver, $3 channel, $4 key, $5 payload, $6 subject, $7 text, $8 event ids */
static const char sql_outbox[] =
    "SELECT kpi.alert_outbox_store($1::bigint, $2, $3, $4, $5::jsonb, $6, $7, $8::bigint[])";

static void add_string(cJSON *obj, const char *key, const char *v)
{
    if (v != NULL)
        cJSON_AddStringToObject(obj, key, v);
}

/* Keep in COMMON only the string members equal in OBJ (COMMON NULL: copy OBJ). */
static cJSON *intersect(cJSON *common, const cJSON *obj)
{
    if (common == NULL)
        return cJSON_Duplicate(obj, true);
    cJSON *it = common->child;
    while (it != NULL) {
        cJSON *next = it->next;
        const cJSON *o = cJSON_GetObjectItemCaseSensitive(obj, it->string);
        if (o == NULL || strcmp(o->valuestring, it->valuestring) != 0)
            cJSON_DeleteItemFromObjectCaseSensitive(common, it->string);
        it = next;
    }
    return common;
}

/* The Alertmanager alert object of row R, with DETAILS (text, may be NULL). */
static cJSON *am_alert(const struct digest *d, int r, const char *details_vi,
                       const char *details_en)
{
    struct item vi = {d->res, r, true, d->floor}, en = {d->res, r, false, d->floor};
    cJSON *a = cJSON_CreateObject(), *labels = cJSON_CreateObject(), *ann = cJSON_CreateObject();
    char period[32];
    if (a == NULL || labels == NULL || ann == NULL) {
        cJSON_Delete(a);
        cJSON_Delete(labels);
        cJSON_Delete(ann);
        return NULL;
    }
    cJSON_AddStringToObject(a, "status", item_is(&vi, C_STATE, "resolved") ? "resolved" : "firing");
    add_string(labels, "alertname", item_val(&vi, C_ALERTNAME));
    add_string(labels, "indicator", item_val(&vi, C_INDICATOR));
    add_string(labels, "unit", item_val(&vi, C_UNIT));
    add_string(labels, "period_kind", item_val(&vi, C_PERIOD_KIND));
    add_string(labels, "severity", item_val(&vi, C_SEVERITY));
    cJSON_AddItemToObject(a, "labels", labels);
    char *s_vi = text_render(text_summary, &vi), *s_en = text_render(text_summary, &en);
    add_string(ann, "summary_vi", s_vi);
    add_string(ann, "summary_en", s_en);
    free(s_vi);
    free(s_en);
    snprintf(period, sizeof period, "%s/%s", item_val(&vi, C_PERIOD_START),
             item_val(&vi, C_PERIOD_END));
    add_string(ann, "period", period);
    add_string(ann, "value_pct", item_val(&vi, C_RATIO));
    char *target = text_render(text_target, &vi);
    add_string(ann, "target", target);
    free(target);
    add_string(ann, "gap_count", item_val(&vi, C_GAP));
    add_string(ann, "lead_units", item_val(&vi, C_LEAD));
    add_string(ann, "support_units", item_val(&vi, C_SUPPORT));
    add_string(ann, "event", item_val(&vi, C_EVENT));
    add_string(ann, "status", item_val(&vi, C_STATUS));
    add_string(ann, "previous_status", item_val(&vi, C_PREV_STATUS));
    add_string(ann, "consecutive_periods", item_val(&vi, C_CONSECUTIVE));
    add_string(ann, "first_period", item_val(&vi, C_FIRST_PERIOD));
    add_string(ann, "completeness_pct", item_val(&vi, C_COMPLETENESS));
    add_string(ann, "unit_name", item_val(&vi, C_UNIT_NAME));
    add_string(ann, "indicator_name_vi", item_val(&vi, C_NAME_VI));
    add_string(ann, "plan_ref", item_val(&vi, C_PLAN_REF));
    add_string(ann, "details_vi", details_vi);
    add_string(ann, "details_en", details_en);
    cJSON_AddItemToObject(a, "annotations", ann);
    add_string(a, "startsAt", item_val(&vi, C_STARTS));
    add_string(a, "endsAt", item_val(&vi, C_ENDS));
    cJSON_AddStringToObject(a, "generatorURL", "");
    add_string(a, "fingerprint", item_val(&vi, C_FINGERPRINT));
    return a;
}

/*
 * Write the digest D (one receiver's rows) into the outbox; counts it in
 * *notifications. Returns KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status store_digest(PGconn *conn, const struct routes *routes,
                                    const struct digest *d, const struct alerts_options *opt,
                                    long *notifications)
{
    const char *receiver = PQgetvalue(d->res, d->first, C_RECEIVER);
    const struct routes_receiver *rcv = routes_receiver(routes, receiver);
    cJSON *payload = cJSON_CreateObject(), *alerts = NULL, *labels = NULL, *anns = NULL;
    char *body = NULL, *json = NULL, *ids = NULL, *subject = NULL;
    size_t body_len = 0, ids_len = 0, subject_len = 0;
    enum kpi_status rc = KPI_ERROR;
    int nitems = 0;
    bool firing = false;
    PGresult *res = NULL;
    if (rcv == NULL || payload == NULL)
        goto fail;

    alerts = cJSON_CreateArray();
    FILE *idf = open_memstream(&ids, &ids_len);
    if (alerts == NULL || idf == NULL)
        goto fail;
    fputc('{', idf);
    int nids = 0;
    for (int r = d->first; r < d->last; r++) {
        struct item t = {d->res, r, true, d->floor};
        if (item_val(&t, C_EVENT_ID))
            fprintf(idf, "%s%s", nids++ ? "," : "", item_val(&t, C_EVENT_ID));
        if (item_is(&t, C_ROLE, "2"))
            continue;
        char *dvi = digest_details(d, item_val(&t, C_ALERT), true, "");
        char *den = digest_details(d, item_val(&t, C_ALERT), false, "");
        cJSON *a = am_alert(d, r, dvi, den);
        free(dvi);
        free(den);
        if (a == NULL) {
            fclose(idf);
            goto fail;
        }
        labels = intersect(labels, cJSON_GetObjectItemCaseSensitive(a, "labels"));
        anns = intersect(anns, cJSON_GetObjectItemCaseSensitive(a, "annotations"));
        firing = firing || !item_is(&t, C_STATE, "resolved");
        cJSON_AddItemToArray(alerts, a);
        nitems++;
    }
    fputc('}', idf);
    fclose(idf);

    FILE *bf = open_memstream(&body, &body_len);
    if (bf == NULL)
        goto fail;
    digest_text(bf, d, true);
    fputs("\n--- English ---\n\n", bf);
    digest_text(bf, d, false);
    fclose(bf);
    FILE *sf = open_memstream(&subject, &subject_len);
    if (sf == NULL)
        goto fail;
    fprintf(sf, "[KPI Đề án 06] %d cảnh báo chỉ tiêu / %d indicator alert%s — %s", nitems, nitems,
            nitems == 1 ? "" : "s", d->now);
    fclose(sf);

    char group_key[512], key_src[512], key_hex[HASH_HEX_LEN], key[48];
    snprintf(group_key, sizeof group_key, "{}:{receiver=\"%s\",run=\"%s\"}", receiver, d->run_id);
    snprintf(key_src, sizeof key_src, "kpi-outbox\n%s\n%s", d->run_id, receiver);
    if (hash_sha256_hex(key_src, strlen(key_src), key_hex) != KPI_OK)
        goto fail;
    snprintf(key, sizeof key, "kpi-%.32s", key_hex);

    cJSON_AddStringToObject(payload, "version", "4");
    cJSON_AddStringToObject(payload, "groupKey", group_key);
    cJSON_AddNumberToObject(payload, "truncatedAlerts", 0);
    cJSON_AddStringToObject(payload, "status", firing ? "firing" : "resolved");
    cJSON_AddStringToObject(payload, "receiver", receiver);
    cJSON_AddItemToObject(payload, "groupLabels", cJSON_CreateObject());
    cJSON_AddItemToObject(payload, "commonLabels", labels ? labels : cJSON_CreateObject());
    labels = NULL;
    cJSON_AddItemToObject(payload, "commonAnnotations", anns ? anns : cJSON_CreateObject());
    anns = NULL;
    cJSON_AddStringToObject(payload, "externalURL", "");
    cJSON_AddItemToObject(payload, "alerts", alerts);
    alerts = NULL;
    cJSON_AddStringToObject(payload, "idempotencyKey", key);
    cJSON_AddStringToObject(payload, "channel", rcv->channel == ROUTES_EMAIL ? "email" : "webhook");
    cJSON_AddStringToObject(payload, "subject", subject);
    cJSON_AddStringToObject(payload, "text", body);
    json = cJSON_PrintUnformatted(payload);
    if (json == NULL) {
        log_error("out of memory");
        goto fail;
    }

    if (opt->dry_run && opt->out != NULL)
        fprintf(opt->out, "%s\n", json);
    const char *params[8] = {
        d->run_id, receiver, rcv->channel == ROUTES_EMAIL ? "email" : "webhook", key, json, subject,
        body,      ids};
    res = PQexecParams(conn, sql_outbox, 8, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not write the outbox: %s", conn_errmsg(conn));
        goto fail;
    }
    (*notifications)++;
    rc = KPI_OK;
fail:
    PQclear(res);
    cJSON_Delete(payload);
    cJSON_Delete(alerts);
    cJSON_Delete(labels);
    cJSON_Delete(anns);
    free(json);
    free(body);
    free(ids);
    free(subject);
    return rc;
}

enum kpi_status notify_digests(PGconn *conn, const struct routes *routes, const PGresult *items,
                               const char *run_id, const char *now,
                               const struct alerts_options *opt, long *notifications)
{
    /* the evaluation instant as people read it, in Vietnam */
    char shown[64];
    int y, mo, d, h, mi;
    if (sscanf(now, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) == 5)
        snprintf(shown, sizeof shown, "%02d/%02d/%04d %02d:%02d", d, mo, y, h, mi);
    else
        snprintf(shown, sizeof shown, "%s", now);
    int n = PQntuples(items);
    for (int first = 0; first < n;) {
        int last = first + 1;
        while (last < n && strcmp(PQgetvalue(items, last, C_RECEIVER),
                                  PQgetvalue(items, first, C_RECEIVER)) == 0)
            last++;
        struct digest dg;
        if (digest_init(&dg, items, first, last, routes->completeness_floor_pct, run_id, shown) !=
            KPI_OK)
            return KPI_ERROR;
        enum kpi_status rc = store_digest(conn, routes, &dg, opt, notifications);
        digest_free(&dg);
        if (rc != KPI_OK)
            return rc;
        first = last;
    }
    return KPI_OK;
}
