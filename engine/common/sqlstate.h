/*
 * sqlstate.h — the SQLSTATE codes kpi tests for, by their PostgreSQL
 * condition names (Appendix A of the PostgreSQL manual), so that no raw
 * "23505" appears in the code. Compare with sqlstate_is(), which accepts the
 * NULL that PQresultErrorField returns when there is no error.
 */
#ifndef KPI_SQLSTATE_H
#define KPI_SQLSTATE_H

#include <stdbool.h>
#include <string.h>

#define SQLSTATE_UNIQUE_VIOLATION       "23505"
#define SQLSTATE_INVALID_SCHEMA_NAME    "3F000"
#define SQLSTATE_UNDEFINED_TABLE        "42P01"
#define SQLSTATE_UNDEFINED_COLUMN       "42703"
#define SQLSTATE_UNDEFINED_FUNCTION     "42883"
#define SQLSTATE_DUPLICATE_DATABASE     "42P04"
#define SQLSTATE_LOCK_NOT_AVAILABLE     "55P03"
#define SQLSTATE_QUERY_CANCELED         "57014"
#define SQLSTATE_INSUFFICIENT_PRIVILEGE "42501"

/* Whether STATE (may be NULL or "") is the condition CODE. */
static inline bool sqlstate_is(const char *state, const char *code)
{
    return state != NULL && strcmp(state, code) == 0;
}

#endif
