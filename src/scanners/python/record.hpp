#pragma once

#include <kensa/model/hash.hpp>
#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The RECORD file of a .dist-info folder: one CSV row per installed file,
// "path,sha256=<urlsafe base64, no padding>,size" (the RECORD itself and
// compiled files have empty hash and size). Paths are relative to the folder
// that holds the .dist-info folder (site-packages), and may climb out of it
// with "../" (scripts in bin/).
namespace kensa::scanner::python {

inline constexpr std::size_t k_max_record_rows = 1'000'000;

struct RecordEntry {
  std::string path;
  std::optional<model::Hash> hash;
};

struct RecordParse {
  std::vector<RecordEntry> entries;
  // "line 3: ..." for rows that could not be read.
  ProblemList problems;
};

RecordParse parse_record(std::string_view text);

// Decodes a RECORD or wheel hash ("sha256=<urlsafe base64>"); fails on an
// unknown algorithm or bad base64.
std::optional<model::Hash> decode_record_hash(std::string_view text, std::string& problem);

} // namespace kensa::scanner::python
