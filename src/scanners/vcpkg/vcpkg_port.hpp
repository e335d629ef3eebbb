#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>

// vcpkg ports as components (purl type vcpkg).
namespace kensa::scanner::vcpkg {

inline constexpr std::string_view k_property_abi = "kensa:vcpkg:abi";
inline constexpr std::string_view k_property_features = "kensa:vcpkg:features";
inline constexpr std::string_view k_property_minimum_version = "kensa:vcpkg:minimum-version";
inline constexpr std::string_view k_property_feature = "kensa:vcpkg:feature";
inline constexpr std::string_view k_property_platform = "kensa:vcpkg:platform";

// One port, as far as a file knows it.
struct Port {
  std::string name;
  // As vcpkg writes it ("11.0.2", "2024-04-23"); empty when not pinned.
  std::string version;
  // 0 is written as none.
  std::string port_version;
  // "x64-linux"; empty in a manifest.
  std::string triplet;
  // The registry's commit the versions come from (builtin-baseline).
  std::string repository_revision;
};

// A library component: purl pkg:vcpkg/<name>@<version> with the
// port_version, triplet and repository_revision qualifiers known.
// Problems are warnings in `report`.
model::Component make_port_component(FileReport& report, const Port& port);

} // namespace kensa::scanner::vcpkg
