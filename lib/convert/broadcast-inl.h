// Broadcast<D>: a constant that kernels keep in their parameter structs and use as a vector.
// On fixed-width targets it holds the vector (made once, before the row loop); SVE vectors
// are sizeless and can not be struct members, so there it holds the scalar and broadcasts it
// where it is used (the compiler hoists the broadcast out of the loop).

#if defined(PIXCONV_CONVERT_BROADCAST_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_BROADCAST_INL_H_
#undef PIXCONV_CONVERT_BROADCAST_INL_H_
#else
#define PIXCONV_CONVERT_BROADCAST_INL_H_
#endif

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <class D>
class Broadcast {
 public:
  using T = hn::TFromD<D>;
#if HWY_HAVE_SCALABLE
  explicit Broadcast(T value) : value_(value) {}
  HWY_INLINE hn::Vec<D> operator()() const { return hn::Set(D(), value_); }

 private:
  T value_;
#else
  explicit Broadcast(T value) : vec_(hn::Set(D(), value)) {}
  HWY_INLINE hn::Vec<D> operator()() const { return vec_; }

 private:
  hn::Vec<D> vec_;
#endif
};

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_BROADCAST_INL_H_
