#pragma once

#include <kensa/model/hash.hpp>
#include <kensa/util/result.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace kensa::source {

// Reads a whole regular file. Fails with the system's reason as the message.
Result<std::string> read_regular_file(const std::filesystem::path& path,
                                      std::uint64_t expected_size);

// The first `size` bytes of a file (fewer when it is shorter).
Result<std::string> read_file_head(const std::filesystem::path& path, std::size_t size);

// Streams a file through `hasher` without holding it in memory.
Status hash_file(const std::filesystem::path& path, model::Hasher& hasher);

} // namespace kensa::source
