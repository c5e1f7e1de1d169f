// Building the per-value pixel table of a colormap or segmentation plan (value_table.h).
#include "convert/value_table.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "pixconv/model.h"
#include "test_hooks.h"

namespace pixconv::internal {
namespace {

std::atomic<ValueTablePolicy> g_policy{ValueTablePolicy::kAuto};

}  // namespace

bool ValueTableSpan(ChannelDatatype t, bool segmentation, double lo, double hi, int32_t* first,
                    int32_t* last) {
  if (IsFloat(t) || BytesPerSample(t) > 2) return false;
  double tmin, tmax;
  DatatypeRange(t, &tmin, &tmax);
  double a = tmin, b = tmax;
  if (!segmentation) {
    a = std::clamp(std::floor(std::min(lo, hi)) - 1.0, tmin, tmax);
    b = std::clamp(std::ceil(std::max(lo, hi)) + 1.0, tmin, tmax);
  }
  *first = static_cast<int32_t>(a);
  *last = static_cast<int32_t>(b);
  return true;
}

void SetValueTablePolicyForTest(ValueTablePolicy policy) {
  g_policy.store(policy, std::memory_order_relaxed);
}

bool UseValueTable(const ConvertOptions& opts, Converter::Impl* impl) {
  const ValueTablePolicy policy = g_policy.load(std::memory_order_relaxed);
  if (policy == ValueTablePolicy::kNever) return false;
  if (opts.to != OutputType::RGBA8 || (opts.colormap == Colormap::None && !opts.segmentation)) {
    return false;
  }
  const ChannelDatatype t = impl->format.datatype;
  int32_t first, last;
  if (!ValueTableSpan(t, opts.segmentation, impl->range_lo, impl->range_hi, &first, &last)) return false;
  const size_t span = static_cast<size_t>(last - first) + 1;
  const uint64_t pixels = uint64_t{impl->format.width} * impl->format.height;
  if (policy == ValueTablePolicy::kAuto && span > pixels / 2) return false;
  const char* target = nullptr;
  const ColorRowFn row = SelectValueTableRow(t, &target);
  if (row == nullptr) return false;

  // Every value of the span, encoded as the image's samples, through the planned kernel
  // (cached stores: the table is small and read right after).
  auto table = std::make_shared<std::vector<uint32_t>>(span);
  ColorRowParams build = impl->color_params;
  build.stream = false;
  constexpr size_t kChunk = 1024;
  alignas(64) uint8_t samples[kChunk * 2];
  const size_t sample_bytes = static_cast<size_t>(BytesPerSample(t));
  for (size_t i = 0; i < span; i += kChunk) {
    const size_t n = std::min(kChunk, span - i);
    for (size_t k = 0; k < n; ++k) {
      // Two's complement: the low bits of the value are the I8 / I16 sample's bits.
      const uint16_t bits = static_cast<uint16_t>(first + static_cast<int32_t>(i + k));
      if (sample_bytes == 1) {
        samples[k] = static_cast<uint8_t>(bits);
      } else {
        std::memcpy(samples + 2 * k, &bits, 2);
      }
    }
    impl->color_row(samples, reinterpret_cast<uint8_t*>(table->data() + i), n, build);
  }
  impl->color_params.value_table = table->data();
  impl->color_params.table_first = first;
  impl->color_params.table_last = last;
  impl->value_table = std::move(table);
  impl->color_row = row;
  impl->target = target;
  return true;
}

}  // namespace pixconv::internal
