#ifndef CZIPINFLATE_H
#define CZIPINFLATE_H

#include <stddef.h>
#include <stdint.h>

/// Outcomes of rsp_inflate_raw.
enum {
    RSP_INFLATE_OK = 0,
    /// The output would pass max_out bytes.
    RSP_INFLATE_TOO_LARGE = 1,
    /// Invalid DEFLATE data, or the input ends before the stream does.
    RSP_INFLATE_DAMAGED = 2,
    RSP_INFLATE_NO_MEMORY = 3,
};

/// Inflates raw DEFLATE data (ZIP compression method 8, RFC 1951) held in memory.
///
/// Every step consumes input or produces output, so the call ends after at most in_len bytes of
/// input and max_out bytes of output, whatever the data. On RSP_INFLATE_OK, *out holds *out_len
/// bytes in a buffer from malloc (at least one byte long) that the caller frees with free();
/// on any other outcome *out is NULL and *out_len says how many bytes were produced before it stopped. size_hint (the size the archive declares) only sizes the
/// first allocation. max_out must be below SIZE_MAX.
int rsp_inflate_raw(const uint8_t *in, size_t in_len, size_t size_hint, size_t max_out,
                    uint8_t **out, size_t *out_len);

#endif
