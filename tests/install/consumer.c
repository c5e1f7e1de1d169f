/* A C program built against the installed pixconv with `pkg-config --cflags --libs pixconv`:
 * converts a 2x1 RGB image and checks the header and library versions agree. */
#include <stdio.h>
#include <string.h>

#include <pixconv/pixconv.h>

int main(void) {
  static const unsigned char rgb[6] = {10, 20, 30, 40, 50, 60};
  unsigned char rgba[8] = {0};
  pixconv_image image;
  pixconv_output out = {rgba, sizeof rgba, 0};
  memset(&image, 0, sizeof image);
  image.format.width = 2;
  image.format.height = 1;
  image.format.color_model = PIXCONV_COLOR_MODEL_RGB;
  image.format.channel_datatype = PIXCONV_DATATYPE_U8;
  image.planes[0].data = rgb;
  image.planes[0].size = sizeof rgb;
  if (pixconv_version() != PIXCONV_VERSION) {
    fprintf(stderr, "header %d, library %u\n", PIXCONV_VERSION, (unsigned)pixconv_version());
    return 1;
  }
  if (pixconv_convert(&image, &out, NULL) != PIXCONV_OK) {
    fprintf(stderr, "%s\n", pixconv_last_error());
    return 1;
  }
  if (rgba[0] != 10 || rgba[5] != 50 || rgba[7] != 255) return 1;
  printf("C consumer: pixconv %s ok\n", pixconv_version_string());
  return 0;
}
