#include "dcf.hpp"

#include <cctype>

namespace kensa::scanner::r {

std::map<std::string, std::string, std::less<>> read_dcf(std::string_view text,
                                                         FileReport& report) {
  std::map<std::string, std::string, std::less<>> fields;
  // The field continuation lines go to; nullptr after a repeated field
  // (the first is kept) or a line that is not a field.
  std::string* current = nullptr;
  bool in_field = false;
  std::size_t line_number = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (!fields.empty()) {
        break; // one paragraph only
      }
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (!in_field) {
        report.warn_at(line_number, "continuation line before any field; ignored");
        continue;
      }
      if (current == nullptr) {
        continue;
      }
      auto first = line.find_first_not_of(" \t");
      current->append("\n").append(line.substr(first));
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      report.warn_at(line_number, "not a \"Field: value\" line; ignored");
      current = nullptr;
      in_field = true;
      continue;
    }
    if (fields.size() == k_max_dcf_fields) {
      report.warn("more than " + std::to_string(k_max_dcf_fields) +
                  " fields; the rest is not read");
      break;
    }
    std::string_view value = line.substr(colon + 1);
    auto first = value.find_first_not_of(" \t");
    value = first == std::string_view::npos ? std::string_view() : value.substr(first);
    auto [at, added] = fields.try_emplace(std::string(line.substr(0, colon)), value);
    current = added ? &at->second : nullptr;
    in_field = true;
  }
  for (auto& entry : fields) {
    while (!entry.second.empty() &&
           std::isspace(static_cast<unsigned char>(entry.second.back())) != 0) {
      entry.second.pop_back();
    }
  }
  return fields;
}

} // namespace kensa::scanner::r
