#include <kensa/model/component.hpp>
#include <kensa/model/ids.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>
#include <kensa/util/url_text.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace kensa::model {

std::string_view component_type_name(ComponentType type) {
  static constexpr std::array<std::string_view, 13> k_names{"application",
                                                            "framework",
                                                            "library",
                                                            "container",
                                                            "platform",
                                                            "operating-system",
                                                            "device",
                                                            "device-driver",
                                                            "firmware",
                                                            "file",
                                                            "machine-learning-model",
                                                            "data",
                                                            "cryptographic-asset"};
  return k_names[static_cast<std::size_t>(type)];
}

std::string_view scope_name(Scope scope) {
  static constexpr std::array<std::string_view, 4> k_names{"unknown", "required", "optional",
                                                           "excluded"};
  return k_names[static_cast<std::size_t>(scope)];
}

void set_party_address(Party& party, std::string_view address) {
  address = trim(address);
  if (address.empty()) {
    return;
  }
  if (looks_like_web_link(address)) {
    if (party.url.empty()) {
      party.url = std::string(address);
    }
    return;
  }
  party.email = std::string(address);
}

void Component::add_property(std::string property_name, std::string value) {
  Property property{std::move(property_name), std::move(value)};
  if (std::find(properties.begin(), properties.end(), property) == properties.end()) {
    properties.push_back(std::move(property));
  }
}

double rounded_license_score(double score) {
  return std::round(score * 1000) / 1000;
}

namespace {

// "0.993": scores are written with three decimals, the same everywhere.
std::string score_text(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", score);
  return text;
}

} // namespace

std::string license_evidence_text(const LicenseEvidence& evidence) {
  return evidence.expression + " (" + std::string(license_match_method_name(evidence.method)) +
         ", score " + score_text(evidence.score) + ") in " + evidence.location;
}

std::optional<LicenseEvidence> parse_license_evidence_text(std::string_view text) {
  // The method word marks where the expression ends: an expression holds
  // parentheses, but never "(text, score".
  std::optional<LicenseEvidence> found;
  std::size_t best = std::string_view::npos;
  for (auto method : {LicenseMatchMethod::text, LicenseMatchMethod::header,
                      LicenseMatchMethod::identifier, LicenseMatchMethod::unlisted}) {
    const std::string marker = " (" + std::string(license_match_method_name(method)) + ", score ";
    const std::size_t at = text.find(marker);
    if (at == std::string_view::npos || at == 0 || at >= best) {
      continue;
    }
    const std::string_view rest = text.substr(at + marker.size());
    const std::size_t close = rest.find(") in ");
    if (close == std::string_view::npos || close + 5 >= rest.size()) {
      continue;
    }
    double score = 0;
    const std::string_view number = rest.substr(0, close);
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), score);
    if (error != std::errc() || end != number.data() + number.size() || !(score >= 0) ||
        score > 1) {
      continue;
    }
    best = at;
    found = LicenseEvidence{std::string(text.substr(0, at)),
                            std::string(rest.substr(close + 5)),
                            rounded_license_score(score),
                            method,
                            {}};
  }
  return found;
}

std::string unlisted_license_ref(std::string_view text) {
  return "LicenseRef-file-" + content_hash_id(text, 16);
}

namespace {

// A file with listed licenses is kept whole too when this many words in a
// row are none of theirs: a passage that long is license terms of its own
// (Mapbox's terms above the BSD texts mapbox-gl bundles), not the few
// words that introduce each text.
constexpr std::size_t k_min_unlisted_run = 80;
// A file this short beside files with listed licenses points at them
// ("This project is dual-licensed under the Unlicense and MIT licenses.").
constexpr std::size_t k_max_pointer_words = 50;

std::size_t word_count(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    count += (!space && !in_word) ? 1 : 0;
    in_word = !space;
  }
  return count;
}

bool is_pointer(const LicenseEvidence& evidence) {
  return evidence.method == LicenseMatchMethod::unlisted &&
         word_count(evidence.text) < k_max_pointer_words;
}

bool has_listed_evidence(const Component& component) {
  return std::any_of(component.license_evidence.begin(), component.license_evidence.end(),
                     [](const LicenseEvidence& evidence) {
                       return evidence.method != LicenseMatchMethod::unlisted;
                     });
}

void add_unlisted_text(Component& component, std::string_view location, std::string_view text) {
  if (to_lower_ascii(file_name_of(location)).starts_with("notice")) {
    return;
  }
  const std::string kept(trim(text.substr(0, k_max_license_text_size)));
  LicenseEvidence evidence{unlisted_license_ref(kept), std::string(location), 1.0,
                           LicenseMatchMethod::unlisted, kept};
  if (is_pointer(evidence) && has_listed_evidence(component)) {
    return;
  }
  if (std::find(component.license_evidence.begin(), component.license_evidence.end(), evidence) ==
      component.license_evidence.end()) {
    component.license_evidence.push_back(std::move(evidence));
  }
}

} // namespace

void add_license_file_evidence(Component& component, std::string_view location,
                               std::string_view text, bool keep_unlisted_text) {
  const auto findings = identify_licenses(text);
  if (keep_unlisted_text && !findings.licenses.empty()) {
    // Files read earlier that only pointed at these licenses.
    std::erase_if(component.license_evidence, is_pointer);
  }
  if (keep_unlisted_text && findings.words > 0 &&
      (findings.licenses.empty() || findings.longest_unmatched_run >= k_min_unlisted_run)) {
    add_unlisted_text(component, location, text);
  }
  for (const auto& match : findings.licenses) {
    LicenseEvidence evidence{match.expression,
                             std::string(location),
                             rounded_license_score(match.score),
                             match.method,
                             {}};
    if (std::find(component.license_evidence.begin(), component.license_evidence.end(), evidence) ==
        component.license_evidence.end()) {
      component.license_evidence.push_back(std::move(evidence));
    }
  }
  if (findings.licenses.empty() && !findings.closest.empty()) {
    component.add_property("kensa:license:unidentified",
                           std::string(location) + " (closest " + findings.closest + ", score " +
                               score_text(findings.closest_score) + ")");
  }
  for (const auto& copyright : findings.copyrights) {
    if (std::find(component.copyrights.begin(), component.copyrights.end(), copyright) ==
        component.copyrights.end()) {
      component.copyrights.push_back(copyright);
    }
  }
}

std::string display_name(const Component& component) {
  std::string text;
  if (!component.group.empty()) {
    text += component.group;
    text += '/';
  }
  text += component.name;
  if (!component.version.empty()) {
    text += '@';
    text += component.version;
  }
  return text;
}

} // namespace kensa::model
