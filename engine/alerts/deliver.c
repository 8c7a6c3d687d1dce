/*
 * deliver.c — owns the delivery of the outbox (see deliver.h): libcurl
 * webhook POSTs and SMTP mail, bounded retries with backoff, and the log of
 * every attempt in kpi.delivery. Secrets are read at send time and handed
 * to libcurl only; they never reach a message or a table. Notifications are
 * read one at a time, so that a backlog of national digests (tens of
 * megabytes each) costs the memory of one.
 */
#include "alerts/deliver.h"

#include "alerts/alertmanager.h"
#include "db/conn.h"
#include "common/interrupt.h"
#include "common/log.h"

#include <curl/curl.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The notifications to deliver, oldest first: their ids only (a national digest is tens of
 * megabytes; they are read one at a time, sql_one). */
static const char sql_pending[] =
    "SELECT id FROM kpi.outbox WHERE delivered_at IS NULL AND failed_at IS NULL ORDER BY id";

/* $1 outbox id: the notification, if still pending. The payload is for a webhook or an
 * Alertmanager (sent, or made into its alerts); an e-mail needs only its text and the
 * payload's HTML, read here without the rest of the payload. */
static const char sql_one[] =
    "SELECT id, receiver, channel, idempotency_key, "
    "       CASE WHEN channel <> 'email' THEN payload::text END, subject, body_text, attempts, "
    "       payload ->> 'html' "
    "  FROM kpi.outbox WHERE id = $1::bigint AND delivered_at IS NULL AND failed_at IS NULL";

/* $1 outbox id, $2 target, $3 ok, $4 http status, $5 error, $6 the answer's first KiB,
 * $7 why it failed (NULL: not failed) */
static const char sql_attempt[] =
    "WITH o AS (UPDATE kpi.outbox SET attempts = attempts + 1, "
    "                  delivered_at = CASE WHEN $3::boolean THEN clock_timestamp() END, "
    "                  failed_at = CASE WHEN $7::text IS NOT NULL THEN clock_timestamp() END, "
    "                  failure = $7::text "
    "            WHERE id = $1 RETURNING id, attempts) "
    "INSERT INTO kpi.delivery (outbox_id, attempt, target, ok, http_status, error, response) "
    "SELECT id, attempts, $2, $3::boolean, $4::integer, $5, $6 FROM o";

/* How much of an answer is kept (kpi.delivery.response, kpi.outbox.failure). */
#define ANSWER_KEPT 1024

#define DELIVER_LOCK "7021575906133320565"

struct outcome {
    bool ok;
    bool timed_out;   /* the receiver did not answer within delivery_timeout_ms */
    bool interrupted; /* a signal (interrupt.h) stopped the attempt */
    bool permanent;   /* an HTTP 4xx other than 408 and 429: trying again changes nothing */
    long http_status; /* 0 when none */
    char error[CURL_ERROR_SIZE + 64];
    char answer[ANSWER_KEPT + 1]; /* the answer's first KiB, as text ("" when none) */
    size_t answer_len;
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

/* libcurl's write callback: the first ANSWER_KEPT bytes of the answer into the outcome ARG. */
static size_t keep_answer(char *buf, size_t size, size_t n, void *arg)
{
    struct outcome *o = arg;
    size_t len = size * n, room = ANSWER_KEPT - o->answer_len;
    memcpy(o->answer + o->answer_len, buf, len < room ? len : room);
    o->answer_len += len < room ? len : room;
    o->answer[o->answer_len] = '\0';
    return len;
}

/*
 * The kept answer of O as text a table can hold: a cut UTF-8 sequence at its end
 * dropped, any other byte that is not UTF-8 text (or is a control other than a tab
 * or line end) shown as '?'.
 */
static void answer_text(struct outcome *o)
{
    unsigned char *p = (unsigned char *)o->answer;
    size_t n = o->answer_len, i = 0;
    while (i < n) {
        int len = p[i] < 0x80             ? 1
                  : (p[i] & 0xE0) == 0xC0 ? 2
                  : (p[i] & 0xF0) == 0xE0 ? 3
                  : (p[i] & 0xF8) == 0xF0 ? 4
                                          : 0;
        bool ok = len > 0 && (len == 1 || p[i] >= 0xC2) && i + (size_t)len <= n;
        for (int k = 1; ok && k < len; k++)
            ok = (p[i + k] & 0xC0) == 0x80;
        if (len > 1 && !ok && i + (size_t)len > n && n == ANSWER_KEPT) {
            n = i; /* cut by the limit: drop the part */
            break;
        }
        if (!ok || (len == 1 && p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')) {
            p[i++] = '?';
            continue;
        }
        i += (size_t)len;
    }
    o->answer_len = n;
    o->answer[n] = '\0';
}

/*
 * libcurl's progress callback, called at least once a second while an
 * attempt waits: a nonzero answer (a signal came) ends the transfer with
 * CURLE_ABORTED_BY_CALLBACK, so SIGTERM stops a delivery within a second.
 */
static int check_interrupt(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                           curl_off_t ulnow)
{
    (void)arg, (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    return interrupt_requested(NULL) ? 1 : 0;
}

/* The options of every attempt: URL, time limits (TIMEOUT_MS in all), signals, errors. */
static void curl_common(CURL *h, const char *url, long timeout_ms, char *errbuf)
{
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 10000 ? timeout_ms : 10000L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, check_interrupt);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "kpi/" KPI_VERSION);
    errbuf[0] = '\0';
}

static void finish(CURL *h, CURLcode cc, const char *errbuf, struct outcome *out)
{
    if (cc != CURLE_OK) {
        int signo = 0;
        out->timed_out = cc == CURLE_OPERATION_TIMEDOUT;
        out->interrupted = cc == CURLE_ABORTED_BY_CALLBACK && interrupt_requested(&signo);
        if (out->interrupted)
            snprintf(out->error, sizeof out->error, "interrupted by signal %d", signo);
        else
            snprintf(out->error, sizeof out->error, "%s",
                     *errbuf ? errbuf : curl_easy_strerror(cc));
        return;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out->http_status);
    out->ok = true;
}

static void post_webhook(const struct routes_receiver *rcv, const char *url, long timeout_ms,
                         const char *key, const char *body, const char *token, struct outcome *out)
{
    char errbuf[CURL_ERROR_SIZE], header[512];
    struct curl_slist *headers = NULL;
    CURL *h = curl_easy_init();
    if (h == NULL) {
        snprintf(out->error, sizeof out->error, "could not initialise libcurl");
        return;
    }
    curl_common(h, url, timeout_ms, errbuf);
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
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep_answer);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    CURLcode cc = curl_easy_perform(h);
    finish(h, cc, errbuf, out);
    long status = 0;
    if (!out->ok && curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK &&
        status >= 200 && status <= 299) {
        /* the receiver took it: an answer cut after its status line changes nothing */
        log_warn("the answer of %s was cut after HTTP %ld (%s); the notification counts as "
                 "delivered",
                 rcv->name, status, out->error);
        *out = (struct outcome){.ok = true, .http_status = status};
    }
    if (out->ok && (out->http_status < 200 || out->http_status > 299)) {
        long st = out->http_status;
        out->ok = false;
        /* a refusal (4xx) is the same on every try, but a timeout or "too many requests" */
        out->permanent = st >= 400 && st <= 499 && st != 408 && st != 429;
        answer_text(out);
        snprintf(out->error, sizeof out->error, "the receiver answered HTTP %ld", st);
    } else {
        out->answer_len = 0; /* a success's answer is not kept */
        out->answer[0] = '\0';
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
 * the outbox payload; NULL when it has none) both parts of a
 * multipart/alternative, the plain text first (RFC 2046: the richest last).
 */
static char *mail_message(const struct routes_receiver *rcv, const char *key, const char *subject,
                          const char *body, const char *html)
{
    char *buf = NULL, date[64];
    size_t len = 0;
    time_t now = time(NULL);
    struct tm tm;
    char *subj = encode_subject(subject);
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL || subj == NULL) {
        if (f)
            fclose(f);
        free(buf);
        free(subj);
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
    return buf;
}

static void send_mail(const struct routes_receiver *rcv, long timeout_ms, const char *key,
                      const char *subject, const char *body, const char *html, const char *password,
                      struct outcome *out)
{
    char errbuf[CURL_ERROR_SIZE], addr[512];
    struct curl_slist *rcpt = NULL;
    char *msg = mail_message(rcv, key, subject, body, html);
    CURL *h = curl_easy_init();
    if (h == NULL || msg == NULL) {
        snprintf(out->error, sizeof out->error, "out of memory");
        goto done;
    }
    struct source src = {msg, strlen(msg), 0};
    curl_common(h, rcv->url, timeout_ms, errbuf);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    /* credentials only over TLS (STARTTLS or smtps://): no AUTH in clear, ever */
    bool credentials = rcv->username != NULL || password != NULL;
    curl_easy_setopt(h, CURLOPT_USE_SSL, (long)(credentials ? CURLUSESSL_ALL : CURLUSESSL_TRY));
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
    CURLcode cc = curl_easy_perform(h);
    finish(h, cc, errbuf, out);
    if (cc == CURLE_USE_SSL_FAILED && credentials)
        snprintf(out->error, sizeof out->error,
                 "the SMTP server does not offer STARTTLS, and credentials are sent only over "
                 "TLS (an smtps:// URL, or a server with STARTTLS); nothing was sent");
done:
    curl_slist_free_all(rcpt);
    if (h != NULL)
        curl_easy_cleanup(h);
    free(msg);
}

/* Record one attempt in kpi.delivery (committed); FAILURE (may be NULL) marks the
 * notification failed, with it as the reason. Returns KPI_OK, or KPI_ERROR (logged). */
static enum kpi_status log_attempt(PGconn *conn, const char *id, const char *target,
                                   const struct outcome *o, const char *failure)
{
    char status[16];
    snprintf(status, sizeof status, "%ld", o->http_status);
    const char *params[7] = {id,
                             target,
                             o->ok ? "true" : "false",
                             o->http_status ? status : NULL,
                             o->ok ? NULL : o->error,
                             !o->ok && o->answer_len > 0 ? o->answer : NULL,
                             failure};
    PGresult *res = PQexecParams(conn, sql_attempt, 7, NULL, params, NULL, NULL, 0);
    enum kpi_status rc = PQresultStatus(res) == PGRES_COMMAND_OK ? KPI_OK : KPI_ERROR;
    if (rc != KPI_OK)
        log_error("could not log the delivery of notification %s: %s", id, conn_errmsg(conn));
    PQclear(res);
    return rc;
}

/* Wait MS milliseconds, or less when a signal (interrupt.h) comes: slices of 100 ms. */
static void pause_ms(long ms)
{
    while (ms > 0 && !interrupt_requested(NULL)) {
        long slice = ms < 100 ? ms : 100;
        struct timespec ts = {0, slice * 1000000L};
        nanosleep(&ts, NULL); /* a signal cuts it short: checked above */
        ms -= slice;
    }
}

/* Note the notification of row R of RES as not delivered (FAILED: failed now) for WHY. */
static void add_problem(struct deliver_summary *sum, const PGresult *res, int r, bool failed,
                        const char *why)
{
    struct deliver_problem *p = realloc(sum->problems, (sum->nproblems + 1) * sizeof *p);
    if (p == NULL)
        return; /* out of memory: the log and kpi.delivery still say it */
    sum->problems = p;
    p = &p[sum->nproblems++];
    p->outbox_id = strtoll(PQgetvalue(res, r, 0), NULL, 10);
    snprintf(p->receiver, sizeof p->receiver, "%s", PQgetvalue(res, r, 1));
    p->failed = failed;
    snprintf(p->why, sizeof p->why, "%s", why);
}

/* The error of O with the answer's first KiB, for people: "the receiver answered HTTP 400:
 * {...}" into BUF. */
static const char *with_answer(const struct outcome *o, char *buf, size_t len)
{
    if (o->answer_len > 0)
        snprintf(buf, len, "%s: %s", o->error, o->answer);
    else
        snprintf(buf, len, "%s", o->error);
    return buf;
}

/* One attempt of notification row R of RES to RCV: POST, Alertmanager or SMTP, into *o. */
static void attempt_one(const struct routes *routes, const struct routes_receiver *rcv,
                        const PGresult *res, int r, const char *secret, struct outcome *o)
{
    const char *key = PQgetvalue(res, r, 3), *payload = PQgetvalue(res, r, 4),
               *subject = PQgetvalue(res, r, 5), *body = PQgetvalue(res, r, 6);
    if (rcv->channel == ROUTES_WEBHOOK) {
        post_webhook(rcv, rcv->url, routes->delivery_timeout_ms, key, payload, secret, o);
    } else if (rcv->channel == ROUTES_ALERTMANAGER) {
        char url[2048];
        char *alerts = alertmanager_postable(payload, time(NULL), rcv->resolve_timeout_hours,
                                             o->error, sizeof o->error);
        if (alerts == NULL)
            return;
        if (alertmanager_api_url(rcv->url, url, sizeof url) == NULL)
            snprintf(o->error, sizeof o->error, "the Alertmanager URL is too long");
        else
            post_webhook(rcv, url, routes->delivery_timeout_ms, key, alerts, secret, o);
        free(alerts);
    } else {
        send_mail(rcv, routes->delivery_timeout_ms, key, subject, body,
                  PQgetisnull(res, r, 8) ? NULL : PQgetvalue(res, r, 8), secret, o);
    }
}

/*
 * Deliver row R of RES; *delivered says whether it was (false: left pending or
 * failed, noted in SUM). STALLED[i] is whether receivers[i] of ROUTES timed out
 * in this run: its notifications are not tried again until the next run; set
 * here when it times out. Returns KPI_OK (also when a signal stopped the attempt:
 * the caller asks interrupt_requested), or KPI_ERROR on a database error
 * (logged; *delivered false).
 */
static enum kpi_status deliver_one(PGconn *conn, const struct routes *routes, const PGresult *res,
                                   int r, bool *stalled, bool *delivered,
                                   struct deliver_summary *sum)
{
    const char *id = PQgetvalue(res, r, 0), *receiver = PQgetvalue(res, r, 1);
    long before = strtol(PQgetvalue(res, r, 7), NULL, 10);
    const struct routes_receiver *rcv = routes_receiver(routes, receiver);
    char why[1400];
    *delivered = false;
    if (rcv == NULL) {
        log_warn("notification %s is for receiver \"%s\", which %s does not define; left pending",
                 id, receiver, routes->path);
        snprintf(why, sizeof why, "receiver \"%s\" is not defined in %s", receiver, routes->path);
        add_problem(sum, res, r, false, why);
        return KPI_OK;
    }
    if (strcmp(PQgetvalue(res, r, 2), routes_channel_name(rcv->channel)) != 0) {
        log_warn("notification %s was written for a%s %s receiver but \"%s\" is not one now; "
                 "left pending",
                 id, PQgetvalue(res, r, 2)[0] == 'e' || PQgetvalue(res, r, 2)[0] == 'a' ? "n" : "",
                 PQgetvalue(res, r, 2), receiver);
        snprintf(why, sizeof why, "written for a %s receiver; \"%s\" is not one now",
                 PQgetvalue(res, r, 2), receiver);
        add_problem(sum, res, r, false, why);
        return KPI_OK;
    }
    size_t ri = (size_t)(rcv - routes->receivers);
    if (stalled[ri]) {
        log_warn("notification %s waits for the next run: %s timed out in this one", id, receiver);
        add_problem(sum, res, r, false, "the receiver timed out in this run");
        return KPI_OK;
    }
    char target[1024];
    routes_redact_url(rcv->url, target, sizeof target);
    char *secret = NULL;
    struct outcome o = {0};
    if (routes_secret(rcv, &secret, o.error, sizeof o.error) != KPI_OK) {
        bool give_up = before + 1 >= routes->give_up_after_attempts;
        log_warn("could not deliver notification %s to %s: %s; %s", id, receiver, o.error,
                 give_up ? "failed" : "left pending");
        add_problem(sum, res, r, give_up, o.error);
        sum->failed += give_up;
        return log_attempt(conn, id, target, &o, give_up ? o.error : NULL);
    }
    enum kpi_status rc = KPI_OK;
    long wait = routes->retry_backoff_ms;
    for (int attempt = 1; attempt <= routes->retry_attempts; attempt++) {
        memset(&o, 0, sizeof o);
        attempt_one(routes, rcv, res, r, secret, &o);
        long total = before + attempt;
        bool give_up =
            !o.ok && !o.interrupted && (o.permanent || total >= routes->give_up_after_attempts);
        char failure[1400 + 64];
        if (give_up) {
            with_answer(&o, why, sizeof why);
            if (o.permanent)
                snprintf(failure, sizeof failure, "%s (a refusal: not tried again)", why);
            else
                snprintf(failure, sizeof failure, "%s (gave up after %ld attempts)", why, total);
        }
        if (log_attempt(conn, id, target, &o, give_up ? failure : NULL) != KPI_OK) {
            rc = KPI_ERROR;
            break;
        }
        if (o.ok) {
            log_info("delivered notification %s to %s (%s)", id, receiver, target);
            *delivered = true;
            break;
        }
        if (give_up) {
            log_error("notification %s to %s failed: %s", id, receiver, failure);
            add_problem(sum, res, r, true, failure);
            sum->failed++;
            break;
        }
        log_warn("could not deliver notification %s to %s (attempt %d of %d): %s", id, receiver,
                 attempt, routes->retry_attempts, with_answer(&o, why, sizeof why));
        if (attempt == routes->retry_attempts || o.interrupted || interrupt_requested(NULL) ||
            o.timed_out)
            add_problem(sum, res, r, false, why);
        if (o.interrupted || interrupt_requested(NULL))
            break;
        if (o.timed_out) {
            /* a receiver that hangs costs one timeout a run, not one per try and notification */
            log_warn("%s timed out; its notifications wait for the next run", receiver);
            stalled[ri] = true;
            break;
        }
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
    bool curl = false, *stalled = NULL;
    *sum = (struct deliver_summary){0};
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
    stalled = calloc(routes->nreceivers + 1, sizeof *stalled);
    if (stalled == NULL) {
        log_error("out of memory");
        goto fail;
    }
    res = PQexec(conn, sql_pending);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read the outbox: %s", conn_errmsg(conn));
        goto fail;
    }
    int r = 0, signo = 0;
    for (; r < PQntuples(res) && !interrupt_requested(NULL); r++) {
        bool delivered;
        long failed = sum->failed;
        const char *id[1] = {PQgetvalue(res, r, 0)};
        PGresult *one = PQexecParams(conn, sql_one, 1, NULL, id, NULL, NULL, 0);
        if (PQresultStatus(one) != PGRES_TUPLES_OK) {
            log_error("could not read notification %s: %s", id[0], conn_errmsg(conn));
            PQclear(one);
            goto fail;
        }
        if (PQntuples(one) != 1) { /* no longer pending (none delivers beside us: the lock) */
            PQclear(one);
            continue;
        }
        enum kpi_status st = deliver_one(conn, routes, one, 0, stalled, &delivered, sum);
        PQclear(one);
        if (st != KPI_OK)
            goto fail;
        if (delivered)
            sum->sent++;
        else if (sum->failed == failed)
            sum->pending++;
    }
    sum->pending += PQntuples(res) - r; /* not tried: a signal came */
    if (interrupt_requested(&signo)) {
        log_error("delivery interrupted by signal %d; %ld notification%s left pending", signo,
                  sum->pending, sum->pending == 1 ? "" : "s");
        goto fail;
    }
    rc = KPI_OK;
fail:
    free(stalled);
    PQclear(res);
    if (curl)
        curl_global_cleanup();
    PQclear(PQexec(conn, "SELECT pg_advisory_unlock(" DELIVER_LOCK ")"));
    return rc;
}

void deliver_summary_free(struct deliver_summary *sum)
{
    free(sum->problems);
    sum->problems = NULL;
    sum->nproblems = 0;
}

enum kpi_status deliver_retry(PGconn *conn, long long id, const char *receiver, long *requeued)
{
    char idtext[32];
    snprintf(idtext, sizeof idtext, "%lld", id);
    const char *params[2] = {receiver ? NULL : idtext, receiver};
    *requeued = 0;
    PGresult *res =
        PQexecParams(conn,
                     "UPDATE kpi.outbox SET failed_at = NULL, failure = NULL, attempts = 0 "
                     " WHERE failed_at IS NOT NULL AND (id = $1::bigint OR receiver = $2::text)",
                     2, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        log_error("could not re-queue: %s", conn_errmsg(conn));
        PQclear(res);
        return KPI_ERROR;
    }
    *requeued = strtol(PQcmdTuples(res), NULL, 10);
    PQclear(res);
    if (*requeued > 0 || receiver != NULL)
        return KPI_OK;
    res = PQexecParams(conn,
                       "SELECT CASE WHEN delivered_at IS NOT NULL THEN 'delivered' "
                       "ELSE 'pending' END FROM kpi.outbox WHERE id = $1::bigint",
                       1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read notification %lld: %s", id, conn_errmsg(conn));
        PQclear(res);
        return KPI_ERROR;
    }
    if (PQntuples(res) == 0)
        log_error("there is no notification %lld (kpi.outbox)", id);
    else
        log_error("notification %lld is %s, not failed: nothing to re-queue", id,
                  PQgetvalue(res, 0, 0));
    PQclear(res);
    return KPI_REJECTED;
}

enum kpi_status deliver_mail(const struct routes *routes, const struct routes_receiver *rcv,
                             const char *key, const char *subject, const char *body, char *err,
                             size_t len)
{
    char *secret = NULL;
    struct outcome o = {0};
    if (rcv->channel != ROUTES_EMAIL) {
        snprintf(err, len, "receiver \"%s\" is not an e-mail receiver", rcv->name);
        return KPI_ERROR;
    }
    if (routes_secret(rcv, &secret, o.error, sizeof o.error) != KPI_OK) {
        snprintf(err, len, "%s", o.error);
        return KPI_ERROR;
    }
    for (int attempt = 1; attempt <= routes->retry_attempts; attempt++) {
        memset(&o, 0, sizeof o);
        send_mail(rcv, routes->delivery_timeout_ms, key, subject, body, NULL, secret, &o);
        if (o.ok || o.interrupted || o.timed_out || interrupt_requested(NULL))
            break;
        if (attempt < routes->retry_attempts)
            pause_ms(routes->retry_backoff_ms);
    }
    if (secret != NULL) {
        explicit_bzero(secret, strlen(secret));
        free(secret);
    }
    snprintf(err, len, "%s", o.error);
    return o.ok ? KPI_OK : KPI_ERROR;
}
