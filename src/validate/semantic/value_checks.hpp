#pragma once

#include "../finding_sink.hpp"

#include <kensa/util/json_document.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Checks of single values that both SBOM families share: purls, license
// expressions, digests, timestamps. Each reports into a FindingSink under
// the rule id the caller gives.
namespace kensa::validate::semantic {

using Json = kensa::json::Value;

// The member `key` of `object`, or nullopt when `object` is no object or
// lacks it.
std::optional<Json> find_member(const Json& object, std::string_view key);
// The member `key` when it is an array, else nullopt.
std::optional<Json> find_array(const Json& object, std::string_view key);

// The member `key` of `object`, or the absent value (which reads as null).
// Strings read from it stay valid as long as the document does.
Json member(const Json& object, std::string_view key);

// The string at `value`, or empty when it is not a string.
std::string_view string_of(const Json& value);

// A JSON Pointer spelled out only when a finding needs it: a base pointer
// plus up to four more tokens. Checks run on every component of big
// documents and almost never report, so building each location up front
// would cost more than the checks. A Location refers to its base and
// member names: pass it down, never keep it.
class Location {
 public:
  // NOLINTNEXTLINE(google-explicit-constructor): a pointer is a location.
  Location(const std::string& base) : m_base(&base) {}
  Location member(std::string_view name) const;
  Location item(std::size_t index) const;
  std::string pointer() const;

 private:
  struct Token {
    std::string_view name;
    std::size_t index = 0;
    bool is_member = false;
  };
  Location with(Token token) const;

  const std::string* m_base;
  std::array<Token, 4> m_tokens{};
  std::size_t m_count = 0;
};

// JSON Pointer of `parent` + "/" + token, escaped.
std::string child(const std::string& parent, std::string_view token);
std::string child(const std::string& parent, std::size_t index);

// A purl that does not parse is an error (`syntax_rule`). When it parses,
// its name (and version, when both are set) should equal the component's
// `name` and `version`: a warning under `mismatch_rule` otherwise (no
// comparison when `name` is empty).
void check_purl(std::string_view purl, std::string_view name, std::string_view version,
                const Location& location, std::string_view syntax_rule,
                std::string_view mismatch_rule, FindingSink& sink);

// An SPDX license expression: unknown ids are errors, deprecated ids
// warnings. NONE and NOASSERTION pass when `allow_none` is set.
void check_license_expression(std::string_view text, const Location& location, bool allow_none,
                              FindingSink& sink);

// The text kensa's SPDX writers put before each license evidence in an
// annotation ("license evidence: MIT (text, score 0.993) in LICENSE").
inline constexpr std::string_view k_license_evidence_annotation = "license evidence: ";

// LICENSE-EVIDENCE-MISMATCH: a warning at `location` when the component
// named `component` declares licenses (`declared`, SPDX expressions; those
// that do not parse are left out) and a license its license files show
// (`evidence`, each as model::license_evidence_text writes it) is named by
// none of them. The `-only`, `-or-later` and `+` forms of one license count
// as the same license (a bare GPL text cannot tell them apart). Nothing
// when either side is empty.
void check_license_evidence(const std::vector<std::string>& declared,
                            const std::vector<std::string>& evidence, std::string_view component,
                            const Location& location, FindingSink& sink);

// A single SPDX license id (CycloneDX license.id).
void check_license_id(std::string_view id, const Location& location, FindingSink& sink);

// A hex digest of `algorithm` ("SHA-256", "SHA256", "sha256"): its length and
// alphabet. Unknown algorithms are not checked.
void check_digest(std::string_view algorithm, std::string_view value, const Location& location,
                  FindingSink& sink);

// An RFC 3339 date-time that names a real date.
void check_timestamp(std::string_view text, const Location& location, std::string_view rule,
                     FindingSink& sink);

} // namespace kensa::validate::semantic
