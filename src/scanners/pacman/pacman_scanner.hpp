#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// pacman: installed Arch Linux (and other libalpm-based) packages, from
// var/lib/pacman/local/<name>-<version>/desc and files.
namespace kensa::scanner::pacman {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::pacman
