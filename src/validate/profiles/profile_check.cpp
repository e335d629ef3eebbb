#include "profile_check.hpp"

#include <charconv>
#include <string_view>

namespace kensa::validate::profiles {

namespace {

// Compares dotted version numbers ("1.10" > "1.9"); -1, 0 or 1.
int compare_versions(std::string_view left, std::string_view right) {
  while (!left.empty() || !right.empty()) {
    unsigned a = 0;
    unsigned b = 0;
    auto [left_end, left_error] = std::from_chars(left.data(), left.data() + left.size(), a);
    auto [right_end, right_error] = std::from_chars(right.data(), right.data() + right.size(), b);
    if (a != b) {
      return a < b ? -1 : 1;
    }
    left.remove_prefix(static_cast<std::size_t>(left_end - left.data()));
    right.remove_prefix(static_cast<std::size_t>(right_end - right.data()));
    if (left.starts_with('.')) {
      left.remove_prefix(1);
    }
    if (right.starts_with('.')) {
      right.remove_prefix(1);
    }
    if (left_error != std::errc() && right_error != std::errc()) {
      break;
    }
  }
  return 0;
}

void check_format(const Profile& profile, const format::DetectedFormat& kind, FindingSink& sink) {
  const std::string prefix = "[" + std::string(profile.id) + "] ";
  const std::string_view minimum =
      kind.family == format::DocumentFamily::cyclonedx ? profile.min_cyclonedx : profile.min_spdx;
  if (minimum.empty()) {
    return;
  }
  // Both branches must be views: a literal against a std::string would make a
  // temporary string that dies at the end of the statement.
  const bool spdx2 = kind.family == format::DocumentFamily::spdx && !format::is_spdx3(kind);
  const std::string_view version = spdx2 && minimum.starts_with('3')
                                       ? std::string_view("2")
                                       : std::string_view(kind.spec_version);
  if (compare_versions(version, minimum) < 0) {
    sink.add(Severity::error, "PROFILE-FORMAT", "",
             prefix + format::format_label(kind) + " is not accepted: the profile asks " +
                 "for version " + std::string(minimum) + " or later",
             "produce the SBOM in a newer format version");
  }
  if (kind.encoding == format::DocumentEncoding::tag_value ||
      kind.encoding == format::DocumentEncoding::yaml) {
    sink.add(Severity::error, "PROFILE-FORMAT", "",
             prefix + "only JSON and XML encodings are accepted, not " +
                 std::string(format::format_of(kind)->name),
             "convert the document to JSON");
  }
}

// The severity of one element judged missing, declared unknown or present.
std::optional<Severity> judge(const ProfileRule& rule, Presence presence) {
  switch (rule.level) {
  case ElementLevel::forbidden:
    return presence == Presence::present ? std::optional(Severity::error) : std::nullopt;
  case ElementLevel::required:
    if (presence == Presence::missing) {
      return Severity::error;
    }
    if (presence == Presence::declared_unknown) {
      return rule.unknown_allowed ? Severity::warning : Severity::error;
    }
    return std::nullopt;
  case ElementLevel::conditional:
    return presence == Presence::present ? std::nullopt : std::optional(Severity::warning);
  case ElementLevel::recommended:
    return presence == Presence::present ? std::nullopt : std::optional(Severity::info);
  }
  return std::nullopt;
}

void count(ElementCoverage& coverage, Presence presence) {
  switch (presence) {
  case Presence::present:
    ++coverage.present;
    break;
  case Presence::declared_unknown:
    ++coverage.declared_unknown;
    break;
  case Presence::missing:
    ++coverage.missing;
    break;
  }
}

void report(const Profile& profile, const ProfileRule& rule, Presence presence,
            const std::string& location, const std::string& subject, FindingSink& sink) {
  const auto severity = judge(rule, presence);
  if (!severity) {
    return;
  }
  const std::string name(element_name(rule.element));
  std::string message = "[" + std::string(profile.id) + "] " + name;
  std::string rule_id;
  if (rule.level == ElementLevel::forbidden) {
    rule_id = "PROFILE-FORBIDDEN";
    message += " must not be present";
  } else if (presence == Presence::declared_unknown) {
    rule_id = "PROFILE-UNKNOWN";
    message += " is declared unknown";
  } else {
    rule_id = "PROFILE-MISSING";
    message += std::string(" (") + std::string(to_string(rule.level)) + ") is missing";
  }
  if (!subject.empty()) {
    message += " for " + subject;
  }
  // A missing element says what would supply it; other findings where the
  // element goes.
  std::string hint = rule_id == "PROFILE-MISSING" ? std::string(how_to_supply(rule.element))
                                                  : "see docs/validate/profiles.md for where " +
                                                        name + " goes in each format";
  sink.add(*severity, rule_id, location, message, std::move(hint));
}

} // namespace

ProfileResult check_profile(const Profile& profile, const format::DetectedFormat& kind,
                            const DocumentFacts& facts, FindingSink& sink) {
  ProfileResult result;
  result.id = std::string(profile.id);
  result.components = facts.components.size();
  check_format(profile, kind, sink);
  for (const auto& rule : profile.rules) {
    ElementCoverage coverage{rule.element, rule.level};
    const auto index = static_cast<std::size_t>(rule.element);
    if (is_component_element(rule.element)) {
      for (const auto& component : facts.components) {
        const Presence presence = component.elements[index];
        count(coverage, presence);
        report(profile, rule, presence, component.location, "component " + component.label, sink);
      }
    } else {
      count(coverage, facts.elements[index]);
      report(profile, rule, facts.elements[index], "", "the document", sink);
    }
    result.coverage.push_back(coverage);
  }
  return result;
}

} // namespace kensa::validate::profiles
