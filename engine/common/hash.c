/*
 * hash.c — owns the SHA-256 digests of kpi (see hash.h), delegated to libcrypto.
 */
#include "common/hash.h"

#include "common/log.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

struct hash_ctx {
    EVP_MD_CTX *md;
};

static void to_hex(const unsigned char *d, unsigned n, char out[HASH_HEX_LEN])
{
    static const char digits[] = "0123456789abcdef";
    for (unsigned i = 0; i < n && i < 32; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[64] = '\0';
}

enum kpi_status hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX_LEN])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    if (EVP_Digest(data, len, d, &n, EVP_sha256(), NULL) != 1) {
        log_error("could not compute a SHA-256 digest");
        return KPI_ERROR;
    }
    to_hex(d, n, out);
    return KPI_OK;
}

struct hash_ctx *hash_new(void)
{
    struct hash_ctx *h = malloc(sizeof *h);
    if (h == NULL)
        goto fail;
    h->md = EVP_MD_CTX_new();
    if (h->md == NULL || EVP_DigestInit_ex(h->md, EVP_sha256(), NULL) != 1)
        goto fail;
    return h;
fail:
    log_error("could not start a SHA-256 digest");
    hash_free(h);
    return NULL;
}

enum kpi_status hash_update(struct hash_ctx *h, const void *data, size_t len)
{
    if (EVP_DigestUpdate(h->md, data, len) != 1) {
        log_error("could not compute a SHA-256 digest");
        return KPI_ERROR;
    }
    return KPI_OK;
}

enum kpi_status hash_final(struct hash_ctx *h, char out[HASH_HEX_LEN])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    if (EVP_DigestFinal_ex(h->md, d, &n) != 1) {
        log_error("could not compute a SHA-256 digest");
        return KPI_ERROR;
    }
    to_hex(d, n, out);
    return KPI_OK;
}

void hash_free(struct hash_ctx *h)
{
    if (h == NULL)
        return;
    EVP_MD_CTX_free(h->md);
    free(h);
}
