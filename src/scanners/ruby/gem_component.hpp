#pragma once

#include "gem.hpp"

#include <kensa/model/component.hpp>
#include <kensa/model/graph.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>

// Gems as components (purl type gem).
namespace kensa::scanner::ruby {

inline constexpr std::string_view k_property_platform = "kensa:gem:platform";
inline constexpr std::string_view k_property_source = "kensa:gem:source";
inline constexpr std::string_view k_property_git_revision = "kensa:gem:git-revision";
inline constexpr std::string_view k_property_local = "kensa:gem:local";
inline constexpr std::string_view k_property_bundled_with = "kensa:gem:bundled-with";

// A gem: purl pkg:gem/<name>@<version> with `platform=` for a platform gem,
// `repository_url` for a gem server other than rubygems.org and `vcs_url`
// for a git source; none for a path gem (the project's own code) or
// without a version. Licenses, authors, homepage and summary as the gem
// states them, the SHA-256 when known. Problems are warnings in `report`.
model::Component make_gem_component(const Gem& gem, const model::Evidence& evidence,
                                    FileReport& report);

// The one version a requirement allows ("= 1.2.3", "=1.2.3"); empty for a
// range or none.
std::string pinned_version(std::string_view requirement);

// The gems `gem` declares (a .gemspec's or a .gem's add_dependency lines),
// each a component related to `gem_id`: the version when the requirement
// pins one (else a name-only purl), the requirement as a property, and
// development dependencies as excluded dev edges.
void add_declared_dependencies(model::ComponentGraph& graph, const std::string& gem_id,
                               const Gem& gem, const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::ruby
