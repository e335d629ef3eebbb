#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace kensa::cli {

// Adds `kensa scanners` to `app`: lists every scanner with the kinds of
// evidence it reads (installed, declared), its tags and what it reads, so
// that --scanner, --evidence and --include-declared can be chosen knowingly.
std::function<int()> register_scanners_command(CLI::App& app);

} // namespace kensa::cli
