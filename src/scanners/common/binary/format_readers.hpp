#pragma once

#include "executable.hpp"

#include <string_view>

// The per-format readers behind read_executables; each is given bytes whose
// magic it owns.
namespace kensa::scanner::binary {

// Prefix of the Failure message for input that is not an executable at all.
inline constexpr std::string_view k_not_an_executable = "not an executable: ";

Result<Executable> read_elf(std::string_view bytes, const ReadLimits& limits);
Result<Executable> read_macho(std::string_view bytes, const ReadLimits& limits);
Result<std::vector<Executable>> read_universal_macho(std::string_view bytes,
                                                     const ReadLimits& limits);
Result<Executable> read_pe(std::string_view bytes, const ReadLimits& limits);

} // namespace kensa::scanner::binary
