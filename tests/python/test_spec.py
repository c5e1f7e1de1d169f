"""pixconv.convert against the specification (spec_model.py, lib/README.md section 3) within the
accuracy contract of section 4: RGBA8 within 1, exactly for U8 with [0, 255] and U16 with
[0, 65535] and no transfer change; RGBA f32 within 4e-6."""
import numpy as np
import pytest

import pixconv
import spec_model
from conftest import CHANNELS, DTYPES, sample_image


def check(image, model, **options):
    to = options.get("to", "rgba8")
    color_model = model if model in ("bgr", "bgra") else None
    actual = pixconv.convert(image, color_model=color_model, **options)
    expected = spec_model.quantize(spec_model.convert(image, model, **options), to)
    if to == "rgba8":
        exact = (image.dtype == np.uint8 and options.get("range", "auto") in ("auto", "datatype")
                 or image.dtype == np.uint16 and options.get("range") == "datatype")
        no_transfer_change = options.get("input_transfer", "srgb") == "srgb" and \
            options.get("output_transfer", "default") in ("default", "srgb")
        tolerance = 0 if exact and no_transfer_change and not options.get("premultiply") else 1
        difference = np.abs(actual.astype(np.int16) - expected.astype(np.int16))
    else:
        tolerance = 4e-6
        difference = np.abs(actual.astype(np.float64) - expected.astype(np.float64))
    worst = np.unravel_index(np.argmax(difference), difference.shape)
    assert difference.max() <= tolerance, (
        f"{difference.max()} > {tolerance} at {worst}: pixconv {actual[worst]}, "
        f"specification {expected[worst]}")


@pytest.mark.parametrize("to", ["rgba8", "rgbaf32"])
@pytest.mark.parametrize("model", ["l", "rgb", "rgba", "bgr", "bgra"])
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_every_dtype_and_color_model_follows_the_specification(dtype, model, to):
    shape = (9, 23) if CHANNELS[model] == 1 else (9, 23, CHANNELS[model])
    image = sample_image(shape, dtype, seed=21)
    check(image, model, to=to)
    check(image, model, to=to, range="datatype")


@pytest.mark.parametrize("options", [
    {"range": (1000, 50000)}, {"range": (50000, 1000)}, {"range": "depth"},
    {"input_transfer": "linear"}, {"input_transfer": "auto"}, {"output_transfer": "linear"},
    {"output_transfer": "srgb", "to": "rgbaf32"}, {"premultiply": True},
    {"premultiply": True, "to": "rgbaf32", "input_transfer": "linear"}, {"order": "bgra"},
], ids=repr)
@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int32, np.float16, np.float32])
def test_options_follow_the_specification(dtype, options):
    image = sample_image((7, 19, 4), dtype, seed=22)
    check(image, "rgba", **options)


@pytest.mark.parametrize("values,dtype", [
    ([0.0, 0.5, 1.0], np.float32),            # Auto: [0, 1]
    ([0.0, 100.0, 255.0], np.float64),        # Auto: [0, 255]
    ([7, 7, 7], np.int16),                    # Auto: min == max -> [min - 1, max + 1]
    ([-5, 0, 300], np.int32),                 # Auto: [min, max]
    ([np.nan, np.inf, -np.inf], np.float32),  # no finite sample: the datatype's range
], ids=["unit", "byte", "flat", "wide", "nonfinite"])
def test_auto_range_rules(values, dtype):
    check(np.array([values], dtype=dtype), "l")
    check(np.array([values], dtype=dtype), "l", to="rgbaf32")
