#include "version_schemes.hpp"

namespace kensa::audit::versions {

EpochVersionRelease split_epoch_version_release(std::string_view text) {
  EpochVersionRelease parts;
  const std::size_t colon = text.find(':');
  if (colon != std::string_view::npos) {
    parts.epoch = text.substr(0, colon);
    text.remove_prefix(colon + 1);
  }
  const std::size_t dash = text.rfind('-');
  if (dash != std::string_view::npos) {
    parts.release = text.substr(dash + 1);
    text = text.substr(0, dash);
  }
  parts.version = text;
  return parts;
}

bool is_all_digits(std::string_view text) {
  for (const char c : text) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return true;
}

int compare_digits(std::string_view a, std::string_view b) {
  while (!a.empty() && a.front() == '0') {
    a.remove_prefix(1);
  }
  while (!b.empty() && b.front() == '0') {
    b.remove_prefix(1);
  }
  if (a.size() != b.size()) {
    return a.size() < b.size() ? -1 : 1;
  }
  return sign(a.compare(b));
}

namespace generic_rules {

// The next run of digits or of letters at `at`, after skipping anything
// else; empty at the end.
std::string_view next_run(std::string_view text, std::size_t& at) {
  while (at < text.size() && !is_digit(text[at]) && !is_alpha(text[at])) {
    ++at;
  }
  const std::size_t start = at;
  const bool digits = at < text.size() && is_digit(text[at]);
  while (at < text.size() && (digits ? is_digit(text[at]) : is_alpha(text[at]))) {
    ++at;
  }
  return text.substr(start, at - start);
}

} // namespace generic_rules

int compare_generic(std::string_view a, std::string_view b) {
  std::size_t at_a = 0;
  std::size_t at_b = 0;
  for (;;) {
    const std::string_view run_a = generic_rules::next_run(a, at_a);
    const std::string_view run_b = generic_rules::next_run(b, at_b);
    if (run_a.empty() || run_b.empty()) {
      if (run_a.empty() && run_b.empty()) {
        // Same runs, different separators: still an order, so that two
        // different versions are never silently equal.
        return sign(a.compare(b));
      }
      // Without an ecosystem's rules, the version with more runs is the
      // later one ("1.0" before "1.0.1").
      return run_a.empty() ? -1 : 1;
    }
    const bool digits_a = is_digit(run_a.front());
    const bool digits_b = is_digit(run_b.front());
    if (digits_a != digits_b) {
      return digits_a ? 1 : -1;
    }
    const int order = digits_a ? compare_digits(run_a, run_b) : sign(run_a.compare(run_b));
    if (order != 0) {
      return order;
    }
  }
}

} // namespace kensa::audit::versions
