// Thread safety: many threads converting and decoding shared, read-only
// inputs at once — Convert, ConvertRows of shared Converter objects (also into one shared
// destination, disjoint bands per thread), ConvertParallel and ConvertWithRunner (concurrent
// calls share pools), the decode calls, and the C ABI's thread-local error message — every
// result compared with a single-threaded run.
//
// Written for ThreadSanitizer: tools/check builds and runs it in build-tsan/, where a data
// race anywhere in these paths fails the test. In the other builds it checks the results.
// The threads record mismatches in their own vectors; only the main thread asserts.
#include <doctest/doctest.h>

#include <barrier>
#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "decode/decode_test_util.h"
#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/parallel.h"
#include "pixconv/pixconv.h"

namespace pixconv {
namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 3;

// One conversion the threads share: a random image (any bit pattern is valid; floats include
// NaN and infinities) and options that reach a distinct planner path.
struct Job {
  std::string name;
  std::vector<uint8_t> bytes;
  ImageView view;
  ConvertOptions options;
  size_t output_size = 0;
  std::vector<uint8_t> expected;  // single-threaded Convert
};

const uint8_t kClassColors[16 * 4] = {0,   0,   0,   0,   255, 0,   0,   255, 0,   255, 0,
                                      255, 0,   0,   255, 255, 10,  20,  30,  128, 40,  50,
                                      60,  200, 70,  80,  90,  255, 1,   2,   3,   4};

std::vector<Job> MakeJobs() {
  struct Spec {
    const char* name;
    ImageFormat format;
    std::function<void(ConvertOptions&)> options;
  };
  const Spec specs[] = {
      {"RGB U8", ImageFormat::Color(97, 41, ColorModel::RGB, ChannelDatatype::U8),
       [](ConvertOptions&) {}},
      {"L U16 auto range to f32", ImageFormat::Color(640, 24, ColorModel::L, ChannelDatatype::U16),
       [](ConvertOptions& o) { o.to = OutputType::RGBAF32; }},
      {"RGBA F32 premultiplied BGRA", ImageFormat::Color(61, 33, ColorModel::RGBA, ChannelDatatype::F32),
       [](ConvertOptions& o) {
         o.premultiply = true;
         o.order = ChannelOrder::BGRA;
         o.input_transfer = InputTransfer::Auto;
       }},
      {"NV12 bilinear", ImageFormat::Pixel(98, 42, PixelFormat::NV12),
       [](ConvertOptions& o) { o.chroma = ChromaFilter::Bilinear; }},
      {"I420 full range to f32", ImageFormat::Pixel(97, 41, PixelFormat::Y_U_V12_FullRange),
       [](ConvertOptions& o) { o.to = OutputType::RGBAF32; }},
      {"YUY2", ImageFormat::Pixel(65, 17, PixelFormat::YUY2), [](ConvertOptions&) {}},
      {"L U8 turbo", ImageFormat::Color(97, 41, ColorModel::L, ChannelDatatype::U8),
       [](ConvertOptions& o) { o.colormap = Colormap::Turbo; }},
      {"L F16 depth viridis to f32", ImageFormat::Color(97, 41, ColorModel::L, ChannelDatatype::F16),
       [](ConvertOptions& o) {
         o.range = RangeMode::Depth;
         o.colormap = Colormap::Viridis;
         o.to = OutputType::RGBAF32;
       }},
      {"L U16 segmentation", ImageFormat::Color(97, 41, ColorModel::L, ChannelDatatype::U16),
       [](ConvertOptions& o) {
         o.segmentation = true;
         o.class_colors = ClassColors{kClassColors, 16};
       }},
  };
  std::vector<Job> jobs;
  std::mt19937_64 rng(4242);
  for (const Spec& spec : specs) {
    Job job;
    job.name = spec.name;
    job.bytes.resize(*BufferSize(spec.format));
    for (uint8_t& b : job.bytes) b = static_cast<uint8_t>(rng());
    if (spec.format.datatype == ChannelDatatype::U16 && !spec.format.pixel_format) {
      // Class ids and depth values in a small range, so the table and auto colors both show.
      for (size_t i = 1; i < job.bytes.size(); i += 2) job.bytes[i] = 0;
    }
    job.view = *MakeImageView(spec.format, job.bytes.data(), job.bytes.size());
    spec.options(job.options);
    job.output_size = *OutputSize(spec.format.width, spec.format.height, job.options.to);
    jobs.push_back(std::move(job));
  }
  return jobs;
}

// The jobs, built once; expected results filled by the first test that needs them.
std::vector<Job>& Jobs() {
  static std::vector<Job> jobs = MakeJobs();
  return jobs;
}

// Runs body(thread index) on kThreads threads released together by a barrier, so that the
// calls overlap as much as the machine allows.
void RunThreads(const std::function<void(int)>& body) {
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      body(t);
    });
  }
  for (std::thread& thread : threads) thread.join();
}

// Per-thread failure notes, reported by the main thread.
using Failures = std::vector<std::vector<std::string>>;

void Report(const Failures& failures) {
  size_t count = 0;
  for (const std::vector<std::string>& f : failures) {
    for (const std::string& message : f) {
      if (count++ < 20) MESSAGE(message);
    }
  }
  CHECK(count == 0);
}

void RunBackwards(void*, uint32_t count, TaskFn task, void* task_data) {
  for (uint32_t i = count; i-- > 0;) task(task_data, i);
}

void EnsureExpected() {
  for (Job& job : Jobs()) {
    if (!job.expected.empty()) continue;
    job.expected.assign(job.output_size, 0);
    REQUIRE(Convert(job.view, OutputView{job.expected.data(), job.output_size, 0}, job.options)
                .ok());
  }
}

// First in this file, so it runs first: the threads make the process's very first
// conversions at once (lazy initialization: SIMD dispatch, colormap tables, the shared pool),
// then every thread's result is compared with a single-threaded run.
TEST_CASE("cold start: the first conversions of the process, from every thread at once") {
  std::vector<Job>& jobs = Jobs();
  std::vector<std::vector<std::vector<uint8_t>>> out(kThreads);
  RunThreads([&](int t) {
    for (size_t j = 0; j < jobs.size(); ++j) {
      const Job& job = jobs[(j + t) % jobs.size()];
      std::vector<uint8_t> result(job.output_size);
      const OutputView dst{result.data(), result.size(), 0};
      const Status s = t % 2 ? ConvertParallel(job.view, dst, job.options, 2)
                             : Convert(job.view, dst, job.options);
      if (!s.ok()) result.clear();
      out[t].push_back(std::move(result));
    }
  });
  EnsureExpected();
  for (int t = 0; t < kThreads; ++t) {
    for (size_t j = 0; j < jobs.size(); ++j) {
      const Job& job = jobs[(j + t) % jobs.size()];
      INFO(job.name, " thread ", t);
      CHECK(out[t][j] == job.expected);
    }
  }
}

TEST_CASE("Convert, shared Converters, ConvertParallel and ConvertWithRunner at once") {
  EnsureExpected();
  const std::vector<Job>& jobs = Jobs();
  // Planned once, then used from every thread (ConvertRows is const and rows independent).
  std::vector<Converter> converters;
  for (const Job& job : jobs) converters.push_back(*Converter::Create(job.view, job.options));
  ThreadPool pool(3);  // shared by the threads' ConvertWithRunner calls, which take turns

  Failures failures(kThreads);
  RunThreads([&](int t) {
    for (int round = 0; round < kRounds; ++round) {
      for (size_t j = 0; j < jobs.size(); ++j) {
        const size_t index = (j + t + round) % jobs.size();
        const Job& job = jobs[index];
        std::vector<uint8_t> result(job.output_size, 0xA5);
        const OutputView dst{result.data(), result.size(), 0};
        Status s;
        const char* how = "";
        switch ((t + round) % 5) {
          case 0:
            how = "Convert";
            s = Convert(job.view, dst, job.options);
            break;
          case 1: {
            how = "shared Converter, 5-row bands";
            const uint32_t height = job.view.format.height;
            for (uint32_t y = 0; y < height && s.ok(); y += 6) {  // 6: even, for 4:2:0
              s = converters[index].ConvertRows(job.view, dst, y, std::min(height, y + 6));
            }
            break;
          }
          case 2:
            how = "ConvertParallel";
            s = ConvertParallel(job.view, dst, job.options, 2 + t % 3);
            break;
          case 3:
            how = "ConvertWithRunner on a shared pool";
            s = ConvertWithRunner(job.view, dst, job.options, pool.runner(), 7);
            break;
          case 4:
            how = "ConvertWithRunner on the calling thread";
            s = ConvertWithRunner(job.view, dst, job.options, TaskRunner{&RunBackwards, nullptr},
                                  5);
            break;
        }
        if (!s.ok()) {
          failures[t].push_back(job.name + ", " + how + ": " + s.ToString());
        } else if (result != job.expected) {
          failures[t].push_back(job.name + ", " + how + ": output differs from a serial run");
        }
      }
    }
  });
  Report(failures);
}

TEST_CASE("threads fill disjoint bands of one shared destination with one Converter") {
  EnsureExpected();
  for (const Job& job : Jobs()) {
    INFO(job.name);
    const Converter converter = *Converter::Create(job.view, job.options);
    std::vector<uint8_t> shared(job.output_size, 0xA5);
    const OutputView dst{shared.data(), shared.size(), 0};
    const uint32_t bands = 3 * kThreads;
    Failures failures(kThreads);
    RunThreads([&](int t) {
      for (uint32_t b = static_cast<uint32_t>(t); b < bands; b += kThreads) {
        const Status s = converter.ConvertRows(job.view, dst, RowBandBegin(job.view.format, bands, b),
                                               RowBandBegin(job.view.format, bands, b + 1));
        if (!s.ok()) failures[t].push_back(s.ToString());
      }
    });
    Report(failures);
    CHECK(shared == job.expected);
  }
}

// Encoded files every thread decodes: 16-bit RGBA and interlaced PNGs, baseline and
// arithmetic-coded JPEGs from the shared corpora, and a progressive JPEG encoded here.
struct EncodedFile {
  std::string name;
  std::vector<uint8_t> bytes;
  std::vector<uint8_t> decoded;   // Decode's pixels
  std::vector<uint8_t> rgba8;     // DecodeAndConvertInto, defaults (the codec writes RGBA)
  std::vector<uint8_t> rgbaf32;   // DecodeAndConvert to RGBA f32
};

std::vector<EncodedFile> EncodedFiles() {
  std::vector<EncodedFile> files;
  for (const char* path : {"pngsuite/png/basn6a16.png", "pngsuite/png/basi2c08.png",
                           "pngsuite/png/basn3p04.png", "libjpeg-turbo/testorig.jpg",
                           "libjpeg-turbo/testimgari.jpg"}) {
    files.push_back(EncodedFile{path, decode_test::ReadFile(decode_test::TestdataPath(path)), {}, {}, {}});
  }
  decode_test::JpegEncodeSpec spec;
  spec.width = 83;
  spec.height = 37;
  spec.progressive = true;
  files.push_back(EncodedFile{
      "progressive JPEG", decode_test::EncodeJpeg(spec, decode_test::SyntheticImage(83, 37, 3)), {}, {},
      {}});
  ConvertOptions f32;
  f32.to = OutputType::RGBAF32;
  for (EncodedFile& file : files) {
    INFO(file.name);
    REQUIRE(!file.bytes.empty());
    Result<DecodedImage> image = Decode(file.bytes.data(), file.bytes.size());
    REQUIRE(image.ok());
    file.decoded = image->pixels;
    file.rgba8.resize(*OutputSize(image->format.width, image->format.height, OutputType::RGBA8));
    REQUIRE(DecodeAndConvertInto(file.bytes.data(), file.bytes.size(),
                                 OutputView{file.rgba8.data(), file.rgba8.size(), 0})
                .ok());
    Result<DecodedImage> converted = DecodeAndConvert(file.bytes.data(), file.bytes.size(), f32);
    REQUIRE(converted.ok());
    file.rgbaf32 = converted->pixels;
  }
  return files;
}

TEST_CASE("decoding shared JPEG and PNG bytes from every thread at once") {
  const std::vector<EncodedFile> files = EncodedFiles();
  ConvertOptions f32;
  f32.to = OutputType::RGBAF32;
  Failures failures(kThreads);
  RunThreads([&](int t) {
    for (int round = 0; round < kRounds; ++round) {
      for (size_t i = 0; i < files.size(); ++i) {
        const EncodedFile& file = files[(i + t) % files.size()];
        const uint8_t* bytes = file.bytes.data();
        const size_t size = file.bytes.size();
        Result<ImageInfo> info = ReadImageInfo(bytes, size);
        Result<DecodedImage> image = Decode(bytes, size);
        if (!info.ok() || !image.ok() || image->pixels != file.decoded) {
          failures[t].push_back(file.name + ": ReadImageInfo / Decode differ from a serial run");
          continue;
        }
        std::vector<uint8_t> rgba8(file.rgba8.size());
        const Status s =
            DecodeAndConvertInto(bytes, size, OutputView{rgba8.data(), rgba8.size(), 0});
        if (!s.ok() || rgba8 != file.rgba8) {
          failures[t].push_back(file.name + ": DecodeAndConvertInto differs from a serial run");
        }
        std::vector<uint8_t> model(file.decoded.size());
        if (!DecodeInto(bytes, size, OutputView{model.data(), model.size(), 0}).ok() ||
            model != file.decoded) {
          failures[t].push_back(file.name + ": DecodeInto differs from a serial run");
        }
        Result<DecodedImage> converted = DecodeAndConvert(bytes, size, f32);
        if (!converted.ok() || converted->pixels != file.rgbaf32) {
          failures[t].push_back(file.name + ": DecodeAndConvert differs from a serial run");
        }
      }
    }
  });
  Report(failures);
}

TEST_CASE("C ABI: each thread sees its own last error") {
  Failures failures(kThreads);
  RunThreads([&](int t) {
    std::vector<uint8_t> pixels(4 * 16, 0);
    std::vector<uint8_t> rgba(4 * 16);
    for (int round = 0; round < 50; ++round) {
      // Too short a buffer for a width only this thread uses: the message names the width.
      const uint32_t width = 1000 + static_cast<uint32_t>(t);
      pixconv_image bad = {};
      bad.format.width = width;
      bad.format.height = 1;
      bad.format.color_model = PIXCONV_COLOR_MODEL_RGBA;
      bad.format.channel_datatype = PIXCONV_DATATYPE_U8;
      bad.planes[0].data = pixels.data();
      bad.planes[0].size = pixels.size();
      const pixconv_output out = {rgba.data(), rgba.size(), 0};
      if (pixconv_convert(&bad, &out, nullptr) != PIXCONV_ERROR_BUFFER_TOO_SMALL) {
        failures[t].push_back("the short buffer was not refused");
      } else if (std::string(pixconv_last_error()).find(std::to_string(width)) ==
                 std::string::npos) {
        failures[t].push_back(std::string("another thread's error: ") + pixconv_last_error());
      }
      pixconv_image good = bad;
      good.format.width = 16;
      if (pixconv_convert(&good, &out, nullptr) != PIXCONV_OK || pixconv_last_error()[0] != 0) {
        failures[t].push_back(std::string("a good call left an error: ") + pixconv_last_error());
      }
    }
  });
  Report(failures);
}

}  // namespace
}  // namespace pixconv
