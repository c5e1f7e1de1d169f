// The whole C++ API of pixconv.
#pragma once

#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/layout.h"
#include "pixconv/model.h"
#include "pixconv/parallel.h"
#include "pixconv/status.h"
