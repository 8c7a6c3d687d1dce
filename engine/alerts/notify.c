/*
 * notify.c — owns the notifications of an evaluation (see notify.h): one
 * digest per receiver from the rows of kpi.alert_items(), written into
 * kpi.outbox (kpi.alert_outbox_store) as an Alertmanager v4 JSON body (for
 * an Alertmanager receiver, its alerts as alerts/alertmanager.c makes them)
 * with the message in the receiver's one language (plain text, and for
 * e-mail a short HTML body), under an idempotency key of the run and
 * receiver, and the subject that names the indicators by their short names.
 * A digest's alerts are written to a temporary file as they are made and the
 * payload is streamed to the server by COPY (its table notify_payload, dropped
 * at commit), so that a national digest of tens of megabytes is never held in
 * memory whole, nor in libpq's send buffer.
 */
#include "alerts/notify.h"

#include "alerts/alertmanager.h"
#include "alerts/digest.h"
#include "alerts/item.h"
#include "alerts/text.h"
#include "common/hash.h"
#include "common/log.h"
#include "db/conn.h"
#include "ingest/copy.h"
#include "report/svg.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many communes and wards the e-mail's HTML body lists under a province alert. */
#define NOTIFY_TOP_COMMUNES 10

/* The settings of one receiver's notification. */
struct notify_ctx {
    const struct routes *routes;
    const PGresult *provinces; /* the codes of the provinces (kpi.unit, kind 'province') */
    bool vi;                   /* the receiver's language */
    char report[64];           /* the file name of the latest monthly report */
    int payloads;              /* rows of notify_payload so far */
};

/* The payloads of the evaluation's digests, numbered in order, until commit. */
static const char sql_payload_table[] =
    "CREATE TEMP TABLE notify_payload (n integer NOT NULL, doc text NOT NULL) ON COMMIT DROP";
static const char sql_payload_copy[] = "COPY notify_payload (n, doc) FROM STDIN";

/* $1 run, $2 receiver, $3 channel, $4 key, $5 event ids, $6 the alerts told, $7 the
 * payload's number in notify_payload; the subject and the plain text are the payload's */
static const char sql_outbox[] =
    "SELECT kpi.alert_outbox_store($1::bigint, $2, $3, $4, p, p ->> 'subject', p ->> 'text', "
    "$5::bigint[], $6::bigint[]) FROM (SELECT d.doc::jsonb AS p FROM notify_payload d "
    "WHERE d.n = $7::integer) AS s";

/* Where the payload's text goes: the dry run's output, or the COPY into notify_payload. */
struct sink {
    FILE *out;      /* when not NULL */
    struct copy *c; /* else */
};

/* Append S (N bytes) to K; for COPY, escaped in slices of a bounded buffer. Returns KPI_OK,
 * or KPI_ERROR (a write or the COPY failed; copy_end then tells why). */
static enum kpi_status sink_put(struct sink *k, const char *s, size_t n)
{
    if (k->out != NULL)
        return fwrite(s, 1, n, k->out) == n ? KPI_OK : KPI_ERROR;
    char esc[2 * 8192];
    for (size_t o = 0; o < n; o += 8192) {
        size_t m = n - o < 8192 ? n - o : 8192;
        if (copy_verbatim(k->c, esc, copy_escape(esc, s + o, m)) != KPI_OK)
            return KPI_ERROR;
    }
    return KPI_OK;
}

/*
 * The payload into K: HEAD, the payload printed with the placeholder alerts 0,
 * up to the placeholder's member (at AT, of HEAD), then the alerts of LIST (a
 * JSON array, read from its start), then the rest of HEAD. The text is the one
 * cJSON would print with the alerts in place. Returns KPI_OK or KPI_ERROR.
 */
static enum kpi_status put_payload(struct sink *k, const char *head, const char *at, FILE *list)
{
    static const char member[] = ",\"alerts\":";
    char buf[32768];
    size_t n;
    if (sink_put(k, head, (size_t)(at - head)) != KPI_OK ||
        sink_put(k, member, sizeof member - 1) != KPI_OK || fseek(list, 0, SEEK_SET) != 0)
        return KPI_ERROR;
    while ((n = fread(buf, 1, sizeof buf, list)) > 0)
        if (sink_put(k, buf, n) != KPI_OK)
            return KPI_ERROR;
    if (ferror(list))
        return KPI_ERROR;
    const char *rest = at + sizeof member; /* past the placeholder's 0 */
    return sink_put(k, rest, strlen(rest));
}

/*
 * The subject of D in X's language: how many alerts, the indicators they are about by
 * their short names (the first two; how many more), and the evaluation instant:
 * "[KPI Đề án 06] 1 cảnh báo chỉ tiêu — 3.1 Dịch vụ công thiết yếu giải quyết trực tuyến —
 * 05/10/2025 08:00".
 */
static void put_subject(FILE *f, const struct notify_ctx *x, const struct digest *d, int nitems)
{
    bool vi = x->vi;
    if (vi)
        fprintf(f, "[KPI Đề án 06] %d cảnh báo chỉ tiêu — ", nitems);
    else
        fprintf(f, "[KPI Project 06] %d indicator alert%s — ", nitems, nitems == 1 ? "" : "s");
    int nind = 0;
    for (int r = d->first; r < d->last; r++) {
        struct item t = {d->res, r, vi, d->floor};
        const char *id = item_val(&t, C_INDICATOR);
        if (item_is(&t, C_ROLE, "2") || id == NULL)
            continue;
        bool seen = false;
        for (int k = d->first; k < r && !seen; k++)
            seen = PQgetvalue(d->res, k, C_ROLE)[0] != '2' &&
                   strcmp(PQgetvalue(d->res, k, C_INDICATOR), id) == 0;
        if (seen)
            continue;
        if (nind < 2) {
            const char *name = vi ? words_name(item_val(&t, C_SHORT_VI), item_val(&t, C_NAME_VI))
                                  : words_name(item_val(&t, C_SHORT_EN), item_val(&t, C_NAME_EN));
            fprintf(f, "%s%s %s", nind ? "; " : "", id, name);
        }
        nind++;
    }
    if (nind > 2)
        fprintf(f, vi ? " và %d chỉ tiêu khác" : " and %d more", nind - 2);
    fprintf(f, "%s%s", nind ? " — " : "", d->now);
}

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

/* Append to F the text of TEMPLATE with {indicator}, {unit} and {period_kind}
 * replaced by T's fields, percent-encoded as a URL needs. */
static void put_url(FILE *f, const char *template, const struct item *t)
{
    static const struct {
        const char *name;
        int col;
    } vars[] = {{"{indicator}", C_INDICATOR}, {"{unit}", C_UNIT}, {"{period_kind}", C_PERIOD_KIND}};
    for (const char *p = template; *p;) {
        size_t k = 0;
        while (k < sizeof vars / sizeof vars[0] && strncmp(p, vars[k].name, strlen(vars[k].name)))
            k++;
        if (k == sizeof vars / sizeof vars[0]) {
            fputc(*p++, f);
            continue;
        }
        const char *v = item_val(t, vars[k].col);
        for (; v != NULL && *v; v++)
            if (strchr("-._~", *v) || (*v >= '0' && *v <= '9') || (*v >= 'A' && *v <= 'Z') ||
                (*v >= 'a' && *v <= 'z'))
                fputc(*v, f);
            else
                fprintf(f, "%%%02X", (unsigned char)*v);
        p += strlen(vars[k].name);
    }
}

/* The generatorURL of T: the routes' generator_url filled in, else the
 * indicator's row in the report under external_url, else "" (malloc'd). */
static char *generator_url(const struct notify_ctx *x, const struct item *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        return NULL;
    if (x->routes->generator_url != NULL) {
        put_url(f, x->routes->generator_url, t);
    } else if (x->routes->external_url != NULL) {
        fprintf(f, "%s/%s#ind-", x->routes->external_url, x->report);
        put_url(f, "{indicator}", t);
    }
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* The Alertmanager alert object of row R, with DETAILS (text, may be NULL). */
static cJSON *am_alert(const struct notify_ctx *x, const struct digest *d, int r,
                       const char *details_vi, const char *details_en)
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
    /* the conventional pair, in the receiver's language: summary, and the
     * description (the summary and the communes under it) */
    const char *summary = x->vi ? s_vi : s_en, *details = x->vi ? details_vi : details_en;
    char *description = NULL;
    if (summary != NULL &&
        asprintf(&description, "%s%s%s", summary, details ? "\n" : "", details ? details : "") < 0)
        description = NULL;
    add_string(ann, "summary", summary);
    add_string(ann, "description", description);
    free(description);
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
    char *gen = generator_url(x, &vi);
    cJSON_AddStringToObject(a, "generatorURL", gen ? gen : "");
    free(gen);
    add_string(a, "fingerprint", item_val(&vi, C_FINGERPRINT));
    return a;
}

/* Write S as HTML text (escaped); NULL writes nothing. */
static void put_html(FILE *f, const char *s)
{
    svg_escape(f, s);
}

/* Whether T is an alert of a province (its unit is one of X->provinces). */
static bool of_province(const struct notify_ctx *x, const struct item *t)
{
    const char *unit = item_val(t, C_UNIT);
    for (int i = 0; unit != NULL && i < PQntuples(x->provinces); i++)
        if (strcmp(PQgetvalue(x->provinces, i, 0), unit) == 0)
            return true;
    return false;
}

/* Detail row A before B (rows of the result RES): the larger gap first, then
 * in the digest's (Vietnamese) order. */
static int by_gap(const void *a, const void *b, void *res)
{
    int ra = *(const int *)a, rb = *(const int *)b;
    long long ga = PQgetisnull(res, ra, C_GAP) ? -1 : strtoll(PQgetvalue(res, ra, C_GAP), NULL, 10);
    long long gb = PQgetisnull(res, rb, C_GAP) ? -1 : strtoll(PQgetvalue(res, rb, C_GAP), NULL, 10);
    if (ga != gb)
        return ga < gb ? 1 : -1;
    return (ra > rb) - (ra < rb);
}

/* The communes and wards under alert T: the NOTIFY_TOP_COMMUNES furthest from
 * the target (largest gap), and how many more there are. */
static void html_details(FILE *f, const struct digest *d, const struct item *t)
{
    long long id = strtoll(item_val(t, C_ALERT), NULL, 10);
    int n = 0, *rows = malloc(((size_t)d->nkids + 1) * sizeof *rows);
    if (rows == NULL)
        return;
    for (int k = 0; k < d->nkids; k++)
        if (d->kids[k].parent == id)
            rows[n++] = d->kids[k].row;
    qsort_r(rows, (size_t)n, sizeof *rows, by_gap, (void *)d->res);
    if (n > 0) {
        fprintf(f,
                t->vi ? "<p>Các xã, phường xa mục tiêu nhất (%d/%d):</p>\n<ol>\n"
                      : "<p>Communes and wards furthest from the target (%d of %d):</p>\n<ol>\n",
                n < NOTIFY_TOP_COMMUNES ? n : NOTIFY_TOP_COMMUNES, n);
        for (int k = 0; k < n && k < NOTIFY_TOP_COMMUNES; k++) {
            struct item c = {d->res, rows[k], t->vi, d->floor};
            char *line = text_render(text_detail, &c);
            fputs("<li>", f);
            put_html(f, line);
            fputs("</li>\n", f);
            free(line);
        }
        fputs("</ol>\n", f);
        if (n > NOTIFY_TOP_COMMUNES)
            fprintf(f,
                    t->vi ? "<p>… và %d xã, phường khác (xem phần văn bản).</p>\n"
                          : "<p>… and %d more (see the plain-text part).</p>\n",
                    n - NOTIFY_TOP_COMMUNES);
    }
    free(rows);
}

/* The items of D (not details) of a province (PROVINCE) or not, as HTML list items. */
static int html_items(FILE *f, const struct notify_ctx *x, const struct digest *d, bool province)
{
    int count = 0;
    for (int r = d->first; r < d->last; r++) {
        struct item t = {d->res, r, x->vi, d->floor};
        if (item_is(&t, C_ROLE, "2") || of_province(x, &t) != province)
            continue;
        if (count++ == 0)
            fputs("<ul>\n", f);
        bool critical = item_is(&t, C_SEVERITY, "critical");
        fprintf(f, "<li style=\"margin-bottom:8px\"><b style=\"color:%s\">[%s, %s]</b> ",
                critical ? "#a33000" : "#7a4a00", text_event_tag(item_val(&t, C_EVENT), x->vi),
                critical ? (x->vi ? "mức nghiêm trọng" : "critical")
                         : (x->vi ? "mức cảnh báo" : "warning"));
        char *summary = text_render(text_summary, &t);
        put_html(f, summary);
        free(summary);
        fputc('\n', f);
        html_details(f, d, &t);
        fputs("</li>\n", f);
    }
    if (count > 0)
        fputs("</ul>\n", f);
    return count;
}

/* The HTML body of the e-mail of D titled SUBJECT, in X's language: the
 * province's alerts first, each with its communes furthest from the target,
 * then the others, and the link to the report. */
static void digest_html(FILE *f, const struct notify_ctx *x, const struct digest *d,
                        const char *subject)
{
    bool vi = x->vi;
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
            vi ? "vi" : "en");
    put_html(f, subject);
    fputs("</title>\n</head>\n<body style=\"font-family:Arial,sans-serif;font-size:14px;"
          "color:#111\">\n<h1 style=\"font-size:18px\">",
          f);
    put_html(f, vi ? "Cảnh báo chỉ tiêu Đề án 06 (KH 05/KH-UBND)"
                   : "Project 06 indicator alerts (KH 05/KH-UBND)");
    fprintf(f, "</h1>\n<p>%s ", vi ? "Lượt đánh giá" : "Evaluation");
    put_html(f, d->run_id);
    fputs(", ", f);
    put_html(f, d->now);
    fputs(".</p>\n", f);
    fprintf(f, "<h2 style=\"font-size:16px\">%s</h2>\n", vi ? "Toàn tỉnh" : "The province");
    if (html_items(f, x, d, true) == 0)
        fprintf(f, "<p>%s</p>\n", vi ? "Không có cảnh báo của toàn tỉnh." : "No province alert.");
    char *rest = NULL;
    size_t len = 0;
    FILE *g = open_memstream(&rest, &len);
    if (g != NULL) {
        int n = html_items(g, x, d, false);
        fclose(g);
        if (n > 0)
            fprintf(f, "<h2 style=\"font-size:16px\">%s</h2>\n%s",
                    vi ? "Xã, phường và đơn vị" : "Communes, wards and units", rest);
        free(rest);
    }
    fprintf(f, "<p>%s ", vi ? "Báo cáo đầy đủ:" : "The full report:");
    if (x->routes->external_url != NULL) {
        fputs("<a href=\"", f);
        put_html(f, x->routes->external_url);
        fputc('/', f);
        put_html(f, x->report);
        fputs("\">", f);
        put_html(f, x->report);
        fputs("</a>", f);
    } else {
        put_html(f, x->report);
        fputs(vi ? " (trong thư mục báo cáo của kpi run)" : " (in the report folder of kpi run)",
              f);
    }
    fputs(".</p>\n</body>\n</html>\n", f);
}

/*
 * Write the digest D (one receiver's rows) into the outbox; counts it in
 * *notifications. Returns KPI_OK, or KPI_ERROR (logged).
 */
static enum kpi_status store_digest(PGconn *conn, struct notify_ctx *x, const struct digest *d,
                                    const struct alerts_options *opt, long *notifications)
{
    const char *receiver = PQgetvalue(d->res, d->first, C_RECEIVER);
    const struct routes_receiver *rcv = routes_receiver(x->routes, receiver);
    cJSON *payload = cJSON_CreateObject(), *alerts = NULL, *labels = NULL, *anns = NULL;
    char *body = NULL, *json = NULL, *ids = NULL, *subject = NULL, *html = NULL, *told = NULL;
    FILE *list = NULL; /* the alerts as a JSON array, in a temporary file */
    size_t body_len = 0, ids_len = 0, subject_len = 0, html_len = 0, told_len = 0;
    enum kpi_status rc = KPI_ERROR;
    int nitems = 0;
    bool firing = false;
    PGresult *res = NULL;
    if (rcv == NULL) {
        /* a resolution for a receiver that got the firing, since removed from the file */
        log_warn("receiver \"%s\" was told alerts that %s no longer defines: it cannot be told "
                 "what changed in them now (define it again to tell it)",
                 receiver, x->routes->path);
        cJSON_Delete(payload);
        return KPI_OK;
    }
    if (payload == NULL)
        goto fail;
    x->vi = !rcv->english;
    bool am = rcv->channel == ROUTES_ALERTMANAGER;

    /* An Alertmanager's alerts are kept as a tree (alertmanager_add looks up the
     * ones already told); the others are printed one by one into LIST and
     * freed, so that a digest of thousands of alerts never holds their tree. */
    alerts = am ? cJSON_CreateArray() : NULL;
    FILE *idf = open_memstream(&ids, &ids_len), *tf = open_memstream(&told, &told_len);
    list = tmpfile();
    if ((am && alerts == NULL) || idf == NULL || tf == NULL || list == NULL) {
        if (list == NULL)
            log_error("could not create a temporary file for the alerts of \"%s\": %m", receiver);
        if (idf)
            fclose(idf);
        if (tf)
            fclose(tf);
        goto fail;
    }
    fputc('{', idf);
    fputc('{', tf);
    if (!am)
        fputc('[', list);
    int nids = 0, nlisted = 0;
    for (int r = d->first; r < d->last; r++) {
        struct item t = {d->res, r, true, d->floor};
        if (item_val(&t, C_EVENT_ID))
            fprintf(idf, "%s%s", nids++ ? "," : "", item_val(&t, C_EVENT_ID));
        fprintf(tf, "%s%s", r > d->first ? "," : "", item_val(&t, C_ALERT));
        /* an Alertmanager is told every alert, a commune's too: it groups and inhibits */
        if (item_is(&t, C_ROLE, "2") && !am)
            continue;
        char *dvi = digest_details(d, item_val(&t, C_ALERT), true, "");
        char *den = digest_details(d, item_val(&t, C_ALERT), false, "");
        cJSON *a = NULL;
        if (am) {
            struct item ti = {d->res, r, x->vi, d->floor};
            char *summary = text_render(text_summary, &ti), *description = NULL;
            const char *det = x->vi ? dvi : den;
            if (summary != NULL && det != NULL &&
                asprintf(&description, "%s\n%s", summary, det) < 0)
                description = NULL;
            char *gen = generator_url(x, &ti);
            a = alertmanager_alert(&ti, description, gen);
            free(gen);
            free(summary);
            free(description);
        } else {
            a = am_alert(x, d, r, dvi, den);
        }
        free(dvi);
        free(den);
        char *printed = NULL;
        if (a == NULL || (am && !alertmanager_add(alerts, a, item_val(&t, C_EVENT))) ||
            (!am && (printed = cJSON_PrintUnformatted(a)) == NULL)) {
            if (!am)
                cJSON_Delete(a);
            fclose(idf);
            fclose(tf);
            goto fail;
        }
        firing = firing || !item_is(&t, C_STATE, "resolved");
        if (!item_is(&t, C_ROLE, "2"))
            nitems++;
        if (am)
            continue;
        labels = intersect(labels, cJSON_GetObjectItemCaseSensitive(a, "labels"));
        anns = intersect(anns, cJSON_GetObjectItemCaseSensitive(a, "annotations"));
        cJSON_Delete(a);
        fprintf(list, "%s%s", nlisted++ ? "," : "", printed);
        free(printed);
    }
    fputc('}', idf);
    fclose(idf);
    fputc('}', tf);
    fclose(tf);
    if (am) {
        char *printed = cJSON_PrintUnformatted(alerts);
        cJSON_Delete(alerts);
        alerts = NULL;
        if (printed == NULL)
            goto fail;
        fputs(printed, list);
        free(printed);
    } else {
        fputc(']', list);
    }
    if (fflush(list) != 0 || ferror(list)) {
        log_error("could not write the alerts of \"%s\" to a temporary file: %m", receiver);
        goto fail;
    }

    FILE *bf = open_memstream(&body, &body_len);
    if (bf == NULL)
        goto fail;
    digest_text(bf, d, x->vi);
    fclose(bf);
    FILE *sf = open_memstream(&subject, &subject_len);
    if (sf == NULL)
        goto fail;
    put_subject(sf, x, d, nitems);
    fclose(sf);
    if (rcv->channel == ROUTES_EMAIL) {
        FILE *hf = open_memstream(&html, &html_len);
        if (hf == NULL)
            goto fail;
        digest_html(hf, x, d, subject);
        fclose(hf);
    }

    /* the group is the receiver's (its routes' digest), the same every night */
    char group_key[512], key_src[512], key_hex[HASH_HEX_LEN], key[48];
    snprintf(group_key, sizeof group_key, "{}/{receiver=\"%s\"}:{}", receiver);
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
    cJSON_AddStringToObject(payload, "externalURL",
                            x->routes->external_url ? x->routes->external_url : "");
    /* the alerts' place, filled from LIST as the payload is written out (put_payload) */
    cJSON_AddRawToObject(payload, "alerts", "0");
    cJSON_AddStringToObject(payload, "idempotencyKey", key);
    cJSON_AddStringToObject(payload, "channel", routes_channel_name(rcv->channel));
    cJSON_AddStringToObject(payload, "lang", x->vi ? "vi" : "en");
    /* (references: the tree holds no second copy of the text and the HTML) */
    cJSON_AddItemToObject(payload, "subject", cJSON_CreateStringReference(subject));
    cJSON_AddItemToObject(payload, "text", cJSON_CreateStringReference(body));
    if (html != NULL)
        cJSON_AddItemToObject(payload, "html", cJSON_CreateStringReference(html));
    json = cJSON_PrintUnformatted(payload);
    cJSON_Delete(payload);
    payload = NULL;
    free(html);
    free(body);
    html = body = NULL;
    /* the placeholder: a JSON string holds no unescaped quote, so this is the member */
    const char *at = json ? strstr(json, ",\"alerts\":0,\"idempotencyKey\":") : NULL;
    if (at == NULL) {
        log_error("out of memory");
        goto fail;
    }

    if (opt->dry_run && opt->out != NULL) {
        struct sink out = {.out = opt->out};
        if (put_payload(&out, json, at, list) != KPI_OK || fputc('\n', opt->out) == EOF) {
            log_error("could not print the notification for \"%s\"", receiver);
            goto fail;
        }
    }
    struct copy c;
    char num[16];
    snprintf(num, sizeof num, "%d", ++x->payloads);
    if (copy_begin(&c, conn, sql_payload_copy) != KPI_OK)
        goto fail;
    struct sink to_db = {.c = &c};
    if (copy_verbatim(&c, num, strlen(num)) != KPI_OK || copy_verbatim(&c, "\t", 1) != KPI_OK ||
        put_payload(&to_db, json, at, list) != KPI_OK || copy_verbatim(&c, "\n", 1) != KPI_OK)
        c.failed = true;
    if (copy_end(&c, NULL) != KPI_OK) {
        log_error("could not send the notification for \"%s\": %s", receiver,
                  c.error[0] ? c.error : "a temporary file could not be read");
        goto fail;
    }
    free(json);
    json = NULL;
    const char *params[7] = {d->run_id, receiver, routes_channel_name(rcv->channel), key, ids,
                             told,      num};
    res = PQexecParams(conn, sql_outbox, 7, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
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
    free(told);
    free(subject);
    free(html);
    if (list != NULL)
        fclose(list);
    return rc;
}

enum kpi_status notify_digests(PGconn *conn, const struct routes *routes, const PGresult *items,
                               const char *run_id, const char *now,
                               const struct alerts_options *opt, long *notifications)
{
    /* the evaluation instant as people read it, in Vietnam */
    char shown[64];
    int y, mo, d, h, mi;
    struct notify_ctx x = {.routes = routes, .vi = true};
    if (sscanf(now, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) == 5) {
        snprintf(shown, sizeof shown, "%02d/%02d/%04d %02d:%02d", d, mo, y, h, mi);
        /* the latest monthly report: the one written on the 15th (report.h) */
        if (d < 15 && --mo == 0)
            mo = 12, y--;
        snprintf(x.report, sizeof x.report, "report_month-%04d-%02d.html", y, mo);
    } else {
        snprintf(shown, sizeof shown, "%s", now);
        snprintf(x.report, sizeof x.report, "report_month.html");
    }
    PGresult *prov = PQexec(conn, "SELECT code FROM kpi.unit WHERE kind = 'province'");
    if (PQresultStatus(prov) != PGRES_TUPLES_OK) {
        log_error("could not read the provinces: %s", conn_errmsg(conn));
        PQclear(prov);
        return KPI_ERROR;
    }
    x.provinces = prov;
    if (PQntuples(items) > 0 &&
        conn_command(conn, sql_payload_table, "could not prepare the notifications") != KPI_OK) {
        PQclear(prov);
        return KPI_ERROR;
    }
    enum kpi_status rc = KPI_OK;
    int n = PQntuples(items);
    for (int first = 0; first < n && rc == KPI_OK;) {
        int last = first + 1;
        while (last < n && strcmp(PQgetvalue(items, last, C_RECEIVER),
                                  PQgetvalue(items, first, C_RECEIVER)) == 0)
            last++;
        struct digest dg;
        if (digest_init(&dg, items, first, last, routes->completeness_floor_pct, run_id, shown) !=
            KPI_OK) {
            rc = KPI_ERROR;
            break;
        }
        rc = store_digest(conn, &x, &dg, opt, notifications);
        digest_free(&dg);
        first = last;
    }
    PQclear(prov);
    return rc;
}
