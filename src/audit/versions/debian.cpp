#include "version_schemes.hpp"

// Debian policy 5.6.12: [epoch:]upstream[-revision], each part compared as
// dpkg's verrevcmp does.
namespace kensa::audit::versions {

namespace debian_rules {

// Where a character sorts among non-digits: '~' before everything, even the
// end of the string; letters before all other characters.
int order(std::string_view text, std::size_t at) {
  if (at >= text.size()) {
    return 0;
  }
  const char c = text[at];
  if (is_digit(c)) {
    return 0;
  }
  if (is_alpha(c)) {
    return static_cast<unsigned char>(c);
  }
  if (c == '~') {
    return -1;
  }
  return static_cast<unsigned char>(c) + 256;
}

int verrevcmp(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    while ((i < a.size() && !is_digit(a[i])) || (j < b.size() && !is_digit(b[j]))) {
      const int order_a = order(a, i);
      const int order_b = order(b, j);
      if (order_a != order_b) {
        return sign(order_a - order_b);
      }
      ++i;
      ++j;
    }
    const std::size_t start_a = i;
    const std::size_t start_b = j;
    while (i < a.size() && is_digit(a[i])) {
      ++i;
    }
    while (j < b.size() && is_digit(b[j])) {
      ++j;
    }
    const int numbers =
        compare_digits(a.substr(start_a, i - start_a), b.substr(start_b, j - start_b));
    if (numbers != 0) {
      return numbers;
    }
  }
  return 0;
}

// An epoch that is not a number makes the whole text the upstream version,
// as if there were no epoch.
} // namespace debian_rules

int compare_debian(std::string_view a, std::string_view b) {
  using namespace debian_rules;
  const EpochVersionRelease left = split_epoch_version_release(a);
  const EpochVersionRelease right = split_epoch_version_release(b);
  if (!is_all_digits(left.epoch) || !is_all_digits(right.epoch)) {
    return compare_unparsed(is_all_digits(left.epoch), is_all_digits(right.epoch), a, b);
  }
  if (const int epochs = compare_digits(left.epoch, right.epoch); epochs != 0) {
    return epochs;
  }
  if (const int upstream = verrevcmp(left.version, right.version); upstream != 0) {
    return upstream;
  }
  return verrevcmp(left.release, right.release);
}

} // namespace kensa::audit::versions
