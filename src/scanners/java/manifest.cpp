#include "manifest.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::java {

std::string_view Manifest::get(std::string_view name) const {
  for (const auto& attribute : main) {
    if (equals_ignore_case(attribute.name, name)) {
      return attribute.value;
    }
  }
  return {};
}

Manifest parse_manifest(std::string_view text) {
  Manifest manifest;
  // A UTF-8 byte order mark is not allowed but some tools write one.
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find_first_of("\r\n", at);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (end < text.size() && text[end] == '\r' && at < text.size() && text[at] == '\n') {
      ++at;
    }
    if (line.empty()) {
      // The end of the main section.
      break;
    }
    if (line.front() == ' ') {
      if (!manifest.main.empty()) {
        manifest.main.back().value.append(line.substr(1));
      }
      continue;
    }
    auto colon = line.find(": ");
    if (colon == std::string_view::npos || colon == 0) {
      // Not an attribute line: a manifest some tool broke. The attributes
      // read so far stay.
      continue;
    }
    if (manifest.main.size() == k_max_manifest_attributes) {
      break;
    }
    manifest.main.push_back(
        ManifestAttribute{std::string(line.substr(0, colon)), std::string(line.substr(colon + 2))});
  }
  for (auto& attribute : manifest.main) {
    attribute.value = std::string(trim(attribute.value));
  }
  return manifest;
}

std::string_view osgi_first_clause(std::string_view value) {
  return trim(value.substr(0, value.find_first_of(";,")));
}

} // namespace kensa::scanner::java
