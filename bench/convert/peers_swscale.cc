// FFmpeg swscale rows: sws_scale at the same size (no scaling: swscale takes its unscaled
// converters), SWS_POINT, one thread. Built only with -DPIXCONV_HAVE_SWSCALE.
//
// Name: swscale/<src>->rgba[:<matrix>:<range>]/<WxH> (YUV rows name the matrix and range set
// with sws_setColorspaceDetails); the label names the pixconv counterpart.
//
// The context is made once per row, outside the timed loop, as a video player does once per
// stream; the timed loop is sws_scale alone.
extern "C" {
#include <libavutil/opt.h>
#include <libavutil/pixfmt.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

#include "bench_util.h"
#include "register.h"

namespace pixconv_bench {
namespace {

using pixconv::ChannelDatatype;
using pixconv::ColorModel;
using pixconv::PixelFormat;

struct SwsRow {
  const char* name;  // "yuv420p->rgba:bt709:limited"
  AVPixelFormat src_format;
  int colorspace;  // SWS_CS_*, or -1 for RGB input (no YUV matrix)
  int full_range;  // source range for YUV / gray input
  const char* counterpart;
  bool from_yuv;
  ColorModel model;    // !from_yuv: the color-model U8 image
  PixelFormat format;  // from_yuv
};

struct SwsFree {
  void operator()(SwsContext* c) const { sws_freeContext(c); }
};
using SwsPtr = std::unique_ptr<SwsContext, SwsFree>;

// A same-size context to RGBA (R,G,B,A bytes, full range), SWS_POINT, one thread.
SwsPtr MakeContext(const SwsRow& row, Size size, std::string* error) {
  SwsPtr ctx(sws_alloc_context());
  if (!ctx) {
    *error = "sws_alloc_context failed";
    return nullptr;
  }
  const int64_t w = size.width;
  const int64_t h = size.height;
  // Options by name, as FFmpeg documents for sws_alloc_context; "threads" exists from
  // swscale 6.1 (its default is 1 anyway, so an older library failing to set it is fine).
  if (av_opt_set_int(ctx.get(), "srcw", w, 0) < 0 || av_opt_set_int(ctx.get(), "srch", h, 0) < 0 ||
      av_opt_set_int(ctx.get(), "dstw", w, 0) < 0 || av_opt_set_int(ctx.get(), "dsth", h, 0) < 0 ||
      av_opt_set_int(ctx.get(), "src_format", row.src_format, 0) < 0 ||
      av_opt_set_int(ctx.get(), "dst_format", AV_PIX_FMT_RGBA, 0) < 0 ||
      av_opt_set_int(ctx.get(), "sws_flags", SWS_POINT, 0) < 0) {
    *error = "setting swscale options failed";
    return nullptr;
  }
  av_opt_set_int(ctx.get(), "threads", 1, 0);
  if (sws_init_context(ctx.get(), nullptr, nullptr) < 0) {
    *error = std::string("sws_init_context failed for ") + row.name;
    return nullptr;
  }
  if (row.colorspace >= 0) {
    const int* coefficients = sws_getCoefficients(row.colorspace);
    if (sws_setColorspaceDetails(ctx.get(), coefficients, row.full_range, coefficients,
                                 /*dstRange=*/1, /*brightness=*/0, /*contrast=*/1 << 16,
                                 /*saturation=*/1 << 16) < 0) {
      *error = std::string("sws_setColorspaceDetails failed for ") + row.name;
      return nullptr;
    }
  }
  return ctx;
}

void RegisterRow(const SwsRow& row, Size size) {
  const std::string name = std::string("swscale/") + row.name + "/" + SizeName(size);
  benchmark::RegisterBenchmark(name.c_str(), [row, size](benchmark::State& state) {
    state.SetLabel(row.counterpart);
    std::string error;
    const SwsPtr ctx = MakeContext(row, size, &error);
    if (!ctx) return Skip(state, error);
    const Buffer& src = row.from_yuv ? YuvImage(row.format, size)
                                     : ColorImage(row.model, ChannelDatatype::U8, size);
    const int w = static_cast<int>(size.width);
    const int h = static_cast<int>(size.height);
    RunPeer(state, size, src, size.pixels() * 4, [&](const uint8_t* in, uint8_t* out) {
      Planes planes;
      if (row.from_yuv) {
        planes = YuvPlanes(row.format, size, in);
      } else {
        planes.data[0] = in;
        planes.stride[0] = w * pixconv::ChannelCount(row.model);
      }
      uint8_t* const dst[4] = {out, nullptr, nullptr, nullptr};
      const int dst_stride[4] = {4 * w, 0, 0, 0};
      const uint8_t* const src_planes[4] = {planes.data[0], planes.data[1], planes.data[2],
                                            nullptr};
      const int src_stride[4] = {planes.stride[0], planes.stride[1], planes.stride[2], 0};
      return sws_scale(ctx.get(), src_planes, src_stride, 0, h, dst, dst_stride) == h
                 ? std::string()
                 : std::string("sws_scale failed");
    });
  })->Unit(benchmark::kMicrosecond);
}

}  // namespace

const char* RegisterSwscaleBenchmarks() {
  constexpr int kBt601 = SWS_CS_ITU601;
  constexpr int kBt709 = SWS_CS_ITU709;
  const SwsRow rows[] = {
      {"nv12->rgba:bt601:limited", AV_PIX_FMT_NV12, kBt601, 0, "vs yuv/NV12->RGBA8", true, {},
       PixelFormat::NV12},
      {"yuyv422->rgba:bt601:limited", AV_PIX_FMT_YUYV422, kBt601, 0, "vs yuv/YUY2->RGBA8",
       true, {}, PixelFormat::YUY2},
      {"yuv420p->rgba:bt709:limited", AV_PIX_FMT_YUV420P, kBt709, 0,
       "vs yuv/Y_U_V12_LimitedRange->RGBA8", true, {}, PixelFormat::Y_U_V12_LimitedRange},
      {"yuv420p->rgba:bt709:full", AV_PIX_FMT_YUV420P, kBt709, 1,
       "vs yuv/Y_U_V12_FullRange->RGBA8", true, {}, PixelFormat::Y_U_V12_FullRange},
      {"yuv422p->rgba:bt709:limited", AV_PIX_FMT_YUV422P, kBt709, 0,
       "vs yuv/Y_U_V16_LimitedRange->RGBA8", true, {}, PixelFormat::Y_U_V16_LimitedRange},
      {"yuv422p->rgba:bt709:full", AV_PIX_FMT_YUV422P, kBt709, 1,
       "vs yuv/Y_U_V16_FullRange->RGBA8", true, {}, PixelFormat::Y_U_V16_FullRange},
      {"yuv444p->rgba:bt709:limited", AV_PIX_FMT_YUV444P, kBt709, 0,
       "vs yuv/Y_U_V24_LimitedRange->RGBA8", true, {}, PixelFormat::Y_U_V24_LimitedRange},
      {"yuv444p->rgba:bt709:full", AV_PIX_FMT_YUV444P, kBt709, 1,
       "vs yuv/Y_U_V24_FullRange->RGBA8", true, {}, PixelFormat::Y_U_V24_FullRange},
      {"gray8->rgba:full", AV_PIX_FMT_GRAY8, kBt601, 1,
       "vs yuv/Y8_FullRange->RGBA8, color/L_U8->RGBA8", true, {}, PixelFormat::Y8_FullRange},
      {"gray8->rgba:limited", AV_PIX_FMT_GRAY8, kBt601, 0, "vs yuv/Y8_LimitedRange->RGBA8",
       true, {}, PixelFormat::Y8_LimitedRange},
      {"rgb24->rgba", AV_PIX_FMT_RGB24, -1, 1, "vs color/RGB_U8->RGBA8", false, ColorModel::RGB,
       {}},
      {"bgr24->rgba", AV_PIX_FMT_BGR24, -1, 1, "vs color/BGR_U8->RGBA8", false, ColorModel::BGR,
       {}},
      {"bgra->rgba", AV_PIX_FMT_BGRA, -1, 1, "vs color/BGRA_U8->RGBA8", false, ColorModel::BGRA,
       {}},
  };
  for (const Size size : BenchSizes()) {
    for (const SwsRow& row : rows) RegisterRow(row, size);
  }
  const unsigned v = swscale_version();  // the library that runs, not the headers
  static const std::string version = "swscale " + std::to_string(v >> 16) + "." +
                                     std::to_string((v >> 8) & 0xFF) + "." +
                                     std::to_string(v & 0xFF);
  return version.c_str();
}

}  // namespace pixconv_bench
