// The envelope an executable is condensed into as it streams past: a small
// JSON text {"images": [...], "warnings": [...]} that the scan keeps instead
// of the binary. Each scanner decides what one image's facts are; reading the
// executable, catching failures and reporting warnings are the same for all.
// The envelope is written with nlohmann (the simplest writer for a few
// values) and read back with the flat JSON reader, like every JSON a
// scanner reads.
#pragma once

#include "executable.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>
#include <kensa/source/source.hpp>
#include <kensa/util/json_document.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kensa::scanner::binary {

// Adds what one image holds to `found`, or a message to `warnings`.
using ImageFacts =
    std::function<void(const Executable& image, nlohmann::json& found, nlohmann::json& warnings)>;

// Empty when `contents` is not an executable or no image holds any facts.
std::string condense_executable(std::string_view contents, const ImageFacts& facts);

// Reads back what condense_executable kept of `file`: reports its warnings
// in `report` and returns the document, whose "images" are the facts of
// each image. Nullopt when `file` holds no condensed text. `file` must
// outlive the document.
std::optional<json::Document> read_condensed(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::binary
