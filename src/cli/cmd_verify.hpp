#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace kensa::cli {

// Adds `kensa verify SBOM TARGET [--strict] [--report FORMAT]` to `app`:
// checks a delivery (folder, archive, image) against its SBOM, file by
// file and package by package. The returned function runs the command and
// returns its exit code: 0 when everything matches, 1 on any mismatch, 2
// when either input cannot be read.
std::function<int()> register_verify_command(CLI::App& app);

} // namespace kensa::cli
