#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <optional>
#include <string>
#include <string_view>

// Conan package references ("zlib/1.2.13@user/channel#rrev%timestamp") and
// the components they make (purl type conan).
namespace kensa::scanner::conan {

inline constexpr std::string_view k_property_reference = "kensa:conan:reference";
inline constexpr std::string_view k_property_requirement = "kensa:conan:requirement";
inline constexpr std::string_view k_property_context = "kensa:conan:context";

// One reference, split.
struct Reference {
  std::string name;
  // As written: "1.2.13", "cci.20210118"; empty for a version range.
  std::string version;
  // A version range ("[>=1.0 <2]") as written; empty for a version.
  std::string range;
  std::string user;
  std::string channel;
  // Recipe revision (after '#'), without the timestamp Conan 2 appends
  // after '%'.
  std::string recipe_revision;
};

// Splits `text`; nullopt when it has no "name/version" part.
std::optional<Reference> read_reference(std::string_view text);

// A library component: purl pkg:conan/<name>@<version> with `user`,
// `channel`, `rrev` and `prev` (`package_revision`) qualifiers when
// known, the reference as written as a property, scope excluded when
// `build_only` (tool and build requirements, python_requires). Problems
// are warnings in `report`.
model::Component make_conan_component(FileReport& report, const Reference& reference,
                                      std::string_view written, bool build_only,
                                      std::string_view package_revision = {});

} // namespace kensa::scanner::conan
