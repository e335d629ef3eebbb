#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Conan (C and C++): conan.lock (Conan 1 and 2) and conanfile.txt.
namespace kensa::scanner::conan {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::conan
