/*
 * digest.c — owns the digest of one receiver (see digest.h): its rows, the
 * index of the commune details under their province alert, the details as
 * text lines, and the plain-text digest in one language.
 */
#include "alerts/digest.h"

#include "alerts/text.h"
#include "common/log.h"

#include <stdlib.h>
#include <string.h>

static int child_cmp(const void *a, const void *b)
{
    const struct digest_child *x = a, *y = b;
    if (x->parent != y->parent)
        return x->parent < y->parent ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

/*
 * The detail rows of D sorted by (parent, row) into d->kids: each item then
 * finds its details by binary search instead of a scan of the whole digest.
 */
enum kpi_status digest_init(struct digest *d, const PGresult *res, int first, int last,
                            const char *floor, const char *run_id, const char *now)
{
    *d = (struct digest){res, first, last, floor, run_id, now, NULL, 0};
    int n = 0;
    for (int r = d->first; r < d->last; r++)
        if (strcmp(PQgetvalue(d->res, r, C_ROLE), "2") == 0)
            n++;
    if (n == 0)
        return KPI_OK;
    struct digest_child *kids = malloc((size_t)n * sizeof *kids);
    if (kids == NULL) {
        log_error("out of memory");
        return KPI_ERROR;
    }
    int k = 0;
    for (int r = d->first; r < d->last; r++)
        if (strcmp(PQgetvalue(d->res, r, C_ROLE), "2") == 0)
            kids[k++] =
                (struct digest_child){strtoll(PQgetvalue(d->res, r, C_PARENT), NULL, 10), r};
    qsort(kids, (size_t)n, sizeof *kids, child_cmp);
    d->kids = kids;
    d->nkids = n;
    return KPI_OK;
}

void digest_free(struct digest *d)
{
    free(d->kids);
    d->kids = NULL;
    d->nkids = 0;
}

char *digest_details(const struct digest *d, const char *parent, bool vi, const char *indent)
{
    char *buf = NULL;
    size_t len = 0;
    int count = 0;
    long long id = strtoll(parent, NULL, 10);
    int lo = 0, hi = d->nkids;
    while (lo < hi) { /* the first detail of PARENT */
        int mid = lo + (hi - lo) / 2;
        if (d->kids[mid].parent < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == d->nkids || d->kids[lo].parent != id)
        return NULL;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        return NULL;
    for (int k = lo; k < d->nkids && d->kids[k].parent == id; k++) {
        struct item t = {d->res, d->kids[k].row, vi, d->floor};
        fprintf(f, "%s%s", count++ ? "\n" : "", indent);
        text_detail(f, &t);
    }
    fclose(f);
    if (count == 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* The plain-text digest in one language. */
void digest_text(FILE *f, const struct digest *d, bool vi)
{
    const char *group = NULL;
    if (vi)
        fprintf(f, "Cảnh báo chỉ tiêu Đề án 06 (KH 05/KH-UBND) — lượt đánh giá %s, %s\n", d->run_id,
                d->now);
    else
        fprintf(f, "Project 06 indicator alerts (KH 05/KH-UBND) — evaluation %s, %s\n", d->run_id,
                d->now);
    for (int r = d->first; r < d->last; r++) {
        struct item t = {d->res, r, vi, d->floor};
        if (item_is(&t, C_ROLE, "2"))
            continue;
        const char *lead = item_val(&t, C_LEAD) ? item_val(&t, C_LEAD) : "";
        if (group == NULL || strcmp(group, lead) != 0) {
            fprintf(f, vi ? "\nChủ trì: %s\n" : "\nLead: %s\n", *lead ? lead : "—");
            group = lead;
        }
        fprintf(f, "- [%s, %s] ", text_event_tag(item_val(&t, C_EVENT), vi),
                item_is(&t, C_SEVERITY, "critical") ? (vi ? "mức nghiêm trọng" : "critical")
                                                    : (vi ? "mức cảnh báo" : "warning"));
        text_summary(f, &t);
        fputc('\n', f);
        char *det = digest_details(d, item_val(&t, C_ALERT), vi, "    • ");
        if (det != NULL) {
            fprintf(f, vi ? "  Các xã, phường:\n%s\n" : "  Communes and wards:\n%s\n", det);
            free(det);
        }
    }
}
