#pragma once

#include <kensa/format/detect.hpp>
#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/result.hpp>

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::format {

// One row of the format table (src/formats/registry.cpp): every format name
// kensa knows (-o, `validate --format`, --version) comes from it. Adding a
// format means adding one row.
struct OutputFormat {
  // As the user types it after -o: "cyclonedx-json", "table".
  std::string_view name;
  std::string_view description;
  // The SBOM family and encoding the format is; unknown for listings
  // (table, purls) and kensa-json. spdx-json is JSON-LD from version 3 on
  // (document_format()).
  DocumentFamily family = DocumentFamily::unknown;
  DocumentEncoding encoding = DocumentEncoding::unknown;
  // Spec versions this writer can emit, e.g. {"1.6"}; empty when the format
  // has no versions.
  std::span<const std::string_view> versions;
  std::string_view default_version;
  // Spec versions kensa reads and validates in this format (a superset of
  // `versions`): what `validate --format NAME@VERSION` accepts.
  std::span<const std::string_view> read_versions;
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

// The row named `name` (not an alias), or nullptr.
const OutputFormat* find_output_format(std::string_view name);

// Another spelling of a format, or of a format at a version:
// "spdx3-jsonld" is spdx-json at 3.0.
struct FormatAlias {
  std::string_view alias;
  std::string_view name;
  // The version the alias stands for; empty when it names no version.
  std::string_view version;
};

std::span<const FormatAlias> format_aliases();

// A version as users write it that names one of a format's versions:
// spdx-json's "3.0.1" is its "3.0".
struct VersionAlias {
  std::string_view name;
  std::string_view alias;
  std::string_view version;
};

std::span<const VersionAlias> version_aliases();

// What the name is resolved for: writing (-o) accepts the versions the
// writer emits, reading (`validate --format`) those kensa reads.
enum class FormatUse { write, read };

// A "NAME[@VERSION]" resolved against the table.
struct FormatName {
  const OutputFormat* format = nullptr;
  // The version asked for, in the table's spelling ("3.0.1" becomes
  // "3.0"); the format's default when none was asked for and the use is
  // writing; empty when none was asked for and the use is reading.
  std::string version;
};

// Resolves `text`, a format name or alias with an optional "@VERSION".
// Fails in one line naming the unknown format or version and listing the
// known ones.
Result<FormatName> parse_format_name(std::string_view text, FormatUse use);

// The family, encoding and version of a document in `format` at `version`
// (spdx-json at 3.x is SPDX 3 JSON-LD; its version is the one SPDX 3 names,
// "3.0.1").
DetectedFormat document_format(const OutputFormat& format, std::string_view version);

// The row of the format a document like `detected` is in ("cyclonedx-json",
// "spdx-json" for SPDX 3 JSON-LD), or nullptr when the table has none
// (unknown, SPDX RDF/XML).
const OutputFormat* format_of(const DetectedFormat& detected);

// "cyclonedx-json 1.6", "spdx-json 3.0.1": the format's name and the
// document's version, as reports and messages show them.
std::string format_label(const DetectedFormat& detected);

// The names of the table, each with its versions and aliases, as
// `kensa --version` lists them: "cyclonedx-json@1.6|1.4|1.5|1.7".
std::string format_listing();

} // namespace kensa::format
