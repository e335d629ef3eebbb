#pragma once

#include <kensa/util/result.hpp>

#include <cstdint>
#include <string_view>

namespace kensa::cli {

// The value of a size flag such as --max-file-size: "64MiB", "1G", "512k"
// or a plain number of bytes; units are binary (KiB, MiB, GiB, TiB, or K,
// M, G, T), case does not matter. Fails with a message naming `flag`.
Result<std::uint64_t> parse_size_flag(std::string_view flag, std::string_view text);

} // namespace kensa::cli
