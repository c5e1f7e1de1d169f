// Step 4 of lib/README.md section 3 and the segmentation colors, written from
// lib/README.md 8 in the spec's own forms (Horner-free power sums, Turbo's dot
// products, CyanToYellow through u = 2t - 1), independent of lib/'s single polynomial form.
#include <cmath>
#include <cstdint>

#include "reference.h"

namespace pixconv::ref {
namespace {

// c0..c6 rows of the spec's tables, columns R, G, B.
struct Poly7 {
  double c[7][3];
};

constexpr Poly7 kViridis = {{
    {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
    {0.1050930431085774, 1.404613529898575, 1.384590162594685},
    {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
    {-4.634230498983486, -5.799100973351585, -19.33244095627987},
    {6.228269936347081, 14.17993336680509, 56.69055260068105},
    {4.776384997670288, -13.74514537774601, -65.35303263337234},
    {-5.435455855934631, 4.645852612178535, 26.3124352495832},
}};

constexpr Poly7 kPlasma = {{
    {0.05873234392399702, 0.02333670892565664, 0.5433401826748754},
    {2.176514634195958, 0.2383834171260182, 0.7539604599784036},
    {-2.689460476458034, -7.455851135738909, 3.110799939717086},
    {6.130348345893603, 42.3461881477227, -28.51885465332158},
    {-11.10743619062271, -82.66631109428045, 60.13984767418263},
    {10.02306557647065, 71.41361770095349, -54.07218655560067},
    {-3.658713842777788, -22.93153465461149, 18.19190778539828},
}};

constexpr Poly7 kMagma = {{
    {-0.002136485053939582, -0.000749655052795221, -0.005386127855323933},
    {0.2516605407371642, 0.6775232436837668, 2.494026599312351},
    {8.353717279216625, -3.577719514958484, 0.3144679030132573},
    {-27.66873308576866, 14.26473078096533, -13.64921318813922},
    {52.17613981234068, -27.94360607168351, 12.94416944238394},
    {-50.76852536473588, 29.04658282127291, 4.23415299384598},
    {18.65570506591883, -11.48977351997711, -5.601961508734096},
}};

constexpr Poly7 kInferno = {{
    {0.0002189403691192265, 0.001651004631001012, -0.01948089843709184},
    {0.1065134194856116, 0.5639564367884091, 3.932712388889277},
    {11.60249308247187, -3.972853965665698, -15.9423941062914},
    {-41.70399613139459, 17.43639888205313, 44.35414519872813},
    {77.162935699427, -33.40235894210092, -81.80730925738993},
    {-71.31942824499214, 32.62606426397723, 73.20951985803202},
    {25.13112622477341, -12.24266895238567, -23.07032500287172},
}};

constexpr Poly7 kSpectral = {{
    {0.584384543712538, 0.006424432561482, 0.231061410304836},
    {3.768572852617221, 2.487082885717158, 2.821174312084977},
    {-16.262574054760623, -6.243215992229093, -37.292187460541960},
    {39.821464952234010, 39.932449794574126, 186.340471613899751},
    {-46.140976850412727, -99.423798167148249, -388.532539629914481},
    {12.716626092708825, 96.954180217298671, 360.627239851094203},
    {5.942343111972585, -33.440386037285862, -123.635206049211334},
}};

constexpr Poly7 kTwilight = {{
    {0.99435322698120177, 0.85170793387210064, 0.93942033498486266},
    {-6.61774273956635106, -0.23133259259568750, -3.96704343424284378},
    {41.78124131041812461, -7.61851602599826982, 38.98566990464263426},
    {-158.29764239605322018, 3.73408709288658525, -170.02538195370874519},
    {301.70954078396789555, 25.04157831823896174, 319.73628266524258379},
    {-265.16454480601146315, -30.83148395246298179, -271.62226902484138691},
    {86.58914784721200531, 9.90660484718943267, 86.89294583380010456},
}};

constexpr double kTurboR4[4] = {0.13572138, 4.61539260, -42.66032258, 132.13108234};
constexpr double kTurboR2[2] = {-152.94239396, 59.28637943};
constexpr double kTurboG4[4] = {0.09140261, 2.19418839, 4.84296658, -14.18503333};
constexpr double kTurboG2[2] = {4.27729857, 2.82956604};
constexpr double kTurboB4[4] = {0.10667330, 12.64194608, -60.58204836, 110.36276771};
constexpr double kTurboB2[2] = {-89.90310912, 27.34824973};

double Clamp01(double x) { return std::fmin(1.0, std::fmax(0.0, x)); }

// sRGB = c0 + c1 t + ... + c6 t^6, summed term by term.
RefPixel Eval7(const Poly7& p, double t) {
  double rgb[3] = {0, 0, 0};
  for (int k = 0; k < 7; ++k) {
    for (int ch = 0; ch < 3; ++ch) rgb[ch] += p.c[k][ch] * std::pow(t, k);
  }
  return {Clamp01(rgb[0]), Clamp01(rgb[1]), Clamp01(rgb[2]), 1.0};
}

double TurboChannel(const double (&x4)[4], const double (&x2)[2], double t) {
  const double v4[4] = {1.0, t, t * t, t * t * t};
  const double v2[2] = {t * t * t * t, t * t * t * t * t};
  return Clamp01(v4[0] * x4[0] + v4[1] * x4[1] + v4[2] * x4[2] + v4[3] * x4[3] + v2[0] * x2[0] +
                 v2[1] * x2[1]);
}

}  // namespace

RefPixel ColormapColor(Colormap map, double t) {
  t = Clamp01(t);
  switch (map) {
    case Colormap::None:
    case Colormap::Grayscale:
      return {t, t, t, 1.0};
    case Colormap::Inferno: return Eval7(kInferno, t);
    case Colormap::Magma: return Eval7(kMagma, t);
    case Colormap::Plasma: return Eval7(kPlasma, t);
    case Colormap::Viridis: return Eval7(kViridis, t);
    case Colormap::Spectral: return Eval7(kSpectral, t);
    case Colormap::Twilight: return Eval7(kTwilight, t);
    case Colormap::Turbo:
      return {TurboChannel(kTurboR4, kTurboR2, t), TurboChannel(kTurboG4, kTurboG2, t),
              TurboChannel(kTurboB4, kTurboB2, t), 1.0};
    case Colormap::CyanToYellow: {
      const double u = 2.0 * t - 1.0;
      return {Clamp01((1.0 + 3.0 * u) / 4.0), Clamp01((1.0 + 3.0 * u * u) / 4.0),
              Clamp01((1.0 - 3.0 * u) / 4.0), 1.0};
    }
  }
  return {};
}

RefPixel AutoClassColorSrgb(uint32_t id) {
  const double x = id * 0.618034;
  const double h = x - std::floor(x);
  const double s = 0.85, v = 0.5;
  const int i = static_cast<int>(std::floor(h * 6.0));
  const double f = h * 6.0 - i;
  const double p = v * (1.0 - s), q = v * (1.0 - f * s), t = v * (1.0 - (1.0 - f) * s);
  RefPixel c;
  switch (i % 6) {
    case 0: c = {v, t, p, 1.0}; break;
    case 1: c = {q, v, p, 1.0}; break;
    case 2: c = {p, v, t, 1.0}; break;
    case 3: c = {p, q, v, 1.0}; break;
    case 4: c = {t, p, v, 1.0}; break;
    default: c = {v, p, q, 1.0}; break;
  }
  return {LinearToSrgb(c.r), LinearToSrgb(c.g), LinearToSrgb(c.b), 1.0};
}

RefPixel ClassColor(const ImageView& src, const ClassColors& table, uint32_t x, uint32_t y) {
  const double v = ReadSample(src, x, y, 0);
  // NaN fails both comparisons; nearbyint rounds ties to even in the default mode.
  const double id = std::nearbyint(v);
  if (!(id >= 0.0 && id <= 65535.0)) return {0.0, 0.0, 0.0, 0.0};
  const uint32_t i = static_cast<uint32_t>(id);
  if (i < table.count) {
    const uint8_t* c = table.rgba + 4 * size_t{i};
    return {c[0] / 255.0, c[1] / 255.0, c[2] / 255.0, c[3] / 255.0};
  }
  return AutoClassColorSrgb(i);
}

}  // namespace pixconv::ref
