#pragma once

#include <kensa/util/result.hpp>

#include <filesystem>
#include <span>
#include <string_view>

namespace kensa {

// Writes `contents` to `path` so that readers see either the old file or the
// complete new one, never a partial write: the bytes go to a temporary file in
// the same folder, are flushed, and the temporary file is renamed over `path`.
// On failure the temporary file is removed and the message names `path`.
// Special cases: an existing non-regular file (/dev/null, /dev/stdout, a
// FIFO) is written in place, since renaming over it would replace the device
// node; a symlink is written through, replacing the file it points at.
Status write_file_atomically(const std::filesystem::path& path, std::string_view contents);
// The same for a text in parts (util::TextSink::pieces), written one after
// the other.
Status write_file_atomically(const std::filesystem::path& path,
                             std::span<const std::string_view> parts);

} // namespace kensa
