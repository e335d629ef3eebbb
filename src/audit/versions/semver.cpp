#include "version_schemes.hpp"

#include <optional>
#include <vector>

// semver.org 2.0.0, section 11 (precedence), and Go's reading of it
// (golang.org/x/mod/semver): "v" first, "v1" and "v1.2" short for "v1.0.0"
// and "v1.2.0", and an invalid version before every valid one. Outside Go,
// a fourth number and more ("1.2.3.4", as NuGet writes and as packages of
// the other semver ecosystems are found with) is read as one more number
// of the same kind: no semver at all, such a version would come before
// every valid one, and npm's 1.13.4 -> 9.1.13.4 would be a downgrade.
namespace kensa::audit::versions {

namespace semver_rules {

struct Semver {
  // MAJOR, MINOR, PATCH and any further numbers; missing ones are 0.
  std::vector<std::string_view> numbers;
  // Dot-separated identifiers, empty for a release.
  std::vector<std::string_view> prerelease;
};

bool all_digits(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return true;
}

// A numeric part: digits, no leading zero unless it is "0".
bool numeric_part(std::string_view text) {
  return all_digits(text) && (text.size() == 1 || text.front() != '0');
}

bool identifier(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    if (!is_digit(c) && !is_alpha(c) && c != '-') {
      return false;
    }
  }
  return true;
}

// How many numbers the core may have.
enum class Core {
  // MAJOR.MINOR.PATCH, then any further numbers.
  at_least_three,
  // Go: one to three, fewer than three only without PRE or BUILD ("v1",
  // "v1.2").
  go_shorthand,
};

// Parses "MAJOR.MINOR.PATCH[-PRE][+BUILD]", with the numbers `allowed` permits.
std::optional<Semver> parse(std::string_view text, Core allowed) {
  Semver version;
  std::size_t end = text.find_first_of("-+");
  std::string_view core = text.substr(0, end);
  std::string_view rest = end == std::string_view::npos ? std::string_view() : text.substr(end);
  std::vector<std::string_view> numbers;
  while (true) {
    const std::size_t dot = core.find('.');
    numbers.push_back(core.substr(0, dot));
    if (dot == std::string_view::npos) {
      break;
    }
    core.remove_prefix(dot + 1);
  }
  const bool shorthand = allowed == Core::go_shorthand;
  if ((shorthand && numbers.size() > 3) || (numbers.size() < 3 && (!shorthand || !rest.empty()))) {
    return std::nullopt;
  }
  for (const auto number : numbers) {
    if (!numeric_part(number)) {
      return std::nullopt;
    }
  }
  version.numbers = std::move(numbers);
  std::string_view prerelease;
  std::string_view build;
  if (!rest.empty() && rest.front() == '-') {
    const std::size_t plus = rest.find('+');
    prerelease = rest.substr(1, plus == std::string_view::npos ? plus : plus - 1);
    rest = plus == std::string_view::npos ? std::string_view() : rest.substr(plus);
    if (prerelease.empty()) {
      return std::nullopt;
    }
  }
  if (!rest.empty()) {
    build = rest.substr(1);
    if (build.empty()) {
      return std::nullopt;
    }
    while (!build.empty()) {
      const std::size_t dot = build.find('.');
      if (!identifier(build.substr(0, dot))) {
        return std::nullopt;
      }
      build = dot == std::string_view::npos ? std::string_view() : build.substr(dot + 1);
      if (dot != std::string_view::npos && build.empty()) {
        return std::nullopt;
      }
    }
  }
  while (!prerelease.empty()) {
    const std::size_t dot = prerelease.find('.');
    const std::string_view part = prerelease.substr(0, dot);
    if (!identifier(part) || (all_digits(part) && !numeric_part(part))) {
      return std::nullopt;
    }
    version.prerelease.push_back(part);
    prerelease = dot == std::string_view::npos ? std::string_view() : prerelease.substr(dot + 1);
    if (dot != std::string_view::npos && prerelease.empty()) {
      return std::nullopt;
    }
  }
  return version;
}

int compare_parsed(const Semver& a, const Semver& b) {
  // Numbers one by one, a missing one being 0 ("v1" is "v1.0.0"; "1.2.3" is
  // "1.2.3.0", as NuGet has it).
  for (std::size_t k = 0; k < a.numbers.size() || k < b.numbers.size(); ++k) {
    const std::string_view left = k < a.numbers.size() ? a.numbers[k] : "0";
    const std::string_view right = k < b.numbers.size() ? b.numbers[k] : "0";
    if (const int order = compare_digits(left, right); order != 0) {
      return order;
    }
  }
  // A release comes after its pre-releases.
  if (a.prerelease.empty() || b.prerelease.empty()) {
    return a.prerelease.empty() == b.prerelease.empty() ? 0 : (a.prerelease.empty() ? 1 : -1);
  }
  for (std::size_t k = 0; k < a.prerelease.size() && k < b.prerelease.size(); ++k) {
    const std::string_view left = a.prerelease[k];
    const std::string_view right = b.prerelease[k];
    const bool left_number = all_digits(left);
    const bool right_number = all_digits(right);
    int order = 0;
    if (left_number && right_number) {
      order = compare_digits(left, right);
    } else if (left_number != right_number) {
      // Numeric identifiers come before alphanumeric ones.
      order = left_number ? -1 : 1;
    } else {
      order = sign(left.compare(right));
    }
    if (order != 0) {
      return order;
    }
  }
  return sign(static_cast<long>(a.prerelease.size()) - static_cast<long>(b.prerelease.size()));
}

// npm and most tools accept a leading "v" or "=" and surrounding blanks.
std::string_view loose(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  if (!text.empty() && text.front() == '=') {
    text.remove_prefix(1);
  }
  if (!text.empty() && (text.front() == 'v' || text.front() == 'V')) {
    text.remove_prefix(1);
  }
  return text;
}

} // namespace semver_rules

int compare_semver(std::string_view a, std::string_view b) {
  using namespace semver_rules;
  const auto left = parse(loose(a), Core::at_least_three);
  const auto right = parse(loose(b), Core::at_least_three);
  if (!left || !right) {
    return compare_unparsed(left.has_value(), right.has_value(), a, b);
  }
  return compare_parsed(*left, *right);
}

int compare_go(std::string_view a, std::string_view b) {
  using namespace semver_rules;
  // Documents written by tools that drop Go's "v" still mean the same
  // version.
  auto parse_go = [](std::string_view text) -> std::optional<Semver> {
    if (!text.empty() && text.front() == 'v') {
      text.remove_prefix(1);
    } else if (text.empty() || !is_digit(text.front())) {
      return std::nullopt;
    }
    return parse(text, Core::go_shorthand);
  };
  const auto left = parse_go(a);
  const auto right = parse_go(b);
  if (!left || !right) {
    return left ? 1 : (right ? -1 : 0);
  }
  return compare_parsed(*left, *right);
}

} // namespace kensa::audit::versions
