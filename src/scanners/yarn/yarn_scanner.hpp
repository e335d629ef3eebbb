#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// yarn: yarn.lock, Yarn 1 (text) and Yarn 2+ (Berry, YAML), with the
// package.json files of the project and its workspaces for the direct
// dependencies.
namespace kensa::scanner::yarn {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::yarn
