#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>

// conda packages as components (purl type conda).
namespace kensa::scanner::conda {

inline constexpr std::string_view k_property_build = "kensa:conda:build";
inline constexpr std::string_view k_property_channel = "kensa:conda:channel";
inline constexpr std::string_view k_property_requirement = "kensa:conda:requirement";

// What identifies one conda package build.
struct CondaPackage {
  std::string name;
  std::string version;
  // The build string ("h90dfc92_1014"); empty when not known.
  std::string build;
  // The channel as the record writes it: a URL
  // ("https://conda.anaconda.org/conda-forge/") or a name ("conda-forge").
  std::string channel;
  // The platform folder ("linux-64", "noarch").
  std::string subdir;
  // The package file's name ("zlib-1.2.11-h90dfc92_1014.tar.bz2").
  std::string file_name;
};

// The channel's name for the purl: the last path segment of an
// anaconda.org or repo.anaconda.com URL ("conda-forge", "main") with a
// trailing platform folder dropped, a bare name as it is, and any other
// URL whole (a private channel is only named by where it is).
std::string channel_name(std::string_view channel, std::string_view subdir);

// The package format from a file name: "tar.bz2" or "conda"; empty when
// neither.
std::string_view package_type(std::string_view file_name);

// A library component: purl pkg:conda/<name>@<version> with the build,
// channel, subdir and type qualifiers known (a manifest's requirement
// without an exact version gives a purl without one). Problems are
// warnings in `report`.
model::Component make_conda_component(FileReport& report, const CondaPackage& package);

} // namespace kensa::scanner::conda
