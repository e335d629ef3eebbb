#include "spdx_metadata.hpp"

#include "../common/property_names.hpp"
#include "spdx_licenses.hpp"

#include <kensa/version.hpp>

#include <algorithm>
#include <cctype>

namespace kensa::format::spdx {

std::string tool_name(const model::Tool& tool) {
  return tool.version.empty() ? tool.name : tool.name + "-" + tool.version;
}

namespace {

bool is_kensa_itself(const model::Tool& tool) {
  return tool.name == k_name && tool.vendor == k_name;
}

} // namespace

model::Tool tool_of_name(std::string_view text) {
  model::Tool tool{"", std::string(text), ""};
  const auto dash = text.rfind('-');
  if (dash != std::string_view::npos && dash + 1 < text.size() &&
      std::isdigit(static_cast<unsigned char>(text[dash + 1]))) {
    tool.name = std::string(text.substr(0, dash));
    tool.version = std::string(text.substr(dash + 1));
  }
  if (tool.name == k_name) {
    tool.vendor = k_name;
  }
  return tool;
}

void count_metadata_losses(const model::DocumentMetadata& metadata, LossReport& losses) {
  losses.add("tool vendors (SPDX has no field for them)",
             static_cast<std::size_t>(std::count_if(
                 metadata.tools.begin(), metadata.tools.end(), [](const model::Tool& tool) {
                   return !tool.vendor.empty() && !is_kensa_itself(tool);
                 })));
  // An incomplete scan says so in an annotation (common/incompleteness);
  // a completeness without the omissions behind it has no place.
  if (metadata.completeness != model::Completeness::unknown && metadata.omitted == 0) {
    losses.add("completeness (SPDX has no field for it)");
  }
  const auto carried = [](const model::Property& property) {
    return property.name == property::k_spdx_document_name ||
           property.name.starts_with(k_license_text_prefix) ||
           property.name.starts_with(k_license_name_prefix);
  };
  losses.add("document properties (SPDX has no field for them)",
             static_cast<std::size_t>(
                 std::count_if(metadata.properties.begin(), metadata.properties.end(),
                               [&](const auto& property) { return !carried(property); })));
}

} // namespace kensa::format::spdx
