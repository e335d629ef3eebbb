#include <kensa/model/component.hpp>
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
  for (auto method :
       {LicenseMatchMethod::text, LicenseMatchMethod::header, LicenseMatchMethod::identifier}) {
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
    found = LicenseEvidence{std::string(text.substr(0, at)), std::string(rest.substr(close + 5)),
                            rounded_license_score(score), method};
  }
  return found;
}

void add_license_file_evidence(Component& component, std::string_view location,
                               std::string_view text) {
  const auto findings = identify_licenses(text);
  for (const auto& match : findings.licenses) {
    LicenseEvidence evidence{match.expression, std::string(location),
                             rounded_license_score(match.score), match.method};
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
