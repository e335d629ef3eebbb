#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// R: renv.lock and installed packages' DESCRIPTION files.
namespace kensa::scanner::r {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::r
