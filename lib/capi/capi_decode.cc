// The C ABI's JPEG / PNG decoding (pixconv.h, "Decoding").
#include "capi/capi_internal.h"

using pixconv::capi::Guard;
using pixconv::capi::NullArgument;

extern "C" {

pixconv_status pixconv_read_image_info(const void* data, size_t size,
                                       const pixconv_decode_options* options,
                                       pixconv_image_info* info) {
  return Guard([&]() -> pixconv::Status {
    if (info == nullptr) return NullArgument("info");
    if (data == nullptr) return NullArgument("data");
    pixconv::DecodeOptions opts;
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToDecodeOptions(options, &opts));
    pixconv::Result<pixconv::ImageInfo> result = pixconv::ReadImageInfo(data, size, opts);
    if (!result.ok()) return result.status();
    const pixconv::ImageFormat& f = result->format;
    *info = pixconv_image_info{};
    info->codec = static_cast<uint32_t>(result->codec);
    info->bit_depth = static_cast<uint32_t>(result->bit_depth);
    info->format.width = f.width;
    info->format.height = f.height;
    info->format.pixel_format = PIXCONV_PIXEL_FORMAT_NONE;  // decoders produce color models
    info->format.color_model = static_cast<uint32_t>(f.color_model);
    info->format.channel_datatype = static_cast<uint32_t>(f.datatype);
    return pixconv::Status::Ok();
  });
}

pixconv_status pixconv_decode_into(const void* data, size_t size, const pixconv_output* output,
                                   const pixconv_decode_options* options) {
  return Guard([&]() -> pixconv::Status {
    if (data == nullptr) return NullArgument("data");
    pixconv::OutputView dst;
    pixconv::DecodeOptions opts;
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToOutputView(output, &dst));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToDecodeOptions(options, &opts));
    return pixconv::DecodeInto(data, size, dst, opts);
  });
}

pixconv_status pixconv_decode_and_convert_into(const void* data, size_t size,
                                               const pixconv_output* output,
                                               const pixconv_convert_options* convert_options,
                                               const pixconv_decode_options* decode_options) {
  return Guard([&]() -> pixconv::Status {
    if (data == nullptr) return NullArgument("data");
    pixconv::OutputView dst;
    pixconv::ConvertOptions convert;
    pixconv::DecodeOptions decode;
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToOutputView(output, &dst));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToConvertOptions(convert_options, &convert));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToDecodeOptions(decode_options, &decode));
    return pixconv::DecodeAndConvertInto(data, size, dst, convert, decode);
  });
}

}  // extern "C"
