#pragma once

#include <string_view>

// One comparison per ecosystem; compare_versions() picks one. Each returns
// -1, 0 or 1, and none fails: a version a scheme cannot parse is handed to
// compare_unparsed().
namespace kensa::audit::versions {

int compare_semver(std::string_view a, std::string_view b);
int compare_pep440(std::string_view a, std::string_view b);
int compare_debian(std::string_view a, std::string_view b);
int compare_rpm(std::string_view a, std::string_view b);
int compare_maven(std::string_view a, std::string_view b);
int compare_go(std::string_view a, std::string_view b);
int compare_ruby(std::string_view a, std::string_view b);
int compare_generic(std::string_view a, std::string_view b);

// For two versions of which a scheme could parse only some: those it
// cannot parse come first, in the generic order among themselves. Keeping
// the two apart keeps every scheme a strict weak order (which sorting
// needs) instead of mixing two sets of rules.
inline int compare_unparsed(bool a_parsed, bool b_parsed, std::string_view a, std::string_view b) {
  if (a_parsed != b_parsed) {
    return a_parsed ? 1 : -1;
  }
  return compare_generic(a, b);
}

// Two runs of ASCII digits compared as numbers of any size (leading zeros
// ignored), without converting them: versions carry 20-digit dates.
int compare_digits(std::string_view a, std::string_view b);

// "epoch:version-release", as Debian and RPM both write a version: the
// epoch before the first ':', the release (Debian's revision) after the
// last '-'; either may be empty.
struct EpochVersionRelease {
  std::string_view epoch;
  std::string_view version;
  std::string_view release;
};
EpochVersionRelease split_epoch_version_release(std::string_view text);

// Whether `text` is digits only (an empty epoch is).
bool is_all_digits(std::string_view text);

// -1, 0 or 1 for any integer or comparison result.
template <typename T>
int sign(T value) {
  return value < T{} ? -1 : (value > T{} ? 1 : 0);
}

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace kensa::audit::versions
