#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// conda: the conda-meta records of installed environments and
// environment.yml files.
namespace kensa::scanner::conda {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::conda
