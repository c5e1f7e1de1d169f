// libyuv rows: for each pixconv 8-bit conversion, the libyuv call that does the same work on
// the same bytes. Built only with -DPIXCONV_HAVE_LIBYUV.
//
// Name: libyuv/<Function>[:<YuvConstants>]/<WxH>; the label names the pixconv counterpart.
//
// libyuv names formats in register order (a pixel read as a little-endian integer), pixconv
// in memory order. In memory: RGB24 = B,G,R; RAW = R,G,B; ARGB = B,G,R,A; ABGR = R,G,B,A. So
// pixconv's RGBA8 output is libyuv's ABGR, and the byte-for-byte counterparts are:
//
//   pixconv                            libyuv                                  bytes
//   color/L_U8->RGBA8                  J400ToARGB                              same
//   color/RGB_U8->RGBA8                RGB24ToARGB (x,y,z -> x,y,z,255)        same
//   color/BGR_U8->RGBA8                RAWToARGB   (x,y,z -> z,y,x,255)        same
//   color/RGBA_U8->RGBA8               ARGBCopy                                same
//   color/BGRA_U8->RGBA8               ARGBToABGR  (swaps bytes 0 and 2)       same
//   yuv/Y_U_V12_*Range->RGBA8          I420ToARGBMatrix, U/V swapped, kYvu{H,F}709Constants
//   yuv/Y_U_V16_*Range->RGBA8          I422ToARGBMatrix, likewise
//   yuv/Y_U_V24_*Range->RGBA8          I444ToARGBMatrix, likewise
//   yuv/NV12->RGBA8                    NV12ToABGR (BT.601 limited)             same
//   yuv/YUY2->RGBA8                    YUY2ToARGB (BT.601 limited)             B,G,R,A order
//   yuv/Y8_FullRange->RGBA8            J400ToARGB (the L_U8 row: same work)    same
//   yuv/Y8_LimitedRange->RGBA8         I400ToARGB                              same
//
// RGB24ToABGR / RAWToABGR do not exist (libyuv 1857); RAWToRGBA writes A,B,G,R bytes, so it
// is not a counterpart. libyuv has no I420ToABGRMatrix function either: "ABGR with matrix M"
// is the ARGB function with the U and V planes swapped and M's mirrored kYvu* constants,
// which is how libyuv itself implements I420ToABGR and its NV12ToABGRMatrix macro. YUY2 has
// no ABGR variant and no Matrix variant; its row writes B,G,R,A, the same amount of work.
// libyuv has no float output, so there are no ->RGBAF32 counterparts.
#include <libyuv.h>

#include <string>

#include "bench_util.h"
#include "register.h"

namespace pixconv_bench {
namespace {

using pixconv::ColorModel;
using pixconv::PixelFormat;

// One interleaved 8-bit image in, RGBA (or BGRA) 8 out.
using PackedFn = int (*)(const uint8_t* src, int src_stride, uint8_t* dst, int dst_stride,
                         int width, int height);

struct PackedRow {
  const char* function;
  const char* counterpart;
  bool from_yuv;           // the input is the pixel-format image, else the color-model U8 one
  ColorModel model;        // when !from_yuv
  PixelFormat format;      // when from_yuv
  PackedFn fn;
};

// Calls libyuv's three-plane ARGB matrix function with U and V swapped, so that it writes
// R,G,B,A bytes ("ABGR"); `constants` are the mirrored kYvu* ones.
using PlanarMatrixFn = int (*)(const uint8_t* y, int y_stride, const uint8_t* u, int u_stride,
                               const uint8_t* v, int v_stride, uint8_t* dst, int dst_stride,
                               const libyuv::YuvConstants* constants, int width, int height);

struct PlanarRow {
  const char* function;
  const char* constants_name;
  PixelFormat format;
  PlanarMatrixFn fn;
  const libyuv::YuvConstants* constants;
};

std::string Failed(const char* function) { return std::string("libyuv ") + function + " failed"; }

void RegisterPacked(const PackedRow& row, Size size) {
  const std::string name = std::string("libyuv/") + row.function + "/" + SizeName(size);
  benchmark::RegisterBenchmark(name.c_str(), [row, size](benchmark::State& state) {
    state.SetLabel(row.counterpart);
    const pixconv::ChannelDatatype u8 = pixconv::ChannelDatatype::U8;
    const Buffer& src =
        row.from_yuv ? YuvImage(row.format, size) : ColorImage(row.model, u8, size);
    const int channels = row.from_yuv ? (row.format == PixelFormat::YUY2 ? 2 : 1)
                                      : pixconv::ChannelCount(row.model);
    const int w = static_cast<int>(size.width);
    const int h = static_cast<int>(size.height);
    RunPeer(state, size, src, size.pixels() * 4, [&](const uint8_t* in, uint8_t* out) {
      return row.fn(in, w * channels, out, 4 * w, w, h) == 0 ? std::string()
                                                              : Failed(row.function);
    });
  })->Unit(benchmark::kMicrosecond);
}

void RegisterPlanar(const PlanarRow& row, Size size) {
  const std::string name = std::string("libyuv/") + row.function + ":" + row.constants_name +
                           "/" + SizeName(size);
  benchmark::RegisterBenchmark(name.c_str(), [row, size](benchmark::State& state) {
    state.SetLabel("vs yuv/" + std::string(pixconv::Name(row.format)) + "->RGBA8 (same bytes)");
    const Buffer& src = YuvImage(row.format, size);
    const int w = static_cast<int>(size.width);
    const int h = static_cast<int>(size.height);
    RunPeer(state, size, src, size.pixels() * 4, [&](const uint8_t* in, uint8_t* out) {
      const Planes p = YuvPlanes(row.format, size, in);
      // U and V swapped: with the kYvu* constants the output is R,G,B,A bytes.
      const int r = row.fn(p.data[0], p.stride[0], p.data[2], p.stride[2], p.data[1],
                           p.stride[1], out, 4 * w, row.constants, w, h);
      return r == 0 ? std::string() : Failed(row.function);
    });
  })->Unit(benchmark::kMicrosecond);
}

void RegisterNv12(Size size) {
  const std::string name = "libyuv/NV12ToABGR/" + SizeName(size);
  benchmark::RegisterBenchmark(name.c_str(), [size](benchmark::State& state) {
    state.SetLabel("vs yuv/NV12->RGBA8 (same bytes)");
    const Buffer& src = YuvImage(PixelFormat::NV12, size);
    const int w = static_cast<int>(size.width);
    const int h = static_cast<int>(size.height);
    RunPeer(state, size, src, size.pixels() * 4, [&](const uint8_t* in, uint8_t* out) {
      const Planes p = YuvPlanes(PixelFormat::NV12, size, in);
      const int r =
          libyuv::NV12ToABGR(p.data[0], p.stride[0], p.data[1], p.stride[1], out, 4 * w, w, h);
      return r == 0 ? std::string() : Failed("NV12ToABGR");
    });
  })->Unit(benchmark::kMicrosecond);
}

// libyuv's most common call, I420ToABGR (BT.601 limited), to show the Matrix route above
// costs the same.
void RegisterI420Default(Size size) {
  const std::string name = "libyuv/I420ToABGR/" + SizeName(size);
  benchmark::RegisterBenchmark(name.c_str(), [size](benchmark::State& state) {
    state.SetLabel("vs yuv/Y_U_V12_LimitedRange->RGBA8 (BT.601, not 709)");
    const Buffer& src = YuvImage(PixelFormat::Y_U_V12_LimitedRange, size);
    const int w = static_cast<int>(size.width);
    const int h = static_cast<int>(size.height);
    RunPeer(state, size, src, size.pixels() * 4, [&](const uint8_t* in, uint8_t* out) {
      const Planes p = YuvPlanes(PixelFormat::Y_U_V12_LimitedRange, size, in);
      const int r = libyuv::I420ToABGR(p.data[0], p.stride[0], p.data[1], p.stride[1],
                                       p.data[2], p.stride[2], out, 4 * w, w, h);
      return r == 0 ? std::string() : Failed("I420ToABGR");
    });
  })->Unit(benchmark::kMicrosecond);
}

}  // namespace

const char* RegisterLibyuvBenchmarks() {
  const PackedRow packed[] = {
      {"J400ToARGB", "vs color/L_U8->RGBA8, yuv/Y8_FullRange->RGBA8 (same bytes)", false,
       ColorModel::L, {}, libyuv::J400ToARGB},
      {"RGB24ToARGB", "vs color/RGB_U8->RGBA8 (same bytes)", false, ColorModel::RGB, {},
       libyuv::RGB24ToARGB},
      {"RAWToARGB", "vs color/BGR_U8->RGBA8 (same bytes)", false, ColorModel::BGR, {},
       libyuv::RAWToARGB},
      {"ARGBCopy", "vs color/RGBA_U8->RGBA8 (same bytes)", false, ColorModel::RGBA, {},
       libyuv::ARGBCopy},
      {"ARGBToABGR", "vs color/BGRA_U8->RGBA8 (same bytes)", false, ColorModel::BGRA, {},
       libyuv::ARGBToABGR},
      {"YUY2ToARGB", "vs yuv/YUY2->RGBA8 (B,G,R,A order)", true, {}, PixelFormat::YUY2,
       libyuv::YUY2ToARGB},
      {"I400ToARGB", "vs yuv/Y8_LimitedRange->RGBA8 (same bytes)", true, {},
       PixelFormat::Y8_LimitedRange, libyuv::I400ToARGB},
  };
  const PlanarRow planar[] = {
      {"I420ToARGBMatrix", "kYvuH709Constants", PixelFormat::Y_U_V12_LimitedRange,
       libyuv::I420ToARGBMatrix, &libyuv::kYvuH709Constants},
      {"I420ToARGBMatrix", "kYvuF709Constants", PixelFormat::Y_U_V12_FullRange,
       libyuv::I420ToARGBMatrix, &libyuv::kYvuF709Constants},
      {"I422ToARGBMatrix", "kYvuH709Constants", PixelFormat::Y_U_V16_LimitedRange,
       libyuv::I422ToARGBMatrix, &libyuv::kYvuH709Constants},
      {"I422ToARGBMatrix", "kYvuF709Constants", PixelFormat::Y_U_V16_FullRange,
       libyuv::I422ToARGBMatrix, &libyuv::kYvuF709Constants},
      {"I444ToARGBMatrix", "kYvuH709Constants", PixelFormat::Y_U_V24_LimitedRange,
       libyuv::I444ToARGBMatrix, &libyuv::kYvuH709Constants},
      {"I444ToARGBMatrix", "kYvuF709Constants", PixelFormat::Y_U_V24_FullRange,
       libyuv::I444ToARGBMatrix, &libyuv::kYvuF709Constants},
  };
  for (const Size size : BenchSizes()) {
    for (const PackedRow& row : packed) RegisterPacked(row, size);
    for (const PlanarRow& row : planar) RegisterPlanar(row, size);
    RegisterNv12(size);
    RegisterI420Default(size);
  }
  static const std::string version = "libyuv " + std::to_string(LIBYUV_VERSION);
  return version.c_str();
}

}  // namespace pixconv_bench
