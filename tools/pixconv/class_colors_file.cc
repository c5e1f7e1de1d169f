#include "class_colors_file.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <string>
#include <vector>

#include "file_io.h"
#include "pixconv/convert.h"

namespace pixconv::cli {
namespace {

// Splits a line (comment already removed) into fields at spaces and tabs.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

bool ParseInRange(std::string_view s, unsigned max, unsigned* out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && *out <= max;
}

}  // namespace

Status ParseClassColors(std::string_view text, const std::string& name, std::vector<uint8_t>* rgba) {
  struct Entry {
    unsigned id;
    uint8_t color[4];
  };
  std::vector<Entry> entries;
  std::vector<bool> seen(kMaxClassColors, false);
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    line = line.substr(0, line.find('#'));
    const std::vector<std::string_view> f = Fields(line);
    if (f.empty()) continue;
    auto error = [&](const std::string& what) {
      return Status(StatusCode::kInvalidArgument,
                    name + ":" + std::to_string(line_number) + ": " + what);
    };
    if (f.size() != 4 && f.size() != 5) {
      return error("expected 'id r g b [a]', got " + std::to_string(f.size()) + " fields");
    }
    Entry e{};
    if (!ParseInRange(f[0], kMaxClassColors - 1, &e.id)) {
      return error("class id '" + std::string(f[0]) + "' is not an integer in 0..65535");
    }
    if (seen[e.id]) return error("class id " + std::to_string(e.id) + " is listed twice");
    seen[e.id] = true;
    e.color[3] = 255;
    for (size_t c = 1; c < f.size(); ++c) {
      unsigned v = 0;
      if (!ParseInRange(f[c], 255, &v)) {
        return error("color value '" + std::string(f[c]) + "' is not an integer in 0..255");
      }
      e.color[c - 1] = static_cast<uint8_t>(v);
    }
    entries.push_back(e);
  }
  if (entries.empty()) {
    return Status(StatusCode::kInvalidArgument, name + ": no class colors (lines 'id r g b [a]')");
  }
  unsigned max_id = 0;
  for (const Entry& e : entries) max_id = std::max(max_id, e.id);
  rgba->assign(size_t{max_id + 1} * 4, 0);
  for (unsigned id = 0; id <= max_id; ++id) {
    if (!seen[id]) AutoClassColor(static_cast<uint16_t>(id), rgba->data() + size_t{id} * 4);
  }
  for (const Entry& e : entries) {
    for (int c = 0; c < 4; ++c) (*rgba)[size_t{e.id} * 4 + c] = e.color[c];
  }
  return Status::Ok();
}

Status ReadClassColors(const std::string& path, std::vector<uint8_t>* rgba) {
  Result<std::vector<uint8_t>> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
  return ParseClassColors(text, path, rgba);
}

}  // namespace pixconv::cli
