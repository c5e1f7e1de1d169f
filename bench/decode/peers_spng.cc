// The optional PNG peer: libspng.
#include <spng.h>

#include "peers.h"

namespace pixconv::bench {

bool SpngToRgba(const std::vector<uint8_t>& png, uint8_t* rgba, size_t rgba_size) {
  spng_ctx* ctx = spng_ctx_new(0);
  if (ctx == nullptr) return false;
  const bool ok = spng_set_png_buffer(ctx, png.data(), png.size()) == 0 &&
                  spng_decode_image(ctx, rgba, rgba_size, SPNG_FMT_RGBA8, 0) == 0;
  spng_ctx_free(ctx);
  return ok;
}

}  // namespace pixconv::bench
