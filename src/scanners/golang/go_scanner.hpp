#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Go: go.mod, go.sum and go.work files, and the build information inside Go
// binaries (ELF, Mach-O, PE), found by content.
namespace kensa::scanner::golang {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::golang
