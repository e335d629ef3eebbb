#pragma once

#include <kensa/util/result.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace kensa {

// The stream formats kensa decompresses in memory: gzip (Ruby gem
// metadata), bare zlib (cargo-auditable sections) and xz (kernel modules,
// the bundled license texts).
enum class Compression { gzip, zlib, xz };

// Decompresses the one whole stream in `bytes`. Fails, never throws, when
// the output would exceed `max_size` bytes (a decompression bomb), when the
// stream is damaged or ends early. The xz decoder's own memory is capped at
// 256 MiB, since a header may ask for gigabytes of dictionary.
Result<std::string> decompress(std::string_view bytes, Compression compression,
                               std::size_t max_size);

} // namespace kensa
