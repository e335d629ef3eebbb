// The table of every output format. Adding one means adding one row here and
// its writer under src/formats/.
#include "cyclonedx/cyclonedx_json_writer.hpp"
#include "cyclonedx/cyclonedx_xml_writer.hpp"
#include "kensa_json/kensa_json_writer.hpp"
#include "purls/purls_writer.hpp"
#include "spdx/spdx2_writers.hpp"
#include "spdx/spdx3_writer.hpp"
#include "table/table_writer.hpp"

#include <kensa/format/writer.hpp>

#include <algorithm>
#include <array>

namespace kensa::format {

namespace {

constexpr std::array<std::string_view, 4> k_cyclonedx_versions{"1.4", "1.5", "1.6", "1.7"};
// The versions of the bundled CycloneDX schemas.
constexpr std::array<std::string_view, 6> k_cyclonedx_read_versions{"1.2", "1.3", "1.4",
                                                                    "1.5", "1.6", "1.7"};
constexpr std::array<std::string_view, 3> k_spdx_json_versions{"2.2", "2.3", "3.0"};
constexpr std::array<std::string_view, 2> k_spdx2_versions{"2.2", "2.3"};

// SPDX 3 is JSON-LD, a different document from SPDX 2 JSON, under one name.
void write_spdx_json(const model::Document& document, std::string_view version, std::ostream& out,
                     LossReport& losses) {
  if (version.starts_with("3")) {
    spdx::write_spdx3_json(document, version, out, losses);
  } else {
    spdx::write_json(document, version, out, losses);
  }
}

using Family = DocumentFamily;
using Encoding = DocumentEncoding;

constexpr std::array k_formats{
    OutputFormat{"cyclonedx-json", "CycloneDX JSON", Family::cyclonedx, Encoding::json,
                 k_cyclonedx_versions, "1.6", k_cyclonedx_read_versions, &cyclonedx::write_json},
    OutputFormat{"cyclonedx-xml", "CycloneDX XML", Family::cyclonedx, Encoding::xml,
                 k_cyclonedx_versions, "1.6", k_cyclonedx_read_versions, &cyclonedx::write_xml},
    OutputFormat{"spdx-json", "SPDX JSON (3.0: JSON-LD)", Family::spdx, Encoding::json,
                 k_spdx_json_versions, "2.3", k_spdx_json_versions, &write_spdx_json},
    OutputFormat{"spdx-tag-value", "SPDX tag-value", Family::spdx, Encoding::tag_value,
                 k_spdx2_versions, "2.3", k_spdx2_versions, &spdx::write_tag_value},
    OutputFormat{"spdx-yaml", "SPDX YAML", Family::spdx, Encoding::yaml, k_spdx2_versions, "2.3",
                 k_spdx2_versions, &spdx::write_yaml},
    OutputFormat{"table",
                 "human-readable table of components",
                 Family::unknown,
                 Encoding::unknown,
                 {},
                 "",
                 {},
                 &table::write_table,
                 &table::write_table_within},
    OutputFormat{"table-wide",
                 "the table with each component's purl and location",
                 Family::unknown,
                 Encoding::unknown,
                 {},
                 "",
                 {},
                 &table::write_wide_table,
                 &table::write_wide_table_within},
    OutputFormat{"purls",
                 "one purl per line",
                 Family::unknown,
                 Encoding::unknown,
                 {},
                 "",
                 {},
                 &purls::write_purls},
    OutputFormat{"kensa-json",
                 "the full kensa model as JSON",
                 Family::unknown,
                 Encoding::json,
                 {},
                 "",
                 {},
                 &kensa_json::write_kensa_json},
};

// SPDX 3 is spdx-json from version 3 on; its own name is the one the
// validator used to report it under.
constexpr std::array k_aliases{
    FormatAlias{"spdx3-jsonld", "spdx-json", "3.0"},
    FormatAlias{"spdx3-json", "spdx-json", "3.0"},
};

// SPDX 3.0.1 is the only published SPDX 3.0 (3.0.0 was superseded before
// tools wrote it): users write either.
constexpr std::array k_version_aliases{
    VersionAlias{"spdx-json", "3.0.1", "3.0"},
};

} // namespace

std::span<const OutputFormat> output_formats() {
  return k_formats;
}

const OutputFormat* find_output_format(std::string_view name) {
  auto it = std::find_if(k_formats.begin(), k_formats.end(),
                         [&](const OutputFormat& format) { return format.name == name; });
  return it == k_formats.end() ? nullptr : &*it;
}

std::span<const FormatAlias> format_aliases() {
  return k_aliases;
}

std::span<const VersionAlias> version_aliases() {
  return k_version_aliases;
}

} // namespace kensa::format
