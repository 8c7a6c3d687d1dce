/*
 * digest.h — the digest of one receiver: its rows of kpi.alert_items()
 * (alerts/item.h), the commune details under each province alert, and its
 * plain text in one language ("Cảnh báo chỉ tiêu Đề án 06 …", grouped by
 * lead unit, one line per item, its details indented below).
 */
#ifndef KPI_ALERTS_DIGEST_H
#define KPI_ALERTS_DIGEST_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>

/* A detail row (role 2) of a digest and the alert it sits under. */
struct digest_child {
    long long parent;
    int row;
};

struct digest {
    const PGresult *res;       /* borrowed: the rows of kpi.alert_items() */
    int first, last;           /* rows [first, last) of one receiver */
    const char *floor;         /* borrowed: the completeness floor, a NUMERIC literal */
    const char *run_id;        /* borrowed: the kpi.alert_run id */
    const char *now;           /* borrowed: the evaluation instant as people read it */
    struct digest_child *kids; /* owned: the detail rows by (parent, row) */
    int nkids;
};

/*
 * digest_init: *D over the rows [FIRST, LAST) of RES (one receiver's),
 * borrowing RES and the strings, with its details indexed. Returns KPI_OK,
 * or KPI_ERROR when out of memory (logged; *D then holds nothing to free).
 * digest_free releases it.
 */
enum kpi_status digest_init(struct digest *d, const PGresult *res, int first, int last,
                            const char *floor, const char *run_id, const char *now);

/* digest_free: free what digest_init allocated; D may be freed again. */
void digest_free(struct digest *d);

/*
 * digest_details: the details (rows of role 2) under the alert PARENT (its id
 * as text), one line each starting with INDENT, in Vietnamese when VI; a
 * malloc'd string the caller frees, or NULL when there are none (or out of
 * memory).
 */
char *digest_details(const struct digest *d, const char *parent, bool vi, const char *indent);

/* digest_text: the plain-text digest D in one language (VI or English) on F. */
void digest_text(FILE *f, const struct digest *d, bool vi);

#endif
