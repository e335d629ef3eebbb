#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <string_view>

// stack.yaml.lock, where Stack records the exact packages a stack.yaml's
// extra-deps resolved to.
namespace kensa::scanner::haskell {

inline constexpr std::string_view k_property_cabal_file_size = "kensa:hackage:cabal-file-size";
inline constexpr std::string_view k_property_git_commit = "kensa:hackage:git-commit";

// Adds a component per entry of `packages`: a `completed.hackage` entry
// `name-version@sha256:HASH,SIZE` gives pkg:hackage/<name>@<version> and
// the SHA-256 (of the package's .cabal file revision); a `completed` git
// or archive entry (`name`, `version`, `git`/`url`, `commit`) a component
// without a purl. Malformed entries are warnings naming the file.
void parse_stack_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::haskell
