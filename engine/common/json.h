/*
 * json.h — the checks every JSON file kpi reads shares beyond cJSON's
 * syntax: a key given twice in one object (cJSON keeps both and lookups see
 * only the first) and a "\u0000" escape inside a string (cJSON decodes it to
 * a NUL byte, so the text is silently cut there; a 0 byte in the file does
 * the same). The catalog (catalog/check.c, catalog/read.c) and the alert
 * routes (alerts/routes.c) reject both.
 */
#ifndef KPI_JSON_H
#define KPI_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * json_key_repeated: whether a member of object OBJ that comes before its
 * member ITEM has the same key (compared byte for byte, as the lookups of
 * cJSON_GetObjectItemCaseSensitive do). ITEM must be a member of OBJ.
 * Walking OBJ's members and asking this of each finds every repetition once
 * per extra copy.
 */
bool json_key_repeated(const cJSON *obj, const cJSON *item);

/*
 * json_find_nul: the byte offset in TEXT (LEN bytes of JSON, not
 * necessarily NUL-terminated) of its first NUL: a 0 byte anywhere, or a
 * "\u0000" escape inside a string (a key or a value); -1 when there is none
 * (a search: nothing fails). An escaped backslash before "u0000" ("\\u0000":
 * a backslash, then the text u0000) is not one. Never reads past LEN, even
 * on malformed JSON.
 */
long json_find_nul(const char *text, size_t len);

#endif
