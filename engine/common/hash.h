/*
 * hash.h — SHA-256 through libcrypto, one-shot or streaming, as lower-case hex.
 */
#ifndef KPI_HASH_H
#define KPI_HASH_H

#include "common/status.h"

#include <stddef.h>

#define HASH_HEX_LEN 65 /* 64 hex digits and a NUL */

struct hash_ctx; /* opaque */

/* hash_sha256_hex: digest of LEN bytes at DATA into out. Returns KPI_OK, or KPI_ERROR
 * (logged; out unspecified). */
enum kpi_status hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX_LEN]);

/* hash_new: a streaming SHA-256 context, or NULL (logged). Free with hash_free. */
struct hash_ctx *hash_new(void);

/* hash_update: feed LEN bytes. Returns KPI_OK, or KPI_ERROR (logged). */
enum kpi_status hash_update(struct hash_ctx *h, const void *data, size_t len);

/* hash_final: write the digest; the context cannot be fed afterwards.
 * Returns KPI_OK, or KPI_ERROR (logged; out unspecified). */
enum kpi_status hash_final(struct hash_ctx *h, char out[HASH_HEX_LEN]);

/* hash_free: release H (NULL is allowed). */
void hash_free(struct hash_ctx *h);

#endif
