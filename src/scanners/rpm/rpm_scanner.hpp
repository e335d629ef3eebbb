#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// rpm: installed packages of Red Hat, Fedora, SUSE and their relatives, from
// the rpm database (SQLite, Berkeley DB or NDB) in var/lib/rpm,
// usr/lib/sysimage/rpm or usr/share/rpm, read without librpm.
namespace kensa::scanner::rpm {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::rpm
