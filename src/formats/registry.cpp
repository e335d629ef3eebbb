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

constexpr std::array k_formats{
    OutputFormat{"cyclonedx-json", "CycloneDX JSON", k_cyclonedx_versions, "1.6",
                 &cyclonedx::write_json, nullptr},
    OutputFormat{"cyclonedx-xml", "CycloneDX XML", k_cyclonedx_versions, "1.6",
                 &cyclonedx::write_xml, nullptr},
    OutputFormat{"spdx-json", "SPDX JSON (3.0: JSON-LD)", k_spdx_json_versions, "2.3",
                 &write_spdx_json, nullptr},
    OutputFormat{"spdx-tag-value", "SPDX tag-value", k_spdx2_versions, "2.3",
                 &spdx::write_tag_value, nullptr},
    OutputFormat{"spdx-yaml", "SPDX YAML", k_spdx2_versions, "2.3", &spdx::write_yaml, nullptr},
    OutputFormat{"table",
                 "human-readable table of components",
                 {},
                 "",
                 &table::write_table,
                 &table::write_table_within},
    OutputFormat{"table-wide",
                 "the table with each component's purl and location",
                 {},
                 "",
                 &table::write_wide_table,
                 &table::write_wide_table_within},
    OutputFormat{"purls", "one purl per line", {}, "", &purls::write_purls, nullptr},
    OutputFormat{"kensa-json",
                 "the full kensa model as JSON",
                 {},
                 "",
                 &kensa_json::write_kensa_json,
                 nullptr},
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

} // namespace kensa::format
