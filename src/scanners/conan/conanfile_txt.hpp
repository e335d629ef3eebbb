#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// conanfile.txt, the requirements of a Conan consumer project.
namespace kensa::scanner::conan {

// Adds a component per reference of [requires] (scope required) and of
// [tool_requires], [build_requires] and [test_requires] (scope excluded),
// each a direct dependency of the project (a root named after the file's
// folder). A version range gives no version, the range kept as a property.
// A line that is not a reference is a warning naming the file.
void parse_conanfile_txt(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::conan
