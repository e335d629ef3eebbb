#pragma once

#include "python_component.hpp"

#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>
#include <vector>

// direct_url.json (PEP 610): where a package installed from a URL, a VCS
// or a local folder came from.
namespace kensa::scanner::python {

// Adds what `json`, the contents of the direct_url.json `report` is about,
// says to `facts`: a vcs or distribution reference, the archive's hashes,
// the commit, the editable flag, the URL as a source property. Problems are
// warnings in `report`.
void read_direct_url(FileReport& report, std::string_view json, PackageFacts& facts);

} // namespace kensa::scanner::python
