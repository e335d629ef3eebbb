#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// PHP: composer.json and composer.lock, and what Composer installed
// (vendor/composer/installed.json).
namespace kensa::scanner::composer {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::composer
