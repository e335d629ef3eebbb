#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// nix: the store paths of a Nix store, from its database
// (nix/var/nix/db/db.sqlite).
namespace kensa::scanner::nix {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::nix
