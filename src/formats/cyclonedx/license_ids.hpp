#pragma once

#include <string_view>

namespace kensa::format::cyclonedx {

// Whether the bundled CycloneDX license-id enum (schemas/cyclonedx/spdx
// schema) lists `id` exactly. A license object may carry an "id" only when it
// does; any other valid SPDX id must be written as an expression.
bool is_cyclonedx_license_id(std::string_view id);

} // namespace kensa::format::cyclonedx
