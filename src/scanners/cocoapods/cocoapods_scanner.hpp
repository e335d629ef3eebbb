#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// CocoaPods: Podfile.lock.
namespace kensa::scanner::cocoapods {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::cocoapods
