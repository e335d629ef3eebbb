#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <string>
#include <string_view>

// Go binaries: what the scanner keeps of each executable as it streams past,
// and the components made from it afterwards.
namespace kensa::scanner::golang {

// The build information of every image in `contents` (several for a
// universal Mach-O binary), as a small JSON document scan() reads back;
// empty when the file is not a readable executable with Go build
// information. A damaged executable gives its warning in the document.
// Never throws.
std::string condense_go_binary(std::string_view contents);

// Adds the modules a condensed binary lists: the main module (an
// application described by the subject), each dependency, and the standard
// library, with their edges.
void add_binary_modules(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::golang
