#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// bun: bun.lock, the text lockfile of Bun 1.1.39 and later (JSON with
// trailing commas). The binary bun.lockb is not read.
namespace kensa::scanner::bun {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::bun
