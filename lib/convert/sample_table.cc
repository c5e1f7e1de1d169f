// Building the per-sample table of an 8-bit color-model plan (sample_table.h).
#include "convert/sample_table.h"

#include <atomic>
#include <cstring>
#include <memory>

#include "pixconv/model.h"
#include "test_hooks.h"

namespace pixconv::internal {
namespace {

std::atomic<SampleTablePolicy> g_policy{SampleTablePolicy::kAuto};
std::atomic<uint64_t> g_chosen{0};

}  // namespace

void SetSampleTablePolicyForTest(SampleTablePolicy policy) {
  g_policy.store(policy, std::memory_order_relaxed);
}

uint64_t SampleTablesChosenForTest() { return g_chosen.load(std::memory_order_relaxed); }

bool UseSampleTable(const ConvertOptions& opts, const ColorKernelKey& key, Converter::Impl* impl) {
  const SampleTablePolicy policy = g_policy.load(std::memory_order_relaxed);
  if (policy == SampleTablePolicy::kNever) return false;
  const ChannelDatatype t = impl->format.datatype;
  if (t != ChannelDatatype::U8 && t != ChannelDatatype::I8) return false;
  // Premultiply multiplies two samples of a pixel: not a function of one byte.
  if (key.kernel != ColorKernel::kGeneral || impl->color_params.premultiply) return false;
  const bool f32 = opts.to == OutputType::RGBAF32;
  const uint64_t pixels = uint64_t{impl->format.width} * impl->format.height;
  const bool curve = impl->color_params.decode_srgb || impl->color_params.encode_srgb;
  if (policy == SampleTablePolicy::kAuto && (pixels < kSampleTableMinPixels || (f32 && !curve))) {
    return false;
  }
  const char* target = nullptr;
  const ColorRowFn row = SelectSampleTableRow(t, key.channels, key.swap_rb, opts.to, &target);
  if (row == nullptr) return false;

  // Pixel v holds byte v in every channel; the planned kernel turns it into the color value
  // of v in R, G and B (R and B swap places with swap_rb, and hold the same value) and, where
  // the model has alpha, the alpha value of v in A.
  constexpr size_t kValues = 256;
  const size_t channels = static_cast<size_t>(key.channels);
  alignas(64) uint8_t samples[kValues * 4];
  for (size_t v = 0; v < kValues; ++v) {
    std::memset(samples + v * channels, static_cast<int>(v), channels);
  }
  alignas(64) uint8_t pixels_out[kValues * 16];
  ColorRowParams build = impl->color_params;
  build.stream = false;
  impl->color_row(samples, pixels_out, kValues, build);

  auto table = std::make_shared<SampleTable>();
  for (size_t v = 0; v < kValues; ++v) {
    if (f32) {
      std::memcpy(table->pixel[v], pixels_out + 16 * v, 16);
      uint32_t color;
      std::memcpy(&color, pixels_out + 16 * v + 4, 4);  // G: the same place for RGBA and BGRA
      for (int k = 0; k < 4; ++k) table->color[k][v] = static_cast<uint8_t>(color >> (8 * k));
    } else {
      table->color8[v] = pixels_out[4 * v + 1];
      table->alpha8[v] = pixels_out[4 * v + 3];
    }
  }
  impl->color_params.sample_table = table.get();
  impl->sample_table = std::move(table);
  impl->color_row = row;
  impl->target = target;
  g_chosen.fetch_add(1, std::memory_order_relaxed);
  return true;
}

}  // namespace pixconv::internal
