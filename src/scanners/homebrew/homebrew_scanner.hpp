#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// homebrew: installed Homebrew formulae, from the INSTALL_RECEIPT.json of
// each keg (<prefix>/Cellar/<formula>/<version>/).
namespace kensa::scanner::homebrew {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::homebrew
