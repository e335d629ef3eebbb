#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

#include <cstddef>
#include <span>
#include <string_view>

// pip requirements files (requirements*.txt, requirements/*.txt,
// constraints*.txt): one requirement per line, with pip's options (-r and -c
// includes, -e editables, --hash, index options), continuation lines and
// comments.
namespace kensa::scanner::python {

inline constexpr std::size_t k_max_requirement_lines = 1'000'000;

// Whether `path` is a file the requirements reader handles.
bool is_requirements_file(std::string_view path);

// Reads every requirements file among `files`. -r and -c name other files by
// path; they are looked up among `files` (the scanner never opens a file),
// and a missing one is a warning. A file that is only ever named by -c is a
// constraints file: it pins versions of the requirements of the files that
// name it and gives no components of its own.
void read_requirements(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::python
