/*
 * json.c — owns the JSON checks shared by the catalog and the alert routes
 * (see json.h): repeated keys and NULs.
 */
#include "common/json.h"

#include <string.h>

bool json_key_repeated(const cJSON *obj, const cJSON *item)
{
    for (const cJSON *b = obj->child; b != NULL && b != item; b = b->next)
        if (b->string != NULL && item->string != NULL && strcmp(b->string, item->string) == 0)
            return true;
    return false;
}

long json_find_nul(const char *text, size_t len)
{
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\0')
            return (long)i;
        if (!in_string) {
            in_string = text[i] == '"';
        } else if (text[i] == '"') {
            in_string = false;
        } else if (text[i] == '\\' && i + 1 < len) {
            if (text[i + 1] == 'u' && i + 5 < len && memcmp(text + i + 2, "0000", 4) == 0)
                return (long)i;
            if (text[i + 1] == '\0')
                return (long)(i + 1);
            i++; /* the escaped character, whatever it is, is not special */
        }
    }
    return -1;
}
