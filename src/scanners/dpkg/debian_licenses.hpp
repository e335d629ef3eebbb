#pragma once

#include <kensa/model/license.hpp>

#include <optional>
#include <string>
#include <string_view>

// The license short names of Debian's machine-readable copyright format
// (copyright-format 1.0, "DEP-5") mapped to SPDX. The table and the rules
// are documented in docs/scanners/dpkg.md; anything they do not cover stays a
// name, never a guessed id.
namespace kensa::scanner::dpkg {

// The SPDX expression for one short name, exceptions included ("GPL-2+" ->
// "GPL-2.0-or-later", "Expat" -> "MIT", "Apache-2.0 with LLVM exception" ->
// "Apache-2.0 WITH LLVM-exception", "Perl" -> "GPL-1.0-or-later OR
// Artistic-1.0-Perl"); nullopt when it is not a name kensa can map.
std::optional<std::string> spdx_for_short_name(std::string_view name);

// The License for a whole License synopsis, the first line of a License
// field: short names joined by "and"/"or", with commas to group ("GPL-2+ or
// Artistic, and BSD-3-clause"). An SPDX expression when every name maps and
// the grouping is unambiguous, else the synopsis when it is an SPDX
// expression, otherwise the synopsis kept as a name.
model::License license_from_synopsis(std::string_view synopsis);

} // namespace kensa::scanner::dpkg
