/*
 * builtin/submission.c — `kpi submission list|show|withdraw`: the files kpi
 * ingest received (kpi.submission), one in detail (its rows, counts, status,
 * withdrawal), and the withdrawal of a whole submission as of now
 * (kpi.submission_withdraw, sql/definitions/observation/submission_withdraw.sql).
 */
#include "builtin.h"
#include "common/log.h"
#include "common/status.h"
#include "db/conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct command_row submission_commands[] = {
    {"list",
     "print the submissions as CSV on stdout, newest first: id, received_at, file_name, "
     "agency, status, rows accepted and rejected, withdrawn_at; --unit: only those that "
     "brought rows of unit CODE (current, replaced or rejected); --since: only those "
     "received on DATE or later",
     NULL},
    {"show",
     "print submission ID: its file, SHA-256, status, counts and withdrawal, then its rows "
     "(CSV: line, period, unit, metric, value, state current, replaced or withdrawn) and its "
     "rejected rows (line, column, reason)",
     NULL},
    {"withdraw",
     "withdraw submission ID as of now, for --reason TEXT (required): each of its counts "
     "still current falls back to the value before it (of a submission not withdrawn), or "
     "to none; nothing is deleted (kpi.observation_history and the as-of queries keep what "
     "was current); the next kpi compute recomputes the cells it touched, and the alerts "
     "follow",
     NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc submission_doc = {
    .name = "submission",
    .synopsis = "kpi submission list [--unit CODE] [--since YYYY-MM-DD]\n"
                "kpi submission show [--limit N] ID\n"
                "kpi submission withdraw --reason TEXT ID",
    .description = "The files kpi ingest received. A file withdraws single counts with the\n"
                   "value rút (or withdraw) in its value column; a whole file is withdrawn\n"
                   "with kpi submission withdraw.\n",
    .commands = submission_commands,
    .epilogue = "exit status: 0 done; 1 an error (e.g. no such submission, or withdrawn "
                "already); 2 usage\n",
};

/* One field as CSV (quoted when it holds a comma, a quote or a line break). */
static void csv_field(FILE *out, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* RES as CSV with its column names as the header. */
static void print_csv(FILE *out, const PGresult *res)
{
    int nf = PQnfields(res);
    for (int c = 0; c < nf; c++) {
        if (c)
            fputc(',', out);
        csv_field(out, PQfname(res, c));
    }
    fputc('\n', out);
    for (int r = 0; r < PQntuples(res); r++) {
        for (int c = 0; c < nf; c++) {
            if (c)
                fputc(',', out);
            csv_field(out, PQgetvalue(res, r, c));
        }
        fputc('\n', out);
    }
}

/* Whether TEXT is a submission id (1 to 18 digits). */
static bool is_id(const char *text)
{
    size_t n = strspn(text, "0123456789");
    return n > 0 && n <= 18 && text[n] == '\0';
}

static enum kpi_status list(PGconn *conn, const char *unit, const char *since)
{
    const char *params[2] = {unit, since};
    PGresult *res = conn_exec(
        conn,
        "SELECT s.id, s.received_at, s.file_name, coalesce(s.agency, '') AS agency, s.status,"
        "       s.rows_accepted, s.rows_rejected, coalesce(s.withdrawn_at::text, '') AS"
        "       withdrawn_at"
        "  FROM kpi.submission s"
        " WHERE ($1::text IS NULL OR s.id IN (SELECT u.submission_id FROM kpi.unit_submission u"
        "                                     WHERE u.unit_code = $1))"
        "   AND ($2::date IS NULL OR s.received_at >= $2::date)"
        " ORDER BY s.id DESC",
        2, params, "could not list the submissions");
    if (res == NULL)
        return KPI_ERROR;
    print_csv(stdout, res);
    PQclear(res);
    return KPI_OK;
}

static enum kpi_status show(PGconn *conn, const char *id, long limit)
{
    char lim[24];
    snprintf(lim, sizeof lim, "%ld", limit);
    const char *params[2] = {id, lim};
    PGresult *res =
        conn_exec(conn,
                  "SELECT s.file_name, s.sha256, s.received_at, s.status, coalesce(s.agency, ''),"
                  "       s.rows_accepted, s.rows_rejected, coalesce(s.rows_new::text, ''),"
                  "       coalesce(s.rows_revised::text, ''), coalesce(s.rows_unchanged::text, ''),"
                  "       coalesce(s.rows_withdrawn::text, '0'), coalesce(s.reason, ''),"
                  "       coalesce(s.withdrawn_at::text, ''), coalesce(s.withdrawn_by, ''),"
                  "       coalesce(s.withdrawn_reason, ''),"
                  "       (SELECT count(*) FROM kpi.observation o WHERE o.submission_id = s.id)"
                  "  FROM kpi.submission s WHERE s.id = $1",
                  1, params, "could not read the submission");
    if (res == NULL)
        return KPI_ERROR;
    if (PQntuples(res) == 0) {
        log_error("submission %s does not exist (see kpi submission list)", id);
        PQclear(res);
        return KPI_ERROR;
    }
    static const char *const label[] = {
        "file",         "sha256",         "received_at",      "status",
        "agency",       "rows_accepted",  "rows_rejected",    "rows_new",
        "rows_revised", "rows_unchanged", "rows_withdrawn",   "reason",
        "withdrawn_at", "withdrawn_by",   "withdrawn_reason", "rows_current"};
    printf("submission: %s\n", id);
    for (int c = 0; c < PQnfields(res); c++)
        if (PQgetvalue(res, 0, c)[0] != '\0')
            printf("%s: %s\n", label[c], PQgetvalue(res, 0, c));
    PQclear(res);

    /* its rows: every version of its counts (a count current again after a withdrawal of a
     * later file is its row twice) and the counts it withdrew */
    res = conn_exec(
        conn,
        "SELECT line_no AS line, period, unit_code AS unit, metric, value, state FROM ("
        " SELECT h.line_no, to_char(h.period_start, CASE h.grain WHEN 'day' THEN 'YYYY-MM-DD'"
        "        ELSE 'YYYY-MM' END) AS period, h.unit_code, h.metric, h.value::text AS value,"
        "        CASE WHEN h.valid_to IS NULL THEN 'current'"
        "             WHEN s.withdrawn_at IS NOT NULL AND h.valid_to >= s.withdrawn_at"
        "             THEN 'withdrawn' ELSE 'replaced' END AS state, h.valid_from AS at"
        "   FROM kpi.observation_history h JOIN kpi.submission s ON s.id = h.submission_id"
        "  WHERE h.submission_id = $1"
        " UNION ALL"
        " SELECT w.line_no, to_char(w.period_start, CASE w.grain WHEN 'day' THEN 'YYYY-MM-DD'"
        "        ELSE 'YYYY-MM' END), w.unit_code, w.metric, 'rút', 'withdraws', w.withdrawn_at"
        "   FROM kpi.observation_withdrawal w WHERE w.submission_id = $1) x"
        " ORDER BY line_no, at LIMIT CASE WHEN $2::bigint > 0 THEN $2::bigint END",
        2, params, "could not read the rows of the submission");
    if (res == NULL)
        return KPI_ERROR;
    printf("\nrows:\n");
    print_csv(stdout, res);
    PQclear(res);
    res = conn_exec(conn,
                    "SELECT line_no AS line, coalesce(column_name, '') AS column, reason"
                    "  FROM kpi.rejected_row WHERE submission_id = $1 ORDER BY line_no"
                    " LIMIT CASE WHEN $2::bigint > 0 THEN $2::bigint END",
                    2, params, "could not read the rejected rows");
    if (res == NULL)
        return KPI_ERROR;
    printf("\nrejected rows:\n");
    print_csv(stdout, res);
    PQclear(res);
    return KPI_OK;
}

static enum kpi_status withdraw(PGconn *conn, const char *id, const char *reason)
{
    const char *params[2] = {id, reason};
    PGresult *res = conn_exec(conn,
                              "SELECT rows_current, rows_restored"
                              "  FROM kpi.submission_withdraw($1::bigint, $2)",
                              2, params, "could not withdraw the submission");
    if (res == NULL)
        return KPI_ERROR;
    log_info("submission %s withdrawn: %s counts no longer current, %s earlier values current "
             "again; run kpi compute (or wait for the nightly run) to recompute the cells",
             id, PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
    PQclear(res);
    return KPI_OK;
}

enum kpi_status cmd_submission(int argc, char **argv)
{
    const char *unit = NULL, *since = NULL, *reason = NULL;
    long limit = 1000;
    struct kpi_option options[] = {
        OPT_STRING("unit", 0, &unit, "CODE", "list: only the submissions of unit CODE"),
        OPT_STRING("since", 0, &since, "YYYY-MM-DD", "list: only those received from DATE on"),
        OPT_INTEGER("limit", 0, &limit, "N", 0, 100000000,
                    "show: at most N rows of each list (default 1000; 0: all)"),
        OPT_STRING("reason", 0, &reason, "TEXT", "withdraw: why (recorded; required)"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &submission_doc, options, &args, &done))
        return done;
    if (args >= argc)
        return builtin_usage_error("submission", "say 'list', 'show ID' or 'withdraw ID'");
    const char *verb = argv[args];
    bool is_list = strcmp(verb, "list") == 0, is_show = strcmp(verb, "show") == 0,
         is_withdraw = strcmp(verb, "withdraw") == 0;
    if (!is_list && !is_show && !is_withdraw)
        return builtin_usage_error("submission", "unknown subcommand '%s'", verb);
    if (is_list && args + 1 != argc)
        return builtin_usage_error("submission", "unexpected argument '%s'", argv[args + 1]);
    if (!is_list && (args + 2 != argc || !is_id(argv[args + 1])))
        return builtin_usage_error("submission", "usage: kpi submission %s ID (a number)", verb);
    if ((unit || since) && !is_list)
        return builtin_usage_error("submission", "--unit and --since go with 'list'");
    if (is_withdraw && (reason == NULL || reason[strspn(reason, " \t")] == '\0'))
        return builtin_usage_error("submission", "withdraw needs --reason TEXT");
    if (reason != NULL && !is_withdraw)
        return builtin_usage_error("submission", "--reason goes with 'withdraw'");
    int y, m, d, used = 0;
    if (since != NULL && (sscanf(since, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 ||
                          since[used] != '\0' || strlen(since) != 10))
        return builtin_usage_error("submission", "--since takes a date YYYY-MM-DD, not \"%s\"",
                                   since);

    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    enum kpi_status rc = is_list   ? list(conn, unit, since)
                         : is_show ? show(conn, argv[args + 1], limit)
                                   : withdraw(conn, argv[args + 1], reason);
    PQfinish(conn);
    return rc;
}
