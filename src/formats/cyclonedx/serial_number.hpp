#pragma once

#include <string>
#include <string_view>

namespace kensa::format::cyclonedx {

// Written where the serial number goes, then replaced by serial_number() of
// the whole text: the serial is derived from everything else in the document.
inline constexpr std::string_view k_serial_placeholder =
    "urn:uuid:00000000-0000-0000-0000-000000000000";

// An RFC 4122 name-based UUID (version 5 layout) from the SHA-256 of
// `content`, as "urn:uuid:...".
std::string serial_number(std::string_view content);

// Replaces the first k_serial_placeholder in `text` by serial_number(text).
void fill_serial_number(std::string& text);

} // namespace kensa::format::cyclonedx
