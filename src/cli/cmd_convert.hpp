#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace kensa::cli {

// Adds `kensa convert IN -o FORMAT[@VERSION][=FILE]` to `app`: reads an SBOM
// in any supported format and writes it in others, listing on stderr what
// the conversion could not carry (field and count). The returned function
// runs the command once the arguments are parsed and returns its exit code.
std::function<int()> register_convert_command(CLI::App& app);

} // namespace kensa::cli
