/*
 * deliver.c — owns the delivery of the outbox (see deliver.h): libcurl
 * webhook POSTs and SMTP mail, bounded retries with backoff, and the log of
 * every attempt in kpi.delivery. Secrets are read at send time and handed
 * to libcurl only; they never reach a message or a table.
 */
#include "alerts/deliver.h"

#include "db/conn.h"
#include "common/log.h"

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char sql_pending[] =
    "SELECT id, receiver, channel, idempotency_key, payload::text, subject, body_text "
    "  FROM kpi.outbox WHERE delivered_at IS NULL ORDER BY id";

/* $1 outbox id, $2 target, $3 ok, $4 http status, $5 error */
static const char sql_attempt[] =
    "WITH o AS (UPDATE kpi.outbox SET attempts = attempts + 1, "
    "                  delivered_at = CASE WHEN $3::boolean THEN clock_timestamp() END "
    "            WHERE id = $1 RETURNING id, attempts) "
    "INSERT INTO kpi.delivery (outbox_id, attempt, target, ok, http_status, error) "
    "SELECT id, attempts, $2, $3::boolean, $4::integer, $5 FROM o";

#define DELIVER_LOCK "7021575906133320565"

struct outcome {
    bool ok;
    long http_status; /* 0 when none */
    char error[CURL_ERROR_SIZE + 64];
};

struct source {
    const char *data;
    size_t len, off;
};

static size_t read_source(char *buf, size_t size, size_t n, void *arg)
{
    struct source *s = arg;
    size_t want = size * n, left = s->len - s->off;
    if (want > left)
        want = left;
    memcpy(buf, s->data + s->off, want);
    s->off += want;
    return want;
}

static size_t discard(char *buf, size_t size, size_t n, void *arg)
{
    (void)buf;
    (void)arg;
    return size * n;
}

/* URL without any user:password@ part, for the log. */
static void redact_url(const char *url, char *buf, size_t len)
{
    const char *scheme = strstr(url, "://");
    const char *host = scheme ? scheme + 3 : url;
    const char *slash = host + strcspn(host, "/?#");
    const char *at = memchr(host, '@', (size_t)(slash - host));
    if (at == NULL)
        snprintf(buf, len, "%s", url);
    else
        snprintf(buf, len, "%.*s%s", (int)(host - url), url, at + 1);
}

static void curl_common(CURL *h, const char *url, char *errbuf)
{
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "kpi/" KPI_VERSION);
    errbuf[0] = '\0';
}

static void finish(CURL *h, CURLcode cc, const char *errbuf, struct outcome *out)
{
    if (cc != CURLE_OK) {
        snprintf(out->error, sizeof out->error, "%s", *errbuf ? errbuf : curl_easy_strerror(cc));
        return;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out->http_status);
    out->ok = true;
}

static void post_webhook(const struct routes_receiver *rcv, const char *key, const char *body,
                         const char *token, struct outcome *out)
{
    char errbuf[CURL_ERROR_SIZE], header[512];
    struct curl_slist *headers = NULL;
    CURL *h = curl_easy_init();
    if (h == NULL) {
        snprintf(out->error, sizeof out->error, "could not initialise libcurl");
        return;
    }
    curl_common(h, rcv->url, errbuf);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
    headers = curl_slist_append(headers, "Expect:"); /* no 100-continue round trip */
    snprintf(header, sizeof header, "Idempotency-Key: %s", key);
    headers = curl_slist_append(headers, header);
    char *auth = NULL;
    if (token != NULL && asprintf(&auth, "Authorization: Bearer %s", token) >= 0)
        headers = curl_slist_append(headers, auth);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    CURLcode cc = curl_easy_perform(h);
    finish(h, cc, errbuf, out);
    if (out->ok && (out->http_status < 200 || out->http_status > 299)) {
        out->ok = false;
        snprintf(out->error, sizeof out->error, "the receiver answered HTTP %ld", out->http_status);
    }
    if (auth != NULL) {
        explicit_bzero(auth, strlen(auth));
        free(auth);
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
}

/*
 * SUBJECT as RFC 2047 encoded words (UTF-8, base64), each under 75
 * characters and never splitting a character, folded onto header lines;
 * malloc'd.
 */
static char *encode_subject(const char *subject)
{
    char *buf = NULL;
    size_t len = 0, n = strlen(subject);
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        return NULL;
    for (size_t at = 0; at < n;) {
        size_t take = n - at < 45 ? n - at : 45;
        while (take > 0 && at + take < n && ((unsigned char)subject[at + take] & 0xC0) == 0x80)
            take--; /* do not cut a UTF-8 sequence */
        if (take == 0)
            take = n - at < 45 ? n - at : 45; /* not UTF-8 after all: cut anywhere */
        unsigned char b64[64];
        EVP_EncodeBlock(b64, (const unsigned char *)subject + at, (int)take);
        fprintf(f, "%s=?UTF-8?B?%s?=", at ? "\r\n " : "", b64);
        at += take;
    }
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* TEXT on F with CRLF line ends; a line nearing SMTP's 998 octets is folded at a space. */
static void put_crlf(FILE *f, const char *text)
{
    size_t col = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            fputs("\r\n", f);
            col = 0;
        } else if (*p == ' ' && col > 900) {
            fputs("\r\n ", f);
            col = 1;
        } else {
            fputc(*p, f);
            col++;
        }
    }
    fputs("\r\n", f);
}

/*
 * The whole message: headers, a blank line, the body with CRLF line ends;
 * malloc'd. The plain text BODY alone, or with HTML (the "html" member of
 * the outbox PAYLOAD, when it has one) both parts of a multipart/alternative,
 * the plain text first (RFC 2046: the richest last).
 */
static char *mail_message(const struct routes_receiver *rcv, const char *key, const char *subject,
                          const char *body, const char *payload)
{
    char *buf = NULL, date[64];
    size_t len = 0;
    time_t now = time(NULL);
    struct tm tm;
    cJSON *doc = payload ? cJSON_Parse(payload) : NULL;
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(doc, "html");
    const char *html = cJSON_IsString(h) ? h->valuestring : NULL;
    char *subj = encode_subject(subject);
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL || subj == NULL) {
        if (f)
            fclose(f);
        free(buf);
        free(subj);
        cJSON_Delete(doc);
        return NULL;
    }
    gmtime_r(&now, &tm);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    fprintf(f, "Date: %s\r\nFrom: %s\r\nTo: ", date, rcv->from);
    for (size_t i = 0; i < rcv->nto; i++)
        fprintf(f, "%s%s", i ? ", " : "", rcv->to[i]);
    fprintf(f,
            "\r\nSubject: %s\r\nMessage-ID: <%s@kpi.invalid>\r\nX-Idempotency-Key: %s\r\n"
            "MIME-Version: 1.0\r\n",
            subj, key, key);
    /* the boundary: "=_" and the notification's key, which neither part contains */
    static const char part[] = "Content-Type: text/plain; charset=UTF-8\r\n"
                               "Content-Transfer-Encoding: 8bit\r\n\r\n";
    if (html == NULL) {
        fputs(part, f);
        put_crlf(f, body);
    } else {
        fprintf(f, "Content-Type: multipart/alternative; boundary=\"=_%s\"\r\n\r\n", key);
        fprintf(f, "--=_%s\r\n%s", key, part);
        put_crlf(f, body);
        fprintf(f,
                "--=_%s\r\nContent-Type: text/html; charset=UTF-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n",
                key);
        put_crlf(f, html);
        fprintf(f, "--=_%s--\r\n", key);
    }
    fclose(f);
    free(subj);
    cJSON_Delete(doc);
    return buf;
}

static void send_mail(const struct routes_receiver *rcv, const char *key, const char *subject,
                      const char *body, const char *payload, const char *password,
                      struct outcome *out)
{
    char errbuf[CURL_ERROR_SIZE], addr[512];
    struct curl_slist *rcpt = NULL;
    char *msg = mail_message(rcv, key, subject, body, payload);
    CURL *h = curl_easy_init();
    if (h == NULL || msg == NULL) {
        snprintf(out->error, sizeof out->error, "out of memory");
        goto done;
    }
    struct source src = {msg, strlen(msg), 0};
    curl_common(h, rcv->url, errbuf);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
    snprintf(addr, sizeof addr, "<%s>", rcv->from);
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, addr);
    for (size_t i = 0; i < rcv->nto; i++) {
        snprintf(addr, sizeof addr, "<%s>", rcv->to[i]);
        rcpt = curl_slist_append(rcpt, addr);
    }
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
    if (rcv->username != NULL)
        curl_easy_setopt(h, CURLOPT_USERNAME, rcv->username);
    if (password != NULL)
        curl_easy_setopt(h, CURLOPT_PASSWORD, password);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_source);
    curl_easy_setopt(h, CURLOPT_READDATA, &src);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    finish(h, curl_easy_perform(h), errbuf, out);
done:
    curl_slist_free_all(rcpt);
    if (h != NULL)
        curl_easy_cleanup(h);
    free(msg);
}

/* Record one attempt in kpi.delivery (committed). Returns KPI_OK, or KPI_ERROR (logged). */
static enum kpi_status log_attempt(PGconn *conn, const char *id, const char *target,
                                   const struct outcome *o)
{
    char status[16];
    snprintf(status, sizeof status, "%ld", o->http_status);
    const char *params[5] = {id, target, o->ok ? "true" : "false", o->http_status ? status : NULL,
                             o->ok ? NULL : o->error};
    PGresult *res = PQexecParams(conn, sql_attempt, 5, NULL, params, NULL, NULL, 0);
    enum kpi_status rc = PQresultStatus(res) == PGRES_COMMAND_OK ? KPI_OK : KPI_ERROR;
    if (rc != KPI_OK)
        log_error("could not log the delivery of notification %s: %s", id, conn_errmsg(conn));
    PQclear(res);
    return rc;
}

static void pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

/*
 * Deliver row R of RES; *delivered says whether it was (false: left pending).
 * Returns KPI_OK, or KPI_ERROR on a database error (logged; *delivered false).
 */
static enum kpi_status deliver_one(PGconn *conn, const struct routes *routes, const PGresult *res,
                                   int r, bool *delivered)
{
    const char *id = PQgetvalue(res, r, 0), *receiver = PQgetvalue(res, r, 1),
               *key = PQgetvalue(res, r, 3), *payload = PQgetvalue(res, r, 4),
               *subject = PQgetvalue(res, r, 5), *body = PQgetvalue(res, r, 6);
    const struct routes_receiver *rcv = routes_receiver(routes, receiver);
    *delivered = false;
    if (rcv == NULL) {
        log_warn("notification %s is for receiver \"%s\", which %s does not define; left pending",
                 id, receiver, routes->path);
        return KPI_OK;
    }
    if ((strcmp(PQgetvalue(res, r, 2), "email") == 0) != (rcv->channel == ROUTES_EMAIL)) {
        log_warn("notification %s was written for a %s receiver but \"%s\" is not one now; "
                 "left pending",
                 id, PQgetvalue(res, r, 2), receiver);
        return KPI_OK;
    }
    char target[1024];
    redact_url(rcv->url, target, sizeof target);
    char *secret = NULL;
    struct outcome o = {0};
    if (routes_secret(rcv, &secret, o.error, sizeof o.error) != KPI_OK) {
        log_warn("could not deliver notification %s to %s: %s; left pending", id, receiver,
                 o.error);
        return log_attempt(conn, id, target, &o);
    }
    enum kpi_status rc = KPI_OK;
    long wait = routes->retry_backoff_ms;
    for (int attempt = 1; attempt <= routes->retry_attempts; attempt++) {
        memset(&o, 0, sizeof o);
        if (rcv->channel == ROUTES_WEBHOOK)
            post_webhook(rcv, key, payload, secret, &o);
        else
            send_mail(rcv, key, subject, body, payload, secret, &o);
        if (log_attempt(conn, id, target, &o) != KPI_OK) {
            rc = KPI_ERROR;
            break;
        }
        if (o.ok) {
            log_info("delivered notification %s to %s (%s)", id, receiver, target);
            *delivered = true;
            break;
        }
        log_warn("could not deliver notification %s to %s (attempt %d of %d): %s", id, receiver,
                 attempt, routes->retry_attempts, o.error);
        if (attempt < routes->retry_attempts) {
            pause_ms(wait);
            wait *= 2;
        }
    }
    if (secret != NULL) {
        explicit_bzero(secret, strlen(secret));
        free(secret);
    }
    return rc;
}

enum kpi_status deliver_run(PGconn *conn, const struct routes *routes, struct deliver_summary *sum)
{
    PGresult *res = NULL;
    enum kpi_status rc = KPI_ERROR;
    bool curl = false;
    sum->sent = sum->pending = 0;
    res = PQexec(conn, "SELECT pg_try_advisory_lock(" DELIVER_LOCK ")");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not take the delivery lock: %s", conn_errmsg(conn));
        PQclear(res);
        return KPI_ERROR;
    }
    bool locked = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    res = NULL;
    if (!locked) {
        log_error("another 'kpi alerts deliver' is running; try again later");
        return KPI_LOCKED;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        log_error("could not initialise libcurl");
        goto fail;
    }
    curl = true;
    res = PQexec(conn, sql_pending);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read the outbox: %s", conn_errmsg(conn));
        goto fail;
    }
    for (int r = 0; r < PQntuples(res); r++) {
        bool delivered;
        if (deliver_one(conn, routes, res, r, &delivered) != KPI_OK)
            goto fail;
        if (delivered)
            sum->sent++;
        else
            sum->pending++;
    }
    rc = KPI_OK;
fail:
    PQclear(res);
    if (curl)
        curl_global_cleanup();
    PQclear(PQexec(conn, "SELECT pg_advisory_unlock(" DELIVER_LOCK ")"));
    return rc;
}
