#ifndef PASBYSCAN_CZLIB_SHIM_H
#define PASBYSCAN_CZLIB_SHIM_H

#include <zlib.h>

/// inflateInit2 is a macro; this gives Swift a function for raw deflate streams (zip entries).
static inline int pasbyscan_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}

#endif
