#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// deno: deno.lock, versions 3, 4 and 5: npm packages and JSR packages.
namespace kensa::scanner::deno {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::deno
