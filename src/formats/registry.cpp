// The table of every output format. Adding one means adding one row here and
// its writer under src/formats/.
#include "cyclonedx/cyclonedx_json_writer.hpp"
#include "table/table_writer.hpp"

#include <kensa/format/writer.hpp>

#include <algorithm>
#include <array>

namespace kensa::format {

namespace {

constexpr std::array<std::string_view, 1> k_cyclonedx_json_versions{"1.6"};

constexpr std::array k_formats{
    OutputFormat{"cyclonedx-json", "CycloneDX JSON", k_cyclonedx_json_versions, "1.6",
                 &cyclonedx::write_json},
    OutputFormat{"table", "human-readable table of components", {}, "", &table::write_table},
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
