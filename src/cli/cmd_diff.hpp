#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace kensa::cli {

// Adds `kensa diff OLD NEW [--report text|json|markdown] [--fail-on LIST]`
// to `app`: what changed between two SBOMs of any formats. The returned
// function runs the command and returns its exit code: 0, or 1 when a
// change named by --fail-on occurred, 2 when an input cannot be read.
std::function<int()> register_diff_command(CLI::App& app);

} // namespace kensa::cli
