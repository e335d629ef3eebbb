#pragma once

#include "project.hpp"

#include <kensa/scanner/file_report.hpp>

#include <toml++/toml.h>

#include <functional>
#include <string>
#include <vector>

namespace kensa::scanner::python {

// What a lockfile reader takes from one [[package]] table beyond its name
// and version; `where` names the package in warnings.
using ReadLockedPackage =
    std::function<void(const toml::table& entry, LockedPackage& package, const std::string& where)>;

// The [[package]] array of a TOML lockfile (poetry.lock, pdm.lock, uv.lock;
// pylock.toml calls it `array` "packages"): entries that are not tables or
// have no name are warnings, and reading stops at k_max_locked_packages.
// Each kept entry has its name and version set before `read` adds the
// format's own fields.
std::vector<LockedPackage> read_locked_packages(const toml::table& document, FileReport& warnings,
                                                const ReadLockedPackage& read,
                                                std::string_view array = "package");

} // namespace kensa::scanner::python
