#pragma once

#include <optional>
#include <string>
#include <string_view>

// Punycode (RFC 3492), the encoding of internationalized host name labels:
// an A-label is "xn--" followed by the encoding of the U-label.
namespace kensa::validate::schema {

// The Punycode form of `label`, or nullopt when the result would not fit a
// DNS label anyway (the inputs here are single labels).
std::optional<std::string> punycode_encode(std::u32string_view label);

// The code points `encoded` stands for, or nullopt when it is malformed.
std::optional<std::u32string> punycode_decode(std::string_view encoded);

} // namespace kensa::validate::schema
