/* The C ABI from C: compiled as C11 with -Wall -Wextra -Werror and linked against the shared
 * library, so it also proves that pixconv.h is plain C and that its symbols are exported.
 * Usage: capi_test PNG_FILE JPEG_FILE. A failed check prints its line and the library's last
 * message; the exit status is the number of failures. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pixconv/pixconv.h"

static int failures = 0;

#define CHECK(cond)                                                                      \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: \"%s\"\n", __FILE__, __LINE__, \
              #cond, pixconv_last_error());                                              \
      ++failures;                                                                        \
    }                                                                                    \
  } while (0)

static unsigned char* ReadFile(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  unsigned char* bytes = NULL;
  long n;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
    bytes = (unsigned char*)malloc((size_t)n);
    if (bytes != NULL && fread(bytes, 1, (size_t)n, f) != (size_t)n) {
      free(bytes);
      bytes = NULL;
    }
    *size = (size_t)n;
  }
  fclose(f);
  return bytes;
}

static void TestVersionAndStatus(void) {
  CHECK(pixconv_version() == PIXCONV_VERSION);
  CHECK(PIXCONV_VERSION ==
        PIXCONV_VERSION_MAJOR * 10000 + PIXCONV_VERSION_MINOR * 100 + PIXCONV_VERSION_PATCH);
  CHECK(strcmp(pixconv_version_string(), PIXCONV_VERSION_STRING) == 0);
  CHECK(strcmp(pixconv_status_name(PIXCONV_OK), "ok") == 0);
  CHECK(strcmp(pixconv_status_name(PIXCONV_ERROR_BUFFER_TOO_SMALL), "buffer too small") == 0);
  CHECK(strcmp(pixconv_status_name(PIXCONV_ERROR_IO), "i/o error") == 0);
  CHECK(strcmp(pixconv_status_name(-1), "unknown status") == 0);
  CHECK(strcmp(pixconv_status_name(12), "unknown status") == 0);
}

static void TestSizes(void) {
  pixconv_image_format nv12 = {1920, 1080, PIXCONV_PIXEL_FORMAT_NV12, 0, 0};
  pixconv_image_format rgb16 = {640, 480, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_RGB,
                                PIXCONV_DATATYPE_U16};
  size_t strides[3] = {2048, 2048, 0};
  size_t size = 0;
  CHECK(pixconv_buffer_size(&nv12, NULL, &size) == PIXCONV_OK && size == 1920 * 1080 * 3 / 2);
  CHECK(pixconv_buffer_size(&nv12, strides, &size) == PIXCONV_OK &&
        size == 2048 * 1080 + 2048 * 539 + 1920);
  CHECK(pixconv_buffer_size(&rgb16, NULL, &size) == PIXCONV_OK && size == 640 * 480 * 6);
  CHECK(pixconv_output_size(7, 3, PIXCONV_OUTPUT_RGBA8, 0, &size) == PIXCONV_OK && size == 84);
  CHECK(pixconv_output_size(7, 3, PIXCONV_OUTPUT_RGBAF32, 128, &size) == PIXCONV_OK &&
        size == 128 * 2 + 7 * 16);
  CHECK(strcmp(pixconv_last_error(), "") == 0); /* cleared by each successful call */

  CHECK(pixconv_output_size(7, 3, PIXCONV_OUTPUT_RGBA8, 27, &size) == PIXCONV_ERROR_BAD_STRIDE);
  CHECK(pixconv_output_size(0, 3, PIXCONV_OUTPUT_RGBA8, 0, &size) ==
        PIXCONV_ERROR_BAD_DIMENSIONS);
  CHECK(pixconv_output_size(7, 3, 2, 0, &size) == PIXCONV_ERROR_UNKNOWN_ENUM);
  CHECK(pixconv_output_size(7, 3, PIXCONV_OUTPUT_RGBA8, 0, NULL) ==
        PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(strcmp(pixconv_last_error(), "invalid argument: size is null") == 0);
  rgb16.channel_datatype = 99;
  CHECK(pixconv_buffer_size(&rgb16, NULL, &size) == PIXCONV_ERROR_UNKNOWN_ENUM);
  rgb16.channel_datatype = 256 + PIXCONV_DATATYPE_U8; /* must not wrap onto U8 */
  CHECK(pixconv_buffer_size(&rgb16, NULL, &size) == PIXCONV_ERROR_UNKNOWN_ENUM);
  CHECK(pixconv_buffer_size(NULL, NULL, &size) == PIXCONV_ERROR_INVALID_ARGUMENT);
}

static void TestValidation(void) {
  static uint8_t bytes[24 * 6];
  pixconv_image image;
  memset(&image, 0, sizeof image);
  image.format.width = 24;
  image.format.height = 4;
  image.format.pixel_format = PIXCONV_PIXEL_FORMAT_NV12;
  image.planes[0].data = bytes;
  image.planes[0].size = 24 * 6; /* 24x4 NV12 is 144 bytes */
  CHECK(pixconv_validate_image(&image) == PIXCONV_OK);
  image.planes[0].size = 143;
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_BUFFER_TOO_SMALL);
  CHECK(strstr(pixconv_last_error(), "needs 144 bytes") != NULL);
  image.planes[0].size = 144;
  image.planes[0].stride = 23;
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_BAD_STRIDE);
  image.planes[0].stride = 0;
  image.format.pixel_format = 21; /* not a Rerun pixel format */
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_UNKNOWN_ENUM);
  image.format.pixel_format = PIXCONV_PIXEL_FORMAT_NV12;
  image.format.height = 0;
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_BAD_DIMENSIONS);
  image.format.height = 4;
  image.planes[0].data = NULL;
  CHECK(pixconv_validate_image(&image) != PIXCONV_OK);
  CHECK(pixconv_validate_image(NULL) == PIXCONV_ERROR_INVALID_ARGUMENT);
  /* Separate planes: Y 24x4, UV 12 pairs x 2 rows. */
  image.planes[0].data = bytes;
  image.planes[0].size = 96;
  image.planes[1].data = bytes + 96;
  image.planes[1].size = 48;
  CHECK(pixconv_validate_image(&image) == PIXCONV_OK);
  image.planes[1].size = 47;
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_BUFFER_TOO_SMALL);
}

/* A C "thread pool" for pixconv_convert_with_runner: runs the tasks last first. */
static int runner_calls = 0;
static void RunBackwards(void* runner_data, uint32_t count, pixconv_task_fn task,
                         void* task_data) {
  uint32_t i;
  ++*(int*)runner_data;
  for (i = count; i-- > 0;) task(task_data, i);
}

static void TestConvert(void) {
  /* RGB U8 2x2 -> RGBA8: exact (no transfer change, U8 range [0, 255]). */
  static const uint8_t rgb[12] = {1, 2, 3, 4, 5, 6, 250, 251, 252, 0, 128, 255};
  uint8_t rgba[16], bgra[16];
  pixconv_image image;
  pixconv_output out = {rgba, sizeof rgba, 0};
  pixconv_convert_options options;
  int i;
  memset(&image, 0, sizeof image);
  image.format.width = 2;
  image.format.height = 2;
  image.format.color_model = PIXCONV_COLOR_MODEL_RGB;
  image.format.channel_datatype = PIXCONV_DATATYPE_U8;
  image.planes[0].data = rgb;
  image.planes[0].size = sizeof rgb;
  CHECK(pixconv_convert(&image, &out, NULL) == PIXCONV_OK);
  for (i = 0; i < 4; ++i) {
    CHECK(rgba[4 * i] == rgb[3 * i] && rgba[4 * i + 1] == rgb[3 * i + 1]);
    CHECK(rgba[4 * i + 2] == rgb[3 * i + 2] && rgba[4 * i + 3] == 255);
  }
  pixconv_convert_options_init(&options);
  CHECK(options.struct_size == sizeof options);
  CHECK(options.output_type == PIXCONV_OUTPUT_RGBA8 && options.range_mode == PIXCONV_RANGE_AUTO);
  options.channel_order = PIXCONV_ORDER_BGRA;
  out.data = bgra;
  CHECK(pixconv_convert(&image, &out, &options) == PIXCONV_OK);
  for (i = 0; i < 4; ++i) CHECK(bgra[4 * i] == rgba[4 * i + 2] && bgra[4 * i + 2] == rgba[4 * i]);

  /* L U16 with an explicit range and linear in/out: 1000 -> 0, 3000 -> 1, 2000 -> 0.5. */
  {
    static const uint16_t depth[3] = {1000, 2000, 3000};
    float f[12];
    pixconv_output fout = {f, sizeof f, 0};
    image.format.width = 3;
    image.format.height = 1;
    image.format.color_model = PIXCONV_COLOR_MODEL_L;
    image.format.channel_datatype = PIXCONV_DATATYPE_U16;
    image.planes[0].data = depth;
    image.planes[0].size = sizeof depth;
    pixconv_convert_options_init(&options);
    options.output_type = PIXCONV_OUTPUT_RGBAF32;
    options.range_mode = PIXCONV_RANGE_EXPLICIT;
    options.range_lo = 1000;
    options.range_hi = 3000;
    options.input_transfer = PIXCONV_INPUT_TRANSFER_LINEAR;
    CHECK(pixconv_convert(&image, &fout, &options) == PIXCONV_OK);
    CHECK(f[0] == 0.0f && f[1] == 0.0f && f[3] == 1.0f);
    CHECK(f[4] > 0.4999f && f[4] < 0.5001f && f[8] == 1.0f && f[11] == 1.0f);
    /* Errors: an empty range, a destination too small, options never initialized. */
    options.range_hi = 1000;
    CHECK(pixconv_convert(&image, &fout, &options) == PIXCONV_ERROR_INVALID_ARGUMENT);
    options.range_hi = 3000;
    fout.size = sizeof f - 1;
    CHECK(pixconv_convert(&image, &fout, &options) == PIXCONV_ERROR_BUFFER_TOO_SMALL);
    CHECK(strncmp(pixconv_last_error(), "buffer too small: ", 18) == 0);
    fout.size = sizeof f;
    options.struct_size = 0;
    CHECK(pixconv_convert(&image, &fout, &options) == PIXCONV_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(pixconv_last_error(), "pixconv_convert_options_init") != NULL);
    pixconv_convert_options_init(&options);
    options.chroma_filter = 2;
    CHECK(pixconv_convert(&image, &fout, &options) == PIXCONV_ERROR_UNKNOWN_ENUM);
    CHECK(pixconv_convert(&image, NULL, NULL) == PIXCONV_ERROR_INVALID_ARGUMENT);
  }
}

/* Colormaps and class colors (options appended after chroma_filter). */
static void TestColormapAndSegmentation(void) {
  static const uint8_t l[3] = {0, 1, 255};
  static const uint8_t table[8] = {10, 20, 30, 255, 40, 50, 60, 128};
  uint8_t rgba[12];
  pixconv_image image;
  pixconv_output out = {rgba, sizeof rgba, 0};
  pixconv_convert_options options;
  memset(&image, 0, sizeof image);
  image.format.width = 3;
  image.format.height = 1;
  image.format.color_model = PIXCONV_COLOR_MODEL_L;
  image.format.channel_datatype = PIXCONV_DATATYPE_U8;
  image.planes[0].data = l;
  image.planes[0].size = sizeof l;

  pixconv_convert_options_init(&options);
  CHECK(options.colormap == PIXCONV_COLORMAP_NONE && options.segmentation == 0);
  CHECK(options.class_colors == NULL && options.class_color_count == 0);
  /* Grayscale: the sRGB-encoded t itself, alpha 1. */
  options.colormap = PIXCONV_COLORMAP_GRAYSCALE;
  CHECK(pixconv_convert(&image, &out, &options) == PIXCONV_OK);
  CHECK(rgba[0] == 0 && rgba[1] == 0 && rgba[2] == 0 && rgba[3] == 255);
  CHECK(rgba[4] == 1 && rgba[8] == 255 && rgba[11] == 255);
  options.colormap = 10;
  CHECK(pixconv_convert(&image, &out, &options) == PIXCONV_ERROR_UNKNOWN_ENUM);

  /* Ids 0 and 1 from the table; 255 is not covered: Rerun's automatic color, opaque. */
  pixconv_convert_options_init(&options);
  options.segmentation = 1;
  options.class_colors = table;
  options.class_color_count = 2;
  CHECK(pixconv_convert(&image, &out, &options) == PIXCONV_OK);
  CHECK(memcmp(rgba, table, sizeof table) == 0);
  CHECK(rgba[11] == 255 && (rgba[8] | rgba[9] | rgba[10]) != 0);
  options.colormap = PIXCONV_COLORMAP_TURBO; /* both at once is an error */
  CHECK(pixconv_convert(&image, &out, &options) != PIXCONV_OK);
}

static void TestParallel(void) {
  /* 99x37 NV12 (odd width and height) with bilinear chroma: every parallel form gives the
   * bytes of pixconv_convert. */
  enum { W = 99, H = 37 };
  size_t in_size = 0, out_size = 0;
  uint8_t *yuv, *serial, *parallel;
  pixconv_image image;
  pixconv_output out;
  pixconv_convert_options options;
  pixconv_task_runner runner = {RunBackwards, &runner_calls};
  uint32_t threads, bands;
  size_t i;
  memset(&image, 0, sizeof image);
  image.format.width = W;
  image.format.height = H;
  image.format.pixel_format = PIXCONV_PIXEL_FORMAT_NV12;
  CHECK(pixconv_buffer_size(&image.format, NULL, &in_size) == PIXCONV_OK);
  CHECK(pixconv_output_size(W, H, PIXCONV_OUTPUT_RGBA8, 0, &out_size) == PIXCONV_OK);
  yuv = (uint8_t*)malloc(in_size);
  serial = (uint8_t*)malloc(out_size);
  parallel = (uint8_t*)malloc(out_size);
  if (yuv == NULL || serial == NULL || parallel == NULL) abort();
  srand(8);
  for (i = 0; i < in_size; ++i) yuv[i] = (uint8_t)(rand() >> 7);
  image.planes[0].data = yuv;
  image.planes[0].size = in_size;
  pixconv_convert_options_init(&options);
  options.chroma_filter = PIXCONV_CHROMA_BILINEAR;
  out.data = serial;
  out.size = out_size;
  out.stride = 0;
  CHECK(pixconv_convert(&image, &out, &options) == PIXCONV_OK);
  out.data = parallel;
  for (threads = 0; threads <= 4; ++threads) {
    memset(parallel, 0, out_size);
    CHECK(pixconv_convert_parallel(&image, &out, &options, threads) == PIXCONV_OK);
    CHECK(memcmp(serial, parallel, out_size) == 0);
  }
  for (bands = 1; bands <= 9; bands += 4) {
    memset(parallel, 0, out_size);
    CHECK(pixconv_convert_with_runner(&image, &out, &options, &runner, bands) == PIXCONV_OK);
    CHECK(memcmp(serial, parallel, out_size) == 0);
  }
  CHECK(runner_calls == 3);
  CHECK(pixconv_convert_with_runner(&image, &out, &options, NULL, 4) ==
        PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(pixconv_convert_with_runner(&image, &out, &options, &runner, 0) ==
        PIXCONV_ERROR_INVALID_ARGUMENT);
  free(yuv);
  free(serial);
  free(parallel);
}

static void TestDecode(const char* png_path, const char* jpeg_path) {
  size_t png_size = 0, jpeg_size = 0, image_size = 0, out_size = 0;
  unsigned char* png = ReadFile(png_path, &png_size);
  unsigned char* jpeg = ReadFile(jpeg_path, &jpeg_size);
  pixconv_image_info info;
  pixconv_decode_options decode_options;
  CHECK(png != NULL && jpeg != NULL);
  if (png == NULL || jpeg == NULL) return;

  /* basn2c08.png: 32x32 RGB, 8 bits. */
  CHECK(pixconv_read_image_info(png, png_size, NULL, &info) == PIXCONV_OK);
  CHECK(info.codec == PIXCONV_CODEC_PNG && info.bit_depth == 8);
  CHECK(info.format.width == 32 && info.format.height == 32);
  CHECK(info.format.pixel_format == PIXCONV_PIXEL_FORMAT_NONE);
  CHECK(info.format.color_model == PIXCONV_COLOR_MODEL_RGB);
  CHECK(info.format.channel_datatype == PIXCONV_DATATYPE_U8);
  CHECK(pixconv_buffer_size(&info.format, NULL, &image_size) == PIXCONV_OK);
  CHECK(pixconv_output_size(32, 32, PIXCONV_OUTPUT_RGBA8, 0, &out_size) == PIXCONV_OK);
  {
    uint8_t* pixels = (uint8_t*)malloc(image_size);
    uint8_t* two_steps = (uint8_t*)malloc(out_size);
    uint8_t* one_step = (uint8_t*)malloc(out_size);
    pixconv_output decoded = {pixels, image_size, 0};
    pixconv_output a = {two_steps, out_size, 0}, b = {one_step, out_size, 0};
    pixconv_image image;
    if (pixels == NULL || two_steps == NULL || one_step == NULL) abort();
    memset(&image, 0, sizeof image);
    image.format = info.format;
    image.planes[0].data = pixels;
    image.planes[0].size = image_size;
    /* Decode, then convert == decode and convert in one call. */
    CHECK(pixconv_decode_into(png, png_size, &decoded, NULL) == PIXCONV_OK);
    CHECK(pixconv_convert(&image, &a, NULL) == PIXCONV_OK);
    CHECK(pixconv_decode_and_convert_into(png, png_size, &b, NULL, NULL) == PIXCONV_OK);
    CHECK(memcmp(two_steps, one_step, out_size) == 0);
    decoded.size = image_size - 1;
    CHECK(pixconv_decode_into(png, png_size, &decoded, NULL) == PIXCONV_ERROR_BUFFER_TOO_SMALL);
    free(pixels);
    free(two_steps);
    free(one_step);
  }
  /* Errors: a pixel limit, a truncated file, bytes that are no image. */
  pixconv_decode_options_init(&decode_options);
  CHECK(decode_options.struct_size == sizeof decode_options);
  CHECK(decode_options.max_pixels == ((uint64_t)1 << 28));
  decode_options.max_pixels = 32 * 32 - 1;
  CHECK(pixconv_read_image_info(png, png_size, &decode_options, &info) ==
        PIXCONV_ERROR_LIMIT_EXCEEDED);
  CHECK(pixconv_read_image_info(png, 20, NULL, &info) == PIXCONV_ERROR_CORRUPT_DATA);
  CHECK(pixconv_read_image_info("not an image", 12, NULL, &info) == PIXCONV_ERROR_UNSUPPORTED);
  CHECK(pixconv_read_image_info(NULL, 0, NULL, &info) == PIXCONV_ERROR_INVALID_ARGUMENT);

  /* testorig.jpg: 227x149 YCbCr -> RGB/U8, straight to RGBA f32. */
  CHECK(pixconv_read_image_info(jpeg, jpeg_size, NULL, &info) == PIXCONV_OK);
  CHECK(info.codec == PIXCONV_CODEC_JPEG && info.format.width == 227 &&
        info.format.height == 149 && info.format.color_model == PIXCONV_COLOR_MODEL_RGB);
  {
    pixconv_convert_options options;
    float* f = (float*)malloc(227 * 149 * 16);
    pixconv_output out = {f, 227 * 149 * 16, 0};
    if (f == NULL) abort();
    pixconv_convert_options_init(&options);
    options.output_type = PIXCONV_OUTPUT_RGBAF32;
    CHECK(pixconv_decode_and_convert_into(jpeg, jpeg_size, &out, &options, NULL) == PIXCONV_OK);
    CHECK(f[3] == 1.0f && f[0] >= 0.0f && f[0] <= 1.0f);
    CHECK(pixconv_decode_and_convert_into(jpeg, jpeg_size / 2, &out, &options, NULL) ==
          PIXCONV_ERROR_CORRUPT_DATA);
    free(f);
  }
  free(png);
  free(jpeg);
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s PNG_FILE JPEG_FILE\n", argv[0]);
    return 2;
  }
  TestVersionAndStatus();
  TestSizes();
  TestValidation();
  TestConvert();
  TestColormapAndSegmentation();
  TestParallel();
  TestDecode(argv[1], argv[2]);
  if (failures == 0) printf("capi_test: all checks passed\n");
  return failures;
}
