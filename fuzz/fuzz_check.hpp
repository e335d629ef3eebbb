#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace kensa::fuzz {

// A property every input must keep (a canonical form that parses back to
// itself, say). Breaking it is a finding like a crash: the message goes to
// stderr and the process aborts, so libFuzzer saves the input and the
// replaying test fails.
inline void fuzz_check(bool holds, std::string_view property, std::string_view detail = "") {
  if (!holds) {
    const std::string line =
        "fuzz property broken: " + std::string(property) + ": " + std::string(detail) + "\n";
    std::fputs(line.c_str(), stderr);
    std::abort();
  }
}

} // namespace kensa::fuzz
