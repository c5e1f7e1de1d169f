/* Prints the layout of pixconv.h as the C compiler sees it, one fact per line:
 *   size <struct> <bytes> / align <struct> <bytes> / offset <struct>.<field> <bytes> /
 *   const <NAME> <value>
 * tests/layout.rs compiles and runs this and compares every line with the Rust declarations
 * in src/sys.rs. */
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>

#include "pixconv/pixconv.h"

#define STRUCT(type)                                                   \
  printf("size %s %zu\n", #type, sizeof(type));                        \
  printf("align %s %zu\n", #type, (size_t)alignof(type))
#define FIELD(type, field) printf("offset %s.%s %zu\n", #type, #field, offsetof(type, field))
#define CONST(name) printf("const %s %lld\n", #name, (long long)(name))

int main(void) {
  STRUCT(pixconv_image_format);
  FIELD(pixconv_image_format, width);
  FIELD(pixconv_image_format, height);
  FIELD(pixconv_image_format, pixel_format);
  FIELD(pixconv_image_format, color_model);
  FIELD(pixconv_image_format, channel_datatype);

  STRUCT(pixconv_plane);
  FIELD(pixconv_plane, data);
  FIELD(pixconv_plane, size);
  FIELD(pixconv_plane, stride);

  STRUCT(pixconv_image);
  FIELD(pixconv_image, format);
  FIELD(pixconv_image, planes);

  STRUCT(pixconv_output);
  FIELD(pixconv_output, data);
  FIELD(pixconv_output, size);
  FIELD(pixconv_output, stride);

  STRUCT(pixconv_convert_options);
  FIELD(pixconv_convert_options, struct_size);
  FIELD(pixconv_convert_options, output_type);
  FIELD(pixconv_convert_options, channel_order);
  FIELD(pixconv_convert_options, range_mode);
  FIELD(pixconv_convert_options, range_lo);
  FIELD(pixconv_convert_options, range_hi);
  FIELD(pixconv_convert_options, input_transfer);
  FIELD(pixconv_convert_options, output_transfer);
  FIELD(pixconv_convert_options, premultiply);
  FIELD(pixconv_convert_options, yuv_matrix);
  FIELD(pixconv_convert_options, yuv_range);
  FIELD(pixconv_convert_options, chroma_filter);
  FIELD(pixconv_convert_options, colormap);
  FIELD(pixconv_convert_options, segmentation);
  FIELD(pixconv_convert_options, class_colors);
  FIELD(pixconv_convert_options, class_color_count);
  FIELD(pixconv_convert_options, clamp);

  STRUCT(pixconv_task_runner);
  FIELD(pixconv_task_runner, run);
  FIELD(pixconv_task_runner, runner_data);

  STRUCT(pixconv_decode_options);
  FIELD(pixconv_decode_options, struct_size);
  FIELD(pixconv_decode_options, max_jpeg_scans);
  FIELD(pixconv_decode_options, max_pixels);

  STRUCT(pixconv_image_info);
  FIELD(pixconv_image_info, codec);
  FIELD(pixconv_image_info, bit_depth);
  FIELD(pixconv_image_info, format);

  /* Scalar types the Rust declarations spell differently. */
  printf("size pixconv_status %zu\n", sizeof(pixconv_status));
  printf("size size_t %zu\n", sizeof(size_t));
  printf("size pixconv_task_fn %zu\n", sizeof(pixconv_task_fn));

  CONST(PIXCONV_OK);
  CONST(PIXCONV_ERROR_INVALID_ARGUMENT);
  CONST(PIXCONV_ERROR_UNKNOWN_ENUM);
  CONST(PIXCONV_ERROR_BAD_DIMENSIONS);
  CONST(PIXCONV_ERROR_SIZE_OVERFLOW);
  CONST(PIXCONV_ERROR_BUFFER_TOO_SMALL);
  CONST(PIXCONV_ERROR_BAD_STRIDE);
  CONST(PIXCONV_ERROR_MISMATCH);
  CONST(PIXCONV_ERROR_UNSUPPORTED);
  CONST(PIXCONV_ERROR_CORRUPT_DATA);
  CONST(PIXCONV_ERROR_LIMIT_EXCEEDED);
  CONST(PIXCONV_ERROR_IO);

  CONST(PIXCONV_DATATYPE_U8);
  CONST(PIXCONV_DATATYPE_I8);
  CONST(PIXCONV_DATATYPE_U16);
  CONST(PIXCONV_DATATYPE_I16);
  CONST(PIXCONV_DATATYPE_U32);
  CONST(PIXCONV_DATATYPE_I32);
  CONST(PIXCONV_DATATYPE_U64);
  CONST(PIXCONV_DATATYPE_I64);
  CONST(PIXCONV_DATATYPE_F16);
  CONST(PIXCONV_DATATYPE_F32);
  CONST(PIXCONV_DATATYPE_F64);

  CONST(PIXCONV_COLOR_MODEL_L);
  CONST(PIXCONV_COLOR_MODEL_RGB);
  CONST(PIXCONV_COLOR_MODEL_RGBA);
  CONST(PIXCONV_COLOR_MODEL_BGR);
  CONST(PIXCONV_COLOR_MODEL_BGRA);

  CONST(PIXCONV_PIXEL_FORMAT_NONE);
  CONST(PIXCONV_PIXEL_FORMAT_Y_U_V12_LIMITED_RANGE);
  CONST(PIXCONV_PIXEL_FORMAT_NV12);
  CONST(PIXCONV_PIXEL_FORMAT_YUY2);
  CONST(PIXCONV_PIXEL_FORMAT_Y8_FULL_RANGE);
  CONST(PIXCONV_PIXEL_FORMAT_Y_U_V24_LIMITED_RANGE);
  CONST(PIXCONV_PIXEL_FORMAT_Y_U_V24_FULL_RANGE);
  CONST(PIXCONV_PIXEL_FORMAT_Y8_LIMITED_RANGE);
  CONST(PIXCONV_PIXEL_FORMAT_Y_U_V12_FULL_RANGE);
  CONST(PIXCONV_PIXEL_FORMAT_Y_U_V16_LIMITED_RANGE);
  CONST(PIXCONV_PIXEL_FORMAT_Y_U_V16_FULL_RANGE);

  CONST(PIXCONV_OUTPUT_RGBA8);
  CONST(PIXCONV_OUTPUT_RGBAF32);
  CONST(PIXCONV_ORDER_RGBA);
  CONST(PIXCONV_ORDER_BGRA);
  CONST(PIXCONV_RANGE_AUTO);
  CONST(PIXCONV_RANGE_DATATYPE);
  CONST(PIXCONV_RANGE_EXPLICIT);
  CONST(PIXCONV_RANGE_DEPTH);
  CONST(PIXCONV_INPUT_TRANSFER_SRGB);
  CONST(PIXCONV_INPUT_TRANSFER_LINEAR);
  CONST(PIXCONV_INPUT_TRANSFER_AUTO);
  CONST(PIXCONV_OUTPUT_TRANSFER_DEFAULT);
  CONST(PIXCONV_OUTPUT_TRANSFER_SRGB);
  CONST(PIXCONV_OUTPUT_TRANSFER_LINEAR);
  CONST(PIXCONV_YUV_MATRIX_DEFAULT);
  CONST(PIXCONV_YUV_MATRIX_BT601);
  CONST(PIXCONV_YUV_MATRIX_BT709);
  CONST(PIXCONV_YUV_MATRIX_BT2020);
  CONST(PIXCONV_YUV_RANGE_DEFAULT);
  CONST(PIXCONV_YUV_RANGE_LIMITED);
  CONST(PIXCONV_YUV_RANGE_FULL);
  CONST(PIXCONV_CHROMA_NEAREST);
  CONST(PIXCONV_CHROMA_BILINEAR);
  CONST(PIXCONV_COLORMAP_NONE);
  CONST(PIXCONV_COLORMAP_GRAYSCALE);
  CONST(PIXCONV_COLORMAP_INFERNO);
  CONST(PIXCONV_COLORMAP_MAGMA);
  CONST(PIXCONV_COLORMAP_PLASMA);
  CONST(PIXCONV_COLORMAP_TURBO);
  CONST(PIXCONV_COLORMAP_VIRIDIS);
  CONST(PIXCONV_COLORMAP_CYAN_TO_YELLOW);
  CONST(PIXCONV_COLORMAP_SPECTRAL);
  CONST(PIXCONV_COLORMAP_TWILIGHT);

  CONST(PIXCONV_CODEC_UNKNOWN);
  CONST(PIXCONV_CODEC_JPEG);
  CONST(PIXCONV_CODEC_PNG);
  return 0;
}
