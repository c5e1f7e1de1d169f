// JPEG through libjpeg-turbo's libjpeg API (jpeglib.h).
//
// libjpeg reports a fatal error by calling error_exit, which must not return; we longjmp back
// to the setjmp of the function that made the libjpeg call. A longjmp skips destructors, so
// the functions that call libjpeg (the *Unsafe ones) touch nothing with a non-trivial
// destructor: only the JpegSession (plain C structs, heap-allocated and destroyed by the C++
// JpegReader that owns it) and the caller's pre-allocated rows. libjpeg's own memory lives in
// its pools, which jpeg_destroy_decompress releases whatever state the decoder was left in.
#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstdio>  // jpeglib.h uses FILE and size_t without including their headers
#include <memory>
#include <string>

#include <jerror.h>
#include <jpeglib.h>

#include "decode/reader.h"
#include "pixconv/model.h"

namespace pixconv::decode_internal {
namespace {

// Everything the libjpeg callbacks and the *Unsafe functions share. Plain C data only.
struct JpegSession {
  jpeg_decompress_struct cinfo;
  jpeg_error_mgr error_mgr;
  jpeg_progress_mgr progress;
  std::jmp_buf jump;
  bool created;
  uint32_t max_scans;
  StatusCode code;  // why the decoder stopped, set before the longjmp
  char message[JMSG_LENGTH_MAX + 96];
};

#define PIXCONV_STRINGIFY_(x) #x
#define PIXCONV_STRINGIFY(x) PIXCONV_STRINGIFY_(x)
#ifdef LIBJPEG_TURBO_VERSION
constexpr const char* kLibraryVersion = "-turbo " PIXCONV_STRINGIFY(LIBJPEG_TURBO_VERSION);
#else
constexpr const char* kLibraryVersion = "";
#endif

JpegSession* SessionOf(j_common_ptr cinfo) { return static_cast<JpegSession*>(cinfo->client_data); }

StatusCode CodeForError(int msg_code) {
  switch (msg_code) {
    case JERR_BAD_PRECISION:       // 12-bit data in an 8-bit build
    case JERR_SOF_UNSUPPORTED:     // lossless and hierarchical JPEG
    case JERR_NOT_COMPILED:
    case JERR_ARITH_NOTIMPL:
    case JERR_CONVERSION_NOTIMPL:
    case JERR_IMAGE_TOO_BIG:       // above JPEG_MAX_DIMENSION (65500)
      return StatusCode::kUnsupported;
    case JERR_OUT_OF_MEMORY:
    case JERR_NO_BACKING_STORE:
      return StatusCode::kLimitExceeded;
    default:
      return StatusCode::kCorruptData;
  }
}

[[noreturn]] void Fail(JpegSession* s) { std::longjmp(s->jump, 1); }

void OnError(j_common_ptr cinfo) {
  JpegSession* s = SessionOf(cinfo);
  s->code = CodeForError(cinfo->err->msg_code);
  if (cinfo->err->msg_code == JERR_BAD_PRECISION) {
    std::snprintf(s->message, sizeof(s->message),
                  "%d-bit samples are not supported: the installed libjpeg%s decodes 8-bit "
                  "JPEGs only",
                  cinfo->err->msg_parm.i[0], kLibraryVersion);
  } else {
    (*cinfo->err->format_message)(cinfo, s->message);
  }
  Fail(s);
}

// Warnings that do not mean lost image data. Every other warning does: libjpeg "recovers" from
// a truncated or damaged scan by filling the rest with gray, which we report as corrupt data
// instead of returning a plausible-looking wrong image.
bool IsHarmlessWarning(int msg_code) {
  switch (msg_code) {
    case JWRN_ADOBE_XFORM:       // unknown Adobe transform code; the default is used
    case JWRN_JFIF_MAJOR:        // a newer JFIF version number
    case JWRN_EXTRANEOUS_DATA:   // stray bytes between markers, common in camera files
    case JWRN_NOT_SEQUENTIAL:    // off-spec Ss/Se in a sequential scan; decoded normally
      return true;
    default:
      return false;
  }
}

// Trace messages (level >= 0) and harmless warnings are dropped: the library never prints.
void OnMessage(j_common_ptr cinfo, int msg_level) {
  if (msg_level >= 0 || IsHarmlessWarning(cinfo->err->msg_code)) return;
  JpegSession* s = SessionOf(cinfo);
  s->code = StatusCode::kCorruptData;
  (*cinfo->err->format_message)(cinfo, s->message);
  Fail(s);
}

void OnOutputMessage(j_common_ptr /*cinfo*/) {}

// Called between passes over the input; stops progressive files with too many scans.
void OnProgress(j_common_ptr cinfo) {
  if (!cinfo->is_decompressor) return;
  const auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
  JpegSession* s = SessionOf(cinfo);
  if (d->input_scan_number >= 0 && static_cast<uint32_t>(d->input_scan_number) > s->max_scans) {
    s->code = StatusCode::kLimitExceeded;
    std::snprintf(s->message, sizeof(s->message),
                  "more than %u scans (DecodeOptions::max_jpeg_scans)", s->max_scans);
    Fail(s);
  }
}

// Creates the decompressor and reads the header. False on error (s->code, s->message).
bool OpenUnsafe(JpegSession* s, const uint8_t* data, unsigned long size) {
  s->cinfo.err = jpeg_std_error(&s->error_mgr);
  s->error_mgr.error_exit = OnError;
  s->error_mgr.emit_message = OnMessage;
  s->error_mgr.output_message = OnOutputMessage;
  s->cinfo.client_data = s;  // jpeg_create_decompress keeps err and client_data
  s->progress.progress_monitor = OnProgress;
  if (setjmp(s->jump)) return false;
  s->created = true;  // jpeg_destroy_decompress is safe on the zeroed struct too
  jpeg_create_decompress(&s->cinfo);
  s->cinfo.progress = &s->progress;
  jpeg_mem_src(&s->cinfo, data, size);
  jpeg_read_header(&s->cinfo, TRUE);
  return true;
}

// How to produce the destination rows. Plain data, read by ReadUnsafe.
struct ReadPlan {
  J_COLOR_SPACE out_space;
  int out_components;  // what libjpeg writes per pixel (4 for CMYK)
  bool from_cmyk;      // convert libjpeg's CMYK rows into `dst` ...
  int dst_channels;    // ... with 3 (RGB) or 4 (RGBA, alpha 255) channels
  bool bgr;            // ... in B, G, R order
  uint8_t* dst;
  size_t stride;
  JDIMENSION width;
  JDIMENSION height;
};

// Adobe's inverted CMYK stores 255 - ink, so R = (1 - C)(1 - K) = c * k / 255 in stored
// values (the rule Chromium and TurboJPEG use), rounded to nearest.
inline uint8_t MulDiv255(unsigned a, unsigned b) {
  return static_cast<uint8_t>((a * b + 127) / 255);
}

void CmykToRgbRow(const uint8_t* in, uint8_t* out, JDIMENSION width, int channels, bool bgr) {
  const int r_at = bgr ? 2 : 0;
  const int b_at = bgr ? 0 : 2;
  for (JDIMENSION x = 0; x < width; ++x, in += 4, out += channels) {
    const unsigned k = in[3];
    out[r_at] = MulDiv255(in[0], k);
    out[1] = MulDiv255(in[1], k);
    out[b_at] = MulDiv255(in[2], k);
    if (channels == 4) out[3] = 255;
  }
}

// Decodes every row as the plan says. False on error (s->code, s->message).
bool ReadUnsafe(JpegSession* s, const ReadPlan* plan) {
  if (setjmp(s->jump)) return false;
  j_decompress_ptr c = &s->cinfo;
  c->out_color_space = plan->out_space;
  jpeg_start_decompress(c);
  if (c->output_width != plan->width || c->output_height != plan->height ||
      c->output_components != plan->out_components) {
    // Cannot happen with the header we read; checked because we write into caller memory.
    s->code = StatusCode::kCorruptData;
    std::snprintf(s->message, sizeof(s->message), "unexpected output geometry");
    return false;
  }
  // libjpeg returns up to rec_outbuf_height rows per call (its upsampling group).
  constexpr JDIMENSION kMaxRows = 16;
  const JDIMENSION group = std::clamp<JDIMENSION>(c->rec_outbuf_height, 1, kMaxRows);
  JSAMPARRAY cmyk = nullptr;
  if (plan->from_cmyk) {
    // width * 4 fits JDIMENSION: libjpeg rejects widths above JPEG_MAX_DIMENSION (65500)
    // while reading the header, and alloc_sarray checks its own allocation size.
    cmyk = (*c->mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(c), JPOOL_IMAGE,
                                   plan->width * 4, group);
  }
  JSAMPROW rows[kMaxRows];
  while (c->output_scanline < c->output_height) {
    const JDIMENSION y = c->output_scanline;
    const JDIMENSION n = std::min(group, c->output_height - y);
    JDIMENSION got = 0;
    if (cmyk != nullptr) {
      got = jpeg_read_scanlines(c, cmyk, n);
      for (JDIMENSION i = 0; i < got; ++i) {
        CmykToRgbRow(cmyk[i], plan->dst + (y + i) * plan->stride, plan->width,
                     plan->dst_channels, plan->bgr);
      }
    } else {
      for (JDIMENSION i = 0; i < n; ++i) rows[i] = plan->dst + (y + i) * plan->stride;
      got = jpeg_read_scanlines(c, rows, n);
    }
    if (got == 0) {  // only a suspending data source returns nothing; ours never suspends
      s->code = StatusCode::kCorruptData;
      std::snprintf(s->message, sizeof(s->message), "decoder returned no rows");
      return false;
    }
  }
  // Reads up to EOI, so a file cut after its last scan is still reported as truncated.
  jpeg_finish_decompress(c);
  return true;
}

class JpegReader final : public CodecReader {
 public:
  JpegReader() : session_(std::make_unique<JpegSession>()) {}
  ~JpegReader() override {
    if (session_->created) jpeg_destroy_decompress(&session_->cinfo);
  }
  JpegReader(const JpegReader&) = delete;
  JpegReader& operator=(const JpegReader&) = delete;

  Status Open(const uint8_t* data, size_t size, const DecodeOptions& options) {
    if (size > static_cast<unsigned long>(-1)) {
      return Status(StatusCode::kLimitExceeded, "JPEG: data larger than libjpeg can read");
    }
    session_->max_scans = options.max_jpeg_scans;
    if (!OpenUnsafe(session_.get(), data, static_cast<unsigned long>(size))) return Error();
    const jpeg_decompress_struct& c = session_->cinfo;
    if (c.data_precision != 8) {  // a libjpeg-turbo 3 build parses 12-bit and lossless files
      return Status(StatusCode::kUnsupported,
                    "JPEG: " + std::to_string(c.data_precision) +
                        "-bit samples are not supported: pixconv decodes 8-bit JPEGs only");
    }
    ColorModel model = ColorModel::RGB;
    switch (c.jpeg_color_space) {
      case JCS_GRAYSCALE: model = ColorModel::L; break;
      case JCS_YCbCr:
      case JCS_RGB:
      case JCS_CMYK:
      case JCS_YCCK: break;
      default:
        return Status(StatusCode::kUnsupported,
                      "JPEG: unknown color space with " + std::to_string(c.num_components) +
                          " components");
    }
    info_.codec = Codec::Jpeg;
    info_.format = ImageFormat::Color(c.image_width, c.image_height, model, ChannelDatatype::U8);
    info_.bit_depth = c.data_precision;
    return Status::Ok();
  }

  const ImageInfo& info() const override { return info_; }

  Status Read(const RowTarget& target) override {
    const J_COLOR_SPACE source = session_->cinfo.jpeg_color_space;
    ReadPlan plan{};
    plan.from_cmyk = source == JCS_CMYK || source == JCS_YCCK;
    plan.dst = target.data;
    plan.stride = target.stride;
    plan.width = info_.format.width;
    plan.height = info_.format.height;
    plan.bgr = target.layout == RowLayout::kBgra8;
    plan.dst_channels = target.layout == RowLayout::kModel ? 3 : 4;
    if (plan.from_cmyk) {
      plan.out_space = JCS_CMYK;  // libjpeg turns YCCK into CMYK
      plan.out_components = 4;
    } else if (target.layout == RowLayout::kModel) {
      plan.out_space = source == JCS_GRAYSCALE ? JCS_GRAYSCALE : JCS_RGB;
      plan.out_components = source == JCS_GRAYSCALE ? 1 : 3;
    } else {  // libjpeg-turbo's color converters write RGBA / BGRA (alpha 255) themselves
      plan.out_space = plan.bgr ? JCS_EXT_BGRA : JCS_EXT_RGBA;
      plan.out_components = 4;
    }
    if (!ReadUnsafe(session_.get(), &plan)) return Error();
    return Status::Ok();
  }

 private:
  Status Error() const { return Status(session_->code, std::string("JPEG: ") + session_->message); }

  std::unique_ptr<JpegSession> session_;  // libjpeg keeps pointers into it: never moves
  ImageInfo info_;
};

}  // namespace

Result<std::unique_ptr<CodecReader>> OpenJpeg(const uint8_t* data, size_t size,
                                              const DecodeOptions& options) {
  auto reader = std::make_unique<JpegReader>();
  PIXCONV_RETURN_IF_ERROR(reader->Open(data, size, options));
  return std::unique_ptr<CodecReader>(std::move(reader));
}

}  // namespace pixconv::decode_internal
