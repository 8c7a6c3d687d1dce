/*
 * routes.c — owns the alert routing file: parsing with cJSON, validation
 * (all problems, "FILE: /json/pointer: message"), defaults, the normalised
 * routes handed to SQL (kpi.alert_route_matches), and reading secrets from
 * the environment or files (see routes.h).
 */
#include "alerts/routes.h"

#include "common/dynbuf.h"
#include "common/json.h"
#include "common/log.h"
#include "common/period.h"
#include "common/sizelimit.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const char *const alertnames[] = {"KpiBreach",        "KpiAtRisk",      "KpiDataMissing",
                                         "KpiReportMissing", "KpiDataSuspect", NULL};
static const char *const severities[] = {"warning", "critical", NULL};

struct check {
    const char *name;
    FILE *out;
    int problems;
    bool oom;
};

static void problem(struct check *c, const char *ptr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct check *c, const char *ptr, const char *fmt, ...)
{
    va_list ap;
    fprintf(c->out, "%s: %s: ", c->name, *ptr ? ptr : "/");
    va_start(ap, fmt);
    vfprintf(c->out, fmt, ap);
    va_end(ap);
    fputc('\n', c->out);
    c->problems++;
}

/* PARENT/KEY as a JSON pointer (RFC 6901 escapes) into buf. */
static const char *pointer(char *buf, size_t len, const char *parent, const char *key)
{
    size_t n = (size_t)snprintf(buf, len, "%s/", parent);
    for (const char *k = key; *k && n + 3 < len; k++) {
        if (*k == '~' || *k == '/') {
            buf[n++] = '~';
            buf[n++] = *k == '~' ? '0' : '1';
        } else {
            buf[n++] = *k;
        }
    }
    buf[n < len ? n : len - 1] = '\0';
    return buf;
}

static const char *index_pointer(char *buf, size_t len, const char *parent, int i)
{
    if (snprintf(buf, len, "%s/%d", parent, i) >= (int)len)
        buf[len - 1] = '\0'; /* truncated: still a string */
    return buf;
}

static bool in_list(const char *s, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

/* Report every key of OBJ that is not in KNOWN. */
static void unknown_keys(struct check *c, const cJSON *obj, const char *ptr,
                         const char *const *known)
{
    char p[512];
    for (const cJSON *it = obj->child; it; it = it->next)
        if (!in_list(it->string, known) && strcmp(it->string, "comment") != 0)
            problem(c, pointer(p, sizeof p, ptr, it->string), "unknown key \"%s\"", it->string);
}

/* A string member: NULL when absent (reported when required) or not a non-empty string. */
static const char *get_string(struct check *c, const cJSON *obj, const char *key, const char *ptr,
                              bool required)
{
    char p[512];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (v == NULL) {
        if (required)
            problem(c, ptr, "missing \"%s\"", key);
        return NULL;
    }
    if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
        problem(c, pointer(p, sizeof p, ptr, key), "must be a non-empty string");
        return NULL;
    }
    return v->valuestring;
}

/*
 * An integer setting in [lo, hi], DEF when absent. A parser helper of one
 * value (status.h's exception): a bad value is a problem recorded in C, with
 * DEF returned so that validation goes on and reports every problem.
 */
static int get_int(struct check *c, const cJSON *obj, const char *key, int lo, int hi, int def)
{
    char p[512];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (v == NULL)
        return def;
    double d = cJSON_IsNumber(v) ? v->valuedouble : NAN;
    if (!(d >= lo && d <= hi) || d != floor(d)) {
        problem(c, pointer(p, sizeof p, "", key), "must be a whole number from %d to %d", lo, hi);
        return def;
    }
    return (int)d;
}

/* A percentage in [0, 100] as a NUMERIC literal into buf; false when absent or bad. */
static bool get_pct(struct check *c, const cJSON *obj, const char *key, const char *ptr, char *buf,
                    size_t len)
{
    char p[512];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (v == NULL)
        return false;
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0 && v->valuedouble <= 100)) {
        problem(c, pointer(p, sizeof p, ptr, key), "must be a number from 0 to 100");
        return false;
    }
    snprintf(buf, len, "%.10g", v->valuedouble);
    return true;
}

static bool env_name_ok(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static char *dup_or_null(struct check *c, const char *s)
{
    if (s == NULL)
        return NULL;
    char *d = strdup(s);
    if (d == NULL)
        c->oom = true;
    return d;
}

/* The secret keys of a receiver: NAME_env or NAME_file, never NAME itself. */
static void secret_keys(struct check *c, const cJSON *obj, const char *ptr, const char *what,
                        struct routes_receiver *rcv)
{
    char key_env[32], key_file[32], p[512];
    snprintf(key_env, sizeof key_env, "%s_env", what);
    snprintf(key_file, sizeof key_file, "%s_file", what);
    if (cJSON_GetObjectItemCaseSensitive(obj, what) != NULL)
        problem(c, pointer(p, sizeof p, ptr, what),
                "secrets do not belong in the routes file; name an environment variable "
                "with \"%s\" or a file with \"%s\"",
                key_env, key_file);
    const char *env = get_string(c, obj, key_env, ptr, false);
    if (env != NULL && !env_name_ok(env))
        problem(c, pointer(p, sizeof p, ptr, key_env),
                "\"%s\" is not an environment variable name (A-Z, 0-9, _)", env);
    rcv->secret_env = dup_or_null(c, env);
    rcv->secret_file = dup_or_null(c, get_string(c, obj, key_file, ptr, false));
    if (rcv->secret_env && rcv->secret_file)
        problem(c, ptr, "give \"%s\" or \"%s\", not both", key_env, key_file);
}

static void check_webhook(struct check *c, const cJSON *w, const char *ptr,
                          struct routes_receiver *rcv)
{
    static const char *const known[] = {"url", "token", "token_env", "token_file", NULL};
    char p[512];
    if (!cJSON_IsObject(w)) {
        problem(c, ptr, "must be an object with \"url\"");
        return;
    }
    unknown_keys(c, w, ptr, known);
    const char *url = get_string(c, w, "url", ptr, true);
    char shown[512];
    if (url && strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
        problem(c, pointer(p, sizeof p, ptr, "url"), "\"%s\" is not an http:// or https:// URL",
                routes_redact_url(url, shown, sizeof shown));
    rcv->channel = ROUTES_WEBHOOK;
    rcv->url = dup_or_null(c, url);
    secret_keys(c, w, ptr, "token", rcv);
}

static void check_alertmanager(struct check *c, const cJSON *w, const char *ptr,
                               struct routes_receiver *rcv)
{
    static const char *const known[] = {
        "url", "token_env", "token_file", "token", "resolve_timeout_hours", NULL};
    char p[512], shown[512];
    if (!cJSON_IsObject(w)) {
        problem(c, ptr,
                "must be an object with \"url\" (Alertmanager's, e.g. "
                "\"http://127.0.0.1:9093\")");
        return;
    }
    unknown_keys(c, w, ptr, known);
    const char *url = get_string(c, w, "url", ptr, true);
    if (url && strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
        problem(c, pointer(p, sizeof p, ptr, "url"), "\"%s\" is not an http:// or https:// URL",
                routes_redact_url(url, shown, sizeof shown));
    else if (url && (strchr(url, '?') || strchr(url, '#') || strstr(url, "/api/")))
        problem(c, pointer(p, sizeof p, ptr, "url"),
                "\"%s\" must be Alertmanager's base URL (kpi adds /api/v2/alerts), without a "
                "query or fragment",
                routes_redact_url(url, shown, sizeof shown));
    rcv->channel = ROUTES_ALERTMANAGER;
    if (url != NULL) {
        /* the base without its trailing slashes, so that URL + "/api/v2/alerts" is one path */
        size_t n = strlen(url);
        while (n > 0 && url[n - 1] == '/')
            n--;
        rcv->url = strndup(url, n);
        if (rcv->url == NULL)
            c->oom = true;
    }
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(w, "resolve_timeout_hours");
    rcv->resolve_timeout_hours = 48;
    if (h != NULL) {
        double d = cJSON_IsNumber(h) ? h->valuedouble : NAN;
        /* beyond the next night: a night that is late or missed resolves nothing */
        if (!(d >= 25 && d <= 720) || d != floor(d))
            problem(c, pointer(p, sizeof p, ptr, "resolve_timeout_hours"),
                    "must be a whole number of hours from 25 to 720 (beyond the next night)");
        else
            rcv->resolve_timeout_hours = (int)d;
    }
    secret_keys(c, w, ptr, "token", rcv);
}

static bool address_ok(const char *s)
{
    const char *at = strchr(s, '@');
    return at && at != s && at[1] != '\0' && strpbrk(s, " <>\r\n,") == NULL;
}

static void check_email(struct check *c, const cJSON *e, const char *ptr,
                        struct routes_receiver *rcv)
{
    static const char *const known[] = {"to",       "from",         "smtp_url",      "username",
                                        "password", "password_env", "password_file", NULL};
    char p[512], q[512];
    if (!cJSON_IsObject(e)) {
        problem(c, ptr, "must be an object with \"to\", \"from\" and \"smtp_url\"");
        return;
    }
    unknown_keys(c, e, ptr, known);
    rcv->channel = ROUTES_EMAIL;
    const cJSON *to = cJSON_GetObjectItemCaseSensitive(e, "to");
    if (to == NULL) {
        problem(c, ptr, "missing \"to\"");
    } else if (!cJSON_IsArray(to) || cJSON_GetArraySize(to) == 0) {
        problem(c, pointer(p, sizeof p, ptr, "to"), "must be a non-empty list of addresses");
    } else {
        rcv->to = calloc((size_t)cJSON_GetArraySize(to), sizeof *rcv->to);
        if (rcv->to == NULL) {
            c->oom = true;
            return;
        }
        int i = 0;
        for (const cJSON *a = to->child; a; a = a->next, i++) {
            pointer(q, sizeof q, ptr, "to");
            if (!cJSON_IsString(a) || !address_ok(a->valuestring))
                problem(c, index_pointer(p, sizeof p, q, i),
                        "must be an e-mail address like \"name@example.org\"");
            else
                rcv->to[rcv->nto++] = dup_or_null(c, a->valuestring);
        }
    }
    const char *from = get_string(c, e, "from", ptr, true);
    if (from && !address_ok(from))
        problem(c, pointer(p, sizeof p, ptr, "from"),
                "\"%s\" is not an e-mail address like \"kpi@example.org\"", from);
    rcv->from = dup_or_null(c, from);
    const char *url = get_string(c, e, "smtp_url", ptr, true);
    char shown[512];
    if (url && strncmp(url, "smtp://", 7) != 0 && strncmp(url, "smtps://", 8) != 0)
        problem(c, pointer(p, sizeof p, ptr, "smtp_url"),
                "\"%s\" is not an smtp:// or smtps:// URL",
                routes_redact_url(url, shown, sizeof shown));
    rcv->url = dup_or_null(c, url);
    rcv->username = dup_or_null(c, get_string(c, e, "username", ptr, false));
    secret_keys(c, e, ptr, "password", rcv);
}

static void check_receivers(struct check *c, const cJSON *list, struct routes *r)
{
    static const char *const known[] = {"name", "webhook", "email", "alertmanager", "lang", NULL};
    char ptr[64], p[512];
    if (list == NULL) {
        problem(c, "", "missing \"receivers\"");
        return;
    }
    if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) == 0) {
        problem(c, "/receivers", "must be a non-empty list of receivers");
        return;
    }
    r->receivers = calloc((size_t)cJSON_GetArraySize(list), sizeof *r->receivers);
    if (r->receivers == NULL) {
        c->oom = true;
        return;
    }
    int i = 0;
    for (const cJSON *o = list->child; o; o = o->next, i++) {
        index_pointer(ptr, sizeof ptr, "/receivers", i);
        if (!cJSON_IsObject(o)) {
            problem(c, ptr, "must be an object");
            continue;
        }
        unknown_keys(c, o, ptr, known);
        struct routes_receiver *rcv = &r->receivers[r->nreceivers++];
        const char *name = get_string(c, o, "name", ptr, true);
        for (size_t k = 0; name && k + 1 < r->nreceivers; k++)
            if (r->receivers[k].name && strcmp(r->receivers[k].name, name) == 0)
                problem(c, pointer(p, sizeof p, ptr, "name"),
                        "receiver \"%s\" is defined twice; names must be unique", name);
        rcv->name = dup_or_null(c, name);
        const char *lang = get_string(c, o, "lang", ptr, false);
        if (lang && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0)
            problem(c, pointer(p, sizeof p, ptr, "lang"), "must be \"vi\" or \"en\"");
        rcv->english = lang && strcmp(lang, "en") == 0;
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(o, "webhook");
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(o, "email");
        const cJSON *am = cJSON_GetObjectItemCaseSensitive(o, "alertmanager");
        if ((w != NULL) + (e != NULL) + (am != NULL) != 1)
            problem(c, ptr, "give exactly one of \"webhook\", \"email\" or \"alertmanager\"");
        else if (w != NULL)
            check_webhook(c, w, pointer(p, sizeof p, ptr, "webhook"), rcv);
        else if (am != NULL)
            check_alertmanager(c, am, pointer(p, sizeof p, ptr, "alertmanager"), rcv);
        else
            check_email(c, e, pointer(p, sizeof p, ptr, "email"), rcv);
    }
}

/*
 * A list of strings at OBJ[KEY] copied into OUT (a new array); DEF (may be
 * NULL) when absent. ALLOWED (may be NULL) restricts the values; "*" is
 * allowed only when STAR.
 */
/* The K-th of the allowed names of a list (NULL after the last). */
typedef const char *allowed_fn(size_t k);

static const char *period_kind_at(size_t k)
{
    return period_kinds[k].name;
}

static const char *alertname_at(size_t k)
{
    return alertnames[k];
}

static bool allowed_has(allowed_fn *allowed, const char *s)
{
    for (size_t k = 0; allowed(k); k++)
        if (strcmp(s, allowed(k)) == 0)
            return true;
    return false;
}

static void string_list(struct check *c, const cJSON *obj, const char *key, const char *ptr,
                        allowed_fn *allowed, const char *def, cJSON *out, const char *out_key)
{
    char p[512], q[512];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    cJSON *arr = cJSON_AddArrayToObject(out, out_key);
    if (arr == NULL) {
        c->oom = true;
        return;
    }
    if (v == NULL) {
        for (const char *d = def; d && *d; d += strlen(d) + 1)
            cJSON_AddItemToArray(arr, cJSON_CreateString(d));
        return;
    }
    pointer(q, sizeof q, ptr, key);
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
        problem(c, q, "must be a non-empty list of strings");
        return;
    }
    int i = 0;
    for (const cJSON *s = v->child; s; s = s->next, i++) {
        if (!cJSON_IsString(s) || s->valuestring[0] == '\0') {
            problem(c, index_pointer(p, sizeof p, q, i), "must be a non-empty string");
            continue;
        }
        if (allowed && !allowed_has(allowed, s->valuestring)) {
            char all[256];
            size_t n = 0;
            for (size_t k = 0; allowed(k) && n < sizeof all; k++)
                n += (size_t)snprintf(all + n, sizeof all - n, "%s%s", k ? ", " : "", allowed(k));
            problem(c, index_pointer(p, sizeof p, q, i), "\"%s\" is not one of: %s", s->valuestring,
                    all);
            continue;
        }
        cJSON_AddItemToArray(arr, cJSON_CreateString(s->valuestring));
    }
}

static void check_route(struct check *c, const cJSON *o, const char *ptr, const struct routes *r,
                        cJSON *norm)
{
    static const char *const known[] = {"receiver",
                                        "units",
                                        "indicators",
                                        "period_kinds",
                                        "min_severity",
                                        "lead_units",
                                        "alertnames",
                                        "resolve_margin_pct",
                                        NULL};
    char p[512];
    unknown_keys(c, o, ptr, known);
    const char *rcv = get_string(c, o, "receiver", ptr, true);
    if (rcv != NULL) {
        bool found = false;
        for (size_t k = 0; k < r->nreceivers && !found; k++)
            found = r->receivers[k].name && strcmp(r->receivers[k].name, rcv) == 0;
        if (!found)
            problem(c, pointer(p, sizeof p, ptr, "receiver"),
                    "no receiver is called \"%s\"; define it under /receivers", rcv);
        cJSON_AddStringToObject(norm, "receiver", rcv);
        /* an Alertmanager is told every firing alert every night (its endsAt runs out) */
        const struct routes_receiver *to = found ? routes_receiver(r, rcv) : NULL;
        if (to != NULL && to->channel == ROUTES_ALERTMANAGER)
            cJSON_AddTrueToObject(norm, "every_night");
    }

    const cJSON *units = cJSON_GetObjectItemCaseSensitive(o, "units");
    if (units == NULL || (cJSON_IsString(units) && strcmp(units->valuestring, "all") == 0)) {
        cJSON_AddStringToObject(norm, "units", "all");
    } else if (cJSON_IsString(units) && strcmp(units->valuestring, "province") == 0) {
        cJSON_AddStringToObject(norm, "units", "province");
    } else if (cJSON_IsArray(units)) {
        cJSON_AddStringToObject(norm, "units", "list");
        string_list(c, o, "units", ptr, NULL, NULL, norm, "unit_codes");
    } else {
        problem(c, pointer(p, sizeof p, ptr, "units"),
                "must be \"province\", \"all\" or a list of unit codes");
    }

    string_list(c, o, "indicators", ptr, NULL, "*\0", norm, "indicators");
    string_list(c, o, "period_kinds", ptr, period_kind_at, "month\0", norm, "period_kinds");
    /* the figure the plan judges (issue 17): a route of months takes a target due on a date
     * on its deadline window (kpi.alert_cells), as the report and kpi show judge it */
    cJSON *kinds = cJSON_GetObjectItemCaseSensitive(norm, "period_kinds");
    bool month = false, deadline = false;
    const cJSON *kind;
    cJSON_ArrayForEach(kind, kinds)
    {
        month = month || strcmp(kind->valuestring, "month") == 0;
        deadline = deadline || strcmp(kind->valuestring, "deadline") == 0;
    }
    if (month && !deadline)
        cJSON_AddItemToArray(kinds, cJSON_CreateString("deadline"));
    if (cJSON_GetObjectItemCaseSensitive(o, "lead_units") != NULL)
        string_list(c, o, "lead_units", ptr, NULL, NULL, norm, "lead_units");
    /* a lead unit's route gets data-missing alerts and those of suspect cells too ("cần kiểm tra
     * số liệu"); a leaders' route does not; reports not sent only where named (KpiReportMissing) */
    string_list(c, o, "alertnames", ptr, alertname_at,
                cJSON_GetObjectItemCaseSensitive(o, "lead_units") != NULL
                    ? "KpiBreach\0KpiAtRisk\0KpiDataMissing\0KpiDataSuspect\0"
                    : "KpiBreach\0KpiAtRisk\0",
                norm, "alertnames");

    const char *sev = get_string(c, o, "min_severity", ptr, false);
    if (sev != NULL && !in_list(sev, severities))
        problem(c, pointer(p, sizeof p, ptr, "min_severity"),
                "\"%s\" is not \"warning\" or \"critical\"", sev);
    cJSON_AddStringToObject(norm, "min_severity",
                            sev && in_list(sev, severities) ? sev : "warning");
    char margin[32];
    if (get_pct(c, o, "resolve_margin_pct", ptr, margin, sizeof margin))
        cJSON_AddRawToObject(norm, "resolve_margin_pct", margin);
}

static void check_routes(struct check *c, const cJSON *list, struct routes *r, cJSON *norm)
{
    char ptr[64];
    if (list == NULL) {
        problem(c, "", "missing \"routes\"");
        return;
    }
    if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) == 0) {
        problem(c, "/routes", "must be a non-empty list of routes");
        return;
    }
    int i = 0;
    for (const cJSON *o = list->child; o; o = o->next, i++) {
        index_pointer(ptr, sizeof ptr, "/routes", i);
        if (!cJSON_IsObject(o)) {
            problem(c, ptr, "must be an object");
            continue;
        }
        cJSON *n = cJSON_CreateObject();
        if (n == NULL) {
            c->oom = true;
            return;
        }
        cJSON_AddItemToArray(norm, n);
        check_route(c, o, ptr, r, n);
        r->nroutes++;
    }
}

/* The line (from 1) of byte AT of TEXT. */
static int line_of(const char *text, size_t at)
{
    int line = 1;
    for (size_t i = 0; i < at; i++)
        line += text[i] == '\n';
    return line;
}

/* Report every key given twice in any object of the tree at V (PTR its pointer). */
static void repeated_keys(struct check *c, const cJSON *v, const char *ptr)
{
    char p[512];
    int i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        if (cJSON_IsObject(v)) {
            pointer(p, sizeof p, ptr, it->string);
            if (json_key_repeated(v, it)) {
                problem(c, p, "key \"%s\" appears twice; keep one", it->string);
                continue;
            }
        } else {
            index_pointer(p, sizeof p, ptr, i);
        }
        if (cJSON_IsObject(it) || cJSON_IsArray(it))
            repeated_keys(c, it, p);
    }
}

/*
 * "agencies" (optional): [{"prefix": "so_y_te", "receiver": "so_y_te_mail"}, ...]: the
 * receipt of a submission file whose name starts with the prefix is e-mailed to that
 * e-mail receiver (engine/ingest/receipt.c).
 */
static void check_agencies(struct check *c, const cJSON *list, struct routes *r)
{
    static const char *const known[] = {"prefix", "receiver", NULL};
    char ptr[64], p[512];
    if (list == NULL)
        return;
    if (!cJSON_IsArray(list)) {
        problem(c, "/agencies", "must be a list of {\"prefix\", \"receiver\"}");
        return;
    }
    r->agencies = calloc((size_t)cJSON_GetArraySize(list) + 1, sizeof *r->agencies);
    if (r->agencies == NULL) {
        c->oom = true;
        return;
    }
    int i = 0;
    for (const cJSON *o = list->child; o; o = o->next, i++) {
        index_pointer(ptr, sizeof ptr, "/agencies", i);
        if (!cJSON_IsObject(o)) {
            problem(c, ptr, "must be an object with \"prefix\" and \"receiver\"");
            continue;
        }
        unknown_keys(c, o, ptr, known);
        const char *prefix = get_string(c, o, "prefix", ptr, true);
        const char *name = get_string(c, o, "receiver", ptr, true);
        const struct routes_receiver *rcv = NULL;
        for (size_t k = 0; name && k < r->nreceivers; k++)
            if (r->receivers[k].name && strcmp(r->receivers[k].name, name) == 0)
                rcv = &r->receivers[k];
        if (name && rcv == NULL)
            problem(c, pointer(p, sizeof p, ptr, "receiver"), "no receiver is called \"%s\"", name);
        else if (rcv && rcv->channel != ROUTES_EMAIL)
            problem(c, pointer(p, sizeof p, ptr, "receiver"),
                    "receiver \"%s\" is a webhook; receipts go by e-mail", name);
        if (prefix == NULL || rcv == NULL || rcv->channel != ROUTES_EMAIL)
            continue;
        struct routes_agency *a = &r->agencies[r->nagencies++];
        a->prefix = dup_or_null(c, prefix);
        a->receiver = dup_or_null(c, name);
    }
}

enum kpi_status routes_parse(const char *name, const char *text, size_t len, FILE *problems,
                             struct routes **out, int *nproblems)
{
    static const char *const known[] = {
        "receivers",
        "routes",
        "repeat_interval_days",
        "escalate_after_periods",
        "completeness_floor_pct",
        "at_risk_horizon_days",
        "retry_attempts",
        "retry_backoff_ms",
        "external_url",
        "generator_url",
        "delivery_timeout_ms",
        "give_up_after_attempts",
        "agencies",
        NULL,
    };
    struct check c = {.name = name, .out = problems};
    struct routes *r = calloc(1, sizeof *r);
    cJSON *doc = NULL, *norm = cJSON_CreateArray();
    enum kpi_status rc = KPI_ERROR;
    *out = NULL;
    if (r == NULL || norm == NULL)
        goto oom;
    r->path = strdup(name);
    if (r->path == NULL)
        goto oom;
    if (hash_sha256_hex(text, len, r->sha256) != KPI_OK)
        goto fail;
    long nul = json_find_nul(text, len);
    if (nul >= 0) {
        problem(&c, "", "a NUL character (\\u0000) at line %d; text cannot hold one, remove it",
                line_of(text, (size_t)nul));
        rc = KPI_REJECTED;
        goto fail;
    }
    const char *end = NULL;
    doc = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (doc == NULL) {
        size_t at = end && end >= text ? (size_t)(end - text) : 0;
        problem(&c, "", "not valid JSON (near line %d); fix the syntax",
                line_of(text, at < len ? at : len));
        rc = KPI_REJECTED;
        goto fail;
    }
    if (!cJSON_IsObject(doc)) {
        problem(&c, "", "must be a JSON object with \"receivers\" and \"routes\"");
        rc = KPI_REJECTED;
        goto fail;
    }
    repeated_keys(&c, doc, "");
    unknown_keys(&c, doc, "", known);
    check_receivers(&c, cJSON_GetObjectItemCaseSensitive(doc, "receivers"), r);
    check_routes(&c, cJSON_GetObjectItemCaseSensitive(doc, "routes"), r, norm);
    check_agencies(&c, cJSON_GetObjectItemCaseSensitive(doc, "agencies"), r);
    r->repeat_interval_days = get_int(&c, doc, "repeat_interval_days", 1, 3650, 7);
    r->escalate_after_periods = get_int(&c, doc, "escalate_after_periods", 1, 1000, 3);
    r->at_risk_horizon_days = get_int(&c, doc, "at_risk_horizon_days", 0, 3650, 30);
    r->retry_attempts = get_int(&c, doc, "retry_attempts", 1, 10, 3);
    r->retry_backoff_ms = get_int(&c, doc, "retry_backoff_ms", 0, 60000, 500);
    r->delivery_timeout_ms = get_int(&c, doc, "delivery_timeout_ms", 100, 600000, 30000);
    /* three nights of three tries, by default, before a receiver that is down counts as failed */
    r->give_up_after_attempts = get_int(&c, doc, "give_up_after_attempts", 1, 1000, 9);
    if (!get_pct(&c, doc, "completeness_floor_pct", "", r->completeness_floor_pct,
                 sizeof r->completeness_floor_pct))
        snprintf(r->completeness_floor_pct, sizeof r->completeness_floor_pct, "90");
    for (int k = 0; k < 2; k++) {
        const char *key = k ? "generator_url" : "external_url";
        const char *url = get_string(&c, doc, key, "", false);
        if (url && strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
            problem(&c, k ? "/generator_url" : "/external_url",
                    "\"%s\" is not an http:// or https:// URL", url);
        *(k ? &r->generator_url : &r->external_url) = dup_or_null(&c, url);
    }
    if (c.oom)
        goto oom;
    if (c.problems > 0) {
        rc = KPI_REJECTED;
        goto fail;
    }
    r->routes_json = cJSON_PrintUnformatted(norm);
    if (r->routes_json == NULL)
        goto oom;
    cJSON_Delete(norm);
    cJSON_Delete(doc);
    *out = r;
    *nproblems = 0;
    return KPI_OK;
oom:
    log_error("out of memory");
fail:
    *nproblems = c.problems;
    cJSON_Delete(norm);
    cJSON_Delete(doc);
    routes_free(r);
    return rc;
}

enum kpi_status routes_load(const char *path, FILE *problems, struct routes **out, int *nproblems)
{
    *out = NULL;
    *nproblems = 1; /* each failure to read the file below is one problem */
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(problems, "%s: could not open \"%s\": %s\n", path, path, strerror(errno));
        return KPI_REJECTED;
    }
    struct dynbuf buf;
    char chunk[65536];
    size_t n, max;
    enum kpi_status rc = KPI_REJECTED;
    dynbuf_init(&buf, 0); /* empty until the cap is known; freeing it is a no-op */
    if (sizelimit_json_bytes(&max) != KPI_OK) {
        fprintf(problems, "%s: /: KPI_MAX_JSON_BYTES is not a size; unset it or write e.g. 2M\n",
                path);
        goto done;
    }
    dynbuf_init(&buf, max);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        enum dynbuf_status st = dynbuf_addn(&buf, chunk, n);
        if (st == DYNBUF_TOOBIG) {
            fprintf(problems,
                    "%s: /: the file is larger than %zu bytes; a routes file is small "
                    "(KPI_MAX_JSON_BYTES raises the limit)\n",
                    path, max);
            goto done;
        }
        if (st != DYNBUF_OK) {
            log_error("out of memory");
            *nproblems = 0;
            rc = KPI_ERROR;
            goto done;
        }
    }
    if (ferror(f)) {
        fprintf(problems, "%s: could not read \"%s\": %s\n", path, path, strerror(errno));
        goto done;
    }
    rc = routes_parse(path, dynbuf_ptr(&buf), dynbuf_len(&buf), problems, out, nproblems);
done:
    dynbuf_free(&buf);
    fclose(f);
    return rc;
}

void routes_free(struct routes *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->nreceivers; i++) {
        struct routes_receiver *v = &r->receivers[i];
        free(v->name);
        free(v->url);
        free(v->secret_env);
        free(v->secret_file);
        free(v->username);
        free(v->from);
        for (size_t k = 0; k < v->nto; k++)
            free(v->to[k]);
        free(v->to);
    }
    free(r->receivers);
    for (size_t i = 0; i < r->nagencies; i++) {
        free(r->agencies[i].prefix);
        free(r->agencies[i].receiver);
    }
    free(r->agencies);
    free(r->routes_json);
    free(r->external_url);
    free(r->generator_url);
    free(r->path);
    free(r);
}

const char *routes_channel_name(enum routes_channel ch)
{
    return ch == ROUTES_EMAIL ? "email" : ch == ROUTES_ALERTMANAGER ? "alertmanager" : "webhook";
}

const struct routes_receiver *routes_receiver(const struct routes *r, const char *name)
{
    for (size_t i = 0; i < r->nreceivers; i++)
        if (r->receivers[i].name != NULL && strcmp(r->receivers[i].name, name) == 0)
            return &r->receivers[i];
    return NULL;
}

enum kpi_status routes_secret(const struct routes_receiver *rcv, char **out, char *err,
                              size_t errlen)
{
    *out = NULL;
    if (rcv->secret_env != NULL) {
        const char *v = getenv(rcv->secret_env);
        if (v == NULL || *v == '\0') {
            snprintf(err, errlen, "environment variable %s is not set (the secret of receiver %s)",
                     rcv->secret_env, rcv->name);
            return KPI_REJECTED;
        }
        *out = strdup(v);
    } else if (rcv->secret_file != NULL) {
        FILE *f = fopen(rcv->secret_file, "rb");
        char buf[4096];
        if (f == NULL) {
            snprintf(err, errlen, "could not open \"%s\": %s", rcv->secret_file, strerror(errno));
            return KPI_REJECTED;
        }
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = '\0';
        buf[strcspn(buf, "\r\n")] = '\0';
        if (buf[0] == '\0') {
            snprintf(err, errlen, "secret file \"%s\" is empty", rcv->secret_file);
            return KPI_REJECTED;
        }
        *out = strdup(buf);
    } else {
        return KPI_OK;
    }
    if (*out == NULL) {
        snprintf(err, errlen, "out of memory");
        return KPI_ERROR;
    }
    return KPI_OK;
}

const char *routes_redact_url(const char *url, char *buf, size_t len)
{
    const char *scheme = strstr(url, "://");
    size_t start = scheme ? (size_t)(scheme - url) + 3 : 0;
    size_t stop = start + strcspn(url + start, "?#"); /* the end of scheme, host, path */
    const char *at = NULL;
    for (const char *p = url + start; p < url + stop; p++)
        if (*p == '@')
            at = p;
    const char *tail = url[stop] == '?' ? "?…" : url[stop] == '#' ? "#…" : "";
    if (at == NULL)
        snprintf(buf, len, "%.*s%s", (int)stop, url, tail);
    else
        snprintf(buf, len, "%.*s…%.*s%s", (int)start, url, (int)(url + stop - at), at, tail);
    return buf;
}
