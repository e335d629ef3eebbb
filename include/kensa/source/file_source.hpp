#pragma once

#include <kensa/source/source.hpp>

#include <filesystem>
#include <memory>

namespace kensa::source {

// A single regular file given on the command line, scanned as if it were a
// folder holding only that file. When its content says it is an archive,
// its members (and the archives among them) are walked too, with locations
// starting "<file name>!/".
std::unique_ptr<Source> make_single_file_source(std::filesystem::path file, SourceOptions options);

} // namespace kensa::source
