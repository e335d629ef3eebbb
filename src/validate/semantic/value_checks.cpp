#include "value_checks.hpp"

#include <kensa/model/component.hpp>
#include <kensa/model/hash.hpp>
#include <kensa/model/license.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>
#include <kensa/validate/json_schema_formats.hpp>

#include <algorithm>
#include <set>

namespace kensa::validate::semantic {

namespace {

// Values quoted in messages are shortened: a hostile 10 MB field must not
// become a 10 MB report line.
std::string shown(std::string_view text) {
  constexpr std::size_t k_max = 120;
  if (text.size() <= k_max) {
    return "'" + std::string(text) + "'";
  }
  return "'" + std::string(text.substr(0, k_max)) + "…' (" + std::to_string(text.size()) +
         " bytes)";
}

} // namespace

std::optional<Json> find_member(const Json& object, std::string_view key) {
  const Json found = object[key];
  return found.exists() ? std::optional<Json>(found) : std::nullopt;
}

std::optional<Json> find_array(const Json& object, std::string_view key) {
  const Json found = object[key];
  return found.is_array() ? std::optional<Json>(found) : std::nullopt;
}

Json member(const Json& object, std::string_view key) {
  return object[key];
}

std::string_view string_of(const Json& value) {
  return value.string();
}

Location Location::with(Token token) const {
  Location next = *this;
  // Callers nest at most four tokens below a base they spell out; a fifth
  // would be a programming error, kept visible rather than lost.
  if (next.m_count == next.m_tokens.size()) {
    next.m_tokens.back() = Token{"...", 0, true};
    return next;
  }
  next.m_tokens[next.m_count++] = token;
  return next;
}

Location Location::member(std::string_view name) const {
  return with(Token{name, 0, true});
}

Location Location::item(std::size_t index) const {
  return with(Token{{}, index, false});
}

std::string Location::pointer() const {
  std::string out = *m_base;
  for (std::size_t i = 0; i < m_count; ++i) {
    if (m_tokens[i].is_member) {
      json::append_pointer_token(out, m_tokens[i].name);
    } else {
      out += '/';
      out += std::to_string(m_tokens[i].index);
    }
  }
  return out;
}

std::string child(const std::string& parent, std::string_view token) {
  std::string pointer = parent;
  json::append_pointer_token(pointer, token);
  return pointer;
}

std::string child(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

void check_purl(std::string_view purl, std::string_view name, std::string_view version,
                const Location& location, std::string_view syntax_rule,
                std::string_view mismatch_rule, FindingSink& sink) {
  auto parsed = model::parse_purl(purl, model::PurlParseOptions{true});
  if (!parsed) {
    // Go purls without a namespace are what the Go ecosystem writes: a
    // warning that says why, not a syntax error.
    model::PurlParseOptions lenient{true};
    lenient.golang_namespace_optional = true;
    auto go = model::parse_purl(purl, lenient);
    if (!go) {
      sink.add(Severity::error, std::string(syntax_rule), location.pointer(),
               "purl " + shown(purl) + " does not parse: " + parsed.error(),
               "write it as pkg:type/namespace/name@version (ECMA-427)");
      return;
    }
    sink.add(Severity::warning, "PURL-GOLANG-NAMESPACE", location.pointer(),
             "purl " + shown(purl) +
                 " has no namespace, which the golang purl type requires (the module path "
                 "before its last segment); OSV, Grype, Syft, cdxgen and Dependency-Track write "
                 "the Go standard library and one-segment module paths this way, but other "
                 "readers may reject it",
             "nothing to change for the Go tools that write it; readers that follow the type "
             "definition to the letter need a namespace");
    parsed = std::move(go);
  }
  if (name.empty()) {
    return;
  }
  // Types fold case or rewrite names (pypi "_" to "-"), so compare loosely.
  auto fold = [](std::string_view text) {
    std::string folded = to_lower_ascii(text);
    std::replace(folded.begin(), folded.end(), '_', '-');
    std::replace(folded.begin(), folded.end(), '.', '-');
    return folded;
  };
  const std::string folded_name = fold(name);
  const std::string folded_purl_name = fold(parsed->name);
  const bool name_matches = folded_purl_name == folded_name ||
                            (!parsed->namespace_.empty() &&
                             fold(parsed->namespace_ + "/" + parsed->name) == folded_name) ||
                            folded_name.ends_with("/" + folded_purl_name) ||
                            folded_name.ends_with(":" + folded_purl_name);
  if (!name_matches) {
    sink.add(Severity::warning, std::string(mismatch_rule), location.pointer(),
             "purl name " + shown(parsed->name) + " differs from the component name " + shown(name),
             "make the purl and the name describe the same package");
  }
  // rpm and others put the epoch in a qualifier; the component's version
  // keeps it in front ("2:1.0-1").
  const std::string_view epoch = parsed->qualifier("epoch");
  const bool epoch_matches =
      !epoch.empty() && version == std::string(epoch) + ":" + parsed->version;
  if (!version.empty() && !parsed->version.empty() && parsed->version != version &&
      fold(parsed->version) != fold(version) && !epoch_matches) {
    sink.add(Severity::warning, std::string(mismatch_rule), location.pointer(),
             "purl version " + shown(parsed->version) + " differs from the component version " +
                 shown(version),
             "make the purl and the version describe the same release");
  }
}

void check_license_expression(std::string_view text, const Location& location, bool allow_none,
                              FindingSink& sink) {
  if (allow_none && (text == "NONE" || text == "NOASSERTION")) {
    return;
  }
  const auto parsed = model::parse_license_expression(text);
  if (!parsed) {
    sink.add(Severity::error, "LICENSE-EXPRESSION", location.pointer(),
             "license expression " + shown(text) + " is not valid SPDX: " + parsed.error(),
             "use ids from the SPDX license list, or LicenseRef-<name> for others");
    return;
  }
  for (const auto& notice : parsed->notices) {
    sink.add(Severity::warning, "LICENSE-DEPRECATED", location.pointer(), notice.message,
             "replace deprecated ids with their current SPDX form");
  }
}

void check_license_id(std::string_view id, const Location& location, FindingSink& sink) {
  const auto* entry = model::LicenseList::bundled().find_license(id);
  if (!entry) {
    sink.add(Severity::error, "LICENSE-ID", location.pointer(),
             "license id " + shown(id) + " is not on the SPDX license list",
             "use license.name for licenses that have no SPDX id");
  } else if (entry->deprecated) {
    sink.add(Severity::warning, "LICENSE-DEPRECATED", location.pointer(),
             "license id " + shown(id) + " is deprecated on the SPDX license list",
             "use the current id (e.g. GPL-2.0-only for GPL-2.0)");
  }
}

void check_digest(std::string_view algorithm, std::string_view value, const Location& location,
                  FindingSink& sink) {
  const auto parsed = model::parse_hash_algorithm(algorithm);
  if (!parsed) {
    return;
  }
  const std::size_t wanted = model::hash_hex_length(*parsed);
  const bool hex = std::all_of(value.begin(), value.end(), is_ascii_hex_digit);
  if (!hex || (wanted != 0 && value.size() != wanted)) {
    sink.add(Severity::error, "HASH-VALUE", location.pointer(),
             std::string(algorithm) + " digest " + shown(value) + " is not " +
                 std::to_string(wanted) + " hexadecimal digits",
             "give the digest in hex, as the algorithm produces it");
  }
}

void check_timestamp(std::string_view text, const Location& location, std::string_view rule,
                     FindingSink& sink) {
  if (!schema::is_date_time(text)) {
    sink.add(Severity::error, std::string(rule), location.pointer(),
             "timestamp " + shown(text) + " is not a real RFC 3339 date-time",
             "write e.g. 2024-05-01T12:00:00Z");
  }
}

} // namespace kensa::validate::semantic

namespace kensa::validate::semantic {

namespace {

// The license ids of an expression, each without the version suffixes a
// license text cannot tell apart ("GPL-2.0-or-later" and "GPL-2.0+" are
// "GPL-2.0"); empty when it does not parse.
std::set<std::string> comparable_ids(std::string_view expression) {
  std::set<std::string> ids;
  const auto parsed = model::parse_license_expression(expression);
  if (!parsed) {
    return ids;
  }
  for (std::string id : parsed->license_refs) {
    for (const std::string_view suffix : {"-or-later", "-only"}) {
      if (id.ends_with(suffix)) {
        id.resize(id.size() - suffix.size());
      }
    }
    ids.insert(std::move(id));
  }
  return ids;
}

} // namespace

void check_license_evidence(const std::vector<std::string>& declared,
                            const std::vector<std::string>& evidence, std::string_view component,
                            const Location& location, FindingSink& sink) {
  std::set<std::string> named;
  std::string declared_text;
  for (const auto& expression : declared) {
    const auto ids = comparable_ids(expression);
    if (ids.empty()) {
      continue;
    }
    named.insert(ids.begin(), ids.end());
    declared_text += (declared_text.empty() ? "" : "' and '") + expression;
  }
  if (named.empty()) {
    return;
  }
  std::vector<model::LicenseEvidence> all;
  for (const auto& text : evidence) {
    if (auto found = model::parse_license_evidence_text(text)) {
      all.push_back(std::move(*found));
    }
  }
  const auto is_named = [&](const model::LicenseEvidence& found) {
    const auto ids = comparable_ids(found.expression);
    return std::all_of(ids.begin(), ids.end(),
                       [&](const std::string& id) { return named.contains(id); });
  };
  std::string shown;
  for (const auto& found : all) {
    // The text kept beside a declared license found in the same file (a
    // history section, bundled notices) is no other license.
    if (found.method == model::LicenseMatchMethod::unlisted &&
        std::any_of(all.begin(), all.end(), [&](const model::LicenseEvidence& other) {
          return other.location == found.location &&
                 other.method != model::LicenseMatchMethod::unlisted && is_named(other);
        })) {
      continue;
    }
    if (!is_named(found)) {
      shown += (shown.empty() ? "" : ", ") + found.expression + " in " + found.location;
    }
  }
  if (shown.empty()) {
    return;
  }
  sink.add(Severity::warning, "LICENSE-EVIDENCE-MISMATCH", location.pointer(),
           "component '" + std::string(component) + "' declares '" + declared_text +
               "' but its license files show " + shown,
           "check which license applies: correct the declared license, or the component's "
           "files say more than it declares (bundled code under another license)");
}

} // namespace kensa::validate::semantic
