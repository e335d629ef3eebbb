#pragma once

#include <kensa/util/result.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Python package names and dependency specifiers (PEP 503, PEP 508): the
// grammar every Python format shares for "which package, which versions,
// under which conditions".
namespace kensa::scanner::python {

// The PEP 503 normalized form of a project name: lower case, every run of
// '-', '_' and '.' turned into one '-'. "Zope.Interface" -> "zope-interface".
std::string normalize_name(std::string_view name);

// Whether `name` is a valid project name (PEP 508): ASCII letters and digits,
// with '-', '_' and '.' inside.
bool is_valid_name(std::string_view name);

// One PEP 508 requirement: "requests[socks] >=2.8, <3 ; python_version >= '3.8'"
// or "pkg @ https://example.org/pkg.whl".
struct Requirement {
  // As written.
  std::string name;
  std::vector<std::string> extras;
  // Version specifiers without spaces: ">=2.8,<3". Empty when none.
  std::string specifier;
  // The URL after '@' (a direct reference), empty otherwise.
  std::string url;
  // The environment marker after ';', as written, trimmed. Empty when none.
  std::string marker;
};

// Parses one requirement. Fails with a message naming what is wrong ("no
// package name", "unclosed '['", ...).
Result<Requirement> parse_requirement(std::string_view text);

// The version a specifier pins: "==1.2.3" and "===1.2.3" give "1.2.3";
// anything else ("==1.*", ">=1", "==1.0,!=1.0.1", "") gives nullopt, since no
// single version is known.
std::optional<std::string> pinned_version(std::string_view specifier);

// Whether a marker names the "extra" variable: the requirement then applies
// only when an extra of the requiring package is asked for.
bool marker_mentions_extra(std::string_view marker);

} // namespace kensa::scanner::python
