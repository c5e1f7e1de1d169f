// Building the per-sample table of an 8-bit color-model plan (sample_table.h).
#include "convert/sample_table.h"

#include <atomic>
#include <cstring>
#include <memory>

#include "pixconv/model.h"

namespace pixconv::internal {
namespace {

std::atomic<SampleTablePolicy> g_policy{SampleTablePolicy::kAuto};

}  // namespace

void SetSampleTablePolicyForTest(SampleTablePolicy policy) {
  g_policy.store(policy, std::memory_order_relaxed);
}

bool UseSampleTable(const ConvertOptions& opts, const ColorKernelKey& key, Converter::Impl* impl) {
  const SampleTablePolicy policy = g_policy.load(std::memory_order_relaxed);
  if (policy == SampleTablePolicy::kNever) return false;
  const ChannelDatatype t = impl->format.datatype;
  if (t != ChannelDatatype::U8 && t != ChannelDatatype::I8) return false;
  // Premultiply multiplies two samples of a pixel: not a function of one byte.
  if (key.kernel != ColorKernel::kGeneral || opts.to != OutputType::RGBAF32 ||
      impl->color_params.premultiply) {
    return false;
  }
  const uint64_t pixels = uint64_t{impl->format.width} * impl->format.height;
  const bool curve = impl->color_params.decode_srgb || impl->color_params.encode_srgb;
  if (policy == SampleTablePolicy::kAuto && (pixels < kSampleTableMinPixels || !curve)) return false;
  const char* target = nullptr;
  const ColorRowFn row = SelectSampleTableRow(t, key.channels, key.swap_rb, &target);
  if (row == nullptr) return false;

  // Pixel v holds byte v in every channel; the planned kernel turns it into the color value
  // of v in R, G and B (R and B swap places with swap_rb, and hold the same value).
  constexpr size_t kValues = 256;
  const size_t channels = static_cast<size_t>(key.channels);
  alignas(64) uint8_t samples[kValues * 4];
  for (size_t v = 0; v < kValues; ++v) std::memset(samples + v * channels, static_cast<int>(v), channels);
  alignas(64) float pixels_out[kValues * 4];
  ColorRowParams build = impl->color_params;
  build.stream = false;
  impl->color_row(samples, reinterpret_cast<uint8_t*>(pixels_out), kValues, build);

  auto table = std::make_shared<SampleTable>();
  for (size_t v = 0; v < kValues; ++v) {
    uint32_t color;
    std::memcpy(&color, &pixels_out[4 * v + 1], 4);  // G: the same place for RGBA and BGRA
    for (int k = 0; k < 4; ++k) table->color[k][v] = static_cast<uint8_t>(color >> (8 * k));
  }
  impl->color_params.sample_table = table.get();
  impl->sample_table = std::move(table);
  impl->color_row = row;
  impl->target = target;
  return true;
}

}  // namespace pixconv::internal
