#pragma once

#include <kensa/source/source.hpp>

#include <memory>
#include <string>
#include <vector>

namespace kensa::source {

// One file of a MemorySource: its path relative to the scanned root and its
// contents.
struct MemoryFile {
  std::string path;
  std::string contents;
};

// A source whose files are given in memory, offered to the sink as a folder
// holding them would offer them (wanted by name, or by head for executables;
// archives among them are not opened). For tests and fuzz targets that drive
// the whole scan without a file system. `subject_name` names the subject.
std::unique_ptr<Source> make_memory_source(std::vector<MemoryFile> files, std::string subject_name,
                                           SourceOptions options = {});

} // namespace kensa::source
