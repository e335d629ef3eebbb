#include "versions/version_schemes.hpp"

#include <kensa/audit/version_order.hpp>

#include <array>
#include <utility>

namespace kensa::audit {

namespace {

// purl types whose versions follow one of the schemes; the rest are generic.
constexpr std::array<std::pair<std::string_view, VersionScheme>, 15> k_scheme_of_type{{
    {"npm", VersionScheme::semver},
    {"cargo", VersionScheme::semver},
    {"nuget", VersionScheme::semver},
    {"composer", VersionScheme::semver},
    {"hex", VersionScheme::semver},
    {"pub", VersionScheme::semver},
    {"swift", VersionScheme::semver},
    {"cocoapods", VersionScheme::semver},
    {"pypi", VersionScheme::pep440},
    {"deb", VersionScheme::debian},
    {"rpm", VersionScheme::rpm},
    {"maven", VersionScheme::maven},
    {"golang", VersionScheme::go},
    {"gem", VersionScheme::ruby},
    {"github", VersionScheme::generic},
}};

} // namespace

std::string_view version_scheme_name(VersionScheme scheme) {
  switch (scheme) {
  case VersionScheme::semver:
    return "semver";
  case VersionScheme::pep440:
    return "PEP 440";
  case VersionScheme::debian:
    return "Debian";
  case VersionScheme::rpm:
    return "RPM";
  case VersionScheme::maven:
    return "Maven";
  case VersionScheme::go:
    return "Go";
  case VersionScheme::ruby:
    return "Ruby";
  case VersionScheme::generic:
    break;
  }
  return "generic";
}

VersionScheme version_scheme_for(std::string_view purl_type) {
  for (const auto& [type, scheme] : k_scheme_of_type) {
    if (type == purl_type) {
      return scheme;
    }
  }
  return VersionScheme::generic;
}

int compare_versions(std::string_view a, std::string_view b, VersionScheme scheme) {
  if (a == b) {
    return 0;
  }
  // Over-long versions come first, in byte order, apart from the others:
  // mixing byte order with a scheme's would not be an order at all.
  const bool long_a = a.size() > k_max_ordered_version_length;
  const bool long_b = b.size() > k_max_ordered_version_length;
  if (long_a || long_b) {
    return long_a && long_b ? versions::sign(a.compare(b)) : (long_a ? -1 : 1);
  }
  switch (scheme) {
  case VersionScheme::semver:
    return versions::compare_semver(a, b);
  case VersionScheme::pep440:
    return versions::compare_pep440(a, b);
  case VersionScheme::debian:
    return versions::compare_debian(a, b);
  case VersionScheme::rpm:
    return versions::compare_rpm(a, b);
  case VersionScheme::maven:
    return versions::compare_maven(a, b);
  case VersionScheme::go:
    return versions::compare_go(a, b);
  case VersionScheme::ruby:
    return versions::compare_ruby(a, b);
  case VersionScheme::generic:
    break;
  }
  return versions::compare_generic(a, b);
}

} // namespace kensa::audit
