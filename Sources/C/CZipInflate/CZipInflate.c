#include "CZipInflate.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// Written against zlib directly instead of ZIPFoundation's extraction: on Linux that loops forever
// when a DEFLATE stream does not end inside its entry (found by fuzzing, see SECURITY.md), and it
// offers no bounded-input variant.

int rsp_inflate_raw(const uint8_t *in, size_t in_len, size_t size_hint, size_t max_out,
                    uint8_t **out, size_t *out_len) {
    *out = NULL;
    *out_len = 0;
    // The buffer may hold one byte past the cap: producing that byte shows the part is too large.
    size_t limit = max_out + 1;
    size_t capacity = size_hint < 64 ? 64 : size_hint;
    if (capacity > limit) capacity = limit;
    uint8_t *buffer = malloc(capacity);
    if (buffer == NULL) return RSP_INFLATE_NO_MEMORY;

    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        free(buffer);
        return RSP_INFLATE_NO_MEMORY;
    }
    size_t consumed = 0;
    size_t produced = 0;
    int outcome = RSP_INFLATE_DAMAGED;
    for (;;) {
        if (produced > max_out) {
            outcome = RSP_INFLATE_TOO_LARGE;
            break;
        }
        if (produced == capacity) {
            size_t grown = capacity > limit / 2 ? limit : capacity * 2;
            uint8_t *resized = realloc(buffer, grown);
            if (resized == NULL) {
                outcome = RSP_INFLATE_NO_MEMORY;
                break;
            }
            buffer = resized;
            capacity = grown;
        }
        size_t in_chunk = in_len - consumed > UINT_MAX ? UINT_MAX : in_len - consumed;
        size_t out_chunk = capacity - produced > UINT_MAX ? UINT_MAX : capacity - produced;
        stream.next_in = (Bytef *)(in + consumed);
        stream.avail_in = (uInt)in_chunk;
        stream.next_out = buffer + produced;
        stream.avail_out = (uInt)out_chunk;
        int status = inflate(&stream, Z_NO_FLUSH);
        size_t used = in_chunk - stream.avail_in;
        size_t made = out_chunk - stream.avail_out;
        consumed += used;
        produced += made;
        if (status == Z_STREAM_END) {
            outcome = produced > max_out ? RSP_INFLATE_TOO_LARGE : RSP_INFLATE_OK;
            break;
        }
        if (status == Z_MEM_ERROR) {
            outcome = RSP_INFLATE_NO_MEMORY;
            break;
        }
        // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR; or no progress at all, which with output room
        // left means the input ran out before the stream ended.
        if (status != Z_OK && status != Z_BUF_ERROR) break;
        if (used == 0 && made == 0) break;
    }
    inflateEnd(&stream);
    if (outcome != RSP_INFLATE_OK) {
        free(buffer);
        // What was produced before stopping, so callers can show the cap held.
        *out_len = produced;
        return outcome;
    }
    *out = buffer;
    *out_len = produced;
    return RSP_INFLATE_OK;
}
