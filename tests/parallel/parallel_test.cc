// Multi-core conversion (pixconv/parallel.h): the band split, the pool, and that every
// parallel form writes exactly the bytes of the single-threaded Convert — for every layout,
// odd and even heights, 1..N threads, on every SIMD target.
#include <doctest/doctest.h>

#include <atomic>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/parallel.h"
#include "support/targets.h"

namespace pixconv {
namespace {

constexpr uint32_t kWidth = 67;
constexpr uint8_t kGuard = 0xA5;

// Every layout of the model: each datatype with each color model, then each pixel format.
std::vector<ImageFormat> AllLayouts(uint32_t width, uint32_t height) {
  std::vector<ImageFormat> formats;
  for (ChannelDatatype t : kAllDatatypes) {
    for (ColorModel m : kAllColorModels) formats.push_back(ImageFormat::Color(width, height, m, t));
  }
  for (PixelFormat f : kAllPixelFormats) formats.push_back(ImageFormat::Pixel(width, height, f));
  return formats;
}

// Random bytes in one exactly sized buffer: any bit pattern is a valid image (floats include
// NaN and infinities, which the Auto range skips).
struct RandomImage {
  std::vector<uint8_t> bytes;
  ImageView view;
};
RandomImage MakeRandomImage(const ImageFormat& format, std::mt19937_64& rng) {
  RandomImage img;
  Result<size_t> size = BufferSize(format);
  REQUIRE(size.ok());
  img.bytes.resize(*size);
  for (uint8_t& b : img.bytes) b = static_cast<uint8_t>(rng());
  Result<ImageView> view = MakeImageView(format, img.bytes.data(), img.bytes.size());
  REQUIRE(view.ok());
  img.view = *view;
  return img;
}

// A destination with 8 guard bytes after every row; compared whole, guards included.
struct Output {
  std::vector<uint8_t> bytes;
  size_t stride = 0;
  Output(const ImageFormat& f, OutputType to)
      : bytes(), stride(size_t{f.width} * BytesPerPixel(to) + 8) {
    bytes.assign(stride * f.height, kGuard);
  }
  OutputView view() { return OutputView{bytes.data(), bytes.size(), stride}; }
};

std::vector<ConvertOptions> OptionSets() {
  ConvertOptions rgba8;
  ConvertOptions f32;
  f32.to = OutputType::RGBAF32;
  f32.chroma = ChromaFilter::Bilinear;  // reads the chroma rows above and below a band's edge
  f32.order = ChannelOrder::BGRA;
  ConvertOptions depth;  // a range of [0, max], scanned in bands like Auto
  depth.range = RangeMode::Depth;
  depth.input_transfer = InputTransfer::Linear;
  return {rgba8, f32, depth};
}

std::string OptionsName(const ConvertOptions& o) {
  if (o.range == RangeMode::Depth) return "RGBA8, depth range";
  return o.to == OutputType::RGBA8 ? "RGBA8" : "RGBAF32, bilinear chroma, BGRA";
}

// Runs the tasks on the calling thread, last first: the order must not matter.
void RunBackwards(void*, uint32_t count, TaskFn task, void* task_data) {
  for (uint32_t i = count; i-- > 0;) task(task_data, i);
}

// A broken runner: drops the last task.
void RunAllButLast(void*, uint32_t count, TaskFn task, void* task_data) {
  for (uint32_t i = 0; i + 1 < count; ++i) task(task_data, i);
}

void CountCalls(void* calls, uint32_t, TaskFn, void*) { ++*static_cast<int*>(calls); }

TEST_CASE("Row bands tile the image, on even rows for 4:2:0") {
  for (const uint32_t height : {1u, 2u, 3u, 7u, 8u, 61u, 1080u, 2161u}) {
    for (const ImageFormat& f : AllLayouts(5, height)) {
      const uint32_t align = RowBandAlignment(f);
      const bool is_420 = f.pixel_format && (*f.pixel_format == PixelFormat::NV12 ||
                                             *f.pixel_format == PixelFormat::Y_U_V12_LimitedRange ||
                                             *f.pixel_format == PixelFormat::Y_U_V12_FullRange);
      CHECK(align == (is_420 ? 2u : 1u));
      for (const uint32_t bands : {1u, 2u, 3u, 4u, 7u, 16u, 5000u}) {
        INFO(Describe(f), " bands ", bands);
        REQUIRE(RowBandBegin(f, bands, 0) == 0);
        REQUIRE(RowBandBegin(f, bands, bands) == height);
        uint32_t largest = 0, smallest = height;
        for (uint32_t i = 0; i < bands; ++i) {
          const uint32_t b = RowBandBegin(f, bands, i), e = RowBandBegin(f, bands, i + 1);
          REQUIRE(b <= e);
          CHECK(b % align == 0);
          largest = std::max(largest, e - b);
          smallest = std::min(smallest, e - b);
        }
        // Even split: band sizes differ by at most one row group.
        CHECK(largest - smallest <= align);
      }
    }
  }
}

TEST_CASE("ThreadPool runs every task exactly once") {
  ThreadPool pool(4);
  CHECK(pool.threads() == 4);
  for (const uint32_t count : {0u, 1u, 2u, 3u, 5u, 64u, 1000u}) {
    for (const unsigned max_threads : {0u, 1u, 2u, 4u, 9u}) {
      std::vector<std::atomic<int>> hits(count);
      struct Data {
        std::vector<std::atomic<int>>* hits;
      } data{&hits};
      pool.Run(count, [](void* d, uint32_t i) { ++(*static_cast<Data*>(d)->hits)[i]; }, &data,
               max_threads);
      for (uint32_t i = 0; i < count; ++i) REQUIRE(hits[i].load() == 1);
    }
  }
  // Two threads sharing one pool take turns; neither loses tasks.
  std::atomic<int> total{0};
  auto add = [](void* t, uint32_t) { ++*static_cast<std::atomic<int>*>(t); };
  std::thread other([&] {
    for (int r = 0; r < 50; ++r) pool.Run(40, add, &total);
  });
  for (int r = 0; r < 50; ++r) pool.Run(40, add, &total);
  other.join();
  CHECK(total.load() == 2 * 50 * 40);
  CHECK(ThreadPool(1).threads() == 1);
  CHECK(ThreadPool(0).threads() >= 1);
}

TEST_CASE("Every parallel form writes the bytes of Convert") {
  std::mt19937_64 rng(8);
  ThreadPool pool(3);
  test::ForEachTarget([&](const char*) {
    // 1 and 2 rows: fewer rows than threads; 5: an odd 4:2:0 tail; 34: several rows a band.
    for (const uint32_t height : {1u, 2u, 5u, 34u}) {
      for (const ImageFormat& format : AllLayouts(kWidth, height)) {
        const RandomImage img = MakeRandomImage(format, rng);
        for (const ConvertOptions& opts : OptionSets()) {
          INFO(Describe(format), " ", OptionsName(opts));
          Output serial(format, opts.to);
          REQUIRE(Convert(img.view, serial.view(), opts).ok());
          for (const unsigned threads : {0u, 1u, 2u, 3u, 4u}) {
            CAPTURE(threads);
            Output out(format, opts.to);
            REQUIRE(ConvertParallel(img.view, out.view(), opts, threads).ok());
            REQUIRE(out.bytes == serial.bytes);
          }
          for (const uint32_t bands : {1u, 2u, 3u, 7u, 100u}) {
            CAPTURE(bands);
            Output backwards(format, opts.to);
            REQUIRE(ConvertWithRunner(img.view, backwards.view(), opts,
                                      TaskRunner{&RunBackwards, nullptr}, bands)
                        .ok());
            REQUIRE(backwards.bytes == serial.bytes);
            Output pooled(format, opts.to);
            REQUIRE(ConvertWithRunner(img.view, pooled.view(), opts, pool.runner(), bands).ok());
            REQUIRE(pooled.bytes == serial.bytes);
          }
        }
      }
    }
  });
}

TEST_CASE("Constant images: the bands' scan gives the range of the whole-image scan") {
  // All-zero samples: Auto gives [-1, 1] (or [0, 1] for floats), Depth the empty [0, 0],
  // which ConvertParallel must leave to the single-threaded plan.
  for (const ImageFormat& format : AllLayouts(kWidth, 9)) {
    RandomImage img;
    img.bytes.assign(*BufferSize(format), 0);
    img.view = *MakeImageView(format, img.bytes.data(), img.bytes.size());
    for (const ConvertOptions& opts : OptionSets()) {
      INFO(Describe(format), " ", OptionsName(opts));
      Output serial(format, opts.to), parallel(format, opts.to);
      REQUIRE(Convert(img.view, serial.view(), opts).ok());
      REQUIRE(ConvertParallel(img.view, parallel.view(), opts, 2).ok());
      CHECK(parallel.bytes == serial.bytes);
    }
  }
}

TEST_CASE("Parallel conversion rejects bad input before any band runs") {
  std::mt19937_64 rng(9);
  const ImageFormat format = ImageFormat::Pixel(64, 32, PixelFormat::NV12);
  const RandomImage img = MakeRandomImage(format, rng);
  Output out(format, OutputType::RGBA8);
  int calls = 0;
  const TaskRunner counting{&CountCalls, &calls};

  SUBCASE("a destination that is too small") {
    OutputView small = out.view();
    Result<size_t> needed = OutputSize(64, 32, OutputType::RGBA8, small.stride);
    REQUIRE(needed.ok());
    small.size = *needed - 1;
    const Status s = ConvertWithRunner(img.view, small, {}, counting, 4);
    CHECK(s.code() == StatusCode::kBufferTooSmall);
    CHECK(calls == 0);
    CHECK(ConvertParallel(img.view, small, {}, 2).code() == StatusCode::kBufferTooSmall);
  }
  SUBCASE("a null destination, a bad stride, bad options") {
    OutputView null_dst = out.view();
    null_dst.data = nullptr;
    CHECK(ConvertWithRunner(img.view, null_dst, {}, counting, 4).code() ==
          StatusCode::kInvalidArgument);
    OutputView narrow = out.view();
    narrow.stride = 64 * 4 - 1;
    CHECK(ConvertParallel(img.view, narrow, {}, 2).code() == StatusCode::kBadStride);
    ConvertOptions bad;
    bad.chroma = static_cast<ChromaFilter>(7);
    CHECK(ConvertParallel(img.view, out.view(), bad, 2).code() == StatusCode::kUnknownEnum);
    CHECK(calls == 0);
  }
  SUBCASE("an invalid source view") {
    ImageView broken = img.view;
    broken.planes[1].size = 10;
    CHECK(ConvertWithRunner(broken, out.view(), {}, counting, 4).code() ==
          StatusCode::kBufferTooSmall);
    CHECK(ConvertParallel(broken, out.view(), {}, 2).code() == StatusCode::kBufferTooSmall);
    CHECK(calls == 0);
  }
  SUBCASE("a null runner, zero bands") {
    CHECK(ConvertWithRunner(img.view, out.view(), {}, TaskRunner{}, 4).code() ==
          StatusCode::kInvalidArgument);
    CHECK(ConvertWithRunner(img.view, out.view(), {}, counting, 0).code() ==
          StatusCode::kInvalidArgument);
    CHECK(calls == 0);
  }
  SUBCASE("a runner that skips a task is reported") {
    const Status s =
        ConvertWithRunner(img.view, out.view(), {}, TaskRunner{&RunAllButLast, nullptr}, 4);
    CHECK(s.code() == StatusCode::kInvalidArgument);
    CHECK(s.message() == "task runner returned before running band 3 of 4");
  }
}

}  // namespace
}  // namespace pixconv
