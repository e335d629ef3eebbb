#include "condensed.hpp"

#include <kensa/scanner/file_report.hpp>

#include <exception>

namespace kensa::scanner::binary {

std::string condense_executable(std::string_view contents, const ImageFacts& facts) {
  try {
    auto images = read_executables(contents);
    if (!images) {
      if (is_not_an_executable(images.error())) {
        return {};
      }
      return nlohmann::json{{"warnings", {"not a readable executable: " + images.error()}}}.dump();
    }
    nlohmann::json found = nlohmann::json::array();
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& image : *images) {
      facts(image, found, warnings);
    }
    if (found.empty() && warnings.empty()) {
      return {};
    }
    // Text taken from the binary is bytes; the JSON library rejects invalid
    // UTF-8 unless told to replace it.
    return nlohmann::json{{"images", found}, {"warnings", warnings}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const std::exception& error) {
    return nlohmann::json{{"warnings", {std::string("cannot read executable: ") + error.what()}}}
        .dump();
  }
}

std::optional<json::Document> read_condensed(FileReport& report, const source::SourceFile& file) {
  if (file.contents.empty()) {
    return std::nullopt;
  }
  // The scan wrote this text itself: anything else in its place is no
  // condensed executable, and there is nothing to say about it.
  auto document = json::Document::parse_borrowed(file.contents);
  if (!document || !document->root().is_object()) {
    return std::nullopt;
  }
  if (const json::Value warnings = document->root()["warnings"]; warnings.is_array()) {
    for (const auto warning : warnings) {
      if (warning.is_string()) {
        report.warn(std::string(warning.string()));
      }
    }
  }
  if (!document->root()["images"].is_array()) {
    return std::nullopt;
  }
  return std::move(*document);
}

} // namespace kensa::scanner::binary
