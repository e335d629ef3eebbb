#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Swift Package Manager: Package.resolved, versions 1, 2 and 3.
namespace kensa::scanner::swift {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::swift
