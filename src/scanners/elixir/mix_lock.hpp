#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <string_view>

// mix.lock, the dependencies `mix deps.get` locked a project to: an Elixir
// map literal from each dependency's application name to a tuple.
namespace kensa::scanner::elixir {

inline constexpr std::string_view k_property_inner_checksum = "kensa:hex:inner-checksum";
inline constexpr std::string_view k_property_repository = "kensa:hex:repository";
inline constexpr std::string_view k_property_git_revision = "kensa:hex:git-revision";
inline constexpr std::string_view k_property_build_tools = "kensa:hex:build-tools";

// Adds a component per entry: {:hex, package, version, inner checksum,
// build tools, dependencies, repository, outer checksum} as purl
// pkg:hex/<package>@<version> with the outer checksum as its SHA-256, and
// an edge per dependency (optional ones as optional_depends_on);
// {:git, url, revision, options} with a vcs_url. Malformed entries are
// warnings naming the file.
void parse_mix_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::elixir
