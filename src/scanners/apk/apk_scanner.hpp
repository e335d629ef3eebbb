#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// apk: installed Alpine (and other apk-based) packages, from
// lib/apk/db/installed.
namespace kensa::scanner::apk {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::apk
