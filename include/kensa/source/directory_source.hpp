#pragma once

#include <kensa/source/source.hpp>

#include <filesystem>
#include <memory>

namespace kensa::source {

// Walks a folder tree. Symbolic links are followed only while their target
// stays inside the scanned root, and a folder is never entered twice (so link
// loops end). Entries are visited in sorted order, so the walk is
// deterministic. Unreadable files and folders become sink warnings.
std::unique_ptr<Source> make_directory_source(std::filesystem::path root, SourceOptions options);

} // namespace kensa::source
