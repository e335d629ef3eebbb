#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// os-release: one operating-system component per root file system, from
// etc/os-release, usr/lib/os-release or the older release files.
namespace kensa::scanner::os_release {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::os_release
