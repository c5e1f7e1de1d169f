// The limit of the checked size arithmetic (checked_math.h).
#include "format/checked_math.h"

#include "test_hooks.h"

namespace pixconv::internal {

std::atomic<size_t> size_limit{SIZE_MAX};

void SetSizeLimitForTest(size_t limit) {
  size_limit.store(limit == 0 ? SIZE_MAX : limit, std::memory_order_relaxed);
}

}  // namespace pixconv::internal
