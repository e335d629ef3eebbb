#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Dart and Flutter: pubspec.lock.
namespace kensa::scanner::dart {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::dart
