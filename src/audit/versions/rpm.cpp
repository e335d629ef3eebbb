#include "version_schemes.hpp"

// RPM: [epoch:]version[-release], each of version and release compared by
// rpmvercmp, with '~' (before everything) and '^' (after the base version,
// before anything longer).
namespace kensa::audit::versions {

namespace rpm_rules {

bool is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}

int rpmvercmp(std::string_view a, std::string_view b) {
  if (a == b) {
    return 0;
  }
  std::size_t i = 0;
  std::size_t j = 0;
  auto at = [](std::string_view text, std::size_t k) { return k < text.size() ? text[k] : '\0'; };
  while (i < a.size() || j < b.size()) {
    while (i < a.size() && !is_alnum(a[i]) && a[i] != '~' && a[i] != '^') {
      ++i;
    }
    while (j < b.size() && !is_alnum(b[j]) && b[j] != '~' && b[j] != '^') {
      ++j;
    }
    if (at(a, i) == '~' || at(b, j) == '~') {
      if (at(a, i) != '~') {
        return 1;
      }
      if (at(b, j) != '~') {
        return -1;
      }
      ++i;
      ++j;
      continue;
    }
    if (at(a, i) == '^' || at(b, j) == '^') {
      if (i >= a.size()) {
        return -1;
      }
      if (j >= b.size()) {
        return 1;
      }
      if (at(a, i) != '^') {
        return 1;
      }
      if (at(b, j) != '^') {
        return -1;
      }
      ++i;
      ++j;
      continue;
    }
    if (i >= a.size() || j >= b.size()) {
      break;
    }
    const bool numeric = is_digit(a[i]);
    std::size_t end_a = i;
    std::size_t end_b = j;
    while (end_a < a.size() && (numeric ? is_digit(a[end_a]) : is_alpha(a[end_a]))) {
      ++end_a;
    }
    while (end_b < b.size() && (numeric ? is_digit(b[end_b]) : is_alpha(b[end_b]))) {
      ++end_b;
    }
    // A number is newer than letters at the same place.
    if (end_b == j) {
      return numeric ? 1 : -1;
    }
    const std::string_view run_a = a.substr(i, end_a - i);
    const std::string_view run_b = b.substr(j, end_b - j);
    const int order = numeric ? compare_digits(run_a, run_b) : sign(run_a.compare(run_b));
    if (order != 0) {
      return order;
    }
    i = end_a;
    j = end_b;
  }
  if (i >= a.size() && j >= b.size()) {
    return 0;
  }
  return i >= a.size() ? -1 : 1;
}

// A missing epoch is 0.
std::string_view epoch_number(std::string_view epoch) {
  return epoch.empty() ? std::string_view("0") : epoch;
}

} // namespace rpm_rules

int compare_rpm(std::string_view a, std::string_view b) {
  using namespace rpm_rules;
  const EpochVersionRelease left = split_epoch_version_release(a);
  const EpochVersionRelease right = split_epoch_version_release(b);
  if (!is_all_digits(left.epoch) || !is_all_digits(right.epoch)) {
    return compare_unparsed(is_all_digits(left.epoch), is_all_digits(right.epoch), a, b);
  }
  if (const int epochs = compare_digits(epoch_number(left.epoch), epoch_number(right.epoch));
      epochs != 0) {
    return epochs;
  }
  if (const int versions = rpmvercmp(left.version, right.version); versions != 0) {
    return versions;
  }
  return rpmvercmp(left.release, right.release);
}

} // namespace kensa::audit::versions
