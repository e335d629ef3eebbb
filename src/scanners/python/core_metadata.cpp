#include "core_metadata.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::python {

namespace {

bool is_field_name(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  for (char c : name) {
    bool ok = is_ascii_alnum(c) || c == '-' || c == '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

// Description continuation lines carry 7 or 8 spaces and, in the form
// setuptools writes, a '|' marking where the original line started.
std::string_view unfold_description(std::string_view line) {
  std::size_t spaces = 0;
  while (spaces < line.size() && spaces < 8 && (line[spaces] == ' ' || line[spaces] == '\t')) {
    ++spaces;
  }
  line.remove_prefix(spaces);
  if (line.starts_with('|')) {
    line.remove_prefix(1);
  }
  return line;
}

} // namespace

std::string_view CoreMetadata::get(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (equals_ignore_case(key, name)) {
      return value;
    }
  }
  return {};
}

std::vector<std::string_view> CoreMetadata::all(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : fields) {
    if (equals_ignore_case(key, name)) {
      values.push_back(value);
    }
  }
  return values;
}

CoreMetadata parse_core_metadata(std::string_view text) {
  CoreMetadata metadata;
  // A UTF-8 byte order mark is not part of the first field name.
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::size_t pos = 0;
  std::size_t line_number = 0;
  bool capped = false;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    ++line_number;
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      metadata.body = std::string(text.substr(next));
      break;
    }
    pos = next;
    if (line.front() == ' ' || line.front() == '\t') {
      if (metadata.fields.empty()) {
        metadata.problems.push_back("line " + std::to_string(line_number) +
                                    ": a continuation line before any field");
        continue;
      }
      auto& [key, value] = metadata.fields.back();
      value += '\n';
      value += equals_ignore_case(key, "Description") ? unfold_description(line) : trim(line);
      continue;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_field_name(line.substr(0, colon))) {
      metadata.problems.push_back("line " + std::to_string(line_number) +
                                  ": not a \"Field: value\" header");
      continue;
    }
    if (metadata.fields.size() >= k_max_metadata_fields) {
      if (!capped) {
        metadata.problems.push_back("more than " + std::to_string(k_max_metadata_fields) +
                                    " fields; the rest are not read");
        capped = true;
      }
      continue;
    }
    metadata.fields.emplace_back(std::string(line.substr(0, colon)),
                                 std::string(trim(line.substr(colon + 1))));
  }
  return metadata;
}

} // namespace kensa::scanner::python
