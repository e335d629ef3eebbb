#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::format {

// One row of the writer table (src/formats/registry.cpp). Adding a format
// means adding one row.
struct OutputFormat {
  // As the user types it after -o: "cyclonedx-json", "table".
  std::string_view name;
  std::string_view description;
  // Spec versions this writer can emit, e.g. {"1.6"}; empty when the format
  // has no versions.
  std::span<const std::string_view> versions;
  std::string_view default_version;
  // Writes `document` as spec `version` (one of `versions`, or empty). What
  // the format cannot hold is counted in `losses`. The output depends on
  // nothing but the document and the version.
  void (*write)(const model::Document& document, std::string_view version, std::ostream& out,
                LossReport& losses);
  // For formats read on a terminal (tables): writes `document` within
  // `width` columns, used when the output goes to a terminal that wide.
  // nullptr: the format has no width.
  void (*write_within)(const model::Document& document, std::size_t width,
                       std::ostream& out) = nullptr;
};

std::span<const OutputFormat> output_formats();

// The row named `name`, or nullptr.
const OutputFormat* find_output_format(std::string_view name);

} // namespace kensa::format
