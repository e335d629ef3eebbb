// The envelope an executable is condensed into as it streams past: a small
// JSON text {"images": [...], "warnings": [...]} that the scan keeps instead
// of the binary. Each scanner decides what one image's facts are; reading the
// executable, catching failures and reporting warnings are the same for all.
#pragma once

#include "executable.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>
#include <kensa/source/source.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace kensa::scanner::binary {

// Adds what one image holds to `found`, or a message to `warnings`.
using ImageFacts =
    std::function<void(const Executable& image, nlohmann::json& found, nlohmann::json& warnings)>;

// Empty when `contents` is not an executable or no image holds any facts.
std::string condense_executable(std::string_view contents, const ImageFacts& facts);

// Reports the condensed warnings against `file` and returns the images
// (an empty array when `file` holds no condensed text).
nlohmann::json condensed_images(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::binary
