#pragma once

#include "deps_json.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

#include <string>
#include <string_view>

// .NET assemblies (.dll, .exe), found by their content: the version
// resource and CLI header of each PE file, and what the deps.json of the
// application they belong to says they are.
namespace kensa::scanner::dotnet {

// Whether `head` starts like a PE file (an MZ header).
bool looks_like_pe(std::string_view head);

// What the scan keeps of a PE file: its version strings, whether it is
// managed, and its SHA-256 (binary/condensed.hpp); empty when it is no PE
// file or holds neither a version resource nor a CLI header.
std::string condense_assembly(std::string_view contents);

// Reads the *.deps.json files among `files` (parse_deps_json), then each
// condensed PE file: one a deps.json lists (see AssemblyIndex) is added to
// that library's component (its location as evidence, its SHA-256, its
// version strings as properties), so that an application's assembly is
// one component, not two; a managed assembly no deps.json lists is a
// component of its own, without a purl (nothing in the file says which
// NuGet package, if any, brought it); a native PE file no deps.json lists
// is left to other scanners.
void read_dotnet_applications(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::dotnet
