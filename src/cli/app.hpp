#pragma once

namespace kensa::cli {

// Parses the command line, runs the chosen subcommand and returns the exit
// code (see exit_codes.hpp). Never throws.
int run(int argc, char** argv);

} // namespace kensa::cli
