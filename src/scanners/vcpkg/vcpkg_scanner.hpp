#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// vcpkg (C and C++): vcpkg.json manifests and the installed state
// (installed/vcpkg/status).
namespace kensa::scanner::vcpkg {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::vcpkg
