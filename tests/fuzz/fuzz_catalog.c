/*
 * fuzz_catalog.c — libFuzzer harness of the catalog loader
 * (engine/catalog/read.c, check.c). The input is split at its first NUL
 * byte: the bytes
 * before it become metrics.json, those after it an indicator file; without a
 * NUL byte the input is the indicator file and metrics.json is the one of the
 * catalog (indicators/ of the source tree). catalog_load reads a directory,
 * so both are written to a private directory under /dev/shm (or $TMPDIR).
 */
#include "catalog/catalog.h"

#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[PATH_MAX];
static char *metrics; /* indicators/metrics.json */
static size_t metrics_len;

static void put(const char *name, const void *bytes, size_t len)
{
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(bytes, 1, len, f) != len || fclose(f) != 0)
        abort();
}

static void init(void)
{
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/kpi-fuzz-catalog-XXXXXX", base ? base : "/tmp");
    if (mkdtemp(dir) == NULL)
        abort();
    FILE *f = fopen(KPI_SOURCE_DIR "/indicators/" CATALOG_METRICS_FILE, "rb");
    if (f == NULL)
        abort();
    metrics = malloc(1 << 20);
    if (metrics == NULL)
        abort();
    metrics_len = fread(metrics, 1, 1 << 20, f);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct catalog *cat = NULL;
    if (metrics == NULL)
        init();
    const uint8_t *nul = memchr(data, '\0', size);
    if (nul != NULL) {
        put(CATALOG_METRICS_FILE, data, (size_t)(nul - data));
        put("3.1.json", nul + 1, size - (size_t)(nul - data) - 1);
    } else {
        put(CATALOG_METRICS_FILE, metrics, metrics_len);
        put("3.1.json", data, size);
    }
    if (catalog_load(dir, &cat) != 0)
        abort();
    FILE *devnull = fopen("/dev/null", "w");
    if (devnull == NULL)
        abort();
    catalog_print_problems(cat, devnull);
    fclose(devnull);
    catalog_free(cat);
    return 0;
}
