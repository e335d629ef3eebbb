#pragma once

#include <kensa/format/reader.hpp>
#include <kensa/util/result.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

// Reading the SBOMs `diff`, `verify` and `merge` are given: each whole,
// size-capped (docs/cli.md, "Limits of convert and validate"), in any
// format kensa reads.
namespace kensa::cli {

// Adds --max-file-size to `command`, stored as text in `max_file_size`.
void add_max_document_size_flag(CLI::App& command, std::string& max_file_size);

// The cap --max-file-size gives (empty: the default); fails with one line.
Result<std::uint64_t> max_document_size(const std::string& max_file_size);

// Reads the SBOM at `path` ("-": standard input). The reader's warnings
// (elements it could not map) go to stderr at -v. Fails with one line
// naming the input: it cannot be read, is too large, or is no SBOM kensa
// reads.
Result<format::ReadDocument> read_sbom(const std::string& path, std::uint64_t max_bytes);

// read_sbom() for each of `paths`, two at a time (the readers of two
// documents share the cores better than one reader alone). Fails with the
// first input, in order, that cannot be read.
Result<std::vector<format::ReadDocument>> read_sboms(const std::vector<std::string>& paths,
                                                     std::uint64_t max_bytes);

// read_sboms() handing each document, in order, to take(index in `paths`,
// document) as soon as it and those before it are read: the first of a
// pair is taken while the second is still being read. Stops at the first
// input that cannot be read, having waited for its pair.
Status read_sboms_in_turn(const std::vector<std::string>& paths, std::uint64_t max_bytes,
                          const std::function<void(std::size_t, format::ReadDocument)>& take);

} // namespace kensa::cli
