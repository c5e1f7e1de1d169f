/* pixconv's C ABI: convert raw images of the Rerun image model, and JPEG / PNG files, to
 * RGBA8 or RGBA f32. For binding from C, Rust, Python and others; C++ callers may prefer
 * pixconv.hpp. Semantics: lib/README.md section 3; the C++ API (convert.h, decode.h, parallel.h)
 * documents each call in more detail.
 *
 *   pixconv_image image = {0};
 *   image.format.width = 1920;  image.format.height = 1080;
 *   image.format.pixel_format = PIXCONV_PIXEL_FORMAT_NV12;
 *   image.planes[0].data = bytes;  image.planes[0].size = num_bytes;   // one buffer
 *   pixconv_output out = {rgba, rgba_size, 0};                          // packed rows
 *   if (pixconv_convert(&image, &out, NULL) != PIXCONV_OK)
 *     fprintf(stderr, "%s\n", pixconv_last_error());
 *
 * Conventions:
 * - Every fallible call returns a pixconv_status; PIXCONV_OK is 0. pixconv_last_error() is
 *   the message of the calling thread's latest failed call ("" after a successful one).
 * - Nothing here throws, aborts or prints, and nothing allocates memory the caller must free:
 *   the caller owns every buffer. Should the library run out of memory (its error messages and
 *   decoders allocate), the call returns PIXCONV_ERROR_LIMIT_EXCEEDED instead of unwinding.
 * - Struct fields are fixed-width integers (enum values are stored in uint32_t fields);
 *   enum values are Rerun's numbers where Rerun defines them.
 * - Options structs begin with struct_size. Fill them with their *_init function, then set
 *   what you need: later versions append fields, and the library reads only the fields that
 *   the caller's struct_size covers (so old binaries keep working), with defaults for the rest.
 * - The whole API is thread-safe: calls on different images may run concurrently. */
#ifndef PIXCONV_PIXCONV_H_
#define PIXCONV_PIXCONV_H_

#include <stddef.h>
#include <stdint.h>

#include "pixconv/export.h"
#include "pixconv/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------------------- */

/* The version of the loaded library, encoded as PIXCONV_VERSION (major * 10000 + minor * 100
 * + patch), and as a string ("0.2.0"). */
PIXCONV_EXPORT uint32_t pixconv_version(void);
PIXCONV_EXPORT const char* pixconv_version_string(void);

/* ---- Status ---------------------------------------------------------------------------- */

/* The codes of pixconv::StatusCode (status.h), same numbers. */
typedef int32_t pixconv_status;
enum {
  PIXCONV_OK = 0,
  PIXCONV_ERROR_INVALID_ARGUMENT = 1, /* an option or argument that makes no sense; null */
  PIXCONV_ERROR_UNKNOWN_ENUM = 2,     /* a datatype / color model / pixel format value */
  PIXCONV_ERROR_BAD_DIMENSIONS = 3,   /* zero width or height, or above 2^24 */
  PIXCONV_ERROR_SIZE_OVERFLOW = 4,    /* size arithmetic would overflow size_t */
  PIXCONV_ERROR_BUFFER_TOO_SMALL = 5, /* a plane or destination shorter than needed */
  PIXCONV_ERROR_BAD_STRIDE = 6,       /* a row stride shorter than the packed row */
  PIXCONV_ERROR_MISMATCH = 7,         /* an image does not match what it is used with */
  PIXCONV_ERROR_UNSUPPORTED = 8,      /* valid input pixconv does not handle */
  PIXCONV_ERROR_CORRUPT_DATA = 9,     /* a truncated or malformed JPEG / PNG */
  PIXCONV_ERROR_LIMIT_EXCEEDED = 10,  /* above a caller-set limit (decompression bombs) */
  PIXCONV_ERROR_IO = 11               /* reading or writing a file failed */
};

/* The message of the calling thread's most recent failed pixconv call, e.g. "buffer too small:
 * NV12 1920x1080 needs 3110400 bytes, buffer has 3110000"; "" if that call succeeded. Valid
 * until the next pixconv call on this thread. Thread-local, so never torn by other threads. */
PIXCONV_EXPORT const char* pixconv_last_error(void);

/* A short stable name of a code ("buffer too small"); "unknown status" for other values. */
PIXCONV_EXPORT const char* pixconv_status_name(pixconv_status status);

/* ---- The image model (lib/README.md section 1; values are Rerun's) ------------------------------ */

enum {
  PIXCONV_DATATYPE_U8 = 6,
  PIXCONV_DATATYPE_I8 = 7,
  PIXCONV_DATATYPE_U16 = 8,
  PIXCONV_DATATYPE_I16 = 9,
  PIXCONV_DATATYPE_U32 = 10,
  PIXCONV_DATATYPE_I32 = 11,
  PIXCONV_DATATYPE_U64 = 12,
  PIXCONV_DATATYPE_I64 = 13,
  PIXCONV_DATATYPE_F16 = 33,
  PIXCONV_DATATYPE_F32 = 34,
  PIXCONV_DATATYPE_F64 = 35
};

enum {
  PIXCONV_COLOR_MODEL_L = 1,
  PIXCONV_COLOR_MODEL_RGB = 2,
  PIXCONV_COLOR_MODEL_RGBA = 3,
  PIXCONV_COLOR_MODEL_BGR = 4,
  PIXCONV_COLOR_MODEL_BGRA = 5
};

/* 0 is not a Rerun pixel format: it means "none, use color_model and datatype". */
enum {
  PIXCONV_PIXEL_FORMAT_NONE = 0,
  PIXCONV_PIXEL_FORMAT_Y_U_V12_LIMITED_RANGE = 20, /* I420 */
  PIXCONV_PIXEL_FORMAT_NV12 = 26,
  PIXCONV_PIXEL_FORMAT_YUY2 = 27,
  PIXCONV_PIXEL_FORMAT_Y8_FULL_RANGE = 30,
  PIXCONV_PIXEL_FORMAT_Y_U_V24_LIMITED_RANGE = 39, /* I444 */
  PIXCONV_PIXEL_FORMAT_Y_U_V24_FULL_RANGE = 40,
  PIXCONV_PIXEL_FORMAT_Y8_LIMITED_RANGE = 41,
  PIXCONV_PIXEL_FORMAT_Y_U_V12_FULL_RANGE = 44,
  PIXCONV_PIXEL_FORMAT_Y_U_V16_LIMITED_RANGE = 49, /* I422 */
  PIXCONV_PIXEL_FORMAT_Y_U_V16_FULL_RANGE = 50
};

typedef struct pixconv_image_format {
  uint32_t width;
  uint32_t height;
  uint32_t pixel_format;     /* PIXCONV_PIXEL_FORMAT_*; if not NONE it wins over the next two */
  uint32_t color_model;      /* PIXCONV_COLOR_MODEL_* (Rerun's default: L) */
  uint32_t channel_datatype; /* PIXCONV_DATATYPE_* (Rerun's default: U8) */
} pixconv_image_format;

/* `size` readable bytes at `data`, rows `stride` bytes apart (0 = packed rows). */
typedef struct pixconv_plane {
  const void* data;
  size_t size;
  size_t stride;
} pixconv_plane;

/* Caller memory holding an image, in one of two ways:
 * - one buffer: planes[0].data / size hold every plane one after another (as Rerun stores
 *   them) and planes[1].data is NULL; planes[p].stride is still plane p's row stride;
 * - separate planes (as video decoders hand them out): planes[p] for each plane of the
 *   format (Y, U, V; NV12: Y, UV). */
typedef struct pixconv_image {
  pixconv_image_format format;
  pixconv_plane planes[3];
} pixconv_image;

/* Caller-owned destination: `size` writable bytes, rows `stride` bytes apart (0 = packed:
 * width * 4 for RGBA8, width * 16 for RGBA f32). Rows need no alignment. */
typedef struct pixconv_output {
  void* data;
  size_t size;
  size_t stride;
} pixconv_output;

/* ---- Sizes and validation ------------------------------------------------------------------ */

/* Bytes of one buffer holding every plane of `format` with the given row strides (NULL or
 * zeros = packed rows): the size Rerun expects for packed rows. */
PIXCONV_EXPORT pixconv_status pixconv_buffer_size(const pixconv_image_format* format,
                                                  const size_t strides[3], size_t* size);

/* Bytes a destination of this shape needs (stride 0 = packed). */
PIXCONV_EXPORT pixconv_status pixconv_output_size(uint32_t width, uint32_t height,
                                                  uint32_t output_type, size_t stride,
                                                  size_t* size);

/* Checks an image: known enums, dimensions, non-null planes, strides and plane sizes. */
PIXCONV_EXPORT pixconv_status pixconv_validate_image(const pixconv_image* image);

/* ---- Conversion ------------------------------------------------------------------------ */

enum { PIXCONV_OUTPUT_RGBA8 = 0, PIXCONV_OUTPUT_RGBAF32 = 1 };
enum { PIXCONV_ORDER_RGBA = 0, PIXCONV_ORDER_BGRA = 1 };
enum {
  PIXCONV_RANGE_AUTO = 0,     /* the Rerun viewer's rule (data-dependent) */
  PIXCONV_RANGE_DATATYPE = 1, /* the datatype's full range; floats [0, 1] */
  PIXCONV_RANGE_EXPLICIT = 2, /* [range_lo, range_hi] */
  PIXCONV_RANGE_DEPTH = 3     /* [0, finite max] */
};
enum {
  PIXCONV_INPUT_TRANSFER_SRGB = 0,
  PIXCONV_INPUT_TRANSFER_LINEAR = 1,
  PIXCONV_INPUT_TRANSFER_AUTO = 2
};
enum {
  PIXCONV_OUTPUT_TRANSFER_DEFAULT = 0,
  PIXCONV_OUTPUT_TRANSFER_SRGB = 1,
  PIXCONV_OUTPUT_TRANSFER_LINEAR = 2
};
enum {
  PIXCONV_YUV_MATRIX_DEFAULT = 0,
  PIXCONV_YUV_MATRIX_BT601 = 1,
  PIXCONV_YUV_MATRIX_BT709 = 2,
  PIXCONV_YUV_MATRIX_BT2020 = 3
};
enum { PIXCONV_YUV_RANGE_DEFAULT = 0, PIXCONV_YUV_RANGE_LIMITED = 1, PIXCONV_YUV_RANGE_FULL = 2 };
enum { PIXCONV_CHROMA_NEAREST = 0, PIXCONV_CHROMA_BILINEAR = 1 };
/* Rerun's colormap numbers (lib/README.md 8). */
enum {
  PIXCONV_COLORMAP_NONE = 0,
  PIXCONV_COLORMAP_GRAYSCALE = 1,
  PIXCONV_COLORMAP_INFERNO = 2,
  PIXCONV_COLORMAP_MAGMA = 3,
  PIXCONV_COLORMAP_PLASMA = 4,
  PIXCONV_COLORMAP_TURBO = 5, /* the default for depth images */
  PIXCONV_COLORMAP_VIRIDIS = 6,
  PIXCONV_COLORMAP_CYAN_TO_YELLOW = 7,
  PIXCONV_COLORMAP_SPECTRAL = 8,
  PIXCONV_COLORMAP_TWILIGHT = 9
};

/* pixconv::ConvertOptions. Fill with pixconv_convert_options_init; new fields are appended. */
typedef struct pixconv_convert_options {
  uint32_t struct_size;     /* sizeof(pixconv_convert_options), set by the init function */
  uint32_t output_type;     /* PIXCONV_OUTPUT_RGBA8 (default) or PIXCONV_OUTPUT_RGBAF32 */
  uint32_t channel_order;   /* PIXCONV_ORDER_RGBA (default) or PIXCONV_ORDER_BGRA */
  uint32_t range_mode;      /* PIXCONV_RANGE_AUTO (default) ... */
  double range_lo;          /* PIXCONV_RANGE_EXPLICIT only: lo != hi; lo > hi inverts */
  double range_hi;
  uint32_t input_transfer;  /* PIXCONV_INPUT_TRANSFER_SRGB (default), ... */
  uint32_t output_transfer; /* _DEFAULT: sRGB for RGBA8, linear for RGBA f32 */
  uint32_t premultiply;     /* nonzero: RGB *= alpha after the transfer */
  uint32_t yuv_matrix;      /* PIXCONV_YUV_MATRIX_DEFAULT: the pixel format's own */
  uint32_t yuv_range;       /* PIXCONV_YUV_RANGE_DEFAULT: the pixel format's own */
  uint32_t chroma_filter;   /* PIXCONV_CHROMA_NEAREST (default) or _BILINEAR */
  uint32_t colormap;        /* L images only: PIXCONV_COLORMAP_NONE (default), _TURBO, ... */
  uint32_t segmentation;    /* L images only, nonzero: samples are class ids (see below) */
  /* With segmentation: class_color_count RGBA8 colors (sRGB, straight alpha), id i at bytes
   * [4i, 4i + 4). Ids the table does not cover get Rerun's automatic color; negative, NaN and
   * ids above 65535 are transparent black. The table is copied; it need not outlive the call. */
  const uint8_t* class_colors;
  size_t class_color_count;
  /* Appended in the struct's second version. RGBA f32 only: 0 keeps normalized values outside
   * [0, 1] (NaN still becomes 0, values saturate at +-FLT_MAX, the sRGB curves extend);
   * default 1. */
  uint32_t clamp;
} pixconv_convert_options;

/* Sets struct_size and every field to its default, writing no more than `struct_size` bytes
 * (the caller's sizeof(pixconv_convert_options)): the fields that fit, so that a binary built
 * against an older, shorter struct is never written past. Call it through the macro
 * pixconv_convert_options_init(options), which passes the size. */
PIXCONV_EXPORT void pixconv_convert_options_init_size(pixconv_convert_options* options,
                                                      size_t struct_size);
/* The first version's init, for binaries built before pixconv_convert_options_init_size: fills
 * the fields up to class_color_count. */
PIXCONV_EXPORT void pixconv_convert_options_init(pixconv_convert_options* options);
#define pixconv_convert_options_init(options) \
  pixconv_convert_options_init_size((options), sizeof(pixconv_convert_options))

/* Converts the whole image into `output`. options NULL = defaults. */
PIXCONV_EXPORT pixconv_status pixconv_convert(const pixconv_image* image,
                                              const pixconv_output* output,
                                              const pixconv_convert_options* options);

/* The same in row bands on pixconv's shared thread pool, `threads` threads including the
 * caller's (0 = hardware concurrency). Output identical to pixconv_convert's. */
PIXCONV_EXPORT pixconv_status pixconv_convert_parallel(const pixconv_image* image,
                                                       const pixconv_output* output,
                                                       const pixconv_convert_options* options,
                                                       uint32_t threads);

/* A caller's thread pool: `run` must call task(task_data, i) exactly once for each i in
 * [0, count), on any threads, and return after all have returned. */
typedef void (*pixconv_task_fn)(void* task_data, uint32_t index);
typedef struct pixconv_task_runner {
  void (*run)(void* runner_data, uint32_t count, pixconv_task_fn task, void* task_data);
  void* runner_data;
} pixconv_task_runner;

/* Converts in `bands` row bands (4:2:0 bands start on even rows), run as tasks of `runner`.
 * PIXCONV_ERROR_INVALID_ARGUMENT if the runner returns without running every task. */
PIXCONV_EXPORT pixconv_status pixconv_convert_with_runner(const pixconv_image* image,
                                                          const pixconv_output* output,
                                                          const pixconv_convert_options* options,
                                                          const pixconv_task_runner* runner,
                                                          uint32_t bands);

/* ---- Decoding JPEG and PNG (lib/README.md section 5) --------------------------------------------- */

enum { PIXCONV_CODEC_UNKNOWN = 0, PIXCONV_CODEC_JPEG = 1, PIXCONV_CODEC_PNG = 2 };

/* pixconv::DecodeOptions. Fill with pixconv_decode_options_init; new fields are appended. */
typedef struct pixconv_decode_options {
  uint32_t struct_size;    /* sizeof(pixconv_decode_options), set by the init function */
  uint32_t max_jpeg_scans; /* progressive JPEG scan limit (default 1000) */
  uint64_t max_pixels;     /* width * height limit, checked from the header (default 2^28) */
} pixconv_decode_options;

/* As pixconv_convert_options_init_size and pixconv_convert_options_init, for decode options. */
PIXCONV_EXPORT void pixconv_decode_options_init_size(pixconv_decode_options* options,
                                                     size_t struct_size);
PIXCONV_EXPORT void pixconv_decode_options_init(pixconv_decode_options* options);
#define pixconv_decode_options_init(options) \
  pixconv_decode_options_init_size((options), sizeof(pixconv_decode_options))

/* What a file holds, from its header: the image pixconv_decode_into writes (packed rows of
 * `format`; its pixel_format is always NONE) and the file's bits per sample. */
typedef struct pixconv_image_info {
  uint32_t codec; /* PIXCONV_CODEC_* */
  uint32_t bit_depth;
  pixconv_image_format format;
} pixconv_image_info;

/* options NULL = defaults in all three. */
PIXCONV_EXPORT pixconv_status pixconv_read_image_info(const void* data, size_t size,
                                                      const pixconv_decode_options* options,
                                                      pixconv_image_info* info);

/* Decodes into caller memory holding info.format (size from pixconv_buffer_size). */
PIXCONV_EXPORT pixconv_status pixconv_decode_into(const void* data, size_t size,
                                                  const pixconv_output* output,
                                                  const pixconv_decode_options* options);

/* Decodes and converts in one call; `output` holds pixconv_output_size(...) bytes. */
PIXCONV_EXPORT pixconv_status pixconv_decode_and_convert_into(
    const void* data, size_t size, const pixconv_output* output,
    const pixconv_convert_options* convert_options, const pixconv_decode_options* decode_options);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* PIXCONV_PIXCONV_H_ */
