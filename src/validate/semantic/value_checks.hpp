#pragma once

#include "../finding_sink.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

// Checks of single values that both SBOM families share: purls, license
// expressions, digests, timestamps. Each reports into a FindingSink under
// the rule id the caller gives.
namespace kensa::validate::semantic {

using Json = nlohmann::json;

// The member `key` of `object`, or nullptr when `object` is no object or
// lacks it. Defined out of line: GCC's -Wnull-dereference misreads
// nlohmann's inlined iterators as possibly null.
const Json* find_member(const Json& object, std::string_view key);
// The member `key` when it is an array, else nullptr.
const Json* find_array(const Json& object, std::string_view key);

// The member `key` of `object`, or a null value: never a temporary, so a
// string_view of it stays valid.
const Json& member(const Json& object, std::string_view key);

// The string at `value`, or empty when it is not a string.
std::string_view string_of(const Json& value);

// JSON Pointer of `parent` + "/" + token, escaped.
std::string child(const std::string& parent, std::string_view token);
std::string child(const std::string& parent, std::size_t index);

// A purl that does not parse is an error (`rule`); returns whether it parsed.
bool check_purl(std::string_view purl, const std::string& location, std::string_view rule,
                FindingSink& sink);

// When the purl parses, its name (and version, when both are set) should
// equal the component's: a warning under `rule` otherwise.
void check_purl_agrees(std::string_view purl, std::string_view name, std::string_view version,
                       const std::string& location, std::string_view rule, FindingSink& sink);

// An SPDX license expression: unknown ids are errors, deprecated ids
// warnings. NONE and NOASSERTION pass when `allow_none` is set.
void check_license_expression(std::string_view text, const std::string& location, bool allow_none,
                              FindingSink& sink);

// A single SPDX license id (CycloneDX license.id).
void check_license_id(std::string_view id, const std::string& location, FindingSink& sink);

// A hex digest of `algorithm` ("SHA-256", "SHA256", "sha256"): its length and
// alphabet. Unknown algorithms are not checked.
void check_digest(std::string_view algorithm, std::string_view value, const std::string& location,
                  FindingSink& sink);

// An RFC 3339 date-time that names a real date.
void check_timestamp(std::string_view text, const std::string& location, std::string_view rule,
                     FindingSink& sink);

} // namespace kensa::validate::semantic
