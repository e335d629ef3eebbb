#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Ruby: Gemfile.lock, projects' gemspecs, and installed gems (the
// specifications of gem homes and of Debian's rubygems-integration).
namespace kensa::scanner::ruby {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::ruby
