// PNG through libpng: the reference decoder, and the one for the files the fast decoder
// (png_fast.cc) leaves to it.
//
// libpng reports a fatal error by calling our error function, which must not return; it
// longjmps to the setjmp(png_jmpbuf()) of the function that made the libpng call. A longjmp
// skips destructors, so the functions that call libpng (the *Unsafe ones) touch nothing with a
// non-trivial destructor: only the PngSession (plain C data, heap-allocated and destroyed by
// the C++ PngReader that owns it) and the caller's pre-allocated rows. libpng's own memory is
// tracked by its structs and freed by png_destroy_read_struct.
#include <png.h>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "decode/png_expand.h"
#include "decode/reader.h"
#include "format/checked_math.h"
#include "pixconv/model.h"

namespace pixconv::decode_internal {
namespace {

// Everything the libpng callbacks and the *Unsafe functions share. Plain C data only.
struct PngSession {
  png_structp png;
  png_infop info;
  const uint8_t* data;
  size_t size;
  size_t pos;
  // From IHDR / tRNS.
  png_uint_32 width;
  png_uint_32 height;
  int bit_depth;
  int color_type;
  bool has_trns;
  StatusCode code;  // why the decoder stopped, set before the longjmp
  char message[256];
};

PngSession* SessionOf(png_const_structrp png) {
  return static_cast<PngSession*>(png_get_error_ptr(png));
}

void OnError(png_structp png, png_const_charp message) {
  PngSession* s = SessionOf(png);
  if (s->code == StatusCode::kOk) {  // ReadData may have said more already
    s->code = StatusCode::kCorruptData;
    std::snprintf(s->message, sizeof(s->message), "%s", message);
  }
  png_longjmp(png, 1);
}

// Warnings (ancillary chunks with a bad CRC or bad contents, which libpng skips) are dropped:
// the library never prints, and the image data is intact.
void OnWarning(png_structp /*png*/, png_const_charp /*message*/) {}

void ReadData(png_structp png, png_bytep out, size_t length) {
  PngSession* s = static_cast<PngSession*>(png_get_io_ptr(png));
  if (length > s->size - s->pos) {
    s->code = StatusCode::kCorruptData;
    std::snprintf(s->message, sizeof(s->message), "data ends after %zu bytes (truncated file)",
                  s->size);
    png_error(png, s->message);
  }
  std::memcpy(out, s->data + s->pos, length);
  s->pos += length;
}

// Ancillary chunks pixconv does not use: libpng skips them (after checking their CRC) instead
// of parsing, decompressing (iCCP, zTXt, iTXt) and validating them. gAMA, iCCP and EXIF are
// ignored by design, as in Rerun.
constexpr png_byte kIgnoredChunks[] =
    "bKGD\0cHRM\0eXIf\0gAMA\0hIST\0iCCP\0iTXt\0oFFs\0pCAL\0pHYs\0sBIT\0sCAL\0sPLT\0sRGB\0"
    "sTER\0tEXt\0tIME\0zTXt";
constexpr int kNumIgnoredChunks = sizeof(kIgnoredChunks) / 5;

// Creates the decoder and reads the chunks up to the first IDAT. False on error.
bool OpenUnsafe(PngSession* s) {
  s->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, s, OnError, OnWarning);
  if (s->png == nullptr) return false;
  if (setjmp(png_jmpbuf(s->png))) return false;
  s->info = png_create_info_struct(s->png);
  if (s->info == nullptr) png_error(s->png, "out of memory");
  png_set_read_fn(s->png, s, ReadData);
  // libpng's default limit is 1,000,000 columns / rows; pixconv checks its own limits.
  png_set_user_limits(s->png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
  png_set_keep_unknown_chunks(s->png, PNG_HANDLE_CHUNK_NEVER, kIgnoredChunks, kNumIgnoredChunks);
  png_read_info(s->png, s->info);
  png_get_IHDR(s->png, s->info, &s->width, &s->height, &s->bit_depth, &s->color_type, nullptr,
               nullptr, nullptr);
  s->has_trns = png_get_valid(s->png, s->info, PNG_INFO_tRNS) != 0;
  return true;
}

struct ReadPlan {
  bool to_rgba8;   // expand everything to 8-bit RGBA (else: the input model)
  bool bgr;        // B, G, R order (to_rgba8 only)
  bool gray_to_rgb;
  bool swap16;     // 16-bit samples to little-endian
  uint8_t* dst;
  size_t stride;
  size_t row_bytes;  // expected after the transforms
};

// Sets up the transforms and decodes every row. False on error (s->code, s->message).
bool ReadUnsafe(PngSession* s, const ReadPlan* plan) {
  png_structp png = s->png;
  if (setjmp(png_jmpbuf(png))) return false;
  // Palette -> RGB, gray 1/2/4 bits -> 8 (v * 255 / (2^bits - 1)), tRNS -> alpha channel.
  png_set_expand(png);
  if (plan->gray_to_rgb) png_set_gray_to_rgb(png);
  if (plan->to_rgba8) {
    png_set_filler(png, 0xFF, PNG_FILLER_AFTER);  // only acts on images without alpha
    if (plan->bgr) png_set_bgr(png);
  }
  if (plan->swap16) png_set_swap(png);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, s->info);
  if (png_get_rowbytes(png, s->info) != plan->row_bytes) {
    // Cannot happen with the transforms above; checked because we write into caller memory.
    s->code = StatusCode::kCorruptData;
    std::snprintf(s->message, sizeof(s->message), "unexpected row size %zu, expected %zu",
                  static_cast<size_t>(png_get_rowbytes(png, s->info)), plan->row_bytes);
    return false;
  }
  // For Adam7 every pass visits every row; libpng writes only that pass's pixels into it.
  for (int pass = 0; pass < passes; ++pass) {
    for (png_uint_32 y = 0; y < s->height; ++y) {
      png_read_row(png, plan->dst + y * plan->stride, nullptr);
    }
  }
  // Reads up to IEND, so a file cut after its image data is still reported as truncated.
  png_read_end(png, nullptr);
  return true;
}

class PngReader final : public CodecReader {
 public:
  PngReader() : session_(std::make_unique<PngSession>()) {}
  ~PngReader() override {
    if (session_->png != nullptr) {
      png_destroy_read_struct(&session_->png, &session_->info, nullptr);
    }
  }
  PngReader(const PngReader&) = delete;
  PngReader& operator=(const PngReader&) = delete;

  Status Open(const uint8_t* data, size_t size) {
    PngSession& s = *session_;
    s.data = data;
    s.size = size;
    if (!OpenUnsafe(&s)) {
      if (s.png == nullptr) return Status(StatusCode::kLimitExceeded, "PNG: out of memory");
      return Error();
    }
    ColorModel model = ColorModel::RGBA;
    switch (s.color_type) {
      case PNG_COLOR_TYPE_GRAY: model = s.has_trns ? ColorModel::RGBA : ColorModel::L; break;
      case PNG_COLOR_TYPE_RGB:
      case PNG_COLOR_TYPE_PALETTE: model = s.has_trns ? ColorModel::RGBA : ColorModel::RGB; break;
      default: break;  // gray + alpha, RGBA
    }
    const ChannelDatatype datatype = s.bit_depth == 16 ? ChannelDatatype::U16 : ChannelDatatype::U8;
    info_.codec = Codec::Png;
    info_.format = ImageFormat::Color(s.width, s.height, model, datatype);
    info_.bit_depth = s.bit_depth;
    return Status::Ok();
  }

  const ImageInfo& info() const override { return info_; }

  Status Read(const RowTarget& target) override {
    if (target.layout != RowLayout::kModel && info_.format.datatype == ChannelDatatype::U16) {
      return Read16ToRgba8(target);
    }
    const bool gray = (session_->color_type & PNG_COLOR_MASK_COLOR) == 0;
    ReadPlan plan{};
    plan.to_rgba8 = target.layout != RowLayout::kModel;
    plan.bgr = target.layout == RowLayout::kBgra8;
    plan.gray_to_rgb = gray && (plan.to_rgba8 || info_.format.color_model == ColorModel::RGBA);
    plan.swap16 = info_.format.datatype == ChannelDatatype::U16 &&
                  std::endian::native == std::endian::little;
    plan.dst = target.data;
    plan.stride = target.stride;
    const size_t pixel_bytes =
        plan.to_rgba8 ? 4
                      : size_t{1} * ChannelCount(info_.format.color_model) *
                            BytesPerSample(info_.format.datatype);
    if (!internal::CheckedMul(pixel_bytes, info_.format.width, &plan.row_bytes)) {
      return Status(StatusCode::kSizeOverflow, "PNG: row size overflows size_t");
    }
    if (!ReadUnsafe(session_.get(), &plan)) return Error();
    return Status::Ok();
  }

 private:
  // 16-bit samples to RGBA8 / BGRA8: the big-endian input model from libpng, then the fast
  // decoder's own rounding (png_rows.cc), so both decoders write the same bytes.
  Status Read16ToRgba8(const RowTarget& target) {
    const ImageFormat& f = info_.format;
    const int channels = ChannelCount(f.color_model);
    const size_t row_bytes = size_t{2} * static_cast<size_t>(channels) * f.width;
    size_t bytes = 0;
    if (!internal::CheckedMul(row_bytes, f.height, &bytes)) {
      return Status(StatusCode::kSizeOverflow, "PNG: image size overflows size_t");
    }
    std::unique_ptr<uint8_t[]> rows;
    try {
      rows = std::make_unique_for_overwrite<uint8_t[]>(bytes);
    } catch (const std::bad_alloc&) {
      return Status(StatusCode::kLimitExceeded, "PNG: out of memory");
    }
    ReadPlan plan{};
    plan.gray_to_rgb = (session_->color_type & PNG_COLOR_MASK_COLOR) == 0 && channels == 4;
    plan.dst = rows.get();
    plan.stride = row_bytes;
    plan.row_bytes = row_bytes;
    if (!ReadUnsafe(session_.get(), &plan)) return Error();
    for (uint32_t y = 0; y < f.height; ++y) {
      Be16ToRgba8(rows.get() + y * row_bytes, f.width, channels, nullptr,
                  target.layout == RowLayout::kBgra8, target.data + y * target.stride);
    }
    return Status::Ok();
  }

  Status Error() const { return Status(session_->code, std::string("PNG: ") + session_->message); }

  std::unique_ptr<PngSession> session_;  // libpng keeps a pointer to it: never moves
  ImageInfo info_;
};

}  // namespace

Result<std::unique_ptr<CodecReader>> OpenPngWithLibpng(const uint8_t* data, size_t size) {
  auto reader = std::make_unique<PngReader>();
  PIXCONV_RETURN_IF_ERROR(reader->Open(data, size));
  return std::unique_ptr<CodecReader>(std::move(reader));
}

}  // namespace pixconv::decode_internal
