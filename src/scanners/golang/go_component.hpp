#pragma once

#include <kensa/model/component.hpp>

#include <string>
#include <string_view>

// Go modules as components (purl type golang).
namespace kensa::scanner::golang {

// Property names this scanner sets.
inline constexpr std::string_view k_property_sum = "kensa:go:sum";
inline constexpr std::string_view k_property_indirect = "kensa:go:indirect";
inline constexpr std::string_view k_property_replaces = "kensa:go:replaces";
inline constexpr std::string_view k_property_replaced_by = "kensa:go:replaced-by";
inline constexpr std::string_view k_property_toolchain = "kensa:go:toolchain";
inline constexpr std::string_view k_property_go_directive = "kensa:go:go-directive";
inline constexpr std::string_view k_property_package = "kensa:go:package";
inline constexpr std::string_view k_property_build_prefix = "kensa:go:build:";
inline constexpr std::string_view k_property_version_source = "kensa:go:version-source";
inline constexpr std::string_view k_property_listed_in = "kensa:go:listed-in";
inline constexpr std::string_view k_property_go_mod_only = "kensa:go:go-mod-only";
inline constexpr std::string_view k_property_workspace = "kensa:go:workspace";

// pkg:golang/<group>/<name>@<version>; for a module path of one segment
// (go.opencensus.io) and the standard library, pkg:golang/<name>@<version>,
// as the Go ecosystem writes them although the golang type asks for a
// namespace (docs/purl.md). Empty when no purl can be made.
std::string golang_purl(std::string_view group, std::string_view name, std::string_view version);

// A module: `path` split at its last '/' into group and name, the purl
// pkg:golang/<path>@<version> when the version is known (none without one:
// it would stand for every version), and the go.sum hash as a property.
model::Component make_module_component(std::string_view path, std::string_view version,
                                       std::string_view sum, const model::Evidence& evidence);

// The Go standard library compiled into a binary, from the toolchain version
// ("go1.22.1"): name "stdlib", version "1.22.1", purl
// pkg:golang/stdlib@1.22.1 (the form the Go vulnerability database and
// Grype match), the CPE of the Go distribution, BSD-3-Clause, and the
// toolchain's own spelling as kensa:go:toolchain.
model::Component make_stdlib_component(std::string_view go_version,
                                       const model::Evidence& evidence);

// The pseudo-version cmd/go would give a commit: "v0.0.0-<UTC time as
// yyyymmddhhmmss>-<first 12 hex digits of the revision>", from the vcs.time
// (RFC 3339, UTC) and vcs.revision build settings; empty when either is
// missing or malformed.
std::string pseudo_version(std::string_view vcs_time, std::string_view vcs_revision);

} // namespace kensa::scanner::golang
