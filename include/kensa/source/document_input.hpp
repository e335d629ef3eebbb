#pragma once

#include <kensa/util/input_text.hpp>
#include <kensa/util/result.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

// Reading one SBOM whole, for `kensa convert` and `kensa validate`: a file
// or standard input, never more than a cap, so that /dev/zero or an endless
// pipe is refused instead of filling memory. docs/cli.md states the limit.
namespace kensa::source {

// The most bytes of one SBOM read by default. The largest real SBOMs are a
// few hundred megabytes; reading and checking one needs several times its
// size in memory.
inline constexpr std::uint64_t k_default_max_document_size = std::uint64_t{512} << 20;

// "standard input" for "-", the path itself otherwise: how messages name
// the input.
std::string document_input_name(const std::string& path);

// Reads the whole document at `path` ("-" for standard input). Fails with
// the reason, in words the caller puts after the input's name, when it
// cannot be opened or read, is a folder, or holds more than `max_bytes`
// bytes: a regular file is refused by its size before it is read; anything
// else (a pipe, a terminal, a device such as /dev/zero) is read no further
// than one byte past the cap. A regular file is mapped (util::MappedFile)
// where the system allows it; whoever reads the text checks changed()
// afterwards.
Result<util::InputText> read_document_input(const std::string& path, std::uint64_t max_bytes);

// The first `size` bytes of the file at `path` (fewer when it is shorter),
// for telling an SBOM from other files before reading it whole. Fails with
// the reason, as read_document_input() does.
Result<std::string> read_document_head(const std::string& path, std::size_t size);

} // namespace kensa::source
