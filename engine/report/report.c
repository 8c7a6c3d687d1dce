/*
 * report/report.c — the leaders' report (see report.h): the entry points.
 * Resolves the unit and period, runs the queries of report/query.c in the
 * order of the page and hands their rows to the sections of report/html.c,
 * writing through a temporary file renamed into place; and the reporting
 * calendar (which reports are due on a day).
 */
#include "report/report.h"

#include "common/log.h"
#include "common/period.h"
#include "common/status.h"
#include "report/html.h"
#include "report/query.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const report_ranked[REPORT_NRANKED] = {"3.1", "4.1", "5.2", "4.2.2"};

/* The page of scope R on OUT: each section from its query. KPI_OK, or KPI_ERROR (logged). */
static enum kpi_status put_document(FILE *out, const struct report_scope *r)
{
    enum kpi_status rc = KPI_ERROR;
    PGresult *h = report_query_headline(r), *res = NULL, *missing = NULL;
    if (h == NULL)
        return KPI_ERROR;
    html_head(out, r);
    html_headline(out, r, h);
    if ((res = report_query_series(r)) == NULL || html_charts(out, r, h, res) != 0)
        goto fail;
    PQclear(res);
    res = NULL;
    html_ranking_begin(out);
    for (size_t k = 0; k < REPORT_NRANKED; k++)
        for (int i = 0; i < PQntuples(h); i++) {
            if (strcmp(PQgetvalue(h, i, H_ID), report_ranked[k]) != 0 ||
                PQgetisnull(h, i, H_TARGET))
                continue;
            if ((res = report_query_ranking(r, PQgetvalue(h, i, H_ID))) == NULL ||
                html_ranking(out, h, i, res) != 0)
                goto fail;
            PQclear(res);
            res = NULL;
        }
    html_ranking_end(out);
    if ((missing = report_query_missing(r)) == NULL)
        goto fail;
    html_missing(out, missing);
    if ((res = report_query_tasks(r)) == NULL)
        goto fail;
    html_tasks(out, res);
    PQclear(res);
    html_missing_appendix(out, missing);
    if ((res = report_query_footer(r)) == NULL)
        goto fail;
    html_footer(out, r, res);
    rc = KPI_OK;
fail:
    PQclear(res);
    PQclear(missing);
    PQclear(h);
    return rc;
}

bool report_kind_valid(const char *kind)
{
    return period_kind_valid(kind);
}

enum kpi_status report_scope_open(PGconn *conn, const struct report_options *opt,
                                  struct report_scope *r)
{
    char first_day[PERIOD_DATE_LEN];
    *r = (struct report_scope){
        .conn = conn, .kind = opt->kind ? opt->kind : "report_month", .plan = opt->plan};
    if (period_parse_month(opt->period, first_day) != 0) {
        log_error("invalid period \"%s\": expected YYYY-MM, e.g. 2025-09",
                  opt->period ? opt->period : "");
        return KPI_USAGE;
    }
    if (!period_kind_valid(r->kind)) {
        log_error("unknown period kind \"%s\": use report_month, report_quarter, report_half, "
                  "report_9m, report_year, month, quarter, half, year or ytd",
                  r->kind);
        return KPI_USAGE;
    }
    snprintf(r->period, sizeof r->period, "%s", opt->period);
    enum kpi_status rc = report_query_unit(r, opt->unit);
    if (rc == KPI_OK)
        rc = report_query_period(r);
    if (rc != KPI_OK)
        report_scope_close(r);
    return rc;
}

void report_scope_close(struct report_scope *r)
{
    free(r->unit_name);
    r->unit_name = NULL;
}

enum kpi_status report_write(PGconn *conn, const struct report_options *opt, const char *out_path)
{
    struct report_scope r;
    char *tmp = NULL;
    FILE *out = NULL;
    int fd = -1;
    enum kpi_status rc = report_scope_open(conn, opt, &r);
    if (rc != KPI_OK)
        return rc;

    rc = KPI_ERROR;
    if (asprintf(&tmp, "%s.XXXXXX", out_path) < 0) {
        tmp = NULL;
        goto fail;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        log_error("could not create \"%s\": %s", tmp, strerror(errno));
        free(tmp);
        tmp = NULL;
        goto fail;
    }
    out = fdopen(fd, "w");
    if (out == NULL) {
        log_error("could not open \"%s\": %s", tmp, strerror(errno));
        goto fail;
    }
    fd = -1;
    if (put_document(out, &r) != 0)
        goto fail;
    if (fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0 ||
        fchmod(fileno(out), 0644) != 0) {
        log_error("could not write \"%s\": %s", tmp, strerror(errno));
        goto fail;
    }
    int closed = fclose(out);
    out = NULL;
    if (closed != 0) {
        log_error("could not write \"%s\": %s", tmp, strerror(errno));
        goto fail;
    }
    if (rename(tmp, out_path) != 0) {
        log_error("could not rename \"%s\" to \"%s\": %s", tmp, out_path, strerror(errno));
        goto fail;
    }
    free(tmp);
    tmp = NULL;
    rc = KPI_OK;
fail:
    if (out != NULL)
        fclose(out);
    if (fd >= 0)
        close(fd);
    if (tmp != NULL) {
        unlink(tmp);
        free(tmp);
    }
    report_scope_close(&r);
    return rc;
}

enum kpi_status report_due_kinds(const char *date, const char *out[REPORT_DUE_MAX], size_t *n)
{
    int y, m, d;
    *n = 0;
    if (date == NULL || strlen(date) != 10 || date[4] != '-' || date[7] != '-' ||
        strspn(date, "0123456789") != 4 || strspn(date + 5, "0123456789") != 2 ||
        strspn(date + 8, "0123456789") != 2 || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return KPI_REJECTED;
    if (d < 1 || d > period_days_in_month(y, m))
        return KPI_REJECTED;
    if (d != 15)
        return KPI_OK;
    out[(*n)++] = "report_month";
    if (m % 3 == 0)
        out[(*n)++] = "report_quarter";
    if (m == 6)
        out[(*n)++] = "report_half";
    if (m == 9)
        out[(*n)++] = "report_9m";
    if (m == 12)
        out[(*n)++] = "report_year";
    return KPI_OK;
}

enum kpi_status report_write_due(PGconn *conn, const char *date, const char *dir, int *written)
{
    const char *due[REPORT_DUE_MAX];
    size_t n;
    enum kpi_status rc = KPI_OK;
    int count = 0;
    if (written != NULL)
        *written = 0;
    if (report_due_kinds(date, due, &n) != 0) {
        log_error("invalid date \"%s\": expected YYYY-MM-DD", date ? date : "");
        return KPI_USAGE;
    }
    for (size_t i = 0; i < n; i++) {
        char period[8], *path = NULL;
        snprintf(period, sizeof period, "%.7s", date);
        if (asprintf(&path, "%s/%s-%s.html", dir, due[i], period) < 0)
            return KPI_ERROR;
        struct report_options opt = {.period = period, .kind = due[i]};
        enum kpi_status one = report_write(conn, &opt, path);
        if (one == KPI_OK) {
            log_info("wrote %s", path);
            count++;
        } else if (rc == KPI_OK || (rc == KPI_REJECTED && one != KPI_REJECTED)) {
            rc = one; /* an error outweighs missing data */
        }
        free(path);
    }
    if (written != NULL)
        *written = count;
    return rc;
}
