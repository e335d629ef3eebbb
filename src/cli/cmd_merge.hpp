#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace kensa::cli {

// Adds `kensa merge A B ... -o FORMAT[@VERSION][=FILE] [--hierarchical]`
// to `app`: several SBOMs of any formats as one. The returned function runs
// the command and returns its exit code: 0, or 2 when an input cannot be
// read or an output written.
std::function<int()> register_merge_command(CLI::App& app);

} // namespace kensa::cli
