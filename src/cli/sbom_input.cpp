#include "sbom_input.hpp"

#include "input_in_progress.hpp"
#include "limit_flags.hpp"

#include <kensa/source/document_input.hpp>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

namespace kensa::cli {

void add_max_document_size_flag(CLI::App& command, std::string& max_file_size) {
  command
      .add_option("--max-file-size", max_file_size,
                  "Refuse an SBOM larger than this (default: " +
                      std::to_string(source::k_default_max_document_size >> 20) + "MiB)")
      ->type_name("SIZE");
}

Result<std::uint64_t> max_document_size(const std::string& max_file_size) {
  if (max_file_size.empty()) {
    return source::k_default_max_document_size;
  }
  return parse_size_flag("--max-file-size", max_file_size);
}

Result<format::ReadDocument> read_sbom(const std::string& path, std::uint64_t max_bytes) {
  const std::string name = source::document_input_name(path);
  const InputInProgress reading(name);
  auto content = source::read_document_input(path, max_bytes);
  if (!content) {
    return fail(name + ": " + content.error());
  }
  format::ReadLimits limits;
  limits.max_bytes = static_cast<std::size_t>(max_bytes);
  auto read = format::read_document_consuming(std::move(*content), name, limits);
  if (!read) {
    return fail(read.error());
  }
  for (const auto& diagnostic : read->document.diagnostics) {
    spdlog::info("{}: {}", diagnostic.location.empty() ? name : diagnostic.location,
                 diagnostic.message);
  }
  return read;
}

std::string format_label(const format::DetectedFormat& format) {
  std::string label = format.family == format::DocumentFamily::cyclonedx ? "CycloneDX"
                      : format.family == format::DocumentFamily::spdx    ? "SPDX"
                                                                         : "unknown format";
  if (!format.spec_version.empty()) {
    label += " " + format.spec_version;
  }
  return label;
}

} // namespace kensa::cli
