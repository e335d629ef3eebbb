#include <kensa/model/license.hpp>
#include <kensa/util/strings.hpp>

#include <string>
#include <utility>

namespace kensa::model {

License license_from_text(std::string_view text) {
  // Surrounding white space is never part of a license name.
  const auto trimmed = trim(text);
  License license;
  if (trimmed.empty()) {
    return license;
  }
  if (auto parsed = parse_license_expression(trimmed)) {
    license.expression = std::move(parsed->canonical);
    return license;
  }
  if (auto mapped = map_license_text(trimmed)) {
    license.expression = std::move(*mapped);
    return license;
  }
  license.name = std::string(trimmed);
  return license;
}

} // namespace kensa::model
