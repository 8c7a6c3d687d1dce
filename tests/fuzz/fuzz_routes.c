/*
 * fuzz_routes.c — libFuzzer harness of the routes loader (engine/alerts/routes.c):
 * the input is the content of a routes file, given to routes_parse.
 */
#include "alerts/routes.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    struct routes *r = NULL;
    if (devnull == NULL)
        devnull = fopen("/dev/null", "w");
    if (devnull == NULL)
        abort();
    int rc = routes_parse("fuzz.json", (const char *)data, size, devnull, &r);
    if (rc == 0 && r == NULL)
        abort(); /* the contract: 0 comes with routes */
    if (rc != 0 && r != NULL)
        abort();
    routes_free(r);
    return 0;
}
