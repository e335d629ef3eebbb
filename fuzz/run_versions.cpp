// Fuzz entry point for the version orders of `kensa diff`: every scheme
// must be antisymmetric on any text, and transitive too except Maven's,
// which is not, in Maven itself ("1.0.1.dev1" < "1.0.1a1" < "1.0.1" <
// "1.0.1.dev1": an unknown qualifier after a number sorts above the
// release, "a1" below it).
#include "fuzz_check.hpp"
#include "fuzz_target.hpp"

#include <kensa/audit/version_order.hpp>

#include <array>
#include <string>
#include <vector>

namespace kensa::fuzz {

namespace {

// The words of `data`, at most `limit` of them: versions hold no blanks.
std::vector<std::string_view> words(std::string_view data, std::size_t limit) {
  std::vector<std::string_view> found;
  std::size_t at = 0;
  while (at < data.size() && found.size() < limit) {
    while (at < data.size() && (data[at] == ' ' || data[at] == '\n' || data[at] == '\t')) {
      ++at;
    }
    const std::size_t start = at;
    while (at < data.size() && data[at] != ' ' && data[at] != '\n' && data[at] != '\t') {
      ++at;
    }
    if (at > start) {
      found.push_back(data.substr(start, at - start));
    }
  }
  return found;
}

int sign(int value) {
  return value < 0 ? -1 : (value > 0 ? 1 : 0);
}

} // namespace

void run_version_order(const FuzzTarget&, std::string_view data) {
  using audit::VersionScheme;
  constexpr std::array k_schemes{
      VersionScheme::semver, VersionScheme::pep440, VersionScheme::debian, VersionScheme::rpm,
      VersionScheme::maven,  VersionScheme::go,     VersionScheme::ruby,   VersionScheme::generic};
  const auto versions = words(data, 64);
  for (const auto scheme : k_schemes) {
    for (std::size_t k = 0; k < versions.size(); ++k) {
      const std::string_view a = versions[k];
      const std::string_view b = versions[(k + 1) % versions.size()];
      const std::string_view c = versions[(k + 2) % versions.size()];
      const int ab = sign(audit::compare_versions(a, b, scheme));
      const int ba = sign(audit::compare_versions(b, a, scheme));
      const std::string pair = std::string(audit::version_scheme_name(scheme)) + ": " +
                               std::string(a) + " " + std::string(b);
      fuzz_check(ab == -ba, "a version order is antisymmetric", pair);
      const int bc = sign(audit::compare_versions(b, c, scheme));
      const int ac = sign(audit::compare_versions(a, c, scheme));
      if (scheme == VersionScheme::maven) {
        continue;
      }
      if (ab <= 0 && bc <= 0) {
        fuzz_check(ac <= 0, "a version order is transitive", pair + " " + std::string(c));
      }
      if (ab == 0 && bc == 0) {
        fuzz_check(ac == 0, "equal versions are an equivalence", pair + " " + std::string(c));
      }
    }
  }
}

} // namespace kensa::fuzz
