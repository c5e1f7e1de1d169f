// PIXCONV_EXPORT marks the public API. The shared library is built with hidden visibility, so
// only what carries this mark is exported (its ABI is the public headers and nothing else);
// the static library and consumers see an ordinary declaration.
#ifndef PIXCONV_EXPORT_H_
#define PIXCONV_EXPORT_H_

#if defined(_WIN32) || defined(__CYGWIN__)
#define PIXCONV_EXPORT
#elif defined(__GNUC__) || defined(__clang__)
#define PIXCONV_EXPORT __attribute__((visibility("default")))
#else
#define PIXCONV_EXPORT
#endif

#endif  // PIXCONV_EXPORT_H_
