// OpenCV rows, single threaded (cv::setNumThreads(1)). Built only with -DPIXCONV_HAVE_OPENCV.
//
// Name: opencv/cvtColor_<code>/<WxH> and opencv/convertTo_<type>C4->32FC4/<WxH>; the label
// names the pixconv counterpart.
//
// - cvtColor GRAY2RGBA / RGB2RGBA / BGR2RGBA / BGRA2RGBA on U8: the ->RGBA8 counterparts.
// - Mat::convertTo(CV_32F, 1/(hi-lo), -lo/(hi-lo)) on a 4-channel image: the ->RGBAF32
//   counterpart for each datatype OpenCV has (no 64-bit integers, no U32). It only scales, so
//   compare it with pixconv's RGBA_<T>->RGBAF32/range:datatype/transfer:none row, not with
//   the default (linear output) row, which also decodes sRGB.
// - cvtColor YUV2RGBA_NV12 / _I420 / _YUY2: OpenCV's YUV conversions are BT.601 limited range
//   only; for I420 pixconv's default is BT.709 (same work, other coefficients). OpenCV has no
//   planar 4:2:2 or 4:4:4 input.
#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <string>

#include "bench_util.h"
#include "register.h"

namespace pixconv_bench {
namespace {

using pixconv::ChannelDatatype;
using pixconv::ColorModel;
using pixconv::PixelFormat;

// cv::Mat headers over our buffers. cvtColor and convertTo keep a destination that already
// has the right size and type, so they write straight into the output buffer; the check
// below makes sure they did (otherwise the row would time an allocation and a copy).
std::string Check(const cv::Mat& dst, const uint8_t* out) {
  return dst.data == out ? std::string() : std::string("opencv reallocated the destination");
}

std::string RunCvtColor(const cv::Mat& src, uint8_t* out, Size size, int code) {
  cv::Mat dst(static_cast<int>(size.height), static_cast<int>(size.width), CV_8UC4, out);
  try {
    cv::cvtColor(src, dst, code);
  } catch (const cv::Exception& e) {
    return e.what();
  }
  return Check(dst, out);
}

struct CvtRow {
  const char* code_name;
  int code;
  const char* counterpart;
  bool from_yuv;
  ColorModel model;     // !from_yuv: the color-model U8 image
  PixelFormat format;   // from_yuv
};

void RegisterCvtColor(const CvtRow& row, Size size) {
  const std::string name = std::string("opencv/cvtColor_") + row.code_name + "/" + SizeName(size);
  benchmark::RegisterBenchmark(name.c_str(), [row, size](benchmark::State& state) {
    state.SetLabel(row.counterpart);
    const Buffer& src = row.from_yuv ? YuvImage(row.format, size)
                                     : ColorImage(row.model, ChannelDatatype::U8, size);
    const int w = static_cast<int>(size.width);
    const int h = static_cast<int>(size.height);
    int rows = h;
    int type = CV_8UC(row.from_yuv ? 1 : pixconv::ChannelCount(row.model));
    if (row.from_yuv && row.format == PixelFormat::YUY2) type = CV_8UC2;
    if (row.from_yuv && row.format != PixelFormat::YUY2) rows = h * 3 / 2;  // Y then chroma
    RunPeer(state, size, src, size.pixels() * 4, [&](const uint8_t* in, uint8_t* out) {
      const cv::Mat mat(rows, w, type, const_cast<uint8_t*>(in));
      return RunCvtColor(mat, out, size, row.code);
    });
  })->Unit(benchmark::kMicrosecond);
}

int CvDepth(ChannelDatatype type) {
  switch (type) {
    case ChannelDatatype::U8: return CV_8U;
    case ChannelDatatype::I8: return CV_8S;
    case ChannelDatatype::U16: return CV_16U;
    case ChannelDatatype::I16: return CV_16S;
    case ChannelDatatype::I32: return CV_32S;
    case ChannelDatatype::F16: return CV_16F;
    case ChannelDatatype::F32: return CV_32F;
    case ChannelDatatype::F64: return CV_64F;
    default: return -1;  // U32, U64, I64: no OpenCV type
  }
}

void RegisterConvertTo(ChannelDatatype type, Size size) {
  const std::string type_name = cv::typeToString(CV_MAKETYPE(CvDepth(type), 4));  // "CV_16UC4"
  const std::string name = "opencv/convertTo_" + type_name.substr(3) + "->32FC4/" + SizeName(size);
  benchmark::RegisterBenchmark(name.c_str(), [type, size](benchmark::State& state) {
    state.SetLabel("vs color/RGBA_" + std::string(pixconv::Name(type)) +
                   "->RGBAF32/range:datatype/transfer:none");
    const Buffer& src = ColorImage(ColorModel::RGBA, type, size);
    double lo, hi;
    pixconv::DatatypeRange(type, &lo, &hi);
    const double scale = 1.0 / (hi - lo);
    const int w = static_cast<int>(size.width);
    const int h = static_cast<int>(size.height);
    RunPeer(state, size, src, size.pixels() * 16, [&](const uint8_t* in, uint8_t* out) {
      const cv::Mat mat(h, w, CV_MAKETYPE(CvDepth(type), 4), const_cast<uint8_t*>(in));
      cv::Mat dst(h, w, CV_32FC4, out);
      try {
        mat.convertTo(dst, CV_32F, scale, -lo * scale);
      } catch (const cv::Exception& e) {
        return std::string(e.what());
      }
      return Check(dst, out);
    });
  })->Unit(benchmark::kMicrosecond);
}

}  // namespace

const char* RegisterOpenCvBenchmarks() {
  cv::setNumThreads(1);  // single thread, like every other row
  const CvtRow cvt[] = {
      {"GRAY2RGBA", cv::COLOR_GRAY2RGBA, "vs color/L_U8->RGBA8", false, ColorModel::L, {}},
      {"RGB2RGBA", cv::COLOR_RGB2RGBA, "vs color/RGB_U8->RGBA8", false, ColorModel::RGB, {}},
      {"BGR2RGBA", cv::COLOR_BGR2RGBA, "vs color/BGR_U8->RGBA8", false, ColorModel::BGR, {}},
      {"BGRA2RGBA", cv::COLOR_BGRA2RGBA, "vs color/BGRA_U8->RGBA8", false, ColorModel::BGRA, {}},
      {"YUV2RGBA_NV12", cv::COLOR_YUV2RGBA_NV12, "vs yuv/NV12->RGBA8", true, {},
       PixelFormat::NV12},
      {"YUV2RGBA_I420", cv::COLOR_YUV2RGBA_I420,
       "vs yuv/Y_U_V12_LimitedRange->RGBA8 (BT.601, not 709)", true, {},
       PixelFormat::Y_U_V12_LimitedRange},
      {"YUV2RGBA_YUY2", cv::COLOR_YUV2RGBA_YUY2, "vs yuv/YUY2->RGBA8", true, {},
       PixelFormat::YUY2},
  };
  for (const Size size : BenchSizes()) {
    for (const CvtRow& row : cvt) RegisterCvtColor(row, size);
    for (const ChannelDatatype type : pixconv::kAllDatatypes) {
      if (CvDepth(type) >= 0) RegisterConvertTo(type, size);
    }
  }
  static const std::string version = std::string("OpenCV ") + CV_VERSION +
                                     (cv::ipp::useIPP() ? " (IPP on)" : " (no IPP)") +
                                     ", threads " + std::to_string(cv::getNumThreads());
  return version.c_str();
}

}  // namespace pixconv_bench
