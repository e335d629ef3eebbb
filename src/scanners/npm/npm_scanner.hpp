#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// npm: package-lock.json and npm-shrinkwrap.json, lockfile versions 1, 2, 3.
namespace kensa::scanner::npm {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::npm
