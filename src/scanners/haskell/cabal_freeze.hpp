#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// cabal.project.freeze, the exact versions `cabal freeze` pinned a
// project's build plan to.
namespace kensa::scanner::haskell {

// Adds a component pkg:hackage/<name>@<version> per `any.<name> ==<version>`
// (or unqualified `<name> ==<version>`) constraint of the `constraints`
// field. Flag constraints (`<name> +flag -flag`) and `installed` pins are
// not packages and are skipped; other constraints are warnings naming the
// file.
void parse_cabal_freeze(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::haskell
