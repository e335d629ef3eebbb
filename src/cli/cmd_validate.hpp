#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace kensa::cli {

// Adds `kensa validate` to `app`. The returned function runs the command once
// the arguments are parsed and returns its exit code.
std::function<int()> register_validate_command(CLI::App& app);

} // namespace kensa::cli
