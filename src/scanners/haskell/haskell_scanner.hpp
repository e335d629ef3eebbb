#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Haskell: stack.yaml.lock and cabal.project.freeze.
namespace kensa::scanner::haskell {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::haskell
