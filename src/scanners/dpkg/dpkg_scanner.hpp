#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// dpkg: installed Debian and Ubuntu packages, from var/lib/dpkg/status (or
// the distroless var/lib/dpkg/status.d/), with file lists from
// var/lib/dpkg/info and licenses from usr/share/doc/<package>/copyright.
namespace kensa::scanner::dpkg {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::dpkg
