#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// pnpm: pnpm-lock.yaml, lockfile versions 5.x (pnpm 5 to 7), 6.x (pnpm 8)
// and 9.x (pnpm 9 and later).
namespace kensa::scanner::pnpm {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::pnpm
