#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <string_view>

// rebar.lock, the dependencies rebar3 locked a project to: Erlang terms.
namespace kensa::scanner::erlang {

inline constexpr std::string_view k_property_inner_checksum = "kensa:hex:inner-checksum";
inline constexpr std::string_view k_property_git_revision = "kensa:hex:git-revision";
inline constexpr std::string_view k_property_level = "kensa:rebar:level";

// Adds a component per locked dependency: {<<"name">>, {pkg, <<"package">>,
// <<"version">>}, Level} as purl pkg:hex/<package>@<version> with
// pkg_hash_ext (the tarball's SHA-256) as its hash, {git, URL, {ref, Rev}}
// with a vcs_url. Level 0 dependencies are the project's own, edges from
// a root named after the lockfile's folder. Reads lockfile versions 1.1.0
// and 1.2.0 and the older bare list. Malformed entries are warnings naming
// the file.
void parse_rebar_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::erlang
