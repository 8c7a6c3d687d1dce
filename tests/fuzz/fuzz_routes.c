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
    int n = -1;
    enum kpi_status rc = routes_parse("fuzz.json", (const char *)data, size, devnull, &r, &n);
    if (rc == KPI_OK && (r == NULL || n != 0))
        abort(); /* the contract: KPI_OK comes with routes and no problems */
    if (rc != KPI_OK && r != NULL)
        abort();
    if (rc == KPI_REJECTED && n <= 0)
        abort(); /* KPI_REJECTED comes with the number of problems */
    routes_free(r);
    return 0;
}
