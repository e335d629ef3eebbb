#include "condensed.hpp"

#include <kensa/scanner/file_report.hpp>

#include <exception>

namespace kensa::scanner::binary {

using nlohmann::json;

std::string condense_executable(std::string_view contents, const ImageFacts& facts) {
  try {
    auto images = read_executables(contents);
    if (!images) {
      if (is_not_an_executable(images.error())) {
        return {};
      }
      return json{{"warnings", {"not a readable executable: " + images.error()}}}.dump();
    }
    json found = json::array();
    json warnings = json::array();
    for (const auto& image : *images) {
      facts(image, found, warnings);
    }
    if (found.empty() && warnings.empty()) {
      return {};
    }
    // Text taken from the binary is bytes; the JSON library rejects invalid
    // UTF-8 unless told to replace it.
    return json{{"images", found}, {"warnings", warnings}}.dump(-1, ' ', false,
                                                                json::error_handler_t::replace);
  } catch (const std::exception& error) {
    return json{{"warnings", {std::string("cannot read executable: ") + error.what()}}}.dump();
  }
}

json condensed_images(FileReport& report, const source::SourceFile& file) {
  if (file.contents.empty()) {
    return json::array();
  }
  json document = json::parse(file.contents, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return json::array();
  }
  for (const auto& warning : document.value("warnings", json::array())) {
    if (warning.is_string()) {
      report.warn(warning.get<std::string>());
    }
  }
  json images = document.value("images", json::array());
  return images.is_array() ? images : json::array();
}

} // namespace kensa::scanner::binary
