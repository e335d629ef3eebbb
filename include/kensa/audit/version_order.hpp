#pragma once

#include <cstddef>
#include <string_view>

// Ordering versions the way each ecosystem's own tools do, so that
// `kensa diff` can tell an upgrade from a downgrade. docs/diff.md lists the
// rules and where their test vectors come from.
namespace kensa::audit {

enum class VersionScheme {
  // semver.org 2.0.0 precedence (npm, cargo, NuGet, Composer, ...).
  semver,
  // PEP 440 (pypi).
  pep440,
  // Debian policy 5.6.12, as dpkg compares (deb).
  debian,
  // rpmvercmp on epoch, version and release, with ~ and ^ (rpm).
  rpm,
  // Maven's ComparableVersion (maven).
  maven,
  // Go modules: semver with a "v", shorthands and pseudo-versions (golang).
  go,
  // Gem::Version (gem).
  ruby,
  // Runs of digits compared as numbers, runs of letters as text, numbers
  // after letters: for ecosystems without rules of their own.
  generic,
};

// "semver", "PEP 440", "Debian", "RPM", "Maven", "Go", "Ruby", "generic".
std::string_view version_scheme_name(VersionScheme scheme);

// The scheme of a purl type ("npm", "pypi", "deb", ...); generic for types
// without rules of their own and for an empty type.
VersionScheme version_scheme_for(std::string_view purl_type);

// Versions longer than this come before all others and are compared byte
// by byte: no real version is near it, and it bounds what a hostile
// document can make a comparison cost (Maven's nesting, for one).
inline constexpr std::size_t k_max_ordered_version_length = 256;

// Negative when `a` comes before `b` under `scheme`, zero when the scheme
// holds them equal ("1.0" and "1.0.0" for Maven), positive after. Never
// fails: versions a scheme cannot parse come before those it can, ordered
// among themselves by the generic rules (Go's own rule holds them all
// equal). Only the sign of the result means anything. Maven's order, as
// Maven has it, is not transitive in corner cases ("1.0.1.dev1" <
// "1.0.1a1" < "1.0.1" < "1.0.1.dev1"): code that orders several versions
// must not count on a strict weak order.
int compare_versions(std::string_view a, std::string_view b, VersionScheme scheme);

} // namespace kensa::audit
