/*
 * watch.c — owns the data-watch parts of the catalog (see watch.h): the
 * "quality" object of each metric of metrics.json (history window, modified
 * z-score threshold, fewest months, min-max bounds, monotone stocks) and
 * schedule.json (who sends which metrics, how often, by when): their checks,
 * every problem with its JSON pointer, and their rows in kpi.metric_quality
 * and kpi.submission_schedule.
 */
#include "catalog/watch.h"

#include "catalog/read.h"
#include "common/log.h"
#include "db/conn.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The defaults of a metric without "quality" (also the columns' defaults, migration 020). */
#define DEFAULT_WINDOW      "12"
#define DEFAULT_Z           "3.5"
#define DEFAULT_MIN_PERIODS "6"

/* /A/B/C as a JSON pointer into BUF (B, C may be NULL); keys are codes, nothing to escape. */
static const char *at(char *buf, size_t len, const char *a, const char *b, const char *c)
{
    snprintf(buf, len, "/%s%s%s%s%s", a, b ? "/" : "", b ? b : "", c ? "/" : "", c ? c : "");
    return buf;
}

/* OBJ[KEY] as a whole number in LO..HI into OUT (decimal text); true when present and valid. */
static bool whole(struct check *ck, const cJSON *obj, const char *key, long lo, long hi,
                  const char *path, char *out, size_t len)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (v == NULL)
        return false;
    if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < lo ||
        v->valuedouble > hi) {
        check_problem(ck, path, "\"%s\" must be a whole number from %ld to %ld", key, lo, hi);
        return false;
    }
    snprintf(out, len, "%.0f", v->valuedouble);
    return true;
}

/* A decimal "3.5": digits, at most one point, digits; above zero. */
static bool is_positive_decimal(const char *s)
{
    bool digit = false, point = false, nonzero = false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            digit = true;
            nonzero = nonzero || *s != '0';
        } else if (*s == '.' && !point && digit) {
            point = true;
        } else {
            return false;
        }
    }
    return digit && nonzero && s[-1] != '.';
}

static const char *const quality_keys[] = {"window", "z_threshold", "min_periods",
                                           "min",    "max",         "monotone"};

static void check_one_quality(struct check *ck, const struct catalog_metric *m, const cJSON *q,
                              struct catalog_quality *out)
{
    char path[512];
    at(path, sizeof path, m->code, "quality", NULL);
    if (!cJSON_IsObject(q)) {
        check_problem(ck, path,
                      "\"quality\" must be an object, e.g. {\"window\": 12, \"z_threshold\": "
                      "\"3.5\", \"min\": 0, \"max\": 5000, \"monotone\": true}");
        return;
    }
    for (const cJSON *k = q->child; k != NULL; k = k->next) {
        bool known = false;
        for (size_t i = 0; i < sizeof quality_keys / sizeof quality_keys[0]; i++)
            known = known || strcmp(k->string, quality_keys[i]) == 0;
        if (!known)
            check_problem(ck, at(path, sizeof path, m->code, "quality", k->string),
                          "unknown key \"%s\"; \"quality\" has window, z_threshold, "
                          "min_periods, min, max and monotone",
                          k->string);
    }
    if (whole(ck, q, "window", 3, 120, at(path, sizeof path, m->code, "quality", "window"),
              out->buf[0], sizeof out->buf[0]))
        out->window = out->buf[0];
    if (whole(ck, q, "min_periods", 3, 120,
              at(path, sizeof path, m->code, "quality", "min_periods"), out->buf[1],
              sizeof out->buf[1]))
        out->min_periods = out->buf[1];
    if (atol(out->min_periods) > atol(out->window))
        check_problem(ck, at(path, sizeof path, m->code, "quality", "min_periods"),
                      "\"min_periods\" (%s) must not exceed \"window\" (%s)", out->min_periods,
                      out->window);
    if (whole(ck, q, "min", 0, 9007199254740991L, at(path, sizeof path, m->code, "quality", "min"),
              out->buf[2], sizeof out->buf[2]))
        out->min = out->buf[2];
    if (whole(ck, q, "max", 0, 9007199254740991L, at(path, sizeof path, m->code, "quality", "max"),
              out->buf[3], sizeof out->buf[3]))
        out->max = out->buf[3];
    if (out->min && out->max && atoll(out->min) > atoll(out->max))
        check_problem(ck, at(path, sizeof path, m->code, "quality", "max"),
                      "\"max\" (%s) is below \"min\" (%s)", out->max, out->min);
    const cJSON *z = cJSON_GetObjectItemCaseSensitive(q, "z_threshold");
    if (z != NULL) {
        at(path, sizeof path, m->code, "quality", "z_threshold");
        if (!cJSON_IsString(z) || !is_positive_decimal(z->valuestring))
            check_problem(ck, path,
                          "\"z_threshold\" must be a decimal above 0 in double quotes, e.g. "
                          "\"3.5\" (a bare number could be rounded)");
        else
            out->z_threshold = z->valuestring;
    }
    const cJSON *mono = cJSON_GetObjectItemCaseSensitive(q, "monotone");
    if (mono != NULL) {
        at(path, sizeof path, m->code, "quality", "monotone");
        if (!cJSON_IsBool(mono))
            check_problem(ck, path, "\"monotone\" must be true or false");
        else if (cJSON_IsTrue(mono) && m->temporal && strcmp(m->temporal, "stock") != 0)
            check_problem(ck, path,
                          "\"monotone\" is for a stock that should only grow; \"%s\" is a %s",
                          m->code, m->temporal);
        else
            out->monotone = cJSON_IsTrue(mono);
    }
}

void watch_check_quality(struct check *ck, const cJSON *root)
{
    struct catalog *cat = ck->cat;
    cat->quality = calloc(cat->n_metrics + 1, sizeof *cat->quality);
    if (cat->quality == NULL) {
        ck->oom = true;
        return;
    }
    for (size_t i = 0; i < cat->n_metrics; i++) {
        struct catalog_quality *q = &cat->quality[i];
        q->window = DEFAULT_WINDOW;
        q->z_threshold = DEFAULT_Z;
        q->min_periods = DEFAULT_MIN_PERIODS;
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, cat->metrics[i].code);
        const cJSON *v = cJSON_IsObject(m) ? cJSON_GetObjectItemCaseSensitive(m, "quality") : NULL;
        if (v != NULL)
            check_one_quality(ck, &cat->metrics[i], v, q);
    }
}

/* ---- schedule.json ------------------------------------------------------ */

static const char *const schedule_keys[] = {"name",    "sender_vi", "unit_kinds", "unit_codes",
                                            "metrics", "cadence",   "due",        "lookback",
                                            "since",   "lead_units"};

/* OBJ[KEY], a list of non-empty strings, into *OUT (the array freed by watch_free). */
static void string_list(struct check *ck, const cJSON *obj, const char *key, const char *base,
                        struct catalog_units *out)
{
    char path[512];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (v == NULL)
        return;
    snprintf(path, sizeof path, "%s/%s", base, key);
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
        check_problem(ck, path, "\"%s\" must be a non-empty list of text", key);
        return;
    }
    out->names = calloc((size_t)cJSON_GetArraySize(v), sizeof *out->names);
    if (out->names == NULL) {
        ck->oom = true;
        return;
    }
    int i = 0;
    for (const cJSON *s = v->child; s != NULL; s = s->next, i++) {
        if (!cJSON_IsString(s) || s->valuestring[0] == '\0') {
            char p[540];
            snprintf(p, sizeof p, "%s/%d", path, i);
            check_problem(ck, p, "must be text in double quotes, not empty");
            continue;
        }
        out->names[out->n++] = s->valuestring;
    }
}

/* "due": {"days": D, "time": "HH:MM"} into S->due_after ("D days HH:MM"). */
static void check_due(struct check *ck, const cJSON *o, const char *base,
                      struct catalog_schedule *s)
{
    char path[512], days[16] = "0";
    const cJSON *due = cJSON_GetObjectItemCaseSensitive(o, "due");
    snprintf(path, sizeof path, "%s/due", base);
    if (!cJSON_IsObject(due)) {
        check_problem(ck, path,
                      "\"due\" must say by when, after the period's last day began: "
                      "{\"days\": 1, \"time\": \"08:00\"} (by 08:00 the next day), "
                      "{\"days\": 5, \"time\": \"24:00\"} (a month: by the end of the 5th)");
        return;
    }
    whole(ck, due, "days", 0, 62, path, days, sizeof days);
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(due, "time");
    int hh = 0, mm = 0, n = 0;
    if (t != NULL &&
        (!cJSON_IsString(t) || sscanf(t->valuestring, "%2d:%2d%n", &hh, &mm, &n) != 2 ||
         t->valuestring[n] != '\0' || strlen(t->valuestring) != 5 || hh < 0 || mm < 0 || mm > 59 ||
         hh > 24 || (hh == 24 && mm != 0))) {
        snprintf(path, sizeof path, "%s/due/time", base);
        check_problem(ck, path, "\"time\" must be HH:MM from 00:00 to 24:00, local time");
        return;
    }
    snprintf(s->due_after, sizeof s->due_after, "%s days %02d:%02d", days, hh, mm);
}

static void check_one_schedule(struct check *ck, const cJSON *o, const char *base,
                               struct catalog_schedule *s)
{
    char path[512];
    for (const cJSON *k = o->child; k != NULL; k = k->next) {
        bool known = false;
        for (size_t i = 0; i < sizeof schedule_keys / sizeof schedule_keys[0]; i++)
            known = known || strcmp(k->string, schedule_keys[i]) == 0;
        if (!known) {
            snprintf(path, sizeof path, "%s/%s", base, k->string);
            check_problem(ck, path,
                          "unknown key \"%s\"; a schedule has name, sender_vi, unit_kinds or "
                          "unit_codes, metrics, cadence, due, lookback, since and lead_units",
                          k->string);
        }
    }
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "name");
    snprintf(path, sizeof path, "%s/name", base);
    if (!cJSON_IsString(v) || !check_is_code(v->valuestring))
        check_problem(ck, path,
                      "\"name\" must be lower-case letters, digits and \"_\", e.g. "
                      "\"communes_daily\"");
    else
        s->name = v->valuestring;
    v = cJSON_GetObjectItemCaseSensitive(o, "sender_vi");
    snprintf(path, sizeof path, "%s/sender_vi", base);
    if (!cJSON_IsString(v) || v->valuestring[0] == '\0')
        check_problem(ck, path, "\"sender_vi\" must name who sends, e.g. \"Sở Y tế\"");
    else
        s->sender_vi = v->valuestring;
    string_list(ck, o, "unit_kinds", base, &s->unit_kinds);
    string_list(ck, o, "unit_codes", base, &s->unit_codes);
    string_list(ck, o, "metrics", base, &s->metrics);
    string_list(ck, o, "lead_units", base, &s->lead_units);
    if (s->unit_kinds.n == 0 && s->unit_codes.n == 0)
        check_problem(ck, base, "a schedule needs \"unit_kinds\" or \"unit_codes\": who sends");
    if (s->unit_kinds.n == 0 && s->metrics.n == 0)
        check_problem(ck, base, "named units (\"unit_codes\") need \"metrics\": what they send");
    for (size_t i = 0; i < s->metrics.n; i++)
        if (ck->metrics_ok && catalog_metric_find(ck->cat, s->metrics.names[i]) == NULL) {
            snprintf(path, sizeof path, "%s/metrics/%zu", base, i);
            check_problem(ck, path, "metric \"%s\" is not declared in " CATALOG_METRICS_FILE,
                          s->metrics.names[i]);
        }
    v = cJSON_GetObjectItemCaseSensitive(o, "cadence");
    snprintf(path, sizeof path, "%s/cadence", base);
    if (!cJSON_IsString(v) ||
        (strcmp(v->valuestring, "daily") != 0 && strcmp(v->valuestring, "monthly") != 0))
        check_problem(ck, path, "\"cadence\" must be \"daily\" or \"monthly\"");
    else
        s->cadence = v->valuestring;
    check_due(ck, o, base, s);
    snprintf(s->lookback, sizeof s->lookback, "%s",
             s->cadence && strcmp(s->cadence, "monthly") == 0 ? "3" : "7");
    snprintf(path, sizeof path, "%s/lookback", base);
    whole(ck, o, "lookback", 1, 366, path, s->lookback, sizeof s->lookback);
    v = cJSON_GetObjectItemCaseSensitive(o, "since");
    snprintf(path, sizeof path, "%s/since", base);
    const char *why = cJSON_IsString(v) ? check_date_error(v->valuestring)
                                        : "write the first day expected as YYYY-MM-DD";
    if (why != NULL)
        check_problem(ck, path, "\"since\": %s", why);
    else
        s->since = v->valuestring;
}

void watch_check_schedule(struct check *ck, const cJSON *root)
{
    struct catalog *cat = ck->cat;
    char base[64];
    cat->time_zone = "Asia/Ho_Chi_Minh";
    for (const cJSON *k = root->child; k != NULL; k = k->next)
        if (strcmp(k->string, "time_zone") != 0 && strcmp(k->string, "schedules") != 0)
            check_problem(ck, at(base, sizeof base, k->string, NULL, NULL),
                          "unknown key \"%s\"; schedule.json has time_zone and schedules",
                          k->string);
    const cJSON *tz = cJSON_GetObjectItemCaseSensitive(root, "time_zone");
    if (tz != NULL && (!cJSON_IsString(tz) || tz->valuestring[0] == '\0'))
        check_problem(ck, "/time_zone",
                      "\"time_zone\" must name a zone, e.g. \"Asia/Ho_Chi_Minh\"");
    else if (tz != NULL)
        cat->time_zone = tz->valuestring;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "schedules");
    if (!cJSON_IsArray(list)) {
        check_problem(ck, "/schedules", "\"schedules\" must be a list of schedules");
        return;
    }
    cat->schedules = calloc((size_t)cJSON_GetArraySize(list) + 1, sizeof *cat->schedules);
    if (cat->schedules == NULL) {
        ck->oom = true;
        return;
    }
    int i = 0;
    for (const cJSON *o = list->child; o != NULL; o = o->next, i++) {
        snprintf(base, sizeof base, "/schedules/%d", i);
        if (!cJSON_IsObject(o)) {
            check_problem(ck, base, "a schedule must be an object");
            continue;
        }
        struct catalog_schedule *s = &cat->schedules[cat->n_schedules++];
        check_one_schedule(ck, o, base, s);
        for (size_t j = 0; s->name && j + 1 < cat->n_schedules; j++)
            if (cat->schedules[j].name && strcmp(cat->schedules[j].name, s->name) == 0)
                check_problem(ck, base, "a second schedule is named \"%s\"", s->name);
    }
}

void watch_free(struct catalog *cat)
{
    for (size_t i = 0; i < cat->n_schedules; i++) {
        free(cat->schedules[i].unit_kinds.names);
        free(cat->schedules[i].unit_codes.names);
        free(cat->schedules[i].metrics.names);
        free(cat->schedules[i].lead_units.names);
    }
    free(cat->schedules);
    free(cat->quality);
}

/* ---- the rows ----------------------------------------------------------- */

static const char quality_sql[] =
    "INSERT INTO kpi.metric_quality (code, window_periods, z_threshold, min_periods, min_value, "
    "max_value, monotone, catalog_version) "
    "VALUES ($1, $2::integer, $3::numeric, $4::integer, $5::bigint, $6::bigint, $7::boolean, $8) "
    "ON CONFLICT (code) DO UPDATE SET window_periods = EXCLUDED.window_periods, "
    "  z_threshold = EXCLUDED.z_threshold, min_periods = EXCLUDED.min_periods, "
    "  min_value = EXCLUDED.min_value, max_value = EXCLUDED.max_value, "
    "  monotone = EXCLUDED.monotone, catalog_version = EXCLUDED.catalog_version";

static const char schedule_clear_sql[] = "DELETE FROM kpi.submission_schedule";

/* lists as JSON arrays ($3..$6; NULL: absent); the time zone checked by AT TIME ZONE */
static const char schedule_sql[] =
    "INSERT INTO kpi.submission_schedule (name, sender_vi, unit_kinds, unit_codes, metrics, "
    "lead_units, cadence, due_after, lookback, since, time_zone, catalog_version) "
    "SELECT $1, $2, coalesce(ARRAY(SELECT jsonb_array_elements_text($3::jsonb)), '{}'), "
    "       coalesce(ARRAY(SELECT jsonb_array_elements_text($4::jsonb)), '{}'), "
    "       CASE WHEN $5::jsonb IS NOT NULL "
    "            THEN ARRAY(SELECT jsonb_array_elements_text($5::jsonb)) END, "
    "       CASE WHEN $6::jsonb IS NOT NULL "
    "            THEN ARRAY(SELECT jsonb_array_elements_text($6::jsonb)) END, "
    "       $7, $8::interval, $9::integer, $10::date, $11, $12 "
    " WHERE (now() AT TIME ZONE $11) IS NOT NULL";

/* U as a JSON array of strings, NULL when empty or memory ran out (*oom set); caller frees. */
static char *json_list(const struct catalog_units *u, bool *oom)
{
    if (u->n == 0)
        return NULL;
    cJSON *a = cJSON_CreateStringArray(u->names, (int)u->n);
    char *s = a ? cJSON_PrintUnformatted(a) : NULL;
    cJSON_Delete(a);
    *oom = *oom || s == NULL;
    return s;
}

static enum kpi_status store_schedule(PGconn *conn, const struct catalog *cat,
                                      const struct catalog_schedule *s)
{
    bool oom = false;
    char *lists[4] = {json_list(&s->unit_kinds, &oom), json_list(&s->unit_codes, &oom),
                      json_list(&s->metrics, &oom), json_list(&s->lead_units, &oom)};
    const char *params[] = {s->name,     s->sender_vi, lists[0],       lists[1],
                            lists[2],    lists[3],     s->cadence,     s->due_after,
                            s->lookback, s->since,     cat->time_zone, cat->version};
    PGresult *res = NULL;
    if (oom)
        log_error("out of memory");
    else
        res = conn_exec(conn, schedule_sql, 12, params, "could not store a submission schedule");
    for (size_t i = 0; i < 4; i++)
        free(lists[i]);
    if (res == NULL)
        return KPI_ERROR;
    PQclear(res);
    return KPI_OK;
}

enum kpi_status watch_store(PGconn *conn, const struct catalog *cat)
{
    for (size_t i = 0; i < cat->n_metrics; i++) {
        const struct catalog_quality *q = &cat->quality[i];
        const char *params[] = {cat->metrics[i].code,
                                q->window,
                                q->z_threshold,
                                q->min_periods,
                                q->min,
                                q->max,
                                q->monotone ? "true" : "false",
                                cat->version};
        PGresult *res = conn_exec(conn, quality_sql, 8, params,
                                  "could not store the quality checks of a metric");
        if (res == NULL)
            return KPI_ERROR;
        PQclear(res);
    }
    PGresult *res =
        conn_exec(conn, schedule_clear_sql, 0, NULL, "could not replace kpi.submission_schedule");
    if (res == NULL)
        return KPI_ERROR;
    PQclear(res);
    for (size_t i = 0; i < cat->n_schedules; i++)
        if (store_schedule(conn, cat, &cat->schedules[i]) != KPI_OK)
            return KPI_ERROR;
    return KPI_OK;
}
