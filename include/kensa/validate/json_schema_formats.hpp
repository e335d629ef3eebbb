#pragma once

#include <string_view>

// The `format` values kensa checks: those the CycloneDX and SPDX schemas use
// and the rest of the draft-07 list. Each check takes a string instance.
namespace kensa::validate::schema {

using FormatCheck = bool (*)(std::string_view);

// The check for `name`, or nullptr for a format kensa does not know (such
// values are accepted, as the specification asks).
FormatCheck find_format(std::string_view name);

// Date and time (RFC 3339 section 5.6; format_datetime.cpp).
bool is_date_time(std::string_view text);
bool is_date(std::string_view text);
bool is_time(std::string_view text);
bool is_duration(std::string_view text);

// Host names and addresses (format_host.cpp).
bool is_hostname(std::string_view text);
bool is_idn_hostname(std::string_view text);
bool is_email(std::string_view text);
bool is_idn_email(std::string_view text);
bool is_ipv4(std::string_view text);
bool is_ipv6(std::string_view text);

// Everything else (format_misc.cpp).
bool is_uri(std::string_view text);
bool is_uri_reference(std::string_view text);
bool is_iri(std::string_view text);
bool is_iri_reference(std::string_view text);
bool is_uri_template(std::string_view text);
bool is_uuid(std::string_view text);
bool is_regex(std::string_view text);
bool is_json_pointer(std::string_view text);
bool is_relative_json_pointer(std::string_view text);

} // namespace kensa::validate::schema
