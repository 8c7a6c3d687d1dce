/*
 * receipt.h — the receipt of a submission file, for the agency that sent it
 * (issue 20, item 4): in Vietnamese, the file's name and SHA-256, what
 * became of it (accepted, partly, rejected, received before), its counts
 * (accepted: new, revised, unchanged; withdrawn; rejected) and each rejected
 * row with its place (line, or SHEET!CELL), its value, what is wrong and
 * what to write instead. Written as NAME.receipt.txt and NAME.receipt.xlsx
 * (libxlsxwriter; the rejected rows highlighted) beside the archived file or
 * in a directory of receipts, and sent by e-mail to the agency when the
 * routes file maps the file's name to an e-mail receiver ("agencies",
 * routes.h). The operators' messages on stderr stay English.
 *
 * The Vietnamese texts of the rejection reasons live in one table in
 * receipt.c: each English reason of rowcheck.c, reader.c, slowpath.c and
 * load.c as a pattern, with its Vietnamese problem and fix.
 */
#ifndef KPI_INGEST_RECEIPT_H
#define KPI_INGEST_RECEIPT_H

#include "alerts/routes.h"
#include "common/status.h"
#include "ingest/load.h"

#include <libpq-fe.h>
#include <stddef.h>

/* Where receipts go and who gets them by e-mail. */
struct receipt_options {
    const char *dir;             /* write them here; NULL: beside the (archived) file */
    const struct routes *routes; /* its agencies get e-mail; NULL: none (borrowed) */
};

/*
 * receipt_issue: the receipt of the file now at PATH (archived, or where it
 * was read), whose load_file gave RES: written into opt->dir, else PATH's
 * directory, as BASENAME(PATH).receipt.txt and .receipt.xlsx (replacing
 * older ones of that name), then e-mailed when opt->routes names an agency
 * for the file. Nothing for a file that was deferred or refused (it stays
 * in the inbox) or has no submission. Everything read from kpi.submission
 * and kpi.rejected_row of res->submission_id (for a file ingested before,
 * the earlier submission's). Returns KPI_OK, or KPI_ERROR when a receipt
 * could not be written or sent (logged; the ingest itself stands: the
 * caller goes on).
 */
enum kpi_status receipt_issue(PGconn *conn, const struct receipt_options *opt, const char *path,
                              const struct load_result *res);

/* A rejection reason in the receipt's words. */
struct receipt_reason {
    const char *code;   /* the table's name of the reason ("period_format"), "other" if unknown */
    char value[512];    /* the value the reason quotes, or "" */
    char problem[1024]; /* what is wrong, in Vietnamese */
    char fix[1024];     /* what to write instead, in Vietnamese ("" when nothing to say) */
};

/*
 * receipt_explain: the Vietnamese of the English REASON (as kpi.rejected_row
 * holds it) into *out, from the one table of reasons. A reason the table
 * does not know gets code "other", a general problem and the English text
 * as its fix. Cannot fail.
 */
void receipt_explain(const char *reason, struct receipt_reason *out);

#endif
